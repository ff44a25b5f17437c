"""engine="dask": the same analysis on a local cluster of two worker processes, equal to local."""
from __future__ import annotations

import pandas as pd
import pytest

from govtext.corpus import Corpus

pytest.importorskip("distributed")

TEXTS = [
    "南岭镇2023年工作总结\n一、主要成效\n新建村级文化广场6个，完成农房改造120户。\n二、存在问题\n村级集体经济底子薄。\n"
    "三、下一步计划\n力争村级集体经济收入增长10%以上。\n",
    "东溪街道2024年法治政府建设情况报告\n一、主要举措\n开展普法讲座25场，受众3000余人次。\n二、下一年度安排\n推进执法规范化。\n",
    "",  # an empty text: must end up in errors or reports under both engines
    "北山乡2024年工作总结\n一、工作成效\n修复灌溉渠道8公里，新增耕地300亩。\n",
]


@pytest.mark.slow
def test_dask_engine_equals_local():
    from distributed import Client, LocalCluster

    corpus = Corpus.from_texts(TEXTS * 3)
    local = corpus.analyze(n_jobs=1, progress=False)
    assert len(local.reports) >= 9 and len(local.passages) > 0
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster):
        dask = corpus.analyze(engine="dask", progress=False, chunksize=1)
    for name, table in local.tables.items():
        pd.testing.assert_frame_equal(table, dask.tables[name], obj=name)
    assert set(local.reports.doc_id) | set(local.errors.doc_id) == set(corpus.doc_ids)
