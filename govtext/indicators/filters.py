"""Which scanned mentions are not indicators: years, ordinals, names, slogans, thresholds.

Each rule returns a short reason (kept for debugging) or ``None``. The word lists
live in ``govtext/data/indicators_rules.json``.

>>> from govtext.indicators.grammar import scan
>>> t = "2023年，60岁以上老人，第3位，新增4A级景区3个"
>>> [(t[m.start:m.end], exclusion(t, m)) for m in scan(t)]
[('2023年', 'year'), ('60岁以上', 'threshold'), ('3位', 'ordinal'), ('3个', None)]
"""
from __future__ import annotations

import re
from functools import lru_cache

from .grammar import Mention
from .lexicon import lexicon

_YEAR_NEXT = re.compile(r"[代度底初末级届]|\d{1,2}月|[一二三四五六七八九十]{1,2}月")
_ORDINAL_LIST = re.compile(r"第[\d一二三四五六七八九十]{1,4}(?:、[\d一二三四五六七八九十]{1,4})*、$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_QUOTE_OPEN = "“‘\"'「『《〈"
_QUOTE_CLOSE = "”’\"'」』》〉"
_CLAUSE_PUNCT = set("，。；：！？,;:!?\n")
_QUOTE_OPEN_RE = re.compile(f"[{re.escape(_QUOTE_OPEN)}]")
# non-ASCII characters before a number that a rule of _by_before names
_BEFORE_MARKS = frozenset("第、几数每前＋№·×．")
_POST_BOUNDS = frozenset(("以上", "以下", "及以上", "及以下"))


@lru_cache(maxsize=1)
def _rules():
    lex = lexicon()
    w = lex.words
    bound = set(lex.rules["bound_qualifiers"])
    threshold_kinds = set(lex.rules["threshold_kinds"])
    descriptive = set(lex.rules["chinese_small_descriptive_units"])
    need_mag = set(lex.rules["units_need_magnitude"])
    return (lex, w["slogan_words"], w["name_after_unit"], bound, threshold_kinds, descriptive, need_mag,
            w["age_group_after"])


def _in_short_quote(text: str, s: int, e: int, limit: int = 12) -> bool:
    """True when [s, e) sits inside a short quoted name (“三减二化一提升”, “7+1”)."""
    lo = max(0, s - limit)
    # the walk back must stop on an opening quote: most numbers have none near them
    if _QUOTE_OPEN_RE.search(text, lo, s) is None:
        return False
    i = s - 1
    while i >= lo and text[i] not in _QUOTE_OPEN and text[i] not in _QUOTE_CLOSE and text[i] not in _CLAUSE_PUNCT:
        i -= 1
    if i < lo or text[i] not in _QUOTE_OPEN:
        return False
    j = e
    hi = min(len(text), e + limit)
    while j < hi and text[j] not in _QUOTE_CLOSE and text[j] not in _QUOTE_OPEN and text[j] not in _CLAUSE_PUNCT:
        j += 1
    return j < hi and text[j] in _QUOTE_CLOSE


def _by_before(text: str, m: Mention, before: str, ns: int) -> str | None:
    """The rules on the character before the number (and the 项目 year between them, in order)."""
    # ordinals, ranks and markers: 第3位, 第一, 前10名
    if before == "第" or (before == " " and text[ns - 2:ns - 1] == "第"):
        return "ordinal"
    if before == "、" and _ORDINAL_LIST.search(text, max(0, ns - 24), ns):
        return "ordinal"
    if before in "几数" and m.chinese:
        return "vague"   # 几十座, 数百人
    if before == "每":
        return "per"     # 每10万人, 每50公斤: the base of a rate, not a quantity
    if m.written_unit == "项" and text.startswith("目", m.unit_end) and 1900 <= m.value <= 2100:
        return "year"    # “2022项目建设攻坚年”
    if before == "前" and m.written_unit in ("名", "位"):
        return "rank"
    # codes and names with digits: 5G, PM2.5, C919, U18, 1+3+N, "7+1", No.3
    if (before.isascii() and before.isalpha()) or before in "+＋#№·@/×*_":
        return "code"
    if before.isdigit() or before in ".．":
        return "code"
    return None


def exclusion(text: str, m: Mention) -> str | None:
    """Why ``m`` is not an indicator (a short reason), or ``None`` when it is one."""
    lex, slogan_re, name_re, bound, threshold_kinds, descriptive, need_mag, age_group_re = _rules()
    s, e, ns = m.start, m.end, m.num_start
    wu, kind, unit_end = m.written_unit, m.kind, m.unit_end
    n = len(text)
    before = text[ns - 1] if ns > 0 else ""
    after = text[e] if e < n else ""

    # years and periods: 2023年, 2021—2025年, 二〇二三年, 90年代, 23年12月
    if wu == "年":
        v, v_max = m.value, m.value_max      # v_max is NaN unless a range
        if 1000 <= v <= 2999 or 1000 <= v_max <= 2999 or _YEAR_NEXT.match(text, unit_end):
            return "year"
        if m.chinese and m.value >= 100:
            return "year"
    # most numbers follow a plain CJK character, which none of the rules on it name
    if before and (before.isascii() or before in _BEFORE_MARKS or before.isdigit()):
        reason = _by_before(text, m, before, ns)
        if reason:
            return reason
    elif wu == "项" and text.startswith("目", unit_end) and 1900 <= m.value <= 2100:
        return "year"
    num_end = ns + len(m.numeral)
    nxt = text[num_end] if num_end < n else ""
    if nxt and (nxt in "+＋" or (nxt.isascii() and nxt.isalpha() and not wu.isascii())):
        return "code"
    if after and (after in "+＋" or (after.isascii() and after.isalpha())):
        return "code"
    # 345亿度, 10亿方 but not 38度, 三方; 1对1 is a pairing, not a count
    if wu in need_mag and not m.magnitude:
        return "needs magnitude"
    if wu == "对" and re.match(r"[\d一二两三四五六七八九十]", text[unit_end:unit_end + 1]):
        return "pairing"
    # names after the unit: 68海里景区, 4A级 (non-count kinds only: 5个工程项目 is a count)
    if kind not in ("count", "percent") and name_re.match(text, unit_end):
        return "name"
    plain_chinese = m.chinese and not m.magnitude and m.form == "number"
    # slogans and numbered names: 四个意识, 两个维护, 三项制度, “三减二化一提升”, 两条道路 (slogan_phrases)
    if plain_chinese:
        if slogan_re.match(text, unit_end) or lex.words["slogan_phrases"].match(text, ns):
            return "slogan"
        if m.value <= 1:
            return "one"
        # 过去五年, 二期工程, 十届三次全会, ”三个战术, 三个“十条”: descriptive, not measured
        if wu in descriptive:
            return "descriptive"
        if (before and before in "届”’\"") or (after and after in "“‘\""):
            return "slogan"
        # 油气三次回收, 三次产业, 二次供水: an order or degree, not a count (开展三次培训 stays)
        if wu == "次" and (m.numeral == "二" or lex.words["order_terms_after_ci"].match(text, unit_end)):
            return "order"
    if wu == "周" and text[unit_end:unit_end + 1] == "年":
        return "anniversary"
    if wu == "分" and before and before in "时点:：":
        return "time"
    if m.form == "number" and m.value < 1000 and _in_short_quote(text, s, e):
        return "quoted name"
    # age groups: 0—6岁儿童, 60岁的老人 (a number of years naming who, not a measure)
    if kind == "age" and age_group_re.match(text, e):
        return "threshold"
    # thresholds that name a category: 60岁以上老人, 10万元以下, 投资超5亿元的项目, 10亿元以上15个
    quals = m.qualifiers
    if quals and not bound.isdisjoint(quals) and kind not in ("percent", "permille", "percent_point", "permille_point"):
        post_bound = not _POST_BOUNDS.isdisjoint(quals)
        if after == "的" or (after.isdigit() and post_bound):
            return "threshold"
        if kind in threshold_kinds and _CJK.match(after) and post_bound:
            return "threshold"
        # 超亿元项目, 超千万元企业: a bound before a category noun names the category
        if kind in threshold_kinds and lex.words["threshold_category_nouns"].match(text, e):
            return "threshold"
    return None
