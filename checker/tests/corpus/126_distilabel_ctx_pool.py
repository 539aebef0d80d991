# Adapted from https://github.com/argilla-io/distilabel/issues/685 (a pipeline that opens ctx.Pool; the user's
# script called it at module level on macOS).
import multiprocessing as mp


def _init_worker() -> None:
    pass


def run_pipeline(steps: list) -> list:
    ctx = mp.get_context()
    with ctx.Pool(len(steps), initializer=_init_worker) as pool:
        return pool.map(str, steps)


result = run_pipeline(["load", "generate"])  # expect: process-start-without-main-guard

if __name__ == "__main__" and result:
    print(run_pipeline(["again"]))  # ok: process-start-without-main-guard
