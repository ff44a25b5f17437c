"""Corpus layer: sources and metadata, order and equality across n_jobs, broken inputs,
comparison tables, the targets-vs-outcomes join, keywords and text reuse.

All report texts here are written for these tests (short, in the genre).
"""
from __future__ import annotations

import json
import os
import zipfile

import numpy as np
import pandas as pd
import pytest

import govtext
from govtext.corpus import Corpus
from govtext.corpus.compare import fold_subject, targets_outcomes
from govtext.corpus.results import Results
from govtext.corpus.sources import meta_from_name

SHARED_PARA = ("我们坚持把矛盾纠纷排查化解作为基层治理的基础性工作，建立镇村两级调解网络，"
               "每月开展一次集中排查，做到小事不出村、大事不出镇、矛盾不上交。")

TEXTS = {
    "2023_青石镇_township.txt": (
        "青石镇2023年工作总结\n"
        "一、主要成效\n"
        "（一）经济稳中有进。全年完成固定资产投资3.2亿元，新增市场主体126户。\n"
        f"{SHARED_PARA}\n"
        "二、存在的问题\n"
        "产业结构仍然单一，村级集体经济收入偏低，部分干部担当意识不强。\n"
        "三、2024年工作打算\n"
        "力争新增市场主体150户，完成高标准农田建设2000亩。\n"),
    "2024_青石镇_township.txt": (
        "青石镇2024年工作总结\n"
        "一、主要成效\n"
        "全年新增市场主体168户，建成高标准农田2100亩，化解矛盾纠纷45件。\n"
        f"{SHARED_PARA}\n"
        "二、下一步计划\n"
        "继续推进法治乡村建设，力争化解率达到98%以上。\n"),
    "2023_柳河街道_street.txt": (
        "柳河街道2023年法治政府建设情况报告\n"
        "一、主要举措和成效\n"
        "开展法治宣传进社区活动32场，发放宣传资料5000余份，法治政府建设扎实推进。\n"
        "二、存在的不足\n"
        "法治宣传形式比较单一，执法人员专业能力有待提高。\n"
        "三、下一年度工作安排\n"
        "将继续深化法治政府建设，组织执法人员培训4次。\n"),
    "2024_柳河街道_street.txt": (
        "柳河街道2024年法治政府建设情况报告\n"
        "一、主要举措和成效\n"
        "组织法治讲座18场，调解各类纠纷210件，调解成功率96%。法治政府建设取得新进展。\n"
        "二、下一年度工作安排\n"
        "推进行政执法规范化，完成执法案卷评查100卷。\n"),
}


def write_corpus(root, texts=TEXTS):
    root.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture()
def small_dir(tmp_path):
    return write_corpus(tmp_path / "reports")


def assert_results_equal(a: Results, b: Results) -> None:
    for name, ta in a.tables.items():
        pd.testing.assert_frame_equal(ta, b.tables[name], check_dtype=True, obj=name)


# -- sources and metadata ----------------------------------------------------------------
def test_from_dir_doc_ids_sorted_and_name_pattern(small_dir):
    c = Corpus.from_dir(small_dir, name_pattern="{year}_{place}_{level}.txt")
    assert c.doc_ids == sorted(TEXTS)
    first = c.items[0]
    assert first.meta == {"year": 2023, "place": "柳河街道", "level": "street"}


def test_name_pattern_without_extension_and_skips():
    assert meta_from_name("a/2023-海坛-x.txt", "{year}-{place}-{}") == {"year": "2023", "place": "海坛"}
    assert meta_from_name("notes.txt", "{year}_{place}") == {}


