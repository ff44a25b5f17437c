"""Line layout: repeated pages, lines broken by wiki links, one-line crawled bodies.

The output convention of cleaning is one paragraph per line, no empty lines.

>>> join_broken(["各位代表：", "", "我们在听了", "关于宪法草案的报告", "以后，完成了工作。", "", "二、今后的任务", "", "全年新增就业。", ""])
['各位代表：', '', '我们在听了关于宪法草案的报告以后，完成了工作。', '', '二、今后的任务', '', '全年新增就业。', '']
>>> dedupe_pages(["标题", "第一段正文内容足够长足够长足够长足够长足够长足够长足够长足够长，再写一些文字。", "尾部", "标题", "第一段正文内容足够长足够长足够长足够长足够长足够长足够长足够长，再写一些文字。", "尾部"])
['标题', '第一段正文内容足够长足够长足够长足够长足够长足够长足够长足够长，再写一些文字。', '尾部']
"""
from __future__ import annotations

import re
from functools import lru_cache

SENTENCE_END = tuple("。！？；：!?;:…")
_CONTINUATION_START = tuple("，。、；：）」”』！？,.;:)》")
_OPEN_END = tuple("《“（(「『")
_PARA_IDEO = re.compile(r"(?<=[。！？；：”!?])[ \u3000]*\u3000{2,}[ \u3000]*(?=\S)")
_INNER_SPACE = re.compile(r"[ \u3000]{2,}")
# A title (…工作总结) or a signature/date line is complete on its own even without 。
_TITLE_END = re.compile(r"(?:报告|总结|计划|要点|思路|打算|情况|意见|方案)[）)]?$")
_SIGNATURE = re.compile(r"(?:委员会|人民政府|办事处|管委会|[局委办]|^[（(]?\d{4}年\d{1,2}月\d{1,2}日[）)]?)$")
_MARKER_START = re.compile(r"^(?:第[一二三四五六七八九十]{1,3}[部分章节]|[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．](?!\d))")

# Splits inside crawled one-line bodies (all paragraph breaks lost).
LONG_LINE = 1500
# Each pass starts with a literal or a character class so the scan stays fast on 2 MB lines.
_LONG_PASSES = (
    (re.compile(r"[。！？；：!?][ \u3000]+(?=\S)"), lambda m: m.group(0)[0] + "\n"),  # a space after a sentence end
    (re.compile(r"[。！？：](?=[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十]{1,3}部分)"),
     lambda m: m.group(0) + "\n"),                                                 # a heading after a sentence end
    (re.compile(r"—{1,2}(?=\d{4}年\d{1,2}月\d{1,2}日在)"), lambda m: "\n" + m.group(0)),  # title glued to its delivery line
)
_ADDRESS = re.compile(r"[ \u3000]*各位代表(?=[，：！,:!])")


# Header lines glued together: title + delivery line, delivery line + speaker.
@lru_cache(maxsize=1)
def _header_glue() -> re.Pattern:
    # Compiled on first use: only a delivery line needs it, and its Han classes cost ~1 ms to compile.
    return re.compile(
        r"(?<=报告)\s*(?=[—－]{1,2}\s*\d{4}年\d{1,2}月\d{1,2}日在)"
        r"|(?<=会议上)\s*(?=[\u4e00-\u9fff]{2,16}(?:总理|省长|市长|区长|县长|旗长|主席|主任|镇长|乡长)[\s\u3000]?[\u4e00-\u9fff·]{2,8}$)"
    )


def split_header_glue(line: str) -> list[str]:
    """Split a title glued to its delivery line, or a delivery line glued to the speaker.

    >>> split_header_glue("政府工作报告——2031年3月5日在第十九届全国人民代表大会第一次会议上国务院总理 某某某")
    ['政府工作报告', '——2031年3月5日在第十九届全国人民代表大会第一次会议上', '国务院总理 某某某']
    """
    if len(line) > 200 or "会议上" not in line:
        return [line]
    return [p for p in _header_glue().sub("\n", line).split("\n") if p]


def split_line_paragraphs(line: str) -> list[str]:
    """Split a line at ideographic-space paragraph indents that follow a sentence end."""
    # A break follows a sentence end, so the line's own indentation never holds one.
    if "\u3000\u3000" not in line.lstrip(" \u3000"):
        return [line]
    return _PARA_IDEO.sub("\n", line).split("\n")


