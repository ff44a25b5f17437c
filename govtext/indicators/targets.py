"""Goal or outcome: decide ``target`` from the clause, the sentence and the section role.

Rules, in order: an outcome word in the number's clause (现有, 已, 累计, 实际完成,
同比) makes it an outcome; a strong goal word in the clause (目标, 力争, 预期, 计划,
拟) makes it a target, in any part; in review parts nothing else does; in
plans/targets parts everything else is a target unless the sentence or paragraph
opens as a review (过去五年, 一年来); with no section role, weaker words in the
clause (争取, 确保, 将, 要) or a strong one in the sentence decide, and plan-only
documents hold targets.

The sentence must SET an aim: goal words inside a noun phrase describing an
outcome are removed first (285个计划新开工项目, 占总任务…的, 目标完成率, 入选…计划,
超年度计划28%), and a comparison with last year (比上年增加) counts as an outcome
word only when the sentence sets no aim (拟安排…比上年增加81亿元 is a goal).

>>> is_target("285个计划新开工项目全部开工", "285个计划新开工项目全部开工。", None)
False
>>> is_target("力争新开工122个项目", "力争新开工122个项目。", None)
True
>>> is_target("现有17个", "现有17个，新建5个。", "plans")
False
>>> is_target("全年总产值计划比上年增长6%", "全年总产值计划比上年增长6%。", "achievements")
True
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..regex_literals import required_literals
from .lexicon import alternation, lexicon

PLAN_ROLES = frozenset({"plans", "targets"})
_L1_HEADING = re.compile(r"(?:^|(?<=[。！？\n\s：:]))(?P<num>[一二三四五六七八九十]{1,3})、(?P<title>[^。\n]{2,60})")
# 第 at the text start or after a sentence end; the check comes after the literal 第 so that
# re looks for 第 alone rather than trying the whole pattern at every position
_PART_HEADING = re.compile(r"第(?<![^。！？\n\s]第)(?P<num>[一二三四五六七八九十]{1,3})部分(?P<title>[^。\n]{0,60})")
# a necessary part of every _L1_HEADING match, starting where it does: re scans for it fast
_L1_CANDIDATE = re.compile(r"[一二三四五六七八九十]{1,3}、")
_TITLE_YEAR = re.compile(r"((?:19|20)\d\d)年")
_QUOTE_OPEN = "“\"‘《"
_QUOTED = re.compile(f"[{_QUOTE_OPEN}]" + r"[^“”\"‘’《》]{0,24}[”\"’》]")
_CN = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)}


REVIEW_ROLES = frozenset({"achievements", "duties", "shortcomings", "self_building"})


def gated(pattern: re.Pattern) -> re.Pattern | _Gated:
    """``pattern`` with a cheap test in front: the alternation of its required literals.

    Guarded rules (``_regex`` keys) open with lookbehinds or groups that re cannot scan
    for by first character, so it tries them at every position; the literal
    alternation it can, and most clauses hold none of them. Returns an object with
    ``search`` and ``sub`` like a pattern (the pattern itself when nothing is known).
    """
    lits = required_literals(pattern)
    return pattern if not lits else _Gated(pattern, frozenset(lits))


class _Gated:
    """A pattern's ``search`` and ``sub``, run only when ``gate`` finds something."""

    __slots__ = ("pattern", "gate_literals", "gate", "search", "sub")

    def __init__(self, pattern: re.Pattern, gate_literals: frozenset[str]):
        self.pattern, self.gate_literals = pattern, gate_literals
        self.gate = re.compile(alternation(gate_literals))
        test, search, sub = self.gate.search, pattern.search, pattern.sub
        self.search = lambda s: search(s) if test(s) else None
        self.sub = lambda repl, s: sub(repl, s) if test(s) else s


class _Rules(NamedTuple):
    """The target rules of indicators_rules.json, compiled (guarded ones behind a gate)."""

    strong_any: re.Pattern | _Gated      # strong goal words (target_cues | target_cues_strong_regex)
    weak_any: re.Pattern | _Gated        # weak ones (target_cues_weak | target_cues_clause_regex)
    clause_re: re.Pattern | _Gated       # 将, 要, 到2025年
    outcome: re.Pattern                  # 现有, 已, 同比 ...
    exceptions: re.Pattern | _Gated      # fixed phrases and goal words inside an outcome's noun phrase
    names_gate: re.Pattern | None        # what a quoted name or an exception must contain
    review_gate: re.Pattern | None       # names_gate or what a strong goal word must contain
    plan_gate: re.Pattern | None         # names_gate or what an outcome word or a comparison must contain
    review_open: re.Pattern              # 过去五年, 一年来 ... opening a sentence
    outcome_before: re.Pattern | _Gated  # 完成年度目标的 (right before the number)
    comparative: re.Pattern | _Gated     # 比上年, 同比
    goal_comparative: re.Pattern | _Gated  # 计划比上年 (a comparison the goal word governs)