def test_manifest_wins_over_file_name_and_missing_file_is_an_input(small_dir):
    man = pd.DataFrame({"file": ["2023_青石镇_township.txt", "gone.txt"],
                        "place": ["青石镇人民政府", "无"], "county": ["平川县", "平川县"]})
    man.to_csv(small_dir / "manifest.csv", index=False)
    c = Corpus.from_dir(small_dir, name_pattern="{year}_{place}_{level}.txt")
    assert "manifest.csv" not in c.doc_ids and "gone.txt" in c.doc_ids
    it = c.items[c.doc_ids.index("2023_青石镇_township.txt")]
    assert it.meta["place"] == "青石镇人民政府" and it.meta["year"] == 2023 and it.meta["county"] == "平川县"
    res = c.analyze(progress=False)
    assert "gone.txt" in set(res.errors.doc_id)
    row = res.reports.set_index("doc_id").loc["2023_青石镇_township.txt"]
    assert row["place"] == "青石镇人民政府" and row["county"] == "平川县" and row["year"] == 2023
    # the user's columns come right after the standard metadata, before the counts
    cols = list(res.reports.columns)
    assert cols[0] == "doc_id" and cols.index("county") < cols.index("chars")


def test_manifest_aliases_fill_standard_keys(tmp_path):
    write_corpus(tmp_path, {"a.txt": TEXTS["2023_青石镇_township.txt"]})
    pd.DataFrame({"file": ["a.txt"], "year_covered": ["2023"], "地区": ["青石镇"]}).to_csv(
        tmp_path / "list.csv", index=False, encoding="utf-8-sig")
    c = Corpus.from_dir(tmp_path, meta=tmp_path / "list.csv")
    assert c.doc_ids == ["a.txt"]  # the manifest itself is not an input
    assert c.items[0].meta["year"] == 2023 and c.items[0].meta["place"] == "青石镇"


def test_from_frame_csv_jsonl_paths(tmp_path, small_dir):
    df = pd.DataFrame({"id": ["x", "y"], "body": [TEXTS["2023_青石镇_township.txt"], TEXTS["2024_青石镇_township.txt"]],
                       "year": [2023, 2024]})
    res = Corpus.from_frame(df, text_col="body", doc_id_col="id").analyze(progress=False)
    assert list(res.reports.doc_id) == ["x", "y"] and list(res.reports.year) == [2023, 2024]
    assert "body" not in res.reports.columns
    df.to_csv(tmp_path / "t.csv", index=False)
    assert Corpus.from_csv(tmp_path / "t.csv", text_col="body").doc_ids == ["0", "1"]
    df.to_json(tmp_path / "t.jsonl", orient="records", lines=True, force_ascii=False)
    c = Corpus.from_jsonl(tmp_path / "t.jsonl", text_col="body", doc_id_col="id")
    assert c.doc_ids == ["x", "y"] and c.items[1].meta["year"] == 2024
    pd.DataFrame({"file": ["reports/2024_青石镇_township.txt", "reports/gone.txt"], "county": ["平川县"] * 2}) \
        .to_csv(tmp_path / "files.csv", index=False)
    res = Corpus.from_csv(tmp_path / "files.csv", text_col=None, path_col="file").analyze(progress=False)
    assert list(res.reports.doc_id) == ["reports/2024_青石镇_township.txt"] and res.reports.county[0] == "平川县"
    assert list(res.errors.doc_id) == ["reports/gone.txt"]
    paths = [small_dir / "2024_青石镇_township.txt", small_dir / "2023_青石镇_township.txt"]
    assert Corpus.from_paths(paths).doc_ids == ["2024_青石镇_township.txt", "2023_青石镇_township.txt"]


def test_user_meta_wins_over_inferred():
    res = Corpus.from_texts([TEXTS["2023_柳河街道_street.txt"]], meta=[{"place": "某区柳河街道", "year": 2022}]) \
        .analyze(progress=False)
    assert res.reports.at[0, "place"] == "某区柳河街道" and res.reports.at[0, "year"] == 2022


# -- running -------------------------------------------------------------------------------
def test_order_and_equality_across_n_jobs(small_dir):
    # repeat the files so that chunks complete out of order in the pool
    paths = sorted(small_dir.glob("*.txt")) * 3
    c = Corpus.from_paths(paths, name_pattern="{year}_{place}_{level}.txt")
    r1 = c.analyze(n_jobs=1, progress=False)
    r2 = c.analyze(n_jobs=2, progress=False, chunksize=1)
    assert list(r1.reports.doc_id) == c.doc_ids and len(r1.passages) > 0
    assert_results_equal(r1, r2)
    # per-item tables follow the report order
    order = {d: i for i, d in enumerate(c.doc_ids)}
    pos = r1.indicators["doc_id"].map(order)
    assert pos.is_monotonic_increasing


