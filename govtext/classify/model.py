"""The learned part of the passage classifier: hashed character n-grams -> linear model.

A model folder holds only plain data, so loading one can never run code:

- ``model.json``: format version, classes, vectorizer parameters, training summary;
- ``coef.npy``: float32 array (n_classes, n_features);
- ``intercept.npy``: float32 array (n_classes,).

>>> m = default_model()
>>> sorted(m.classes) == sorted(["achievement", "shortcoming", "plan", "other"])
True
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Sequence

import numpy as np

from ..errors import ModelError
from .features import HASH_NAME, char_ngram_matrix, linear_scores, padded_coef_t

FORMAT = "govtext-passage-model"
FORMAT_VERSION = 1
VECTORIZER_KEYS = ("analyzer", "hash", "ngram_range", "n_features", "alternate_sign", "norm")
DEFAULT_VECTORIZER = {"analyzer": "char", "hash": HASH_NAME, "ngram_range": [2, 3], "n_features": 2 ** 18,
                      "alternate_sign": False, "norm": "sqrt_count"}


@dataclass(eq=False)
class LinearTextModel:
    """A linear classifier over hashed character n-grams."""

    classes: tuple[str, ...]
    coef: np.ndarray
    intercept: np.ndarray
    vectorizer: dict
    info: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        # gathered per n-gram: one row per bucket, transposed once; float32 kept as is (the
        # sums are done in float64 by np.bincount, so the scores are the same as with float64)
        dtype = np.float32 if self.coef.dtype == np.float32 else np.float64
        self._coef_t = padded_coef_t(self.coef.astype(dtype, copy=False))

    def transform(self, texts: Sequence[str]):
        v = self.vectorizer
        return char_ngram_matrix(list(texts), tuple(v["ngram_range"]), int(v["n_features"]), v["norm"])

    def decision(self, texts: Sequence[str]) -> np.ndarray:
        v = self.vectorizer
        return linear_scores(list(texts), self.coef, self.intercept, tuple(v["ngram_range"]), v["norm"],
                             coef_t=self._coef_t)

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Class probabilities, columns in ``self.classes`` order (softmax of the scores).

        >>> p = default_model().predict_proba(["下一步，我们将加快推进项目建设。"])
        >>> p.shape[0], round(float(p.sum()), 6)
        (1, 1.0)
        """
        if len(texts) == 0:
            return np.zeros((0, len(self.classes)))
        z = self.decision(texts)
        if z.shape[1] == 1:  # binary model stored with one row
            z = np.hstack([-z, z])
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def proba_for(self, texts: Sequence[str], labels: Sequence[str]) -> np.ndarray:
        """Probabilities in the given label order (labels the model lacks get a small floor)."""
        p = self.predict_proba(texts)
        out = np.full((len(texts), len(labels)), 1e-3)
        for j, lab in enumerate(labels):
            if lab in self.classes:
                out[:, j] = p[:, self.classes.index(lab)]
        return out / out.sum(axis=1, keepdims=True)


