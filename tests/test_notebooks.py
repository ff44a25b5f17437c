"""The worked notebooks run top to bottom (nbclient, python3 kernel of this interpreter)."""
from __future__ import annotations

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

from govtext.notebook.fonts import find_cjk_font  # noqa: E402

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
CELL_TIMEOUT = 300  # seconds per cell; the whole notebook is bounded by cells x this

# Text matplotlib or govtext writes when a character would be drawn as an empty box.
GLYPH_WARNINGS = ("missing from font", "missing from current font", "CJKFontWarning")


def _run(name: str):
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute()  # raises CellExecutionError on the first failing cell
    return nb


def _stderr(nb) -> str:
    return "\n".join(out.get("text", "") for cell in nb.cells if cell.cell_type == "code"
                     for out in cell.get("outputs", []) if out.get("name") == "stderr")


def _outputs(nb, mime: str) -> list[str]:
    return [out["data"][mime] for cell in nb.cells if cell.cell_type == "code"
            for out in cell.get("outputs", []) if mime in out.get("data", {})]


@pytest.mark.parametrize("name", ["quickstart.ipynb", "comparison.ipynb"])
def test_notebook_runs(name):
    nb = _run(name)
    html = "".join(_outputs(nb, "text/html"))
    assert "govtext" in html  # the rich displays were produced
    if name == "comparison.ipynb":
        assert _outputs(nb, "image/png"), "the comparison notebook draws figures"
    if find_cjk_font() is None:
        pytest.skip("notebook ran, but no CJK font is installed (apt-get install fonts-noto-cjk): "
                    "glyph coverage of its figures cannot be checked")
    err = _stderr(nb)
    assert not any(w in err for w in GLYPH_WARNINGS), err[-2000:]