def _literals(rule: re.Pattern | _Gated) -> frozenset[str] | None:
    """The required literals of a gated rule (None for a plain pattern)."""
    return rule.gate_literals if isinstance(rule, _Gated) else None


def _gate(*parts: frozenset | tuple | None) -> re.Pattern | None:
    """One alternation of plain literals, so that re scans for their first characters;
    None when a part is unknown (then no shortcut may rely on it)."""
    if any(not p for p in parts):
        return None
    return re.compile(alternation(frozenset().union(*parts)))


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    w = lexicon().words
    # fixed phrases (预期寿命) and goal words inside an outcome's noun phrase (285个计划新开工项目)
    exceptions = gated(re.compile(f"{w['target_cue_exceptions'].pattern}|{w['target_cue_exceptions_regex'].pattern}"))
    strong_any = gated(re.compile(f"(?:{w['target_cues'].pattern})|(?:{w['target_cues_strong_regex'].pattern})"))
    comparative = gated(w["outcome_comparatives_regex"])
    # what a quoted name or a fixed phrase must contain: without one, nothing is removed
    exception_literals = _literals(exceptions)
    names = exception_literals | set(_QUOTE_OPEN) if exception_literals else None
    return _Rules(
        strong_any=strong_any,
        weak_any=gated(re.compile(f"(?:{w['target_cues_weak'].pattern})|(?:{w['target_cues_clause_regex'].pattern})")),
        clause_re=gated(w["target_cues_clause_regex"]), outcome=w["outcome_cues"], exceptions=exceptions,
        names_gate=_gate(names), review_gate=_gate(names, _literals(strong_any)),
        plan_gate=_gate(names, required_literals(w["outcome_cues"]), _literals(comparative)),
        review_open=w["review_opening_regex"], outcome_before=gated(w["outcome_before_number_regex"]),
        comparative=comparative, goal_comparative=gated(w["goal_comparatives_regex"]))


@lru_cache(maxsize=512)
def _sentence_cues(sentence: str) -> tuple[bool, bool]:
    """(opens as a review, holds a strong goal word) for a sentence, names and fixed phrases removed.

    Cached: every number of a sentence asks the same question.
    """
    r = _rules()
    cleaned = _without_names(sentence, r)
    return bool(r.review_open.search(cleaned.lstrip())), bool(r.strong_any.search(cleaned))


def _without_names(text: str, r: _Rules) -> str:
    """``text`` without quoted names and fixed phrases (one test first: most clauses hold neither)."""
    if r.names_gate is not None and not r.names_gate.search(text):
        return text
    return r.exceptions.sub("", _QUOTED.sub("", text))


def is_target(clause: str, sentence: str, role: str | None, plan_document: bool = False,
              paragraph_opening: str = "", before: str = "") -> bool:
    """Goal (True) or outcome (False) for a number in ``clause`` of ``sentence`` under a section ``role``.

    In review parts (achievements, duties ...) only a strong goal word in the clause
    counts (预期任务为9.5亿元, 拟创设制度23项): there 争取/将/确保 usually describe done
    work. In plan parts every number is a target unless its clause or its
    paragraph/sentence opening states what exists or was done (现有17个, 过去五年…).
    ``before`` is the clause text right before the number: a share of a goal
    (完成年度目标的102%) is an outcome.
    """
    r = _rules()
    # in a review part only a strong goal word makes a target: a clause with none, and
    # no name or fixed phrase whose removal could join one, is an outcome (most are)
    if role in REVIEW_ROLES and r.review_gate is not None and not r.review_gate.search(clause):
        return False
    if before and r.outcome_before.search(before[-12:]):
        return False
    # in a plan part a clause with no outcome word, and nothing to remove (name, fixed
    # phrase, comparison), is a target unless a goal-less review opening says otherwise
    if role in PLAN_ROLES and r.plan_gate is not None and not r.plan_gate.search(clause):
        if not (_sentence_cues(sentence)[0] or r.review_open.search(paragraph_opening.lstrip())):
            return True
        return bool(r.strong_any.search(clause))
    return _decide(clause, sentence, role, plan_document, paragraph_opening)


