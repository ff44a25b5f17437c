"""A small hand-made report with every table filled in (no pipeline stage involved).

The notebook displays and the spaCy export are tested on it so that their
tests do not depend on how well the extractors work today. Text written for
this project in the genre of a township rule-of-law report.
"""
from __future__ import annotations

import pandas as pd

from govtext.report import Report

TEXT = (
    "城南镇2024年度法治政府建设情况报告\n"
    "一、主要举措和成效\n"
    "（一）强化法治宣传。全年开展普法活动36场，覆盖群众1.2万人次。\n"
    "（二）化解矛盾纠纷。调处各类纠纷128件，调解成功率98.5%。\n"
    "二、存在的不足\n"
    "部分村居法律顾问作用发挥不够充分，<执法>人员培训不足。\n"
    "三、下一年度工作安排\n"
    "力争全年开展法治讲座40场，新增法治示范村3个。\n"
)


def _at(sub: str, after: int = 0) -> tuple[int, int]:
    s = TEXT.index(sub, after)
    return s, s + len(sub)


def _line_end(pos: int) -> int:
    return TEXT.index("\n", pos)


def synthetic_report() -> Report:
    r = Report(text=TEXT, meta={"title": "城南镇2024年度法治政府建设情况报告", "place": "城南镇",
                                "level": "township", "year": 2024, "report_type": "fzzf"})
    heads = [  # (marker, title, level, role, parent)
        ("一、", "主要举措和成效", 1, "achievements", -1),
        ("（一）", "强化法治宣传", 2, "achievements", 0),
        ("（二）", "化解矛盾纠纷", 2, "achievements", 0),
        ("二、", "存在的不足", 1, "shortcomings", -1),
        ("三、", "下一年度工作安排", 1, "plans", -1),
    ]
    starts = [TEXT.index(m + t) for m, t, *_ in heads]
    rows = []
    for i, (m, t, lvl, role, parent) in enumerate(heads):
        later = [s for s, h in zip(starts, heads) if s > starts[i] and h[2] <= lvl]
        end = later[0] if later else len(TEXT)
        rows.append({"level": lvl, "marker": m, "title": t, "role": role, "start": starts[i], "end": end,
                     "parent": parent, "path": t, "title_start": starts[i] + len(m),
                     "title_end": starts[i] + len(m) + len(t)})
    sections = pd.DataFrame(rows)

    def ind(sub, value, unit, target=False, kind="count", subject=None):
        s, e = _at(sub)
        return {"text": sub, "value": value, "value_max": None, "unit": unit, "approx": False, "qualifier": None,
                "target": target, "change": None, "kind": kind, "subject": subject, "section": None,
                "sentence": None, "start": s, "end": e}

    indicators = pd.DataFrame([
        ind("36场", 36.0, "场", subject="普法活动"),
        ind("1.2万人次", 12000.0, "人次", subject="覆盖群众"),
        ind("128件", 128.0, "件", subject="调处纠纷"),
        ind("98.5%", 98.5, "%", kind="rate", subject="调解成功率"),
        ind("40场", 40.0, "场", target=True, subject="法治讲座"),
        ind("3个", 3.0, "个", target=True, subject="法治示范村"),
    ])

    def pas(sub, label, section):
        s = TEXT.index(sub)
        return {"text": TEXT[s:_line_end(s)], "label": label, "score": 0.9, "source": "test",
                "section": section, "start": s, "end": _line_end(s)}

    passages = pd.DataFrame([
        pas("全年开展普法", "achievement", 1),
        pas("调处各类纠纷", "achievement", 2),
        pas("部分村居", "shortcoming", 3),
        pas("力争全年", "plan", 4),
    ])
    # cached_property is a non-data descriptor: assigning fills the cache.
    r.sections = sections
    r.indicators = indicators
    r.passages = passages
    r.initiatives = sections[sections.level == 2][["title", "role", "level", "start", "end"]].reset_index(drop=True)
    r.sentences = passages.iloc[0:0].copy()
    return r


def synthetic_results():
    """Corpus-style tables (keyed by doc_id) for three places over a few years, made up for tests."""
    reports, sections, passages, indicators = [], [], [], []
    places = {"城南镇": "township", "青溪县": "county", "东关街道": "street"}
    for p_i, (place, level) in enumerate(places.items()):
        for year in (2022, 2023, 2024):
            doc = f"{place}-{year}.txt"
            rt = "gwr" if level == "county" else "fzzf"
            reports.append({"doc_id": doc, "title": f"{place}{year}年度报告", "place": place, "level": level,
                            "year": year, "report_type": rt, "chars": 1000})
            pos = 40
            for role, length, label in (("achievements", 500 - 20 * p_i, "achievement"),
                                        ("shortcomings", 150, "shortcoming"), ("plans", 310 + 20 * p_i, "plan")):
                sections.append({"doc_id": doc, "section": len(sections), "level": 1, "marker": "一、",
                                 "title": role, "role": role, "start": pos, "end": pos + length})
                passages.append({"doc_id": doc, "text": "…", "label": label, "score": 0.9, "source": "test",
                                 "section": 0, "start": pos + 10, "end": pos + length})
                pos += length
            growth = 6.0 + p_i - 0.3 * (year - 2022)
            indicators += [
                {"doc_id": doc, "subject": "地区生产总值", "value": growth, "unit": "%", "target": False,
                 "kind": "rate", "start": 60, "end": 64},
                {"doc_id": doc, "subject": "地区生产总值", "value": growth + 0.5, "unit": "%", "target": True,
                 "kind": "rate", "start": 900, "end": 904},
                {"doc_id": doc, "subject": "化解纠纷", "value": 100 + 10 * year % 7, "unit": "件", "target": False,
                 "kind": "count", "start": 70, "end": 74},
            ]
    return tuple(pd.DataFrame(x) for x in (reports, sections, passages, indicators))
