"""Context of an indicator: its sentence, clause, subject, change direction, target flag, section.

All lookups are bisections into boundary arrays computed once per text, so the
whole pass stays linear.

>>> t = "地区生产总值增长5%左右。入户宣传5.2万户。"
>>> ctx = TextContext(t)
>>> ctx.sentence_span(8)
(0, 13)
>>> subject_before(t, ctx.clause_span(8)[0], 8)
'地区生产总值'
"""
from __future__ import annotations

import bisect
import heapq
import math
import re
from functools import lru_cache
from typing import NamedTuple

import numpy as np
import pandas as pd

from .lexicon import alternation, lexicon

_SENT_CHARS = "。！？!?\n"                  # a sentence ends after one of these
_CLAUSE_CHARS = _SENT_CHARS + "，,；;：:"     # a clause after one of these
_SENT_END = re.compile(f"[{_SENT_CHARS}]")
# list markers and stray figures before a subject: （一）, 三、, “十四五”; a Chinese numeral run
# only when no CJK character follows it, since it may start the subject's first word
# (一般公共预算, 一体化, 十大工程); a shorter part of a run is followed by a numeral, itself CJK,
# so backtracking into a run fails at once (linear on a long run)
_LEADING_JUNK = re.compile(r"^(?:[\s、，,；;：:（）()“”\"'‘’《》〈〉【】—\-·…0-9]|[一二三四五六七八九十]+(?![\u4e00-\u9fff]))*[、.．)）]?")
_CHANGE_NOT_VERB = re.compile(r"^(?:值|贡献|连续|点|极|动力|潜力|空间|目标|预期|方式|的|较快|较大|明显|稳定|态势|趋势|水平|完成)")
_YEAR_START = re.compile(r"^(?:[12]\d{3}|[一二][〇零○一二三四五六七八九]{3})年(?:度|底|末|初|全年|以来)?")
_YEAR_END = re.compile(r"(?:20\d\d|19\d\d)年(?:底|末|初)?$")
_YEAR_END_CHARS = frozenset("年底末初")
_AFTER_CUT = re.compile(r"[，,。；;：:！？\n]")
_AFTER_JUNK = re.compile(r"^(?:的|左右|以上|以内)")


class TextContext:
    """Sentence and clause boundaries of one text."""

    def __init__(self, text: str):
        self.text = text
        if not isinstance(text, str):     # what re says about it (TypeError)
            self.sent_ends = [m.end() for m in _SENT_END.finditer(text)]
        # one numpy pass over the code points: a regex would make a match object per
        # comma, and a report has tens of thousands (surrogatepass: any str encodes)
        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        sent, clause = _end_tables()
        self.sent_ends = (np.flatnonzero(sent[codes]) + 1).tolist()
        self.clause_ends = (np.flatnonzero(clause[codes]) + 1).tolist()
        self.para_ends = (np.flatnonzero(codes == 10) + 1).tolist()

    @staticmethod
    def _span(ends: list[int], pos: int, n: int) -> tuple[int, int]:
        i = bisect.bisect_right(ends, pos)
        start = ends[i - 1] if i > 0 else 0
        end = ends[i] if i < len(ends) else n
        return start, end

    def sentence_span(self, pos: int) -> tuple[int, int]:
        return self._span(self.sent_ends, pos, len(self.text))

    def paragraph_start(self, pos: int) -> int:
        return self._span(self.para_ends, pos, len(self.text))[0]

    def clause_span(self, pos: int) -> tuple[int, int]:
        return self._span(self.clause_ends, pos, len(self.text))


@lru_cache(maxsize=1)
def _end_tables() -> tuple[np.ndarray, np.ndarray]:
    """Sentence-end and clause-end flags indexed by code point."""
    out = []
    for chars in (_SENT_CHARS, _CLAUSE_CHARS):
        table = np.zeros(0x110000, dtype=np.bool_)
        table[[ord(c) for c in chars]] = True
        out.append(table)
    return out[0], out[1]


class _SubjectWords(NamedTuple):
    ends: dict                # last character -> subject_strip_end words ending in it, longest first
    strip_start: re.Pattern   # ^(?:subject_strip_start words)
    duration: re.Pattern      # 五年…, 三年内… opening a subject
    change: tuple             # (pattern, direction) for change_up, change_down
    any_change: re.Pattern    # either list: most windows hold neither


