"""Structure tests on short reports written for these tests (in the genre, not copied from any report)."""
from __future__ import annotations

import pandas as pd

from govtext.structure import initiatives, parse_structure

GWR = {"year": 2024, "report_type": "gwr"}
SUMMARY = {"year": 2023, "report_type": "summary"}
FZZF = {"year": 2023, "report_type": "fzzf"}


def heads(text, meta=None, hints=frozenset()):
    s = parse_structure(text, meta or {}, hints)
    return s, [(int(r.level), r.title) for r in s.sections.itertuples()]


def check_cover(text, s):
    """Every non-space char is in exactly one heading span or passage."""
    owner = [0] * len(text)
    for r in s.sections.itertuples():
        for i in range(r.start, r.heading_end):
            owner[i] += 1
    for p in s.passages.itertuples():
        assert text[p.start:p.end] == p.text
        for i in range(p.start, p.end):
            owner[i] += 1
    bad = [i for i, ch in enumerate(text) if not ch.isspace() and owner[i] != 1]
    assert not bad, [(i, text[i]) for i in bad[:5]]


def test_families_and_levels_by_first_use():
    t = ("各位代表：\n现在我代表区政府报告工作。\n一、2023年工作回顾\n（一）经济运行稳中有进。全年完成投资5亿元。\n"
         "1.项目建设提速\n新开工项目8个。\n（二）民生保障更加有力。新增就业900人。\n二、2024年工作安排\n"
         "（一）抓好项目建设。力争开工10个。\n三、加强政府自身建设\n我们将严守纪律。")
    s, hs = heads(t, GWR)
    assert hs == [(1, "2023年工作回顾"), (2, "经济运行稳中有进"), (3, "项目建设提速"), (2, "民生保障更加有力"),
                  (1, "2024年工作安排"), (2, "抓好项目建设"), (1, "加强政府自身建设")]
    assert list(s.sections.role) == ["achievements"] * 4 + ["plans"] * 2 + ["self_building"]
    assert list(s.sections.parent) == [-1, 0, 1, 0, -1, 4, -1]
    assert list(s.sections.path) == ["1", "1/1", "1/1/1", "1/2", "2", "2/1", "3"]
    check_cover(t, s)
    assert s.passages.role.iloc[0] == "preamble" and s.passages.section.iloc[0] == -1


def test_half_width_and_full_width_markers():
    t = "(一)抓学习。开展培训3次。\n(二)抓队伍。\n1．完善制度\n2、建立台账\n（1）细化分工\n⑵压实责任\n①明确时限"
    s, hs = heads(t)
    assert [h[1] for h in hs] == ["抓学习", "抓队伍", "完善制度", "建立台账", "细化分工", "压实责任", "明确时限"]
    assert [h[0] for h in hs] == [1, 1, 2, 2, 3, 3, 4]


def test_part_family_outermost():
    t = "第一部分 过去一年的工作\n一、农业稳步发展\n粮食丰收。\n第二部分 今年的主要任务\n一、抓好粮食生产\n稳定面积。"
    s, hs = heads(t, GWR)
    assert hs == [(1, "过去一年的工作"), (2, "农业稳步发展"), (1, "今年的主要任务"), (2, "抓好粮食生产")]
    assert list(s.sections.role) == ["achievements", "achievements", "plans", "plans"]


def test_heading_sharing_line_title_ends_at_first_stop():
    t = "（一）规范执法行为，提升执法质效。全年办理案件12件；开展检查30次。"
    s, hs = heads(t)
    assert hs == [(1, "规范执法行为，提升执法质效")]
    r = s.sections.iloc[0]
    assert t[r.title_start:r.title_end] == "规范执法行为，提升执法质效"
    assert t[r.heading_end - 1] == "。"
    assert list(s.passages.text) == ["全年办理案件12件；开展检查30次。"]


def test_level1_heading_ending_in_stop_then_subheading_same_line():
    t = "一、坚持稳字当头，经济运行总体平稳。（一）工业生产回升。规上工业增加值增长6%。（二）消费市场回暖。社零总额增长5%。"
    s, hs = heads(t)
    assert hs == [(1, "坚持稳字当头，经济运行总体平稳"), (2, "工业生产回升"), (2, "消费市场回暖")]
    check_cover(t, s)


def test_one_line_body_heading_runs_into_text():
    t = ("一、2023年工作开展情况（一）坚持党建引领，红色引擎更加澎湃我局始终把党的建设摆在首位，组织学习12次。"
         "（二）聚焦执法规范，法治环境更加优化我局持续完善执法制度，全年办结案件45件。"
         "（三）强化安全监管，底线防线更加牢固我局开展隐患排查60次，整改问题88处。"
         "二、2024年工作计划（一）深化党建引领。全年计划开展主题党日12次。")
    s, hs = heads(t, SUMMARY)
    assert hs == [(1, "2023年工作开展情况"), (2, "坚持党建引领，红色引擎更加澎湃"), (2, "聚焦执法规范，法治环境更加优化"),
                  (2, "强化安全监管，底线防线更加牢固"), (1, "2024年工作计划"), (2, "深化党建引领")]
    assert list(s.sections.role) == ["achievements"] * 4 + ["plans"] * 2
    check_cover(t, s)
    assert s.passages.text.iloc[0].startswith("我局始终把")


def test_one_line_run_in_level1_with_body_opener():
    t = ("城西街道2023年工作总结 一、2023年工作总结今年来，街道党工委坚持稳中求进，各项工作取得新成效。"
         "（一）抓实基层党建。新建党群服务站3个。（二）抓好安全生产。开展检查120次。"
         "二、2024年工作思路2024年是关键之年，街道将继续发力。（一）提升治理效能。推进网格化管理。")
    s, hs = heads(t, SUMMARY)
    titles = [h[1] for h in hs]
    assert titles[0] == "2023年工作总结" and "2024年工作思路" in titles
    assert [h[0] for h in hs] == [1, 2, 2, 1, 2]


def test_long_one_line_report_is_cut_into_paragraph_sized_passages():
    body = "全年开展普法宣传活动二十余场，群众满意度明显提升。" * 60
    t = "一、主要成效" + body + "二、下一步打算继续做好普法工作。"
    s, hs = heads(t)
    sec0 = s.passages[s.passages.section == 0]
    assert len(sec0) >= 3 and sec0.text.str.len().max() <= 1300
    check_cover(t, s)


def test_inline_markers_are_not_headings():
    t = ("一、优化营商环境\n推行五证合一、一照一码改革，办理时限压缩一半。\n“7.14”专案依法办结。\n"
         "我们⑴加强研判⑵完善预案，效果明显。\n二、下一步计划\n继续深化改革。")
    s, hs = heads(t)
    assert [h[1] for h in hs] == ["优化营商环境", "下一步计划"]


def test_yishi_and_diyi_openers_are_not_headings():
    t = ("一、工作成效\n一是强化学习。全年学习10次。\n二是完善制度。出台制度5项。\n第一，抓好队伍建设。\n第二，抓好作风建设。\n"
         "二、存在问题\n基层力量仍然薄弱。")
    s, hs = heads(t, FZZF)
    assert [h[1] for h in hs] == ["工作成效", "存在问题"]
    assert list(s.sections.role) == ["achievements", "shortcomings"]


