"""Weak supervision: training labels from section roles and strong cue rules, no hand labelling.

A paragraph under a clearly-roled level-1 heading (achievements, duties, shortcomings,
plans, targets, self_building) takes that role's label; a strong cue rule (greeting,
"我们也清醒看到…", "下一步…") overrides it; preamble paragraphs count as ``other`` but only
in reports whose structure found clear roles (otherwise the report says nothing reliable), and
only when short (title, date line, greeting, opening sentence): a long "preamble" paragraph is
usually content under a heading the structure step missed.

>>> import pandas as pd
>>> ps = pd.DataFrame({"text": ["各位代表：", "全年新建道路12公里。", "我们也清醒看到，短板仍然突出。"],
...                    "role": ["preamble", "achievements", "achievements"]})
>>> weak_labels(ps, {"report_type": "gwr"})
[('各位代表：', 'other'), ('全年新建道路12公里。', 'achievement'), ('我们也清醒看到，短板仍然突出。', 'shortcoming')]
"""
from __future__ import annotations

from typing import Mapping

import pandas as pd

from .combine import CLEAR_ROLES
from .cues import ROLE_LABEL, plan_year, strong_match

MIN_CHARS = 6
PREAMBLE_MAX = 120  # a long "preamble" paragraph is usually content the structure step missed


def weak_labels(passages: pd.DataFrame, meta: Mapping | None) -> list[tuple[str, str]]:
    """(text, label) training pairs from one report's structure passages (may be empty)."""
    if passages is None or len(passages) == 0:
        return []
    rtype = (meta or {}).get("report_type")
    next_year = plan_year(meta)
    roles = [r if isinstance(r, str) else "other" for r in passages["role"]]
    if not any(r in CLEAR_ROLES for r in roles):
        return []
    out = []
    for text, role in zip(passages["text"], roles):
        text = str(text).strip()
        hit = strong_match(text, rtype, next_year, role)
        if hit is None and len(text) < MIN_CHARS:
            continue
        if hit is not None:
            out.append((text, hit[0]))
        elif role in CLEAR_ROLES:
            out.append((text, ROLE_LABEL[role]))
        elif role == "preamble" and rtype != "plan" and len(text) <= PREAMBLE_MAX:
            out.append((text, "other"))
    return out
