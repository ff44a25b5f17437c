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

from .chars import fix_spacing, normalise_chars
from .layout import dedupe_pages, join_broken, split_line_paragraphs, split_long, tidy
from .residue import (
    cut_tail,
    drop_repeated_header,
    drop_split_rows,
    drop_trailing_summary,
    is_residue_line,
    strip_inline,
)

__all__ = ["clean_text", "is_residue_line"]


def clean_text(raw: str) -> str:
    """Turn raw scraped text into the report text, one paragraph per line."""
    text = normalise_chars(raw)
    lines: list[str] = []
    for line in text.split("\n"):
        for part in split_line_paragraphs(line):
            lines.append(tidy(part))
    lines = dedupe_pages(lines)
    lines = cut_tail(lines)
    lines = drop_split_rows(lines)
    kept: list[str] = []
    for line in lines:
        if not line:
            kept.append(line)
            continue
        for part in strip_inline(line).split("\n"):
            part = tidy(part)
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
        for part in split_long(line):
            part = tidy(part)
            if part and not is_residue_line(part):
                out.append(part)
    return "\n".join(drop_trailing_summary(out))
