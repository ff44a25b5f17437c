"""Cue rules for passage labels, read from ``govtext/data/cues_rules.json``.

Two kinds of rules: *strong* rules decide a paragraph on their own (greetings,
the review-ending problems paragraph, 下一步 openings …); *weak* cue words add
evidence that is blended with the section-role prior and the model.

>>> strong_match("我们也清醒看到，发展中还存在不少困难和问题。", "gwr")
('shortcoming', 'clearly_see')
>>> strong_match("各位代表：", "gwr")
('other', 'greeting')
"""
from __future__ import annotations

import json
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Mapping, Sequence

import numpy as np
import re
import regex

from ..regex_literals import _re_parser, required_literals
from .wordscan import WordSet, codes_of

LABELS: tuple[str, ...] = ("achievement", "shortcoming", "plan", "other")
LABEL_INDEX = {lab: i for i, lab in enumerate(LABELS)}

ROLE_LABEL = {"achievements": "achievement", "duties": "achievement", "shortcomings": "shortcoming",
              "plans": "plan", "targets": "plan", "self_building": "plan",
              "preamble": "other", "other": "other"}


@dataclass(frozen=True)
class StrongRule:
    name: str
    label: str
    pattern: "regex.Pattern"
    head: int | None
    max_len: int | None
    min_share: float | None
    types: frozenset | None
    requires: "regex.Pattern | None"
    head_in_plans: int | None = None
    with_all: tuple = ()                        # patterns that must all occur in the paragraph
    excludes: "regex.Pattern | None" = None     # a pattern that must not occur in it
    min_len: int | None = None
    min_cover: float | None = None              # share of the paragraph the matches of `cover` cover
    cover: "regex.Pattern | None" = None        # (default: the rule's own pattern)
    min_problem_share: float | None = None      # share of it in sentences whose cue words are problems


def _compile(pattern: str, flags: int = 0, engine: str | None = None):
    """Compile with ``re`` (usually faster here) when asked to, else with ``regex``.
    ``engine=None``: ``re`` when the pattern compiles there, else ``regex`` (for literal-word
    and simple time patterns, where both modules find the same matches)."""
    if engine == "regex":
        return regex.compile(pattern, flags)
    try:
        return re.compile(pattern, flags)
    except re.error:
        if engine == "re":
            raise
        return regex.compile(pattern, flags)


@dataclass(frozen=True)
class CueSet:
    strong: tuple[StrongRule, ...]
    weak: tuple["regex.Pattern", ...]          # one alternation per label, in LABELS order
    weak_weights: tuple[dict, ...]              # matched word -> weight, per label
    role_prior: dict
    time: dict


@lru_cache(maxsize=1)
def load_cues() -> CueSet:
    """Parse and compile the cue file once."""
    raw = json.loads(resources.files("govtext").joinpath("data/cues_rules.json").read_text(encoding="utf-8"))
    strong = []
    for r in raw["strong"]:
        if r["label"] not in LABEL_INDEX:
            raise ValueError(f"cues_rules.json: unknown label {r['label']!r} in rule {r['name']!r}")
        strong.append(StrongRule(
            name=r["name"], label=r["label"], pattern=_compile(r["pattern"], re.M, r.get("engine", "regex")),
            head=r.get("head"), max_len=r.get("max_len"), min_share=r.get("min_share"),
            types=frozenset(r["types"]) if r.get("types") else None,
            requires=_compile(r["requires"], 0, r.get("engine", "regex")) if r.get("requires") else None,
            head_in_plans=r.get("head_in_plans"),
            with_all=tuple(_compile(x, 0, r.get("engine", "regex")) for x in r.get("with", ())),
            excludes=_compile(r["excludes"], 0, r.get("engine", "regex")) if r.get("excludes") else None,
            min_len=r.get("min_len"), min_cover=r.get("min_cover"),
            cover=_compile(r["cover"], 0, r.get("engine", "regex")) if r.get("cover") else None,
            min_problem_share=r.get("min_problem_share")))
    weak, weights = [], []
    for lab in LABELS:
        pairs = sorted(raw["weak"].get(lab, []), key=lambda p: -len(p[0]))  # longest word first
        weights.append({w: float(x) for w, x in pairs})
        weak.append(_compile("|".join(re.escape(w) for w, _ in pairs)) if pairs else None)
    order = raw["role_prior"]["_order"]
    prior = {}
    for role, vals in raw["role_prior"].items():
        if role.startswith("_"):
            continue
        v = np.array([vals[order.index(lab)] for lab in LABELS], dtype=float)
        prior[role] = v / v.sum()
    time = dict(raw["time"])
    for k, v in list(time.items()):
        if isinstance(v, str):
            time[k] = _compile(v)
    return CueSet(tuple(strong), tuple(weak), tuple(weights), prior, time)


