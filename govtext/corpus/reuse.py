"""Text reuse: pairs of passages and of reports that share near-identical text.

Each passage becomes the set of its character k-grams (whitespace removed);
similarity is the Jaccard index of two such sets. Candidate pairs come from
MinHash signatures and locality-sensitive hashing (bands of rows), so the work
grows with the number of passages, not with its square; every candidate is then
checked with the exact Jaccard index. Hashes are computed with numpy from code
points, so results are identical in every run and process.

>>> a = shingles("各镇要加强矛盾纠纷排查化解工作，确保小事不出村。")
>>> b = shingles("各镇要加强矛盾纠纷排查化解工作，确保小事不出村！")
>>> round(jaccard(a, b), 2)
0.9
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

import numpy as np
import pandas as pd

if TYPE_CHECKING:  # pragma: no cover
    from .results import Results

_P = np.uint64(0x100000001B3)  # FNV prime: rolling hash base
_M1 = np.uint64(0xBF58476D1CE4E5B9)  # splitmix64 finaliser constants
_M2 = np.uint64(0x94D049BB133111EB)
_EMPTY = np.array([], dtype=np.uint64)


def _mix(h: np.ndarray) -> np.ndarray:
    h = h ^ (h >> np.uint64(30))
    h = h * _M1
    h = h ^ (h >> np.uint64(27))
    h = h * _M2
    return h ^ (h >> np.uint64(31))


def shingles(text: str, k: int = 5) -> np.ndarray:
    """Sorted unique 64-bit hashes of the character k-grams of ``text`` (whitespace removed)."""
    t = "".join(text.split())
    if not t:
        return _EMPTY
    cps = np.frombuffer(t.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    n = len(cps) - k + 1
    if n <= 0:
        cps, n, k = cps, 1, len(cps)
    h = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            h = h * _P + cps[j:j + n]
        return np.unique(_mix(h))


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Jaccard index of two sorted unique hash arrays."""
    if not len(a) and not len(b):
        return 0.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / (len(a) + len(b) - inter)


def signatures(sets: Sequence[np.ndarray], num_perm: int = 64, seed: int = 20240601,
               batch: int = 2_000_000) -> np.ndarray:
    """MinHash signatures (len(sets) x num_perm); empty sets get the maximum value."""
    rng = np.random.default_rng(seed)
    a = rng.integers(1, 2**62, size=num_perm, dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, 2**62, size=num_perm, dtype=np.uint64)
    sig = np.full((len(sets), num_perm), np.iinfo(np.uint64).max, dtype=np.uint64)
    i = 0
    while i < len(sets):  # batches bound the temporary arrays
        j, size = i, 0
        while j < len(sets) and (size == 0 or size + len(sets[j]) <= batch):
            size += len(sets[j])
            j += 1
        idx = [x for x in range(i, j) if len(sets[x])]
        if idx:
            allh = np.concatenate([sets[x] for x in idx])
            offsets = np.cumsum([0] + [len(sets[x]) for x in idx[:-1]])
            with np.errstate(over="ignore"):
                for p in range(num_perm):
                    sig[idx, p] = np.minimum.reduceat(_mix(allh * a[p] + b[p]), offsets)
        i = j
    return sig


