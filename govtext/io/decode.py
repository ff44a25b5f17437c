"""Bytes to text: BOM, UTF-8, GB18030/GBK, Big5, UTF-16, with a check against mojibake.

Order of attempts: a byte-order mark; UTF-16 without BOM (NUL bytes in every
other position); strict UTF-8; the Chinese legacy encodings (GB18030, Big5),
keeping the one whose characters are common Chinese characters; finally
charset-normalizer's best guess, accepted only when it passes the same check.

>>> decode_bytes("政府工作报告".encode("gbk"), "r.txt")
'政府工作报告'
>>> decode_bytes("\\ufeff一、概况".encode("utf-8"), "r.txt")
'一、概况'
"""
from __future__ import annotations

import codecs
import re
from collections import Counter
from functools import lru_cache

from ..errors import BinaryFileError, MojibakeError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Latin-1 letters and symbols typical of GBK/UTF-8 bytes read as cp1252/latin-1.
_LATIN_JUNK = re.compile(r"[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")
# UTF-8 bytes of U+FFFD read as GBK: the well-known 锟斤拷 run.
_KUNKIN = re.compile("锟斤拷|烫烫烫|屯屯屯")


@lru_cache(maxsize=1)
def common_han() -> frozenset[str]:
    """The common Chinese characters: GB2312 level 1 and 2 plus Big5's common set.

    Built from the codecs themselves, so no word list ships with govtext.
    """
    chars: set[str] = set()

    def add_row(lead: int, trails: list[int], codec: str) -> None:
        row = b"".join(bytes((lead, t)) for t in trails)
        text = row.decode(codec, errors="replace")
        if len(text) == len(trails):  # one character per pair: take the row at once
            chars.update(c for c in text if c != "\ufffd")
            return
        for t in trails:  # a row with invalid pairs: decode pair by pair
            try:
                chars.add(bytes((lead, t)).decode(codec))
            except UnicodeDecodeError:
                pass

    gb_trails = list(range(0xA1, 0xFF))
    for hi in range(0xB0, 0xF8):
        add_row(hi, gb_trails, "gb2312")
    big5_trails = list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF))
    for hi in range(0xA4, 0xC7):  # Big5 level 1: the 5401 common traditional characters
        add_row(hi, big5_trails, "big5")
    return frozenset(chars)


# Characters examined for the encoding checks: a few thousand tell mojibake from text as
# surely as the whole file does, at a fraction of the cost on multi-megabyte inputs.
SAMPLE = 6000
_CHAR_REF = re.compile(rb"&#(\d+);")
_ASCII = bytes(range(0x80))
_HAN_LEADS = bytes(range(0xB0, 0xF8))


def _is_han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"


def han_quality(text: str, sample: int = SAMPLE) -> tuple[int, float]:
    """(number of Han characters, share of them that are common) in a sample of ``text``."""
    # Counted by the GB2312 codec, in C: it writes ASCII as one byte and every other character it
    # has as two bytes >= 0xA1, a Han character (and only a Han one) with a lead byte B0-F7, and
    # all of those are common. Characters it lacks come out as &#N; (a literal & is blanked
    # first), to be looked up one by one. With the ASCII bytes dropped, every other byte is a lead.
    encoded = text[:sample].replace("&", " ").encode("gb2312", "xmlcharrefreplace")
    leads = encoded.translate(None, _ASCII)[::2]
    gb_han = len(leads) - len(leads.translate(None, _HAN_LEADS))
    others = [c for c in map(chr, map(int, _CHAR_REF.findall(encoded))) if _is_han(c)]
    han_n = gb_han + len(others)
    if not han_n:
        return 0, 0.0
    if not others:
        return han_n, 1.0
    common = common_han()
    hits = gb_han + sum(n for c, n in Counter(others).items() if c in common)
    return han_n, hits / han_n