def tidy(line: str) -> str:
    """Strip indentation and trailing space; collapse inner runs of spaces to one."""
    s = line.strip(" \u3000")
    if "  " in s or "\u3000" in s:
        s = _INNER_SPACE.sub(lambda m: "\u3000" if set(m.group(0)) == {"\u3000"} and len(m.group(0)) < 2 else " ", s)
    return s


def dedupe_pages(lines: list[str]) -> list[str]:
    """Keep one copy when the whole page repeats k times (near-identical copies).

    The longest line anchors the copies; two consecutive copies must share most
    of their lines. Copy 2 starts where the lines before the anchor stop being
    the page header that copy 1 also has.
    """
    if len(lines) < 3:
        return lines
    longest = max(lines, key=len)
    if len(longest) < 30:
        return lines
    occ = [i for i, l in enumerate(lines) if l == longest]
    if len(occ) < 2:
        return lines
    a = {l for l in lines[occ[0]:occ[1]] if l}
    b = {l for l in lines[occ[1]:occ[2] if len(occ) > 2 else len(lines)] if l}
    if len(a & b) < 0.6 * len(a | b):
        return lines
    header = set(lines[: occ[0]])
    i = occ[1] - 1
    while i > occ[0] and (not lines[i] or lines[i] in header):
        i -= 1
    return lines[: i + 1]


def _blank_separated(lines: list[str]) -> bool:
    nonempty = followed = 0
    for a, b in zip(lines, lines[1:]):
        if a:
            nonempty += 1
            followed += not b
    return nonempty > 4 and followed / nonempty >= 0.5


def _unclosed(s: str) -> bool:
    return s.count("“") > s.count("”") or s.count("《") > s.count("》")


def _closes(s: str) -> bool:
    i, j = s.find("”"), s.find("“")
    k, l = s.find("》"), s.find("《")
    return (i >= 0 and (j < 0 or i < j)) or (k >= 0 and (l < 0 or k < l))


def join_broken(lines: list[str]) -> list[str]:
    """Join sentence pieces that a wiki link or a hard wrap put on separate lines.

    In texts that separate paragraphs by empty lines, lines inside one block
    are joined when the earlier one does not end a sentence. Elsewhere a line
    is joined only when it plainly continues the previous one (starts with
    ，。、 or the previous ends with an opening bracket/quote), or when a
    delivery line (——…在…会议上) was split in two.
    """
    blank = _blank_separated(lines)
    out: list[str] = []
    chained = False  # the previous output line is itself made of joined pieces
    for line in lines:
        if not line:
            out.append(line)
            chained = False
            continue
        prev = out[-1] if out else ""
        block_start = len(out) < 2 or not out[-2]
        join = False
        if prev and not prev.endswith(SENTENCE_END):
            # A block's own first line ending like a title (…工作总结) is a title, unless already a joined piece.
            title_like = block_start and not chained and bool(_TITLE_END.search(prev))
            if blank and not (_MARKER_START.match(prev) and len(prev) <= 40) and not line.startswith(("—", "－")) \
                    and not prev.endswith(("会议上", "会议上）", "会议上)")) \
                    and not title_like and not _SIGNATURE.search(line):
                join = True
            elif line.startswith(_CONTINUATION_START) or prev.endswith(_OPEN_END):
                join = True
            elif _unclosed(prev) and (len(line) <= 12 or _closes(line)):
                join = True  # a quoted name cut by a link: “双向 / 揭榜 / 挂帅”的简称
            elif len(line) <= 4 and len(prev) >= 20 and not _MARKER_START.match(line):
                join = True  # a word-sized fragment after an unfinished sentence
            elif prev.startswith(("—", "－", "(", "（")) and "在" in prev and not prev.endswith("上") and line.endswith(("会议上", "会议上）", "会议上)")) and len(line) <= 30:
                join = True
        if join:
            out[-1] = prev + line
        else:
            out.append(line)
        chained = join
    return out


def split_long(line: str) -> list[str]:
    """Paragraph breaks inside a crawled one-line body (headings after 。, spaces after a sentence)."""
    if len(line) < LONG_LINE:
        return [line]
    for pattern, repl in _LONG_PASSES:
        line = pattern.sub(repl, line)

    def address(m: re.Match) -> str:
        # 各位代表， opening a paragraph; not 请各位代表审议 / 向各位代表.
        before = line[m.start() - 1] if m.start() else "\n"
        if before in "向对请和与" or before == "\n":
            return m.group(0)
        return "\n" + m.group(0).lstrip(" \u3000")

    line = _ADDRESS.sub(address, line)
    return line.split("\n")