def test_numbered_target_list_items_are_body():
    t = ("二、2024年主要预期目标\n"
         "1.地区生产总值增长6%左右，一般公共预算收入同口径增长5%，规上工业增加值增长8%；\n"
         "2.城镇新增就业1.2万人以上，城镇调查失业率控制在5.5%以内，居民收入增长与经济增长基本同步；\n"
         "3.粮食产量稳定在50万吨以上，单位地区生产总值能耗下降完成省下达任务，生态环境质量持续改善。\n"
         "三、2024年重点工作\n（一）扩大有效投资。抓好项目。")
    s, hs = heads(t, GWR)
    assert [h[1] for h in hs] == ["2024年主要预期目标", "2024年重点工作", "扩大有效投资"]
    assert list(s.sections.role) == ["targets", "plans", "plans"]


def test_skipped_repeated_numbers_and_space_before_marker():
    t = ("一、工作回顾。（一）抓学习。学习5次。 （二）抓落实。落实10项。（三）抓整改。整改3项。"
         "（三）抓考核。考核2次。（五）抓宣传。宣传8场。二、工作计划。（一）抓项目。开工3个。")
    s, hs = heads(t)
    assert [h[1] for h in hs] == ["工作回顾", "抓学习", "抓落实", "抓整改", "抓考核", "抓宣传", "工作计划", "抓项目"]
    check_cover(t, s)


def test_table_of_contents_copies_are_dropped():
    t = ("目录\n一、过去一年工作回顾……1\n二、今年主要任务……5\n三、政府自身建设……9\n"
         "一、过去一年工作回顾\n经济平稳增长。\n二、今年主要任务\n抓好项目。\n三、政府自身建设\n转变作风。")
    s, hs = heads(t, GWR)
    assert [h[1] for h in hs] == ["过去一年工作回顾", "今年主要任务", "政府自身建设"]
    assert list(s.sections.role) == ["achievements", "plans", "self_building"]
    assert s.sections.start.iloc[0] > t.index("转变") - 60


def test_hint_only_sentence_headings():
    t = ("君东片区2023年工作计划\n坚持项目为王，促投资、强产业，高质量推动发展。立足区位优势，抓好重点项目。\n"
         "坚持民生优先，补短板、强弱项，高水平保障民生。新建幼儿园1所。\n各位代表：")
    hints = frozenset({"君东片区2023年工作计划", "坚持项目为王，促投资、强产业，高质量推动发展。",
                       "坚持民生优先，补短板、强弱项，高水平保障民生。", "各位代表："})
    s, hs = heads(t, {"year": 2023, "report_type": "plan"}, hints)
    assert [h[1] for h in hs] == ["坚持项目为王，促投资、强产业，高质量推动发展", "坚持民生优先，补短板、强弱项，高水平保障民生"]
    assert set(s.sections.role) == {"plans"}
    check_cover(t, s)


def test_bold_lead_phrases_inside_numbered_sections_are_not_headings():
    t = "一、主要成效\n赓续初心学思践悟。\n组织学习8次。\n二、存在不足\n基础薄弱。"
    s, hs = heads(t, FZZF, frozenset({"赓续初心学思践悟。", "一、主要成效", "二、存在不足"}))
    assert [h[1] for h in hs] == ["主要成效", "存在不足"]


def test_fzzf_four_parts_roles():
    t = ("城北镇2023年度法治政府建设情况报告\n一、主要举措和成效\n（一）健全依法决策机制。出台规则1项。\n"
         "二、镇党政主要负责人履行法治建设第一责任人职责情况\n镇长带头学法。\n"
         "三、存在的不足和原因\n执法力量不足。\n四、2024年工作安排\n（一）深化普法。开展宣传。\n"
         "城北镇人民政府\n2024年1月20日")
    s, hs = heads(t, FZZF)
    assert list(s.sections[s.sections.level == 1].role) == ["achievements", "duties", "shortcomings", "plans"]
    ini = initiatives(t, s.sections)
    assert list(ini.title) == ["健全依法决策机制", "深化普法"]
    assert list(ini.role) == ["achievements", "plans"]
    assert list(ini.lead) == ["健全依法决策机制", "深化普法"]
    assert (ini.chars > 0).all()


def test_year_decides_role_by_report_type():
    gwr = "一、2023年工作\n完成投资。\n二、2024年工作\n抓好项目。"
    s, _ = heads(gwr, GWR | {"year": 2024})
    assert list(s.sections.role) == ["achievements", "plans"]
    summ = "一、2023年工作\n完成投资。\n二、2024年工作\n抓好项目。"
    s, _ = heads(summ, SUMMARY)
    assert list(s.sections.role) == ["achievements", "plans"]


def test_vague_title_role_from_body():
    t = ("一、2023年工作回顾\n经济增长5%。\n二、2024年经济社会发展总体要求和政策取向\n今年发展主要预期目标是：经济增长5%左右。\n"
         "三、2024年政府工作任务\n（一）扩大内需。")
    s, _ = heads(t, GWR)
    assert list(s.sections[s.sections.level == 1].role) == ["achievements", "targets", "plans"]


def test_glossary_appendix_items_are_not_headings():
    items = "\n".join(f"{i}.术语{i}：指某项政策的简称。" for i in range(1, 21))
    t = ("一、工作回顾\n" + "全年完成各项任务。" * 40 + "\n二、工作安排\n" + "继续推进各项工作。" * 40
         + "\n名词解释\n" + items)
    s, hs = heads(t)
    assert [h[1] for h in hs] == ["工作回顾", "工作安排"]
    check_cover(t, s)


def _report_with_tail(tail):
    """A short county report (three parts, a closing call) followed by ``tail``."""
    body = "全县上下攻坚克难，经济平稳运行，民生持续改善，各项事业取得新进展。" * 12
    return ("各位代表：\n现在，我代表县人民政府向大会报告工作，请予审议。\n一、2024年工作回顾\n" + body
            + "\n二、2025年工作安排\n（一）扩大有效投资\n" + body + "\n（二）办好民生实事\n" + body
            + "\n三、加强政府自身建设\n" + body
            + "\n各位代表！新征程催人奋进，让我们团结一心、苦干实干，为建设美丽新县城而努力奋斗！\n" + tail)


LIVELIHOOD = ("2025年县级十件民生实事\n"
              "坚持尽力而为、量力而行，集中力量办好群众身边的实事。\n"
              "一、提升城乡低保和特困供养保障水平。\n城乡低保标准再提高5%，按时足额发放救助资金。\n"
              "二、扩大普惠托育和养老服务供给。\n新增托位200个，改造提升农村幸福院10所。\n"
              "三、改善农村道路通行条件。\n新建改造农村公路60公里，实施安全防护工程。\n"
              "四、推进老旧小区改造。\n完成老旧小区改造12个，加装电梯30部。\n")


def test_annex_list_after_the_report_is_not_headings():
    # 附件 + a 民生实事 list with its own 一、二、: an annex, not the report's outline
    t = _report_with_tail("附件\n" + LIVELIHOOD)
    s, hs = heads(t, GWR)
    assert hs == [(1, "2024年工作回顾"), (1, "2025年工作安排"), (2, "扩大有效投资"), (2, "办好民生实事"),
                  (1, "加强政府自身建设")]
    check_cover(t, s)
    # numbered annex headers (附件1 / 附件2：…) and a glossary under a longer header line
    t = _report_with_tail("附件1\n" + LIVELIHOOD + "附件2\n《政府工作报告》有关用语注释\n"
                          + "".join(f"{i}.“{n}”：指某项工作的简称。\n" for i, n in enumerate(["两个确保", "三项制度"], 1)))
    assert [h[1] for h in heads(t, GWR)[1]][-1] == "加强政府自身建设"


