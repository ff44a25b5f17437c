"""Cleaning: each kind of scraped residue, written fresh for these tests, and what must survive."""
from __future__ import annotations

import pytest

from govtext.clean import clean_text, is_residue_line

BODY = [
    "青山镇2024年工作总结",
    "一、主要成效",
    "全年新建村级便民服务站6个，受理群众诉求412件，办结率达到98.5%。",
    "（一）便民服务提质。推行“一窗通办”，群众办事平均用时缩短三成。",
    "二、存在问题",
    "基层治理力量仍然不足，部分村居服务设施老化，资金来源仍以上级补助为主。",
    "三、下一步打算",
    "力争新建服务站3个，群众满意度保持在95%以上。",
]


def lines(text: str) -> list[str]:
    return text.split("\n")


def test_plain_report_is_unchanged():
    assert clean_text("\n".join(BODY)) == "\n".join(BODY)


def test_one_paragraph_per_line_no_blank_lines():
    raw = "\r\n\r\n".join(BODY) + "\r\n\r\n\r\n"
    out = clean_text(raw)
    assert out == "\n".join(BODY)
    assert "\n\n" not in out and "\r" not in out


def test_widget_rows_one_item_per_line():
    raw = "\n".join(["下载", "打印", "全屏", "收藏", "【字号：", "加大", "还原", "减小", "】"] + BODY
                    + ["扫一扫在手机打开当前页", "【", "打印本页", "】", "【", "关闭窗口", "】"])
    assert lines(clean_text(raw)) == BODY


def test_meta_rows_breadcrumbs_and_split_labels():
    raw = "\n".join(["当前位置：", "首页", ">", "政务公开", ">", "工作动态", BODY[0],
                     "来源：", "青山镇人民政府", "发表时间：", "2025-01-08 09:30:12", "阅读量：",
                     "【字体：", "大", "中", "小", "】"] + BODY[1:])
    assert lines(clean_text(raw)) == BODY


def test_source_date_row_and_editor_tail():
    raw = "\n".join([BODY[0], "来源：青山镇 发布时间：2025-01-08 09:30 浏览次数：32 字体：[大 中 小]"] + BODY[1:]
                    + ["（来源：青山日报）", "责任编辑：王小明", "相关报道：", "青山镇召开年度工作会议"])
    assert lines(clean_text(raw)) == BODY


def test_words_like_source_stay_in_body():
    out = clean_text("\n".join(BODY))
    assert "资金来源仍以上级补助为主" in out
    assert not is_residue_line("资金来源：省级财政专项补助300万元，已全部拨付到位。")
    assert not is_residue_line("编辑出版《青山镇志》一部，收藏老照片200余张。")


def test_archiver_header():
    raw = "\n".join(["标题: 青山镇2024年工作总结", "发布时间: 2025-01-08 09:30", "文号: ", "发布机构: 青山镇",
                     "栏目: 年度计划", "原文链接: https://example.org/a/1.htm", "本地目录: a/1",
                     "页面链接与图片详见 links.tsv(同目录)", "==================== 正文 ===================="] + BODY)
    assert lines(clean_text(raw)) == BODY


def test_one_line_crawl_with_breadcrumb_and_source_tail():
    body = "".join(BODY[1:])
    raw = ("当前位置： 首页政务公开年度计划 青山镇2024年工作总结 时间：2025-01-08 09:30 微信 微博 QQ空间 "
           + "各位代表：现在我报告工作。" + body * 20 + " 来源：青山镇人民政府 附件下载")
    out = lines(clean_text(raw))
    assert out[0] == "青山镇2024年工作总结"
    assert out[1] == "各位代表：现在我报告工作。"
    assert any(l.startswith("二、存在问题") for l in out)  # a heading after 。 starts a paragraph
    assert not any("QQ空间" in l or "附件下载" in l or l.startswith("来源") for l in out)


def test_html_comments_escapes_zero_width_nbsp():
    raw = "<!--\n  -->\n<U+00A0>\n\u200b青山镇2024年工作总结<U+00A0>\n一、主要成效\u200d\n全年受理诉求\xa0412件。"
    assert lines(clean_text(raw)) == ["青山镇2024年工作总结", "一、主要成效", "全年受理诉求 412件。"]


def test_full_width_digits_letters_point_but_not_punctuation():
    out = clean_text("全年增长３．５％，新建５Ｇ基站１２个（含ＡＢ类）：完成。")
    assert out == "全年增长3.5％，新建5G基站12个（含AB类）：完成。"


