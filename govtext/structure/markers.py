"""Heading marker families: patterns (from ``data/structure_markers.json``) and numeral values.

>>> m = marker_at("（三）加强队伍建设", 0)
>>> (m.family, m.number, m.end)
('paren_cn', 3, 3)
>>> marker_at("五证合一、一照一码", 3) is None   # not a line start: caller decides; here it still parses
False
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

DATA = Path(__file__).resolve().parent.parent / "data"

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "零": 0, "〇": 0}
_CIRCLED = {chr(0x2460 + i): i + 1 for i in range(20)}          # ① .. ⑳
_CIRCLED.update({chr(0x2474 + i): i + 1 for i in range(20)})     # ⑴ .. ⒇


def cn_number(s: str) -> int:
    """Value of a small Chinese or Arabic (ASCII/full-width) numeral.

    >>> cn_number("十二"), cn_number("二十"), cn_number("１２"), cn_number("⑶")
    (12, 20, 12, 3)
    """
    if s in _CIRCLED:
        return _CIRCLED[s]
    if s and all(ch.isdigit() for ch in s):
        return int("".join(str(int(ch)) for ch in s))
    if "十" in s:
        a, _, b = s.partition("十")
        return (_CN_DIGITS.get(a, 1) if a else 1) * 10 + (_CN_DIGITS.get(b, 0) if b else 0)
    val = 0
    for ch in s:
        val = val * 10 + _CN_DIGITS.get(ch, 0)
    return val


@dataclass(frozen=True)
class Marker:
    family: str
    number: int
    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def config() -> dict:
    return json.loads((DATA / "structure_markers.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def families() -> tuple[str, ...]:
    return tuple(f["name"] for f in config()["families"])


@lru_cache(maxsize=1)
def marker_regex() -> "regex.Pattern":
    """One alternation of all families; the matching group's name is the family."""
    # the look-ahead lets the scanner skip every character no marker can start with (7x faster)
    pat = f"(?=[{config()['first_chars']}])" + _families_alternation()
    try:
        return re.compile(pat)       # the stdlib engine scans this alternation about twice as fast
    except re.error:
        return regex.compile(pat)    # a family pattern using regex-only syntax (\\p{Han} …)


def _families_alternation() -> str:
    cfg = config()
    parts = []
    for fam in cfg["families"]:
        body = fam["regex"].replace("{cn}", cfg["cn"]).replace("{d}", cfg["d"])
        body = body.replace("(?P<n>", f"(?P<n_{fam['name']}>").replace("(?P<c>", f"(?P<c_{fam['name']}>")
        parts.append(f"(?P<{fam['name']}>{body})")
    return "(?:" + "|".join(parts) + ")"


@lru_cache(maxsize=1)
def _scanner():
    """The marker alternation behind a consumed first character: ``[first](?<=(?=ALT).)`` matches that
    one character exactly where ALT matches, and its leading character class lets the stdlib engine
    skip to candidate characters in C (a leading look-ahead makes it try every position). None when a
    family needs the regex module."""
    try:
        return re.compile(f"[{config()['first_chars']}](?<=(?={_families_alternation()})(?s:.))")
    except re.error:
        return None


def scan_markers(text: str):
    """The matches of :func:`marker_regex` over ``text``, in order and non-overlapping, as its finditer
    gives them; a match's span is its family group's (``m.span(m.lastgroup)``)."""
    sc = _scanner()
    if sc is None:
        yield from marker_regex().finditer(text)
        return
    last = 0
    for m in sc.finditer(text):          # every position where a marker matches ...
        if m.start() >= last:            # ... less those inside the previous marker
            last = m.end(m.lastgroup)
            yield m


def marker_at(text: str, pos: int) -> Marker | None:
    """The marker starting exactly at ``pos``, or None."""
    m = marker_regex().match(text, pos)
    if not m:
        return None
    return _to_marker(m)


def _to_marker(m) -> Marker:
    fam = m.lastgroup
    n_group, c_group = _number_groups(fam)
    num = m.group(n_group) if n_group else None
    if not num and c_group:
        num = m.group(c_group)
    return Marker(fam, cn_number(num or "1"), m.start(fam), m.end(fam), m.group(fam))


@lru_cache(maxsize=None)
def _number_groups(fam: str) -> tuple[str | None, str | None]:
    """The names of the family's number group and enclosed-number group (None where it has none)."""
    names = marker_regex().groupindex
    return (f"n_{fam}" if f"n_{fam}" in names else None), (f"c_{fam}" if f"c_{fam}" in names else None)