def test_pool_submits_heaviest_first_within_blocks_and_keeps_input_order():
    from govtext.corpus.engine import _submission_order, run
    from govtext.corpus.sources import Item

    sizes = [10, 10, 500, 10, 10, 10, 900, 10]
    chunks = [[Item(str(i), text="字" * n)] for i, n in enumerate(sizes)]
    order = list(_submission_order(chunks, block=4))
    assert sorted(order) == list(range(8))
    assert order[:4] == [2, 0, 1, 3] and order[4:] == [6, 4, 5, 7]  # heaviest first, blocks kept
    # a large report last in the input is analysed first, yet results come back in input order
    items = [Item(str(i), text=f"{i}、全年新增就业{i}人。\n") for i in range(9)]
    items.append(Item("big", text="一、主要成效\n" + "全年新增就业1200人。\n" * 3000))
    outs = [o for chunk in run(items, n_jobs=2, progress=False, chunksize=1) for o in chunk["outs"]]
    assert [o["ok"] for o in outs] == [True] * 10
    assert [o["n_indicators"] for o in outs] == [1] * 9 + [3000]


def test_tables_have_contract_columns_and_meta_first(small_dir):
    res = Corpus.from_dir(small_dir, name_pattern="{year}_{place}_{level}.txt").analyze(progress=False)
    for name in ("sections", "initiatives", "indicators", "passages"):
        df = getattr(res, name)
        assert df.columns[0] == "doc_id" and df.columns[1] in ("title", "doc_title")
    assert list(res.sections.columns[:2]) == ["doc_id", "doc_title"]
    assert {"level", "marker", "title", "role", "start", "end"} <= set(res.sections.columns)
    assert "doc_level" in res.sections.columns  # the report's level, beside the heading level
    assert {"text", "label", "start", "end"} <= set(res.passages.columns)
    assert {"value", "unit", "target", "subject"} <= set(res.indicators.columns)
    # offsets point into the text
    for d, text in res.texts():
        p = res.passages[res.passages.doc_id == d]
        for t, s, e in zip(p.text, p.start, p.end):
            assert text[s:e] == t


def test_keep_text_gives_exact_text(small_dir):
    res = Corpus.from_dir(small_dir).analyze(progress=False, keep_text=True)
    d = "2024_青石镇_township.txt"
    assert res.text(d) == govtext.read(small_dir / d).text
    rebuilt = Corpus.from_dir(small_dir).analyze(progress=False)
    assert len(rebuilt.text(d)) == len(res.text(d))


def _docx_bytes() -> bytes:
    import io

    import docx

    doc = docx.Document()
    doc.add_paragraph("白沙镇2023年工作总结")
    doc.add_paragraph("一、主要成效")
    doc.add_paragraph("新建村级便民服务点12个。" * 40)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_broken_files_every_input_accounted_for(tmp_path):
    root = write_corpus(tmp_path / "mixed", {"ok1.txt": TEXTS["2023_青石镇_township.txt"],
                                             "ok2.txt": TEXTS["2024_柳河街道_street.txt"]})
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (root / "truncated.docx").write_bytes(_docx_bytes()[:900])
    (root / "text_named.docx").write_text("这不是一个docx文件。", encoding="utf-8")
    (root / "sheet.xyz").write_bytes(b"\x00\x01\x02")
    (root / "sub").mkdir()
    (root / "sub" / "ok3.txt").write_text(TEXTS["2024_青石镇_township.txt"], encoding="utf-8")
    c = Corpus.from_dir(root)
    assert len(c) == 8
    for n_jobs in (1, 2):
        res = c.analyze(n_jobs=n_jobs, progress=False)
        ok, bad = set(res.reports.doc_id), set(res.errors.doc_id)
        assert ok | bad == set(c.doc_ids) and not ok & bad
        assert {"ok1.txt", "ok2.txt", "sub/ok3.txt"} <= ok
        assert {"binary.txt", "truncated.docx", "sheet.xyz"} <= bad
        assert res.errors["error_type"].notna().all() and res.errors["message"].notna().all()
        assert set(res.errors.columns) >= {"doc_id", "path", "stage", "error_type", "message"}


