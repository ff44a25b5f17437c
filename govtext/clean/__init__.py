"""Cleaning: raw scraped text to the report a reader sees.

``clean_text(raw)`` returns one paragraph per line (no empty lines). In order:

1. characters: CRLF/CR, ``<U+00A0>`` escapes, HTML comments, zero-width
   characters, NBSP and odd spaces, full-width digits/letters/decimal point,
   ○ as zero in Chinese-numeral years (``chars.py``);
2. lines: ideographic-space paragraph indents inside a line become breaks,
   indentation and space runs go; a page repeated k times keeps one copy
   (``layout.py``);
3. residue: the page footer (相关报道, print/close rows, the Wikisource
   licence, a repeated title+opening summary), widget rows, meta/byline rows,
   breadcrumbs, photo captions, jump markers (``residue.py`` with the rules in
   ``data/clean_residue.json``);
4. spacing: spaced digits (1 9 9 3 年) and spaced titles (政 府 工 作 报 告);
5. layout: sentences broken over lines by wiki links are joined; crawled
   one-line bodies are split at their paragraph breaks.

Every step is linear in the input size. Chinese punctuation is never changed.

>>> clean_text("下载\\r\\n打印\\r\\n城东镇2023年度法治政府建设情况报告\\r\\n来源：海安开发区 发布时间：2024-03-13\\r\\n\\r\\n\\u3000\\u3000一、主要举措\\r\\n资金来源：省级补助３００万元。\\r\\n【打印本页】")
'城东镇2023年度法治政府建设情况报告\\n一、主要举措\\n资金来源：省级补助300万元。'
"""
from __future__ import annotations

import re

from .chars import fix_spacing, normalise_chars
from .layout import LONG_LINE, dedupe_pages, join_broken, split_header_glue, split_line_paragraphs, split_long, tidy
from .residue import (
    cut_tail,
    drop_repeated_header,
    drop_split_rows,
    archiver_title,
    drop_trailing_summary,
    is_residue_line,
    strip_inline,
)

__all__ = ["clean_text", "is_residue_line"]

_TITLE_LIKE = re.compile(r"(?:报告|总结|计划|要点|思路|打算)(?:[（(][^）)]{0,12}[）)])?$")


def _pieces(line: str) -> list[str]:
    """A tidy line without its inline residue, split where header parts or glued rows meet."""
    stripped = strip_inline(line)
    if stripped == line and "会议上" not in line:
        return [line]  # the common case: nothing to strip, nothing to split (that needs 会议上)
    out = []
    for piece in stripped.split("\n"):
        out.extend(tidy(p) for p in split_header_glue(tidy(piece)))
    return out


# A wiki link that split a figure from its magnitude: "74.4" / (empty line) / "万亿元，增长…".
# The pattern starts at the line end (a fast literal scan); the digit before is checked in Python.
_NUMBER_BREAK = re.compile(r"\n(?:[ \t]*\n)?[ \t]*(?=(?:万亿|亿|万)[元人户吨千公平亩个件辆家台头]|%|％|个百分点)")


def _join_number_breaks(text: str) -> str:
    """Remove a line break (and an empty line) between a figure and its magnitude.

    >>> _join_number_breaks("增长74.4 \\n\\n万亿元，比上年\\n万元户")
    '增长74.4万亿元，比上年\\n万元户'
    """
    out: list[str] = []
    pos = 0
    for m in _NUMBER_BREAK.finditer(text):
        start = m.start()
        while start > pos and text[start - 1] in " \t":
            start -= 1
        if start > 0 and text[start - 1].isdecimal():  # what `\d` matches
            out.append(text[pos:start])
            pos = m.end()
    if not out:
        return text
    out.append(text[pos:])
    return "".join(out)


def clean_text(raw: str) -> str:
    """Turn raw scraped text into the report text, one paragraph per line."""
    text = _join_number_breaks(normalise_chars(raw))
    lines = [tidy(part) for line in text.split("\n")
             for part in (split_line_paragraphs(line) if "\u3000\u3000" in line else (line,))]
    title = archiver_title(lines)
    lines = dedupe_pages(lines)
    lines = cut_tail(lines)
    lines = drop_split_rows(lines)
    kept: list[str] = []
    for line in lines:
        if not line:
            kept.append(line)
            continue
        for part in _pieces(line):
            if not part or is_residue_line(part):
                # Residue between two pieces of one paragraph must not glue them together.
                if kept and kept[-1]:
                    kept.append("")
                continue
            kept.append(fix_spacing(part))
    kept = join_broken(drop_repeated_header(kept))
    out: list[str] = []
    for line in kept:
        if not line:
            continue
        if len(line) < LONG_LINE and "会议上" not in line:
            # split_long / split_header_glue leave such a line whole, and it is tidy already
            # (pieces are tidied; fix_spacing and join_broken never leave edge or double spaces).
            if not is_residue_line(line):
                out.append(line)
            continue
        for long_part in split_long(line):
            for part in split_header_glue(tidy(long_part)):
                part = tidy(part)
                if part and not is_residue_line(part):
                    out.append(part)
    out = drop_trailing_summary(out)
    if title and out and not _TITLE_LIKE.search(out[0][:70]) \
            and not any("".join(title.split()) in "".join(l.split()) for l in out[:3]):
        out.insert(0, title)  # an archived page's stated title, when its body does not repeat it
    return "\n".join(out)
