"""Sentence spans inside a text: split after 。！？； (and ! ? ;) and at line ends.

>>> text = "一是完成。二是将推进！\\n三是"
>>> [text[s:e] for s, e in sentence_spans(text)]
['一是完成。', '二是将推进！', '三是']
"""
from __future__ import annotations

import regex

# a sentence ends after its final punctuation (closing quotes/brackets stay with it) or at a line end
_END = regex.compile(r"[。！？；!?;]+[”’」』）)]*|\n+")


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Non-empty sentence spans (offsets into ``text``) of ``text[start:end]``, white space trimmed."""
    end = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    pos = start
    for m in _END.finditer(text, start, end):
        _push(text, pos, m.end() if m.group()[0] != "\n" else m.start(), out)
        pos = m.end()
    _push(text, pos, end, out)
    return out


def _push(text: str, s: int, e: int, out: list) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append((s, e))
