"""spaCy export: spans line up exactly with the tables' offsets; displacy renders; the pipe works."""
from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")
from spacy import displacy  # noqa: E402

import govtext  # noqa: E402
from govtext.notebook.spacy_doc import _split_at, displacy_options, segment, to_spacy  # noqa: E402
from govtext.notebook.spans import heading_spans  # noqa: E402
from test_notebook_fixtures import synthetic_report  # noqa: E402


def _offsets(doc, key):
    return [(s.start_char, s.end_char) for s in doc.spans[key]]


def test_spans_match_table_offsets_exactly():
    r = synthetic_report()
    doc = to_spacy(r)
    assert doc.text == r.text
    assert _offsets(doc, "indicators") == list(zip(r.indicators.start, r.indicators.end))
    assert _offsets(doc, "passages") == list(zip(r.passages.start, r.passages.end))
    assert [s.label_ for s in doc.spans["passages"]] == list(r.passages.label)
    assert _offsets(doc, "headings") == list(zip(r.sections.start, r.sections.title_end))
    assert [s.text for s in doc.spans["headings"]][1] == "（一）强化法治宣传"
    assert [s.label_ for s in doc.spans["headings"]] == list(r.sections.role)


def test_span_extensions():
    doc = to_spacy(synthetic_report())
    people = [s for s in doc.spans["indicators"] if s.text == "1.2万人次"][0]
    assert (people._.value, people._.unit, people._.target, people._.label) == (12000.0, "人次", False, "outcome")
    assert people._.subject == "覆盖群众"
    target = [s for s in doc.spans["indicators"] if s.text == "40场"][0]
    assert target._.target is True and target.label_ == "target"
    assert doc.spans["passages"][2]._.label == "shortcoming"
    assert doc._.govtext_meta["place"] == "城南镇"


def test_tokens_come_from_segmentation_and_vocab_is_blank_zh():
    doc = to_spacy(synthetic_report())
    words = [t.text for t in doc]
    assert "法治" in words and "政府" in words  # words, not characters
    assert doc.vocab.lang == "zh"
    assert "".join(t.text_with_ws for t in doc) == doc.text


def test_split_at_boundaries():
    text = "全年新增就业1200人"
    toks = segment(text)
    assert "".join(text[s:e] for s, e in toks) == text
    cut = _split_at(toks, [7, 11])
    assert all(s < e for s, e in cut)
    assert {s for s, _ in cut} >= {7, 11} - {len(text)}
    assert "".join(text[s:e] for s, e in cut) == text


@pytest.mark.parametrize("key", ["indicators", "headings", "passages"])
def test_displacy_renders(key):
    doc = to_spacy(synthetic_report())
    html = displacy.render(doc, style="span", options=displacy_options(key), jupyter=False)
    assert doc.spans[key][0].text[:2] in html.replace(" ", "").replace("\n", "") or doc.spans[key][0].text[0] in html
    assert doc.spans[key][0].label_ in html


def test_real_pipeline_report_offsets(corpora_dir):
    files = sorted(p for p in corpora_dir.glob("*.txt"))
    if not files:
        pytest.skip("no .txt report in corpora/ yet")
    r = govtext.read(files[0])
    doc = to_spacy(r)
    assert doc.text == r.text
    ind = r.indicators
    assert _offsets(doc, "indicators") == [(int(s), int(e)) for s, e in zip(ind.start, ind.end) if 0 <= s < e]
    pas = r.passages
    assert _offsets(doc, "passages") == [(int(s), int(e)) for s, e in zip(pas.start, pas.end) if 0 <= s < e]
    assert _offsets(doc, "headings") == [(m.start, m.end) for m in heading_spans(r)]
    for span in doc.spans["indicators"]:
        assert span.text == r.text[span.start_char:span.end_char]
    displacy.render(doc, style="span", options=displacy_options("indicators"))


def test_pipeline_component_on_existing_pipeline():
    nlp = spacy.blank("zh")  # its own (character) tokenizer
    nlp.add_pipe("govtext")
    text = "城北街道2023年度法治政府建设情况报告\n一、主要举措\n全年开展普法宣传12场，调处纠纷35件。\n二、下一步打算\n力争全年培训干部200人次。\n"
    doc = nlp(text)
    r = govtext.read(text=text)
    assert set(doc.spans) >= {"indicators", "headings", "passages"}
    want = r.indicators if r.text == text else govtext.Report(text=text).indicators
    assert len(doc.spans["indicators"]) == len(want)
    for span in doc.spans["passages"]:
        assert span.label_ in {"achievement", "shortcoming", "plan", "other"}
    assert doc._.govtext_meta is not None


def test_section_doc_keeps_spans_shifted():
    r = synthetic_report()
    i = int(r.sections.index[r.sections.title == "下一年度工作安排"][0])
    doc = to_spacy(r, section=i)
    lo = int(r.sections.start[i])
    assert doc._.govtext_offset == lo
    assert doc.text == r.text[lo:int(r.sections.end[i])]
    assert [(s.start_char + lo, s.end_char + lo) for s in doc.spans["indicators"]] == \
        list(zip(r.indicators.start[r.indicators.target], r.indicators.end[r.indicators.target]))
