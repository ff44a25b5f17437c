"""Readers: encodings, HTML, .docx, .pdf and format sniffing, on small texts written for these tests."""
from __future__ import annotations

import io

import pytest

import govtext
from govtext.io import load, sniff

TEXT = (
    "青山镇2024年工作总结\n"
    "一、主要成效\n"
    "全年新建村级便民服务站6个，受理群众诉求412件，办结率达到98.5%。\n"
    "二、存在问题\n"
    "基层治理力量仍然不足，部分村居服务设施老化。"
)
TRAD = (
    "青山鎮2024年工作總結\n"
    "一、主要成效\n"
    "全年新建村級便民服務站6個，受理群眾訴求412件，辦結率達到98.5%。\n"
    "二、存在問題\n"
    "基層治理力量仍然不足，部分村居服務設施老化。"
)


@pytest.mark.parametrize(
    "encoding, text",
    [
        ("utf-8", TEXT),
        ("utf-8-sig", TEXT),
        ("gbk", TEXT),
        ("gb18030", TEXT),
        ("big5", TRAD),
        ("utf-16", TEXT),      # with BOM
        ("utf-16-le", TEXT),   # without BOM
        ("utf-16-be", TEXT),   # without BOM
    ],
)
def test_encodings_round_trip(tmp_path, encoding, text):
    p = tmp_path / f"report-{encoding}.txt"
    p.write_bytes(text.encode(encoding))
    assert load(p).raw == text


def test_short_gbk_and_markdown(tmp_path):
    p = tmp_path / "note.md"
    p.write_bytes("一、概况".encode("gbk"))
    assert load(p).raw == "一、概况"


def test_crlf_and_path_kept(tmp_path):
    p = tmp_path / "crlf.txt"
    p.write_bytes(TEXT.replace("\n", "\r\n").encode("utf-8"))
    loaded = load(p)
    assert loaded.path == str(p)
    assert govtext.read(p).text == TEXT


PAGE = """<!DOCTYPE html><html><head><meta charset="gbk">
<meta name="ArticleTitle" content="青山镇2024年工作总结"/>
<meta name="PubDate" content="2025-01-08 09:30"/>
<meta name="ContentSource" content="青山镇人民政府"/>
<title>工作总结_青山镇</title>
<style>.x{color:red}</style><script>var a = "一、不是正文";</script>
</head><body>
<div class="header"><a href="/">首页</a> 菜单</div>
<div class="article_title">青山镇2024年工作总结</div>
<div class="article_content"><div class="TRS_Editor">
<p class="MsoNormal"><span style="font-family:黑体">一、主要成效</span></p>
<p><!--[if !supportLists]--><b><span style="font-family:楷体">（一）</span></b><!--[endif]--><b><span
 style="font-family:楷体">便民服务提质。</span></b><span>全年受理群众诉求</span><span>412</span><span>件，
办结率达到98.5%</span><span>。</span></p>
<p>印发宣传资料<span>260余</span><span>份</span>。<br>新建服务站6个。</p>
<table><tr><td>指标</td><td>完成</td></tr><tr><td>诉求件数</td><td>412</td></tr></table>
<p>&nbsp;</p>
</div></div>
<div class="footer">版权所有 青山镇人民政府</div>
</body></html>"""


def test_html_article_text_hints_and_meta(tmp_path):
    p = tmp_path / "page.html"
    p.write_bytes(PAGE.encode("gbk"))
    loaded = load(p)
    lines = loaded.raw.split("\n")
    assert lines[0] == "青山镇2024年工作总结"          # the page's title, prepended
    assert "一、主要成效" in lines
    assert "（一）便民服务提质。全年受理群众诉求412件，办结率达到98.5%。" in lines
    assert "印发宣传资料260余份。" in lines               # inline runs joined, <br> breaks
    assert "新建服务站6个。" in lines
    assert "指标 完成" in lines and "诉求件数 412" in lines  # table rows
    for junk in ("不是正文", "color", "首页", "版权所有", "supportLists", "菜单"):
        assert junk not in loaded.raw
    assert "一、主要成效" in loaded.hints                 # 黑体 paragraph
    assert "（一）便民服务提质。" in loaded.hints          # leading bold/楷体 run
    assert loaded.page_meta["title"] == "青山镇2024年工作总结"
    assert loaded.page_meta["publish_date"].startswith("2025-01-08")
    assert loaded.page_meta["source"] == "青山镇人民政府"


