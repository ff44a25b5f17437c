"""Comparison tables across reports: shares, counts, an indicator panel, targets vs outcomes.

Every function takes a :class:`~govtext.corpus.results.Results` and returns a
plain DataFrame keyed by ``doc_id`` (one row per report, in report order).
Subject synonyms (地区生产总值/GDP/生产总值) are folded with
``data/corpus_subjects.tsv`` after stripping the prefixes in
``data/corpus_subject_prefixes.txt`` (全区, 实现, …).

>>> fold_subject("全区GDP"), fold_subject("生产总值"), fold_subject("入户宣传")
('地区生产总值', '地区生产总值', '入户宣传')
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Sequence

import numpy as np
import pandas as pd

if TYPE_CHECKING:  # pragma: no cover
    from .results import Results

#: Vocabulary (DESIGN.md), so share tables have the same columns in every corpus.
ROLES = ("preamble", "achievements", "duties", "shortcomings", "plans", "targets", "self_building", "other")
LABELS = ("achievement", "shortcoming", "plan", "other")
#: Qualifiers that make a target an upper bound (控制在3%以内): met when the outcome is at or below it.
UPPER_BOUND = ("以内", "以下", "不超过", "不高于", "控制在", "低于", "不到", "不足")


def _data_lines(name: str) -> list[str]:
    text = resources.files("govtext.data").joinpath(name).read_text("utf-8")
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def subject_synonyms() -> dict[str, str]:
    """synonym -> canonical subject (every canonical maps to itself)."""
    out: dict[str, str] = {}
    for line in _data_lines("corpus_subjects.tsv"):
        names = [n.strip() for n in line.split("\t") if n.strip()]
        for n in names:
            out.setdefault(n.upper(), names[0])
    return out


@lru_cache(maxsize=1)
def subject_prefixes() -> tuple[str, ...]:
    return tuple(sorted((ln.strip() for ln in _data_lines("corpus_subject_prefixes.txt")), key=len, reverse=True))


@lru_cache(maxsize=65536)
def fold_subject(subject: Any) -> Any:
    """The canonical name of an indicator subject (unchanged when no synonym applies)."""
    if not isinstance(subject, str):
        return subject
    s = subject.strip()
    syn = subject_synonyms()
    if s.upper() in syn:
        return syn[s.upper()]
    stripped, changed = s, True
    while changed:  # 全区实现地区生产总值 -> 地区生产总值
        changed = False
        for p in subject_prefixes():
            if stripped.startswith(p) and len(stripped) > len(p):
                stripped, changed = stripped[len(p):], True
                break
    return syn.get(stripped.upper(), stripped if stripped != s else s)


def _doc_frame(res: "Results") -> pd.DataFrame:
    return res.reports[["doc_id"]].reset_index(drop=True)


def _section_roles(res: "Results") -> pd.Series:
    """Role of each passage from its section (children inherit their top-level role)."""
    p, s = res.passages, res.sections
    if not len(p):
        return pd.Series([], dtype=object)
    if "role" in p.columns and p["role"].notna().all():
        return p["role"]
    roles: dict[tuple, Any] = {}
    if len(s) and "role" in s.columns:
        parent = s["parent"] if "parent" in s.columns else pd.Series([None] * len(s))
        for d, sec, role, par in zip(s["doc_id"], s["section"], s["role"], parent):
            roles[(d, sec)] = (role, par)
    out = []
    for d, sec in zip(p["doc_id"], p["section"]):
        if sec is None or pd.isna(sec) or int(sec) < 0:
            out.append("preamble")
            continue
        role, par, hops = None, int(sec), 0
        while par is not None and not pd.isna(par) and int(par) >= 0 and hops < 50:
            role, par = roles.get((d, int(par)), (None, None))
            if isinstance(role, str) and role:
                break
            hops += 1
        out.append(role if isinstance(role, str) and role else "other")
    return pd.Series(out, index=p.index, dtype=object)


def _shares(res: "Results", keys: pd.Series, vocab: Sequence[str], prefix: str) -> pd.DataFrame:
    p = res.passages
    docs = _doc_frame(res)
    cols = list(vocab)
    if len(p):
        length = (p["end"].astype(float) - p["start"].astype(float)).clip(lower=0)
        tab = pd.DataFrame({"doc_id": p["doc_id"].values, "k": keys.fillna("other").values, "n": length.values})
        wide = tab.pivot_table(index="doc_id", columns="k", values="n", aggfunc="sum", fill_value=0, sort=False)
        cols += [c for c in wide.columns if c not in cols]
        wide = wide.reindex(columns=cols, fill_value=0)
        total = wide.sum(axis=1).replace(0, np.nan)
        wide = wide.div(total, axis=0)
        out = docs.merge(wide.reset_index(), on="doc_id", how="left")
    else:
        out = docs.reindex(columns=["doc_id", *cols])
    out = out.rename(columns={c: f"{prefix}{c}" for c in cols})
    return out.fillna({f"{prefix}{c}": 0.0 for c in cols}).astype({f"{prefix}{c}": float for c in cols})


def role_shares(res: "Results") -> pd.DataFrame:
    """Share of body text (passage characters) by section role, columns ``role_<role>``."""
    return _shares(res, _section_roles(res), ROLES, "role_")


def label_shares(res: "Results") -> pd.DataFrame:
    """Share of body text by passage label, columns ``label_<label>``."""
    p = res.passages
    keys = p["label"] if "label" in p.columns else pd.Series(["other"] * len(p), index=p.index)
    return _shares(res, keys, LABELS, "label_")


def indicator_counts(res: "Results") -> pd.DataFrame:
    """``ind_total``, ``ind_target``, ``ind_outcome``, ``ind_per_10k`` and ``ind_kind_<kind>`` per report."""
    ind, docs = res.indicators, _doc_frame(res)
    out = docs.copy()
    n = ind.groupby("doc_id", sort=False).size() if len(ind) else pd.Series(dtype=int)
    out["ind_total"] = out["doc_id"].map(n).fillna(0).astype(int)
    if "target" in ind.columns and len(ind):
        tgt = ind["target"].fillna(False).astype(bool)
        out["ind_target"] = out["doc_id"].map(ind[tgt].groupby("doc_id").size()).fillna(0).astype(int)
    else:
        out["ind_target"] = 0
    out["ind_outcome"] = out["ind_total"] - out["ind_target"]
    chars = res.reports.set_index("doc_id")["chars"].astype(float).replace(0, np.nan)
    out["ind_per_10k"] = (out["ind_total"] / out["doc_id"].map(chars) * 10_000).fillna(0.0)
    if "kind" in ind.columns and len(ind):
        kinds = ind["kind"].fillna("none").astype(str)
        ct = pd.crosstab(ind["doc_id"], kinds)
        for k in ct.columns:
            out[f"ind_kind_{k}"] = out["doc_id"].map(ct[k]).fillna(0).astype(int)
    return out


def _folded(ind: pd.DataFrame, fold: bool) -> pd.Series:
    subj = ind["subject"] if "subject" in ind.columns else pd.Series([None] * len(ind), index=ind.index)
    return subj.map(fold_subject) if fold else subj


def panel(res: "Results", subjects: Sequence[str], unit: str | dict | None = None, target: bool | None = False,
          fold: bool = True) -> pd.DataFrame:
    """One row per report, one column per subject: the first value the report states for it.

    ``target=False`` takes outcomes only, ``True`` targets only, ``None`` either.
    ``unit`` (one unit, or subject -> unit) keeps only values in that unit; without it
    a ``<subject>_unit`` column says which unit each value is in.

    >>> # res.panel(["地区生产总值"], unit="%")   # GDP growth per report
    """
    ind, docs = res.indicators, _doc_frame(res)
    out = docs.copy()
    keys = [fold_subject(s) if fold else s for s in subjects]
    if not len(ind):
        for k in keys:
            out[k] = np.nan
        return out
    sel = ind.assign(_subj=_folded(ind, fold).values)
    if target is not None and "target" in sel.columns:
        sel = sel[sel["target"].fillna(False).astype(bool) == bool(target)]
    for k in dict.fromkeys(keys):
        u = unit.get(k) if isinstance(unit, dict) else unit
        rows = sel[sel["_subj"] == k]
        if u is not None:
            rows = rows[rows["unit"] == u]
        first = rows.drop_duplicates("doc_id", keep="first").set_index("doc_id")
        out[k] = out["doc_id"].map(first["value"]).astype(float)
        if u is None:
            out[f"{k}_unit"] = out["doc_id"].map(first["unit"])
    return out


def targets_outcomes(res: "Results", on: Sequence[str] = ("place",), lag: int = 1,
                     subjects: Sequence[str] | None = None) -> pd.DataFrame:
    """Targets stated in year t's report beside outcomes stated in year t+lag's report.

    Matched on ``on`` (the place by default), the folded subject and the unit; for
    each report the first target (and the first outcome) per subject and unit is
    used. ``met`` compares the outcome with the target (at or below it when the
    target is a ceiling such as 控制在3%以内).
    """
    on = list(on)
    cols = [*on, "subject", "unit", "target_year", "outcome_year", "target_value", "target_value_max",
            "target_qualifier", "outcome_value", "difference", "met", "target_text", "outcome_text",
            "target_doc_id", "outcome_doc_id", "change"]
    ind = res.indicators
    if not len(ind) or not {"target", "subject", "unit", "value"} <= set(ind.columns):
        return pd.DataFrame(columns=cols)
    meta = res.reports.set_index("doc_id")
    ind = ind.copy()
    for c in ["year", *on]:
        ind[c] = ind["doc_id"].map(meta[c]) if c in meta.columns else None
    ind["year"] = pd.to_numeric(ind["year"], errors="coerce")
    ind["subj"] = _folded(ind, True)
    has_subject = ind["subj"].map(lambda v: isinstance(v, str) and bool(v.strip()))
    ind = ind[has_subject & ind["year"].notna() & ind["value"].notna()]
    for c in on:
        ind = ind[ind[c].notna()]
    if subjects:
        want = {fold_subject(s) for s in subjects}
        ind = ind[ind["subj"].isin(want)]
    tgt_mask = ind["target"].fillna(False).astype(bool)
    key = ["doc_id", "subj", "unit"]
    keep = ["doc_id", *on, "year", "subj", "unit", "value", "value_max", "qualifier", "text", "change"]
    keep = [c for c in keep if c in ind.columns]
    t = ind[tgt_mask].drop_duplicates(key, keep="first")[keep]
    o = ind[~tgt_mask].drop_duplicates(key, keep="first")[keep]
    t = t.assign(_y=t["year"] + lag)
    m = t.merge(o, left_on=[*on, "_y", "subj", "unit"], right_on=[*on, "year", "subj", "unit"],
                suffixes=("_t", "_o"), sort=False)
    if not len(m):
        return pd.DataFrame(columns=cols)
    out = pd.DataFrame({
        **{c: m[c] for c in on},
        "subject": m["subj"], "unit": m["unit"],
        "target_year": m["year_t"].astype(int), "outcome_year": m["year_o"].astype(int),
        "target_value": m["value_t"].astype(float),
        "target_value_max": m["value_max_t"].astype(float) if "value_max_t" in m else np.nan,
        "target_qualifier": m["qualifier_t"] if "qualifier_t" in m else None,
        "outcome_value": m["value_o"].astype(float),
    })
    out["difference"] = out["outcome_value"] - out["target_value"]
    ceiling = out["target_qualifier"].map(lambda q: isinstance(q, str) and any(w in q for w in UPPER_BOUND))
    top = out["target_value_max"].fillna(out["target_value"])
    out["met"] = np.where(ceiling, out["outcome_value"] <= top, out["outcome_value"] >= out["target_value"])
    out["target_text"] = m["text_t"].values if "text_t" in m else None
    out["outcome_text"] = m["text_o"].values if "text_o" in m else None
    out["target_doc_id"] = m["doc_id_t"].values
    out["outcome_doc_id"] = m["doc_id_o"].values
    out["change"] = m["change_t"].values if "change_t" in m else None
    return out[cols].reset_index(drop=True)