def test_flat_list_after_the_closing_call_is_not_headings():
    # no 附件 line: a list that restarts at 1 after 各位代表！…奋斗！ is appended to the report
    t = _report_with_tail(LIVELIHOOD)
    s, hs = heads(t, GWR)
    assert [h[1] for h in hs][-1] == "加强政府自身建设" and len(hs) == 5
    check_cover(t, s)
    t = _report_with_tail(LIVELIHOOD.replace("一、", "1.").replace("二、", "2.").replace("三、", "3.")
                          .replace("四、", "4."))
    assert len(heads(t, GWR)[1]) == 5


def test_parts_after_a_mid_report_call_are_kept():
    # a 各位代表，… paragraph ending in 。 inside the last part does not end the body
    body = "全县上下攻坚克难，经济平稳运行，民生持续改善，各项事业取得新进展。" * 12
    t = ("一、2024年工作回顾\n" + body + "\n二、2025年工作安排\n" + body
         + "\n各位代表，做好今年工作意义重大，让我们坚定信心、真抓实干。\n（一）扩大有效投资\n" + body
         + "\n（二）办好民生实事\n" + body)
    assert [h[1] for h in heads(t, GWR)[1]] == ["2024年工作回顾", "2025年工作安排", "扩大有效投资", "办好民生实事"]


def test_no_heading_report_and_empty_text():
    s, hs = heads("本单位全年完成各项工作任务，群众满意度持续提升。")
    assert hs == [] and list(s.passages.role) == ["preamble"]
    s, hs = heads("")
    assert hs == [] and len(s.passages) == 0
    assert list(s.sections.columns[:8]) == ["level", "marker", "title", "role", "start", "end", "parent", "path"]
    assert isinstance(initiatives("", s.sections), pd.DataFrame)


def test_unnumbered_part_titles_whose_numbers_were_lost():
    t = ("2026年某省政府工作报告\n各位代表：\n过去五年工作回顾\n五年来经济总量迈上新台阶。\n"
         "2026年重点工作\n重点抓好三个方面：\n（一）扩大有效需求\n抓好消费。\n（二）建设产业体系\n培育集群。")
    s, hs = heads(t)
    assert hs == [(1, "过去五年工作回顾"), (1, "2026年重点工作"), (2, "扩大有效需求"), (2, "建设产业体系")]
    assert list(s.sections.role) == ["achievements", "plans", "plans", "plans"]
    check_cover(t, s)


def test_decisive_opener_ends_run_in_title_before_a_later_stop():
    # 一是/我中心 open the body even when a 。 follows a few characters later
    t = ("城南区招商服务中心2024年工作总结 一、2024年工作开展情况（一）全方面夯实招商基础一是健全项目台账。"
         "建立在谈项目清单3份，逐项明确责任人。二是完善考评办法。出台考评细则1项。"
         "（二）多渠道拓展客商资源一是加强平台对接。参加推介会8场。"
         "（三）全领域提升服务质效我中心持续优化代办流程，全年代办事项120件。")
    s, hs = heads(t, SUMMARY)
    assert [h[1] for h in hs] == ["2024年工作开展情况", "全方面夯实招商基础", "多渠道拓展客商资源", "全领域提升服务质效"]
    check_cover(t, s)
    assert any(p.startswith("一是健全项目台账。") for p in s.passages.text)
    # a title that merely contains an ordinal-looking word is not cut
    s, hs = heads("（一）坚持统一是前提。全年统一标准5项。\n（二）抓队伍。培训3次。")
    assert [h[1] for h in hs] == ["坚持统一是前提", "抓队伍"]


def test_run_in_title_cut_at_the_length_of_its_siblings():
    # (一) has no punctuation for 40+ characters; its sibling (二) is cut for sure at 一是, so the cut
    # before the verb phrase 深入实施 (a title as long as the sibling's) wins over a longer one
    t = ("二、2025年工作计划（一）全领域推进招商提质深入实施重点产业链招商行动，力争全年签约项目15个以上，储备项目30个。"
         "一是聚焦主导产业。（二）多举措优化营商环境一是完善代办制度。出台制度2项。")
    s, hs = heads(t, SUMMARY)
    assert [h[1] for h in hs] == ["2025年工作计划", "全领域推进招商提质", "多举措优化营商环境"]
    check_cover(t, s)
    assert s.passages.text.iloc[0].startswith("深入实施重点产业链")


def test_stop_ended_lead_sentence_after_short_parallel_titles_is_body():
    # siblings are short titles cut for sure; (二) runs into a lead sentence ending in 。, which is body
    t = ("一、2023年工作回顾（一）全力以赴稳住农业基本盘一是稳定粮食面积。全年粮食产量12万吨。"
         "（二）加快推进园区平台建设招商引资取得新的突破。新引进企业20家。"
         "（三）持续深化城乡融合发展扎实推进乡村建设行动。新建村道35公里。"
         "（四）着力补齐民生事业短板我们坚持以人民为中心，新增就业岗位800个。"
         "二、2024年工作安排（一）抓好项目建设。新开工项目10个。")
    s, hs = heads(t, GWR)
    assert [h[1] for h in hs] == ["2023年工作回顾", "全力以赴稳住农业基本盘", "加快推进园区平台建设", "持续深化城乡融合发展",
                                  "着力补齐民生事业短板", "2024年工作安排", "抓好项目建设"]
    check_cover(t, s)
    assert any(p.startswith("招商引资取得新的突破。") for p in s.passages.text)
    # without confidently cut siblings the same 。-ended heading keeps its whole title
    t2 = "一、2023年工作回顾\n（一）加快推进园区平台建设招商引资取得新的突破。新引进企业20家。\n（二）抓好民生。新增就业800人。"
    assert heads(t2, GWR)[1][1] == (2, "加快推进园区平台建设招商引资取得新的突破")


def test_comma_joined_parallel_title_is_not_cut_by_siblings():
    t = ("一、2023年工作回顾（一）经济运行持续回升，发展质量稳步提高。全年生产总值增长6%。"
         "（二）改革开放不断深化，发展活力充分释放。新设经营主体800户。"
         "（三）持续补齐民生短板我们坚持以人民为中心，新增就业岗位800个。"
         "二、2024年工作安排（一）抓好项目建设。新开工项目10个。")
    s, hs = heads(t, GWR)
    assert [h[1] for h in hs][1:4] == ["经济运行持续回升，发展质量稳步提高", "改革开放不断深化，发展活力充分释放", "持续补齐民生短板"]
    check_cover(t, s)


def test_one_line_page_splits_passage_where_the_text_turns_to_problems():
    t = ("一、2024年工作情况（一）全方位强化安全监管一是压实主体责任。签订责任书40份，开展检查120次。"
         "二是深化隐患整治。整改隐患300处。在取得上述成绩的同时，我们也清醒认识到工作中还存在一些短板："
         "一是基层力量偏弱；二是信息化水平不高。\n二、2025年工作计划（一）持续提升监管效能。完善制度2项。")
    s = parse_structure(t, SUMMARY, frozenset())
    texts = list(s.passages.text)
    turn = [p for p in texts if p.startswith("在取得上述成绩的同时")]
    assert turn and turn[0].endswith("信息化水平不高。")
    assert texts[texts.index(turn[0]) - 1].endswith("整改隐患300处。")
    check_cover(t, s)
    # a paragraph of an ordinary report (line breaks kept) stays whole: the guide labels it as one
    t2 = ("一、2024年工作回顾\n全年办结案件45件，群众满意度明显提升。在肯定成绩的同时，我们也清醒看到还存在不少问题。\n"
          "二、2025年工作安排\n抓好三件事。")
    s2 = parse_structure(t2, SUMMARY, frozenset())
    assert list(s2.passages.text)[0].startswith("全年办结案件45件") and "清醒看到" in list(s2.passages.text)[0]


