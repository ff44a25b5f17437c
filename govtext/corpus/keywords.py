"""Keyword frequencies and keyword-in-context over a corpus's texts.

Two counting modes:

- ``substring``: non-overlapping occurrences of the term anywhere in the text
  (fast; 法治 also counts inside 法治政府);
- ``token``: occurrences as a whole jieba token, after adding every term to a
  *local* segmenter (``rjieba.Jieba()`` when installed, else ``jieba.Tokenizer()``;
  the global dictionaries are never changed), so 法治政府 is not counted for 法治
  when both are terms.

>>> count_terms("法治政府建设，法治", ["法治", "法治政府"], mode="substring")
{'法治': 2, '法治政府': 1}
>>> count_terms("法治政府建设，法治", ["法治", "法治政府"], mode="token")
{'法治': 1, '法治政府': 1}
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING, Sequence

import numpy as np
import pandas as pd

if TYPE_CHECKING:  # pragma: no cover
    from .results import Results


@lru_cache(maxsize=8)
def _tokenizer(terms: tuple[str, ...], backend: str = "auto"):
    """A private segmenter that knows ``terms`` as words: a cut function.

    ``backend``: ``"rjieba"`` (a local ``rjieba.Jieba()``: same dictionary, much
    faster), ``"jieba"`` (a local ``jieba.Tokenizer()``) or ``"auto"`` (rjieba when
    installed). Neither touches the global dictionary.
    """
    if backend in ("auto", "rjieba"):
        try:
            import rjieba

            seg = rjieba.Jieba()
            for t in terms:
                seg.add_word(t, max(int(seg.suggest_freq(t)), 1000), None)
            return lambda text: seg.cut(text, True)
        except ImportError:
            if backend == "rjieba":
                raise
    import jieba

    jieba.setLogLevel(60)
    tk = jieba.Tokenizer()
    tk.initialize()
    for t in terms:
        # A high frequency so the term wins over splits the dictionary prefers.
        tk.add_word(t, freq=max(tk.total // 1000, 1000))
    return tk.lcut


def count_terms(text: str, terms: Sequence[str], mode: str = "substring", backend: str = "auto") -> dict[str, int]:
    """Occurrences of each term in ``text`` (see the module doc for the modes)."""
    if mode == "substring":
        return {t: text.count(t) if t else 0 for t in terms}
    if mode == "token":
        cut = _tokenizer(tuple(sorted(set(terms))), backend)
        wanted = set(terms)
        c = Counter(tok for tok in cut(text) if tok in wanted)
        return {t: c.get(t, 0) for t in terms}
    raise ValueError("mode must be 'substring' or 'token'")


def keyword_freq(res: "Results", terms: Sequence[str], mode: str = "substring", per: int = 10_000,
                 counts: bool = False, backend: str = "auto") -> pd.DataFrame:
    """Per report: ``chars`` and each term's frequency per ``per`` characters (or raw counts).

    ``backend`` chooses the segmenter in token mode (see :func:`_tokenizer`).
    """
    terms = list(dict.fromkeys(terms))
    rows = []
    for doc_id, text in res.texts():
        c = count_terms(text, terms, mode=mode, backend=backend)
        rows.append({"doc_id": doc_id, "chars": len(text), **c})
    out = pd.DataFrame(rows, columns=["doc_id", "chars", *terms])
    if not counts:
        denom = out["chars"].astype(float).replace(0, np.nan)
        for t in terms:
            out[t] = (out[t].astype(float) / denom * per).fillna(0.0)
    return out


def kwic(res: "Results", term: str, window: int = 20, regex: bool = False) -> pd.DataFrame:
    """One row per occurrence: metadata, left context, keyword, right context, offsets,
    and the label and section of the passage it falls in (None outside passages)."""
    rx = re.compile(term if regex else re.escape(term))
    meta = res.meta().set_index("doc_id")
    p = res.passages
    spans: dict[str, tuple[list, list, list, list]] = {}
    if len(p):
        for d, g in p.groupby("doc_id", sort=False):
            g = g.sort_values("start")
            spans[d] = (g["start"].astype(int).tolist(), g["end"].astype(int).tolist(),
                        g["label"].tolist() if "label" in g else [None] * len(g),
                        g["section"].tolist() if "section" in g else [None] * len(g))
    rows = []
    for doc_id, text in res.texts():
        sp = spans.get(doc_id)
        for m in rx.finditer(text):
            if m.end() == m.start():
                continue
            label = section = None
            if sp:
                i = bisect.bisect_right(sp[0], m.start()) - 1
                if i >= 0 and m.start() < sp[1][i]:
                    label, section = sp[2][i], sp[3][i]
            rows.append({
                "doc_id": doc_id,
                "left": text[max(0, m.start() - window):m.start()].replace("\n", " "),
                "keyword": m.group(0),
                "right": text[m.end():m.end() + window].replace("\n", " "),
                "start": m.start(), "end": m.end(), "label": label, "section": section,
            })
    out = pd.DataFrame(rows, columns=["doc_id", "left", "keyword", "right", "start", "end", "label", "section"])
    cols = [c for c in meta.columns]
    m = meta.reindex(out["doc_id"]).reset_index(drop=True)
    m.columns = [f"doc_{c}" if c in out.columns else c for c in cols]
    return pd.concat([out[["doc_id"]], m, out.drop(columns=["doc_id"])], axis=1)
