"""Passage classification: cue rules, role prior, model storage, training, sentences.

All paragraphs here are our own writing in the genre (no text from ../shared).
"""
from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

import govtext
from govtext.classify import label_passages, label_sentences
from govtext.classify.cues import strong_match
from govtext.classify.model import fit_model, load_model, save_model
from govtext.errors import ModelError

GWR = {"report_type": "gwr", "year": 2024}
SUMMARY = {"report_type": "summary", "year": 2023}


def label_one(text: str, role: str, meta: dict, model=False) -> tuple[str, str]:
    ps = pd.DataFrame({"text": [text], "section": [0], "role": [role], "start": [0], "end": [len(text)]})
    out = label_passages(text, ps, None, meta, model=model)
    return out["label"][0], out["source"][0]


# --- rules ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, role, meta, label", [
    # achievement cues outweigh a neutral role
    ("全年完成固定资产投资12.6亿元，同比增长8.3%，建成乡村道路15公里，累计化解信访积案9件。", "other", SUMMARY, "achievement"),
    # shortcoming cues outweigh a neutral role
    ("基层执法力量仍然薄弱，专业人才不足，执法规范化水平有待提升，部分村居法治宣传覆盖不够。", "other", SUMMARY, "shortcoming"),
    # plan cues outweigh a neutral role
    ("力争全年新增就业岗位800个以上，确保重点项目按期开工，加快推进老旧小区改造。", "other", GWR, "plan"),
    # role prior decides an ordinary paragraph
    ("镇党委书记带头讲授法治课，组织班子成员旁听庭审，把法治建设纳入年度考核。", "duties", SUMMARY, "achievement"),
    ("坚持过紧日子，严控一般性支出，自觉接受人大监督和政协民主监督。", "self_building", GWR, "plan"),
    ("完善网格化管理机制，推进矛盾纠纷源头化解。", "plans", SUMMARY, "plan"),
])
def test_role_and_weak_cues(text, role, meta, label):
    assert label_one(text, role, meta)[0] == label


def test_review_ending_problems_paragraph_is_shortcoming():
    text = ("在看到成绩的同时，我们也清醒认识到，全区经济总量仍然偏小，产业结构不优，"
            "财政收支矛盾突出，民生领域还有不少短板，政府服务效能有待提高。对此，我们将认真加以解决。")
    assert label_one(text, "achievements", GWR) == ("shortcoming", "cue:clearly_see")
    text2 = "一年来，我局工作取得了一定成效，但还存在不少困难和问题：一是人员力量不足；二是信息化水平不高；三是基层基础薄弱。"
    assert label_one(text2, "achievements", SUMMARY)[0] == "shortcoming"


def test_results_then_short_turn_stays_achievement():
    # the problems are a small part of the paragraph: it stays an achievement
    text = ("全年新建污水管网26公里，改造农村户厕1200户，完成河道清淤45公里，空气优良天数比例达到91.2%，"
            "城乡环境面貌明显改善，群众满意度进一步提高，生态文明建设考核位居全市前列，但也存在一些不足。")
    assert label_one(text, "achievements", SUMMARY)[0] == "achievement"


def test_plan_sentences_inside_a_summary():
    assert label_one("下一步，我们将继续深化综合执法改革，加强执法人员培训。", "achievements", SUMMARY) == \
        ("plan", "cue:next_step")
    # a paragraph opening with the next year in a 2023 summary is a plan
    assert label_one("2024年，我镇将重点抓好三项工作：推进集镇改造、发展特色农业、完善养老服务。",
                     "achievements", SUMMARY)[0] == "plan"
    # but the reviewed year is the past
    assert label_one("2023年，我镇新建标准化村卫生室3个，完成集镇污水管网改造2公里。",
                     "achievements", SUMMARY)[0] == "achievement"


@pytest.mark.parametrize("text", [
    "各位代表：",
    "现在，我代表县人民政府向大会报告工作，请予审议，并请县政协委员提出意见。",
    "现将我镇2023年度法治政府建设工作情况报告如下：",
    "一年来，我们主要做了以下工作：",
    "各位代表！新征程催人奋进。让我们更加紧密地团结在一起，勠力同心、真抓实干，为建设美丽家园而努力奋斗！",
    "在此，我代表县人民政府，向全县人民和各界人士表示衷心的感谢！",
])
def test_greetings_transitions_and_closing_are_other(text):
    assert label_one(text, "achievements", GWR)[0] == "other"


def test_strong_match_reports_rule_names():
    assert strong_match("我们也清醒看到，发展中还存在不少困难。", "gwr") == ("shortcoming", "clearly_see")
    assert strong_match("全年完成投资5亿元。", "gwr") is None


def test_output_columns_and_offsets_unchanged():
    text = "一、主要成效\n全年化解矛盾纠纷18件。\n二、下一步打算\n将加强普法宣传。"
    ps = pd.DataFrame({"text": ["全年化解矛盾纠纷18件。", "将加强普法宣传。"], "section": [0, 1],
                       "role": ["achievements", "plans"], "start": [7, 28], "end": [19, 36]})
    out = label_passages(text, ps, None, SUMMARY, model=False)
    assert list(out.columns) == ["text", "label", "score", "source", "section", "start", "end", "role"]
    assert list(out["start"]) == [7, 28] and list(out["end"]) == [19, 36]
    assert all(text[s:e] == t for s, e, t in zip(out["start"], out["end"], out["text"]))
    assert out["score"].between(0, 1).all()
    assert list(out["label"]) == ["achievement", "plan"]
    assert label_passages(text, ps.iloc[0:0], None, SUMMARY).empty


