"""Structure: heading tree, section roles, paragraphs (passages) and initiative headings.

>>> s = parse_structure("一、2023年工作回顾\\n（一）抓党建。全年学习5次。\\n二、2024年工作安排\\n做好三件事。",
...                     {"year": 2024, "report_type": "gwr"}, frozenset())
>>> s.sections[["level", "title", "role", "parent", "path"]].values.tolist()
[[1, '2023年工作回顾', 'achievements', -1, '1'], [2, '抓党建', 'achievements', 0, '1/1'], [1, '2024年工作安排', 'plans', -1, '2']]
>>> s.passages[["text", "section", "role"]].values.tolist()
[['全年学习5次。', 1, 'achievements'], ['做好三件事。', 2, 'plans']]

Modules: ``markers`` (marker families), ``detect`` (headings), ``boundary`` (where a run-in title ends),
``tree`` (levels, parents, ends), ``roles`` (section roles), ``passages`` (paragraphs), ``frames`` (the
tables, built cheaply).
Data: ``data/structure_markers.json``, ``data/structure_cues.json`` (openers, parallel-shape words),
``data/structure_boundary.json`` (learned by ``python -m govtext.structure.train_boundary``),
``data/structure_passages.json`` (problem-turn cues that split passages on one-line pages), ``data/roles.json``.

Run-in titles (crawled one-line pages) are cut by, in order: a decisive body opener (一是, 我局, 今年以来),
the learned boundary score, the parallel shape of the title's own clauses, and then the sibling passes in
``detect`` (siblings' title length, last-clause length, a shared word, a common clause length).
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .detect import find_headings
from .frames import columns_frame
from .passages import split_passages
from .roles import assign_roles
from .tree import build_tree

SECTION_COLUMNS = ["level", "marker", "title", "role", "start", "end", "parent", "path",
                   "title_start", "title_end", "heading_end", "family", "number"]
PASSAGE_COLUMNS = ["text", "section", "role", "start", "end"]
INITIATIVE_COLUMNS = ["title", "role", "level", "lead", "chars", "start", "end", "section"]


@dataclass(frozen=True)
class Structure:
    """``sections``: one row per heading (SECTION_COLUMNS); ``passages``: one row per body paragraph."""

    sections: pd.DataFrame
    passages: pd.DataFrame


def parse_structure(text: str, meta: dict, hints: frozenset) -> Structure:
    """Headings, section roles and passages of a cleaned report.

    ``sections``: level (1 = the first marker family the report uses), marker, title, role, start/end
    (the heading's start and the end of its body incl. children), parent (row index, -1 for top level),
    path ("2/1"), title_start/title_end, heading_end (end of the heading text incl. trailing 。).
    ``passages``: text, section (innermost section row, -1 before the first heading), role (the
    section's role, 'preamble' before the first heading), start, end. Passage labels are assigned later
    (govtext.classify); until then the section role is the natural default.
    """
    heads = find_headings(text, hints or frozenset())
    rows = build_tree(text, heads)
    assign_roles(text, rows, meta or {})
    sections = _frame(rows, SECTION_COLUMNS, _SECTION_INTS)
    ps = split_passages(text, rows)
    roles = [r["role"] for r in rows]
    ps["role"] = [roles[k] if k >= 0 else "preamble" for k in ps["section"]]
    passages = columns_frame(ps, PASSAGE_COLUMNS, _PASSAGE_INTS)
    return Structure(sections, passages)


_SECTION_INTS = frozenset({"level", "start", "end", "parent", "title_start", "title_end", "heading_end", "number"})
_PASSAGE_INTS = frozenset({"section", "start", "end"})


def _frame(rows: list[dict], columns: list[str], ints: frozenset) -> pd.DataFrame:
    """A DataFrame built column by column (much cheaper than from a list of dicts plus astype)."""
    return columns_frame({c: [r[c] for r in rows] for c in columns}, columns, ints)


def _lead(title: str) -> str:
    cut = len(title)
    for ch in "，、：,:":
        k = title.find(ch)
        if 0 < k < cut:
            cut = k
    return title[:cut]


def initiatives(text: str, sections: pd.DataFrame) -> pd.DataFrame:
    """Initiative headings: the titles under the achievements and plans parts.

    Rows are the headings of level >= 2 inside achievements/plans sections, or the level-1 headings
    themselves when such a part has no deeper headings. ``lead`` is the title up to its first ，/、/：,
    ``chars`` the section's length, ``section`` its row index in ``sections``.

    >>> s = parse_structure("一、工作回顾\\n（一）抓党建，强队伍。学习5次。\\n二、存在问题\\n不足。", {}, frozenset())
    >>> initiatives("", s.sections)[["title", "lead", "role"]].values.tolist()
    [['抓党建，强队伍', '抓党建', 'achievements']]
    """
    if sections is None or not len(sections):
        return pd.DataFrame(columns=INITIATIVE_COLUMNS)
    # Plain lists, not iterrows: this runs once per report in a corpus.
    title, role, level, start, end, parent = _column_lists(sections, ("title", "role", "level", "start",
                                                                     "end", "parent"))
    index = sections.index.tolist()
    has_child = {p for p in parent if p >= 0}
    rows: dict[str, list] = {c: [] for c in INITIATIVE_COLUMNS}
    for k, i in enumerate(index):
        r = role[k]
        if r not in ("achievements", "plans") or (level[k] == 1 and i in has_child):
            continue
        for c, v in (("title", title[k]), ("role", r), ("level", level[k]), ("lead", _lead(title[k])),
                     ("chars", end[k] - start[k]), ("start", start[k]), ("end", end[k]), ("section", i)):
            rows[c].append(v)
    if not rows["title"]:
        return pd.DataFrame(rows, columns=INITIATIVE_COLUMNS)
    return columns_frame(rows, INITIATIVE_COLUMNS, _INITIATIVE_INTS, strings="inferred")


_INITIATIVE_INTS = frozenset({"level", "chars", "start", "end", "section"})


def _column_lists(df: pd.DataFrame, names: tuple[str, ...]) -> list[list]:
    """The columns ``names`` of ``df`` as lists; through pandas' own column accessor when it has one
    (``df[name]`` builds a Series per column, several times the cost for a small frame)."""
    get = getattr(df, "_get_column_array", None)
    locs = [df.columns.get_loc(c) for c in names]
    if get is None or not all(isinstance(k, int) for k in locs):
        return [df[c].tolist() for c in names]      # (older pandas, or a repeated column name)
    return [get(k).tolist() for k in locs]
