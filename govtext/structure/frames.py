"""Small DataFrames built cheaply: the structure tables of one report (a corpus builds three per report).

pandas' general constructor infers and checks every column (~100-200 µs a frame with pandas 3 string
columns); here int columns become one int64 block and string columns are wrapped as they are, then the
frame is assembled from its blocks (``pandas.api.internals``). Older pandas take the dict constructor.
The result equals what ``pd.DataFrame(dict_of_lists)`` gives with the same dtypes.

>>> df = columns_frame({"t": ["a", "b"], "n": [1, 2]}, ["t", "n"], frozenset({"n"}))
>>> df.values.tolist(), str(df["n"].dtype)
([['a', 1], ['b', 2]], 'int64')
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable

import numpy as np
import pandas as pd


def columns_frame(cols: dict[str, list], columns: list[str], ints: frozenset,
                  strings: str = "python") -> pd.DataFrame:
    """A frame of int64 columns (``ints``) and string columns, with a RangeIndex.

    ``strings``: "python" for the Python-backed "str" dtype, "inferred" for the dtype pandas infers
    from a list of str (Arrow-backed "str" in pandas 3). An empty frame has object string columns."""
    if not cols[columns[0]]:
        return pd.DataFrame({c: pd.Series([], dtype=np.int64 if c in ints else object) for c in columns})
    make = _PYTHON_STR if strings == "python" else _INFERRED_STR
    strs = {c: make(cols[c]) if make is not None and None not in cols[c] else cols[c]
            for c in columns if c not in ints}
    if _from_blocks is None or any(isinstance(v, list) for v in strs.values()):
        data = {c: strs[c] if c in strs else np.array(cols[c], dtype=np.int64) for c in columns}
        return pd.DataFrame(data, copy=False)      # (dict order is the column order)
    int_pos = [k for k, c in enumerate(columns) if c in ints]
    blocks = [(strs[c], np.array([k])) for k, c in enumerate(columns) if c in strs]
    if int_pos:
        # all int columns in one 2-D block (columns x rows), as pandas would consolidate them
        blocks.append((np.array([cols[columns[k]] for k in int_pos], dtype=np.int64), np.array(int_pos)))
    return _from_blocks(blocks, pd.RangeIndex(len(cols[columns[0]])), _column_index(tuple(columns)))


@lru_cache(maxsize=8)
def _column_index(columns: tuple[str, ...]) -> pd.Index:
    return pd.Index(list(columns))      # immutable: one per column layout, shared by every frame


def _blocks_constructor():
    try:
        from pandas.api.internals import create_dataframe_from_blocks
    except ImportError:                 # older pandas: the dict constructor
        return None
    return create_dataframe_from_blocks


def _string_maker(dtype) -> Callable[[list], object] | None:
    """A function list[str] -> string array of ``dtype`` (the array class's own constructor, which
    skips pd.array's dispatch), checked once against pd.array; pd.array itself if that check fails;
    None when ``dtype`` is not a string dtype (plain object columns)."""
    if not isinstance(dtype, pd.StringDtype):
        return None

    def generic(values: list):
        return pd.array(values, dtype=dtype)

    try:
        if dtype.storage == "python":
            from pandas.arrays import StringArray

            def fast(values: list):
                return StringArray(np.array(values, dtype=object), dtype=dtype)
        else:
            import pyarrow as pa
            from pandas.arrays import ArrowStringArray

            def fast(values: list):
                return ArrowStringArray(pa.array(values, type=pa.large_string()), dtype=dtype)
        probe = ["甲", "乙丙"]
        a, b = fast(probe), generic(probe)
        if a.dtype == b.dtype and type(a) is type(b) and a.equals(b):
            return fast
    except Exception:                   # another pandas: its own constructor
        pass
    return generic


def _python_str_dtype():
    try:
        return pd.StringDtype("python", na_value=np.nan)
    except (TypeError, ValueError):     # pandas < 2.3 has no na_value: plain object columns
        return None


_from_blocks = _blocks_constructor()
_PYTHON_STR = _string_maker(_python_str_dtype())
# (what pd.DataFrame infers for a column of str: Arrow-backed "str" in pandas 3, object before)
_INFERRED_STR = _string_maker(pd.Series(["a"]).dtype)