def plan_year(meta: Mapping | None) -> int | None:
    """The year a report plans for: its own year for a gwr, the next one otherwise.

    >>> plan_year({"year": 2023, "report_type": "fzzf"}), plan_year({"year": 2024, "report_type": "gwr"})
    (2024, 2024)
    """
    meta = meta or {}
    year = meta.get("year")
    if not isinstance(year, (int, np.integer)) or year <= 0:
        return None
    return int(year) if meta.get("report_type") == "gwr" else int(year) + 1


PLAN_ROLES = frozenset({"plans", "targets", "self_building"})


# Texts are read together: joined by a character they do not hold, their cue words are found in
# one pass (wordscan.py) and their year words by one regex call, instead of one call per paragraph.
SEP = "\x00"


def _join(texts: Sequence[str]) -> str | None:
    """``texts`` joined by SEP, or None when one of them holds SEP itself."""
    joined = SEP.join(texts)
    return joined if joined.count(SEP) == len(texts) - 1 else None


def _text_of(starts: np.ndarray, positions) -> np.ndarray:
    """Index of the text each position of the joined texts falls in."""
    return np.searchsorted(starts, np.asarray(positions, dtype=np.int64), side="right") - 1


class TextScan:
    """The texts of one call, joined once, with every word of the cue vocabulary found in them
    (shared by the strong-rule pre-check and the cue evidence). A scan costs some numpy calls
    whatever the size: below ``MIN_TEXTS`` texts, reading them one by one is quicker."""

    MIN_TEXTS = 16

    def __init__(self, texts: Sequence[str]):
        self.texts = list(texts)
        self.joined = _join(self.texts)
        step = np.fromiter(map(len, self.texts), dtype=np.int64, count=len(self.texts)) + 1
        self.starts = np.cumsum(step) - step  # offset of each text in ``joined``
        self._words: tuple | None = None

    @property
    def words(self) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
        """(positions, word ids, text index) of every occurrence of every vocabulary word, sorted
        by position, longer words first; None when the texts cannot be joined."""
        if self._words is None and self.joined is not None and _vocabulary() is not None:
            self.codes = codes_of(self.joined)
            pos, wid = _vocabulary().find(self.codes)
            self._words = pos, wid, _text_of(self.starts, pos)
        return self._words

    def worth(self) -> bool:
        """Whether the texts are to be read through this scan (enough of them, joinable)."""
        return len(self.texts) >= self.MIN_TEXTS and self.words is not None


@lru_cache(maxsize=1)
def _vocabulary() -> WordSet | None:
    """Every word the fast paths look for: weak cue words, the strong rules' required literals,
    the time words' required literals (None if a weak cue word holds SEP)."""
    cues = load_cues()
    weak = [w for wts in cues.weak_weights for w in wts]
    if any(SEP in w for w in weak):
        return None
    lits = [x for r in cues.strong for x in _rule_literals(r) or ()]
    lits += [x for p in cues.time.values() if isinstance(p, re.Pattern)
             for x in required_literals(p.pattern) or ()]
    return WordSet(list(dict.fromkeys(weak + [x for x in lits if SEP not in x])))


def _word_ids(words: Sequence[str]) -> np.ndarray:
    index = _word_index()
    return np.array([index[w] for w in words], dtype=np.int64)


@lru_cache(maxsize=1)
def _word_index() -> dict[str, int]:
    return {w: i for i, w in enumerate(_vocabulary().words)}


@lru_cache(maxsize=16)
def _strong_rules(report_type: str | None) -> tuple[tuple, tuple]:
    """The strong rules that apply to a report type, and the distinct ``max_len`` limits."""
    rules = tuple(r for r in load_cues().strong if r.types is None or report_type in r.types)
    return rules, tuple(sorted({r.max_len for r in rules if r.max_len is not None}))


def _rule_literals(rule: StrongRule) -> tuple[str, ...] | None:
    """Strings one of which every match of the rule contains (None: unknown, always try the rule).
    Derived with re's parser, so only for rules that re runs (regex syntax may differ)."""
    if not isinstance(rule.pattern, re.Pattern):
        return None
    needs = required_literals(rule.pattern.pattern, re.M)
    return None if needs is None or any(SEP in x for x in needs) else needs


