"""Where does a run-in heading title end? Scores for every cut point of a heading+body run.

A crawled report often loses the line break after a heading, so the title runs straight into the body
(``（一）坚持党建引领，红色引擎更加澎湃我局始终把…``). Each cut point ``i`` (title = ``s[:i]``) gets

* the log-lift of ``s[i-2:i]`` being a heading end and of ``s[i:i+2]`` being a paragraph start, from
  n-gram counts learned offline (``train_boundary.py`` → ``data/structure_boundary.json``);
* a bonus when the body opens with a known body-opening word (我局, 今年, 一是 … in structure_cues.json);
* zero chance inside unbalanced quotes/brackets, right before a comma or after an opening bracket.

>>> s = "坚持党建引领，红色引擎更加澎湃我局始终把党建工作放在首位"
>>> best_cut(s, 50)[0]
15
"""
from __future__ import annotations

import bisect
import json
import math
import re
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
OPENERS_BONUS = 4.0
_OPEN = "“‘《（(「『【"
_CLOSE = "”’》）)」』】"
_PAIR = dict(zip(_CLOSE, _OPEN))


@lru_cache(maxsize=1)
def _model() -> dict:
    return json.loads((DATA / "structure_boundary.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _cues() -> dict:
    return json.loads((DATA / "structure_cues.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _openers() -> tuple[tuple[str, ...], int]:
    ops = tuple(sorted(set(_cues()["body_openers"]), key=len, reverse=True))
    return ops, max(len(o) for o in ops)


@lru_cache(maxsize=2)
def _side(kind: str) -> tuple:
    """(base rate, unigram hits, bigram hits, all unigrams, all bigrams) of heading ``end``/body ``start``."""
    m = _model()
    return m[f"n_{kind}"] / m["n_pos"], m[f"{kind}1"], m[f"{kind}2"], m["all1"], m["all2"]


class _Lifts(dict):
    """gram -> log P(boundary at ``gram``) / P(boundary) for one side (heading ``end`` / body ``start``),
    the bigram estimate smoothed toward the unigram one. Computed on first use, a plain dict lookup
    after that (the cut scorer asks twice per cut point); emptied past ``cap`` entries."""

    def __init__(self, kind: str, cap: int = 20000):
        super().__init__()
        self.kind, self.cap, self.side = kind, cap, None

    def __missing__(self, gram: str) -> float:
        self.fill((gram,))
        return self[gram]

    def fill(self, grams) -> None:
        """Compute the lifts of those ``grams`` not known yet (in one go: a segment's grams)."""
        new = [g for g in grams if g not in self]
        if not new:
            return
        if self.side is None:
            self.side = _side(self.kind)
        if len(self) + len(new) > self.cap:
            self.clear()
        p0, hits1, hits2, all1, all2 = self.side
        end, log = self.kind == "end", math.log
        for gram in new:
            uni = gram[-1:] if end else gram[:1]
            p1 = (hits1.get(uni, 0) + 20 * p0) / (all1.get(uni, 0) + 20)
            n2 = all2.get(gram)
            p2 = p1 if n2 is None else (hits2.get(gram, 0) + 20 * p1) / (n2 + 20)
            self[gram] = log(p2 / p0)


_END_LIFT = _Lifts("end")
_START_LIFT = _Lifts("start")


def end_lift(left2: str) -> float:
    """log P(heading ends after left2) / P(heading end) with unigram back-off."""
    return _END_LIFT[left2]


def start_lift(right2: str) -> float:
    """log P(paragraph starts with right2) / P(paragraph start) with unigram back-off."""
    return _START_LIFT[right2]


@lru_cache(maxsize=1)
def _decisive():
    import regex
    return regex.compile("|".join(f"(?:{p})" for p in _cues()["decisive_openers"]))


def decisive_cut(s: str, limit: int, min_len: int = 4) -> int:
    """The first admissible cut (title = s[:cut], min_len <= cut <= limit) right before a decisive body
    opener (一是, 我局, 今年以来 … in structure_cues.json), or 0. Linear in ``limit``.

    >>> decisive_cut("全链条加强国资监管一是强化综合监督。坚持放管结合", 40)
    9
    """
    rx = _decisive()
    ok = None
    for m in rx.finditer(s, min_len):
        if m.start() > limit:
            break
        if ok is None:
            ok = set(cut_points(s, limit, min_len))
        if m.start() in ok and (m.group(0)[1:2] == "是" or not s[:m.start()].endswith(_bad_ends())):
            return m.start()             # (a title never ends with a verb or adverb: 全面加强|我区…)
    return 0


def decisive_at(s: str, i: int) -> bool:
    """Whether a decisive body opener (一是, 我局 …) starts at ``s[i]``."""
    return _decisive().match(s, i) is not None


@lru_cache(maxsize=1)
def _bad_ends() -> tuple[str, ...]:
    c = _cues()
    return tuple(c.get("title_never_ends_with", []))


@lru_cache(maxsize=1)
def _openers_re():
    import regex
    return regex.compile("|".join(regex.escape(o) for o in _openers()[0]))


def opener_at(s: str, i: int) -> bool:
    """Whether a body opener (structure_cues.json body_openers) starts at ``s[i]``."""
    return _openers_re().match(s, i) is not None


def cut_scores(s: str, limit: int, min_len: int = 4) -> tuple[tuple[int, float], ...]:
    """(cut, score) for every admissible cut min_len..limit of ``s`` (title = s[:cut]); linear in ``limit``."""
    cuts, scores = _scored(s, limit, min_len)
    return tuple(zip(cuts, scores))


def _scored(s: str, limit: int, min_len: int) -> tuple[list[int], list[float]]:
    """The admissible cuts min_len..limit of ``s`` and their scores, as two parallel lists.

    Cached per segment: the heading passes ask for the same segment several times, with different
    limits; the widest computation so far answers every narrower request (a cut's score does not
    depend on the limit). Two lists, not a pair per cut: no small container objects to collect."""
    n = min(limit, len(s) - 1)
    if n < 1:
        return [], []
    hit = _SCORED.get(s)
    if hit is None or hit[0] > min_len or hit[1] < n:
        hit = _score_cuts(s, min(min_len, hit[0]) if hit else min_len, max(n, hit[1]) if hit else n)
        if len(_SCORED) >= _SCORED_MAX:
            del _SCORED[next(iter(_SCORED))]       # the oldest entry
        _SCORED[s] = hit
    _, _, cuts, scores = hit
    lo, hi = bisect.bisect_left(cuts, min_len), bisect.bisect_right(cuts, n)
    return cuts[lo:hi], scores[lo:hi]


def cut_points(s: str, limit: int, min_len: int = 4) -> list[int]:
    """The admissible cuts min_len..limit of ``s`` (the cuts of :func:`cut_scores`, without scoring them)."""
    n = min(limit, len(s) - 1)
    if n < 1:
        return []
    hit = _SCORED.get(s)
    if hit is not None and hit[0] <= min_len and hit[1] >= n:
        cuts = hit[2]
        return cuts[bisect.bisect_left(cuts, min_len):bisect.bisect_right(cuts, n)]
    return _admissible(s, min_len, n)


_SCORED: dict[str, tuple[int, int, list[int], list[float]]] = {}
_SCORED_MAX = 4096


def _score_cuts(s: str, min_len: int, n: int) -> tuple[int, int, list[int], list[float]]:
    """(min_len, n, cuts, scores) for every admissible cut min_len..n of ``s``."""
    cuts = _admissible(s, min_len, n)
    # body openers starting anywhere in the window, found in one (overlapped) pass
    ops = {m.start() for m in _openers_re().finditer(s, min_len, n + _openers()[1], overlapped=True)}
    lefts = [s[i - 2:i] if i >= 2 else s[:i] for i in cuts]
    rights = [s[i:i + 2] for i in cuts]
    el, sl = _END_LIFT, _START_LIFT
    el.fill(lefts)
    sl.fill(rights)
    scores = [el[a] + sl[b] for a, b in zip(lefts, rights)]
    if ops:
        scores = [sc + OPENERS_BONUS if i in ops else sc for i, sc in zip(cuts, scores)]
    return min_len, n, cuts, scores


def _admissible(s: str, min_len: int, n: int) -> list[int]:
    """Cuts min_len..n of ``s`` a title may end at: outside quotes and brackets, not before a comma or
    the like (structure_cues.json), not inside a number or right after a list marker."""
    no_next = _no_next()
    out = []
    for i in _unquoted_cuts(s, n, min_len):
        ch, nxt = s[i - 1], s[i]
        if ch in "，、," or nxt in no_next or nxt.isspace():
            continue
        if ch.isdigit() and nxt.isdigit():
            continue
        if ch in ".．" and i >= 2 and s[i - 2].isdigit():
            continue                     # right after a list marker (1.) that opens the body
        out.append(i)
    return out


_QUOTING = re.compile("[" + re.escape(_OPEN + _CLOSE + "\"'") + "]")


def _unquoted_cuts(s: str, n: int, min_len: int):
    """Cuts min_len..n of ``s`` outside quotes and brackets (and not right after an opening one)."""
    if _QUOTING.search(s, 0, n) is None:
        return range(max(1, min_len), n + 1)      # most titles: nothing to track
    out = []
    stack: list[str] = []
    for i in range(1, n + 1):
        ch = s[i - 1]
        if ch in _OPEN:
            stack.append(ch)
            continue
        if ch in _CLOSE:
            if stack and stack[-1] == _PAIR[ch]:
                stack.pop()
        elif ch == '"' or ch == "'":
            if stack and stack[-1] == ch:
                stack.pop()
            else:
                stack.append(ch)
        if i >= min_len and not stack:
            out.append(i)
    return out


@lru_cache(maxsize=1)
def _no_next() -> frozenset:
    c = _cues()
    return frozenset(c["title_never_ends_before"]) | frozenset(c["title_never_starts_body_with"])


def best_cut(s: str, limit: int, min_len: int = 4, bonus: dict[int, float] | None = None) -> tuple[int, float]:
    """The best cut point of ``s`` within ``limit`` characters and its score; (0, -inf) if none."""
    cuts, scores = _scored(s, limit, min_len)
    if not cuts:
        return 0, float("-inf")
    if not bonus:
        best = max(scores)
        return cuts[scores.index(best)], best      # (the first of equal best scores, as below)
    top = (0, float("-inf"))
    for i, sc in zip(cuts, scores):
        sc += bonus.get(i, 0.0)
        if sc > top[1]:
            top = (i, sc)
    return top


