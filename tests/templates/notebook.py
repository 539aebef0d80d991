"""Runs a jupytext percent-format template as a notebook: its `# %%` cells become notebook cells
(`# %% [markdown]` cells markdown), executed in order by nbclient on this Python's ipykernel, in the
current folder. Prints every cell's text output; exits 1 if a cell raised.

Usage: python notebook.py TEMPLATE.py   (with the Python of the environment under test)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def cells(text: str) -> list[nbformat.NotebookNode]:
    out = []
    for chunk in re.split(r"(?m)^# %%", text)[1:]:
        header, _, body = chunk.partition("\n")
        if "[markdown]" in header:
            lines = [re.sub(r"^# ?", "", line) for line in body.strip("\n").splitlines()]
            out.append(nbformat.v4.new_markdown_cell("\n".join(lines)))
        else:
            out.append(nbformat.v4.new_code_cell(body.strip("\n")))
    return out


def main() -> int:
    notebook = nbformat.v4.new_notebook()
    notebook.cells = cells(Path(sys.argv[1]).read_text())
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    code = sum(1 for c in notebook.cells if c.cell_type == "code")
    print(f"notebook: {len(notebook.cells)} cells, {code} of code")
    client = NotebookClient(notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": "."}})
    try:
        client.execute()
    except CellExecutionError as exc:
        print(f"a cell raised: {exc}", file=sys.stderr)
        return 1
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream":
                sys.stdout.write(output["text"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