def test_unnumbered_parallel_sentence_part_titles():
    # a one-line plan whose parts are sentences of one shape (X，Y、Z，W。) spread through the text
    filler = "推动重点项目落地见效，持续优化营商环境，切实提升服务企业水平，努力实现年度各项目标。"
    t = ("2025年是关键之年。为完成上述目标，将重点做好以下工作：坚持项目为王，抓招商、促投资，高质量壮大实体经济。" + filler * 2
         + "坚持城乡融合，美村庄、兴产业，高水平建设和美乡村。" + filler * 2
         + "坚持民生优先，补短板、强保障，高标准办好民生实事。" + filler * 2
         + "坚持从严治政，转作风、提效能，高要求加强政府自身建设。" + filler)
    s, hs = heads(t, {"year": 2025, "report_type": "plan"})
    assert [h[1] for h in hs] == ["坚持项目为王，抓招商、促投资，高质量壮大实体经济", "坚持城乡融合，美村庄、兴产业，高水平建设和美乡村",
                                  "坚持民生优先，补短板、强保障，高标准办好民生实事", "坚持从严治政，转作风、提效能，高要求加强政府自身建设"]
    assert set(h[0] for h in hs) == {1}
    assert list(s.sections.role) == ["plans", "plans", "plans", "self_building"]
    check_cover(t, s)
    # two such sentences, or three packed into one paragraph, are body text
    assert heads(filler + "坚持项目为王，抓招商、促投资，高质量壮大实体经济。" + filler * 2 + "坚持城乡融合，美村庄、兴产业，高水平建设和美乡村。")[1] == []
    packed = "坚持项目为王，抓招商、促投资，高质量壮大实体经济。坚持城乡融合，美村庄、兴产业，高水平建设和美乡村。坚持民生优先，补短板、强保障，高标准办好民生实事。"
    assert heads(filler * 3 + packed + filler * 3)[1] == []


def test_closing_part_and_foreign_affairs_roles():
    t = ("一、过去五年的工作回顾\n经济持续增长。\n二、今后五年的主要任务\n稳定增长。\n三、推进政府机构改革\n精简机构。\n"
         "四、关于外交工作\n我们坚持独立自主。\n结束语\n各位代表！让我们团结奋斗。")
    s, hs = heads(t, GWR)
    assert hs[-1] == (1, "结束语")
    assert list(s.sections.role) == ["achievements", "plans", "self_building", "other", "other"]
    check_cover(t, s)
    assert s.passages.text.iloc[-1] == "各位代表！让我们团结奋斗。"


def test_list_restarted_in_appendix_takes_one_role():
    t = ("一、2024年工作回顾\n全年完成投资5亿元。\n二、2025年工作安排\n（一）抓项目。开工10个。\n各位代表！让我们共同奋斗！\n"
         "附件\n2025年市十件民生实事\n一、扩大托育服务供给。\n新增托位500个。\n二、改善农村饮水条件。\n新建水厂2座。\n"
         "三、加强老旧小区改造。\n改造小区30个。")
    s, hs = heads(t, GWR)
    tops = s.sections[s.sections.level == 1]
    assert list(tops.title) == ["2024年工作回顾", "2025年工作安排", "扩大托育服务供给", "改善农村饮水条件", "加强老旧小区改造"]
    assert list(tops.role) == ["achievements", "plans", "plans", "plans", "plans"]
    check_cover(t, s)


def test_comma_joined_title_whose_last_clause_runs_into_a_lead_phrase():
    t = ("一、2023年工作回顾\n全年经济平稳。\n二、2024年工作安排\n"
         "（一）深化园区改革创新，不断提升产业竞争力推动重点园区扩容提质。新建标准厂房20万平方米。\n"
         "（二）坚持生态优先发展，持续擦亮绿色底色，不断改善人居环境。全年植树造林3000亩。\n"
         "（三）办好民生实事，推动民生事业再上新台阶。新增学位2000个。\n")
    s, hs = heads(t, GWR)
    assert [h[1] for h in hs][2:] == ["深化园区改革创新，不断提升产业竞争力", "坚持生态优先发展，持续擦亮绿色底色，不断改善人居环境",
                                      "办好民生实事，推动民生事业再上新台阶"]
    check_cover(t, s)
    assert "推动重点园区扩容提质。新建标准厂房20万平方米。" in list(s.passages.text)
    # a last clause that is a list of parallel phrases (X、Y) stays in the title
    t2 = "（一）紧扣共同富裕，持续在城乡融合上加快步伐、提高实效。全年新增就业800人。\n（二）抓队伍。培训3次。"
    assert heads(t2)[1][0] == (1, "紧扣共同富裕，持续在城乡融合上加快步伐、提高实效")


def test_verb_led_lead_sentence_cut_at_sibling_length_and_list_marker_not_in_title():
    # (二) runs into a lead sentence that opens with a verb (率先实施…); its siblings are cut for sure
    t = ("一、2023年工作回顾（一）全力以赴稳住农业基本盘一是稳定粮食面积。全年粮食产量12万吨。"
         "（二）积极探索城乡融合新路径率先实施“一村一策”，加快补齐乡村设施短板。新建村道35公里。"
         "（三）持续深化城乡融合发展扎实推进乡村建设行动。新建村道35公里。"
         "（四）着力补齐民生事业短板我们坚持以人民为中心，新增就业岗位800个。"
         "二、2024年工作安排（一）抓好项目建设。新开工项目10个。")
    s, hs = heads(t, GWR)
    assert hs[2] == (2, "积极探索城乡融合新路径")
    check_cover(t, s)
    # a numbered item glued to a title (…工作1.强化…) opens the body: the title never ends after 1.
    t2 = ("一、主要成效（一）坚持党建引领，推进从严治党工作1.强化理论学习，坚定理想信念。开展学习12次。"
          "（二）坚持依法行政，提升执法水平一是规范执法程序。办结案件45件。")
    s2, hs2 = heads(t2, SUMMARY)
    assert all(not h[1].endswith(("1.", "1")) for h in hs2)
    assert (2, "坚持党建引领，推进从严治党工作") in hs2


def test_last_clause_length_learned_from_siblings():
    # every title is "A，进一步增强X力" followed by a verb-led lead; the first clauses differ in length, so
    # only the siblings' last clauses (cut at the parallel length) tell where the other titles end
    t = ("一、2024年工作回顾\n全年经济平稳。\n二、2025年工作安排\n"
         "（一）全力建强两岸合作平台，进一步增强区域吸引力推动重点园区扩容提质。新建厂房20万平方米。\n"
         "（二）推进改革攻坚深耕深化，进一步增强发展驱动力加快审批制度改革。压缩时限30%。\n"
         "（三）坚持基础设施建设和产业培育并举，进一步增强发展支撑力全力打好项目攻坚战。开工项目50个。\n"
         "（四）优化城区环境，进一步增强城市承载力完善城市配套设施。新建公园3个。\n")
    s, hs = heads(t, GWR)
    assert [h[1] for h in hs][2:] == ["全力建强两岸合作平台，进一步增强区域吸引力", "推进改革攻坚深耕深化，进一步增强发展驱动力",
                                      "坚持基础设施建设和产业培育并举，进一步增强发展支撑力", "优化城区环境，进一步增强城市承载力"]
    check_cover(t, s)


