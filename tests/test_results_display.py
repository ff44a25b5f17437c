"""Corpus results show themselves in a notebook through the shared display code."""
from __future__ import annotations

from html.parser import HTMLParser

import govtext


def test_results_html_lists_tables_and_counts():
    corpus = govtext.Corpus.from_texts(
        ["一、工作成效\n全年新增就业1200人。\n二、下一步计划\n力争新增就业1500人。", ""],
        meta=[{"place": "甲镇"}, {"place": "乙镇"}],
    )
    res = corpus.analyze(progress=False)
    html = res._repr_html_()
    HTMLParser().feed(html)  # parses without error
    for name in ("reports", "indicators", "passages", "errors"):
        assert name in html
    assert len(res.reports) + len(res.errors) == 2