def test_label_sentences_splits_mixed_paragraph():
    text = "全年办结行政复议案件12件，纠错率100%。下一步，将加强行政复议规范化建设！\n存在的问题是人员不足；"
    ps = pd.DataFrame({"text": [text], "section": [0], "role": ["achievements"], "start": [0], "end": [len(text)]})
    out = label_sentences(text, ps, None, SUMMARY, model=False)
    assert list(out["text"]) == ["全年办结行政复议案件12件，纠错率100%。", "下一步，将加强行政复议规范化建设！",
                                 "存在的问题是人员不足；"]
    assert list(out["label"]) == ["achievement", "plan", "shortcoming"]
    assert all(text[s:e] == t for s, e, t in zip(out["start"], out["end"], out["text"]))


def test_report_passages_and_sentences_through_read():
    r = govtext.read(text=SMALL_REPORTS["a.txt"])
    ps, ss = r.passages, r.sentences
    assert {"text", "label", "score", "source", "section", "start", "end"} <= set(ps.columns)
    assert set(ps["label"]) <= {"achievement", "shortcoming", "plan", "other"}
    assert all(r.text[s:e] == t for s, e, t in zip(ps["start"], ps["end"], ps["text"]))
    assert len(ss) >= len(ps)
    assert all(r.text[s:e] == t for s, e, t in zip(ss["start"], ss["end"], ss["text"]))


# --- model storage ---------------------------------------------------------------------

def tiny_model():
    texts = ["全年完成投资5亿元，同比增长8%。", "建成道路12公里，化解纠纷30件。",
             "下一步，我们将加快推进项目建设。", "明年力争新增就业800人。",
             "执法力量仍然薄弱，短板明显。", "专业人才不足，有待加强。",
             "各位代表：", "现将工作情况报告如下："]
    labels = ["achievement"] * 2 + ["plan"] * 2 + ["shortcoming"] * 2 + ["other"] * 2
    return fit_model(texts * 2, labels * 2)


def test_model_round_trip(tmp_path):
    m = tiny_model()
    save_model(m, tmp_path / "m")
    assert sorted(p.name for p in (tmp_path / "m").iterdir()) == ["coef.npy", "intercept.npy", "model.json"]
    m2 = load_model(tmp_path / "m")
    assert m2.classes == m.classes
    np.testing.assert_array_equal(m2.coef, m.coef)
    np.testing.assert_array_equal(m2.intercept, m.intercept)
    probe = ["下一步将加强培训。", "完成投资3亿元。"]
    np.testing.assert_allclose(m2.predict_proba(probe), m.predict_proba(probe))
    # read(..., model=folder) uses it
    r = govtext.read(text=SMALL_REPORTS["a.txt"], model=tmp_path / "m")
    assert r.model is not None and len(r.passages) > 0


def _corrupt(folder, how):
    meta_p = folder / "model.json"
    meta = json.loads(meta_p.read_text(encoding="utf-8"))
    if how == "no_json":
        meta_p.unlink()
    elif how == "bad_json":
        meta_p.write_text("{not json", encoding="utf-8")
    elif how == "wrong_format":
        meta["format"] = "something-else"
        meta_p.write_text(json.dumps(meta), encoding="utf-8")
    elif how == "wrong_version":
        meta["format_version"] = 99
        meta_p.write_text(json.dumps(meta), encoding="utf-8")
    elif how == "missing_coef":
        (folder / "coef.npy").unlink()
    elif how == "wrong_shape":
        np.save(folder / "coef.npy", np.zeros((2, 5), dtype=np.float32))
    elif how == "pickled":
        np.save(folder / "coef.npy", np.array([{"a": 1}], dtype=object), allow_pickle=True)
    elif how == "bad_vectorizer":
        meta["vectorizer"]["ngram_range"] = "1-3"
        meta_p.write_text(json.dumps(meta), encoding="utf-8")
    elif how == "nan":
        c = np.load(folder / "coef.npy")
        c[0, 0] = np.nan
        np.save(folder / "coef.npy", c)


@pytest.mark.parametrize("how", ["no_json", "bad_json", "wrong_format", "wrong_version", "missing_coef",
                                 "wrong_shape", "pickled", "bad_vectorizer", "nan"])
def test_load_refuses_malformed_folders(tmp_path, how):
    folder = save_model(tiny_model(), tmp_path / "m")
    _corrupt(folder, how)
    with pytest.raises(ModelError):
        load_model(folder)


def test_load_refuses_missing_folder(tmp_path):
    with pytest.raises(ModelError):
        load_model(tmp_path / "nope")
    with pytest.raises(ModelError):
        govtext.read(text="各位代表：", model=tmp_path / "nope")


def test_shipped_model_loads():
    from govtext.classify.model import default_model, default_model_dir

    m = default_model()
    assert set(m.classes) == {"achievement", "shortcoming", "plan", "other"}
    assert default_model() is m  # cached
    assert (default_model_dir() / "model.json").exists()


# --- training --------------------------------------------------------------------------