def test_run_in_title_clause_runs_into_a_lead_sentence_with_commas():
    t = ("一、2023年工作回顾（一）统筹城乡促融合，人居环境持续改善实施老城更新行动，改造老旧小区30个，新建公园5个，"
         "城市面貌焕然一新，群众获得感明显增强，各项工作取得了扎实成效。（二）补齐民生短板，社会事业全面进步我们坚持"
         "以人民为中心，新增就业800人。")
    s, hs = heads(t, GWR)
    assert hs[1] == (2, "统筹城乡促融合，人居环境持续改善")
    check_cover(t, s)
    from govtext.structure.detect import _parallel_clause_cut
    seg = "统筹城乡促融合，人居环境持续改善实施老城更新行动，改造老旧小区30个"
    assert seg[:_parallel_clause_cut(seg, len(seg))] == "统筹城乡促融合，人居环境持续改善"
    # a long second clause with no verb-led lead at the parallel length is all title
    seg = "深化改革开放，加快建设更高水平开放型经济新体制"
    assert _parallel_clause_cut(seg, len(seg)) == 0


def test_self_building_parts_named_by_government_governance_words():
    for title in ("加强政府自身改革和建设", "全面提升政府治理效能", "进一步转变政府职能，加强政风建设"):
        t = f"一、2023年工作回顾\n经济平稳。\n二、2024年主要任务\n抓好项目。\n三、{title}\n严守纪律。"
        s, hs = heads(t, GWR)
        assert list(s.sections.role) == ["achievements", "plans", "self_building"], title


def test_level1_run_in_title_ends_before_an_ideological_lead():
    t = ("一、2023年工作回顾（一）抓项目。开工10个。二、2024年工作安排（一）抓招商。签约5个。"
         "三、坚持党的全面领导，持之以恒加强政府自身建设奋进新征程，责任重大，使命光荣。我们将严守纪律。")
    s, hs = heads(t, GWR)
    assert hs[-1] == (1, "坚持党的全面领导，持之以恒加强政府自身建设")
    check_cover(t, s)


def test_space_ends_title_and_foreign_affairs_part_is_other():
    t = ("一、2023年工作回顾\n经济平稳。\n二、2024年重点工作 做好今年工作，要以改革为动力，以民生为根本。\n"
         "（一）推进改革。深化国企改革。\n三、积极推进祖国和平统一大业\n坚持一国两制。\n四、关于国际形势和外交工作\n"
         "我们坚持和平外交政策。\n（一）开展“平安家园 共建共享”活动，提高群众满意度。成效明显。")
    s, hs = heads(t, GWR)
    tops = s.sections[s.sections.level == 1]
    assert list(tops.title) == ["2023年工作回顾", "2024年重点工作", "积极推进祖国和平统一大业", "关于国际形势和外交工作"]
    assert list(tops.role) == ["achievements", "plans", "plans", "other"]
    # a space inside quotation marks is not a title end
    assert hs[-1] == (2, "开展“平安家园 共建共享”活动，提高群众满意度")
    check_cover(t, s)


def test_year_phrase_inside_title_is_not_a_body_opener():
    t = "一、2023年暨五年来的工作回顾过去一年，我们攻坚克难，各项工作取得新成效。（一）抓项目。开工10个。"
    s, hs = heads(t, GWR)
    assert hs[0] == (1, "2023年暨五年来的工作回顾")


def test_run_in_part_title_ending_in_a_part_word():
    t = ("一、主要工作成效（一）坚持党建引领，激发队伍活力我局始终把党建摆在首位，组织学习12次。"
         "（二）坚持民生优先，补齐服务短板我局新建托育机构3所。\n"
         "二、2025年工作思路认真落实区委部署，聚焦群众急难愁盼问题，持续增进民生福祉，努力提高人民生活品质，推动社会事业"
         "高质量发展，为全区发展大局作出新的更大贡献。\n"
         "（一）优化托育服务，推动普惠托育扩容。新增托位200个。\n"
         "（二）总体要求以新时代思想为指导，坚持稳中求进，统筹发展和安全，扎实做好各项工作。")
    s, hs = heads(t, SUMMARY)
    assert (1, "2025年工作思路") in hs and (2, "总体要求") in hs
    assert list(s.sections.role)[-1] == "plans"
    check_cover(t, s)
    # a part word followed by a short predicate is not cut (政府自身建设不断加强。)
    s2, hs2 = heads("一、回顾\n（一）政府自身建设不断加强。全年培训干部300人次。\n（二）抓民生。新增就业800人。")
    assert hs2[1] == (2, "政府自身建设不断加强")


_PIECES = ["一、", "二、", "三、", "（一）", "（二）", "（三）", "1.", "2、", "（1）", "①", "一是", "我局", "今年以来，",
           "2024年工作总结", "工作思路", "，", "。", "、", "“", "”", "附件", "\n", "结束语", "坚持党建引领", "推动发展",
           "加快建设", "进一步提升吸引力", "在取得成绩的同时，我们也清醒认识到还存在问题", "全年完成5个。", " ", "　",
           "新形势、新任务", "以习近平", "1.强化"]


def test_any_mix_of_markers_and_openers_keeps_the_invariants():
    # property: whatever the cut rules decide, a title is the text between its offsets and every
    # non-space character is in exactly one heading span or passage (nothing cut off a title is lost)
    from hypothesis import given, settings, strategies as st

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.sampled_from(_PIECES), max_size=60), st.sampled_from(["gwr", "summary", "plan", None]))
    def run(parts, rtype):
        t = "".join(parts)
        s = parse_structure(t, {"year": 2024, "report_type": rtype}, frozenset())
        for r in s.sections.itertuples():
            assert 0 <= r.start <= r.title_start <= r.title_end <= r.heading_end <= r.end <= len(t)
            assert t[r.title_start:r.title_end] == r.title
        check_cover(t, s)

    run()


def test_run_in_siblings_with_bold_lead_phrases_of_the_same_length():
    # every title is "A，B" and runs on into a bold lead phrase as long as B before the 。
    t = ("一、2024年工作开展情况（一）坚持党建引领、融合赋能，基层堡垒更加坚强凝心铸魂固本强基。我局组织学习12次。"
         "（二）坚持项目为王、提速增效，产业发展稳中向好招商引资成效明显。新引进企业20家。"
         "（三）坚持民生优先、优质普惠，群众生活持续改善兜底保障有力有效。新增就业800人。"
         "（四）坚持底线思维、守牢防线，安全形势平稳可控矛盾纠纷有效化解。排查隐患60处。"
         "二、2025年工作思路（一）抓项目。开工10个。")
    s, hs = heads(t, SUMMARY)
    assert [h[1] for h in hs][1:5] == ["坚持党建引领、融合赋能，基层堡垒更加坚强", "坚持项目为王、提速增效，产业发展稳中向好",
                                       "坚持民生优先、优质普惠，群众生活持续改善", "坚持底线思维、守牢防线，安全形势平稳可控"]
    check_cover(t, s)
    assert "凝心铸魂固本强基。我局组织学习12次。" in list(s.passages.text)


