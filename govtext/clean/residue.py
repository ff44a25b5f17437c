"""Page residue: widget rows, meta/byline rows, breadcrumbs, captions, footers.

Rules live in ``govtext/data/clean_residue.json``. A line is only removed
when it is residue as a whole (short, and matching a rule in full), so a body
sentence that mentions 来源 or 编辑 is never touched.

>>> is_residue_line("【字号："), is_residue_line("来源：北京日报"), is_residue_line("资金来源：省级财政专项补助300万元，已全部拨付到位。")
(True, True, False)
>>> cut_tail(["一、工作回顾", "全年化解纠纷18件。", "相关报道：", "某某报道标题"])
['一、工作回顾', '全年化解纠纷18件。']
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

SENTENCE_END = tuple("。！？；：!?;:…”」』")


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    """Compiled residue rules from ``data/clean_residue.json``."""
    raw = json.loads(resources.files("govtext").joinpath("data/clean_residue.json").read_text(encoding="utf-8"))
    comp = lambda xs: [re.compile(x) for x in xs]  # noqa: E731
    # One alternation per rule family: a line is tested once, not once per rule.
    strip_anchors = lambda x: x[1:] if x.startswith("^") else x  # noqa: E731
    lines_all = re.compile("|".join(f"(?:{strip_anchors(x).removesuffix('$')})" for x in raw["line_patterns"]))
    signals_all = re.compile("|".join(f"(?P<s{i}>{x})" for i, x in enumerate(raw["multi_label_signals"])))
    # The same alternation without named groups (the parser then inlines them, so re can skip
    # ahead to a signal's first character): it counts matches, a bound on distinct signals.
    signals_any = re.compile("|".join(f"(?:{x})" for x in raw["multi_label_signals"]))
    return {
        "lines_all": lines_all,
        "signals_all": signals_all,
        "signals_any": signals_any,
        # Tested one by one: each opens with a few literal characters that re scans for quickly,
        # which their alternation would not.
        "captions": comp(raw["caption_patterns"]),
        "max_line": raw["max_line_chars"],
        "max_caption": raw["max_caption_chars"],
        "tail_max_chars": raw["tail_max_chars"],
        "tail_max_share": raw["tail_max_share"],
        "widgets": frozenset(raw["widget_lines"]),
        "signal_min": raw["multi_label_min"],
        "inline": comp(raw["inline_patterns"]),
        "prefix": comp(raw["line_prefix_patterns"]),
        "suffix": [(re.compile(x), _needs_space(x)) for x in raw["line_suffix_patterns"]],
        "tail_all": re.compile("|".join(f"(?:{x})" for x in raw["tail_markers"])),
        "labels": frozenset(raw["label_lines"]),
        "seps": frozenset(raw["crumb_separators"]),
    }


def _top_level_bar(pattern: str) -> bool:
    """Whether the regex ``pattern`` has an alternation ``|`` outside every group."""
    depth, i, n = 0, 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":  # skip a character class; a leading ^ and ] are part of it
            i += 1
            i += pattern[i:i + 1] == "^"
            i += pattern[i:i + 1] == "]"
            while i < n and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return True
        i += 1
    return False


def _needs_space(pattern: str) -> bool:
    """True when every match starts with whitespace (the pattern opens with ``\\s`` or ``\\s+``).

    >>> _needs_space(r"\\s+附件下载\\s*$"), _needs_space(r"\\s*附件下载$"), _needs_space(r"\\s+附件|下载")
    (True, False, False)
    """
    return pattern.startswith("\\s") and not pattern.startswith(("\\s*", "\\s?", "\\s{0", "\\s{,")) \
        and not _top_level_bar(pattern)


def _has_space(line: str) -> bool:
    """Whether ``line`` holds a character ``\\s`` matches: every one but the space is unprintable."""
    return " " in line or not line.isprintable()


def is_residue_line(line: str) -> bool:
    """True when the whole (stripped) line is page residue."""
    s = line.strip()
    if not s:
        return False
    if len(s) > rules()["max_caption"]:
        return False
    return _short_residue(s)


@lru_cache(maxsize=8192)
def _short_residue(s: str) -> bool:
    r = rules()
    if s in r["widgets"]:
        return True
    if len(s) <= r["max_line"]:
        if r["lines_all"].fullmatch(s):
            return True
        if len(r["signals_any"].findall(s)) >= r["signal_min"] \
                and len({m.lastgroup for m in r["signals_all"].finditer(s)}) >= r["signal_min"]:
            return True
    return any(p.search(s) for p in r["captions"])


def strip_inline(line: str) -> str:
    """Remove residue glued inside a line: jump markers; breadcrumbs/captions/来源 at a long line's ends."""
    r = rules()
    for p in r["inline"]:
        line = p.sub("", line)
    if len(line) > r["max_caption"]:
        for p in r["prefix"]:
            m = p.match(line)
            if m:
                keep = m.groupdict().get("keep")
                line = (keep + "\n" if keep else "") + line[m.end():]
                break
        # Most suffix rules open with whitespace: skip them on a line that has none (a fast test).
        spaced = _has_space(line)
        for p, needs_space in r["suffix"]:
            if spaced or not needs_space:
                line = p.sub("", line, count=1)
    return line


