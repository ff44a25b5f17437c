"""What the stage benchmarks share: which corpus to read, and its reports read once."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP = {"manifest.csv", "README.md"}


def default_corpus() -> Path:
    """The real reports in ../shared/corpora when present, else the project's own samples."""
    shared = ROOT.parent / "shared" / "corpora"
    return shared if shared.is_dir() else ROOT / "corpora"


def read_reports(corpus: Path) -> list:
    """Every readable report under ``corpus`` (sorted by path), as govtext.Report objects."""
    import govtext

    out = []
    for path in sorted(p for p in corpus.rglob("*") if p.is_file() and p.name not in SKIP):
        try:
            out.append(govtext.read(path))
        except Exception as exc:  # a broken input is not what these benchmarks measure
            print(f"  skipped {path.name}: {type(exc).__name__}")
    return out