def test_stage_failure_is_an_error_row_not_a_crash(monkeypatch):
    import govtext.indicators as ind

    real = ind.extract_indicators

    def flaky(text, sections=None, meta=None):
        if "柳河" in text:
            raise RuntimeError("boom")
        return real(text, sections, meta)

    monkeypatch.setattr(ind, "extract_indicators", flaky)
    res = Corpus.from_texts([TEXTS["2023_青石镇_township.txt"], TEXTS["2023_柳河街道_street.txt"]]) \
        .analyze(progress=False)
    assert list(res.reports.doc_id) == ["0"]
    err = res.errors.iloc[0]
    assert (err.doc_id, err.stage, err.error_type, err.message) == ("1", "indicators", "RuntimeError", "boom")


@pytest.mark.skipif(__import__("multiprocessing").get_start_method() != "fork",
                    reason="relies on fork to carry the patch into workers")
def test_worker_crash_is_isolated(monkeypatch):
    import govtext.api as api

    real = api.read

    def crashing(path=None, *, text=None, meta=None, model=None):
        if text is not None and "CRASH" in text:
            os._exit(3)  # a hard crash, like a segfault in a parser
        return real(path, text=text, meta=meta, model=model)

    monkeypatch.setattr(api, "read", crashing)
    texts = list(TEXTS.values())
    texts[2] = "CRASH"
    res = Corpus.from_texts(texts).analyze(n_jobs=2, progress=False, chunksize=2)
    assert list(res.reports.doc_id) == ["0", "1", "3"]
    assert list(res.errors.doc_id) == ["2"] and res.errors.stage[0] == "worker"


def test_progress_bar_reports_files(capsys, small_dir):
    Corpus.from_dir(small_dir).analyze(progress=True)
    err = capsys.readouterr().err
    assert "4/4" in err and "file" in err


def test_all_failed_gives_empty_tables(tmp_path):
    (tmp_path / "a.xyz").write_bytes(b"\x00")
    res = Corpus.from_dir(tmp_path).analyze(progress=False)
    assert len(res.reports) == 0 and len(res.errors) == 1
    assert "doc_id" in res.passages.columns and "chars" in res.reports.columns
    assert {"value", "unit", "subject"} <= set(res.indicators.columns)
    assert {"label", "start", "end"} <= set(res.passages.columns)
    assert len(res.compare()) == 0


# -- comparison tables ----------------------------------------------------------------------
@pytest.fixture()
def small_res(small_dir):
    res = Corpus.from_dir(small_dir, name_pattern="{year}_{place}_{level}.txt").analyze(progress=False)
    assert len(res.reports) == 4, res.errors.to_dict("records")
    return res


def test_shares_and_counts(small_res):
    cmp = small_res.compare()
    assert list(cmp.doc_id) == list(small_res.reports.doc_id)
    assert list(cmp.columns[:6]) == ["doc_id", "title", "place", "level", "year", "report_type"]
    roles = [c for c in cmp.columns if c.startswith("role_")]
    labels = [c for c in cmp.columns if c.startswith("label_")]
    assert {"role_achievements", "role_shortcomings", "role_plans"} <= set(roles)
    for cols in (roles, labels):
        sums = cmp[cols].sum(axis=1)
        assert np.allclose(sums[sums > 0], 1.0)
    n = small_res.indicators.groupby("doc_id").size()
    assert (cmp.set_index("doc_id")["ind_total"] == n.reindex(cmp.doc_id).fillna(0).values).all()
    assert (cmp["ind_target"] + cmp["ind_outcome"] == cmp["ind_total"]).all()


def test_subject_folding():
    assert fold_subject("GDP") == fold_subject("生产总值") == fold_subject("全市地区生产总值") == "地区生产总值"
    assert fold_subject("入户宣传") == "入户宣传"
    assert fold_subject(None) is None


