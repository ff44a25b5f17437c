"""Properties of indicator extraction: any input, and every real report in ../shared/corpora."""
from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govtext.indicators import INDICATOR_COLUMNS, extract_indicators

from conftest import needs_shared, shared_manifest_rows

# characters that exercise the grammar: digits of both widths, Chinese numerals,
# magnitudes, qualifiers, units, separators, quotes and punctuation
ALPHABET = ("0123456789０１２３４５６７８９.,．，%％‰-—~至到/每 　\n" "零〇○一二两三四五六七八九十百千万亿余多近约超逾不足到以上下内左右"
            "个件人户元项名家次场年月日号第分之成倍番翻点百分比亩吨公里平方米千瓦克时周岁期“”（）+GAPM：。；、"
            # compounds, bare magnitudes, traditional script, Latin units, goal words
            "宗轮台列路干上破個萬億點餘約kVWTBh計划目标任务占总入选拟将比较")


def check_frame(text, df):
    assert list(df.columns) == INDICATOR_COLUMNS
    prev_end = 0
    for row in df.itertuples(index=False):
        assert text[row.start:row.end] == row.text
        assert row.start >= prev_end
        prev_end = row.end
        assert math.isfinite(row.value)
        assert math.isnan(row.value_max) or math.isfinite(row.value_max)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=ALPHABET, max_size=80))
def test_any_grammar_string(text):
    check_frame(text, extract_indicators(text))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=ALPHABET, min_size=300, max_size=700))
def test_long_grammar_string(text):
    """Long inputs take the fast folding path (one replace per character)."""
    check_frame(text, extract_indicators(text))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60))
def test_any_unicode_string(text):
    check_frame(text, extract_indicators(text))


REPORTS = [r["path"] for r in shared_manifest_rows() if r["path"].endswith((".txt", ".html", ".htm"))]


@needs_shared
@pytest.mark.parametrize("path", REPORTS, ids=[p.rsplit("/", 2)[-2] + "/" + p.rsplit("/", 1)[-1] for p in REPORTS])
def test_real_reports(path):
    """No year read as a duration, spans sorted and non-overlapping, on every shared report."""
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    df = extract_indicators(text)
    check_frame(text, df)
    years = df[(df["unit"] == "年") & df["value"].between(1949, 2100)]
    assert years.empty, years[["text", "start"]].head().to_dict("records")
    wide = df[(df["unit"] == "年") & df["value_max"].between(1949, 2100)]
    assert wide.empty