@lru_cache(maxsize=1)
def _words() -> _SubjectWords:
    lex = lexicon()
    w = lex.words
    strip_start = re.compile(rf"^(?:{w['subject_strip_start'].pattern})")
    # a span of years opening the subject (五年新增…, 三年内累计…) is dropped like 2023年,
    # unless it starts a name or grade (三年行动, 五年制); something must remain after it
    duration = re.compile(rf"^[一二两三四五六七八九十]{{1,3}}年(?!{w['subject_duration_not_followed_by'].pattern})"
                          rf"(?:内|来|间|中|里)?(?=[\u4e00-\u9fff]{{2}})")
    # suffix words by last character, longest first: a `(?:…)$` regex would try every position
    ends: dict[str, list[str]] = {}
    for x in sorted({x for x in lex.rules["subject_strip_end"] if x}, key=len, reverse=True):
        ends.setdefault(x[-1], []).append(x)
    change = ((w["change_up"], "up"), (w["change_down"], "down"))
    any_change = re.compile(alternation(lex.rules["change_up"] + lex.rules["change_down"]))
    return _SubjectWords(ends, strip_start, duration, change, any_change)


def _strip_end(s: str, ends: dict) -> str:
    """``s`` without its longest suffix from ``ends`` (unchanged if none)."""
    for x in ends.get(s[-1:], ()):
        if s.endswith(x):
            return s[:-len(x)]
    return s


def subject_before(text: str, lo: int, pos: int, max_len: int = 16) -> str:
    """What is counted: the words between ``lo`` (clause start) and the number at ``pos``.

    Verbs and qualifiers next to the number (增长, 达到, 约) and openers (其中, 全年)
    are dropped; long phrases keep their last ``max_len`` characters.
    """
    return _subject_of(text[max(lo, pos - 60):pos], max_len)


@lru_cache(maxsize=4096)
def _subject_of(s: str, max_len: int) -> str:
    """subject_before for the text before a number (cached: a third of them recur).

    The patterns dropped from the start are all anchored (^), so a match and a slice
    replace a ``sub``; the year patterns need a 年 and are tried only when one is there.
    """
    ends, strip_start, duration, _, _ = _words()
    s = s.strip()
    if "年" in s:
        s = _YEAR_START.sub("", s)
    s = s[_LEADING_JUNK.match(s).end():]
    if "年" in s:
        s = duration.sub("", s)
    for _ in range(6):
        s2 = (_strip_end(s, ends) if s[-1:] in ends else s).rstrip(" 、和及与")
        if s2[-1:] in _YEAR_END_CHARS:
            s2 = _YEAR_END.sub("", s2)
        if s2 == s:
            break
        s = s2
    for _ in range(4):
        m = strip_start.match(s)
        s2 = (s[m.end():] if m else s).lstrip(" 、")
        if "年" in s2:
            s2 = duration.sub("", _YEAR_START.sub("", s2))
        if s2 == s:
            break
        s = s2
    if len(s) > max_len:
        s = s[-max_len:]
    return s.strip("“”\"'（）() ")


def subject_after(text: str, end: int, hi: int, max_len: int = 12) -> str:
    """For number-first clauses (5000余户居民受益): the words after the unit."""
    s = text[end:min(hi, end + 40)]
    s = _AFTER_CUT.split(s, maxsplit=1)[0]
    s = _AFTER_JUNK.sub("", s)
    return s[:max_len].strip()


def change_of(text: str, lo: int, pos: int, end: int) -> str | None:
    """'up' or 'down' when a change verb sits just before the number in its clause."""
    window = text[max(lo, pos - 10):pos]
    # most windows hold no change verb at all: answered before the cache
    return _change_in(window) if _words().any_change.search(window) else None


@lru_cache(maxsize=8192)
def _change_in(window: str) -> str | None:
    """change_of for the ten characters before a number (cached: 比上年增长 recurs)."""
    best = -1
    direction = None
    for pattern, d in _words().change:
        # the last of the left-to-right matches; a later direction wins only when it ends later
        m = pattern.search(window)
        if m is None:
            continue
        end = m.end()
        for m in pattern.finditer(window, end):
            end = m.end()
        if end > best:
            best, direction = end, d
    if direction is not None:
        # 从11.4%提高到15%: the new level, not the size of a change
        if window[best:best + 1] in ("到", "至") and best < len(window):
            return None
        # the verb must govern the number (增长5%, 压减资金42.6亿元), not sit inside a
        # name before other words (经济增长贡献率超过30%, 增加值完成86亿元, 增速连续8年)
        if _CHANGE_NOT_VERB.match(window[best:]):
            return None
    return direction


def section_index(sections: pd.DataFrame | None) -> tuple[list[int], list[int], list, list] | None:
    """Sorted (start, end, label, role) arrays of sections for lookups; None if no sections."""
    if sections is None or len(sections) == 0 or "start" not in sections or "end" not in sections:
        return None
    df = sections
    roles = effective_roles(df)
    # plain lists: per-element pandas access costs more than the whole extraction
    s_all, e_all = _numbers(df["start"]), _numbers(df["end"])
    valid = [i for i in range(len(df)) if s_all[i] == s_all[i] and e_all[i] == e_all[i]]
    if not valid:
        return None
    order = sorted(valid, key=lambda i: (int(s_all[i]), -int(e_all[i])))
    index = list(df.index)
    starts = [int(s_all[i]) for i in order]
    ends = [int(e_all[i]) for i in order]
    labels = [index[i] for i in order]
    rl = [roles[i] for i in order]
    return starts, ends, labels, rl


