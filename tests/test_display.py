"""HTML displays: the report card, highlighted text and corpus results are valid, escaped HTML."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pandas as pd
import pytest

import govtext
from govtext.notebook.display import highlight, report_html, results_html
from govtext.report import Report
from test_notebook_fixtures import TEXT, synthetic_report, synthetic_results

VOID = {"meta", "br", "hr", "img", "input", "link", "col", "wbr"}


class _Checker(HTMLParser):
    """Fails on unbalanced tags; collects text by enclosing class inside .gt-text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []
        self.errors: list[str] = []
        self.text_in: dict[str, list[str]] = {}
        self.titles: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "title" in a:
            self.titles.append(a["title"])
        if tag not in VOID:
            self.stack.append((tag, a.get("class", "")))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"unexpected </{tag}> with open {self.stack[-3:]}")
            return
        self.stack.pop()

    def handle_data(self, data):
        # per-class text only inside the highlighted text (the legend reuses the classes)
        if any("gt-text" in cls.split() for _, cls in self.stack):
            for _, cls in self.stack:
                for c in cls.split():
                    self.text_in.setdefault(c, []).append(data)
        if self.stack and self.stack[-1][0] == "style":
            return
        self.text_in.setdefault("*", []).append(data)


def check(html: str) -> _Checker:
    p = _Checker()
    p.feed(html)
    p.close()
    assert not p.errors, p.errors[:3]
    assert not p.stack, f"unclosed tags: {p.stack[:5]}"
    return p


def visible(p: _Checker) -> str:
    return "".join(p.text_in.get("*", []))


def test_report_html_valid_with_title_sections_and_counts():
    r = synthetic_report()
    html = report_html(r)
    p = check(html)
    shown = visible(p)
    assert r.meta["title"] in shown
    for t in r.sections.title:
        assert t in shown
    assert "6 indicators (4 outcomes, 2 targets)" in shown
    assert "achievement 2" in shown and "shortcoming 1" in shown
    # user text is escaped: the literal <执法> never becomes a tag
    assert "<执法>" not in html and "&lt;执法&gt;" in html
    # the lxml parser agrees that it is one well-formed fragment
    lxml_html = pytest.importorskip("lxml.html")
    assert lxml_html.fragment_fromstring(html, create_parent="div") is not None


def test_report_repr_html_and_short_repr():
    r = synthetic_report()
    assert r._repr_html_() == report_html(r)
    assert len(repr(r)) < 200 and "\n" not in repr(r)


def test_report_html_on_real_pipeline_report():
    r = govtext.read(text="城北街道2023年度法治政府建设情况报告\n一、主要举措\n全年开展普法宣传12场。\n二、存在的不足\n队伍力量薄弱。\n")
    p = check(report_html(r))
    shown = visible(p)
    for t in r.sections.title:
        assert str(t) in shown


def test_empty_and_failing_tables_do_not_break_display():
    r = Report(text="没有标题的短文本。", meta={})
    for name in ("sections", "initiatives", "indicators", "passages", "sentences"):
        setattr(r, name, pd.DataFrame())
    p = check(report_html(r))
    assert "(untitled report)" in visible(p)
    check(highlight(r).data)

    class Broken(Report):
        @property
        def indicators(self):
            raise RuntimeError("stage <exploded>")

    b = Broken(text=TEXT, meta={"title": "坏报告"})
    s = synthetic_report()
    b.sections, b.passages, b.initiatives, b.sentences = s.sections, s.passages, s.initiatives, s.sentences
    html = report_html(b)
    check(html)
    assert "could not be computed" in html and "&lt;exploded&gt;" in html


def test_highlight_keeps_every_character_and_marks_spans():
    r = synthetic_report()
    h = highlight(r)
    assert hasattr(h, "_repr_html_")
    p = check(h.data)
    assert "".join(p.text_in["gt-text"]) == r.text  # nothing lost, nothing added
    # one outcome mark per outcome indicator, its text exactly the indicator's span
    assert p.text_in["gt-ind-target"] == ["40场", "3个"]
    assert p.text_in["gt-ind-outcome"] == ["36场", "1.2万人次", "128件", "98.5%"]
    tips = [t for t in p.titles if t.startswith("value=")]
    assert "value=12,000 · unit=人次 · target=False · kind=count · subject=覆盖群众" in tips
    assert any("target=True" in t and "unit=场" in t for t in tips)
    assert "".join(p.text_in["gt-h"]).count("存在的不足") == 1
    assert "".join(p.text_in["gt-p-shortcoming"]).startswith("部分村居")
    # collapsible: one <details> per level-1 section plus the preamble
    assert h.data.count("<details") == 1 + int((r.sections.level == 1).sum())


def test_highlight_one_section():
    r = synthetic_report()
    i = int(r.sections.index[r.sections.title == "存在的不足"][0])
    p = check(highlight(r, section=i).data)
    row = r.sections.iloc[i]
    assert "".join(p.text_in["gt-text"]) == r.text[row.start:row.end]
    assert "gt-ind-outcome" not in p.text_in
    by_title = check(highlight(r, section="下一年度").data)
    assert by_title.text_in["gt-ind-target"] == ["40场", "3个"]
    with pytest.raises(IndexError):
        highlight(r, section=99)


def test_highlight_overlapping_marks_stay_well_formed():
    r = synthetic_report()
    # a passage that starts inside a heading and an indicator crossing a passage end
    extra = pd.DataFrame([{"text": "", "label": "other", "score": 0.1, "source": "t", "section": 0,
                           "start": TEXT.index("主要举措"), "end": TEXT.index("全年开展")}])
    r.passages = pd.concat([r.passages, extra], ignore_index=True)
    s = TEXT.index("1.2万人次")
    cross = r.indicators.iloc[[0]].assign(start=s, end=TEXT.index("调处"))
    r.indicators = pd.concat([r.indicators, cross], ignore_index=True)
    p = check(highlight(r).data)
    assert "".join(p.text_in["gt-text"]) == r.text


def test_results_html():
    reports, sections, passages, indicators = synthetic_results()

    class Results:
        pass

    res = Results()
    res.reports, res.sections, res.passages, res.indicators = reports, sections, passages, indicators
    res.errors = pd.DataFrame([{"doc_id": "坏<文件>.pdf", "stage": "read", "error_type": "CorruptFileError",
                                "message": "truncated"}])
    html = results_html(res)
    p = check(html)
    shown = visible(p)
    assert "9 reports analysed" in shown and "1 errors" in shown
    assert "坏<文件>.pdf" in shown and "<文件>" not in html
    assert re.search(r"res\.indicators\s*27 rows", shown)
    assert "absent" in shown  # initiatives/sentences were not given

    class Empty:
        pass

    check(results_html(Empty()))