SMALL_REPORTS = {
    "a.txt": """青石镇2023年工作总结
2023年，青石镇在县委、县政府的坚强领导下，围绕中心、服务大局，各项工作稳步推进。现将有关情况总结如下：
一、主要工作成效
（一）产业发展提速。全年完成固定资产投资6.2亿元，同比增长11.5%，新引进农产品加工企业3家，建成高标准农田4500亩。
（二）民生保障有力。新增城镇就业620人，发放各类救助资金860万元，改造农村危房85户，建成村级养老服务站4个。
（三）基层治理加强。排查化解矛盾纠纷132件，调解成功率达到96%，创建省级民主法治示范村1个。
二、存在的问题
一是产业结构单一，龙头企业带动能力不强；二是基础设施仍有短板，部分村组道路等级偏低；三是干部队伍专业化水平有待提高。
三、2024年工作计划
（一）做强特色产业。力争新引进项目5个，推动茶叶加工园区建成投产。
（二）补齐民生短板。计划新改建村组道路20公里，新增养老床位60张。
（三）深化平安建设。持续推进网格化管理，确保重大矛盾纠纷及时化解。
""",
    "b.txt": """河湾街道2023年度法治政府建设情况报告
一、推进法治政府建设的主要举措和成效
（一）规范行政决策。制定重大行政决策事项目录，审查合同协议46份，提出法律意见90余条。
（二）严格规范执法。办理行政处罚案件38件，执法文书规范率达到100%，开展执法人员培训4期。
二、街道党政主要负责人履行法治建设第一责任人职责情况
街道党工委书记、办事处主任带头学法，主持召开法治建设专题会议3次，研究解决执法保障问题5个。
三、存在的不足和原因
执法队伍专业人员偏少，普法宣传针对性不够，部分社区法律顾问作用发挥不充分。
四、2024年主要安排
（一）加强执法队伍建设，开展全员轮训。
（二）创新普法宣传方式，推动法治宣传进楼栋。
""",
    "c.txt": """松林县2024年政府工作报告
各位代表：
现在，我代表县人民政府向大会报告工作，请予审议。
一、2023年工作回顾
过去一年，全县地区生产总值增长6.1%，一般公共预算收入完成15.3亿元，城乡居民收入分别增长5.2%和7.4%。
全年实施重点项目48个，完成投资72亿元，新建改建农村公路130公里。
同时，我们也清醒看到，经济总量偏小、产业层次不高、财政收支矛盾突出，政府效能仍需提升。
二、2024年工作安排
今年全县发展的主要预期目标：地区生产总值增长6%左右，城镇新增就业3000人以上。
加快工业园区扩容提质，力争新增规上企业10家。
推进城乡融合发展，实施县城更新项目12个。
各位代表，让我们团结一心，为建设富裕美丽松林而努力奋斗！
""",
}


def write_reports(folder):
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in SMALL_REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_retraining_is_byte_identical(tmp_path):
    from govtext.train import main

    corpus = write_reports(tmp_path / "corpus")
    assert main([str(corpus), "-o", str(tmp_path / "m1")]) == 0
    assert main([str(corpus), "-o", str(tmp_path / "m2")]) == 0
    for name in ("model.json", "coef.npy", "intercept.npy"):
        assert (tmp_path / "m1" / name).read_bytes() == (tmp_path / "m2" / name).read_bytes(), name
    m = load_model(tmp_path / "m1")
    assert m.info["examples"] > 10
    assert set(m.classes) >= {"achievement", "plan"}


def test_train_rejects_folder_without_labels(tmp_path):
    from govtext.train import main

    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "x.txt").write_text("没有任何标题的一段文字。", encoding="utf-8")
    with pytest.raises(SystemExit):
        main([str(tmp_path / "c"), "-o", str(tmp_path / "m")])


def test_no_structure_prior_when_report_has_no_roled_section():
    # every paragraph is "preamble": the preamble prior (mostly other) must not swamp the cues
    texts = ["全年完成道路硬化18公里，新建村级文化广场6个，同比增长12%。", "明年将力争新建村级养老服务站3个。"]
    ps = pd.DataFrame({"text": texts, "section": [-1, -1], "role": ["preamble", "preamble"],
                       "start": [0, 40], "end": [len(texts[0]), 40 + len(texts[1])]})
    out = label_passages("", ps, None, SUMMARY, model=False)
    assert list(out["label"]) == ["achievement", "plan"]


def test_signature_and_delivery_lines_are_other():
    assert strong_match("青石镇人民政府 2024年1月8日", "summary") == ("other", "signature")
    assert strong_match("——2024年1月10日在松林县第十八届人民代表大会第四次会议上", "gwr") == ("other", "delivery_line")


def test_gwr_this_year_paragraph_is_plan():
    text = "今年是实施“十四五”规划的关键一年。做好今年工作，要坚持稳中求进，着力扩大有效投资，持续保障和改善民生。"
    assert label_one(text, "achievements", GWR)[0] == "plan"


def test_merged_paragraph_with_thanks_is_labelled_by_its_sentences():
    results = ("全年新建农村公路42公里，改造危桥6座，完成集镇雨污分流管网8公里。新增城镇就业1200人，"
               "发放创业担保贷款3600万元，城乡低保标准分别提高到每月780元和640元。建成区域养老服务中心2个，"
               "新增托育机构3家，义务教育学校全部达到省定办学标准，群众安全感满意度达到98.6%。"
               "完成高标准农田建设1.2万亩，粮食总产稳定在5.6万吨以上，新培育家庭农场18家。")
    thanks = "在此，我代表镇人民政府，向全镇广大干部群众表示衷心的感谢！"
    lab, src = label_one(results + thanks, "achievements", SUMMARY)
    assert (lab, src) == ("achievement", "sentences")
    # a real thanks paragraph stays other
    pure = ("过去一年的成绩来之不易，是县委坚强领导的结果，是全县人民团结奋斗的结果。" + thanks)
    assert label_one(pure, "achievements", SUMMARY)[0] == "other"


