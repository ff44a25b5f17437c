"""Writing result tables for Excel, CSV readers, Parquet and Stata.

- Excel (openpyxl, write-only): one sheet per table; characters Excel rejects
  (control characters) are removed, cells are cut at 32,767 characters, sheet
  names are unique and at most 31 characters, and a table longer than Excel's
  row limit continues on ``name_2``, ``name_3`` sheets.
- CSV: UTF-8 with a BOM (``utf-8-sig``) so Excel shows Chinese correctly.
- Parquet: column types made Arrow-safe (mixed object columns become text).
- Stata: version 118 (Unicode), names made Stata-safe (original names kept as
  variable labels), strings longer than 2,045 bytes stored as strL.

>>> excel_safe("a\\x00b\\x1fc")
'abc'
>>> stata_names(["doc_id", "年份", "2023x", "a b"])
['doc_id', 'v_1', 'v2023x', 'a_b']
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import numpy as np
import pandas as pd

EXCEL_MAX_CELL = 32_767
EXCEL_MAX_ROWS = 1_048_576
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
STATA_STR_MAX = 2045


def excel_safe(v):
    """A cell value Excel accepts (strings cleaned and cut, NaN -> empty)."""
    if v is None:
        return None
    if isinstance(v, str):
        if _ILLEGAL.search(v):
            v = _ILLEGAL.sub("", v)
        return v[:EXCEL_MAX_CELL]
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (float, np.floating)):
        return None if np.isnan(v) or np.isinf(v) else float(v)
    if v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, (int,)):
        return v
    if isinstance(v, pd.Timestamp):
        return v.to_pydatetime()
    return excel_safe(_plain(v))


def _text_cell(ws, v):
    """Text that starts with ``=`` stays text (openpyxl would write it as a formula)."""
    if isinstance(v, str) and v.startswith("="):
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(ws, value=v)
        cell.data_type = "s"
        return cell
    return v


def _excel_column(s: pd.Series) -> list:
    """A column's cell values; whole-column conversions where the dtype allows."""
    if pd.api.types.is_bool_dtype(s.dtype) and not s.isna().any():
        return [bool(v) for v in s.tolist()]
    if pd.api.types.is_integer_dtype(s.dtype) and not s.isna().any():
        return [int(v) for v in s.tolist()]
    if pd.api.types.is_float_dtype(s.dtype):
        v = s.to_numpy(dtype=float, na_value=np.nan)
        ok = np.isfinite(v)
        return [float(x) if o else None for x, o in zip(v.tolist(), ok.tolist())]
    return [excel_safe(v) for v in s.tolist()]


def _plain(v) -> str:
    """Lists, dicts, tuples and other objects as readable text."""
    if isinstance(v, (list, tuple, dict)):
        return json.dumps(v, ensure_ascii=False, default=str)
    if isinstance(v, np.ndarray):
        return json.dumps(v.tolist(), ensure_ascii=False, default=str)
    return str(v)


def _unique(name: str, seen: set, limit: int) -> str:
    """``name`` cut to ``limit`` characters and made unique (case-insensitively) by a _2, _3… suffix."""
    base = name = name[:limit]
    k = 2
    while name.lower() in seen:
        suffix = f"_{k}"
        name, k = base[:limit - len(suffix)] + suffix, k + 1
    seen.add(name.lower())
    return name


def _sheet_names(names) -> list[str]:
    seen: set = set()
    return [_unique(re.sub(r"[\[\]:*?/\\]", "_", str(n))[:31] or "sheet", seen, 31) for n in names]


def to_excel(tables: dict[str, pd.DataFrame], path: str | os.PathLike) -> Path:
    """Write ``tables`` to one workbook, one sheet each."""
    from openpyxl import Workbook

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = Workbook(write_only=True)
    chunks = []
    per_sheet = EXCEL_MAX_ROWS - 1
    for name, df in tables.items():
        if len(df) <= per_sheet:
            chunks.append((name, df))
        else:
            for k, s in enumerate(range(0, len(df), per_sheet)):
                chunks.append((name if k == 0 else f"{name}_{k + 1}", df.iloc[s:s + per_sheet]))
    for sheet, (_, df) in zip(_sheet_names([c[0] for c in chunks]), chunks):
        ws = wb.create_sheet(title=sheet)
        ws.freeze_panes = "A2"
        ws.append([_text_cell(ws, excel_safe(str(c))) for c in df.columns])
        for row in zip(*[_excel_column(df.iloc[:, i]) for i in range(df.shape[1])]):
            if any(isinstance(v, str) and v.startswith("=") for v in row):
                row = [_text_cell(ws, v) for v in row]
            ws.append(row)
    if not chunks:
        wb.create_sheet(title="empty")
    wb.save(path)
    return path