@lru_cache(maxsize=16)
def _strong_word_bits(report_type: str | None) -> np.ndarray | None:
    """By vocabulary word: the rules (bit i = rule i of the report type) that need it."""
    rules = _strong_rules(report_type)[0]
    if _vocabulary() is None or len(rules) > 62:
        return None
    bits = np.zeros(len(_vocabulary().words), dtype=np.int64)
    for i, r in enumerate(rules):
        needs = _rule_literals(r)
        if needs is not None:
            bits[_word_ids(needs)] |= 1 << i
    return bits


@lru_cache(maxsize=256)
def _strong_plan(report_type: str | None, in_plans: bool, min_len: int) -> tuple:
    """The rules to try on a paragraph of length >= ``min_len`` (one bucket between two distinct
    ``max_len`` limits): (rule by bit, bits of rules with literals, bits of rules without), each
    rule as a plain tuple, so the hot loop reads no attributes and tests no limits."""
    by_bit, with_lits, always = {}, 0, 0
    for i, r in enumerate(_strong_rules(report_type)[0]):
        if r.max_len is not None and min_len > r.max_len:
            continue
        head = r.head_in_plans if r.head_in_plans and in_plans else r.head
        needs = _rule_literals(r)
        if needs is None:
            always |= 1 << i
        else:
            with_lits |= 1 << i
        by_bit[1 << i] = (head, needs, r.pattern.search, r.min_share,
                          r.requires.search if r.requires is not None else None, r.label, r.name,
                          _extra_check(r))
    return by_bit, with_lits, always


def _extra_check(rule: StrongRule):
    """The rule's conditions on the whole paragraph beyond its match (``with``, ``excludes``,
    ``min_len``, ``min_cover``, ``min_problem_share``) as one function of the stripped paragraph,
    or None when it has none (most rules: the hot loop then tests nothing more). The cheap tests
    come first; the sentence-by-sentence ``min_problem_share`` last."""
    if not (rule.with_all or rule.excludes is not None or rule.min_len or rule.min_cover
            or rule.min_problem_share):
        return None
    withs = tuple(p.search for p in rule.with_all)
    excl = rule.excludes.search if rule.excludes is not None else None
    pat = rule.cover if rule.cover is not None else rule.pattern

    def check(body: str) -> bool:
        if rule.min_len and len(body) < rule.min_len:
            return False
        if excl is not None and excl(body):
            return False
        if not all(w(body) for w in withs):
            return False
        if rule.min_cover and pattern_cover(pat, body) < rule.min_cover:
            return False
        if rule.min_problem_share and problem_share(body) < rule.min_problem_share:
            return False
        return True

    return check


def pattern_cover(pattern, text: str) -> float:
    """Share of ``text`` covered by the (non-overlapping) matches of ``pattern``.

    >>> round(pattern_cover(re.compile("贯彻[^，。]{0,10}精神"), "认真贯彻会议精神，修路。"), 2)
    0.5
    """
    if not text:
        return 0.0
    return sum(m.end() - m.start() for m in pattern.finditer(text)) / len(text)


def problem_share(text: str) -> float:
    """Share of ``text`` (in characters) in sentences whose cue words speak for a problem: their
    shortcoming cue weight is positive and above their achievement and plan weights.

    >>> round(problem_share("全年新建道路12公里。但基础设施仍然薄弱，短板突出。"), 2)
    0.58
    """
    from .sentences import sentence_spans

    cues = load_cues()
    a, s, p = LABEL_INDEX["achievement"], LABEL_INDEX["shortcoming"], LABEL_INDEX["plan"]
    hit = 0
    for b, e in sentence_spans(text):
        sent = text[b:e]
        w = [_seq_sum(map(cues.weak_weights[i].__getitem__, cues.weak[i].findall(sent)))
             if cues.weak[i] is not None else 0.0 for i in range(len(LABELS))]
        if w[s] > 0 and w[s] > w[a] and w[s] > w[p]:
            hit += e - b
    return hit / len(text) if text else 0.0


