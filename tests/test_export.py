"""Exports: every table written to Excel, CSV, Parquet and Stata reads back equal."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from govtext.corpus import Corpus
from govtext.corpus.export import (EXCEL_MAX_CELL, excel_safe, stata_frame, stata_names, to_excel)
from govtext.corpus.results import Results

TEXTS = {
    "2023_石桥镇_township.txt": "石桥镇2023年工作总结\n一、主要成效\n新建污水管网12公里，完成投资1.5亿元，惠及群众8000余户。\n"
                              "二、存在问题\n基础设施欠账较多。\n三、下一步计划\n力争完成投资2亿元。\n",
    "2024_石桥镇_township.txt": "石桥镇2024年工作总结\n一、主要成效\n新增就业岗位350个，办理民生实事20件。\n"
                              "二、2025年工作计划\n计划新建养老服务站3个。\n",
}


@pytest.fixture(scope="module")
def res(tmp_path_factory):
    root = tmp_path_factory.mktemp("exp")
    for name, text in TEXTS.items():
        (root / name).write_text(text, encoding="utf-8")
    (root / "bad.xyz").write_bytes(b"\x00\x01")
    return Corpus.from_dir(root, name_pattern="{year}_{place}_{level}.txt").analyze(progress=False)


def _norm(df: pd.DataFrame) -> pd.DataFrame:
    """Compare values, not storage types: NaN/None/"" alike, numbers as floats, the rest as text."""
    out = pd.DataFrame(index=range(len(df)))
    for c in df.columns:
        s = df[c].reset_index(drop=True)
        num = pd.to_numeric(s, errors="coerce")
        if s.notna().sum() and num.notna().sum() == s.notna().sum() and not pd.api.types.is_bool_dtype(s):
            out[c] = num.astype(float)
        elif pd.api.types.is_bool_dtype(s) or (s.dropna().map(type).isin([bool, np.bool_]).all() and s.notna().any()):
            out[c] = s.map(lambda v: None if v is None or v is pd.NA else float(bool(v)))
        else:
            out[c] = s.map(lambda v: None if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v))
                           or v == "" else str(v)).astype(object)
    return out


def _assert_same(written: pd.DataFrame, read: pd.DataFrame, name: str) -> None:
    assert list(read.columns) == list(written.columns), name
    a, b = _norm(written), _norm(read)
    for c in a.columns:
        x, y = a[c], b[c]
        if x.dtype == float or y.dtype == float:
            np.testing.assert_allclose(pd.to_numeric(x, errors="coerce").astype(float),
                                       pd.to_numeric(y, errors="coerce").astype(float), equal_nan=True,
                                       err_msg=f"{name}.{c}")
        else:
            assert x.tolist() == y.tolist(), f"{name}.{c}"


def test_results_have_rows(res):
    assert len(res.reports) == 2 and len(res.errors) == 1 and len(res.passages) > 0
    assert len(res.indicators) > 0 and len(res.sections) > 0


def test_excel_round_trip(res, tmp_path):
    path = res.to_excel(tmp_path / "out.xlsx")
    sheets = pd.read_excel(path, sheet_name=None)
    assert list(sheets) == ["reports", "compare", "targets_outcomes", "sections", "initiatives", "indicators",
                            "passages", "errors"]
    for name, df in res.tables.items():
        _assert_same(df, sheets[name], name)
    _assert_same(res.compare(), sheets["compare"], "compare")


def test_excel_sanitises_cells_and_sheet_names(tmp_path):
    from openpyxl import load_workbook

    long = "长" * 40_000
    df = pd.DataFrame({"a": ["bad\x00\x07char", long, "==== 正文 ===="], "b": [1.5, np.nan, np.inf], "c": [[1, 2], {"k": "值"}, True]})
    path = to_excel({"a_very_long_table_name_that_excel_rejects": df, "a_very_long_table_name_that_excel_rejectz": df},
                    tmp_path / "x.xlsx")
    wb = load_workbook(path, read_only=True)
    assert all(len(n) <= 31 for n in wb.sheetnames) and len(set(wb.sheetnames)) == 2
    rows = list(wb[wb.sheetnames[0]].iter_rows(values_only=True))
    assert rows[1][0] == "badchar" and len(rows[2][0]) == EXCEL_MAX_CELL
    assert rows[1][2] == "[1, 2]" and rows[2][2] == '{"k": "值"}' and rows[3][1] is None
    assert rows[3][0] == "==== 正文 ===="
    assert load_workbook(path)[wb.sheetnames[0]]["A4"].data_type == "s"  # text, not a formula
    assert excel_safe(np.int64(3)) == 3 and excel_safe(float("nan")) is None


def test_csv_round_trip_with_bom(res, tmp_path):
    d = res.to_csv(tmp_path / "csv")
    raw = (d / "reports.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # so Excel reads the Chinese text
    for name, df in res.tables.items():
        back = pd.read_csv(d / f"{name}.csv", encoding="utf-8-sig", keep_default_na=False, na_values=[""])
        _assert_same(df, back, name)
    assert "石桥镇" in (d / "reports.csv").read_text("utf-8-sig")


def test_parquet_round_trip(res, tmp_path):
    d = res.to_parquet(tmp_path / "pq")
    for name, df in res.tables.items():
        back = pd.read_parquet(d / f"{name}.parquet")
        _assert_same(df, back, name)
    again = Results.read_parquet(d)
    assert again.meta_columns == res.meta_columns
    pd.testing.assert_frame_equal(_norm(again.passages), _norm(res.passages))
    assert len(again.compare()) == len(res.reports)


def test_stata_round_trip_keeps_chinese(res, tmp_path):
    d = res.to_stata(tmp_path / "dta")
    for name, df in res.tables.items():
        back = pd.read_stata(d / f"{name}.dta", convert_categoricals=False)
        expected, _, _ = stata_frame(df)
        _assert_same(expected, back, name)
    back = pd.read_stata(d / "passages.dta")
    assert back["text"].str.contains("污水管网").any()


def test_stata_long_strings_and_names(tmp_path):
    from govtext.corpus.export import to_stata

    df = pd.DataFrame({"年份": [2023, 2024], "text": ["字" * 1000, "短"], "flag": [True, False],
                       "mixed": [1, "二"], "n": pd.array([1, None], dtype="Int64")})
    to_stata({"t": df}, tmp_path)
    back = pd.read_stata(tmp_path / "t.dta")
    assert list(back.columns) == stata_names(df.columns)
    assert back["text"][0] == "字" * 1000  # 3000 bytes: stored as strL
    assert back["flag"].tolist() == [1, 0] and back["mixed"].tolist() == ["1", "二"]
    assert back["n"].isna().tolist() == [False, True]
    with pd.io.stata.StataReader(tmp_path / "t.dta") as rd:
        assert rd.variable_labels()[stata_names(["年份"])[0]] == "年份"