def _numbers(col: pd.Series) -> list:
    """The column as a list of numbers (NaN where not one); a numeric column as it is."""
    if col.dtype.kind in "iuf":
        return col.tolist()
    return pd.to_numeric(col, errors="coerce").tolist()


def effective_roles(df: pd.DataFrame) -> list:
    """Each section's role, inherited from its parent when it has none."""
    roles = list(df["role"]) if "role" in df else [None] * len(df)
    roles = [r if isinstance(r, str) and r else None for r in roles]
    if "parent" in df:
        pos = {lab: i for i, lab in enumerate(df.index)}
        parents = list(df["parent"])
        for i in range(len(roles)):
            j, seen = i, 0
            while roles[i] is None and seen < 10:
                p = parents[j]
                if p is None or (isinstance(p, float) and p != p) or p not in pos and p not in range(len(roles)):
                    break
                j = pos.get(p, p) if p in pos else int(p)
                roles[i] = roles[j]
                seen += 1
    # sections with no parent info: inherit from the enclosing section with a role
    if all(roles):
        return roles
    starts, ends = _numbers(df["start"]), _numbers(df["end"])
    # one sweep in (start, -end) order with a stack of enclosing sections: the innermost
    # enclosing section with a role gives it (linear, where a pairwise check is quadratic)
    order = sorted((i for i in range(len(roles)) if starts[i] == starts[i] and ends[i] == ends[i]),
                   key=lambda i: (starts[i], -ends[i]))
    stack: list[tuple[float, str | None]] = []   # (end, role handed down)
    for i in order:
        while stack and stack[-1][0] < ends[i]:
            stack.pop()
        if roles[i] is None and stack:
            roles[i] = stack[-1][1]
        stack.append((ends[i], roles[i] or (stack[-1][1] if stack else None)))
    return roles


class SectionLocator:
    """Innermost section holding a position; linear over a pass with non-decreasing positions.

    Keeps a stack of open sections while positions move forward (nested spans
    close innermost first); a position that moves backwards restarts the sweep.
    """

    def __init__(self, index):
        self.index = index
        self._reset()

    def _reset(self):
        self.next_i = 0
        self.stack: list[int] = []
        self.last = -1

    def __call__(self, pos: int):
        if self.index is None:
            return -1, None
        starts, ends, labels, roles = self.index
        if pos < self.last:
            self._reset()
        self.last = pos
        while self.next_i < len(starts) and starts[self.next_i] <= pos:
            self.stack.append(self.next_i)
            self.next_i += 1
        # drop closed sections from the top; a closed one below an open one is dropped when exposed
        while self.stack and ends[self.stack[-1]] <= pos:
            self.stack.pop()
        for i in reversed(self.stack):
            if starts[i] <= pos < ends[i]:
                return labels[i], roles[i]
        return -1, None


def locate_section(index, pos: int):
    """(row label, role) of the innermost section holding ``pos``; (-1, None) outside all."""
    return SectionLocator(index)(pos)


def section_table(index) -> tuple[list, list, list]:
    """``(breaks, labels, roles)``: with ``j = bisect_right(breaks, pos) - 1``, ``labels[j], roles[j]``
    is what :class:`SectionLocator` gives for ``pos`` ((-1, None) outside all sections).

    The innermost section only changes where a section starts or ends, so one sweep over
    those points (a heap of open sections, latest opened on top) answers every position
    with one bisection instead of a stack walk per number.

    >>> section_table(([0, 2], [10, 5], ["a", "b"], ["plans", None]))
    ([-inf, 0, 2, 5, 10], [-1, 'a', 'b', 'a', -1], [None, 'plans', None, 'plans', None])
    """
    breaks: list = [-math.inf]
    labels: list = [-1]
    roles: list = [None]
    if index is None:
        return breaks, labels, roles
    starts, ends, labs, rls = index
    heap: list[tuple[int, int]] = []   # (-order, order): the section opened last on top
    k = 0
    for b in sorted(set(starts) | set(ends)):
        while k < len(starts) and starts[k] <= b:
            heapq.heappush(heap, (-k, k))
            k += 1
        while heap and ends[heap[0][1]] <= b:
            heapq.heappop(heap)
        top = heap[0][1] if heap else None
        breaks.append(b)
        labels.append(labs[top] if top is not None else -1)
        roles.append(rls[top] if top is not None else None)
    return breaks, labels, roles
