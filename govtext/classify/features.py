"""Hashed character n-gram counts, computed with numpy in one pass over all texts.

The features of scikit-learn's ``HashingVectorizer(analyzer="char", alternate_sign=False)``
(character 1–3-grams folded into ``n_features`` buckets), but without building a Python
string per n-gram; rows are scaled by 1/sqrt(number of n-grams) rather than L2-normalised: a 2 MB report is featurised in a fraction of a second.
The hash is our own (stable across platforms and versions), so it is part of the model format.

>>> X = char_ngram_matrix(["法治", "法治建设"], (1, 2), 1024)
>>> X.shape, X.nnz > 0
((2, 1024), True)
>>> w = np.arange(2048, dtype=float).reshape(2, 1024) / 1024
>>> bool(np.allclose(X @ w.T, linear_scores(["法治", "法治建设"], w, np.zeros(2), (1, 2))))
True
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

import numpy as np

if TYPE_CHECKING:  # scipy is imported only where a matrix is built (training)
    import scipy.sparse

HASH_NAME = "govtext-char-ngram-fmix64-v2"

_M1 = np.uint64(0xFF51AFD7ED558CCD)
_M2 = np.uint64(0xC4CEB9FE1A85EC53)
_K = np.uint64(0x9E3779B97F4A7C15)
_S33 = np.uint64(33)


def _fmix(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finaliser (wrap-around arithmetic on uint64)."""
    h = h ^ (h >> _S33)
    h = h * _M1
    h = h ^ (h >> _S33)
    h = h * _M2
    return h ^ (h >> _S33)