def test_short_sentence_title_before_its_stop_stays_whole():
    t = ("一、2019年工作回顾（一）经济发展稳中向好。全年增长8%。（二）改革开放纵深推进。推出改革举措60项。"
         "（三）乡村振兴扎实推进。新建示范村20个。二、2020年工作安排（一）抓项目。开工10个。")
    s, hs = heads(t, GWR)
    assert [h[1] for h in hs][1:4] == ["经济发展稳中向好", "改革开放纵深推进", "乡村振兴扎实推进"]


def test_siblings_sharing_a_word_in_their_last_clause():
    # B clauses share 更加 at the same place; the lead phrases differ in length, so only the shared word
    # (not the halves rule) tells where B ends; 红色引擎|更加澎湃 would split the predicate off
    t = ("一、2023年工作开展情况（一）坚持党建引领，红色引擎更加澎湃赓续初心使命。我局组织学习12次。"
         "（二）聚焦执法规范，法治环境更加优化夯实基础规范执法行为。我局完善制度5项。"
         "（三）强化安全监管，底线防线更加牢固筑牢防线守护平安。我局排查隐患60处。二、2024年工作计划（一）深化党建引领。学习12次。")
    s, hs = heads(t, SUMMARY)
    assert [h[1] for h in hs][1:4] == ["坚持党建引领，红色引擎更加澎湃", "聚焦执法规范，法治环境更加优化", "强化安全监管，底线防线更加牢固"]
    check_cover(t, s)


def test_year_part_titles_do_not_set_the_length_of_other_part_titles():
    # 2019年工作回顾 / 2020年工作安排 are cut for sure but have a fixed form: the third part title, not
    # parallel to them, must not be pulled to their length (…加快建设|人民满意的服务型政府)
    t = ("一、2019年工作回顾过去一年，我们攻坚克难。（一）抓项目。开工10个。\n二、2020年工作安排2020年是关键之年。"
         "（一）抓招商。签约5个。\n三、发扬斗争精神，深化有解思维，加快建设人民满意的服务型政府落实“一岛两窗”战略使命，"
         "推动高质量发展，务必压实党建主体责任，持之以恒强化政府自身建设。\n（一）锤炼政治品格。学习12次。")
    s, hs = heads(t, GWR)
    third = s.sections[s.sections.level == 1].iloc[2]
    assert "人民满意的服务型政府" in third.title and third.role == "self_building"


# --- run-in titles cut by the shape of their last clause (detect._runin_tidy) -------------------------

def _titles(text):
    s = parse_structure(text, GWR, frozenset())
    check_cover(text, s)
    return list(s.sections.title)


def test_bare_subject_is_not_cut_from_its_predicate():
    # 社会治理效能|持续提升 and 城市品质|加快建设 would leave a subject without its predicate
    t = ("二、2025年工作安排（一）聚焦产业升级，经济实力稳步提升围绕主导产业补链强链，推动企业技改。"
         "（二）聚焦城乡融合，社会治理效能持续提升平安建设扎实推进，矛盾纠纷化解率提高。"
         "（三）推动文化繁荣，城市品质加快建设突出本地特色，打造文旅品牌。")
    assert _titles(t)[1:] == ["聚焦产业升级，经济实力稳步提升", "聚焦城乡融合，社会治理效能持续提升",
                              "推动文化繁荣，城市品质加快建设"]


def test_title_does_not_end_with_a_verb_waiting_for_its_object():
    t = ("一、工作回顾（一）项目建设提速增效，发展后劲持续增强全年实施重点项目百余个，完成投资超过预期。"
         "（二）城乡建设统筹推进，推动社会治理体系和治理能力现代化坚持系统治理，基层治理更加有效。"
         "（三）改革开放纵深推进，营商环境不断优化深入推进放管服改革，审批时限压缩一半。")
    assert _titles(t)[2] == "城乡建设统筹推进，推动社会治理体系和治理能力现代化"


def test_second_subject_predicate_or_lead_phrase_is_body():
    # a 。-ended title in a run-in list: 公共服务更加均衡 | 持续办好… is the lead phrase
    t = ("二、2025年工作安排（一）聚焦产业升级，经济实力稳步提升围绕主导产业补链强链，推动企业技改。"
         "（二）聚焦民生福祉，公共服务更加均衡持续办好民生实事，完善养老托育服务。")
    assert _titles(t)[2] == "聚焦民生福祉，公共服务更加均衡"


def test_verb_led_title_ends_before_a_later_lead_verb():
    body = "我们攻坚克难，经济平稳运行，民生持续改善，各项事业取得新进展，群众获得感不断增强，社会大局和谐稳定。"
    t = ("一、2024年工作回顾" + body + "二、2025年工作安排" + body
         + "三、勇于担当，加快建设人民满意的法治政府落实“三项制度”要求，" + body)
    assert _titles(t)[2] == "勇于担当，加快建设人民满意的法治政府"


def test_year_inside_a_title_is_not_a_body_opener():
    body = "我们攻坚克难，经济平稳运行，民生持续改善，各项事业取得新进展，群众获得感不断增强，社会大局和谐稳定。"
    for head, title in [("凝心聚力，全力做好2025年工作坚定信心，", "凝心聚力，全力做好2025年工作"),
                        ("乘势而上，扎实做好2025年各项工作做好今年工作意义重大，", "乘势而上，扎实做好2025年各项工作"),
                        ("同心协力，推动2025年各项工作再上新台阶", "同心协力，推动2025年各项工作再上新台阶"),
                        # a cut right before the year (做深做实|2025年工作) moves past the year phrase
                        ("真抓实干，做深做实做成2025年工作行胜于言，", "真抓实干，做深做实做成2025年工作")]:
        t = "一、2024年工作回顾" + body + "二、存在的问题" + body + "三、" + head + body + "四、加强政府自身建设" + body
        assert _titles(t)[2] == title, head


def test_title_cut_before_a_short_fragment_and_comma_is_completed():
    body = "我们攻坚克难，经济平稳运行，民生持续改善，各项事业取得新进展，群众获得感不断增强，社会大局和谐稳定。"
    # 全力|打好… : a title never ends with the verb's adverb; 塑造乡村文化|品牌，… : no body opens with 品牌，
    t = ("一、2024年工作回顾（一）坚持稳中求进，全力打好污染防治攻坚战按照上级部署，" + body
         + "（二）更加注重塑造乡村文化品牌，做优做美滨海旅游带坚持“生态优先、融合发展”方向，" + body
         + "（三）坚持改革创新，激发市场主体活力深入推进放管服改革，" + body)
    got = _titles(t)
    assert got[1] == "坚持稳中求进，全力打好污染防治攻坚战"
    assert got[2].startswith("更加注重塑造乡村文化品牌，")


def test_title_ending_at_a_comma_before_a_body_clause():
    # cut before a 2-character fragment and a comma (…宣传|学习，提高…) with no clear boundary after the
    # comma: the title ends at the comma (returned as minus its offset)
    from govtext.structure import detect
    from govtext.structure.boundary import cut_scores

    seg = ("大力开展干部职工普法宣传学习，提高干部职工对依法行政、依法办事、公正文明执法等各项法治建设工作的"
           "重要性认识，增强")
    heads, _, completions, year_tail, verbs = detect._tidy_words()
    ok = {c for c, _ in cut_scores(seg, 60)}
    got = detect._tidy_longer(seg, seg.index("学习"), ok, heads, completions, year_tail, verbs,
                              detect._bad_title_ends(), 50)
    assert got == -seg.index("，")


