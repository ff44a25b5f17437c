"""Character-level quantity grammar: find every number + unit in a text.

:func:`scan` walks the width-folded text once, left to right, and yields
:class:`Mention` objects (number, magnitude, qualifiers, unit, range) with
offsets into the text. Deciding which mentions are indicators (years, ordinals,
names ...) is :mod:`govtext.indicators.filters`' job.

>>> [(m.value, m.unit, m.qualifier) for m in scan("入户宣传5.2万户，发放资料60000余册")]
[(52000.0, '户', ''), (60000.0, '册', '余')]
>>> [(m.value, m.value_max, m.unit) for m in scan("增长5.5%—6%，新建5-8万元")]
[(5.5, 6.0, '%'), (50000.0, 80000.0, '元')]
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator

from .lexicon import Lexicon, alternation, lexicon
from .numerals import NUMERAL_PATTERN, SIMPLE_NUMERAL, fold_width, parse_numeral, simple_value

# Predicates of numerals as NUMERAL_PATTERN reads them (digits \d, Chinese numerals, 余/多, ",",
# ".", " ", 点), on which \d is exactly str.isdigit: numerals.has_digit, is_chinese and
# has_magnitude in one regex search each.
_DIGIT = re.compile(r"[\d零一二两三四五六七八九幺十]").search
_ARABIC_DIGIT = re.compile(r"\d").search
_MAGNITUDE = re.compile("[百千万亿]").search
_INNER_QUALIFIER = re.compile("[余多]").search


def _has_digit(numeral: str) -> bool:
    return _DIGIT(numeral) is not None


def _is_chinese(numeral: str) -> bool:
    return _ARABIC_DIGIT(numeral) is None


def _has_magnitude(numeral: str) -> bool:
    return _MAGNITUDE(numeral) is not None


@dataclass(slots=True)
class Mention:
    start: int                 # span start (includes a qualifier before the number)
    end: int                   # span end (includes unit and a qualifier after it)
    num_start: int             # where the number itself starts
    value: float
    value_max: float = math.nan
    unit: str = ""             # canonical unit
    written_unit: str = ""     # the unit as written
    kind: str = ""
    qualifiers: list[str] = field(default_factory=list)
    form: str = "number"       # number | percent_words | fraction | doubling | cheng
    chinese: bool = False      # number written in Chinese numerals only
    magnitude: bool = False    # the number carries 百/千/万/亿
    unit_end: int = 0          # end of the unit (before a qualifier after it)
    numeral: str = ""
    denominator: str = ""      # written unit after "/" (元/人), if any
    bare: bool = False         # a magnitude with no digit (百, 千亿): needs a qualifier

    @property
    def qualifier(self) -> str:
        return "".join(self.qualifiers)

    @property
    def approx(self) -> bool:
        return bool(self.qualifiers)


_CN_SMALL = "零一二两三四五六七八九十百千"
_CN_NUMERAL = _CN_SMALL + "万亿"
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=4096)
def parse_numeral_f(s: str) -> float:
    # cached: a report repeats the same few hundred numerals (5%, 一, 3个 ...)
    return parse_numeral(s, folded=True)


# every anchor (number, 百分之, 三分之一, 翻番, 1/3) starts with one of these characters
_ANCHOR_CHARS = r"[\d零一二两三四五六七八九十百千万亿余多翻]"
_ANCHOR_FORMS = (
    r"(?P<pct>百分之)"
    rf"|(?P<frac>(?:[{_CN_SMALL}]{{1,6}}|\d{{1,6}})分之(?:[{_CN_SMALL}]{{1,6}}|\d{{1,6}}))"
    r"|(?P<fan>翻(?:了)?(?:一|两|二|三|几)?番)"
    r"|(?P<afrac>(?<![\d./])\d{1,2}/\d{1,3}(?![\d/.]))"
)


@lru_cache(maxsize=1)
def _patterns():
    lex = lexicon()
    r = lex.rules
    anchor = re.compile(rf"{_ANCHOR_FORMS}|(?P<num>{NUMERAL_PATTERN})")
    pre = re.compile(rf"(?:{alternation(r['qualifier_before'])}) ?$")
    post = re.compile(alternation(r["qualifier_after"]))
    sep = re.compile(rf" ?(?:{alternation(r['range_separators'])}) ?")
    numeral = re.compile(NUMERAL_PATTERN)
    pct_tail = re.compile(rf"(?P<n>{NUMERAL_PATTERN})(?:点(?P<d>[零一二三四五六七八九]+))?")
    denom = re.compile(r"[/每]")
    cheng_bad = set(r["cheng_not_followed_by"])
    blockers = {k: set(v) for k, v in r["qualifier_before_blockers"].items()}
    return lex, anchor, pre, post, sep, numeral, pct_tail, denom, cheng_bad, blockers


@lru_cache(maxsize=1)
def _finder() -> re.Pattern:
    """The anchor alternation in one search, with what may follow a numeral read in the same pass.

    The pattern consumes only the anchor's first character, a character class, so that the
    regex engine skips to candidates in C; the anchor itself is read by a lookahead inside a
    one-character lookbehind, i.e. from that character on, and its groups give the spans. After
    the numeral (group ``num``) come 余/多 (``q``), a unit (``unit``, one space before it allowed)
    and a range separator (``sep``), each possibly empty: as they can always match they never
    make the numeral read differently from :func:`_patterns`' plain anchor (the test suite checks
    that), and as no group is optional the regex engine needs no repeat for them.

    Most anchors are one Chinese numeral character inside a word (一些, 两岸, 一是): when the next
    character can neither continue the numeral nor begin a unit, range or 成, the anchor is no
    quantity, and since it is one character long, skipping it inside the search resumes where
    :func:`scan` would resume.
    """
    lex = lexicon()
    r = lex.rules
    tail = rf"(?P<q>[余多]?) ?(?P<unit>{lex.unit_re.pattern}|)(?P<sep> ?(?:{alternation(r['range_separators'])}) ?|)"
    goes_on = set(_CN_NUMERAL) | set("余多点分成 ") | {w[0] for w in [*lex.units, *r["range_separators"]] if w}
    lone = _char_class(set(_CN_NUMERAL) - set(_UNIT_FIRST))
    return re.compile(rf"{_ANCHOR_CHARS}(?<=(?!{lone}[^{_char_class(goes_on)[1:]})"
                      rf"(?={_ANCHOR_FORMS}|(?P<n>(?P<num>{NUMERAL_PATTERN}){tail})).)")


def _char_class(chars) -> str:
    """A regex character class of the given characters."""
    return "[" + "".join(sorted(c if c not in "\\]^-[" else "\\" + c for c in chars)) + "]"


@lru_cache(maxsize=1)
def _edge_chars() -> tuple[frozenset, frozenset, frozenset]:
    """Characters next to a number that may begin a qualifier search: the last characters of the
    qualifiers before a number (and a space or line break, which may sit between), the same with
    的 (接近…的百分之五十), and the first characters of the qualifiers after it."""
    r = lexicon().rules
    before = frozenset(w[-1] for w in r["qualifier_before"] if w) | {" ", "\n"}
    after = frozenset(w[0] for w in r["qualifier_after"] if w)
    return before, before | {"的"}, after


@lru_cache(maxsize=1)
def _unit_table() -> dict[str, tuple[str, str, frozenset, float]]:
    """Written unit -> (canonical, kind, characters after it that need the general reader, scale).

    Those characters are "/" and 每 (a denominator), the unit's unit_not_followed_by and, for a
    generated X次, count_compound_not_followed_by.
    """
    lex = lexicon()
    out = {}
    for w, u in lex.units.items():
        stop = set("/每") | set(_unit_blockers().get(w, "")) | (set(_compound_blockers()) if u.compound else set())
        out[w] = (u.canonical, u.kind, frozenset(stop), u.scale)
    return out


@lru_cache(maxsize=16384)
def _numeral_facts(num: str) -> tuple[bool, bool, bool, bool, str, float]:
    """(usable, chinese, magnitude, bare, qualifier inside, value) of a numeral, as
    :func:`_read_number` decides them; a numeral with no value is not usable."""
    simple = SIMPLE_NUMERAL.fullmatch(num.replace(",", "").replace(" ", "") if "," in num or " " in num else num)
    if simple:   # 2023, 5.2万, 1,200 (most numerals): Arabic digits, at most 万 or 亿 after them
        return True, False, bool(simple[2]), False, "", simple_value(simple)
    bare = not _has_digit(num)
    usable = num[0] != "零" and not (bare and not (len(num) <= 3 and all(c in _BARE_MAGNITUDES for c in num)))
    inner = _INNER_QUALIFIER(num)
    value = parse_numeral_f(num) if usable else math.nan
    return (usable and not math.isnan(value), _is_chinese(num), _has_magnitude(num), bare,
            inner.group() if inner else "", value)


_FRACTION = re.compile(rf"(?P<den>[{_CN_SMALL}]{{1,6}}|\d{{1,6}})分之(?P<num>[{_CN_SMALL}]{{1,6}}|\d{{1,6}})")
_DOUBLING = {"一": 2.0, "两": 4.0, "二": 4.0, "三": 8.0, "几": math.nan, None: 2.0}
_UNIT_FIRST = "千百"
_BARE_MAGNITUDES = "百千万亿"


def _trailing_magnitude(numeral: str) -> str:
    """Magnitude characters at the end of a numeral (8万 → 万; 5 → '')."""
    i = len(numeral)
    while i > 0 and numeral[i - 1] in "百千万亿":
        i -= 1
    return numeral[i:]


def _match_unit(lex: Lexicon, ft: str, p: int, chinese: bool):
    m = lex.unit_re.match(ft, p)
    if not m:
        return None
    written = m.group()
    if chinese and written == "分":   # 十分重要: "very", not a score
        return None
    nxt = ft[m.end():m.end() + 1]
    # 9条次干道路: a generated compound X次 whose 次 starts a word falls back to X
    if nxt and lex.units[written].compound and nxt in _compound_blockers():
        written = written[:-1]
        if written not in lex.units:
            return None
        nxt = ft[m.start() + len(written)]
    # 双11期间, 3处理: the unit character starts a longer word; a longer unit that is blocked
    # gives way to the longest unit it begins with (3个亿级产业: 3 个)
    while nxt and nxt in _unit_blockers().get(written, ""):
        written = next((written[:k] for k in range(len(written) - 1, 0, -1) if written[:k] in lex.units), None)
        if written is None:
            return None
        nxt = ft[m.start() + len(written)]
    return written


def _begins_unit(lex: Lexicon, ft: str, p: int) -> bool:
    """True when the 千/百 at ``p`` begins a unit (千瓦, 百分点): :func:`_read_number` drops it from the numeral."""
    u = _match_unit(lex, ft, p, False)
    return bool(u) and u[0] == ft[p]


@lru_cache(maxsize=1)
def _denominator_only() -> tuple[str, ...]:
    return tuple(sorted(lexicon().rules.get("denominator_only", []), key=len, reverse=True))


@lru_cache(maxsize=1)
def _compound_blockers() -> str:
    return lexicon().rules.get("count_compound_not_followed_by", "")


@lru_cache(maxsize=1)
def _traditional() -> tuple[str, tuple[tuple[str, str], ...]]:
    rules = lexicon().rules
    src, dst = rules.get("traditional_fold", ["", ""])
    return rules.get("traditional_markers", ""), tuple(zip(src, dst))


def _fold_traditional(ft: str) -> str:
    """Numerals, units and qualifiers of a traditional-script text in simplified form, one for one.

    >>> _fold_traditional("約一億六千餘萬畝，這個")
    '约一亿六千余万亩，這个'
    """
    markers, pairs = _traditional()
    if not any(c in ft for c in markers):
        return ft
    for a, b in pairs:
        if a in ft:
            ft = ft.replace(a, b)
    return ft


@lru_cache(maxsize=1)
def _unit_blockers() -> dict[str, str]:
    return dict(lexicon().rules.get("unit_not_followed_by", {}))


def _read_unit(lex, ft, p, chinese, denom_re):
    """Unit at p (one optional space before it), with a "/" denominator; (written, denom, end) or None."""
    q = p + 1 if p < len(ft) and ft[p] == " " else p
    written = _match_unit(lex, ft, q, chinese)
    if written is None:
        return None
    end = q + len(written)
    den = ""
    dm = denom_re.match(ft, end)
    if dm:
        # 元/人, 人/百亿元, 微克每立方米: a unit (maybe with a magnitude) after / or 每
        q2 = dm.end()
        u2 = _match_unit(lex, ft, q2, False)
        if u2 is None:
            while q2 < len(ft) and q2 - dm.end() < 3 and ft[q2] in "百千万亿":
                q2 += 1
            u2 = _match_unit(lex, ft, q2, False) if q2 > dm.end() else None
        if u2:
            den = ft[dm.end():q2] + lex.units[u2].canonical
            end = q2 + len(u2)
        elif dm.group() == "/":
            # 801元/月: per month, per day (words that are no units of their own)
            for w in _denominator_only():
                if ft.startswith(w, dm.end()):
                    den, end = w, dm.end() + len(w)
                    break
    return written, den, end


def scan(text: str) -> Iterator[Mention]:
    """Every number with a unit (or a percent/fraction/doubling form) in ``text``, left to right."""
    lex, _, pre_re, post_re, sep_re, numeral_re, pct_tail, denom_re, cheng_bad, blockers = _patterns()
    finder = _finder()
    find = finder.search
    g_n, g_num, g_q, g_unit, g_sep = (finder.groupindex[k] for k in ("n", "num", "q", "unit", "sep"))
    pre_last, pre_or_share, post_first = _edge_chars()
    units = _unit_table()
    isnan, isfinite, nan = math.isnan, math.isfinite, math.nan
    ft = _fold_traditional(fold_width(text))
    pos = 0
    last_end = 0
    lead_q = None   # (end, unit, qualifier) of the last mention with a qualifier before it
    while True:
        m = find(ft, pos)
        if not m:
            return
        s = m.start()
        g = m.lastgroup     # one named group per anchor form ("n": a numeral and what follows it)
        if g == "n":
            num, q, unit, sep = m.group(g_num, g_q, g_unit, g_sep)
            pos = s + len(num)
            if num[-1] in _UNIT_FIRST and _begins_unit(lex, ft, pos - 1):
                # 3万千瓦, 2百分点: the 千/百 is no magnitude
                mention = _read_number(ft, s, pos, lex, sep_re, numeral_re, denom_re, cheng_bad)
            elif not unit:
                # most numerals with no unit, range or 成 after them (统一, 进一步) are no quantity
                if not sep and ft[pos + len(q):pos + len(q) + 1] != "成":
                    continue
                mention = _read_number(ft, s, pos, lex, sep_re, numeral_re, denom_re, cheng_bad)
            else:
                usable, chinese, magnitude, bare, inner_q, value = _numeral_facts(num)
                if chinese and unit == "分":
                    continue    # 十分重要: "very", and no unit, range or 成 is right after the numeral
                canonical, kind, stop, scale = units[unit]
                end = m.end(g_n)
                if not sep and ft[end:end + 1] not in stop:
                    # the common case, a numeral and a plain unit: what _read_number would read
                    if not usable:
                        continue
                    if scale != 1.0:    # 2个亿: the unit carries a magnitude
                        value, magnitude = value * scale, True
                    mention = Mention(s, end, s, value, nan, canonical, unit, kind,
                                      [inner_q or q] if inner_q or q else [], "number", chinese, magnitude,
                                      end, num, "", bare)
                else:   # a blocked unit, a denominator, a range
                    mention = _read_number(ft, s, pos, lex, sep_re, numeral_re, denom_re, cheng_bad)
            if mention is None:
                continue
            before = ft[s - 1:s]
            # 分别提高15、22个百分点: bare numbers listed before this one share its unit
            # (the list ends with 、 right before the number; `$` also matches before a final newline)
            if (before == "、" or before == "\n" and ft[s - 2:s] == "、\n") and s > last_end \
                    and isnan(mention.value_max) and not mention.chinese:
                yield from _enumerated(ft, max(last_end, s - 60), s, mention)
        else:
            pos = m.end(g)
            mention = _form_mention(m, g, ft, pct_tail)
            if mention is None:
                continue
            before = ft[s - 1:s]
        e = mention.end
        if e > pos:
            pos = e
        if not lead_q and before not in pre_or_share and ft[e:e + 1] not in post_first and not mention.bare:
            # no qualifier before or after, none to share (most numbers): the checks below pass
            if isfinite(mention.value) and (isnan(mention.value_max) or isfinite(mention.value_max)):
                last_end = e
                yield mention
            continue
        # a qualifier before the number (约, 超过, 近 ...), one space allowed between
        pm = _pre_qualifier(ft, s, pre_re, blockers) if before in pre_last else None
        if pm is None and mention.bare:
            pm = _bare_qualifier(ft, s)   # 上千家: only before a magnitude with no digit
        if pm is None and before == "的" and mention.kind in ("percent", "multiple"):
            sq = _share_qualifier(ft, s)
            if sq and sq.start() >= last_end:   # 接近学生人数的百分之五十: the span runs from the qualifier
                mention.qualifiers.insert(0, sq.group("q"))
                mention.start = sq.start()
        if pm:
            mention.qualifiers.insert(0, pm.group().strip())
            mention.start = pm.start()
        # a qualifier after the unit (左右, 以上, 以内 ...)
        if ft[e:e + 1] in post_first:
            qm = post_re.match(ft, e)
            # 多/余 after the unit only for durations (两年多); 3个多功能中心 is not approximate
            if qm and qm.group() == "上下" and _CJK_CHAR.match(ft, qm.end()):
                qm = None   # 3个上下联动平台: 上下 opens a word
            if qm and not (qm.group() in ("多", "余", "有余")
                           and (mention.form != "number" or mention.kind != "duration")):
                mention.qualifiers.append(qm.group())
                mention.end = qm.end()
                pos = max(pos, mention.end)
        if lead_q and not mention.qualifiers and lead_q[0] == last_end and lead_q[1] == mention.unit \
                and ft[last_end:s] in _shared_gaps() and lead_q[2] in _shared_by():
            # 接连突破8万亿元、9万亿元, 分别突破300亿元和3000亿元: a verb qualifier before the first
            # figure governs the list of figures of one unit (the span keeps to the number);
            # a one-character prefix does not (分别超98.5%和99%)
            mention.qualifiers.append(lead_q[2])
        # 百/千亿 with no digit are numbers only after a qualifier (近百件, 超千家) or, for a
        # compound magnitude, before one (千亿元以上); alone they open words (百姓, 千万工程)
        if mention.bare and not (pm or (len(mention.numeral) >= 2 and mention.qualifiers)):
            continue
        if not (isfinite(mention.value) and (isnan(mention.value_max) or isfinite(mention.value_max))):
            continue
        last_end = mention.end
        quals = mention.qualifiers
        before_q = quals[0] if quals and (
            pm or mention.start < mention.num_start or lead_q and lead_q[2] == quals[0]) else None
        lead_q = (last_end, mention.unit, before_q) if before_q else None
        yield mention


def _form_mention(m, g: str, ft: str, pct_tail) -> Mention | None:
    """The mention of a percent in words (百分之五), a fraction (三分之一, 1/3) or a doubling (翻两番)."""
    s, e = m.start(), m.end(g)
    if g == "pct":
        t = pct_tail.match(ft, e)
        if not t or not _has_digit(t.group("n")):
            return None
        v = parse_numeral_f(t.group("n"))
        if math.isnan(v):
            return None
        if t.group("d"):
            v = float(f"{int(v)}.{''.join(str('零一二三四五六七八九'.index(c)) for c in t.group('d'))}")
        return Mention(s, t.end(), s, v, unit="%", written_unit="%", kind="percent",
                       form="percent_words", chinese=_is_chinese(t.group("n")), unit_end=t.end(),
                       numeral=ft[s:t.end()])
    written = m.group(g)
    if g == "frac":
        f = _FRACTION.match(ft, s)
        den, num = parse_numeral_f(f.group("den")), parse_numeral_f(f.group("num"))
        if not (den and num and num <= den) or math.isnan(den) or math.isnan(num):
            return None
        return Mention(s, e, s, num / den * 100, unit="%", written_unit="%", kind="percent",
                       form="fraction", chinese=True, unit_end=e, numeral=written)
    if g == "afrac":
        a, b = (float(x) for x in written.split("/"))
        if not (0 < a < b):
            return None
        return Mention(s, e, s, a / b * 100, unit="%", written_unit="%", kind="percent",
                       form="fraction", unit_end=e, numeral=written)
    # fan
    key = next((c for c in "一两二三几" if c in written), None)
    v = _DOUBLING[key]
    if math.isnan(v):
        return None
    return Mention(s, e, s, v, unit="倍", written_unit="倍", kind="multiple",
                   form="doubling", unit_end=e, numeral=written)


_ENUM_TAIL = re.compile(r"(?:(?<![\d.,/:+\-A-Za-z])\d{1,9}(?:\.\d{1,6})?、){1,8}$")
_ENUM_ITEM = re.compile(r"(\d{1,9}(?:\.\d{1,6})?)、")


def _enumerated(ft: str, lo: int, s: int, last: Mention) -> list[Mention]:
    """Mentions for bare numbers listed right before ``last`` (15、22个百分点), sharing its unit."""
    m = _ENUM_TAIL.search(ft, lo, s)
    if not m:
        return []
    mag = _trailing_magnitude(last.numeral)
    u = lexicon().units.get(last.written_unit)
    scale = u.scale if u else 1.0
    out = []
    for it in _ENUM_ITEM.finditer(ft, m.start(), s):
        v = parse_numeral_f(it.group(1) + mag) * scale
        if math.isnan(v):
            continue
        out.append(Mention(it.start(1), it.end(1), it.start(1), v, unit=last.unit, written_unit=last.written_unit,
                           kind=last.kind, chinese=False, magnitude=bool(mag) or scale != 1.0, unit_end=it.end(1),
                           numeral=it.group(1), form="enumerated"))
    return out


@lru_cache(maxsize=1)
def _shared_gaps() -> frozenset:
    """What may stand between two listed figures for a qualifier before the first to govern both (、, 和)."""
    return frozenset(lexicon().rules.get("qualifier_shared_over", ["、"]))


@lru_cache(maxsize=1)
def _shared_by() -> frozenset:
    """Qualifiers before a number that govern a list of figures after it (突破, 超过: verbs, not 超, 约)."""
    return frozenset(lexicon().rules.get("qualifier_shared_by", []))


@lru_cache(maxsize=1)
def _bare_qualifier_re():
    r = lexicon().rules
    words = r.get("bare_qualifier_before", [])
    not_after = r.get("bare_qualifier_not_after", "")
    guard = f"(?<![{re.escape(not_after)}])" if not_after else ""
    return re.compile(f"{guard}(?:{alternation(words)})$") if words else None


@lru_cache(maxsize=1)
def _share_qualifier_re():
    pats = lexicon().rules.get("share_qualifier_regex", [])
    return re.compile("|".join(pats)) if pats else None


def _share_qualifier(ft: str, s: int):
    """约占全年投资总额的三分之二: the qualifier a few words before a share, or None."""
    rx = _share_qualifier_re()
    return rx.search(ft, max(0, s - 26), s) if rx else None


def _bare_qualifier(ft: str, s: int):
    """上 in 上千家, 上百人 (approximate, only before a bare magnitude), or None."""
    rx = _bare_qualifier_re()
    return rx.search(ft, max(0, s - 3), s) if rx else None


def _pre_qualifier(ft: str, s: int, pre_re, blockers):
    """The qualifier word right before position ``s`` (约, 超过, 近 ...), or None."""
    pm = pre_re.search(ft, max(0, s - 5), s)
    if not pm:
        return None
    before = ft[pm.start() - 1] if pm.start() > 0 else ""
    # 签约6个, 最近3年, 赶超: a one-character qualifier glued to a word is not one
    if before and before in blockers.get(pm.group().strip(), ()):
        return None
    return pm


def _without_unit_start(lex: Lexicon, ft: str, num: str, e: int) -> tuple[str, int]:
    """The numeral ``num`` ending at ``e`` without a trailing 千/百 that begins a unit
    (3万千瓦, 2百分点: not a magnitude), and its new end."""
    while num and num[-1] in _UNIT_FIRST:
        u = _match_unit(lex, ft, e - 1, False)
        if not (u and u[0] == num[-1]):
            break
        num, e = num[:-1], e - 1
    return num, e


def _read_number(ft: str, s: int, e: int, lex: Lexicon, sep_re, numeral_re, denom_re, cheng_bad) -> Mention | None:
    """The general reader: the mention of the numeral ft[s:e] with its unit, range or 成, or None."""
    num, e = _without_unit_start(lex, ft, ft[s:e], e)
    if not num or num[0] == "零":   # 一年零三个月: 零 continues a number before it
        return None
    bare = not _has_digit(num)
    if bare and not (len(num) <= 3 and all(c in _BARE_MAGNITUDES for c in num)):
        return None
    chinese = _is_chinese(num)
    # 456余万元, 1亿3千多万: a qualifier inside the numeral, before its magnitude
    quals: list[str] = [c for c in num if c in "余多"][:1] if "余" in num or "多" in num else []
    p = e
    if p < len(ft) and ft[p] in "余多":
        if not quals:
            quals.append(ft[p])
        p += 1
    unit = _read_unit(lex, ft, p, chinese, denom_re)
    end = unit[2] if unit else p
    rm = sep_re.match(ft, end)
    # most numerals with no unit, range or 成 after them (统一, 进一步) stop here, before parsing
    if unit is None and rm is None and ft[p:p + 1] != "成":
        return None
    value = parse_numeral_f(num)
    if math.isnan(value):
        return None
    value_max = math.nan
    # a range: 5%—6%, 3至5个, 5-8万元
    if rm and not (quals and unit is None):
        m2 = numeral_re.match(ft, rm.end())
        if m2 and _has_digit(m2.group()) and _is_chinese(m2.group()) == chinese:
            num2, e2 = _without_unit_start(lex, ft, m2.group(), m2.end())
            p2 = e2
            q2 = []
            if p2 < len(ft) and ft[p2] in "余多":
                q2.append(ft[p2])
                p2 += 1
            unit2 = _read_unit(lex, ft, p2, chinese, denom_re) if num2 else None
            v2 = parse_numeral_f(num2) if num2 else math.nan
            ok = False
            if unit2 and not math.isnan(v2):
                if unit is None:
                    mag = _trailing_magnitude(num2)
                    if mag and not _trailing_magnitude(num):
                        value = parse_numeral_f(num + mag)
                    ok = rm.group().strip() != "-" or not chinese
                else:
                    ok = lex.units[unit[0]].canonical == lex.units[unit2[0]].canonical
            if ok and value <= v2:
                unit, value_max, end = unit2, v2, unit2[2]
                quals += q2
    if bare and unit is None:
        return None
    if unit is None:
        # X成 → X*10 %, when 成 is not the start of a word (成为, 成果 ...)
        if p < len(ft) and ft[p] == "成" and (p + 1 >= len(ft) or ft[p + 1] not in cheng_bad) and value <= 10:
            return Mention(s, p + 1, s, value * 10, unit="%", written_unit="成", kind="percent", form="cheng",
                           qualifiers=quals, chinese=chinese, unit_end=p + 1, numeral=num)
        return None
    written, den, end = unit
    u = lex.units[written]
    canon = u.canonical + (f"/{den}" if den else "")
    magnitude = _has_magnitude(num)
    if u.scale != 1.0:   # 2个亿, 1-2个亿: the unit carries a magnitude
        value, value_max, magnitude = value * u.scale, value_max * u.scale, True
    return Mention(s, end, s, value, value_max, unit=canon, written_unit=written, kind=u.kind, qualifiers=quals,
                   chinese=chinese, magnitude=magnitude, unit_end=end, numeral=num, denominator=den,
                   bare=bare)