def test_html_without_known_container_reads_body(tmp_path):
    p = tmp_path / "plain.htm"
    p.write_text("<html><body><nav>导航 首页</nav><h2>一、主要成效</h2><p>全年化解纠纷18件。</p>"
                 "<footer>网站地图</footer></body></html>", encoding="utf-8")
    loaded = load(p)
    assert loaded.raw == "一、主要成效\n全年化解纠纷18件。"
    assert "一、主要成效" in loaded.hints


def _docx(tmp_path, name="report.docx"):
    import docx

    d = docx.Document()
    d.core_properties.title = "青山镇2024年工作总结"
    d.core_properties.author = "青山镇党政办"
    d.add_paragraph("青山镇2024年工作总结", style="Title")
    d.add_heading("一、主要成效", level=1)
    par = d.add_paragraph()
    run = par.add_run("（一）便民服务提质。")
    run.bold = True
    par.add_run("全年受理群众诉求412件。")
    d.add_paragraph("普通段落，不加粗。")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "指标", "完成"
    table.cell(1, 0).text, table.cell(1, 1).text = "诉求件数", "412"
    d.add_paragraph("二、存在问题")
    p = tmp_path / name
    d.save(p)
    return p


def test_docx_paragraphs_tables_hints_props(tmp_path):
    loaded = load(_docx(tmp_path))
    lines = [l for l in loaded.raw.split("\n") if l]
    assert lines == ["青山镇2024年工作总结", "一、主要成效", "（一）便民服务提质。全年受理群众诉求412件。",
                     "普通段落，不加粗。", "指标 完成", "诉求件数 412", "二、存在问题"]
    assert {"一、主要成效", "（一）便民服务提质。"} <= loaded.hints
    assert "普通段落，不加粗。" not in loaded.hints
    assert loaded.page_meta["title"] == "青山镇2024年工作总结"
    assert loaded.page_meta["author"] == "青山镇党政办"