def candidate_pairs(sig: np.ndarray, bands: int = 16, max_bucket: int = 1000) -> np.ndarray:
    """Index pairs (i < j) that agree on every row of at least one band.

    A bucket bigger than ``max_bucket`` (boilerplate repeated everywhere) pairs each
    member with its first member only, which keeps the output linear.
    """
    n, perm = sig.shape
    rows = perm // bands
    full = np.iinfo(np.uint64).max
    valid = sig[:, 0] != full
    out = []
    with np.errstate(over="ignore"):
        for bnd in range(bands):
            key = np.zeros(n, dtype=np.uint64)
            for c in range(bnd * rows, (bnd + 1) * rows):
                key = key * _P + sig[:, c]
            ids = np.nonzero(valid)[0]
            k = key[ids]
            order = np.argsort(k, kind="stable")
            ks, ids = k[order], ids[order]
            cuts = np.nonzero(np.diff(ks))[0] + 1
            starts = np.concatenate([[0], cuts])
            ends = np.concatenate([cuts, [len(ks)]])
            for s, e in zip(starts[(ends - starts) > 1], ends[(ends - starts) > 1]):
                grp = np.sort(ids[s:e])
                if len(grp) > max_bucket:
                    out.append(np.stack([np.full(len(grp) - 1, grp[0]), grp[1:]], axis=1))
                else:
                    ii, jj = np.triu_indices(len(grp), k=1)
                    out.append(np.stack([grp[ii], grp[jj]], axis=1))
    if not out:
        return np.empty((0, 2), dtype=np.int64)
    pairs = np.concatenate(out).astype(np.int64)
    return np.unique(pairs, axis=0)


def _pair_meta(res: "Results", doc_a: pd.Series, doc_b: pd.Series) -> pd.DataFrame:
    meta = res.meta().set_index("doc_id")
    cols = [c for c in meta.columns if c != "title"]
    a = meta.reindex(doc_a.values)[cols].reset_index(drop=True).add_suffix("_a")
    b = meta.reindex(doc_b.values)[cols].reset_index(drop=True).add_suffix("_b")
    return pd.concat([pd.DataFrame({"doc_id_a": doc_a.values}), a,
                      pd.DataFrame({"doc_id_b": doc_b.values}), b], axis=1)


def _passage_matches(res: "Results", threshold: float, min_chars: int, k: int, num_perm: int, bands: int,
                     same_doc: bool, max_bucket: int):
    p = res.passages
    empty = (np.empty(0, dtype=np.int64),) * 2 + (np.empty(0),)
    if not len(p) or "text" not in p.columns:
        return [], empty
    texts = p["text"].fillna("").astype(str).tolist()
    sets = [shingles(t, k) if len("".join(t.split())) >= min_chars else _EMPTY for t in texts]
    sig = signatures(sets, num_perm=num_perm)
    cand = candidate_pairs(sig, bands=bands, max_bucket=max_bucket)
    docs = p["doc_id"].to_numpy()
    if not same_doc and len(cand):
        cand = cand[docs[cand[:, 0]] != docs[cand[:, 1]]]
    sims = np.array([jaccard(sets[i], sets[j]) for i, j in cand]) if len(cand) else np.empty(0)
    keep = sims >= threshold
    return sets, (cand[keep, 0], cand[keep, 1], sims[keep])


def passage_reuse(res: "Results", threshold: float = 0.8, min_chars: int = 50, k: int = 5,
                  num_perm: int = 64, bands: int = 16, same_doc: bool = False,
                  max_bucket: int = 1000) -> pd.DataFrame:
    """Pairs of passages (in different reports unless ``same_doc``) with Jaccard >= ``threshold``.

    ``passage_a``/``passage_b`` are row numbers in ``res.passages``; passages shorter
    than ``min_chars`` (without whitespace) are ignored.
    """
    _, (ia, ib, sims) = _passage_matches(res, threshold, min_chars, k, num_perm, bands, same_doc, max_bucket)
    p = res.passages
    cols_tail = ["passage_a", "passage_b", "similarity", "start_a", "end_a", "start_b", "end_b", "text_a", "text_b"]
    if not len(ia):
        base = _pair_meta(res, pd.Series([], dtype=object), pd.Series([], dtype=object))
        return pd.concat([base, pd.DataFrame(columns=cols_tail)], axis=1)
    doc = p["doc_id"].to_numpy()
    out = _pair_meta(res, pd.Series(doc[ia]), pd.Series(doc[ib]))
    out["passage_a"], out["passage_b"], out["similarity"] = ia, ib, np.round(sims, 4)
    for side, idx in (("a", ia), ("b", ib)):
        out[f"start_{side}"] = p["start"].to_numpy()[idx]
        out[f"end_{side}"] = p["end"].to_numpy()[idx]
    out["text_a"] = p["text"].to_numpy()[ia]
    out["text_b"] = p["text"].to_numpy()[ib]
    return out.reset_index(drop=True)