@lru_cache(maxsize=32)
def _head_reach(report_type: str | None, in_plans: bool) -> tuple[np.ndarray, np.ndarray]:
    """(heads, rules): the distinct ``head`` limits, ascending, and by index i the rules (bit set)
    whose literal may end at ``heads[i]`` or before (those with a longer or no head); the last
    entry is the rules without a head."""
    heads: dict[int, int] = {}
    free = 0
    for i, r in enumerate(_strong_rules(report_type)[0]):
        head = r.head_in_plans if r.head_in_plans and in_plans else r.head
        if head:
            heads[head] = heads.get(head, 0) | 1 << i
        else:
            free |= 1 << i
    ends = sorted(heads)
    reach = [free]
    for h in reversed(ends):
        reach.append(reach[-1] | heads[h])
    return np.array(ends, dtype=np.int64), np.array(reach[::-1], dtype=np.int64)


def _literal_bits(scan: TextScan, report_type: str | None, roles: Sequence[str | None]) -> list[int]:
    """Per text, the rules (bit set) one of whose required literals lies within the rule's head
    of the stripped text (-1: all rules, when there is no scan)."""
    n = len(scan.texts)
    bits = _strong_word_bits(report_type)
    if bits is None or not scan.worth():  # no scan, or its cost exceeds the rules' own pre-checks
        return [-1] * n
    pos, wid, doc = scan.words
    need = bits[wid]
    at = np.flatnonzero(need)
    need, doc = need[at], doc[at]
    lead = np.array([len(t) - len(t.lstrip()) for t in scan.texts], dtype=np.int64)
    end = pos[at] + _vocabulary().lengths[wid[at]] - scan.starts[doc] - lead[doc]  # in the stripped text
    in_plans = np.array([r in PLAN_ROLES for r in roles], dtype=bool)[doc]
    for flag in (False, True):
        heads, reach = _head_reach(report_type, flag)
        sel = in_plans == flag
        need[sel] &= reach[np.searchsorted(heads, end[sel])]
    out = np.zeros(n, dtype=np.int64)
    if len(doc):  # occurrences come by position, so each text's are consecutive
        first = np.flatnonzero(np.concatenate(([True], doc[1:] != doc[:-1])))
        out[doc[first]] = np.bitwise_or.reduceat(need, first)
    return out.tolist()


def _first_rule(body: str, plan: tuple, lit_bits: int) -> tuple[str, str] | None:
    """The (label, name) of the first rule of ``plan`` that fires on ``body``, trying only rules
    without literals or whose literals ``lit_bits`` says may be present."""
    by_bit, with_lits, always = plan
    todo = (lit_bits & with_lits) | always
    n = len(body)
    while todo:
        bit = todo & -todo  # lowest bit first: the rules' order in the cue file
        todo ^= bit
        head, needs, search, min_share, requires, label, name, extra = by_bit[bit]
        hay = body[:head] if head else body
        if needs is not None:  # no required literal, no match: skip the search
            for lit in needs:
                if lit in hay:
                    break
            else:
                continue
        m = search(hay)
        if m is None:
            continue
        if min_share is not None and (n - m.start()) / n < min_share:
            continue
        if requires is not None and not requires(body, m.start()):
            continue
        if extra is not None and not extra(body):
            continue
        return label, name
    return None


def _strong_all(texts: Sequence[str], report_type: str | None, opening: str | None,
                roles: Sequence[str | None], lit_bits: Sequence[int]) -> list[tuple[str, str] | None]:
    """:func:`strong_match` of each text, given ``opening`` (the plan year + 年, or None) and per
    text the rules whose literals it may hold (``lit_bits``, -1: all)."""
    limits = _strong_rules(report_type)[1]
    plans: dict = {}  # (in plans, length bucket) -> plan: looked up once per call
    plan_open = load_cues().time["plan_open_requires"].search
    out = []
    for text, role, bits in zip(texts, roles, lit_bits):
        body = text.strip()
        n = len(body)
        if not n:
            out.append(None)
            continue
        k = bisect_left(limits, n)  # rules whose max_len is below n are left out of this bucket
        key = (role in PLAN_ROLES, k)
        plan = plans.get(key)
        if plan is None:
            plan = plans[key] = _strong_plan(report_type, key[0], limits[k - 1] + 1 if k else 0)
        hit = _first_rule(body, plan, bits)
        if hit is None and opening is not None and body.startswith(opening) and plan_open(body[:80]):
            hit = ("plan", "plan_year")
        out.append(hit)
    return out


