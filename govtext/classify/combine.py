"""Blend the section-role prior, cue evidence and the model into one label per text.

The decision, in order:
1. a strong cue rule (``cues_rules.json`` "strong") decides outright → source ``cue:<rule>``;
2. otherwise ``log prior(role) + cue/time evidence (+ log model probability)`` is compared
   across labels → source ``role`` when the winner is what the section role says,
   ``model`` when the model took part and the winner differs from the role, else ``cues``;
   under a review section a winner ``plan`` needs a word about the future (``plan_marker``),
   else the next best label wins.

>>> lab, score, src = decide(["下一步，我们将继续推进。"], ["achievements"], {"report_type": "fzzf"}, model=False)
>>> lab[0], src[0]
('plan', 'cue:next_step')
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping, Sequence

import numpy as np

from .cues import (LABEL_INDEX, LABELS, PLAN_NEEDS_FUTURE_ROLES, ROLE_LABEL, TextScan, evidence_matrix, load_cues,
                   plan_marker, plan_year, role_prior, strong_matches)

# `other` cues that speak for one sentence only (a merged paragraph may hold more than that)
SPLIT_RULES = frozenset({"thanks", "closing_call", "page_residue"})
NO_STRUCTURE = "no_structure"  # the prior role of every paragraph of a report without any roled section
CLEAR_ROLES = frozenset({"achievements", "duties", "shortcomings", "plans", "targets", "self_building"})


@dataclass(frozen=True)
class Weights:
    """How much each source of evidence counts (log-linear blend)."""

    prior: float = 1.0
    cues: float = 1.0
    model: float = 1.0
    strong_floor: float = 0.85  # confidence reported for a strong-rule decision
    long_other: int = 200       # an `other` cue in a longer paragraph is checked sentence by sentence


WEIGHTS = Weights()


def resolve_model(model):
    """None → the shipped model (or no model if none is shipped); False → rules only;
    a folder path → that model; a loaded model → itself."""
    if model is False:
        return None
    if model is None:
        return _shipped_model()
    if isinstance(model, (str, bytes)) or hasattr(model, "__fspath__"):
        from .model import load_model

        return load_model(model)
    return model


@lru_cache(maxsize=1)
def _shipped_model():
    """The model in ``govtext/model/``, or None when none is shipped (looked for once)."""
    from .model import default_model, default_model_dir

    return default_model() if (default_model_dir() / "model.json").exists() else None


def rule_logits(texts: Sequence[str], priors: np.ndarray, meta: Mapping | None,
                w: Weights = WEIGHTS, scan: TextScan | None = None) -> np.ndarray:
    """Rules-only log scores (n, 4): role prior plus weighted cue and time evidence
    (``scan``: a :class:`~govtext.classify.cues.TextScan` of the texts, if the caller has one)."""
    ev = evidence_matrix(texts, meta, scan)
    return w.prior * np.log(priors) + w.cues * ev


def decide(texts: Sequence[str], roles: Sequence[str], meta: Mapping | None, model=None,
           priors: np.ndarray | None = None, w: Weights | None = None, _split: bool = True,
           _proba: np.ndarray | None = None) -> tuple[list[str], list[float], list[str]]:
    """Label texts; returns (labels, scores, sources). ``priors`` overrides the role priors.

    A long paragraph caught by an ``other`` cue (thanks, closing call …) may be a merged one whose
    main content is something else: it is labelled sentence by sentence and keeps ``other`` only
    when those sentences are most of it (else source ``sentences``). ``_proba``: the model's
    probabilities of the texts, when the caller already has them."""
    w = WEIGHTS if w is None else w
    meta = meta or {}
    rtype = meta.get("report_type")
    next_year = plan_year(meta)
    n = len(texts)
    if n == 0:
        return [], [], []
    if priors is None:
        priors = np.array([role_prior(r, rtype) for r in roles])
    scan = TextScan(texts)  # the cue words of all texts, found once for the evidence and the rules
    hits = strong_matches(texts, rtype, next_year, roles, scan)
    # long paragraphs caught by a one-sentence rule are read sentence by sentence, all in one batch
    split = [i for i, (t, hit) in enumerate(zip(texts, hits))
             if _split and hit is not None and hit[1] in SPLIT_RULES and len(t) > w.long_other]
    sents = _Sentences([texts[i] for i in split])
    m = resolve_model(model)
    if m is not None and _proba is None:  # the model reads the texts and those sentences at once
        _proba = m.proba_for(list(texts) + sents.texts, LABELS)
    z = rule_logits(texts, priors, meta, w, scan)
    if m is not None:
        z = z + w.model * np.log(_proba[:n])
    z -= z.max(axis=1, keepdims=True)
    p = np.exp(z)
    p /= p.sum(axis=1, keepdims=True)
    mixed_at = dict(zip(split, sents.majorities(priors[split], meta, m, w, None if m is None else _proba[n:])))
    # plain Python floats and ints: the loop below indexes no numpy arrays
    best = p.argmax(axis=1)
    _no_plan_without_marker(best, p, texts, roles, hits, meta)
    top, best = p[np.arange(n), best].tolist(), best.tolist()
    labels, scores, sources = [], [], []
    for i, (t, role, hit) in enumerate(zip(texts, roles, hits)):
        if hit is not None:  # (never for a blank text)
            lab, name = hit
            mixed = mixed_at.get(i)
            if mixed is not None:
                labels.append(mixed[0])
                scores.append(mixed[1])
                sources.append("sentences")
                continue
            labels.append(lab)
            scores.append(round(float(max(w.strong_floor, p[i, LABEL_INDEX[lab]])), 4))
            sources.append(f"cue:{name}")
            continue
        if not t.strip():  # nothing to read: the prior alone
            k = int(priors[i].argmax())
            labels.append(LABELS[k])
            scores.append(round(float(priors[i, k]), 4))
            sources.append("role")
            continue
        k = best[i]
        lab = LABELS[k]
        labels.append(lab)
        scores.append(round(top[i], 4))
        if role in CLEAR_ROLES and ROLE_LABEL[role] == lab:
            sources.append("role")
        elif m is not None:
            sources.append("model")
        else:
            sources.append("cues")
    return labels, scores, sources


_PLAN = LABEL_INDEX["plan"]


def _no_plan_without_marker(best: np.ndarray, p: np.ndarray, texts: Sequence[str], roles: Sequence[str],
                            hits: Sequence, meta: Mapping) -> None:
    """Under a review section (achievements, duties), a text the blend calls plan without any word
    about the future (``cues.plan_marker``) takes its best other label instead (in place): the
    genre writes past measures in the same imperative style as plans (深入推进…。持续打好…。).
    The same holds in a report with no section roles at all (``no_structure``), where an obligation
    word (``time.duty_marker``: 必须, 务必 …) also counts: no section says where a review ends."""
    at = [i for i in np.flatnonzero(best == _PLAN).tolist()
          if (roles[i] in PLAN_NEEDS_FUTURE_ROLES or roles[i] == NO_STRUCTURE) and hits[i] is None]
    if not at:
        return
    future = plan_marker(meta)
    duty = load_cues().time["duty_marker"].search
    for i in at:
        # with no section roles at all, an obligation (必须…, 务必…) also speaks for plan
        if not (future(texts[i]) or (roles[i] == NO_STRUCTURE and duty(texts[i]))):
            q = p[i].copy()
            q[_PLAN] = -1.0
            best[i] = int(q.argmax())


class _Sentences:
    """The sentences of some texts, to label them (``majorities``) after the texts themselves."""

    def __init__(self, texts: Sequence[str]):
        from .sentences import sentence_spans

        self.texts: list[str] = []
        self.groups: list[tuple[int, int] | None] = []  # per text: its sentences (None: fewer than 2)
        self.rows: list[int] = []  # per sentence: its text
        for k, text in enumerate(texts):
            spans = sentence_spans(text)
            if len(spans) < 2:
                self.groups.append(None)
                continue
            self.groups.append((len(self.texts), len(self.texts) + len(spans)))
            self.texts += [text[a:b] for a, b in spans]
            self.rows += [k] * len(spans)

    def majorities(self, priors: np.ndarray, meta: Mapping | None, m, w: Weights, proba: np.ndarray | None
                   ) -> list[tuple[str, float] | None]:
        """Per text: (label, share) of its sentences' majority by characters, when it is not
        ``other`` (each sentence labelled on its own, under its text's prior; ``proba``: the
        model's probabilities of the sentences, if already known)."""
        if not self.texts:
            return [None] * len(self.groups)
        labs, _, srcs = decide(self.texts, ["other"] * len(self.texts), meta, model=m if m is not None else False,
                               priors=priors[self.rows], w=w, _split=False, _proba=proba)
        return [None if g is None else
                _majority(self.texts[g[0]:g[1]], carry_forward(labs[g[0]:g[1]], srcs[g[0]:g[1]])[0])
                for g in self.groups]


def _majority(sents: Sequence[str], labs: Sequence[str]) -> tuple[str, float] | None:
    """(label, share) of the label covering most characters, unless it is ``other`` or under half."""
    weight: dict[str, int] = {}
    for s_, lab in zip(sents, labs):
        weight[lab] = weight.get(lab, 0) + len(s_)
    total = sum(weight.values())
    lab = max(weight, key=lambda k: (weight[k], k))
    if lab == "other" or weight[lab] / total < 0.5:
        return None
    return lab, round(weight[lab] / total, 4)


CARRY_LABELS = frozenset({"shortcoming", "plan"})


def carry_forward(labels: Sequence[str], sources: Sequence[str]) -> tuple[list[str], list[str]]:
    """Inside one paragraph, sentences after a strong shortcoming/plan cue ("还存在不少问题：",
    "下一步，") belong to it until another strong cue: "…问题：一是A；二是B；" is all shortcoming.

    >>> carry_forward(["shortcoming", "achievement", "other"], ["cue:clearly_see", "role", "cue:thanks"])
    (['shortcoming', 'shortcoming', 'other'], ['cue:clearly_see', 'cue:clearly_see', 'cue:thanks'])
    """
    labs, srcs = list(labels), list(sources)
    cur = None
    for i, (lab, src) in enumerate(zip(labs, srcs)):
        if src.startswith("cue:"):
            cur = (lab, src) if lab in CARRY_LABELS else None
        elif cur is not None:
            labs[i], srcs[i] = cur
    return labs, srcs
