"""Number grammar: read Arabic, Chinese and mixed numerals into floats.

Works on one numeral string as matched by :data:`NUMERAL_PATTERN` (after
:func:`fold_width`), never on jieba tokens.

>>> parse_numeral("5.2万"), parse_numeral("两千"), parse_numeral("1,132.92亿")
(52000.0, 2000.0, 113292000000.0)
>>> parse_numeral("1亿3千多万"), parse_numeral("二〇二三")
(130000000.0, 2023.0)
"""
from __future__ import annotations

import math
import re

# One-to-one character folds, so offsets into the folded text equal offsets into
# the original: full-width digits and signs, the several zero glyphs, odd spaces.
_FOLD_SRC = "０１２３４５６７８９．％／～－＋：，〇○Ｏ\u3000\u00a0\u2002\u2003\u2009"
_FOLD_DST = "0123456789.%/~-+:,零零零     "
_FOLD = str.maketrans(_FOLD_SRC, _FOLD_DST)
_FOLD_PAIRS = tuple(zip(_FOLD_SRC, _FOLD_DST))

CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "幺": 1}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
MAGNITUDE_CHARS = "十百千万亿"

# The patterns keep the regex engine out of repeats it need not enter ("(?:x|)" for "(?:x)?", a
# lookahead before a repeat that needs it), and match exactly what the plain forms match.
ARABIC = r"\d{1,3}(?=,\d{3})(?:,\d{3}){1,5}(?:\.\d{1,8}|)(?!\d)|\d{1,16}(?:\.\d{1,8}|)"
_CN = "零一二两三四五六七八九十百千万亿"
# Arabic with magnitudes (5.2万, 3千, 2万5千, 456余万, 1亿3千多万) or a run of Chinese numerals
# (两千, 一百二十, 十二万, 十余万); 余/多 inside only when a magnitude follows.
NUMERAL_PATTERN = (
    rf"(?:{ARABIC})(?:(?=[余多{MAGNITUDE_CHARS} ])(?:[余多]?[{MAGNITUDE_CHARS}]| (?=[万亿])){{0,4}}|)"
    rf"(?:(?=\d)(?:(?:{ARABIC})(?:[余多]?[{MAGNITUDE_CHARS}]){{1,4}}){{0,3}}|)"
    rf"|(?:[{_CN}]|[余多](?=[{MAGNITUDE_CHARS}])){{1,16}}(?:点[零一二三四五六七八九]{{1,6}}(?![零一二三四五六七八九十百千])|)"
)
_TOKEN = re.compile(rf"{ARABIC}|[{_CN}余多]")
# one Arabic token (as _TOKEN reads it) and at most one big magnitude (no "," or " ")
SIMPLE_NUMERAL = re.compile(r"(\d{1,16}(?:\.\d{1,8})?)([万亿]?)")


def fold_width(text: str) -> str:
    """Fold full-width digits/signs to ASCII, one character for one (offsets stay valid).

    >>> fold_width("１２．５％")
    '12.5%'
    """
    if len(text) < 256:
        return text.translate(_FOLD)
    # on long texts one str.replace per present character is ~10x faster than translate
    for a, b in _FOLD_PAIRS:
        if a in text:
            text = text.replace(a, b)
    return text


def has_digit(numeral: str) -> bool:
    """True when the numeral has a real digit (not only magnitudes such as 千万, 百)."""
    return any(c.isdigit() or c in CN_DIGITS or c == "十" for c in numeral)


def is_chinese(numeral: str) -> bool:
    """True when the numeral has no Arabic digit."""
    return not any(c.isdigit() for c in numeral)


def has_magnitude(numeral: str) -> bool:
    return any(c in "百千万亿" for c in numeral)


def simple_value(simple: re.Match) -> float:
    """Value of a numeral matched in full by ``SIMPLE_NUMERAL`` (2023, 5.2万), as :func:`parse_numeral` reads it."""
    v = float(simple[1])
    if not simple[2]:
        # at most 15 digits read back unchanged from 15 significant digits
        return v if len(simple[0]) <= 15 else float(f"{v:.15g}")
    return float(f"{(v or 1.0) * BIG_UNITS[simple[2]]:.15g}")


def parse_numeral(s: str, folded: bool = False) -> float:
    """Value of one numeral; ``nan`` when it cannot be read.

    Chinese digit strings without units (二〇二三, 一九九零) are read digit by digit.
    """
    if not folded:
        s = fold_width(s)
    s = s.replace(",", "").replace(" ", "")
    simple = SIMPLE_NUMERAL.fullmatch(s)
    if simple:   # 2023, 5.2万, 3亿 (most numerals): the reading below, in short
        return simple_value(simple)
    if "点" in s:   # 一点九, 三点五: Chinese decimals
        whole, _, frac = s.partition("点")
        w = parse_numeral(whole, folded=True)
        digits = "".join(str(CN_DIGITS[c]) for c in frac if c in CN_DIGITS)
        if math.isnan(w) or not digits or len(digits) != len(frac):
            return math.nan
        return float(f"{int(w)}.{digits}") if w == int(w) else math.nan
    toks = [t for t in _TOKEN.findall(s) if t not in ("余", "多")]
    if not toks:
        return math.nan
    # digit-by-digit form: 二〇二三, 一九九零
    if len(toks) >= 3 and all(t in CN_DIGITS for t in toks):
        return float("".join(str(CN_DIGITS[t]) for t in toks))
    total = 0.0     # completed 亿/万 groups
    section = 0.0   # value below the current 万
    number = None   # pending digit(s)
    for t in toks:
        if t == "零":
            continue  # 一百零五: a place holder
        if t in CN_DIGITS or t[0].isdigit():
            if number is not None and t in CN_DIGITS and number < 10:
                return math.nan  # 一一, 三四: not a numeral
            number = float(CN_DIGITS[t]) if t in CN_DIGITS else float(t)
        elif t in SMALL_UNITS:
            u = SMALL_UNITS[t]
            section += (1.0 if number is None else number) * u
            number = None
        elif t == "万":
            section += number or 0.0
            if section == 0 and total == 0:
                section = 1.0
            total += section * 10_000
            section, number = 0.0, None
        elif t == "亿":
            base = total + section + (number or 0.0)
            total = (base or 1.0) * 100_000_000
            section, number = 0.0, None
    if number is not None:
        # 两万五 → 25000 is rare in reports; a trailing digit adds as is.
        section += number
    # 9.8 × 1e8 is 980000000.0000001 in binary floating point: keep 15 significant digits
    return float(f"{total + section:.15g}")