def test_problem_list_split_by_semicolons_stays_shortcoming_per_sentence():
    text = "同时也要看到，工作中还存在一些困难和问题：集镇功能配套不全；村级集体经济收入偏低；专业技术人才紧缺。"
    ps = pd.DataFrame({"text": [text], "section": [0], "role": ["achievements"], "start": [0], "end": [len(text)]})
    out = label_sentences(text, ps, None, SUMMARY, model=False)
    assert len(out) == 3 and set(out["label"]) == {"shortcoming"}


def test_issuer_signature_line_is_other():
    assert strong_match("松林县市场监督管理局", "summary") == ("other", "signature")
    assert strong_match("加强执法队伍建设", "summary") is None


# --- fast paths give the same answers as the plain ones -------------------------------------

_GENRE = ["全年新建道路12公里，完成投资3.5亿元，较上年增长8%。",
          "我们也清醒看到，发展中还存在不少困难和问题：一是产业结构不优；二是民生短板仍然突出。",
          "下一步，我们将扎实推进乡村振兴，力争2025年全面完成改造任务。",
          "2024年，全镇计划新增就业岗位300个。", "各位代表：", "", "　　",
          "这些成绩的取得，根本在于党中央的坚强领导。同时也要看到，仍面临一些挑战。",
          "展望未来，我们充满信心。过去一年，2023年各项工作表现为：稳中有进。",
          "12024年与２2024年不算年份；1999年和2030年算。"]


def test_required_literals_are_in_every_match():
    import re

    from govtext.classify.cues import load_cues
    from govtext.regex_literals import required_literals

    checked = 0
    for rule in load_cues().strong:
        needs = required_literals(rule.pattern.pattern, re.M)
        if needs is None:
            continue
        for text in _GENRE:
            for m in rule.pattern.finditer(text):
                checked += 1
                assert any(lit in m.group() for lit in needs), (rule.name, m.group(), needs)
    assert checked > 5
    assert required_literals("(甲|乙)?丙丁") == ("丙丁",)
    assert required_literals("(甲|乙).*") == ("乙", "甲")
    assert required_literals("(甲|.)丙?") is None


def test_cue_engines_agree():
    # rules marked "engine": "re" must find what the regex module finds
    import regex

    from govtext.classify.cues import load_cues

    for rule in load_cues().strong:
        other = regex.compile(rule.pattern.pattern, regex.M)
        for text in _GENRE:
            a, b = rule.pattern.search(text), other.search(text)
            assert (a and a.span()) == (b and b.span()), rule.name


@pytest.mark.parametrize("meta", [{"year": 2024, "report_type": "gwr"}, {"year": 2023, "report_type": "summary"},
                                  {}, {"year": None}])
def test_evidence_matrix_matches_per_text_functions(meta):
    from govtext.classify.cues import evidence_matrix, time_evidence, weak_evidence

    got = evidence_matrix(_GENRE, meta)
    want = np.array([weak_evidence(t) + time_evidence(t, meta) for t in _GENRE])
    assert np.array_equal(got, want)
    assert evidence_matrix([], meta).shape == (0, 4)


def test_linear_scores_match_the_matrix_product():
    from govtext.classify.features import char_ngram_matrix, linear_scores, padded_coef_t

    rng = np.random.RandomState(1)
    coef = rng.standard_normal((4, 512)).astype(np.float32)
    b = rng.standard_normal(4)
    texts = _GENRE + ["甲", "甲乙"]
    want = char_ngram_matrix(texts, (2, 3), 512) @ coef.T.astype(np.float64) + b
    for ct in (None, padded_coef_t(coef)):
        assert np.allclose(linear_scores(texts, coef, b, (2, 3), coef_t=ct), want, rtol=0, atol=1e-9)
    assert linear_scores([], coef, b, (2, 3)).shape == (0, 4)


# --- batch paths: one scan of many texts gives what the texts give one by one ------------

# cue words that overlap (不足/仍不, 力争/争取, 全年/年内), years and time words at both ends of
# texts, repeated words, a blank text, and (below) texts too few for a scan or holding its separator
_MANY = _GENRE + ["仍不足，力争取得更大成效，全年内完成。", "2023年", "年内2024", "今年以来全年完成任务。",
                  "到2030年，今后五年要继续努力", "要要要达到达到", "还需要进一步加强。仍有差距，还不够。",
                  "我们清醒看到问题也不容忽视；", "“十五五”时期", "下一阶段，明年将继续推进。"]
_MANY = [f"{t}{k}" if k % 3 == 0 else t for k, t in enumerate(_MANY * 4)]


@pytest.mark.parametrize("meta", [{"year": 2024, "report_type": "gwr"}, {"year": 2023, "report_type": "summary"}, {}])
@pytest.mark.parametrize("texts", [_MANY, _MANY[:5], _MANY + ["含\x00分隔符的段落：全年完成。"]])
def test_evidence_matrix_batch_equals_one_by_one(meta, texts):
    from govtext.classify.cues import evidence_matrix, time_evidence, weak_evidence

    want = np.array([weak_evidence(t) + time_evidence(t, meta) for t in texts])
    assert np.array_equal(evidence_matrix(texts, meta), want)


