"""`Results`: a corpus analysis as tidy tables keyed by ``doc_id``.

Tables (plain DataFrames, metadata columns first, rows in input order):
``reports`` (one row per analysed report), ``sections``, ``initiatives``,
``indicators``, ``passages`` (one row per item of the per-report table of the
same name) and ``errors`` (one row per input that could not be analysed).
Every input is in exactly one of ``reports`` and ``errors``.

In the per-item tables a metadata column whose name the table already uses
(``title`` and ``level`` in ``sections``) is prefixed ``doc_`` (``doc_title``,
``doc_level``), so the table's own columns keep their meaning.

>>> import govtext
>>> res = govtext.Corpus.from_texts(["一、主要成效\\n新增就业1200人。"]).analyze(progress=False)
>>> list(res.reports.columns[:3]), len(res.errors)
(['doc_id', 'title', 'place'], 0)
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Iterable, Sequence

import numpy as np
import pandas as pd

from ..report import META_KEYS
from .sources import Item
from .worker import TABLES

#: Metadata carried into every per-item table (plus the user's own columns).
ITEM_META = ("title", "place", "level", "year", "report_type")
BATCH = 256  # per-report frames folded together at a time
ERROR_COLUMNS = ["path", "stage", "error_type", "message", "where"]


class Collector:
    """Accumulates worker outputs (in input order) and builds the final tables."""

    def __init__(self, user_cols: Sequence[str], tables: Sequence[str] = TABLES) -> None:
        self.user_cols = [c for c in user_cols if c not in META_KEYS and c != "doc_id"]
        self.tables = tuple(tables)
        self.meta_rows: list[dict] = []
        self.frames: dict[str, list[pd.DataFrame]] = {t: [] for t in self.tables}
        self.batches: dict[str, list[pd.DataFrame]] = {t: [] for t in self.tables}
        self.counts: dict[str, list[int]] = {t: [] for t in self.tables}
        self.errors: list[dict] = []
        self.texts: dict[str, str] = {}

    def add(self, items: Sequence[Item], chunk: dict[str, Any]) -> None:
        """Take one :func:`~govtext.corpus.worker.bundle`: the results of ``items``."""
        for item, out in zip(items, chunk["outs"], strict=True):
            if not out.get("ok"):
                row = {"doc_id": item.doc_id, **item.meta, "path": item.path}
                row.update({k: out.get(k) for k in ("stage", "error_type", "message", "where")})
                self.errors.append(row)
                continue
            row = {"doc_id": item.doc_id, **out["meta"], "chars": out["chars"]}
            for t in self.tables:
                n = out[f"n_{t}"]
                self.counts[t].append(n)
                row[f"n_{t}"] = n
            self.meta_rows.append(row)
            if "text" in out:
                self.texts[item.doc_id] = out["text"]
        for t in self.tables:
            df = chunk["tables"].get(t)
            if df is None or not (len(df) or not (self.frames[t] or self.batches[t])):
                continue  # one empty frame is kept, for its columns
            self.frames[t].append(df)
            if len(self.frames[t]) >= BATCH:
                # many small DataFrames cost more than their rows: fold them into one
                self.batches[t].append(_concat([f for f in self.frames[t] if len(f)] or self.frames[t][:1]))
                self.frames[t] = []

    def build(self) -> "Results":
        reports = pd.DataFrame(self.meta_rows)
        stats = ["chars", *[f"n_{t}" for t in self.tables]]
        fixed = [c for c in ["doc_id", *META_KEYS, *self.user_cols] if c not in stats]
        extra = [c for c in reports.columns if c not in fixed and c not in stats]
        reports = reports.reindex(columns=list(dict.fromkeys([*fixed, *extra, *stats])))
        if "year" in reports.columns:
            reports["year"] = _int_or_object(reports["year"])
        meta_cols = list(dict.fromkeys(c for c in ["doc_id", *ITEM_META, *self.user_cols] if c not in stats))
        tables = {}
        for t in self.tables:
            frames = self.batches[t] + self.frames[t] or [pd.DataFrame(columns=_contract_columns(t))]
            tables[t] = _with_meta(reports, meta_cols, frames, self.counts[t])
        errors = pd.DataFrame(self.errors)
        fixed = ["doc_id", *ITEM_META, *self.user_cols]
        extra = [c for c in errors.columns if c not in fixed and c not in ERROR_COLUMNS]
        errors = errors.reindex(columns=[*fixed, *extra, *ERROR_COLUMNS])
        return Results(reports=reports, errors=errors, meta_columns=meta_cols, texts=self.texts or None, **tables)


def _contract_columns(table: str) -> list[str]:
    """A table's columns as the stage modules declare them (for a run where nothing succeeded)."""
    try:
        if table == "sections":
            from ..structure import SECTION_COLUMNS

            return ["section", *SECTION_COLUMNS]
        if table == "initiatives":
            from ..structure import INITIATIVE_COLUMNS

            return list(INITIATIVE_COLUMNS)
        if table == "indicators":
            from ..indicators import INDICATOR_COLUMNS

            return list(INDICATOR_COLUMNS)
        if table == "passages":
            from ..classify import COLUMNS

            return list(COLUMNS)
    except ImportError:  # a stage module renamed its constant: the table simply has no columns
        pass
    return []


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    return frames[0].reset_index(drop=True) if len(frames) == 1 else pd.concat(frames, ignore_index=True)


