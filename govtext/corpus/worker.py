"""The unit of work: one input document to plain tables, or to an error record.

Workers return only plain dicts and DataFrames (no Report objects), so results
pickle cheaply between processes and nothing large outlives a document.

>>> from govtext.corpus.sources import Item
>>> out = analyze_item(Item("a", text="一、主要成效\\n全年新增就业1200人。"))
>>> out["ok"], out["chars"] > 0
(True, True)
>>> analyze_item(Item("b", path="/no/such/file.txt"))["ok"]
False
"""
from __future__ import annotations

import traceback
from typing import Any, Sequence

import pandas as pd

from .sources import Item

#: The per-report tables a corpus analysis collects, in output order.
TABLES = ("sections", "initiatives", "indicators", "passages")


def analyze_item(item: Item, tables: Sequence[str] = TABLES, keep_text: bool = False) -> dict[str, Any]:
    """Run the whole pipeline on one input; never raises for a bad document."""
    from ..api import read

    stage = "read"
    try:
        given = dict(item.meta)
        if item.text is not None:
            report = read(text=item.text, meta=given)
        else:
            report = read(item.path, meta=given)
        out: dict[str, Any] = {"ok": True}
        for name in tables:
            stage = name
            df = getattr(report, name).reset_index(drop=True)
            if name == "sections" and "section" not in df.columns:
                df.insert(0, "section", range(len(df)))
            out[name] = df
        stage = "meta"
        meta = dict(report.meta)
        meta.update(given)  # the user's values win, whatever a stage inferred
        if item.path is not None and not meta.get("path"):
            meta["path"] = item.path
        out["meta"] = meta
        out["chars"] = len(report.text)
        if keep_text:
            out["text"] = report.text
        return out
    except Exception as exc:  # one bad file must never stop the run
        tb = traceback.extract_tb(exc.__traceback__)
        where = f"{tb[-1].filename.rsplit('/', 1)[-1]}:{tb[-1].lineno}" if tb else ""
        return {
            "ok": False,
            "stage": stage,
            "error_type": type(exc).__name__,
            "message": (str(exc) or repr(exc))[:2000],
            "where": where,
        }


def bundle(outs: Sequence[dict[str, Any]], tables: Sequence[str] = TABLES) -> dict[str, Any]:
    """Several ``analyze_item`` results as one bundle: per-item records without their
    tables (each keeps ``n_<table>``, its row count) and, per table, the items' rows
    concatenated into one frame (None when no item succeeded).

    One frame per table and chunk instead of one per report: the frames are what
    costs most to pickle between processes and to concatenate in the parent.
    An item with no rows still gives the columns when no item has any.
    """
    records, merged = [], {}
    for out in outs:
        rec = {k: v for k, v in out.items() if k not in tables}
        if out.get("ok"):
            for t in tables:
                rec[f"n_{t}"] = len(out[t])
        records.append(rec)
    for t in tables:
        frames = [o[t] for o in outs if o.get("ok")]
        full = [f for f in frames if len(f)]
        if len(full) > 1:
            merged[t] = pd.concat(full, ignore_index=True)
        elif full or frames:
            merged[t] = (full or frames)[0].reset_index(drop=True)
        else:
            merged[t] = None
    return {"outs": records, "tables": merged}


def analyze_chunk(items: Sequence[Item], tables: Sequence[str] = TABLES, keep_text: bool = False) -> dict[str, Any]:
    """Analyse a few items in one call and return them as one :func:`bundle`."""
    return bundle([analyze_item(it, tables, keep_text) for it in items], tables)
