@contextmanager
def input_folder() -> Iterator[Path]:
    """PYCONC_DIR if set, otherwise a temporary folder of samples, removed afterwards."""
    if INPUT_DIR:
        yield Path(INPUT_DIR)
        return
    with tempfile.TemporaryDirectory(prefix="pyconc-") as tmp:
        write_samples(Path(tmp), COUNT)
        yield Path(tmp)