def cut_tail(lines: list[str]) -> list[str]:
    """Drop the page footer: from the first footer marker in the text's short last part to the end."""
    r = rules()
    total = sum(map(len, lines))
    allowed = min(r["tail_max_chars"], max(r["tail_max_share"] * total, 400))
    acc = 0
    cut = None
    for i in range(len(lines) - 1, -1, -1):
        acc += len(lines[i])
        if acc > allowed:
            break
        s = lines[i].strip()
        if s and r["tail_all"].match(s):
            cut = i
    # The footer is never the first half of the text (a short page's header has 来源/时间 rows too).
    if cut is None or sum(map(len, lines[:cut])) < total / 2:
        return lines
    # Link titles just above a related-links footer (历年…报告 above 相关链接) go with it.
    k, moved = cut, 0
    while lines[cut].strip().startswith("相关") and k > 0 and moved < 3:
        s = lines[k - 1].strip()
        if not s:
            k -= 1
            continue
        if len(s) <= 30 and not s.endswith(SENTENCE_END) and not _SIGNATURE_LINE.search(s):
            k -= 1
            moved += 1
            continue
        break
    return lines[:k]


_BODY_START = re.compile(r"^(?:第[一二三四五六七八九十]{1,3}[部分章]|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])")
# The closing signature block (issuing body, date) is content, never footer residue.
_SIGNATURE_LINE = re.compile(r"(?:委员会|人民政府|办事处|管委会|管理局|[局委办厅院])$|^[（(]?(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[）)]?$")
_PUNCT = re.compile(r"[。，；：！？,;!?]")


def drop_split_rows(lines: list[str]) -> list[str]:
    """Blank out page rows split one item per line: a label and its value, breadcrumb items.

    >>> drop_split_rows(["首页", ">", "要闻", "要闻", "来源：", "四川日报", "各位代表："])
    ['', '', '', '', '', '', '各位代表：']
    """
    r = rules()
    idx = [i for i, l in enumerate(lines) if l]
    drop = [False] * len(lines)
    for k, i in enumerate(idx):
        s = lines[i].strip()
        if s in r["labels"] and k + 1 < len(idx):
            j = idx[k + 1]
            v = lines[j].strip()
            if len(v) <= 20 and not _PUNCT.search(v):
                drop[i] = drop[j] = True
        elif s in r["seps"]:
            drop[i] = True
            for kk in (k - 1, k + 1):
                if 0 <= kk < len(idx):
                    j = idx[kk]
                    v = lines[j].strip()
                    if len(v) <= 15 and not _PUNCT.search(v):
                        drop[j] = True
            if k + 2 < len(idx) and drop[idx[k + 1]] and lines[idx[k + 2]] == lines[idx[k + 1]]:
                drop[idx[k + 2]] = True
    return ["" if d else l for l, d in zip(lines, drop)]


def drop_repeated_header(lines: list[str], window: int = 20) -> list[str]:
    """Within the first lines, drop a short line that repeats an earlier one (title shown twice)."""
    seen: set[str] = set()
    out = []
    count = 0
    in_header = True
    for line in lines:
        if line and in_header:
            count += 1
            # The header ends where the body begins: the address, a first heading, a long paragraph.
            if count > window or len(line) > 60 or line.startswith(("各位代表", "同志们")) or _BODY_START.match(line):
                in_header = False
            elif line in seen:
                continue
            else:
                seen.add(line)
        out.append(line)
    return out


def drop_trailing_summary(lines: list[str], max_lines: int = 3) -> list[str]:
    """Drop a page summary after the report: its title again plus the opening words.

    Only when one of the last lines repeats the text's first line (the title) and
    every line after it is found in the text's opening.

    >>> drop_trailing_summary(["某县2024年工作总结", "各位代表：", "现在我报告工作。", "全文完。", "某县2024年工作总结", "各位代表：现在我报告工作。"])
    ['某县2024年工作总结', '各位代表：', '现在我报告工作。', '全文完。']
    """
    idx = [i for i, l in enumerate(lines) if l]
    if len(idx) < 5:
        return lines
    title = lines[idx[0]]
    tail = idx[-max_lines:]
    t = next((i for i in tail if lines[i] == title and i != idx[0]), None)
    if t is None:
        return lines
    head = "".join("".join(lines[i] for i in idx[:12] if i < t).split())
    if all("".join(lines[i].split()) in head for i in idx if i > t):
        return lines[:t]
    return lines


_ARCHIVER_TITLE = re.compile(r"^标题\s*[:：]\s*(\S.{1,80})$")
_ARCHIVER_BODY = re.compile(r"^={3,}\s*正文\s*={3,}$")


def archiver_title(lines: list[str], window: int = 15) -> str | None:
    """The 标题: value of an archiver's header block (标题/发布时间/… ==== 正文 ====), if any.

    >>> archiver_title(["标题: 某局2024年工作总结", "发布时间: 2025-01-02", "==================== 正文 ====================", "正文"])
    '某局2024年工作总结'
    """
    head = [l for l in lines[:window] if l]
    if not any(_ARCHIVER_BODY.match(l) for l in head):
        return None
    for l in head:
        m = _ARCHIVER_TITLE.match(l)
        if m:
            return m.group(1).strip()
    return None