@lru_cache(maxsize=4096)
def _decide(clause: str, sentence: str, role: str | None, plan_document: bool, paragraph_opening: str) -> bool:
    """:func:`is_target` after the ``before`` check (cached: numbers of a clause share the answer)."""
    r = _rules()
    # names in quotes (“双高计划”) and fixed phrases (预期寿命) are no goal words
    clause = _without_names(clause, r)
    review = role in REVIEW_ROLES
    # 拟安排…比上年增加81亿元: a comparison with last year belongs to the aim when the
    # sentence sets one (a plan part alone is not enough: review text is often mis-filed there)
    if not review and (_sentence_cues(sentence)[1] or r.clause_re.search(clause)) \
            and not _sentence_cues(sentence)[0]:
        clause = r.comparative.sub("", clause)
    elif review:  # 全年工业总产值计划比上年增长6%: the year's plan figure, also in a review part
        clause = r.goal_comparative.sub("", clause)
    if r.outcome.search(clause):
        return False
    if r.strong_any.search(clause):
        return True
    if review:
        return False
    if role in PLAN_ROLES:
        return not (_sentence_cues(sentence)[0] or r.review_open.search(paragraph_opening.lstrip()))
    if r.weak_any.search(clause) or _sentence_cues(sentence)[1]:
        return True
    return role is None and plan_document


def _cn_value(s: str) -> int:
    if len(s) == 1:
        return _CN.get(s, 0)
    if s[0] == "十":
        return 10 + _CN.get(s[1], 0)
    if len(s) == 2 and s[1] == "十":
        return _CN.get(s[0], 0) * 10
    if len(s) == 3 and s[1] == "十":
        return _CN.get(s[0], 0) * 10 + _CN.get(s[2], 0)
    return 0


def heading_role(title: str, meta: dict | None = None) -> str | None:
    """plans / achievements / None from a top-level heading's words (fallback only).

    When a title names both (“十四五”发展成就与“十五五”主要目标任务,
    2023年重点工作完成情况) the cue that comes last wins. Without cues, a year in
    the title decides against the report's year (a gwr plans the year it is
    delivered; a summary plans the year after the one it reviews).

    >>> heading_role("“十四五”发展成就与“十五五”主要目标任务"), heading_role("2023年重点工作完成情况")
    ('plans', 'achievements')
    >>> heading_role("2026年重点工作", {"year": 2026, "report_type": "gwr"})
    'plans'
    """
    w = lexicon().words
    plan_re, review_re = w["plan_heading_cues"], w["review_heading_cues"]
    last_plan = max((m.end() for m in plan_re.finditer(title)), default=-1)
    last_review = max((m.end() for m in review_re.finditer(title)), default=-1)
    if last_plan >= 0 or last_review >= 0:
        return "plans" if last_plan > last_review else "achievements"
    if "今年" in title or "明年" in title:
        return "plans"
    meta = meta or {}
    ym = _TITLE_YEAR.search(title)
    try:
        year = int(meta.get("year"))
    except (TypeError, ValueError):
        return None
    if ym:
        y = int(ym.group(1))
        first_plan_year = year if meta.get("report_type") == "gwr" else year + 1
        return "plans" if y >= first_plan_year else "achievements"
    return None


def _headings(pattern: re.Pattern, text: str) -> list[re.Match]:
    """``pattern.finditer(text)``; for _L1_HEADING tried only where _L1_CANDIDATE matches."""
    if pattern is not _L1_HEADING:
        return list(pattern.finditer(text))
    out, pos = [], 0
    while (c := _L1_CANDIDATE.search(text, pos)) is not None:
        m = pattern.match(text, c.start())
        if m:
            out.append(m)
            pos = m.end()
        else:
            pos = c.start() + 1
    return out


def fallback_sections(text: str, meta: dict | None = None) -> list[tuple[int, int, str | None]]:
    """(start, end, role) of top-level parts found by 一、二、三、 in sequence.

    Used only when the structure stage gave no sections: enough to tell plan parts
    from review parts. Markers must come in order (一 then 二 ...), which skips
    inline 五证合一、 and similar false markers.
    """
    heads: list[tuple[int, str]] = []
    for pattern in (_PART_HEADING, _L1_HEADING):
        expected = 1
        found: list[tuple[int, str]] = []
        for m in _headings(pattern, text):
            v = _cn_value(m.group("num"))
            if v == expected:
                found.append((m.start(), m.group("title")))
                expected += 1
        if len(found) >= 2:
            heads = found
            break
    out = []
    for i, (start, title) in enumerate(heads):
        end = heads[i + 1][0] if i + 1 < len(heads) else len(text)
        out.append((start, end, heading_role(title, meta)))
    return out
