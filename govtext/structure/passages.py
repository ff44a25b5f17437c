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
from functools import lru_cache
from pathlib import Path

import regex

from .detect import WS

DATA = Path(__file__).resolve().parent.parent / "data"

MAX_PASSAGE = 600      # longer runs are cut at sentence ends ...
TARGET = 300           # ... into groups of about this many characters
_NL = regex.compile(r"\n")
_SENT_END = regex.compile(r"[。！？!?](?:[”’」』)）])?")
_OPENER = regex.compile(r"(?:[一二三四五六七八九十]是|同时|此外|另外|但|然而|我们也|还存在|当前|今后|下一步|20[0-9]{2}年)")


@lru_cache(maxsize=1)
def _cfg() -> dict:
    return json.loads((DATA / "structure_passages.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _transition():
    return regex.compile("|".join(f"(?:{p})" for p in _cfg()["transition_cues"]))


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
    ends = [m.end() for m in _SENT_END.finditer(text, s, e)]
    cur = s
    for k, pe in enumerate(ends):
        size = pe - cur
        if pe >= e:
            break
        if turn is not None and turn.match(text, pe, min(e, pe + 80)):
            yield cur, pe
            cur = pe
            continue
        if e - s <= MAX_PASSAGE:
            continue
        nxt_open = _OPENER.match(text, pe) is not None
        if size >= TARGET * 2 or (size >= TARGET and nxt_open) or (size >= TARGET * 1.4):
            yield cur, pe
            cur = pe
    if cur < e:
        yield cur, e


def split_passages(text: str, rows: list[dict]) -> dict[str, list]:
    """Body paragraphs as columns {"text", "section", "start", "end"} (parallel lists: no object per
    passage, which keeps a large corpus's garbage collections short)."""
    heads = sorted((r["start"], r["heading_end"], i) for i, r in enumerate(rows))
    o_text: list[str] = []
    o_sec: list[int] = []
    o_start: list[int] = []
    o_end: list[int] = []
    # body spans: the text between heading spans, then cut at line breaks
    spans = []
    pos = 0
    for hs, he, i in heads:
        if hs > pos:
            spans.append((pos, hs))
        pos = max(pos, he)
    if pos < len(text):
        spans.append((pos, len(text)))
    hi = 0
    cur = -1
    nl = [m.start() for m in _NL.finditer(text)]
    crawl_min = _cfg()["crawl_line_min"]
    for s, e in spans:
        for ls, le in _lines(text, s, e):
            k = bisect.bisect_left(nl, ls)                 # the physical line holding this piece
            line_start = nl[k - 1] + 1 if k > 0 else 0
            line_end = nl[k] if k < len(nl) else len(text)
            while hi < len(heads) and heads[hi][0] <= ls:
                cur = heads[hi][2]
                hi += 1
            # lost line breaks: a very long line, or the body of a heading that ran into its text
            crawl = line_end - line_start >= crawl_min or (cur >= 0 and rows[cur].get("kind") == "runin")
            for a, b in _chunks(text, ls, le, crawl=crawl):
                while a < b and text[a] in WS:
                    a += 1
                while b > a and text[b - 1] in WS:
                    b -= 1
                if a >= b:
                    continue
                o_text.append(text[a:b])
                o_sec.append(cur)
                o_start.append(a)
                o_end.append(b)
    return {"text": o_text, "section": o_sec, "start": o_start, "end": o_end}


def _lines(text: str, s: int, e: int):
    a = s
    while a < e:
        k = text.find("\n", a, e)
        if k < 0:
            yield a, e
            return
        yield a, k
        a = k + 1