def to_csv(tables: dict[str, pd.DataFrame], directory: str | os.PathLike) -> Path:
    """One ``<table>.csv`` per table, UTF-8 with BOM."""
    d = Path(directory)
    d.mkdir(parents=True, exist_ok=True)
    for name, df in tables.items():
        df.to_csv(d / f"{name}.csv", index=False, encoding="utf-8-sig")
    return d


def arrow_safe(df: pd.DataFrame) -> pd.DataFrame:
    """Object columns that mix types (or hold lists) become text; others are kept."""
    out = df.copy()
    for c in out.columns:
        s = out[c]
        if s.dtype != object:
            continue
        vals = s.dropna()
        types = {type(v) for v in vals}
        if not types:
            continue
        if types <= {str} or types <= {bool, np.bool_} or types <= {int, np.integer} \
                or types <= {float, int}:
            continue
        out[c] = s.map(lambda v: None if v is None or (isinstance(v, float) and np.isnan(v)) else
                       (v if isinstance(v, str) else _plain(v)))
    return out


def to_parquet(tables: dict[str, pd.DataFrame], directory: str | os.PathLike) -> Path:
    """One ``<table>.parquet`` per table (pyarrow)."""
    d = Path(directory)
    d.mkdir(parents=True, exist_ok=True)
    for name, df in tables.items():
        arrow_safe(df).to_parquet(d / f"{name}.parquet", index=False)
    return d


def _stata_reserved() -> set[str]:
    words = {"_all", "_b", "byte", "_coef", "_cons", "double", "float", "if", "in", "int", "long",
             "_n", "_N", "_pi", "_pred", "_rc", "_skip", "strl", "using", "with", "end"}
    try:  # the list pandas checks against, so pandas never renames behind our back
        from pandas.io.stata import StataParser

        words |= set(getattr(StataParser(), "RESERVED_WORDS", ()))
    except Exception:  # pragma: no cover - pandas internals moved
        pass
    return words


def stata_names(columns) -> list[str]:
    """Unique Stata variable names: ASCII letters, digits and _, at most 32, not starting with a digit."""
    reserved = _stata_reserved()
    out, seen = [], set()
    for i, c in enumerate(columns):
        name = re.sub(r"[^A-Za-z0-9_]", "_", str(c))
        if not re.search(r"[A-Za-z0-9]", name):
            name = f"v_{i}"
        if name[0].isdigit():
            name = "v" + name
        if name in reserved:
            name = name + "_"
        out.append(_unique(name, seen, 32))
    return out


def stata_frame(df: pd.DataFrame) -> tuple[pd.DataFrame, list[str], dict[str, str]]:
    """The frame as Stata stores it, the columns that need strL, and variable labels."""
    names = stata_names(df.columns)
    out = pd.DataFrame(index=range(len(df)))
    strl, labels = [], {}
    for name, c in zip(names, df.columns):
        s = df[c].reset_index(drop=True)
        if str(c) != name:
            labels[name] = str(c)[:80]
        if pd.api.types.is_bool_dtype(s.dtype):
            out[name] = s.astype("float64") if s.isna().any() else s.astype("int8")
        elif pd.api.types.is_numeric_dtype(s.dtype):
            out[name] = s.astype("float64") if s.isna().any() or str(s.dtype).startswith(("Int", "UInt")) \
                else s
        else:
            vals = s.dropna()
            if len(vals) and all(isinstance(v, (bool, np.bool_)) for v in vals):
                out[name] = s.map(lambda v: np.nan if v is None or v is pd.NA else float(bool(v)))
            elif len(vals) and all(isinstance(v, (int, float, np.integer, np.floating)) and
                                   not isinstance(v, (bool, np.bool_)) for v in vals):
                out[name] = pd.to_numeric(s, errors="coerce").astype("float64")
            else:
                text = s.map(lambda v: "" if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v))
                             else (v if isinstance(v, str) else _plain(v))).astype(object)
                out[name] = text
                if len(text) and text.map(lambda v: len(v.encode("utf-8"))).max() > STATA_STR_MAX:
                    strl.append(name)
    return out, strl, labels


def to_stata(tables: dict[str, pd.DataFrame], directory: str | os.PathLike) -> Path:
    """One ``<table>.dta`` per table, Stata 14+ format (version 118)."""
    d = Path(directory)
    d.mkdir(parents=True, exist_ok=True)
    for name, df in tables.items():
        frame, strl, labels = stata_frame(df)
        frame.to_stata(d / f"{name}.dta", write_index=False, version=118, convert_strl=strl,
                       variable_labels=labels or None)
    return d
