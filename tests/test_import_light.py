"""`import govtext` (and showing a report) must not import spaCy, scikit-learn or matplotlib."""
from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("spacy", "sklearn", "matplotlib")


def _loaded_after(code: str) -> list[str]:
    probe = code + f"\nimport json, sys\nprint(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_import_govtext_is_light():
    assert _loaded_after("import govtext") == []


def test_notebook_display_is_light():
    # Computing the tables may load scikit-learn (the passage classifier); displaying
    # them must not pull in spaCy or matplotlib.
    code = ("import govtext\n"
            "r = govtext.read(text='一、主要成效\\n全年化解矛盾纠纷18件。')\n"
            "r._repr_html_(); r.highlight()")
    loaded = _loaded_after(code)
    assert "spacy" not in loaded and "matplotlib" not in loaded


def test_spacy_loads_only_when_asked():
    loaded = _loaded_after("import govtext\nd = govtext.to_spacy(govtext.read(text='全年新增就业1200人。'))")
    assert "spacy" in loaded and "matplotlib" not in loaded


def test_reading_a_report_without_tables_does_not_load_pandas():
    # Text and metadata need no DataFrame: pandas is imported when a table is first computed.
    code = ("import sys, govtext\n"
            "r = govtext.read(text='城东镇2023年度法治政府建设情况报告\\n一、主要举措\\n化解纠纷5件。')\n"
            "assert r.meta['place'] == '城东镇' and 'pandas' not in sys.modules\n"
            "r.sections\n"
            "assert 'pandas' in sys.modules")
    assert _loaded_after(code) == []
