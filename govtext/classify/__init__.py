"""Passage labels: achievement / shortcoming / plan / other, per paragraph and per sentence.

Each row says what decided it (``source``): ``role`` (the section role's label won the blend of
role prior, cue words and model), ``cue:<rule>`` (a strong rule from
``govtext/data/cues_rules.json``), ``model`` (the learned classifier, with the cue words, overruled
the role), ``cues`` (cue words overruled the role, rules-only mode) or ``sentences`` (a merged
paragraph caught by a one-sentence rule such as thanks, labelled by its sentences' majority).
``score`` is the blended probability of the label (at least 0.85 for a strong rule).

How it decides: ``combine.py``; rules: ``cues.py`` + ``data/cues_rules.json`` (the cue words of
all passages found in one pass by ``wordscan.py``). Under a review section (achievements, duties)
the blend labels a paragraph plan only when it says something about the future (the
``plan_marker`` words, a plan-year word or the plan year): the genre writes past measures in the
imperative style of plans. The model:
``model.py`` + ``features.py`` (shipped in ``govtext/model/``, retrained by ``python -m govtext.train``
from weak labels, ``weak.py``).

>>> import pandas as pd
>>> ps = pd.DataFrame({"text": ["全年化解矛盾纠纷18件。", "下一步，我们将加强普法。"], "section": [0, 0],
...                    "role": ["achievements", "achievements"], "start": [0, 13], "end": [12, 25]})
>>> out = label_passages("", ps, None, {"report_type": "fzzf", "year": 2023}, model=False)
>>> list(out["label"])
['achievement', 'plan']
"""
from __future__ import annotations

from typing import Any, Mapping

import numpy as np
import pandas as pd

from .combine import CLEAR_ROLES, carry_forward, decide
from .cues import LABEL_INDEX, LABELS, ROLE_LABEL, role_prior
from .sentences import sentence_spans

__all__ = ["COLUMNS", "LABELS", "ROLE_LABEL", "label_passages", "label_sentences"]

COLUMNS = ["text", "label", "score", "source", "section", "start", "end", "role"]


def _str_dtype():
    try:
        return pd.StringDtype("python", na_value=np.nan)
    except (TypeError, ValueError):  # older pandas: let the constructor infer
        return None


# the default "str" dtype, Python-backed: no Arrow conversion of every column of every report
_STR = _str_dtype()
_STR_COLUMNS = frozenset({"text", "label", "source", "role"})


def _frame(cols: dict) -> pd.DataFrame:
    """The output table from plain columns (lists / arrays), in COLUMNS order, one construction.
    The text columns are lists of ``str`` (both callers make them so)."""
    data = {}
    for c in COLUMNS:
        v = cols[c]
        if c in _STR_COLUMNS and _STR is not None and isinstance(v, list):
            v = pd.array(v, dtype=_STR)
        elif isinstance(v, list):
            v = np.asarray(v) if v else np.zeros(0, dtype=np.float64 if c == "score" else np.int64)
        data[c] = v
    return pd.DataFrame(data, copy=False)  # (the dict is in COLUMNS order: no reindexing)


def _empty() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in
                         zip(COLUMNS, ["object", "object", "float", "object", "int64", "int64", "int64", "object"])})


def label_passages(text: str, passages: pd.DataFrame, sections: pd.DataFrame | None,
                   meta: Mapping[str, Any] | None, model=None) -> pd.DataFrame:
    """Label every passage; offsets are kept as given.

    ``model``: None = the shipped model, False = rules only, a folder or a loaded model.
    Columns: text, label, score (0–1), source, section, start, end, role.
    """
    if passages is None or len(passages) == 0:
        return _empty()
    # (to_numpy().tolist(): the same values as .tolist(), quicker for Arrow-backed strings)
    texts = [t if isinstance(t, str) else "" for t in passages["text"].to_numpy().tolist()]
    roles = [str(r) if isinstance(r, str) else "other" for r in
             (passages["role"].to_numpy().tolist() if "role" in passages.columns else ["other"] * len(texts))]
    # without any roled section, "preamble" says nothing: use the flatter no-structure prior
    prior_roles = roles if any(r in CLEAR_ROLES for r in roles) else ["no_structure"] * len(roles)
    labels, scores, sources = decide(texts, prior_roles, meta, model=model)
    return _frame({"text": texts, "label": labels, "score": scores, "source": sources,
                   "section": passages["section"].to_numpy(), "start": passages["start"].to_numpy(),
                   "end": passages["end"].to_numpy(), "role": roles})


