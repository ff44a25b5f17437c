"""Heading tree: levels by order of family use, parents, section ends and paths. Linear time.

>>> from .detect import find_headings
>>> t = "一、回顾\\n（一）党建\\n正文。\\n二、计划\\n正文。"
>>> rows = build_tree(t, find_headings(t))
>>> [(r["level"], r["parent"], r["path"], t[r["start"]:r["end"]]) for r in rows]
[(1, -1, '1', '一、回顾\\n（一）党建\\n正文。'), (2, 0, '1/1', '（一）党建\\n正文。'), (1, -1, '2', '二、计划\\n正文。')]
"""
from __future__ import annotations

from .detect import WS, Head


def build_tree(text: str, heads: list[Head]) -> list[dict]:
    order: list[str] = []
    for h in heads:
        if h.family not in order:
            order.append(h.family)
    rows: list[dict] = []
    stack: list[int] = []          # indices of open sections, levels strictly increasing
    counters: dict[int, int] = {}  # child counters per parent row (-1 = top)
    for i, h in enumerate(heads):
        level = order.index(h.family) + 1
        while stack and rows[stack[-1]]["level"] >= level:
            _close(text, rows[stack.pop()], h.start)
        parent = stack[-1] if stack else -1
        counters[parent] = counters.get(parent, 0) + 1
        path = (rows[parent]["path"] + "/" if parent >= 0 else "") + str(counters[parent])
        rows.append({
            "level": level, "marker": h.marker, "title": h.title, "role": None,
            "start": h.start, "end": None, "parent": parent, "path": path,
            "title_start": h.title_start, "title_end": h.title_end, "heading_end": h.heading_end,
            "family": h.family, "number": h.number, "kind": h.kind,
        })
        stack.append(i)
    while stack:
        _close(text, rows[stack.pop()], len(text))
    return rows


def _close(text: str, row: dict, end: int) -> None:
    """End a section at ``end``, less trailing white space (never before its own heading)."""
    e = end
    while e > row["heading_end"] and text[e - 1] in WS + "\n":
        e -= 1
    row["end"] = max(e, row["heading_end"])
