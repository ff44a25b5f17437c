"""The indicator stage's shortcuts give what the plain computation gives.

Prefilters derived from the rules, the section table, the numpy sentence ends and
the target shortcuts of review and plan parts are speed-ups only: each is checked here
against the straightforward version. Sentences are written for these tests.
"""
from __future__ import annotations

import random
import re
from bisect import bisect_right

import pandas as pd
import pytest

from govtext.indicators import extract_indicators
from govtext.indicators import targets as tg
from govtext.indicators.context import SectionLocator, TextContext, section_table
from govtext.indicators.lexicon import lexicon

SENTENCES = [
    "全镇计划新开工项目12个，力争完成投资5亿元。",
    "拟安排专项资金3000万元，比上年增加8%。",
    "超额完成年度计划，完成率达到105%，“双高计划”入选学校2所。",
    "项目建成后每年可新增产值2亿元，投产后将带动就业500人。",
    "模拟演练3次，草拟文件8份，预期寿命提高到79岁。",
    "过去五年，全区累计建成道路120公里；今年要新建公园3个。",
    "到2025年底，争取森林覆盖率达到45%以上，确保粮食产量稳定在10万吨。",
    "占总任务的98%，目标完成率为102%，入选国家级科技计划3项。",
    "比年度计划增加2%，超计划19家，低于预期0.5个百分点。",
    "《三年行动方案》确定的任务，‘十大工程’推进顺利。",
    "新建公园3个，改造道路5公里，培训农民800人次。",
    "一年来，新建公园3个，改造道路5公里。",
]


def _texts() -> list[str]:
    """Test strings: the sentences, their clauses, and every rule word alone and in a phrase."""
    out = list(SENTENCES)
    for s in SENTENCES:
        out += re.split(r"[，；。]", s)
    for key, words in lexicon().rules.items():
        if isinstance(words, list) and not key.endswith("_regex"):
            for w in words:
                out += [w, f"全年{w}完成5项", f"{w}后将新增"]
    return [t for t in out if t]


def test_result_dtypes():
    sections = pd.DataFrame({"start": [0], "end": [60], "role": ["plans"], "parent": [-1]})
    df = extract_indicators("全年新建公园3个，增长5%左右，力争投资2亿元。", sections, {})
    got = {c: str(t) for c, t in df.dtypes.items()}
    assert got == {"text": "str", "value": "float64", "value_max": "float64", "unit": "str", "approx": "bool",
                   "qualifier": "str", "target": "bool", "change": "object", "kind": "str", "subject": "str",
                   "section": "int64", "sentence": "str", "start": "int64", "end": "int64"}
    assert df["change"].tolist() == [None, "up", None]
    named = pd.DataFrame({"start": [0], "end": [60], "role": ["plans"]}, index=["part one"])
    assert extract_indicators("新建公园3个。", named)["section"].tolist() == ["part one"]


def test_required_literals():
    assert tg.required_literals(re.compile("a?")) is None
    assert tg.required_literals(re.compile("计划", re.I)) is None
    assert tg.required_literals(re.compile("(?:目标|计划)任务?")) == ("目标任", "计划任")
    assert tg.required_literals(re.compile("(?:目标|计划)(?:任务)?")) == ("目标", "计划")
    assert tg.required_literals(re.compile("完成计划|计划")) == ("计划",)


def test_gated_rules_agree_with_plain_patterns():
    rules = tg._rules()
    gated = [v for v in rules if isinstance(v, tg._Gated)]
    assert len(gated) >= 5
    for text in _texts():
        for g in gated:
            assert bool(g.search(text)) == bool(g.pattern.search(text)), (g.pattern.pattern, text)
            assert g.sub("", text) == g.pattern.sub("", text)
        if rules.names_gate is not None and not rules.names_gate.search(text):
            assert tg._QUOTED.sub("", text) == text and rules.exceptions.pattern.sub("", text) == text


@pytest.mark.parametrize("role", ["achievements", "duties", "plans", "targets", "other", None])
def test_target_shortcut_agrees_with_full_decision(role):
    for sentence in SENTENCES + [s.replace("，", "、") for s in SENTENCES]:
        for clause in re.split(r"[，；。]", sentence):
            for opening in (sentence[:16], "过去五年，全区新建", "一、主要目标"):
                for plan_document in (False, True):
                    full = tg._decide.__wrapped__(clause, sentence, role, plan_document, opening)
                    assert tg.is_target(clause, sentence, role, plan_document, opening) == full


def test_text_context_ends_match_regex():
    text = "一、总体情况\n全年增长5%，其中：工业8%；服务业6%!农业?稳定。\n𠀀表\udcff，结束"
    ctx = TextContext(text)
    assert ctx.sent_ends == [m.end() for m in re.finditer(r"[。！？!?\n]", text)]
    assert ctx.clause_ends == [m.end() for m in re.finditer(r"[。！？!?\n，,；;：:]", text)]
    assert ctx.para_ends == [m.end() for m in re.finditer(r"\n", text)]
    assert TextContext("").clause_ends == []


def test_section_table_matches_locator():
    rng = random.Random(7)
    for _ in range(200):
        n = rng.randint(0, 10)
        spans = sorted(((a := rng.randint(0, 60)), a + rng.randint(0, 40)) for _ in range(n))
        spans.sort(key=lambda x: (x[0], -x[1]))
        index = ([s for s, _ in spans], [e for _, e in spans], list(range(n)),
                 [rng.choice([None, "plans", "achievements"]) for _ in range(n)]) if n else None
        breaks, labels, roles = section_table(index)
        locate = SectionLocator(index)
        for pos in range(110):
            j = bisect_right(breaks, pos) - 1
            assert (labels[j], roles[j]) == locate(pos)


def test_fallback_headings_match_plain_patterns():
    part = re.compile(r"(?:^|(?<=[。！？\n\s]))第(?P<num>[一二三四五六七八九十]{1,3})部分(?P<title>[^。\n]{0,60})")
    level1 = re.compile(r"(?:^|(?<=[。！？\n\s：:]))(?P<num>[一二三四五六七八九十]{1,3})、(?P<title>[^。\n]{2,60})")
    texts = ["第一部分总则。第二部分目标\n第三部分", "x第二部分。第十一部分第二部分", "一、回顾二、目标！三、任务。四、",
             "十一、甲乙。十二、丙丁\n一、二、三、四、五证合一、", "前言：一、概况，二、举措"]
    spans = lambda ms: [(m.span(), m.group("num"), m.group("title")) for m in ms]  # noqa: E731
    for text in texts:
        assert spans(tg._headings(tg._PART_HEADING, text)) == spans(part.finditer(text))
        assert spans(tg._headings(tg._L1_HEADING, text)) == spans(level1.finditer(text))