def strong_match(text: str, report_type: str | None = None, next_year: int | None = None,
                 role: str | None = None) -> tuple[str, str] | None:
    """The (label, rule name) of the first strong rule that fires on a paragraph, or None.
    ``next_year`` (see :func:`plan_year`) enables the rule "opens with the plan year → plan".

    >>> strong_match("下一步，我们将继续加强法治宣传。", "fzzf")
    ('plan', 'next_step')
    >>> strong_match("2024年，我镇将重点推进集镇改造。", "summary", 2024)
    ('plan', 'plan_year')
    """
    return _strong_all([text], report_type, None if next_year is None else f"{next_year}年", [role], [-1])[0]


def strong_matches(texts: Sequence[str], report_type: str | None = None, next_year: int | None = None,
                   roles: Sequence[str | None] | None = None, scan: TextScan | None = None
                   ) -> list[tuple[str, str] | None]:
    """:func:`strong_match` of every text (``roles``: one per text), trying on each only the rules
    whose required literals occur in it (found in one scan of all; ``scan``: of these texts).

    >>> strong_matches(["各位代表：", "全年完成投资5亿元。"], "gwr")
    [('other', 'greeting'), None]
    """
    roles = [None] * len(texts) if roles is None else roles
    opening = None if next_year is None else f"{next_year}年"
    return _strong_all(texts, report_type, opening, roles, _literal_bits(scan or TextScan(texts), report_type, roles))


def weak_evidence(text: str) -> np.ndarray:
    """Per-label cue evidence of a paragraph (weights summed, then scaled by length).

    >>> bool(weak_evidence("存在短板和不足。")[LABEL_INDEX["shortcoming"]] > 0)
    True
    """
    cues = load_cues()
    ev = np.zeros(len(LABELS))
    for i, (pat, wts) in enumerate(zip(cues.weak, cues.weak_weights)):
        if pat is None:
            continue
        ev[i] = _seq_sum(map(wts.__getitem__, pat.findall(text)))
    # density rather than raw count, but long paragraphs still count for more
    return ev / np.sqrt(1.0 + len(text) / 40.0)


# a year before 年, no digit before it; the look-behind sits after the first digit so that re
# can scan for [12] first (same matches as (?<![\d０-９])([12][0-9]{3})(?=年), faster)
_YEAR = re.compile(r"([12](?<![\d０-９].)[0-9]{3})(?=年)")


def time_evidence(text: str, meta: Mapping | None) -> np.ndarray:
    """Evidence from year words against the report's year: the plan year counts for plan,
    the reviewed year for achievement.

    >>> bool(time_evidence("2024年，我们将……", {"year": 2024, "report_type": "gwr"})[LABEL_INDEX["plan"]] > 0)
    True
    """
    cues = load_cues()
    t = cues.time
    ev = np.zeros(len(LABELS))
    meta = meta or {}
    year, rtype = meta.get("year"), meta.get("report_type")
    gwr = rtype == "gwr"
    a, p = LABEL_INDEX["achievement"], LABEL_INDEX["plan"]
    if isinstance(year, (int, np.integer)) and year > 0:
        review, plan = (year - 1, year) if gwr else (year, year + 1)
        for m in _YEAR.finditer(text):
            y = int(m.group(1))
            if y == review:
                ev[a] += t["year_weight"]
            elif y >= plan and y <= plan + 15:
                ev[p] += t["year_weight"]
    w = t["word_weight"]
    if gwr:
        ev[p] += w * len(t["plan_words_gwr"].findall(text))
        ev[a] += w * len(t["review_words_gwr"].findall(text))
    else:
        ev[p] += w * len(t["plan_words_after"].findall(text))
        ev[a] += w * len(t["review_words_after"].findall(text))
    ev[p] += w * len(t["future_words"].findall(text))
    return ev / np.sqrt(1.0 + len(text) / 40.0)


# sections of what was done, where a plan label needs a word about the future (not the
# indicators' wider REVIEW_ROLES, which also hold shortcomings and self_building)
PLAN_NEEDS_FUTURE_ROLES = frozenset({"achievements", "duties"})


def plan_marker(meta: Mapping | None):
    """A test ``f(text) -> bool``: does the text say anything about the future (``time.plan_marker``
    words such as 将/要/计划/下一步, the report's plan-year words, the plan year itself)? Under a
    review section a paragraph without one describes past or ongoing practice, not a plan.

    >>> f = plan_marker({"year": 2024, "report_type": "summary"})
    >>> f("深入推进美丽乡村建设。持续整治人居环境。"), f("2025年，继续整治人居环境。"), f("下一步将加强培训。")
    (False, True, True)
    """
    cfg = _time_config(meta)
    words = load_cues().time["plan_marker"]
    year = None if cfg.plan is None else f"{cfg.plan}年"
    pats = (words.search, cfg.plan_words.search, cfg.future_words.search)

    def test(text: str) -> bool:
        return (year is not None and year in text) or any(f(text) for f in pats)

    return test