def _int_or_object(s: pd.Series) -> pd.Series:
    """Years as nullable integers when every value is a whole number."""
    vals = pd.to_numeric(s, errors="coerce")
    if vals.notna().sum() == s.notna().sum() and (vals.dropna() % 1 == 0).all():
        return vals.astype("Int64")
    return s


def _with_meta(reports: pd.DataFrame, meta_cols: list[str], frames: list[pd.DataFrame], counts: list[int]) -> pd.DataFrame:
    nonempty = [f for f in frames if len(f)]
    body = _concat(nonempty) if nonempty else (frames[0].iloc[0:0].reset_index(drop=True)
                                                                  if frames else pd.DataFrame())
    cols = [c for c in meta_cols if c in reports.columns]
    idx = np.repeat(np.arange(len(reports)), counts) if counts else np.array([], dtype=int)
    meta = reports[cols].iloc[idx].reset_index(drop=True)
    meta.columns = [f"doc_{c}" if c in body.columns and c != "doc_id" else c for c in cols]
    if "doc_id" in body.columns:
        body = body.drop(columns=["doc_id"])
    return pd.concat([meta, body.reset_index(drop=True)], axis=1)


class Results:
    """The tables of a corpus analysis, with comparison tables and exports.

    Build one with :meth:`govtext.Corpus.analyze`.
    """

    def __init__(
        self,
        reports: pd.DataFrame,
        errors: pd.DataFrame,
        meta_columns: Sequence[str] = ("doc_id", *ITEM_META),
        texts: dict[str, str] | None = None,
        **tables: pd.DataFrame,
    ) -> None:
        self.reports = reports
        self.errors = errors
        self.meta_columns = [c for c in meta_columns if c in reports.columns] or ["doc_id"]
        self._texts = texts
        self._tables = dict(tables)
        for name, df in tables.items():
            setattr(self, name, df)
        for name in TABLES:
            if name not in self._tables:
                self._tables[name] = pd.DataFrame(columns=self.meta_columns)
                setattr(self, name, self._tables[name])

    # -- tables ----------------------------------------------------------------
    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table by name: reports, the per-item tables, errors."""
        return {"reports": self.reports, **self._tables, "errors": self.errors}

    def meta(self) -> pd.DataFrame:
        """The metadata columns of ``reports`` (one row per report)."""
        return self.reports[self.meta_columns].copy()

    def text(self, doc_id: str) -> str:
        """A report's text, with offsets valid for every table.

        Kept exactly when analysed with ``keep_text=True``; otherwise rebuilt from
        the passages (and heading titles when their offsets are known), with
        newlines where the text is not in any table (heading markers, blanks).
        """
        if self._texts is not None and doc_id in self._texts:
            return self._texts[doc_id]
        row = self.reports.index[self.reports["doc_id"] == doc_id]
        if not len(row):
            raise KeyError(doc_id)
        n = int(self.reports.at[row[0], "chars"])
        buf = ["\n"] * n
        for tname, tcol, scol in (("sections", "title", "title_start"), ("passages", "text", "start")):
            df = self._tables.get(tname)
            if df is None or scol not in df.columns or tcol not in df.columns:
                continue
            sub = df[df["doc_id"] == doc_id]
            for s, t in zip(sub[scol], sub[tcol]):
                if isinstance(t, str) and pd.notna(s):
                    s = int(s)
                    buf[s:s + len(t)] = list(t[: max(0, n - s)])
        return "".join(buf[:n])

    def texts(self) -> Iterable[tuple[str, str]]:
        """``(doc_id, text)`` for every report, in order (see :meth:`text`)."""
        if self._texts is not None:
            for d in self.reports["doc_id"]:
                yield d, self._texts[d]
            return
        by_doc = {}
        for tname, tcol, scol in (("sections", "title", "title_start"), ("passages", "text", "start")):
            df = self._tables.get(tname)
            if df is None or scol not in df.columns or tcol not in df.columns or not len(df):
                continue
            for d, s, t in zip(df["doc_id"], df[scol], df[tcol]):
                if isinstance(t, str) and pd.notna(s):
                    by_doc.setdefault(d, []).append((int(s), t))
        for d, n in zip(self.reports["doc_id"], self.reports["chars"]):
            n = int(n)
            parts, pos = [], 0
            for s, t in sorted(by_doc.get(d, ())):
                if s < pos:  # overlapping spans (a title inside its section's text)
                    t, s = t[pos - s:], pos
                if s > pos:
                    parts.append("\n" * (s - pos))
                parts.append(t[: max(0, n - s)])
                pos = min(n, s + len(t))
            parts.append("\n" * (n - pos))
            yield d, "".join(parts)

    # -- comparison tables -------------------------------------------------------
    def compare(
        self,
        subjects: Sequence[str] | None = None,
        terms: Sequence[str] | None = None,
        mode: str = "substring",
        similarity: bool = False,
        unit: str | dict | None = None,
    ) -> pd.DataFrame:
        """One row per report, metadata first, then side-by-side measures.

        Always: section-role shares of body text (``role_*``), passage-label shares
        (``label_*``) and indicator counts (``ind_*``). With ``subjects``: the first
        outcome value stated for each subject (see :meth:`panel`); with ``terms``:
        keyword frequencies per 10,000 characters (``kw_*``); with
        ``similarity=True``: each report's most similar other report.
        """
        from . import compare as cmp

        out = self.meta()
        parts = [cmp.role_shares(self), cmp.label_shares(self), cmp.indicator_counts(self)]
        if subjects:
            parts.append(cmp.panel(self, subjects, unit=unit))
        if terms:
            from .keywords import keyword_freq

            kf = keyword_freq(self, terms, mode=mode)
            parts.append(kf.rename(columns={t: f"kw_{t}" for t in terms}))
        if similarity:
            from .reuse import most_similar

            parts.append(most_similar(self))
        for p in parts:
            p = p.drop(columns=[c for c in p.columns if c in out.columns and c != "doc_id"])
            out = out.merge(p, on="doc_id", how="left", sort=False)
        return out

    def role_shares(self) -> pd.DataFrame:
        """Share of each report's body text by section role (rows sum to 1)."""
        from .compare import role_shares

        return self._with_meta(role_shares(self))

    def label_shares(self) -> pd.DataFrame:
        """Share of each report's body text by passage label (rows sum to 1)."""
        from .compare import label_shares

        return self._with_meta(label_shares(self))

    def indicator_counts(self) -> pd.DataFrame:
        """Indicators per report: total, by kind, targets vs outcomes, per 10k characters."""
        from .compare import indicator_counts

        return self._with_meta(indicator_counts(self))

    def panel(self, subjects: Sequence[str], unit: str | dict | None = None, target: bool | None = False,
              fold: bool = True) -> pd.DataFrame:
        """Reports × subjects: the first value each report states for each subject."""
        from .compare import panel

        return self._with_meta(panel(self, subjects, unit=unit, target=target, fold=fold))

    def targets_outcomes(self, on: Sequence[str] = ("place",), lag: int = 1,
                         subjects: Sequence[str] | None = None) -> pd.DataFrame:
        """Targets set in year t beside the outcomes reported in year t+lag for the same place."""
        from .compare import targets_outcomes

        return targets_outcomes(self, on=on, lag=lag, subjects=subjects)

    def keywords(self, terms: Sequence[str], mode: str = "substring", per: int = 10_000,
                 counts: bool = False, backend: str = "auto") -> pd.DataFrame:
        """Keyword frequencies per ``per`` characters (``mode`` = "substring" or "token";
        ``backend`` = "auto", "rjieba" or "jieba" for token mode)."""
        from .keywords import keyword_freq

        return self._with_meta(keyword_freq(self, terms, mode=mode, per=per, counts=counts, backend=backend))

    def kwic(self, term: str, window: int = 20, regex: bool = False) -> pd.DataFrame:
        """Keyword in context: one row per occurrence with left/right context and passage label."""
        from .keywords import kwic

        return kwic(self, term, window=window, regex=regex)

    def reuse(self, level: str = "report", threshold: float = 0.8, min_chars: int = 50,
              **kw: Any) -> pd.DataFrame:
        """Pairs of reports (``level="report"``) or passages (``"passage"``) sharing near-identical text."""
        from .reuse import passage_reuse, report_reuse

        if level == "passage":
            return passage_reuse(self, threshold=threshold, min_chars=min_chars, **kw)
        if level == "report":
            return report_reuse(self, threshold=threshold, min_chars=min_chars, **kw)
        raise ValueError("level must be 'report' or 'passage'")

    def _with_meta(self, df: pd.DataFrame) -> pd.DataFrame:
        df = df.drop(columns=[c for c in df.columns if c in self.meta_columns and c != "doc_id"])
        return self.meta().merge(df, on="doc_id", how="left", sort=False)

    # -- exports ------------------------------------------------------------------
    def to_excel(self, path: str | os.PathLike, tables: Sequence[str] | None = None, compare: bool = True) -> Path:
        """One sheet per table, plus ``compare`` and ``targets_outcomes`` sheets (``compare=True``);
        safe for Excel (see govtext.corpus.export)."""
        from .export import to_excel

        return to_excel(self._export_tables(tables, compare), path)

    def to_csv(self, directory: str | os.PathLike, tables: Sequence[str] | None = None, compare: bool = True) -> Path:
        """One UTF-8 (with BOM, so Excel reads Chinese) CSV per table."""
        from .export import to_csv

        return to_csv(self._export_tables(tables, compare), directory)

    def to_parquet(self, directory: str | os.PathLike, tables: Sequence[str] | None = None,
                   compare: bool = True) -> Path:
        """One Parquet file per table; :meth:`read_parquet` reads the folder back."""
        from .export import to_parquet

        out = to_parquet(self._export_tables(tables, compare), directory)
        (Path(directory) / "govtext.json").write_text(
            json.dumps({"meta_columns": self.meta_columns}, ensure_ascii=False), encoding="utf-8")
        return out

    def to_stata(self, directory: str | os.PathLike, tables: Sequence[str] | None = None, compare: bool = True) -> Path:
        """One Stata 14+ .dta (version 118, Unicode) per table."""
        from .export import to_stata

        return to_stata(self._export_tables(tables, compare), directory)

    def _export_tables(self, names: Sequence[str] | None, compare: bool) -> dict[str, pd.DataFrame]:
        """The tables to write, with the comparison tables after ``reports`` when asked."""
        all_tables = self.tables
        names = list(names) if names else list(all_tables)
        extra = {}
        if compare or "compare" in names:
            extra["compare"] = self.compare()
        if compare or "targets_outcomes" in names:
            extra["targets_outcomes"] = self.targets_outcomes()
        out = {}
        for n in names:
            if n in ("compare", "targets_outcomes"):
                continue
            out[n] = all_tables[n]
            if n == "reports":
                out.update(extra)
        for k, v in extra.items():
            out.setdefault(k, v)
        return out

    @classmethod
    def read_parquet(cls, directory: str | os.PathLike) -> "Results":
        """Results written by :meth:`to_parquet`."""
        d = Path(directory)
        info = json.loads((d / "govtext.json").read_text("utf-8")) if (d / "govtext.json").exists() else {}
        tables = {p.stem: pd.read_parquet(p) for p in sorted(d.glob("*.parquet"))}
        for derived in ("compare", "targets_outcomes"):
            tables.pop(derived, None)
        reports = tables.pop("reports")
        errors = tables.pop("errors", pd.DataFrame(columns=["doc_id", *ERROR_COLUMNS]))
        return cls(reports=reports, errors=errors,
                   meta_columns=info.get("meta_columns", ["doc_id", *ITEM_META]), **tables)

    # -- display ------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.reports)

    def __repr__(self) -> str:
        sizes = ", ".join(f"{k}={len(v)}" for k, v in self.tables.items())
        return f"<govtext.Results {sizes}>"

    def _repr_html_(self) -> str:
        from ..notebook.display import results_html

        return results_html(self)