def test_circle_as_zero_and_spaced_digits_and_titles():
    out = lines(clean_text("政 府 工 作 报 告\n一九九○年计划\n本届政府从1 9 9 3 年3 月就职。"))
    assert out == ["政府工作报告", "一九九〇年计划", "本届政府从1993年3月就职。"]


def test_ideographic_indentation_and_paragraph_runs():
    raw = "\u3000\u3000一、主要成效\n\u3000\u3000全年受理诉求412件。\u3000\u3000各位代表！\u3000\u3000新的一年任务艰巨。"
    assert lines(clean_text(raw)) == ["一、主要成效", "全年受理诉求412件。", "各位代表！", "新的一年任务艰巨。"]


def test_wiki_link_breaks_are_joined():
    raw = ("各位代表：\n\n我们在听取了\n关于规划纲要的报告\n并进行了讨论以后，通过了决议。\n\n"
           "一、过去五年的工作\n\n全年受理诉求412件。\n\n政府工作报\n告\n\n")
    assert lines(clean_text(raw)) == ["各位代表：", "我们在听取了关于规划纲要的报告并进行了讨论以后，通过了决议。",
                                     "一、过去五年的工作", "全年受理诉求412件。", "政府工作报告"]


def test_real_headings_are_not_glued():
    raw = "\n".join(BODY)
    assert lines(clean_text(raw)) == BODY
    raw2 = "\n\n".join(["青山镇2024年工作总结", "中共青山镇委员会", "2025年1月8日"] + BODY[1:])
    assert lines(clean_text(raw2))[:3] == ["青山镇2024年工作总结", "中共青山镇委员会", "2025年1月8日"]


def test_photo_caption_and_jump_marker():
    raw = "\n".join([BODY[0], "1月8日，青山镇召开年度工作会议。本报记者 李四 摄"] + BODY[1:3]
                    + ["全年新增就业120人。（下转第四版）（紧接第一版）全年培训农民300人次。"])
    out = lines(clean_text(raw))
    assert out == BODY[:3] + ["全年新增就业120人。全年培训农民300人次。"]


def test_wikisource_licence_tail():
    raw = "\n\n".join(BODY + ["本作品是中华人民共和国的", "法律", "、", "法规", "，属于", "公有领域", "。",
                              "注：维基文库社群认为……", "Public domain", "Public domain", "false", "false"])
    assert lines(clean_text(raw)) == BODY


def test_trailing_summary_repeat_after_footer():
    raw = "\n".join(BODY + ["责任编辑：", "王小明", "扫一扫在手机打开当前页", "打印本页", "关闭窗口",
                            BODY[0], "一、主要成效全年新建村级便民服务站6个。"])
    assert lines(clean_text(raw)) == BODY


def test_repeated_page_keeps_one_copy():
    page = ["<!--", "-->", "当前位置： 首页>> 工作总结", BODY[0], "【字体：大 中 小】"] + BODY[1:] + ["【E-mail推荐", "】", ""]
    raw = "\n".join(page * 6)
    assert lines(clean_text(raw)) == BODY


def test_repeated_single_line_page():
    one = "".join(BODY[1:])
    raw = "\r\r\n  \r\r\n" + one + "\r\r\n \r\r\n" + one + "\r\r\n"
    out = clean_text(raw)
    assert out.count("全年新建村级便民服务站6个") == 1


def test_a_repeated_paragraph_is_not_a_repeated_page():
    longest = max(BODY, key=len)
    other = ["四、其他工作", "全年开展安全生产检查46次，整改隐患131处。", "组织应急演练8场，参与群众1500人次。",
             "五、保障措施", "强化组织领导，压实工作责任，确保各项任务落到实处。"]
    raw = "\n".join(BODY + other + [longest] + other[:2])  # the report quotes one paragraph twice
    out = clean_text(raw)
    assert out.count(longest) == 2
    assert out.count("全年开展安全生产检查46次") == 2


@pytest.mark.parametrize("text", ["", "\n\n", "【字号：\n】"])
def test_empty_results(text):
    assert clean_text(text) == ""


def test_trailing_page_summary_without_footer():
    body = ["青山镇2024年工作总结", "各位代表：", "现在，我代表镇人民政府报告工作。", "一、主要成效", "全年新增就业120人。",
            "二、下一步打算", "力争新增就业150人。"]
    raw = "\n".join(body + ["青山镇2024年工作总结", "各位代表：现在，我代表镇人民政府报告工作。"])
    assert lines(clean_text(raw)) == body


def test_tags_left_in_scraped_text():
    raw = '<p>一、主要成效</p><p>全年<span style="x">新增</span>就业120人。<br/>二、下一步打算</p>'
    assert lines(clean_text(raw)) == ["一、主要成效", "全年新增就业120人。", "二、下一步打算"]


