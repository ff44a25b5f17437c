"""The marked spans of a report (headings, indicators, passages) as plain tuples.

Shared by the HTML highlighter and the spaCy export so both mark exactly the
same character ranges. Every function is robust to empty tables and to
tables that lack optional columns.

>>> import govtext
>>> from govtext.notebook.spans import passage_spans
>>> r = govtext.read(text="城东镇全年化解纠纷18件。")
>>> [(s.start, s.end) for s in passage_spans(r)]
[(0, 13)]
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

# Headings longer than this (marker + title) are cut: the title ends at 。 anyway.
_MAX_HEADING = 200


@dataclass(frozen=True)
class Mark:
    """One marked range ``text[start:end]`` with its label and row attributes."""

    start: int
    end: int
    label: str
    row: int
    attrs: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


def _int(v) -> int | None:
    try:
        if v is None or (isinstance(v, float) and math.isnan(v)):
            return None
        return int(v)
    except (TypeError, ValueError):
        return None


def _clean(v):
    """NaN/NA -> None, numpy scalars -> Python scalars (for tooltips and spaCy attributes)."""
    if v is None:
        return None
    try:
        if pd.isna(v):
            return None
    except (TypeError, ValueError):
        pass
    return v.item() if hasattr(v, "item") else v


def safe_table(report, name: str) -> pd.DataFrame:
    """``report.<name>`` or an empty frame when that stage is missing or fails."""
    try:
        df = getattr(report, name)
    except Exception:
        return pd.DataFrame()
    return df if isinstance(df, pd.DataFrame) else pd.DataFrame()


def heading_end(text: str, row) -> int:
    """End offset of a heading (marker + title) that starts at ``row.start``.

    Uses ``heading_end`` or ``title_end`` when the structure stage gives them;
    otherwise finds the title in the heading's line; otherwise the line end.
    """
    start = _int(row.get("start"))
    for col in ("heading_end", "title_end"):
        e = _int(row.get(col))
        if e is not None and start is not None and start < e <= len(text):
            return e
    if start is None:
        return -1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    limit = min(line_end, start + _MAX_HEADING)
    title = row.get("title")
    if isinstance(title, str) and title:
        pos = text.find(title, start, limit)
        if pos >= 0:
            return pos + len(title)
    return limit


def heading_spans(report) -> list[Mark]:
    """One mark per heading; label = the section role (or ``heading``)."""
    text, df = report.text, safe_table(report, "sections")
    out = []
    for i, row in enumerate(df.to_dict("records")):
        s, e = _int(row.get("start")), heading_end(text, row)
        if s is None or not (0 <= s < e <= len(text)):
            continue
        role = _clean(row.get("role")) or "heading"
        attrs = {k: _clean(row.get(k)) for k in ("level", "marker", "title", "role")}
        out.append(Mark(s, e, str(role), i, attrs))
    return out


def indicator_spans(report) -> list[Mark]:
    """One mark per indicator; label ``target`` or ``outcome``; attrs hold value, unit, ...."""
    text, df = report.text, safe_table(report, "indicators")
    out = []
    for i, row in enumerate(df.to_dict("records")):
        s, e = _int(row.get("start")), _int(row.get("end"))
        if s is None or e is None or not (0 <= s < e <= len(text)):
            continue
        target = bool(_clean(row.get("target")) or False)
        attrs = {k: _clean(row.get(k)) for k in ("value", "value_max", "unit", "approx", "qualifier",
                                                  "change", "kind", "subject")}
        attrs["target"] = target
        out.append(Mark(s, e, "target" if target else "outcome", i, attrs))
    return out


def passage_spans(report, table: str = "passages") -> list[Mark]:
    """One mark per passage (or sentence with ``table="sentences"``); label = its label."""
    text, df = report.text, safe_table(report, table)
    out = []
    for i, row in enumerate(df.to_dict("records")):
        s, e = _int(row.get("start")), _int(row.get("end"))
        if s is None or e is None or not (0 <= s < e <= len(text)):
            continue
        label = _clean(row.get("label")) or "other"
        attrs = {k: _clean(row.get(k)) for k in ("score", "source", "section")}
        out.append(Mark(s, e, str(label), i, attrs))
    return out
