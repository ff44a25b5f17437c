"""Character-level normalisation: line ends, escapes, invisible characters, width, spacing.

Only digits, Latin letters and the decimal point are folded from full width;
Chinese punctuation (，。：；（）“”) stays exactly as written.

>>> normalise_chars("１９９０年增长３．５％<U+00A0>\\u200b一九九○年\\r\\n")
'1990年增长3.5％ 一九九〇年\\n'
"""
from __future__ import annotations

import re
from functools import lru_cache

_ESCAPE = re.compile(r"<U\+([0-9A-Fa-f]{4,6})>")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad\u180e\u202a\u202b\u202c\u202d\u202e"), None)
_SPACES = {ord(c): " " for c in "\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\t\x0b\x0c"}
_WIDTH = {**{0xFF10 + i: 0x30 + i for i in range(10)},
          **{0xFF21 + i: 0x41 + i for i in range(26)},
          **{0xFF41 + i: 0x61 + i for i in range(26)}}
# One table and one pass for all three character maps (their characters are disjoint, so the
# order they were once applied in does not matter); runs are translated at once.
_FOLD = {**_INVISIBLE, **_SPACES, **_WIDTH}
_FOLD_CLASS = "[" + "".join(map(chr, {**_INVISIBLE, **_SPACES})) + "０-９Ａ-Ｚａ-ｚ]"
# "[x][x]*" rather than "[x]+": a pattern that opens with a plain class lets re skip ahead to
# a candidate character (about 2x faster on a text with few candidates).
_FOLD_RUN = re.compile(_FOLD_CLASS + _FOLD_CLASS + "*")
# A point between digits. One pattern per point character: a pattern that opens with a literal
# is scanned for by a fast search (several times faster than a class); the two are independent.
_FW_POINTS = tuple((c, re.compile(rf"{c}(?<=\d{c})(?=\d)")) for c in "．·")
_CN_DIGITS = "〇一二三四五六七八九"
# ○/Ｏ as zero: after a Chinese digit or before digits and 年. One pattern per character, as for
# the points; the passes agree with one joint pass because 〇 is in the same class as ○ and Ｏ.
_CIRCLE_ZEROS = tuple((c, re.compile(rf"{c}(?:(?<=[{_CN_DIGITS}○Ｏ]{c})|(?=[{_CN_DIGITS}○Ｏ]+年))")) for c in "○Ｏ")
_TAG_HINT = re.compile(r"</?(?:p|br|span|div|font|strong|b|td|tr)\b[^>]{0,300}>", re.I)
_BREAK_TAG = re.compile(r"<br\s*/?>|</?(?:p|div|tr|li|h[1-6])\b[^>]{0,300}>", re.I)
_INLINE_TAG = re.compile(r"</?(?:span|font|strong|b|i|em|u|a|td|th|table|tbody|o:p)\b[^>]{0,300}>", re.I)


def _unescape(m: re.Match) -> str:
    try:
        return chr(int(m.group(1), 16))
    except (ValueError, OverflowError):
        return m.group(0)


def strip_comments(text: str) -> str:
    """Remove ``<!-- … -->`` comments in one linear pass (an unclosed one is dropped to the end)."""
    if "<!--" not in text:
        return text
    out = []
    pos = 0
    while True:
        i = text.find("<!--", pos)
        if i < 0:
            out.append(text[pos:])
            break
        out.append(text[pos:i])
        j = text.find("-->", i + 4)
        if j < 0:
            # An opening marker alone on its line is residue; keep any text after it.
            k = text.find("\n", i)
            pos = len(text) if k < 0 else k
            continue
        pos = j + 3
    return "".join(out)


def normalise_chars(text: str) -> str:
    """Line ends, <U+XXXX> escapes, comments, invisible characters, odd spaces, width, ○ as zero."""
    # `in` scans run at memory speed; skip a regex pass when its characters are absent.
    if "\r" in text:  # CRLF first, then a lone CR: what one pass of \r\n? does
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    for sep in "\u2028\u2029\x85":
        if sep in text:
            text = text.replace(sep, "\n")
    if "<U+" in text:
        text = _ESCAPE.sub(_unescape, text)
    text = strip_comments(text)
    if "<" in text and _TAG_HINT.search(text):
        # Tags left in scraped text: breaks become line ends, inline tags go.
        text = _BREAK_TAG.sub("\n", text)
        text = _INLINE_TAG.sub("", text)
        text = text.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    # A regex scan, translating only the runs it finds: str.translate over all of a CJK text is slower.
    text = _FOLD_RUN.sub(lambda m: m.group(0).translate(_FOLD), text)
    for point, pattern in _FW_POINTS:
        if point in text:
            text = pattern.sub(".", text)
    for circle, pattern in _CIRCLE_ZEROS:
        if circle in text:
            text = pattern.sub("〇", text)
    return text


_SPACED_DIGITS = re.compile(r"\d(?: \d)+")
# Both open with the space they remove (a fast literal scan); the look-behind then includes it.
_DIGIT_UNIT_SPACE = re.compile(r" (?:(?<=\d )(?=[年月日])|(?<=\d年 )(?=\d{1,2} ?月))")
_DATE_GAP = re.compile(r" (?<=\d[年月] )(?=\d{1,2}[月日])")
# "8 ．8 ％" in older gov.cn pages: a decimal point set off by spaces between two digits.
_SPACED_DECIMAL = re.compile(r"(?<=\d)(?: [.．] ?| ?[.．] )(?=\d)")


@lru_cache(maxsize=1)
def _spaced_line() -> re.Pattern:
    # Compiled on first use (its Han classes cost ~1 ms): few lines have a space after one character.
    return re.compile(r"^[\u4e00-\u9fff](?:[ \u3000]{1,3}[\u4e00-\u9fff]){2,}$")


def fix_spacing(line: str) -> str:
    """Spaced-out digits (1 9 9 3 年 → 1993年) and spaced titles (政 府 工 作 报 告).

    >>> fix_spacing("本届政府从1 9 9 3 年3 月就职"), fix_spacing("政 府 工 作 报 告")
    ('本届政府从1993年3月就职', '政府工作报告')
    >>> fix_spacing("经济增长8 ．8 ％，物价上涨1 1 %")
    '经济增长8.8 ％，物价上涨11 %'

    """
    if line[1:2] in (" ", "\u3000") and _spaced_line().match(line):
        return re.sub(r"[ \u3000]+", "", line)
    if " " in line:
        def join_digits(m: re.Match) -> str:
            # "1 9 9 3" (three or more single digits) or "2 0 年"; not "3.5 2" or "12 3".
            before = line[m.start() - 1] if m.start() else ""
            after = line[m.end(): m.end() + 2]
            if before.isdigit() or before == "." or after[:1].isdigit() or after[:1] == ".":
                return m.group(0)
            if len(m.group(0)) >= 5 or after.lstrip(" ")[:1] in ("年", "月", "日", "号", "%", "％"):
                return m.group(0).replace(" ", "")
            return m.group(0)

        line = _SPACED_DIGITS.sub(join_digits, line)
        if "." in line or "．" in line:
            line = _SPACED_DECIMAL.sub(".", line)
        line = _DIGIT_UNIT_SPACE.sub("", line)
        line = _DATE_GAP.sub("", line)
    return line