def test_verb_led_title_ends_before_a_second_verb_phrase():
    body = "我们攻坚克难，经济平稳运行，民生持续改善，各项事业取得新进展，群众获得感不断增强，社会大局和谐稳定。"
    t = ("三、下一步工作计划（一）强化理论武装筑牢思想根基按照上级部署，" + body
         + "（二）健全内部管理制度规范权力运行深入推进放管服改革，" + body)
    assert _titles(t)[2] == "健全内部管理制度规范权力运行"


def test_short_verb_phrase_ending_a_stopped_title_is_the_lead_sentence():
    # bold lead sentences after run-in titles: …产业体系|发展数字产业。 and …融合发展|促进城乡要素流动。
    body = "加快数字基础设施建设，推进产业园区提档升级，引导企业技术改造，支持企业开展智能化改造和数字化转型。"
    t = ("二、2025年工作安排（一）塑造核心优势，打造高品质的滨海旅游目的地深化打造海岛度假品牌。" + body
         + "（二）打好转型升级硬仗，加快构建现代产业体系发展数字产业。" + body
         + "（三）提升功能品质，不断推进城乡融合发展促进城乡要素流动。" + body
         + "（四）坚持共建共享，努力创造高品质生活着力提升教育质量。" + body)
    got = _titles(t)
    assert got[2:4] == ["打好转型升级硬仗，加快构建现代产业体系", "提升功能品质，不断推进城乡融合发展"]


def test_subject_predicate_title_keeps_its_predicate():
    # a short verb-led tail is a predicate when the title has no verb-led second clause
    t = ("一、主要成效（一）公共资源交易管理规范运行。全年完成交易项目两百余宗，节约资金明显。"
         "（二）商事登记制度改革扎实推进。推行全程网办，办理时限大幅压缩。"
         "（三）台胞台企服务落实落细。设立专窗，提供帮办代办服务。")
    assert _titles(t)[1:] == ["公共资源交易管理规范运行", "商事登记制度改革扎实推进", "台胞台企服务落实落细"]


def test_run_in_cut_before_a_stub_sentence_gives_back_the_lead_verb():
    # a run-in cut …产业体系培育|新兴产业。 leaves a 4-character body sentence: the lead phrase is 培育新兴产业
    from govtext.structure import detect

    seg = "打好转型升级硬仗，加快构建现代产业体系培育新兴产业。加快数字基础设施建设，推进产业园区提档升级。"
    cut = seg.index("新兴")
    ok = detect._LazyCuts(seg, 60)
    assert detect._tidy_stub(seg, cut, ok, detect._tidy_words()[4]) == seg.index("培育")
    # a longer sentence after the cut is body in its own right
    seg2 = "打好转型升级硬仗，加快构建现代产业体系培育新兴产业集群。加快数字基础设施建设。"
    assert detect._tidy_stub(seg2, seg2.index("新兴"), detect._LazyCuts(seg2, 60), detect._tidy_words()[4]) == 0


def test_marker_scan_matches_the_plain_alternation():
    """scan_markers (a leading character class for speed) gives marker_regex().finditer's matches."""
    from govtext.structure.markers import marker_regex, scan_markers

    text = ("第一部分 回顾\n一、（一）1.2.3、（1）①⑵一是\n十二、二十一. 3.5亿 （三）（三十）"
            "第二章12、1２．（２）一一、五证合一、一照一码 20.5% ⑳")
    want = [(m.lastgroup, m.span(), m.group(0), m.groupdict()) for m in marker_regex().finditer(text)]
    got = [(m.lastgroup, m.span(m.lastgroup), m.group(m.lastgroup), m.groupdict()) for m in scan_markers(text)]
    assert got == want and len(got) > 10


def test_cut_scores_narrower_limits_agree_with_a_fresh_computation():
    from govtext.structure import boundary

    s = "坚持党建引领，“红色引擎”更加澎湃（一）我局始终把党建工作放在首位，全年开展学习12次。"
    wide = boundary.cut_scores(s, 40)                  # cached: narrower requests are cut from it
    for limit, min_len in ((40, 4), (12, 4), (30, 6), (5, 2), (60, 1)):
        boundary._SCORED.clear()
        fresh = boundary.cut_scores(s, limit, min_len)
        boundary.cut_scores(s, 40)
        assert boundary.cut_scores(s, limit, min_len) == fresh
    assert wide == boundary.cut_scores(s, 40)


def test_frames_equal_the_plain_constructor():
    from govtext.structure.frames import columns_frame

    cols = {"t": ["甲", "乙"], "n": [1, 2], "u": ["x", None]}
    got = columns_frame(cols, ["t", "n", "u"], frozenset({"n"}), strings="inferred")
    pd.testing.assert_frame_equal(got, pd.DataFrame(cols))
    got = columns_frame({"t": ["甲", "乙"], "n": [1, 2]}, ["t", "n"], frozenset({"n"}), strings="inferred")
    pd.testing.assert_frame_equal(got, pd.DataFrame({"t": ["甲", "乙"], "n": [1, 2]}))
    assert [str(d) for d in got.dtypes] == [str(d) for d in pd.DataFrame({"t": ["甲"], "n": [1]}).dtypes]


def test_first_item_glued_to_a_run_in_title_opens_its_list():
    # one-line page: （一）'s title runs straight into 1., whose title ends at 。; the 1.–3. family is level 3
    # and keeps that level where it sits directly under 二、
    body = "一是抓学习。全年集中学习12次。二是抓培训。培训干部80人次。"
    t = ("2023年，全局上下齐心协力，各项工作稳步推进。一、凝心聚力，2023年各项工作扎实推进（一）坚持党建引领，"
         "推进全面从严治党1.强化理论武装，筑牢思想根基。" + body + "2.加强作风建设，锤炼过硬队伍。" + body
         + "3.夯实基层基础，建强战斗堡垒。" + body + "（二）坚持依法行政，推进执法规范化建设我局始终把规范执法"
         "作为重点，全年办理案件120宗。（三）坚持底线思维，筑牢安全生产防线全年检查企业300家次，整改隐患"
         "560处。二、开拓进取，全力做好2024年工作围绕中心大局，聚焦主责主业。1.深化执法改革。" + body
         + "2.强化队伍建设。" + body)
    s, hs = heads(t, {"year": 2023, "report_type": "summary"})
    assert (3, "强化理论武装，筑牢思想根基") in hs
    assert (3, "加强作风建设，锤炼过硬队伍") in hs
    assert (3, "夯实基层基础，建强战斗堡垒") in hs
    assert (2, "坚持党建引领，推进全面从严治党") in hs
    assert (3, "深化执法改革") in hs and (3, "强化队伍建设") in hs
    check_cover(t, s)


def test_glued_first_item_without_a_sentence_title_is_body():
    # 1. glued to a run-in title but running into its body without a 。 is not taken on that evidence alone
    t = ("（一）优化营商环境，激发市场活力1.深化登记改革全面推行企业开办全程网办，全年新设经营主体7860户，"
         "同比增长9.4%。2.推进个体工商户分类培育建立培育库，新认定个体工商户84户，推动个转企126户。"
         "（二）守牢安全底线，保障食品安全全年抽检食品2700批次，合格率98%。")
    s, hs = heads(t, {"year": 2024, "report_type": "summary"})
    assert [h[0] for h in hs] == [1, 1]


