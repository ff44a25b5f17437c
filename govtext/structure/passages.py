"""Passages: one per body paragraph; every body character is in exactly one passage or heading.

A line is a paragraph, less any heading at its start (the body after a heading on the same line is a
passage of its own). Very long lines (crawled one-line reports) are cut at heading boundaries and then
at sentence ends into paragraph-sized groups.

>>> ps = split_passages("一、回顾\\n全年办结5件。", [{"start": 0, "heading_end": 4}])
>>> list(zip(ps["text"], ps["section"], ps["start"]))
[('全年办结5件。', 0, 5)]
"""
from __future__ import annotations

import bisect
import json
import re
from functools import lru_cache
from pathlib import Path

import regex

from .detect import WS, line_ends

DATA = Path(__file__).resolve().parent.parent / "data"

MAX_PASSAGE = 600      # longer runs are cut at sentence ends ...
TARGET = 300           # ... into groups of about this many characters
# (the stdlib engine: these run at every sentence end of a crawled page, where it is 2-3x faster)
_SENT_END = re.compile(r"[。！？!?](?:[”’」』)）])?")
_OPENER = re.compile(r"(?:[一二三四五六七八九十]是|同时|此外|另外|但|然而|我们也|还存在|当前|今后|下一步|20[0-9]{2}年)")


@lru_cache(maxsize=1)
def _cfg() -> dict:
    return json.loads((DATA / "structure_passages.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _transition():
    pat = "|".join(f"(?:{p})" for p in _cfg()["transition_cues"])
    try:
        return re.compile(pat)       # tried at every sentence end of a crawled page: the faster engine
    except re.error:
        return regex.compile(pat)    # a cue using regex-only syntax (\p{Han} …)


def _chunks(text: str, s: int, e: int, crawl: bool = False):
    """Cut text[s:e] at sentence ends into groups near TARGET chars (linear). On a crawled one-line page
    (``crawl``) a sentence that turns to problems (structure_passages.json) also starts a new group.

    >>> t = "全年办结案件12件。" * 3 + "在取得成绩的同时，我们也清醒认识到还存在短板。"
    >>> [t[a:b][:6] for a, b in _chunks(t, 0, len(t), crawl=True)]
    ['全年办结案件', '在取得成绩的']
    """
    if e - s <= MAX_PASSAGE and not crawl:
        yield s, e
        return
    turn = _transition() if crawl else None
    long = e - s > MAX_PASSAGE
    cur = s
    for m in _SENT_END.finditer(text, s, e):
        pe = m.end()
        if pe >= e:
            break
        if turn is not None and turn.match(text, pe, min(e, pe + 80)):
            yield cur, pe
            cur = pe
            continue
        if not long:
            continue
        size = pe - cur
        if size >= TARGET * 1.4 or (size >= TARGET and _OPENER.match(text, pe) is not None):
            yield cur, pe
            cur = pe
    if cur < e:
        yield cur, e


def split_passages(text: str, rows: list[dict]) -> dict[str, list]:
    """Body paragraphs as columns {"text", "section", "start", "end"} (parallel lists: no object per
    passage, which keeps a large corpus's garbage collections short)."""
    heads = sorted((r["start"], r["heading_end"], i) for i, r in enumerate(rows))
    out: dict[str, list] = {"text": [], "section": [], "start": [], "end": []}
    ends = line_ends(text)
    crawl_min = _cfg()["crawl_line_min"]
    hi, cur, n_heads, n = 0, -1, len(heads), len(text)
    for s, e in _body_spans(heads, n):
        ls = s
        while ls < e:                    # each line of the span (a paragraph, unless its line is crawled)
            le = text.find("\n", ls, e)
            le = e if le < 0 else le
            a, ls = ls, le + 1
            if a == le:
                continue                 # a blank line
            while hi < n_heads and heads[hi][0] <= a:
                cur = heads[hi][2]
                hi += 1
            # lost line breaks: a very long line, or the body of a heading that ran into its text
            if le - a >= crawl_min or (cur >= 0 and rows[cur].get("kind") == "runin"):
                crawl = True
            elif (a == 0 or text[a - 1] == "\n") and (le == n or text[le] == "\n"):
                crawl = False            # the piece is its whole line, and a short one
            else:
                crawl = _line_len(ends, a) >= crawl_min
            if crawl or le - a > MAX_PASSAGE:
                for pa, pb in _chunks(text, a, le, crawl=crawl):
                    _add(out, text, pa, pb, cur)
            else:
                _add(out, text, a, le, cur)
    return out


def _body_spans(heads: list[tuple], n: int) -> list[tuple[int, int]]:
    """The text between heading spans (sorted (start, heading_end, row) tuples)."""
    spans = []
    pos = 0
    for hs, he, _ in heads:
        if hs > pos:
            spans.append((pos, hs))
        pos = max(pos, he)
    if pos < n:
        spans.append((pos, n))
    return spans


def _line_len(ends: list[int], pos: int) -> int:
    """Length of the physical line holding ``pos`` (``ends``: :func:`detect.line_ends`)."""
    k = bisect.bisect_left(ends, pos)
    return ends[k] - (ends[k - 1] + 1 if k else 0)


def _add(out: dict[str, list], text: str, a: int, b: int, section: int) -> None:
    """Append text[a:b] less surrounding white space as a passage (nothing when it is all space)."""
    piece = text[a:b]
    body = piece.strip(WS)
    if not body:
        return
    if len(body) != len(piece):
        a += len(piece) - len(piece.lstrip(WS))
        b = a + len(body)
    out["text"].append(body)
    out["section"].append(section)
    out["start"].append(a)
    out["end"].append(b)