def _fake_results(rows, reports):
    rep = pd.DataFrame(reports)
    ind = pd.DataFrame(rows)
    return Results(reports=rep, errors=pd.DataFrame(columns=["doc_id"]),
                   meta_columns=["doc_id", "place", "year"], indicators=ind)


def test_targets_outcomes_join_unit():
    # built by hand, so the join is tested apart from the extractors
    res = _fake_results(
        [dict(doc_id="a", subject="地区生产总值", unit="%", value=6.0, value_max=np.nan, qualifier="左右",
              target=True, text="6%左右", change="up"),
         dict(doc_id="a", subject="居民消费价格", unit="%", value=3.0, value_max=np.nan, qualifier="左右",
              target=True, text="3%左右", change="up"),
         dict(doc_id="a", subject="城镇调查失业率", unit="%", value=5.5, value_max=np.nan, qualifier="以内",
              target=True, text="5.5%以内", change=None),
         dict(doc_id="b", subject="GDP", unit="%", value=6.3, value_max=np.nan, qualifier=None,
              target=False, text="6.3%", change="up"),
         dict(doc_id="b", subject="城镇调查失业率", unit="%", value=5.2, value_max=np.nan, qualifier=None,
              target=False, text="5.2%", change=None),
         dict(doc_id="b", subject="地区生产总值", unit="亿元", value=300.0, value_max=np.nan, qualifier=None,
              target=False, text="300亿元", change=None),
         dict(doc_id="c", subject="地区生产总值", unit="%", value=9.9, value_max=np.nan, qualifier=None,
              target=False, text="9.9%", change="up")],
        [dict(doc_id="a", place="清河县", year=2023), dict(doc_id="b", place="清河县", year=2024),
         dict(doc_id="c", place="别的县", year=2024)])
    t = targets_outcomes(res)
    assert list(t.columns[:3]) == ["place", "subject", "unit"]
    got = {r.subject: (r.target_value, r.outcome_value, r.met) for r in t.itertuples()}
    assert got == {"地区生产总值": (6.0, 6.3, True), "城镇调查失业率": (5.5, 5.2, True)}
    assert set(t.target_year) == {2023} and set(t.outcome_year) == {2024}


TWO_YEARS = {
    "2023_清河县_county.txt": ("清河县2023年政府工作报告\n一、2022年工作回顾\n过去一年，全县地区生产总值增长4.1%。\n"
                             "二、2023年主要预期目标\n今年全县发展的主要预期目标：地区生产总值增长6%左右。\n"),
    "2024_清河县_county.txt": ("清河县2024年政府工作报告\n一、2023年工作回顾\n过去一年，全县地区生产总值增长6.3%。\n"
                             "二、2024年主要预期目标\n地区生产总值增长5.5%左右。\n"),
}


def test_targets_outcomes_end_to_end(tmp_path):
    root = write_corpus(tmp_path / "gwr", TWO_YEARS)
    res = Corpus.from_dir(root, name_pattern="{year}_{place}_{level}.txt").analyze(progress=False)
    t = res.targets_outcomes(subjects=["GDP"])
    row = t[(t.unit == "%")].iloc[0]
    assert (row.place, row.target_year, row.outcome_year) == ("清河县", 2023, 2024)
    assert (row.target_value, row.outcome_value, bool(row.met)) == (6.0, 6.3, True)
    assert row.target_doc_id == "2023_清河县_county.txt"
    panel = res.panel(["GDP"], unit="%")
    assert list(panel["地区生产总值"]) == [4.1, 6.3]


