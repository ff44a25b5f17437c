"""`read`: the one entry point from a file or a string to a :class:`Report`."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Mapping

from .report import Report


def read(
    path: str | os.PathLike | None = None,
    *,
    text: str | None = None,
    meta: Mapping[str, Any] | None = None,
    model: str | os.PathLike | None = None,
) -> Report:
    """Read one report from a file (.txt .md .html .htm .docx .pdf) or from a string.

    ``meta`` values given by the user win over those govtext infers; a value
    the report does not give stays ``None``. ``model`` is a folder written by
    ``python -m govtext.train`` (default: the model shipped with govtext).

    >>> r = read(text="城东镇2023年度法治政府建设情况报告\\n一、主要举措\\n化解纠纷5件。")
    >>> r.meta["year"], r.meta["report_type"]
    (2023, 'fzzf')
    """
    from .clean import clean_text
    from .io import load
    from .metadata import extract_meta

    if (path is None) == (text is None):
        raise TypeError("read() takes a path or text=..., exactly one of them")
    if text is not None:
        from .io import Loaded

        loaded = Loaded(raw=str(text), hints=frozenset(), page_meta={}, path=None)
    else:
        loaded = load(Path(path))
    cleaned = clean_text(loaded.raw)
    info = extract_meta(loaded.raw, cleaned, loaded.path, dict(meta or {}), loaded.page_meta)
    clf = None
    if model is not None:
        from .classify.model import load_model

        clf = load_model(model)
    return Report(text=cleaned, meta=info, hints=loaded.hints, model=clf)