def test_parts_announced_as_the_years_tasks_are_plans():
    t = ("各位代表：\n现在我代表国务院作报告。\n" + "首先报告2001年的工作\n" + "过去一年，经济平稳增长，就业稳定。" * 25
         + "\n今年要着重做好以下三个方面工作。\n一、扩大国内需求\n增加投资。\n二、深化经济体制改革\n推进改革。\n"
         "三、进一步做好外交工作\n我们将继续奉行独立自主的和平外交政策。\n结束语\n让我们团结奋斗。")
    s, hs = heads(t, {"year": 2002, "report_type": "gwr"})
    assert hs[0] == (1, "首先报告2001年的工作")
    assert list(s.sections.role) == ["achievements", "plans", "plans", "plans", "other"]
    check_cover(t, s)
    # without the announcement the diplomacy part stays 'other'
    s2, _ = heads(t.replace("今年要着重做好以下三个方面工作。", "今年任务艰巨。"), {"year": 2002, "report_type": "gwr"})
    assert s2.sections.role.tolist()[3] == "other"


def test_overall_deployment_part_holding_the_targets_is_targets():
    t = ("一、2013年工作回顾\n经济增长7.7%。\n二、2014年工作总体部署\n今年全区发展的主要预期目标是：地区生产总值增长6.5%左右。\n"
         "三、2014年重点工作\n推进改革。\n")
    s, _ = heads(t, {"year": 2014, "report_type": "gwr"})
    assert list(s.sections.role) == ["achievements", "targets", "plans"]
    t2 = t.replace("主要预期目标是", "主要目标是").replace("今年全区发展的", "今年全区经济和社会发展的")
    assert list(heads(t2, {"year": 2014, "report_type": "gwr"})[0].sections.role) == ["achievements", "targets", "plans"]


def test_standalone_ordinal_title_lines_are_sub_part_headings():
    # 第一，… alone on its line (no sentence end), followed by its own paragraphs, in a run 第一, 第二 …
    t = ("一、过去一年的主要进展\n过去一年，经济运行总体平稳。\n"
         "第一，农业生产稳步发展，农民收入继续增加\n粮食总产量比上年增长3%。棉花、油料也有增产。\n"
         "第二，工业结构有所改善，轻工业发展较快\n轻工业产值增长12%。\n"
         "二、明年的主要任务\n要继续做好调整工作。\n"
         "第一，大力节约能源，开展技术改造\n在能源方面，将采取以下措施：\n加快煤矿建设。\n"
         "第二、进一步调整机械工业结构\n机械工业要面向农业和轻工业。\n")
    s, hs = heads(t, {"year": 1980, "report_type": "gwr"})
    assert hs == [(1, "过去一年的主要进展"), (2, "农业生产稳步发展，农民收入继续增加"), (2, "工业结构有所改善，轻工业发展较快"),
                  (1, "明年的主要任务"), (2, "大力节约能源，开展技术改造"), (2, "进一步调整机械工业结构")]
    assert list(s.sections.marker)[1] == "第一，"
    check_cover(t, s)


def test_ordinal_title_lines_holding_their_own_items_nest_them():
    t = ("一、加快经济建设\n要抓好以下几件事。\n第一，全面动员，大办农业\n农业是国民经济的基础。\n"
         "（一）普遍增产粮食\n各地要因地制宜。\n（二）发展多种经营\n要积极发展林牧副渔。\n"
         "第二，加快发展基础工业\n基础工业要先行。\n二、繁荣科学教育事业\n办好学校。\n")
    s, hs = heads(t, {"year": 1978, "report_type": "gwr"})
    assert [h[0] for h in hs] == [1, 2, 3, 3, 2, 1]
    assert hs[4] == (2, "加快发展基础工业")


def test_ordinal_openers_of_sentences_or_lone_ordinals_stay_body():
    # a 第一，-opened paragraph that runs on as a sentence, a title line with 。, a lone 第二 without 第一
    t = ("一、工作回顾\n第一，坚持稳中求进，经济总量稳步提升，全年增长6%。\n第二，坚持改革创新，发展活力不断增强。\n"
         "二、工作安排\n今年要做好以下工作。\n第二，关于农业的增产措施\n要推广良种。\n"
         "第一，严格控制投资规模\n第二，坚决整顿现有企业\n要关停一批亏损企业。\n")
    s, hs = heads(t, {"year": 2024, "report_type": "gwr"})
    assert [h[1] for h in hs] == ["工作回顾", "工作安排"]


def test_part_naming_the_main_indicators_is_targets():
    t = ("一、1980年计划的执行情况\n工业总产值增长8%。\n二、1981年国民经济计划的任务和主要指标\n"
         "根据上述要求，1981年计划主要指标安排如下：工业总产值增长3.7%。\n三、采取有力措施，保证计划的完成\n要节约能源。\n")
    s, _ = heads(t, {"year": 1980, "report_type": "gwr"})
    assert list(s.sections.role) == ["achievements", "targets", "plans"]


def test_parallel_lead_sentences_inside_a_paragraph_are_not_headings():
    # a one-paragraph summary whose stretches open with parallel lead sentences (bold on the page), not announced
    # as a list and not on lines of their own: body text, no headings
    filler = "全年新开工项目12个，完成投资3.2亿元，各项工作稳步推进，群众满意度持续提升，基层治理水平不断提高。"
    t = ("2024年，我们在上级党委政府坚强领导下，团结奋斗，较好完成了全年目标任务。"
         + "坚定不移抓项目、促发展，经济运行呈现新气象。" + filler * 2
         + "久久为功护生态、优环境，城乡面貌展现新变化。" + filler * 2
         + "尽心尽力办实事、解民忧，民生保障取得新进展。" + filler * 2
         + "持之以恒强作风、提效能，自身建设迈出新步伐。" + filler)
    s, hs = heads(t, SUMMARY)
    assert hs == []
    check_cover(t, s)
    # the same sentences standing alone on their lines are part titles
    lines = t.replace("。坚定", "。\n坚定").replace("。久久", "。\n久久").replace("。尽心", "。\n尽心").replace("。持之", "。\n持之")
    for lead in ("新气象。", "新变化。", "新进展。", "新步伐。"):
        lines = lines.replace(lead, lead + "\n")
    assert [h[1] for h in heads(lines, SUMMARY)[1]] == ["坚定不移抓项目、促发展，经济运行呈现新气象", "久久为功护生态、优环境，城乡面貌展现新变化",
                                                     "尽心尽力办实事、解民忧，民生保障取得新进展", "持之以恒强作风、提效能，自身建设迈出新步伐"]


def test_main_goals_and_major_measures_part_is_plans():
    # the coming period's goals and measures are plans; 主要举措 (what was done) stays a review
    t = ("一、过去五年工作回顾\n全区生产总值年均增长6%。\n二、“十五五”时期主要目标和重大举措\n"
         "今后五年，要坚持稳中求进，一是做强产业，二是改善民生。\n三、2026年重点工作\n推进项目建设。\n")
    s, _ = heads(t, {"year": 2026, "report_type": "gwr"})
    assert list(s.sections.role) == ["achievements", "plans", "plans"]
    s2, _ = heads(t.replace("“十五五”时期主要目标和重大举措", "主要举措和成效"), {"year": 2026, "report_type": "gwr"})
    assert s2.sections.role.tolist()[1] == "achievements"