def evidence_matrix(texts: Sequence[str], meta: Mapping | None, scan: TextScan | None = None) -> np.ndarray:
    """``weak_evidence(t) + time_evidence(t, meta)`` for every text, as one (n, 4) array (same
    numbers; the words of all texts found in one scan, ``scan``, when they can be joined).

    >>> e = evidence_matrix(["存在短板和不足。", "2024年，我们将……"], {"year": 2024, "report_type": "gwr"})
    >>> bool(np.allclose(e[1], weak_evidence("2024年，我们将……") + time_evidence("2024年，我们将……",
    ...      {"year": 2024, "report_type": "gwr"})))
    True
    """
    n = len(texts)
    W = np.zeros((n, len(LABELS)))
    T = np.zeros((n, len(LABELS)))
    if n:
        cfg = _time_config(meta)
        scan = scan or TextScan(texts)
        if not scan.worth() or _time_words(cfg.word_patterns) is None:
            _evidence_per_text(texts, cfg, W, T)
        else:
            _evidence_scanned(scan, cfg, W, T)
    d = np.sqrt(1.0 + np.fromiter(map(len, texts), dtype=np.int64, count=n) / 40.0)[:, None]
    return W / d + T / d


@dataclass(frozen=True)
class _TimeConfig:
    """What the time evidence of one report reads: its review and plan years (None: no year)
    and its plan, review and future word patterns, with their weights."""

    review: int | None
    plan: int | None
    year_weight: float
    word_weight: float
    plan_words: "re.Pattern"
    review_words: "re.Pattern"
    future_words: "re.Pattern"

    @property
    def word_patterns(self) -> tuple[str, str, str]:
        return self.plan_words.pattern, self.review_words.pattern, self.future_words.pattern


def _time_config(meta: Mapping | None) -> _TimeConfig:
    t = load_cues().time
    meta = meta or {}
    year = meta.get("year")
    gwr = meta.get("report_type") == "gwr"
    review = plan = None
    if isinstance(year, (int, np.integer)) and year > 0:
        review, plan = (year - 1, year) if gwr else (year, year + 1)
    return _TimeConfig(review, plan, t["year_weight"], t["word_weight"],
                       t["plan_words_gwr"] if gwr else t["plan_words_after"],
                       t["review_words_gwr"] if gwr else t["review_words_after"], t["future_words"])


def _evidence_per_text(texts: Sequence[str], cfg: _TimeConfig, W: np.ndarray, T: np.ndarray) -> None:
    """Fill W (cue words) and T (time) text by text: for texts or patterns that cannot be joined."""
    cues = load_cues()
    weak = [(i, pat.findall, wts.__getitem__) for i, (pat, wts) in enumerate(zip(cues.weak, cues.weak_weights))
            if pat is not None]
    any_time_word = _any_of(cfg.word_patterns).search
    yw, w = cfg.year_weight, cfg.word_weight
    a, p = LABEL_INDEX["achievement"], LABEL_INDEX["plan"]
    for j, text in enumerate(texts):
        Wj, Tj = W[j], T[j]
        for i, fa, get in weak:
            Wj[i] = _seq_sum(map(get, fa(text)))
        # accumulated in the same order as time_evidence, so the sums are bit-identical
        ea = ep = 0.0
        if cfg.plan is not None:
            for m in _YEAR.finditer(text):
                y = int(m.group(1))
                if y == cfg.review:
                    ea += yw
                elif y >= cfg.plan and y <= cfg.plan + 15:
                    ep += yw
        if any_time_word(text):  # rare: one search instead of three findalls
            ep += w * len(cfg.plan_words.findall(text))
            ea += w * len(cfg.review_words.findall(text))
            ep += w * len(cfg.future_words.findall(text))
        # (else all three counts are 0, and adding 0.0 leaves the sums as they are)
        Tj[a], Tj[p] = ea, ep