def test_pdf_text_layer(tmp_path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setFont("STSong-Light", 12)
    for i, line in enumerate(["青山镇2024年工作总结", "一、主要成效", "全年受理群众诉求412件。"]):
        c.drawString(72, 800 - 20 * i, line)
    c.showPage()
    c.save()
    p = tmp_path / "report.pdf"
    p.write_bytes(buf.getvalue())
    r = govtext.read(p)
    assert r.text.split("\n") == ["青山镇2024年工作总结", "一、主要成效", "全年受理群众诉求412件。"]


def test_sniffing_wrong_or_missing_extension(tmp_path):
    docx_path = _docx(tmp_path, "misnamed.pdf")           # a .docx named .pdf
    assert "二、存在问题" in load(docx_path).raw
    page = tmp_path / "page_without_extension"
    page.write_text("<html><body><p>一、主要成效</p><p>全年化解纠纷18件。</p></body></html>", encoding="utf-8")
    assert load(page).raw == "一、主要成效\n全年化解纠纷18件。"
    text = tmp_path / "README"
    text.write_bytes(TEXT.encode("gbk"))
    assert load(text).raw == TEXT


def test_sniff_kinds():
    assert sniff(b"%PDF-1.7\n") == "pdf"
    assert sniff(b"\x89PNG\r\n\x1a\n....") is None
    assert sniff("<p>一</p>".encode()) == "html"
    assert sniff("一、概况".encode("gbk")) == "text"


# -- the embedded corpus (corpora/, written by the team in the genre) -----------------
def _corpus_rows():
    import csv

    from conftest import CORPORA

    man = CORPORA / "manifest.csv"
    if not man.is_file():
        return []
    with man.open(encoding="utf-8") as f:
        return [dict(row, path=str(CORPORA / row["file"])) for row in csv.DictReader(f)]


def test_embedded_corpus_reads_with_its_metadata():
    import re

    rows = _corpus_rows()
    if not rows:
        pytest.skip("corpora/manifest.csv not written yet")
    residue = re.compile(r"^(?:打印本页|关闭窗口|【打印本页】|【关闭窗口】|当前位置.*|来源[:：].{0,30}|责任编辑.*|相关报道.*|【字体.*|【字号.*)$", re.M)
    agree = {k: 0 for k in ("title", "place", "level", "year", "report_type", "publish_date")}
    for row in rows:
        r = govtext.read(row["path"])
        assert r.text.strip(), row["file"]
        assert not residue.search(r.text), (row["file"], residue.search(r.text).group(0))
        m = r.meta
        agree["title"] += "".join((m["title"] or "").split()) == "".join(row["title"].split())
        agree["place"] += bool(m["place"]) and (m["place"] in row["place"] or row["place"] in m["place"])
        agree["level"] += m["level"] == row["level"]
        agree["year"] += m["year"] == int(row["year"])
        agree["report_type"] += m["report_type"] == row["report_type"]
        agree["publish_date"] += (m["publish_date"] or "") == row["publish_date"]
    shares = {k: v / len(rows) for k, v in agree.items()}
    assert all(v >= 0.9 for v in shares.values()), shares


def test_utf8_with_a_damaged_byte_still_reads(tmp_path):
    p = tmp_path / "cut.txt"
    p.write_bytes(TEXT.encode("utf-8") + "年".encode("utf-8")[:2])  # cut mid-character
    assert load(p).raw == TEXT


def test_html_body_fallback_drops_link_rows(tmp_path):
    p = tmp_path / "site.html"
    p.write_text('<html><body><ul><li><a href="/">首页</a></li><li><a href="/a">政务公开</a></li></ul>'
                 '<div class="zw"><h2>青山镇2024年工作总结</h2><p>2024年，青山镇坚持稳中求进，详见<a href="/x">附件</a>。</p></div>'
                 '<div class="bottom"><a href="/1">网站地图</a> | <a href="/2">联系我们</a></div></body></html>',
                 encoding="utf-8")
    assert load(p).raw == "青山镇2024年工作总结\n2024年，青山镇坚持稳中求进，详见附件。"


def test_han_quality_counts_common_characters_exactly():
    # The fast count (GB2312 by the codec, others looked up) equals a plain per-character count.
    from govtext.io.decode import SAMPLE, common_han, han_quality

    common = common_han()
    samples = ["政府工作报告", "政府工作報告，鎔基堃", "abc，。", "", "䶮䶮㐀龘一", "ÕþÎñ¹¤×÷±¨¸æ",
               "城东镇2023年度法治政府建设情况报告" * 400, "鎔" * (SAMPLE + 10),
               "&#20013;&#x4e2d;&中文 & 𠀀𪚥龘鎔", "Ａ１＆％，。、·—…€\ufffd\ud800"]
    for text in samples:
        han = [c for c in text[:SAMPLE] if "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"]
        want = (len(han), sum(c in common for c in han) / len(han)) if han else (0, 0.0)
        assert han_quality(text) == want, text[:20]


def test_gb2312_layout_that_han_quality_relies_on():
    # One byte for ASCII only; two bytes >= 0xA1 otherwise, with a lead byte in B0-F7 exactly
    # for the Han characters (U+4E00-9FFF, U+3400-4DBF).
    for cp in range(0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        try:
            b = c.encode("gb2312")
        except UnicodeEncodeError:
            continue
        han = "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"
        if len(b) == 1:
            assert cp < 0x80 and not han
        else:
            assert len(b) == 2 and min(b) >= 0xA1 and (0xB0 <= b[0] <= 0xF7) == han, hex(cp)