def save_model(model: LinearTextModel, folder: str | os.PathLike) -> Path:
    """Write a model folder (deterministic bytes: same model, same files).

    >>> import tempfile
    >>> d = save_model(default_model(), tempfile.mkdtemp())
    >>> load_model(d).classes == default_model().classes
    True
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    meta = {"format": FORMAT, "format_version": FORMAT_VERSION, "classes": list(model.classes),
            "vectorizer": {k: model.vectorizer[k] for k in VECTORIZER_KEYS},
            "coef_file": "coef.npy", "intercept_file": "intercept.npy",
            "coef_shape": list(model.coef.shape), "info": model.info}
    (folder / "model.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                       encoding="utf-8")
    np.save(folder / "coef.npy", np.ascontiguousarray(model.coef, dtype=np.float32), allow_pickle=False)
    np.save(folder / "intercept.npy", np.ascontiguousarray(model.intercept, dtype=np.float32), allow_pickle=False)
    return folder


def _bad(folder: Path, why: str) -> ModelError:
    return ModelError(folder, f"not a govtext passage model: {why}")


def load_model(folder: str | os.PathLike) -> LinearTextModel:
    """Load a model folder written by :func:`save_model` / ``python -m govtext.train``.

    Raises :class:`govtext.errors.ModelError` when the folder is missing or malformed.

    >>> load_model("/no/such/folder")
    Traceback (most recent call last):
    ...
    govtext.errors.ModelError: /no/such/folder: model folder not found
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise ModelError(folder, "model folder not found")
    try:
        meta = json.loads((folder / "model.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise _bad(folder, "model.json is missing") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _bad(folder, f"model.json is not valid JSON ({exc})") from None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise _bad(folder, "model.json has no govtext format marker")
    if meta.get("format_version") != FORMAT_VERSION:
        raise _bad(folder, f"unsupported format_version {meta.get('format_version')!r}")
    classes = meta.get("classes")
    vec = meta.get("vectorizer")
    if not (isinstance(classes, list) and classes and all(isinstance(c, str) for c in classes)):
        raise _bad(folder, "classes must be a list of label names")
    if not isinstance(vec, dict) or any(k not in vec for k in VECTORIZER_KEYS):
        raise _bad(folder, "vectorizer parameters are incomplete")
    if vec["analyzer"] != "char" or vec["hash"] != HASH_NAME or vec["alternate_sign"] is not False \
            or vec["norm"] not in ("sqrt_count", None) or not isinstance(vec["n_features"], int) or vec["n_features"] < 1:
        raise _bad(folder, "vectorizer parameters are invalid (this govtext reads char n-grams hashed by "
                           f"{HASH_NAME})")
    ng = vec["ngram_range"]
    if not (isinstance(ng, list) and len(ng) == 2 and all(isinstance(x, int) for x in ng) and 1 <= ng[0] <= ng[1] <= 8):
        raise _bad(folder, "ngram_range is invalid")
    try:
        # allow_pickle=False: an .npy holding objects is refused, never unpickled
        coef = np.load(folder / str(meta.get("coef_file", "coef.npy")), allow_pickle=False)
        intercept = np.load(folder / str(meta.get("intercept_file", "intercept.npy")), allow_pickle=False)
    except FileNotFoundError as exc:
        raise _bad(folder, f"array file missing ({Path(exc.filename).name})") from None
    except ValueError as exc:
        raise _bad(folder, f"array file unreadable ({exc})") from None
    n_rows = 1 if len(classes) == 2 and coef.shape[0] == 1 else len(classes)
    if coef.dtype.kind != "f" or coef.shape != (n_rows, vec["n_features"]):
        raise _bad(folder, f"coef shape {coef.shape} does not match {n_rows} classes x {vec['n_features']} features")
    if intercept.dtype.kind != "f" or intercept.shape != (n_rows,):
        raise _bad(folder, f"intercept shape {intercept.shape} does not match the classes")
    if not (np.isfinite(coef).all() and np.isfinite(intercept).all()):
        raise _bad(folder, "arrays hold non-finite values")
    return LinearTextModel(tuple(classes), coef, intercept, dict(vec), dict(meta.get("info") or {}))


def default_model_dir() -> Path:
    return Path(str(resources.files("govtext").joinpath("model")))


@lru_cache(maxsize=1)
def default_model() -> LinearTextModel:
    """The model shipped in ``govtext/model/`` (loaded once, then cached)."""
    return load_model(default_model_dir())


def fit_model(texts: Sequence[str], labels: Sequence[str], *, alpha: float = 1e-4, epochs: int = 30,
              vectorizer: dict | None = None, info: dict | None = None) -> LinearTextModel:
    """Train a :class:`LinearTextModel` on (text, label) pairs: logistic loss by averaged SGD
    (fast: seconds for ten thousand paragraphs), balanced class weights, fixed seed, so the same
    input in the same order gives the same arrays.

    >>> m = fit_model(["完成项目5个。", "下一步将加快推进。", "短板仍然突出。", "各位代表："] * 3,
    ...               ["achievement", "plan", "shortcoming", "other"] * 3)
    >>> m.classes
    ('achievement', 'other', 'plan', 'shortcoming')
    """
    from sklearn.linear_model import SGDClassifier

    vec = dict(DEFAULT_VECTORIZER if vectorizer is None else vectorizer)
    shell = LinearTextModel(("x",), np.zeros((1, 1)), np.zeros(1), vec)
    X = shell.transform(texts)
    y = np.asarray(labels)
    clf = SGDClassifier(loss="log_loss", alpha=alpha, max_iter=epochs, tol=None, average=True,
                        class_weight="balanced", random_state=0)
    clf.fit(X, y)
    coef, intercept = clf.coef_, clf.intercept_
    classes = tuple(str(c_) for c_ in clf.classes_)
    if len(classes) == 2:  # keep one row per class for a uniform format
        coef = np.vstack([-coef[0] / 2, coef[0] / 2])
        intercept = np.array([-intercept[0] / 2, intercept[0] / 2])
    return LinearTextModel(classes, coef.astype(np.float32), intercept.astype(np.float32), vec, dict(info or {}))