def report_reuse(res: "Results", threshold: float = 0.8, min_chars: int = 50, k: int = 5,
                 num_perm: int = 64, bands: int = 16, max_bucket: int = 1000) -> pd.DataFrame:
    """Pairs of reports sharing at least one near-identical passage.

    ``shared_passages``: matched passage pairs; ``share_a``/``share_b``: the part of
    each report's passage text that has a match in the other; ``similarity``: the
    Jaccard index of the two reports' whole sets of k-grams.
    """
    sets, (ia, ib, _) = _passage_matches(res, threshold, min_chars, k, num_perm, bands, False, max_bucket)
    tail = ["similarity", "shared_passages", "share_a", "share_b"]
    if not len(ia):
        base = _pair_meta(res, pd.Series([], dtype=object), pd.Series([], dtype=object))
        return pd.concat([base, pd.DataFrame(columns=tail)], axis=1)
    p = res.passages
    doc = p["doc_id"].to_numpy()
    length = (p["end"].astype(float) - p["start"].astype(float)).clip(lower=0).to_numpy()
    total = pd.Series(length).groupby(doc, sort=False).sum()
    order = {d: i for i, d in enumerate(res.reports["doc_id"])}
    # orient every pair by report order so (a, b) is stable
    da, db = doc[ia], doc[ib]
    swap = np.array([order.get(x, 0) > order.get(y, 0) for x, y in zip(da, db)], dtype=bool)
    pa, pb = np.where(swap, ib, ia), np.where(swap, ia, ib)
    pairs = pd.DataFrame({"a": doc[pa], "b": doc[pb], "pa": pa, "pb": pb})
    rows = []
    doc_sets: dict = {}

    def doc_set(d):
        if d not in doc_sets:
            idx = np.nonzero(doc == d)[0]
            parts = [shingles(str(p["text"].iat[i]), k) for i in idx]
            doc_sets[d] = np.unique(np.concatenate(parts)) if parts else _EMPTY
        return doc_sets[d]

    for (a, b), g in pairs.groupby(["a", "b"], sort=False):
        sa = length[np.unique(g["pa"].to_numpy())].sum()
        sb = length[np.unique(g["pb"].to_numpy())].sum()
        rows.append({"a": a, "b": b, "similarity": round(jaccard(doc_set(a), doc_set(b)), 4),
                     "shared_passages": len(g), "share_a": sa / total[a] if total[a] else 0.0,
                     "share_b": sb / total[b] if total[b] else 0.0})
    agg = pd.DataFrame(rows)
    agg["_o"] = [(order.get(a, 0), order.get(b, 0)) for a, b in zip(agg["a"], agg["b"])]
    agg = agg.sort_values("_o", kind="stable").reset_index(drop=True)
    out = _pair_meta(res, agg["a"], agg["b"])
    for c in tail:
        out[c] = agg[c].values
    return out


def most_similar(res: "Results", **kw) -> pd.DataFrame:
    """Per report: the other report whose text it shares most (``reuse_doc_id``, ``reuse_share``,
    ``reuse_similarity``); empty when it shares no near-identical passage."""
    pairs = report_reuse(res, **kw)
    rows = []
    for a, b, sa, sb, sim in zip(pairs["doc_id_a"], pairs["doc_id_b"], pairs["share_a"], pairs["share_b"],
                                 pairs["similarity"]):
        rows.append((a, b, sa, sim))
        rows.append((b, a, sb, sim))
    df = pd.DataFrame(rows, columns=["doc_id", "reuse_doc_id", "reuse_share", "reuse_similarity"])
    best = df.sort_values(["doc_id", "reuse_share"], ascending=[True, False], kind="stable") \
        .drop_duplicates("doc_id", keep="first")
    return res.reports[["doc_id"]].merge(best, on="doc_id", how="left")
