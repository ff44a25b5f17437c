"""Corpus analysis: many reports in one call, tidy tables out.

>>> import govtext
>>> corpus = govtext.Corpus.from_texts(["一、主要成效\\n全年新增就业1200人。", "二、下一步计划\\n力争新增就业1500人。"])
>>> res = corpus.analyze(progress=False)
>>> list(res.reports.doc_id), len(res.errors)
(['0', '1'], 0)

Sources: :meth:`Corpus.from_dir`, :meth:`Corpus.from_paths`, :meth:`Corpus.from_frame`,
:meth:`Corpus.from_csv`, :meth:`Corpus.from_jsonl`, :meth:`Corpus.from_texts`.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Sequence

import pandas as pd

from .results import Collector, Results
from .sources import DEFAULT_EXCLUDE, Item, items_from_dir, items_from_frame, items_from_paths, read_table
from .worker import TABLES

__all__ = ["Corpus", "Results", "Item"]


class Corpus:
    """An ordered collection of inputs (files or texts) with user-given metadata.

    Nothing is read until :meth:`analyze`; a corpus holds only paths (or the
    texts a table gave) and metadata.
    """

    def __init__(self, items: Sequence[Item]) -> None:
        ids = [it.doc_id for it in items]
        if len(set(ids)) != len(ids):
            raise ValueError("doc ids must be unique")
        self.items: list[Item] = list(items)

    # -- constructors ---------------------------------------------------------------
    @classmethod
    def from_dir(
        cls,
        directory: str | os.PathLike,
        pattern: str = "*",
        meta: str | os.PathLike | pd.DataFrame | bool | None = None,
        recursive: bool = True,
        name_pattern: str | None = None,
        exclude: Iterable[str] = DEFAULT_EXCLUDE,
    ) -> "Corpus":
        """Every file under ``directory`` matching ``pattern`` (doc_id = relative path).

        ``meta``: a manifest (CSV/TSV/Excel path or DataFrame with a ``file`` column
        and metadata columns); ``None`` (default) uses any ``manifest.csv`` in the
        tree, ``False`` none. ``name_pattern`` such as ``"{year}_{place}_{level}.txt"``
        takes metadata from file names. Manifest values win over file-name values,
        and both win over what govtext reads from the text.

        >>> Corpus.from_dir(".", pattern="*.nothing")
        <govtext.Corpus 0 documents>
        """
        return cls(items_from_dir(directory, pattern=pattern, meta=meta, recursive=recursive,
                                  name_pattern=name_pattern, exclude=exclude))

    @classmethod
    def from_paths(
        cls,
        paths: Iterable[str | os.PathLike],
        meta: str | os.PathLike | pd.DataFrame | None = None,
        name_pattern: str | None = None,
    ) -> "Corpus":
        """The given files, in the given order (doc_id = path relative to their common folder).

        >>> Corpus.from_paths(["a/x.txt", "b/y.txt"]).doc_ids
        ['a/x.txt', 'b/y.txt']
        """
        return cls(items_from_paths(paths, meta=meta, name_pattern=name_pattern))

    @classmethod
    def from_frame(
        cls,
        df: pd.DataFrame,
        text_col: str | None = "text",
        doc_id_col: str | None = None,
        path_col: str | None = None,
    ) -> "Corpus":
        """One document per row: the text in ``text_col`` (or a file in ``path_col``);
        every other column is metadata. doc_id = ``doc_id_col`` or the row label.

        >>> df = pd.DataFrame({"text": ["新增就业12人。"], "county": ["海安"]})
        >>> Corpus.from_frame(df).items[0].meta
        {'county': '海安'}
        """
        return cls(items_from_frame(df, text_col=text_col, doc_id_col=doc_id_col, path_col=path_col))

    @classmethod
    def from_csv(cls, path: str | os.PathLike, text_col: str | None = "text", doc_id_col: str | None = None,
                 path_col: str | None = None) -> "Corpus":
        """A CSV/TSV/Excel table of texts (or of file paths, relative to the table's folder)."""
        df = read_table(Path(path))
        corpus = cls.from_frame(df, text_col=text_col, doc_id_col=doc_id_col, path_col=path_col)
        if path_col is not None:  # files are relative to the table, doc ids stay as the table names them
            base = Path(path).parent
            corpus.items = [Item(it.doc_id, it.path if Path(it.path).is_absolute() else str(base / it.path),
                                 it.text, it.meta) for it in corpus.items]
        return corpus

    @classmethod
    def from_jsonl(cls, path: str | os.PathLike, text_col: str = "text", doc_id_col: str | None = None) -> "Corpus":
        """A JSON-lines file, one document per line (``{"text": ..., "year": ...}``)."""
        df = pd.read_json(path, lines=True, dtype=False)
        return cls.from_frame(df, text_col=text_col, doc_id_col=doc_id_col)

    @classmethod
    def from_texts(cls, texts: Iterable[str], meta: Sequence[dict] | None = None,
                   doc_ids: Sequence[str] | None = None) -> "Corpus":
        """Texts given directly (doc_id = position, or ``doc_ids``)."""
        texts = list(texts)
        ids = [str(i) for i in (doc_ids if doc_ids is not None else range(len(texts)))]
        df = pd.DataFrame(list(meta) if meta is not None else [{}] * len(texts), index=ids)
        df.insert(0, "__text__", texts)
        return cls.from_frame(df, text_col="__text__")

    # -- analysis ---------------------------------------------------------------------
    def analyze(
        self,
        n_jobs: int | None = 1,
        progress: bool = True,
        engine: str = "local",
        chunksize: int | None = None,
        keep_text: bool = False,
        tables: Sequence[str] = TABLES,
    ) -> Results:
        """Analyse every input; never stops on one bad file.

        ``n_jobs``: worker processes (``-1`` = all cores). ``engine``: ``"local"``
        (processes on this machine) or ``"dask"`` (the active ``distributed.Client``,
        else a local cluster). Results are in input order and identical whatever
        ``n_jobs`` or engine. ``keep_text=True`` keeps each cleaned text (for
        exact keyword counts); by default only the tables are kept.
        """
        from .engine import run

        col = Collector(self.meta_columns, tables=tables)
        outs = run(self.items, n_jobs=n_jobs, progress=progress, engine=engine, chunksize=chunksize,
                   tables=tables, keep_text=keep_text)
        i = 0
        for chunk in outs:  # exhaust the generator so pools and bars close now
            n = len(chunk["outs"])
            col.add(self.items[i:i + n], chunk)
            i += n
        return col.build()

    # -- inspection --------------------------------------------------------------------
    @property
    def doc_ids(self) -> list[str]:
        return [it.doc_id for it in self.items]

    @property
    def meta_columns(self) -> list[str]:
        """The user-given metadata columns, in order of first appearance."""
        seen: dict[str, None] = {}
        for it in self.items:
            for k in it.meta:
                seen.setdefault(k, None)
        return list(seen)

    def meta(self) -> pd.DataFrame:
        """The user-given metadata, one row per input."""
        return pd.DataFrame([{"doc_id": it.doc_id, "path": it.path, **it.meta} for it in self.items])

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self):
        return iter(self.items)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return Corpus(self.items[i])
        return self.items[i]

    def __repr__(self) -> str:
        return f"<govtext.Corpus {len(self.items)} documents>"