def _evidence_scanned(scan: TextScan, cfg: _TimeConfig, W: np.ndarray, T: np.ndarray) -> None:
    """Fill W and T like :func:`_evidence_per_text`, from one scan of all texts. Per text, the cue
    weights are summed in order from 0.0 (np.bincount adds them one by one, as the per-text loop
    does), and repeated year weights are added as repeated additions: the same bits."""
    n = len(scan.texts)
    pos, wid, doc = scan.words
    member, weights = _weak_words()
    # label-major, then by position: each label's words as that label's own regex finds them
    lab, occ = np.nonzero(member[wid].T)
    kept = _first_fit(lab * (len(scan.joined) + 1) + pos[occ], _vocabulary().lengths[wid[occ]])
    lab, occ = lab[kept], occ[kept]
    sums = np.bincount(lab * n + doc[occ], weights=weights[wid[occ], lab], minlength=len(LABELS) * n)
    W[:] = sums.reshape(len(LABELS), n).T
    yw, w = cfg.year_weight, cfg.word_weight
    ka = kp = np.zeros(n, dtype=np.int64)
    if cfg.plan is not None:
        at, ys = _years(scan.codes)
        if len(at):
            where = _text_of(scan.starts, at)
            is_review = ys == cfg.review
            ka = np.bincount(where[is_review], minlength=n)
            kp = np.bincount(where[~is_review & (ys >= cfg.plan) & (ys <= cfg.plan + 15)], minlength=n)
    sums = _repeated_sums(yw, max(int(ka.max()), int(kp.max())))
    ea, ep = sums[ka], sums[kp]
    counts = [_count_matches(scan, p) for p in (cfg.plan_words, cfg.review_words, cfg.future_words)]
    ep = ep + w * counts[0]
    ea = ea + w * counts[1]
    ep = ep + w * counts[2]
    T[:, LABEL_INDEX["achievement"]], T[:, LABEL_INDEX["plan"]] = ea, ep


_NIAN, _ZERO = ord("年"), ord("0")


