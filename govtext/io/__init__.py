"""Loading: bytes on disk to raw text plus structure hints (bold/heading paragraphs).

>>> from govtext.io import Loaded
>>> Loaded(raw="一、概况", hints=frozenset(), page_meta={}, path=None).raw
'一、概况'
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ReadError, UnsupportedFormatError


@dataclass(frozen=True)
class Loaded:
    """What a reader hands to cleaning.

    raw: the text as the file holds it (decoded, markup removed, residue kept).
    hints: paragraphs the source marked as bold or heading (stripped text).
    page_meta: metadata the container states (HTML <meta>, .docx core props).
    path: the file's path as a string, or None for text given directly.
    """

    raw: str
    hints: frozenset = field(default_factory=frozenset)
    page_meta: dict[str, Any] = field(default_factory=dict)
    path: str | None = None


def load(path: Path) -> Loaded:
    """Read one file. Placeholder until the readers land: UTF-8 text only."""
    path = Path(path)
    if not path.exists():
        raise ReadError(path, "the file does not exist")
    if path.suffix.lower() not in (".txt", ".md"):
        raise UnsupportedFormatError(path, f"govtext cannot read {path.suffix or 'extensionless'} files")
    return Loaded(raw=path.read_text(encoding="utf-8-sig"), path=str(path))