def char_ngram_hashes(texts: Sequence[str], ngram_range: tuple[int, int] = (1, 3), n_features: int = 2 ** 18
                      ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(doc index, bucket) of every character n-gram of every text, and the n-gram count per text."""
    n_docs = len(texts)
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=n_docs)
    empty = np.zeros(0, dtype=np.int64)
    if n_docs == 0 or lengths.sum() == 0:
        return empty, empty, np.zeros(n_docs, dtype=np.int64)
    codes = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    doc = np.repeat(np.arange(n_docs, dtype=np.int64), lengths)
    pos_end = np.cumsum(lengths)[doc]  # end offset of each position's text
    idx = np.arange(len(codes), dtype=np.int64)
    rows, cols = [], []
    pow2 = n_features & (n_features - 1) == 0
    with np.errstate(over="ignore"):
        # h_n(i) = fmix(h_{n-1}(i) ^ code[i+n-1]): each order costs one pass over the text
        h = np.full(len(codes), _K, dtype=np.uint64)
        for n in range(1, ngram_range[1] + 1):
            m = len(codes) - n + 1
            if m <= 0:
                break
            h = _fmix(h[:m] ^ codes[n - 1:])
            if n < ngram_range[0]:
                continue
            valid = idx[:m] + n <= pos_end[:m]
            hv = h[valid]
            # a power-of-two table takes a mask, much cheaper than a 64-bit modulo
            hv = hv & np.uint64(n_features - 1) if pow2 else hv % np.uint64(n_features)
            rows.append(doc[:m][valid])
            cols.append(hv.astype(np.int64))
    if not rows:
        return empty, empty, np.zeros(n_docs, dtype=np.int64)
    r, c = np.concatenate(rows), np.concatenate(cols)
    return r, c, np.bincount(r, minlength=n_docs)


def char_ngram_matrix(texts: Sequence[str], ngram_range: tuple[int, int] = (1, 3), n_features: int = 2 ** 18,
                      norm: str | None = "sqrt_count") -> "scipy.sparse.csr_matrix":
    """Rows = texts, columns = hashed character n-gram counts (n in ``ngram_range``), each row
    divided by the square root of its number of n-grams (``norm="sqrt_count"``)."""
    r, c, per_doc = char_ngram_hashes(texts, ngram_range, n_features)
    data = np.ones(len(r), dtype=np.float64)
    if norm == "sqrt_count":
        data /= np.sqrt(np.maximum(per_doc, 1))[r]
    import scipy.sparse as sp  # here, not at import: labelling never builds the matrix (scipy loads slowly)

    X = sp.csr_matrix((data, (r, c)), shape=(len(texts), n_features))
    X.sum_duplicates()
    return X


def linear_scores(texts: Sequence[str], coef: np.ndarray, intercept: np.ndarray, ngram_range: tuple[int, int],
                  norm: str | None = "sqrt_count", coef_t: np.ndarray | None = None) -> np.ndarray:
    """``char_ngram_matrix(texts) @ coef.T + intercept`` without building the matrix (fast path).
    ``coef_t``: ``padded_coef_t(coef)`` (or plain ``coef.T``), if the caller keeps one (float32 with
    four classes is fastest: each bucket's row is fetched as one 16-byte item).

    A text's score is its n-grams' weights added one by one in a fixed order (the lowest order's
    n-grams by position, then the next order's), whatever the other texts."""
    n_docs, n_classes, n_features = len(texts), coef.shape[0], coef.shape[1]
    out = np.zeros((n_docs, n_classes))
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=n_docs)
    per_doc = np.zeros(n_docs, dtype=np.int64)
    for n in range(ngram_range[0], ngram_range[1] + 1):
        per_doc += np.maximum(lengths - n + 1, 0)
    # one extra all-zero row: n-grams that would run past their text's end fall into it, which
    # adds 0.0 to the sums (leaving them bit for bit as without them) and saves filtering
    table = coef_t if coef_t is not None and coef_t.shape[0] == n_features + 1 else padded_coef_t(coef, coef_t)
    if int(lengths.max(initial=0)) >= ngram_range[0]:
        groups = _length_groups(lengths.tolist())
        cols = _padded_buckets(texts, lengths, groups, ngram_range, n_features)
        for docs, width, at in groups:
            out[docs] = _group_sums(table, [c[at:at + len(docs) * width] for c in cols], len(docs), width)
    if norm == "sqrt_count":
        out /= np.sqrt(np.maximum(per_doc, 1))[:, None]
    return out + intercept.astype(np.float64)


# padding cells cheaper than the fixed numpy calls of one more group
_MERGE_CELLS = 1024


def _length_groups(lengths: list[int]) -> list[tuple[np.ndarray, int, int]]:
    """Non-empty texts in groups of similar length: (text indices, the group's width = its longest
    length, offset of the group in the padded layout). A group takes texts up to twice its
    shortest length, or longer ones while its rows stay little padded in all."""
    groups: list[list] = []  # [texts, width, shortest, characters]
    for length, d in sorted((x, d) for d, x in enumerate(lengths) if x):
        g = groups[-1] if groups else None
        if g is not None and (length <= 2 * g[2] or length * len(g[0]) - g[3] <= _MERGE_CELLS):
            g[0].append(d)
            g[1] = length
            g[3] += length
        else:
            groups.append([[d], length, length, length])
    out, at = [], 0
    for docs, width, _, _ in groups:
        out.append((np.array(docs, dtype=np.int64), width, at))
        at += len(docs) * width
    return out


def _padded_buckets(texts: Sequence[str], lengths: np.ndarray, groups: list, ngram_range: tuple[int, int],
                    n_features: int) -> list[np.ndarray]:
    """Per n-gram order, the bucket of the n-gram at each position of the padded layout (each
    group's texts one per row, padded to the group's width); n-grams that run past their text's
    end, into the padding, get ``n_features``: the zero row."""
    padded = "".join([texts[d].ljust(width, "\0") for docs, width, _ in groups for d in docs.tolist()])
    codes = np.frombuffer(padded.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    size = len(codes)
    # characters left in the row's text from each position (<= 0 in the padding)
    row = np.concatenate([docs for docs, _, _ in groups])
    width = np.repeat([w for _, w, _ in groups], [len(docs) for docs, _, _ in groups])
    row_start = np.cumsum(width) - width
    to_end = np.repeat(lengths[row] + row_start, width) - np.arange(size)
    cols = []
    pow2 = n_features & (n_features - 1) == 0
    with np.errstate(over="ignore"):
        # h_n(i) = fmix(h_{n-1}(i) ^ code[i+n-1]): each order costs one pass over the text
        h = np.full(size, _K, dtype=np.uint64)
        for n in range(1, ngram_range[1] + 1):
            m = size - n + 1
            if m <= 0:
                break
            h = _fmix(h[:m] ^ codes[n - 1:])
            if n < ngram_range[0]:
                continue
            c = np.full(size, n_features, dtype=np.int64)
            c[:m] = h & np.uint64(n_features - 1) if pow2 else h % np.uint64(n_features)
            c[:m][to_end[:m] < n] = n_features  # the zero row
            cols.append(c)
    return cols


def _group_sums(table: np.ndarray, cols: list[np.ndarray], rows: int, width: int) -> np.ndarray:
    """(rows, classes): per padded row, the weights of its n-grams (each order's block in turn)
    added one by one from 0.0. Reducing axis 0 of a (steps, rows, classes) array adds step after
    step for all rows at once (numpy keeps this order; only sums along the last, contiguous axis
    are done pairwise), much quicker than np.bincount, whose additions to one bin wait for each other."""
    steps = np.concatenate([c.reshape(rows, width).T for c in cols])
    w = _gather_rows(table, steps.ravel()).reshape(len(steps), rows, -1)
    return np.add.reduce(w, axis=0, dtype=np.float64, initial=0.0)


def padded_coef_t(coef: np.ndarray, coef_t: np.ndarray | None = None) -> np.ndarray:
    """``coef.T`` (C-contiguous, float32 kept) with one all-zero row appended, as ``linear_scores`` reads it."""
    coef_t = np.ascontiguousarray(coef.T) if coef_t is None else coef_t
    return np.ascontiguousarray(np.concatenate([coef_t, np.zeros((1, coef_t.shape[1]), dtype=coef_t.dtype)]))


def _gather_rows(table: np.ndarray, idx: np.ndarray) -> np.ndarray:
    """``table[idx]`` for a C-contiguous 2-D table; rows of 16 bytes (4 x float32) are moved as
    single complex128 items, several times faster than a row-wise fancy index."""
    if table.flags.c_contiguous and table.ndim == 2 and table.shape[1] * table.itemsize == 16:
        flat = table.view(np.complex128).reshape(-1)
        return flat.take(idx).view(table.dtype).reshape(len(idx), table.shape[1])
    return table[idx]