@pytest.mark.parametrize("rtype, next_year", [("gwr", 2024), ("summary", 2024), (None, None)])
def test_strong_matches_batch_equals_one_by_one(rtype, next_year):
    from govtext.classify.cues import strong_matches

    # literals just inside and just past a rule's head (12 for 下一步, 30 or 80 for 仍存在…问题),
    # after leading white space
    heads = ["　　下一步，我们将继续推进。", " " * 10 + "下一步，继续推进。", "经过认真研究，下一步，继续推进。",
             "甲" * 25 + "仍存在一些问题。", "甲" * 28 + "仍存在不少困难。", "甲" * 70 + "仍然存在不少问题。"]
    texts = _MANY + heads * 2 + ["各位代表：", "青石镇人民政府", "——2024年1月10日在松林县第十八届人民代表大会第四次会议上",
                                 "现将我镇2023年度工作情况报告如下：", "今年，我们要着力抓好五个方面。"]
    roles = [("plans", "achievements", "other", None)[k % 4] for k in range(len(texts))]
    got = strong_matches(texts, rtype, next_year, roles)
    assert got == [strong_match(t, rtype, next_year, r) for t, r in zip(texts, roles)]
    assert sum(x is not None for x in got) > 10


def test_wordset_finds_every_occurrence():
    import random

    from govtext.classify.wordscan import WordSet, codes_of

    base = ["问题", "问题也不容忽视", "题", "全年", "年内", "全年内", "要", "需要进一步", "进一步", "一步一步"]
    # words longer than the 8-character key: one on its own, then two sharing their first 8
    for words in (base, base + ["要进一步要进一步要进"], base + ["全年全年全年全年问", "全年全年全年全年题题"]):
        ws = WordSet(words)
        rng = random.Random(0)
        alphabet = "问题也不容忽视全年内要需进一步，。"
        for _ in range(300):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))
            text += rng.choice(["", "要进一步要进一步要进", "全年全年全年全年问", "全年全年全年全年题"])
            pos, wid = ws.find(codes_of(text))
            want = sorted((p, -len(w), w) for p in range(len(text)) for w in words if text.startswith(w, p))
            assert [(int(p), ws.words[i]) for p, i in zip(pos, wid)] == [(p, w) for p, _, w in want]


def test_linear_scores_do_not_depend_on_the_other_texts():
    from govtext.classify.model import default_model

    m = default_model()
    texts = _MANY + ["甲" * 700, "乙", ""]
    together = m.decision(texts)
    assert together.tobytes() == np.vstack([m.decision([t]) for t in texts]).tobytes()


def test_year_finder_matches_the_year_regex():
    import random

    from govtext.classify.cues import _YEAR, _years
    from govtext.classify.wordscan import codes_of

    rng = random.Random(1)
    for _ in range(2000):
        text = "".join(rng.choice("12０２0345年a\x00٣") for _ in range(rng.randrange(0, 30)))
        pos, years = _years(codes_of(text))
        assert list(zip(pos.tolist(), years.tolist())) == [(m.start(), int(m.group(1))) for m in _YEAR.finditer(text)]


# --- other: procedural, political and outlook paragraphs; situations; review openings -----------
# (paragraphs invented in the genre; each case names the ANNOTATION.md reading it follows)

PLAN_ROLE_OTHER = [
    # a review request: the draft plan is submitted to the congress (procedural)
    "“十五五”时期是青川夯实基础、全面发力的关键时期。根据市委关于制定“十五五”规划的建议，市政府编制了"
    "《青川市国民经济和社会发展第十五个五年规划纲要（草案）》，提请本次大会审查。",
    "根据县委的建议，县政府编制了《松林县国民经济和社会发展第十五个五年规划纲要（草案）》，全文提交大会审议，这里作简要说明。",
    # outlook: opportunities weighed, a call for confidence, no tasks
    "今年是实施“十五五”规划的开局之年。当前外部环境依然复杂，但我县临港产业蓄势待发，交通区位持续改善，"
    "发展机遇前所未有。我们必须坚定信心、顺势而为，在新的起点上奋力开创高质量发展新局面。",
    # a list introduction
    "做好今年工作，要重点抓好六个方面：",
    "实现上述目标，重点从以下几个方面把握：",
]


@pytest.mark.parametrize("text", PLAN_ROLE_OTHER)
def test_procedural_and_outlook_paragraphs_in_plan_parts_are_other(text):
    assert label_one(text, "plans", GWR)[0] == "other"
    assert label_one(text, "plans", GWR, model=None)[0] == "other"


REVIEW_ROLE_OTHER = [
    # lessons drawn from the review
    "回顾过去五年，我们深切体会到：必须坚持项目为王、产业立县，必须坚持民生优先、久久为功，必须坚持从严治政、真抓实干。",
    "一年来，我们有以下几点体会：",
    "一年来，我们做了以下主要工作：",
    # attribution of the results to the leadership (political statement)
    "我镇每一点进步的取得，都是在区委坚强领导下，全镇上下拼出来、干出来的。",
    "过去五年，我们能够取得这样的成就，最根本的原因，就是始终坚持党的领导、坚持以人民为中心。",
    # leader's care and encouragement, no results
    "习近平总书记亲临我省考察并发表重要讲话，为我们指明了前进方向，给予全省干部群众巨大鼓舞和鞭策。",
    "五年来的发展变化，让全市人民倍感振奋和自豪。",
    # ideology without content
    "今年来，镇党委坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，认真落实县委各项决策部署，"
    "在县委、县政府的坚强领导下，以作风建设年活动为契机，较好地完成了各项目标任务。",
]


@pytest.mark.parametrize("text", REVIEW_ROLE_OTHER)
def test_lessons_attribution_political_and_ideology_paragraphs_are_other(text):
    assert label_one(text, "achievements", GWR)[0] == "other"
    assert label_one(text, "achievements", GWR, model=None)[0] == "other"


