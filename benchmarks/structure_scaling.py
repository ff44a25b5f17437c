"""Linear-time check for govtext.structure on pathological input (a benchmark, not a test).

    python benchmarks/structure_scaling.py

Builds (1) a report written as ONE line (~1 MB and ~2 MB) with run-in headings and long bodies, and
(2) a report with 10,000 and 20,000 headings on their own lines, (3) a one-line report with no markers
(parallel-sentence part titles, a problem-turn cue in every paragraph), (4) one line holding one list of
thousands of same-family markers; times parse_structure on each size and
prints the doubling ratio (about 2.0 = linear).
"""
from __future__ import annotations

import time

from govtext.structure import parse_structure

CN = "一二三四五六七八九十"


def cn(n: int) -> str:
    if n <= 10:
        return CN[n - 1] if n < 10 else "十"
    t, u = divmod(n, 10)
    return (CN[t - 1] if t > 1 else "") + "十" + (CN[u - 1] if u else "")


def one_line(target: int) -> str:
    """One long line: parts 一、… with run-in （n） headings and body sentences, no line breaks."""
    body = "我局始终坚持问题导向，全年开展专项检查十二次，整改问题三十余处，群众满意度持续提升。" * 6
    out, size, part = [], 0, 0
    while size < target:
        part += 1
        chunk = [f"第{cn((part - 1) // 50 % 99 + 1)}部分 重点工作。" if part % 50 == 1 else ""]
        chunk.append(f"{cn((part - 1) % 50 + 1)}、第{part}方面工作开展情况")
        for k in range(1, 9):
            chunk.append(f"（{cn(k)}）强化第{k}项重点任务，推动工作提质增效{body}")
        s = "".join(chunk)
        out.append(s)
        size += len(s)
    return "".join(out)


def many_headings(n: int) -> str:
    """n headings on their own lines in three families, each with a short body line."""
    lines, k, top = [], 0, 0
    while k < n:
        top += 1
        if top % 50 == 1:
            lines.append(f"第{cn((top - 1) // 50 % 99 + 1)}部分 第{top}至{top + 49}项")
            k += 1
        lines.append(f"{cn((top - 1) % 50 + 1)}、第{top}部分工作")
        lines.append("本部分概述。")
        k += 1
        for j in range(1, 8):
            lines.append(f"（{cn(j)}）抓好第{top}部分第{j}项工作")
            lines.append(f"{j}.细化第{top}部分第{j}项措施")
            lines.append("全年完成任务五项，整改问题三处。")
            k += 2
    return "\n".join(lines)


def unnumbered_line(target: int) -> str:
    """One line with no markers: parallel sentence part titles, problem-turn cues in every paragraph."""
    filler = "推动重点项目落地见效，持续优化营商环境，切实提升服务企业水平，努力实现年度各项目标。在取得成绩的同时，我们也清醒认识到还存在短板。"
    sent = "坚持项目为王，抓招商、促投资，高质量壮大实体经济。"
    unit = sent + filler * 3
    return unit * (target // len(unit))


def one_sibling_list(target: int) -> str:
    """One line, one list of thousands of same-family run-in markers (the sibling passes see one group)."""
    item = "（二）坚持党建引领、融合赋能，基层堡垒更加坚强凝心铸魂固本强基。全年学习多次，开展活动多次。"
    return "一、工作回顾" + item * (target // len(item))


def timed(text: str) -> tuple[float, int]:
    best = float("inf")
    for _ in range(2):
        t0 = time.perf_counter()
        s = parse_structure(text, {"year": 2024, "report_type": "summary"}, frozenset())
        best = min(best, time.perf_counter() - t0)
    return best, len(s.sections)


def main() -> None:
    cases = [("one-line report", one_line, 1_000_000), ("many headings", many_headings, 10_000),
             ("unnumbered line", unnumbered_line, 1_000_000), ("one sibling list", one_sibling_list, 250_000)]
    for name, build, n in cases:
        a, b = build(n), build(2 * n)
        ta, ha = timed(a)
        tb, hb = timed(b)
        print(f"{name:16s} N: {len(a):>9,d} chars {ha:>6,d} headings {ta:7.2f}s | "
              f"2N: {len(b):>9,d} chars {hb:>6,d} headings {tb:7.2f}s | ratio {tb / ta:4.2f}")


if __name__ == "__main__":
    main()
