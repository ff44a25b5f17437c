"""spaCy export: a report as a ``Doc`` with span groups, and a ``govtext`` pipeline component.

:func:`to_spacy` builds a ``Doc`` on the vocab of ``spacy.blank("zh")`` (no
model download, no spaCy Chinese segmenter config): the tokens come from
govtext's own segmentation (rjieba when installed, else a local jieba
tokenizer), cut further at every span boundary so that each span lines up
exactly with its table's ``start``/``end``. Span groups:

- ``doc.spans["indicators"]`` label ``outcome``/``target``; ``span._.value``,
  ``._.unit``, ``._.target``, ``._.label`` (and ``._.subject``, ``._.kind``)
- ``doc.spans["headings"]`` label = section role
- ``doc.spans["passages"]`` label = passage label (``achievement`` …)
- ``doc.spans["sentences"]`` when the report has a sentences table

>>> import govtext
>>> from spacy import displacy
>>> doc = govtext.to_spacy(govtext.read(text="一、主要成效\\n全年化解矛盾纠纷18件。"))  # doctest: +SKIP
>>> html = displacy.render(doc, style="span", options={"spans_key": "indicators"})  # doctest: +SKIP

For an existing pipeline: ``nlp.add_pipe("govtext")`` (after
``import govtext.notebook.spacy_doc``, which registers the factory) runs
:func:`govtext.read` on ``doc.text`` and sets the same span groups on the
pipeline's own tokens (spans snap outward to token boundaries).
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Iterable

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from .spans import Mark, heading_spans, indicator_spans, passage_spans, safe_table

SPAN_KEYS = ("indicators", "headings", "passages", "sentences")
_SPAN_EXTENSIONS = ("value", "value_max", "unit", "target", "label", "subject", "kind", "qualifier", "change")


def register_extensions() -> None:
    """Register ``Span._.value/unit/target/label/...``, ``Doc._.govtext_meta/govtext_offset`` (idempotent)."""
    for name in _SPAN_EXTENSIONS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None, force=True)
    if not Doc.has_extension("govtext_meta"):
        Doc.set_extension("govtext_meta", default=None, force=True)
    if not Doc.has_extension("govtext_offset"):
        Doc.set_extension("govtext_offset", default=0, force=True)


@lru_cache(maxsize=1)
def blank_zh():
    """The shared ``spacy.blank("zh")`` whose vocab every exported Doc uses."""
    return spacy.blank("zh")


@lru_cache(maxsize=1)
def _segmenter():
    """A function text -> [(start, end)] of words: rjieba if importable, else a local jieba Tokenizer."""
    try:
        import rjieba

        return lambda text: [(s, e) for _, s, e in rjieba.tokenize(text)]
    except ImportError:
        import jieba

        tok = jieba.Tokenizer()  # a local instance: leaves the user's global jieba alone
        return lambda text: [(s, e) for _, s, e in tok.tokenize(text)]


def segment(text: str) -> list[tuple[int, int]]:
    """Word boundaries of ``text`` as (start, end) pairs covering it without gaps.

    Runs of whitespace become one token, as in spaCy.

    >>> [("一二三四"[s:e]) for s, e in segment("一二三四")] != []
    True
    """
    cuts = {0, len(text)}
    for s, e in _segmenter()(text):
        cuts.add(s)
        cuts.add(e)
    cuts = sorted(c for c in cuts if 0 <= c <= len(text))
    out: list[tuple[int, int]] = []
    for s, e in zip(cuts, cuts[1:]):
        if out and text[s:e].isspace() and text[out[-1][0]:out[-1][1]].isspace():
            out[-1] = (out[-1][0], e)  # merge whitespace runs
        else:
            out.append((s, e))
    return out


def _split_at(tokens: list[tuple[int, int]], bounds: Iterable[int]) -> list[tuple[int, int]]:
    """Cut tokens further so that every offset in ``bounds`` is a token boundary."""
    bounds = sorted(set(bounds))
    out, j = [], 0
    for s, e in tokens:
        while j < len(bounds) and bounds[j] <= s:
            j += 1
        cur = s
        while j < len(bounds) and bounds[j] < e:
            out.append((cur, bounds[j]))
            cur = bounds[j]
            j += 1
        out.append((cur, e))
    return out


def _report_marks(report) -> dict[str, list[Mark]]:
    marks = {"indicators": indicator_spans(report), "headings": heading_spans(report),
             "passages": passage_spans(report)}
    if not safe_table(report, "sentences").empty:
        marks["sentences"] = passage_spans(report, "sentences")
    return marks


def _set_spans(doc: Doc, marks: dict[str, list[Mark]], alignment_mode: str = "strict") -> None:
    register_extensions()
    for key, group in marks.items():
        spans = []
        for m in group:
            span = doc.char_span(m.start, m.end, label=m.label, alignment_mode=alignment_mode)
            if span is None:  # cannot happen with strict tokens built here; guards user pipelines
                span = doc.char_span(m.start, m.end, label=m.label, alignment_mode="expand")
            if span is None:
                continue
            for k, v in m.attrs.items():
                if k in _SPAN_EXTENSIONS:
                    span._.set(k, v)
            span._.label = m.label
            spans.append(span)
        doc.spans[key] = spans


def to_spacy(report, vocab=None, section: int | None = None) -> Doc:
    """The report as a spaCy ``Doc`` with span groups for indicators, headings and passages.

    ``doc.text == report.text``; each span's ``start_char``/``end_char`` equal
    its row's ``start``/``end``. With ``section=i`` the Doc holds only the text
    of ``report.sections`` row ``i`` (handy for displacy on long reports): spans
    inside it are kept and shifted by ``doc._.govtext_offset``, the section's start.

    >>> import govtext
    >>> doc = to_spacy(govtext.read(text="全年新增就业1200人。"))
    >>> doc.text
    '全年新增就业1200人。'
    """
    text = report.text
    marks = _report_marks(report)
    lo, hi = 0, len(text)
    if section is not None:
        row = safe_table(report, "sections").iloc[section]
        lo, hi = int(row["start"]), int(row["end"])
        marks = {k: [Mark(m.start - lo, m.end - lo, m.label, m.row, m.attrs) for m in group
                     if lo <= m.start and m.end <= hi] for k, group in marks.items()}
        text = text[lo:hi]
    bounds = [b for group in marks.values() for m in group for b in (m.start, m.end)]
    tokens = _split_at(segment(text), bounds)
    words = [text[s:e] for s, e in tokens]
    doc = Doc(vocab if vocab is not None else blank_zh().vocab, words=words, spaces=[False] * len(words))
    register_extensions()
    doc._.govtext_meta = dict(getattr(report, "meta", {}) or {})
    doc._.govtext_offset = lo
    _set_spans(doc, marks)
    return doc


def displacy_options(key: str = "indicators") -> dict:
    """``options`` for ``displacy.render(doc, style="span", options=...)`` with govtext's colours.

    >>> displacy_options("passages")["spans_key"]
    'passages'
    """
    with resources.files("govtext.data").joinpath("notebook_style.json").open(encoding="utf-8") as f:
        style = json.load(f)
    colors = {**style["role_colors"], **style["label_colors"], **style["indicator"]}
    return {"spans_key": key, "colors": colors}


class GovtextComponent:
    """Pipeline component: runs :func:`govtext.read` on ``doc.text`` and sets the span groups."""

    def __init__(self, nlp: Language, name: str = "govtext", alignment_mode: str = "expand"):
        self.name = name
        self.alignment_mode = alignment_mode
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        from ..api import read

        report = read(text=doc.text)
        if report.text != doc.text:
            # Cleaning changed the text (width, wrapped lines, residue): its offsets would not
            # line up with doc's, so analyse doc.text as it is, keeping the metadata found.
            from ..report import Report

            report = Report(text=doc.text, meta=dict(report.meta))
        doc._.govtext_meta = dict(report.meta)
        _set_spans(doc, _report_marks(report), alignment_mode=self.alignment_mode)
        return doc


@Language.factory("govtext", default_config={"alignment_mode": "expand"})
def make_govtext_component(nlp: Language, name: str, alignment_mode: str) -> GovtextComponent:
    """spaCy factory behind ``nlp.add_pipe("govtext")``."""
    return GovtextComponent(nlp, name, alignment_mode)


register_extensions()