@pytest.mark.parametrize("text, role, label", [
    # the same openings with content stay what their content is
    ("习近平总书记亲临我省考察，为我们指明了前进方向。全省上下牢记嘱托，完成了全年主要目标任务，地区生产总值增长5.6%。",
     "achievements", "achievement"),
    ("上述预期目标，综合考虑了发展基础和外部环境，体现了稳中求进的要求。我们要坚定信心、抢抓机遇，确保目标任务全面完成。",
     "targets", "plan"),
    ("2025年，我镇将坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十届三中全会精神，在区委的坚强领导下，"
     "认真落实区委各项部署要求，以项目建设为主线，力争各项工作走在全区前列。", "plans", "plan"),
    # a plan paragraph that only mentions submitting a reform plan stays a plan
    ("深化乡镇机构改革。围绕转变职能，整合执法力量，理顺县乡职责关系，改革方案将提交本次大会审议。", "plans", "plan"),
])
def test_openings_with_content_keep_their_label(text, role, label):
    assert label_one(text, role, GWR, model=None)[0] == label


def test_situation_paragraph_dominated_by_risks_is_shortcoming():
    text = ("今年我县发展面临的形势依然复杂严峻。从外部看，市场需求收缩，外贸订单不足，部分企业经营困难；"
            "从内部看，产业结构偏重，财政收支矛盾突出，债务风险隐患不容忽视，民生领域仍有不少短板。")
    assert label_one(text, "plans", GWR) == ("shortcoming", "cue:situation")
    # hardship that was overcome, with the results: an achievement
    overcome = ("过去一年，我县发展面临的环境复杂严峻。面对困难挑战，我们迎难而上、真抓实干，完成地区生产总值218亿元，"
                "增长5.8%，新增城镇就业4100人，建成重点项目36个，城乡居民收入分别增长5.1%和7.2%。")
    assert label_one(overcome, "achievements", GWR, model=None)[0] == "achievement"


def test_turn_to_a_gap_with_expectations_is_shortcoming():
    text = ("一年来，我局各项工作取得了新进展。但是，对照群众的期待还有较大差距：执法力量薄弱，信息化水平不高，"
            "窗口服务意识有待增强，少数干部作风不实、担当不够。")
    assert label_one(text, "plans", SUMMARY) == ("shortcoming", "cue:problems_turn")


def test_review_opening_inside_a_plan_part_is_achievement():
    text = "过去的一年，对外交流合作取得新成绩。我市与5个国际友好城市签署合作协议，成功举办经贸洽谈会3场。"
    assert label_one(text, "plans", GWR) == ("achievement", "cue:review_opening")
    # a review sentence followed by next year's work: the plan is the main content
    mixed = "过去一年，国防动员工作取得新成效。新的一年，要加强国防教育，完善民兵队伍建设，做好征兵工作。"
    assert label_one(mixed, "plans", GWR, model=None)[0] == "plan"


def test_review_part_without_future_words_is_not_plan():
    from govtext.classify.cues import plan_marker

    # past measures written in the imperative style of the genre, inside a review part
    text = ("三是强化生态环境治理。深入推进美丽乡村建设。持续打好蓝天、碧水、净土保卫战。加快补齐污水管网短板。"
            "抓好秸秆综合利用。启动河道生态修复工程。")
    assert label_one(text, "achievements", SUMMARY, model=None)[0] == "achievement"
    assert not plan_marker(SUMMARY)(text)
    # the same style with a word about the future may still be a plan
    assert plan_marker(SUMMARY)("明年将持续打好蓝天保卫战。")
    assert plan_marker(SUMMARY)("2024年，深入推进美丽乡村建设。")
    assert label_one("下一步，深入推进美丽乡村建设，持续打好蓝天保卫战。", "achievements", SUMMARY)[0] == "plan"


def test_new_rule_conditions():
    from govtext.classify.cues import load_cues, pattern_cover, problem_share

    rules = {r.name for r in load_cues().strong}
    assert {"situation", "ideology", "lessons", "political", "review_opening"} <= rules
    ideology = next(r for r in load_cues().strong if r.name == "ideology")
    assert pattern_cover(ideology.pattern, "全年新建道路12公里，改造危桥6座。") == 0.0
    assert problem_share("全年新建道路12公里。") == 0.0
    assert problem_share("产业基础仍然薄弱，短板突出。") == 1.0


def test_crawled_one_line_summary_turning_to_a_gap_starts_a_shortcoming_passage():
    # a crawled page whose line breaks were lost: the turn to the gap starts its own passage
    work = ("持续推进农村人居环境整治，完成改厕320户，新建污水管网6公里，清理河道12条。"
            "扎实开展矛盾纠纷排查化解，调处各类纠纷86件，化解率达到97%。") * 10
    gap = ("今年以来，我镇各项工作有序开展并取得一定成效，但离年度目标任务还有不小差距，存在一定问题。"
           "一是产业基础仍然薄弱，龙头企业带动能力不强；二是基层治理还有短板，专业力量不足。")
    text = "青石镇2024年工作总结 一、2024年工作情况 " + work + gap + " 二、2025年工作计划 一是加快产业项目建设，力争新签约项目5个。"
    r = govtext.read(text=text, meta={"report_type": "summary", "year": 2024})
    ps = r.passages
    row = ps[ps["text"].str.startswith("今年以来")]
    assert len(row) == 1 and row["label"].iloc[0] == "shortcoming"


# --- closing calls: a rallying exhortation with no measures and no numbers is other ---------------
# (ANNOTATION.md: other = preamble, ideology, transitions, closing calls; own texts in the genre)