def mojibake_reason(text: str) -> str | None:
    """Why ``text`` looks garbled, or None when it looks like real text.

    >>> mojibake_reason("城东镇2023年度法治政府建设情况报告") is None
    True
    >>> mojibake_reason("ÕþÎñ¹¤×÷±¨¸æ ÕþÎñ¹¤×÷±¨¸æ") is not None
    True
    """
    s = text[:SAMPLE]
    n = len("".join(s.split()))
    if n == 0:
        return None
    if s.count("\ufffd") > max(2, n // 100):
        return "it holds many undecodable bytes (U+FFFD)"
    if len(_KUNKIN.findall(s)) >= 2:
        return "it holds 锟斤拷-style garbage (bytes decoded twice)"
    han_n, common = han_quality(s)
    if han_n < 0.3 * n and len(_LATIN_JUNK.findall(s)) > 0.2 * n:
        return "its characters are Latin-1 symbols where Chinese text was expected (mojibake)"
    if han_n >= 20 and common < 0.6:
        return "its Chinese characters are mostly rare ones (wrong encoding: mojibake)"
    return None


# Control bytes that never occur in text (tab, line ends, form feed and ESC do).
_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or (13 < b < 32 and b != 27))


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    ctrl = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return ctrl > 0.05 * max(1, len(head))


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM: NUL bytes (from ASCII) and a clean decode into Chinese."""
    if len(data) % 2 or b"\x00" not in data[:8192]:
        return None
    best = None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if mojibake_reason(text) is not None:
            continue
        printable = sum(1 for c in text[:4000] if c.isprintable() or c in "\r\n\t")
        score = printable / max(1, min(len(text), 4000)) + han_quality(text)[1]
        if score > 1.5 and (best is None or score > best[0]):
            best = (score, text)
    return None if best is None else best[1]


def _acceptable(text: str) -> bool:
    return mojibake_reason(text) is None


def decode_bytes(data: bytes, path: object = None, hint: str | None = None) -> str:
    """Decode a text file's bytes; raise a DecodeError subclass naming ``path``.

    ``hint`` is an encoding the container declares (an HTML <meta charset>);
    it is tried first and kept only when the result passes the mojibake check.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc)
            except UnicodeDecodeError as exc:
                raise MojibakeError(path, f"it starts with a {enc} byte-order mark but is not valid {enc} ({exc.reason})") from None
    text16 = _utf16_without_bom(data)
    if text16 is not None and _acceptable(text16):
        return text16
    if _looks_binary(data):
        raise BinaryFileError(path, "it holds binary data, not text (NUL or control bytes)")
    candidates: list[str] = []
    if hint:
        candidates.append(_normalise_encoding(hint))
    candidates += ["utf-8", "gb18030", "big5"]
    if len(data) % 2 == 0:
        candidates += ["utf-16-le", "utf-16-be"]  # BOM-less UTF-16 of pure CJK text has no NULs
    best: tuple[float, str] | None = None
    seen: set[str] = set()
    for enc in candidates:
        if enc in seen:
            continue
        seen.add(enc)
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        if enc == "utf-8":
            # Multi-byte text that is valid UTF-8 is UTF-8: legacy Chinese bytes almost never are.
            reason = mojibake_reason(text)
            if reason is None:
                return text
            if not text.isascii():
                raise MojibakeError(path, f"it is valid UTF-8 but {reason}")
            continue
        if not _acceptable(text):
            continue
        han_n, common = han_quality(text)
        score = common if han_n else 0.5
        if best is None or score > best[0]:
            best = (score, text)
        if han_n and common > 0.97:
            return text
    if best is not None:
        return best[1]
    # UTF-8 with a few damaged bytes (a file cut mid-character, one bad byte): keep the text.
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if bad <= max(8, len(text) // 500):
        text = text.replace("\ufffd", "")
        if _acceptable(text) and han_quality(text)[0]:
            return text
    return _charset_normalizer(data, path)


def _normalise_encoding(name: str) -> str:
    n = name.strip().lower().replace("_", "-")
    # GB2312/GBK pages routinely hold GBK/GB18030-only characters.
    if n in ("gb2312", "gbk", "gb-2312", "x-gbk", "cp936", "euc-cn"):
        return "gb18030"
    if n in ("big5-hkscs", "cp950"):
        return "big5"
    return n


def _charset_normalizer(data: bytes, path: object) -> str:
    try:
        from charset_normalizer import from_bytes

        match = from_bytes(data).best()
    except Exception:  # the detector itself failed: report as undecodable
        match = None
    if match is not None:
        text = str(match)
        reason = mojibake_reason(text)
        if reason is None:
            return text
        raise MojibakeError(path, f"no encoding gives readable text: as {match.encoding} {reason}")
    raise MojibakeError(path, "no encoding gives readable text (tried UTF-8, GB18030, Big5, UTF-16)")