def test_keywords_substring_and_token_modes(small_res):
    import jieba

    terms = ["法治", "法治政府建设", "市场主体"]
    sub = small_res.keywords(terms, counts=True)
    tok = small_res.keywords(terms, mode="token", counts=True)
    by = sub.set_index("doc_id")
    d = "2023_柳河街道_street.txt"
    assert by.at[d, "法治政府建设"] == 3 and by.at[d, "法治"] >= 4
    # in token mode 法治 inside 法治政府建设 is not a separate token
    tb = tok.set_index("doc_id")
    assert tb.at[d, "法治政府建设"] == 3 and tb.at[d, "法治"] < by.at[d, "法治"]
    assert "法治政府建设" not in jieba.dt.FREQ  # the global dictionaries were not touched
    rjieba = pytest.importorskip("rjieba")
    assert not rjieba.has_word("法治政府建设")
    # the plain jieba backend agrees on these counts
    tj = small_res.keywords(terms, mode="token", counts=True, backend="jieba").set_index("doc_id")
    assert (tj[terms] == tb[terms]).all().all()
    per = small_res.keywords(terms).set_index("doc_id")
    assert per.at[d, "市场主体"] == 0
    assert per.at["2023_青石镇_township.txt", "市场主体"] == pytest.approx(
        2 / small_res.reports.set_index("doc_id").at["2023_青石镇_township.txt", "chars"] * 10_000)


def test_kwic(small_res):
    k = small_res.kwic("市场主体", window=5)
    assert len(k) == 3 and (k.keyword == "市场主体").all()
    assert list(k.columns[:2]) == ["doc_id", "title"]
    assert k.iloc[0].left.endswith("新增") and k.iloc[0].label in ("achievement", "plan", "shortcoming", "other")
    text = dict(small_res.texts())[k.iloc[0].doc_id]
    assert text[k.iloc[0].start:k.iloc[0].end] == "市场主体"
    rx = small_res.kwic(r"\d+户", regex=True)
    assert set(rx.keyword) == {"126户", "150户", "168户"}


def test_text_reuse_pairs(small_res):
    pairs = small_res.reuse(level="passage", threshold=0.9, min_chars=30)
    assert len(pairs) == 1
    p = pairs.iloc[0]
    assert {p.doc_id_a, p.doc_id_b} == {"2023_青石镇_township.txt", "2024_青石镇_township.txt"}
    assert p.similarity == pytest.approx(1.0) and p.text_a == p.text_b == SHARED_PARA
    rep = small_res.reuse(level="report", threshold=0.9, min_chars=30)
    assert len(rep) == 1 and 0 < rep.share_a.iloc[0] < 1 and 0 < rep.similarity.iloc[0] < 1
    cmp = small_res.compare(similarity=True).set_index("doc_id")
    assert cmp.at["2023_青石镇_township.txt", "reuse_doc_id"] == "2024_青石镇_township.txt"


def test_reuse_is_deterministic_and_finds_near_copies():
    from govtext.corpus.reuse import candidate_pairs, shingles, signatures

    base = "各村要建立健全人民调解委员会，配齐配强调解员，定期开展业务培训，提升化解矛盾纠纷的能力和水平。"
    near = base.replace("定期", "每季度")
    other = "今年全镇计划新修农村道路十二公里，改造危旧桥梁三座，进一步改善群众出行条件。"
    sets = [shingles(t) for t in (base, near, other)]
    s1, s2 = signatures(sets), signatures(sets)
    assert (s1 == s2).all()
    pairs = {tuple(p) for p in candidate_pairs(s1)}
    assert (0, 1) in pairs and (0, 2) not in pairs


def test_batched_collection_equals_unbatched(monkeypatch, small_dir):
    import govtext.corpus.results as results

    c = Corpus.from_paths(sorted(small_dir.glob("*.txt")) * 3)
    plain = c.analyze(progress=False)
    monkeypatch.setattr(results, "BATCH", 2)
    assert_results_equal(plain, c.analyze(progress=False))


def test_from_dir_recursive_and_pattern(tmp_path):
    write_corpus(tmp_path, {"a.txt": "甲", "b.md": "乙"})
    write_corpus(tmp_path / "sub", {"c.txt": "丙"})
    (tmp_path / ".hidden.txt").write_text("丁", encoding="utf-8")
    assert Corpus.from_dir(tmp_path).doc_ids == ["a.txt", "b.md", "sub/c.txt"]
    assert Corpus.from_dir(tmp_path, recursive=False).doc_ids == ["a.txt", "b.md"]
    assert Corpus.from_dir(tmp_path, pattern="*.txt").doc_ids == ["a.txt", "sub/c.txt"]