RALLYING_CALLS = [
    # a section's closing call: new starting point, a pledge, ending in ！
    "各位代表！站在新的起点上，美好蓝图催人奋进。我们一定勠力同心、接续奋斗，跑出加速度、干出新天地，"
    "决不辜负全县人民的殷切期盼！",
    "各位代表，五年蓝图已经绘就。只要我们心往一处想、劲往一处使，就一定能把宏伟蓝图变为美好现实！",
    "大道至简，实干为要。我们要大力弘扬敢闯敢干的拼搏精神，始终保持只争朝夕的干劲，奋力谱写青川高质量发展新篇章！",
    # a transition after the five-year targets: the period characterised, then a call (no ！ needed)
    "各位代表！未来五年是我市转型升级的关键期、爬坡过坎的攻坚期。实现上述目标，必须不折不扣落实上级决策部署，"
    "撸起袖子加油干，风雨无阻向前行，为全省发展作出青川贡献。",
]


@pytest.mark.parametrize("text", RALLYING_CALLS)
@pytest.mark.parametrize("role", ["plans", "targets", "self_building"])
def test_rallying_calls_are_other(text, role):
    assert label_one(text, role, GWR) == ("other", "cue:rallying_call")
    assert label_one(text, role, GWR, model=None)[0] == "other"


@pytest.mark.parametrize("text, role, label", [
    # plan paragraphs that end with an exhortation keep their plan content
    ("为实现上述目标，我们将紧紧围绕产业强县主线，建设临港工业园，新建农村公路40公里，改造老旧小区12个，"
     "锁定目标、倒排工期，决不辜负全县人民的期望！", "plans", "plan"),
    ("各位代表！民族团结是我县发展的生命线。我们要持续深化民族团结进步创建，促进各族群众交往交流交融，"
     "凝心聚力建设美丽家园，把宏伟愿景变成美好现实！", "plans", "plan"),
    ("要把富民作为第一要务，完善城乡社会保障体系，扩大参保范围，办好群众急事难事，让人民群众生活得更加幸福美好！",
     "plans", "plan"),
    ("总而言之，我们要强化执行、狠抓落实，对重点工作实时跟进、每月通报、逐季分析、年末奖惩，确保每项工作有安排、"
     "有落实、有反馈，撸起袖子加油干！", "plans", "plan"),
    # a review paragraph ending with ！ that states results stays an achievement
    ("“十四五”时期，全县上下真抓实干、拼搏奋进，规划主要目标任务基本完成，各项事业取得新进步新成就！",
     "achievements", "achievement"),
])
def test_paragraphs_ending_with_an_exhortation_keep_their_content_label(text, role, label):
    assert label_one(text, role, GWR, model=None)[0] == label
    assert label_one(text, role, GWR)[0] == label


def test_leader_visit_with_only_a_generic_completion_claim_is_other():
    # the leader's visit and encouragement, then only "the targets were completed", no figures
    text = ("过去五年，是极不平凡的五年。习近平总书记亲临我省考察，作出重要指示，给全省干部群众巨大鼓舞。"
            "全省上下牢记嘱托、感恩奋进，解放思想、奋发进取，圆满完成“十四五”规划目标任务。")
    assert label_one(text, "achievements", GWR) == ("other", "cue:political")
    # a completion with figures, or other results, is an achievement (see the test above)
    counted = text.replace("规划目标任务。", "规划目标任务，地区生产总值年均增长5.6%。")
    assert label_one(counted, "achievements", GWR, model=None)[0] == "achievement"


def test_looking_ahead_with_confidence_is_other():
    text = "展望今后五年，我们充满必胜信心。全县人民的生活将会更加美好，高质量发展的前景一定会更加光明。"
    assert label_one(text, "plans", GWR) == ("other", "cue:confidence")


# --- situation, vision, opening summary, problems inside plan parts (fresh set 2) -------------

@pytest.mark.parametrize("text, role", [
    # a short situation sentence: favourable and unfavourable factors coexist (as 机遇和挑战并存)
    ("今年，我市面临的形势依然复杂严峻，有利条件和不利因素并存。", "plans"),
    # the year's significance, difficulties weighed against favourable conditions, then confidence;
    # 重要 holds 要 but is no "要" of a plan
    ("今年是实施规划承上启下的一年，做好今年工作，具有十分重要的意义。外部需求疲软，部分行业经营困难，"
     "我们面临不少新的挑战。同时也要看到，我县具有许多有利条件：交通区位改善，产业基础较好，"
     "市场潜力较大。我们要增强信心，振奋精神，用好一切有利条件。", "preamble"),
])
def test_situation_paragraphs_are_other(text, role):
    assert label_one(text, role, GWR) == ("other", "cue:outlook")


def test_vision_paragraph_opening_with_the_greeting_is_other():
    text = ("各位代表！青山作证，江河为凭。今天的青川迎来前所未有的历史机遇，区位优势不断彰显，壮丽蓝图正在铺开。"
            "我们坚信，青川的明天必将更加美好，全县人民必定在团结奋斗中共享发展荣光，在逐梦征程上书写崭新篇章。")
    assert label_one(text, "plans", GWR) == ("other", "cue:rallying_call")
    # a paragraph opening with the greeting that sets out measures stays a plan
    plan = ("各位代表！今年我们将新建农村公路40公里，改造老旧小区12个，加快建设临港工业园，"
            "深入实施乡村振兴战略，确保各项目标任务落到实处。")
    assert label_one(plan, "plans", GWR, model=None)[0] == "plan"