def test_header_parts_glued_together_are_split():
    raw = "新华社北京2024年3月12日电\n政府工作报告——2024年3月5日在江源县第十八届人民代表大会第三次会议上江源县人民政府县长 张三\n各位代表："
    assert lines(clean_text(raw)) == ["政府工作报告", "——2024年3月5日在江源县第十八届人民代表大会第三次会议上",
                                     "江源县人民政府县长 张三", "各位代表："]


def test_archived_page_keeps_its_stated_title():
    raw = ("标题: 青山镇2024年工作总结\n发布时间: 2025-01-08 09:30\n==================== 正文 ====================\n"
           "2024年，青山镇坚持稳中求进。现将工作总结如下：一、主要成效全年新增就业120人。" + "全年培训农民300人次。" * 200)
    out = lines(clean_text(raw))
    assert out[0] == "青山镇2024年工作总结"
    assert out[1] == "2024年，青山镇坚持稳中求进。现将工作总结如下："
    assert out[2].startswith("一、主要成效")


def test_signature_block_before_footer_stays():
    raw = "\n".join(BODY + ["青山镇人民政府", "2025年1月8日", "责任编辑：王五", "相关报道：", "青山镇召开年度工作会议"])
    assert lines(clean_text(raw)) == BODY + ["青山镇人民政府", "2025年1月8日"]


def test_figure_split_by_a_wiki_link_is_joined():
    from govtext.clean import clean_text

    raw = "国内生产总值达到52.8\n\u200b\n万亿元，增长6.1%。\n全年新增就业1100\n万人。"
    assert clean_text(raw) == "国内生产总值达到52.8万亿元，增长6.1%。\n全年新增就业1100万人。"


def test_spaced_decimal_point_is_closed():
    from govtext.clean import clean_text

    assert clean_text("去年经济增长7 ．9 ％，物价上涨1 2 ％。") == "去年经济增长7.9 ％，物价上涨12 ％。"


# Edge cases of the character and spacing passes, pinned to the outputs they had before those
# passes were made faster (one fold pass, literal-first patterns, line-end replaces).
@pytest.mark.parametrize("raw, want", [
    ("１２．５％·3·4 a\r\n\rb\u2028c\x85d\u00a0e\u200bf\tg", "12.5％·3.4 a\n\nb\nc\nd ef g"),
    ("一九九○年 二ＯＯ五年 ○号 Ｏ型 二○ ○○年", "一九九〇年 二OO五年 ○号 O型 二〇 〇〇年"),
    ("3．5 ·5 5· 1·2．3", "3.5 ·5 5· 1.2.3"),
])
def test_normalise_chars_edge_cases(raw, want):
    from govtext.clean.chars import normalise_chars

    assert normalise_chars(raw) == want


@pytest.mark.parametrize("raw, want", [
    ("全年增长74.4 \n\n万亿元，完成目标。", "全年增长74.4万亿元，完成目标。"),
    ("比上年提高5\n%。", "比上年提高5%。"),
    ("其中\n万元户增加。", "其中\n万元户增加。"),  # no figure before the break: kept
    ("共计12\n\n\n万人参加。", "共计12\n万人参加。"),  # two empty lines: not a link break
])
def test_number_breaks(raw, want):
    assert clean_text(raw) == want


@pytest.mark.parametrize("line, want", [
    ("1 9 9 3 年3 月 5 日", "1993年3月5日"),
    ("2024年 3月", "2024年3月"),
    ("数值3 . 5 2", "数值3.5 2"),
])
def test_fix_spacing_edge_cases(line, want):
    from govtext.clean.chars import fix_spacing

    assert fix_spacing(line) == want


def test_paragraph_split_needs_a_sentence_end_not_indentation():
    from govtext.clean.layout import split_line_paragraphs

    assert split_line_paragraphs("\u3000\u3000一、概况。\u3000\u3000二、成效") == ["\u3000\u3000一、概况。", "二、成效"]
    assert split_line_paragraphs("\u3000\u3000只有缩进的一行。") == ["\u3000\u3000只有缩进的一行。"]
    assert split_line_paragraphs("文字。 \u3000\u3000 下一段") == ["文字。", "下一段"]


def test_suffix_residue_needs_the_space_it_starts_with():
    from govtext.clean.residue import strip_inline

    body = "全年化解矛盾纠纷十八件，" * 20
    assert strip_inline(body + " 来源：新华社") == body
    assert strip_inline(body + " 附件下载") == body
    assert strip_inline(body + "来源：新华社") == body + "来源：新华社"
