"""Blend the section-role prior, cue evidence and the model into one label per text.

The decision, in order:
1. a strong cue rule (``cues_rules.json`` "strong") decides outright → source ``cue:<rule>``;
2. otherwise ``log prior(role) + cue/time evidence (+ log model probability)`` is compared
   across labels → source ``role`` when the winner is what the section role says,
   ``model`` when the model took part and the winner differs from the role, else ``cues``.

>>> lab, score, src = decide(["下一步，我们将继续推进。"], ["achievements"], {"report_type": "fzzf"}, model=False)
>>> lab[0], src[0]
('plan', 'cue:next_step')
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy as np

from .cues import LABEL_INDEX, LABELS, ROLE_LABEL, role_prior, strong_match, time_evidence, weak_evidence

CLEAR_ROLES = frozenset({"achievements", "duties", "shortcomings", "plans", "targets", "self_building"})


@dataclass(frozen=True)
class Weights:
    """How much each source of evidence counts (log-linear blend)."""

    prior: float = 1.0
    cues: float = 1.0
    model: float = 1.0
    strong_floor: float = 0.85  # confidence reported for a strong-rule decision


WEIGHTS = Weights()


def resolve_model(model):
    """None → the shipped model (or no model if none is shipped); False → rules only;
    a folder path → that model; a loaded model → itself."""
    if model is False:
        return None
    if model is None:
        from .model import default_model, default_model_dir

        if not (default_model_dir() / "model.json").exists():
            return None
        return default_model()
    if isinstance(model, (str, bytes)) or hasattr(model, "__fspath__"):
        from .model import load_model

        return load_model(model)
    return model


def rule_logits(texts: Sequence[str], priors: np.ndarray, meta: Mapping | None,
                w: Weights = WEIGHTS) -> np.ndarray:
    """Rules-only log scores (n, 4): role prior plus weighted cue and time evidence."""
    ev = np.array([weak_evidence(t) + time_evidence(t, meta) for t in texts]).reshape(len(texts), len(LABELS))
    return w.prior * np.log(priors) + w.cues * ev


def decide(texts: Sequence[str], roles: Sequence[str], meta: Mapping | None, model=None,
           priors: np.ndarray | None = None, w: Weights = WEIGHTS) -> tuple[list[str], list[float], list[str]]:
    """Label texts; returns (labels, scores, sources). ``priors`` overrides the role priors."""
    meta = meta or {}
    rtype = meta.get("report_type")
    n = len(texts)
    if n == 0:
        return [], [], []
    if priors is None:
        priors = np.array([role_prior(r, rtype) for r in roles])
    z = rule_logits(texts, priors, meta, w)
    m = resolve_model(model)
    if m is not None:
        z = z + w.model * np.log(m.proba_for(texts, LABELS))
    z -= z.max(axis=1, keepdims=True)
    p = np.exp(z)
    p /= p.sum(axis=1, keepdims=True)
    labels, scores, sources = [], [], []
    for i, (t, role) in enumerate(zip(texts, roles)):
        hit = strong_match(t, rtype)
        if hit is not None:
            lab, name = hit
            labels.append(lab)
            scores.append(round(float(max(w.strong_floor, p[i, LABEL_INDEX[lab]])), 4))
            sources.append(f"cue:{name}")
            continue
        k = int(p[i].argmax())
        lab = LABELS[k]
        labels.append(lab)
        scores.append(round(float(p[i, k]), 4))
        if role in CLEAR_ROLES and ROLE_LABEL[role] == lab:
            sources.append("role")
        elif m is not None:
            sources.append("model")
        else:
            sources.append("cues")
    return labels, scores, sources