def test_generic_opening_summary_of_a_bureau_is_other():
    text = ("2023年，在县委、县政府的坚强领导下，县应急局以习近平新时代中国特色社会主义思想为指导，"
            "深入学习贯彻党的二十大精神，坚持稳中求进工作总基调，强化安全监管，提升救援能力，"
            "进一步推动应急管理各项事业发展。")
    assert label_one(text, "preamble", SUMMARY) == ("other", "cue:ideology")


def test_done_work_in_a_plan_part_is_an_achievement():
    text = ("为了适应新的监管要求，近年来我省做了大量工作。地方性法规的清理已基本完成，修改了一批规章。"
            "审批事项已由320项减少到150项。今年要在已有基础上，重点抓好以下几个方面：")
    assert label_one(text, "plans", GWR) == ("achievement", "cue:done_work")


def test_one_problem_clause_then_measures_is_a_plan():
    text = ("行政审批制度改革取得了明显进展，但还存在不少问题。必须进一步转变观念，切实减少审批事项，"
            "规范审批程序，公开办事流程，明确办理时限。加快建设网上政务服务平台，推行一窗受理、集成服务，"
            "提高办事效率。坚持依法行政，严格规范公正文明执法，自觉接受人大监督和社会监督。")
    assert label_one(text, "self_building", GWR) == ("plan", "cue:brief_problem_then_plan")
    # the same opening followed by the problems themselves stays a shortcoming
    problems = ("行政审批制度改革取得了明显进展，但还存在不少问题：审批事项仍然偏多，办事流程不够透明，"
                "一些部门推诿扯皮，群众办事难的问题尚未根本解决。")
    assert label_one(problems, "self_building", GWR)[0] == "shortcoming"


def test_a_listing_of_bad_practices_is_a_shortcoming_in_a_plan_part():
    text = ("当前，一些领域仍存在铺张浪费的现象。有的地方热衷于搞华而不实的“形象工程”，盲目追求高标准；"
            "有的单位违反规定兴建楼堂馆所，公款吃喝屡禁不止。凡此种种，必须坚决刹住。")
    assert label_one(text, "self_building", GWR) == ("shortcoming", "cue:problem_list")


# --- fresh set 3: a problems turn after words of its own, a diagnosis, a closing call after a comma -----

def test_problems_turn_after_a_subject_phrase():
    text = ("一年来，县政府在经济和社会发展方面采取的一系列政策措施，实践证明是正确的，广大群众是拥护的，各项工作进展顺利，群众对取得的成绩是满意的。"
            "但是，我们前进的道路上还存在不少问题。一些山区乡镇群众生活还很困难；部分企业开工不足，"
            "产品积压相当严重；城乡道路、供水和环境保护等方面的欠账较多，还要多年努力逐步解决。")
    assert label_one(text, "achievements", GWR) == ("shortcoming", "cue:problems_turn")
    # a comparison with what is needed, mentioned in passing inside a plan, stays a plan
    plan = ("今年县财政安排教育经费比上年有较多增加。当然，这同教育发展的实际需要还有较大差距，"
            "各级政府要在执行预算中增收节支，尽可能增加教育投入，开辟筹措经费的新渠道，"
            "切实加强经费使用的管理和审计监督。")
    assert label_one(plan, "plans", GWR)[0] == "plan"


def test_current_situation_diagnosis_is_a_shortcoming():
    text = ("目前的情况是：随着城乡居民收入提高，对日用消费品的需求大幅度增长。现有的产业结构不能适应新的情况。"
            "一部分加工企业的生产能力闲置，一部分日用消费品又供应不足，影响着经济的协调发展。"
            "解决这个问题的关键，是要调整工业的服务方向。")
    assert label_one(text, "plans", GWR) == ("shortcoming", "cue:situation")


def test_closing_call_after_a_comma_clause():
    text = ("各位代表，当前我县正处于转型发展的关键时期，让我们在县委的坚强领导下，以只争朝夕的劲头，"
            "全面完成今年的各项工作任务，为建设美丽富裕的新青川做出新的贡献。")
    assert label_one(text, "plans", GWR) == ("other", "cue:closing_call")
    # "made us realise" is no call: the lessons rule decides
    lessons = ("各位代表！过去五年的历程，让我们深刻体会到，推动高质量发展，必须坚持党的全面领导，"
               "必须坚持以人民为中心，必须坚持改革创新。")
    assert label_one(lessons, "achievements", GWR)[1] != "cue:closing_call"



class _PlanLeaningModel:
    """A stand-in model that reads every text as a plan (as the shipped one may for old idioms)."""

    def proba_for(self, texts, labels):
        row = np.array([{"plan": 0.9}.get(lab, 0.1 / 3) for lab in labels])
        return np.tile(row, (len(texts), 1))


def test_headless_report_needs_a_future_or_duty_word_for_plan():
    # a report with no headings at all: every paragraph sits in the preamble, no section role
    ps = pd.DataFrame({"text": ["在过去一个时期，全县人民团结奋斗，农业连年丰收，取得了显著成绩。",
                                "我们必须坚持自力更生，勤俭办一切事业。",
                                "今后我们要继续加强水利建设。",
                                "幾年來，全縣的教育事業有了很大發展。我們必須繼續努力。"],
                       "section": [0] * 4, "role": ["preamble"] * 4,
                       "start": [0, 40, 60, 80], "end": [39, 59, 79, 110]})
    out = label_passages("", ps, None, {"report_type": "gwr", "year": 1970}, model=_PlanLeaningModel())
    assert list(out["label"]) == ["achievement", "plan", "plan", "plan"]