def _years(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(positions, years) of the matches of ``_YEAR`` in the code points of joined texts: four
    ASCII digits, the first 1 or 2, before 年, not after another (Unicode) digit. SEP is no digit,
    so a text's first characters are read as at the start of that text alone.

    >>> _years(codes_of("12024年与２2024年不算年份；1999年和2030年算。"))
    (array([18, 24]), array([1999, 2030]))
    """
    at = np.flatnonzero(codes[4:] == _NIAN)  # where a year would start
    digits = codes[at[:, None] + np.arange(4)].astype(np.int64) - _ZERO
    ok = ((digits[:, 0] == 1) | (digits[:, 0] == 2)) & ((digits[:, 1:] >= 0) & (digits[:, 1:] <= 9)).all(axis=1)
    at, digits = at[ok], digits[ok]
    before = [p == 0 or not chr(codes[p - 1]).isdecimal() for p in at.tolist()]
    at, digits = at[before], digits[before]
    return at, digits @ np.array([1000, 100, 10, 1], dtype=np.int64)


def _count_matches(scan: TextScan, pattern: "re.Pattern") -> np.ndarray:
    """``len(pattern.findall(text))`` for every text of the scan: from the scan when the pattern
    is a plain alternation of words, else text by text in the texts holding one of its literals."""
    n = len(scan.texts)
    pos, wid, doc = scan.words
    rank = _alternative_rank(pattern.pattern)
    if rank is None:
        counts = np.zeros(n, dtype=np.int64)
        for j in np.unique(doc[_time_words((pattern.pattern,))[wid]]).tolist():
            counts[j] = len(pattern.findall(scan.texts[j]))
        return counts
    # at a position the regex takes its first alternative that matches, then goes on after it
    at = np.flatnonzero(rank[wid] >= 0)
    at = at[np.lexsort((rank[wid[at]], pos[at]))]
    kept = at[_first_fit(pos[at], _vocabulary().lengths[wid[at]])]
    return np.bincount(doc[kept], minlength=n)


@lru_cache(maxsize=16)
def _alternative_rank(pattern: str) -> np.ndarray | None:
    """By vocabulary word id: its place among the words of ``pattern`` if that is a plain
    alternation of words (-1: not one of them), else None."""
    alts = _literal_alternatives(pattern)
    if alts is None or _vocabulary() is None or not set(alts) <= set(_vocabulary().words):
        return None
    rank = np.full(len(_vocabulary().words), -1, dtype=np.int64)
    rank[_word_ids(alts)] = np.arange(len(alts))
    return rank


@lru_cache(maxsize=16)
def _literal_alternatives(pattern: str) -> tuple[str, ...] | None:
    """The words of a pattern that is only ``word|word|…`` (in its order), else None.

    >>> _literal_alternatives("今年|新的一年"), _literal_alternatives(r"到20[2-5]\\d年")
    (('今年', '新的一年'), None)
    """
    try:
        C, _parser = _re_parser()  # noqa: N806
        tree = _parser.parse(pattern)
    except Exception:
        return None
    items = list(tree)
    branches = items[0][1][1] if len(items) == 1 and items[0][0] is C.BRANCH else [items]
    words = []
    for b in branches:
        if not b or any(op is not C.LITERAL for op, _ in b):
            return None
        words.append("".join(chr(v) for _, v in b))
    return tuple(words) if tree.state.flags & re.IGNORECASE == 0 and len(set(words)) == len(words) else None


def _first_fit(key: np.ndarray, length: np.ndarray) -> np.ndarray:
    """Indices of the words a regex alternation finds: the leftmost occurrence, the first
    alternative there, then on after it (``key``: positions, ascending; at one position, the
    regex's preferred word first: for cue words, sorted longest first, the longest)."""
    if not len(key):
        return np.zeros(0, dtype=np.int64)
    first = np.flatnonzero(np.concatenate(([True], key[1:] != key[:-1])))
    p, e = key[first], key[first] + length[first]
    # a word that no earlier word reaches into is found whatever came before; only the few
    # others are decided one by one, after the last such word before them
    reach = np.maximum.accumulate(e)
    clash = np.flatnonzero(p[1:] < reach[:-1]) + 1
    if not len(clash):
        return first
    keep = np.ones(len(p), dtype=bool)
    pl, el = p.tolist(), e.tolist()
    end, last = -1, -2
    for i in clash.tolist():
        if i != last + 1:  # a new run of clashes: its free word before it was kept
            end = el[i - 1]
        if pl[i] >= end:
            end = el[i]
        else:
            keep[i] = False
        last = i
    return first[keep]


@lru_cache(maxsize=1)
def _weak_words() -> tuple[np.ndarray, np.ndarray]:
    """(member, weight): by vocabulary word id and label, whether it is a cue word of that label
    and its weight there."""
    cues = load_cues()
    member = np.zeros((len(_vocabulary().words), len(LABELS)), dtype=bool)
    weights = np.zeros(member.shape)
    for i, wts in enumerate(cues.weak_weights):
        if cues.weak[i] is not None:
            ids = _word_ids(list(wts))
            member[ids, i] = True
            weights[ids, i] = list(wts.values())
    return member, weights


@lru_cache(maxsize=8)
def _time_words(patterns: tuple[str, ...]) -> np.ndarray | None:
    """By vocabulary word id: a literal one of which every match of some time-word pattern
    holds (None: unknown, the texts are then read one by one)."""
    lits = []
    for p in patterns:
        got = required_literals(p)
        if got is None or any(SEP in x for x in got):
            return None
        lits += got
    if _vocabulary() is None:
        return None
    member = np.zeros(len(_vocabulary().words), dtype=bool)
    member[_word_ids(lits)] = True
    return member


def _seq_sum(values) -> float:
    """Left-to-right float sum from 0.0, on every Python (3.12's ``sum`` compensates its rounding)."""
    total = 0.0
    for v in values:
        total += v
    return total


def _repeated_sums(x: float, most: int) -> np.ndarray:
    """``[0.0, x, x + x, (x + x) + x, …]`` up to ``most`` terms (np.cumsum adds left to right)."""
    return np.concatenate([[0.0], np.cumsum(np.full(most, x, dtype=np.float64))])


@lru_cache(maxsize=8)
def _any_of(patterns: tuple[str, ...]):
    """One pattern that matches wherever any of ``patterns`` does (a pre-check before their findalls).
    Joined bare (alternation binds loosest) so that ``re`` keeps its first-character scan."""
    try:
        return re.compile("|".join(patterns))
    except re.error:
        return _compile("|".join(f"(?:{p})" for p in patterns))


def role_prior(role: str | None, report_type: str | None = None) -> np.ndarray:
    """Label distribution assumed for a paragraph under a section of this role
    (``no_structure``: the report has no roled section at all).

    >>> LABELS[int(role_prior("shortcomings").argmax())]
    'shortcoming'
    """
    prior = load_cues().role_prior
    if report_type == "plan" and role in (None, "preamble", "other", "no_structure"):
        return prior["plan_document"]
    return prior.get(role or "other", prior["other"])