def label_sentences(text: str, passages: pd.DataFrame, sections: pd.DataFrame | None,
                    meta: Mapping[str, Any] | None, model=None) -> pd.DataFrame:
    """One row per sentence (split on 。！？； and line ends), same columns as passages.

    ``passages`` may be the structure's passages or already labelled ones; a sentence's prior
    is its section role, pulled toward its paragraph's label when that is known.

    >>> ps = pd.DataFrame({"text": ["全年办结案件12件。下一步将加强培训。"], "section": [0],
    ...                    "role": ["achievements"], "start": [0], "end": [19]})
    >>> out = label_sentences("全年办结案件12件。下一步将加强培训。", ps, None, {}, model=False)
    >>> list(zip(out["text"], out["label"]))
    [('全年办结案件12件。', 'achievement'), ('下一步将加强培训。', 'plan')]
    """
    if passages is None or len(passages) == 0:
        return _empty()
    rtype = (meta or {}).get("report_type")
    labels_in = passages["label"].tolist() if "label" in passages.columns else [None] * len(passages)
    roles_in = passages["role"].tolist() if "role" in passages.columns else ["other"] * len(passages)
    no_structure = not any(r in CLEAR_ROLES for r in roles_in)
    rows_t, rows_p, rows_r, rows_pr, rows_sec, rows_s, rows_e, groups = [], [], [], [], [], [], [], []
    prior_cache: dict = {}
    for ptext, sec, s0, e0, role, plab in zip(passages["text"].tolist(), passages["section"].tolist(),
                                              passages["start"].tolist(), passages["end"].tolist(),
                                              roles_in, labels_in):
        s0, e0, ptext = int(s0), int(e0), (ptext if isinstance(ptext, str) else "")
        # offsets into the report text when it is given and agrees, else into the passage text
        use_doc = bool(text) and text[s0:e0] == ptext
        src, base = (text, 0) if use_doc else (ptext, s0)
        spans = sentence_spans(src, s0, e0) if use_doc else sentence_spans(ptext)
        role = role if isinstance(role, str) else "other"
        prior_role = "no_structure" if no_structure else role
        key = (prior_role, plab)
        if key not in prior_cache:
            prior = role_prior(prior_role, rtype)
            if plab in LABEL_INDEX:
                onehot = np.full(len(LABELS), 0.05)
                onehot[LABEL_INDEX[plab]] = 0.85
                prior = np.sqrt(prior * onehot)
                prior = prior / prior.sum()
            prior_cache[key] = prior
        first = len(rows_t)
        for s, e in spans:
            rows_t.append(src[s:e])
            rows_p.append(prior_cache[key])
            rows_r.append(role)
            rows_pr.append(prior_role)
            rows_sec.append(sec)
            rows_s.append(s + base)
            rows_e.append(e + base)
        if len(rows_t) > first:
            groups.append((first, len(rows_t)))
    if not rows_t:
        return _empty()
    labels, scores, sources = decide(rows_t, rows_pr, meta, model=model, priors=np.array(rows_p))
    # a strong shortcoming/plan cue carries over the rest of its paragraph (lists split by ；)
    for a, b in groups:
        labels[a:b], sources[a:b] = carry_forward(labels[a:b], sources[a:b])
    return _frame({"text": rows_t, "label": labels, "score": scores, "source": sources,
                   "section": rows_sec, "start": rows_s, "end": rows_e, "role": rows_r})
