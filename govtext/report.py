"""`Report`: one report's cleaned text, its metadata, and the tables derived from it.

Every table carries ``start``/``end`` offsets into :attr:`Report.text`, so
``report.text[start:end]`` is always the span a row came from. Tables are
computed on first access and cached on the object.

>>> import govtext
>>> r = govtext.read(text="一、主要成效\\n全年化解矛盾纠纷18件。", meta={"place": "城东镇"})
>>> r.meta["place"]
'城东镇'
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the tables' modules import pandas when a table is first computed
    import pandas as pd

META_KEYS = ("title", "place", "level", "year", "report_type", "publish_date", "source", "path")


@dataclass(eq=False)
class Report:
    """A cleaned report. Build one with :func:`govtext.read`, not directly."""

    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    hints: frozenset[str] = field(default_factory=frozenset, repr=False)
    model: Any = field(default=None, repr=False)

    # -- pipeline stages, each computed once ---------------------------------
    @cached_property
    def _structure(self):
        from .structure import parse_structure

        return parse_structure(self.text, self.meta, self.hints)

    @cached_property
    def sections(self) -> pd.DataFrame:
        """One row per heading: level, marker, title, role, start, end, parent, path."""
        return self._structure.sections

    @cached_property
    def initiatives(self) -> pd.DataFrame:
        """The initiative headings under the achievements and plans parts."""
        from .structure import initiatives

        return initiatives(self.text, self.sections)

    @cached_property
    def indicators(self) -> pd.DataFrame:
        """Every stated quantity: value, unit, qualifier, target, subject, offsets."""
        from .indicators import extract_indicators

        return extract_indicators(self.text, self.sections, self.meta)

    @cached_property
    def passages(self) -> pd.DataFrame:
        """One row per body paragraph with its label, score and what decided it."""
        from .classify import label_passages

        return label_passages(self.text, self._structure.passages, self.sections, self.meta, model=self.model)

    @cached_property
    def sentences(self) -> pd.DataFrame:
        """Like :attr:`passages`, one row per sentence."""
        from .classify import label_sentences

        return label_sentences(self.text, self.passages, self.sections, self.meta, model=self.model)

    def analyze(self) -> "Report":
        """Compute every table now (they are otherwise computed on first access)."""
        for name in ("sections", "initiatives", "indicators", "passages"):
            getattr(self, name)
        return self

    # -- notebook ------------------------------------------------------------
    def _repr_html_(self) -> str:
        from .notebook.display import report_html

        return report_html(self)

    def highlight(self, section: int | None = None):
        """The text with indicators, headings and passage labels marked (HTML, for Jupyter)."""
        from .notebook.display import highlight

        return highlight(self, section=section)

    def __repr__(self) -> str:
        m = self.meta
        bits = [f"{k}={m.get(k)!r}" for k in ("title", "place", "year", "report_type") if m.get(k) is not None]
        return f"<Report {' '.join(bits)} chars={len(self.text)}>"
