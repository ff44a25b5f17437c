"""Passage labels. (Placeholder: the label is derived from the section role.)"""
from __future__ import annotations

import pandas as pd

ROLE_LABEL = {"achievements": "achievement", "duties": "achievement", "shortcomings": "shortcoming",
              "plans": "plan", "targets": "plan", "self_building": "plan"}


def label_passages(text, passages, sections, meta, model=None) -> pd.DataFrame:
    out = passages.copy()
    out["label"] = [ROLE_LABEL.get(r, "other") for r in out["role"]]
    out["score"] = 0.5
    out["source"] = "role"
    return out[["text", "label", "score", "source", "section", "start", "end"]]


def label_sentences(text, passages, sections, meta, model=None) -> pd.DataFrame:
    return passages.iloc[0:0].copy()
