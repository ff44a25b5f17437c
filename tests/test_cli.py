"""The govtext command: analyze (every format, exit codes, errors listed) and show."""
from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from govtext.cli import main

REPORT = ("桃源镇2023年法治政府建设情况报告\n一、主要举措\n（一）强化学法用法。全年组织干部学法12次，参学人员460人次。\n"
          "二、存在的不足\n基层法治力量仍然薄弱。\n三、2024年工作安排\n力争实现村级法律顾问全覆盖。\n")


@pytest.fixture()
def mini(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "2023_桃源镇.txt").write_text(REPORT, encoding="utf-8")
    (d / "2024_桃源镇.txt").write_text(REPORT.replace("2023", "2024").replace("12次", "15次"), encoding="utf-8")
    (d / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    return d


def test_analyze_corpora_end_to_end(corpora_dir, tmp_path, capsys):
    inputs = [p for p in corpora_dir.iterdir() if p.is_file() and p.name not in ("manifest.csv", "README.md")]
    if not inputs:
        pytest.skip("corpora/ holds no sample reports yet")
    out = tmp_path / "all.xlsx"
    code = main(["analyze", str(corpora_dir), "-o", str(out), "-q", "--jobs", "2"])
    sheets = pd.read_excel(out, sheet_name=None)
    ids = set(sheets["reports"]["doc_id"]) | set(sheets["errors"]["doc_id"])
    assert ids == {p.name for p in inputs}  # every input is in reports or in errors
    assert code == (0 if len(sheets["reports"]) else 1)
    assert {"compare", "sections", "indicators", "passages"} <= set(sheets)
    # the manifest's metadata was used
    man = pd.read_csv(corpora_dir / "manifest.csv")
    rep = sheets["reports"].set_index("doc_id")
    for f, place in zip(man["file"], man["place"]):
        if f in rep.index:
            assert rep.at[f, "place"] == place
    assert "inputs analysed" in capsys.readouterr().err


@pytest.mark.parametrize("fmt,target,expect", [
    (None, "out.xlsx", "out.xlsx"), ("csv", "csvdir", "csvdir/reports.csv"),
    (None, "out.parquet", "out.parquet/reports.parquet"), ("stata", "dta", "dta/reports.dta")])
def test_formats_and_errors_listed(mini, tmp_path, capsys, fmt, target, expect):
    args = ["analyze", str(mini), "-o", str(tmp_path / target), "-q", "--name-pattern", "{year}_{place}.txt"]
    if fmt:
        args += ["--format", fmt]
    assert main(args) == 0
    assert (tmp_path / expect).exists()
    err = capsys.readouterr().err
    assert "2 of 3 inputs analysed, 1 errors" in err and "broken.docx" in err.split("errors:")[1]


def test_manifest_flag(mini, tmp_path):
    man = tmp_path / "m.csv"
    pd.DataFrame({"file": ["2023_桃源镇.txt"], "county": ["云溪县"]}).to_csv(man, index=False)
    main(["analyze", str(mini / "2023_桃源镇.txt"), str(mini / "2024_桃源镇.txt"), "--meta", str(man),
          "-o", str(tmp_path / "o.xlsx"), "-q", "--sentences"])
    rep = pd.read_excel(tmp_path / "o.xlsx", sheet_name="reports")
    assert len(pd.read_excel(tmp_path / "o.xlsx", sheet_name="sentences")) > 0
    assert list(rep["doc_id"]) == ["2023_桃源镇.txt", "2024_桃源镇.txt"]
    assert rep["county"].tolist()[0] == "云溪县"


def test_nothing_analysed_exits_nonzero(tmp_path, capsys):
    (tmp_path / "a.bin").write_bytes(b"\x00\xff" * 10)
    assert main(["analyze", str(tmp_path), "-o", str(tmp_path / "o.xlsx"), "-q"]) == 1
    assert "a.bin" in capsys.readouterr().err
    assert main(["analyze", str(tmp_path / "missing"), "-o", str(tmp_path / "o.xlsx"), "-q"]) == 1


def test_show(mini, capsys):
    assert main(["show", str(mini / "2023_桃源镇.txt")]) == 0
    out = capsys.readouterr().out
    for part in ("## metadata", "## structure", "## indicators", "## passage labels", "主要举措"):
        assert part in out
    assert main(["show", str(mini / "broken.docx")]) == 1


def test_console_entry_point(mini):
    p = subprocess.run([sys.executable, "-m", "govtext", "show", str(mini / "2023_桃源镇.txt")],
                       capture_output=True, text=True, timeout=120)
    assert p.returncode == 0 and "## structure" in p.stdout


def test_two_folders_keep_doc_ids_unique(tmp_path):
    for d in ("county_a", "county_b"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "2023.txt").write_text(REPORT, encoding="utf-8")
    out = tmp_path / "o.xlsx"
    main(["analyze", str(tmp_path / "county_a"), str(tmp_path / "county_b"), "-o", str(out), "-q", "-j", "1"])
    sheets = pd.read_excel(out, sheet_name=None)
    ids = list(sheets["reports"]["doc_id"]) + list(sheets["errors"]["doc_id"])
    assert sorted(ids) == ["county_a/2023.txt", "county_b/2023.txt"]
