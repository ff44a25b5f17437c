"""Where a corpus comes from: files in a folder, a list of paths, a table of texts.

Each input becomes an :class:`Item` (doc_id, path or text, user-given metadata).
Metadata comes from a manifest CSV (a ``file`` column plus metadata columns),
from file names with a declared pattern (``{year}_{place}_{level}.txt``, like
R readtext's ``docvarsfrom="filenames"``), or from the text itself later in
the pipeline; what the user gives always wins over what govtext infers.

>>> rx = name_pattern_regex("{year}_{place}_{level}.txt")
>>> rx.fullmatch("2023_城东镇_township.txt").groupdict()
{'year': '2023', 'place': '城东镇', 'level': 'township'}
"""
from __future__ import annotations

import fnmatch
import json
import math
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Mapping

import pandas as pd

#: File names never taken as reports by ``from_dir`` (manifests, readmes, hidden files).
DEFAULT_EXCLUDE = ("manifest.csv", "README", "README.*", "readme.*", ".*", "~$*", "Thumbs.db")
#: Column names a manifest may use for the file it describes.
FILE_COLUMNS = ("file", "path", "filename", "file_name", "文件", "文件名")


@dataclass(frozen=True)
class Item:
    """One input document: exactly one of ``path`` and ``text`` is set."""

    doc_id: str
    path: str | None = None
    text: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@lru_cache(maxsize=1)
def meta_aliases() -> dict[str, str]:
    """Column names that mean a govtext metadata key (data/corpus_meta_aliases.json)."""
    raw = json.loads(resources.files("govtext.data").joinpath("corpus_meta_aliases.json").read_text("utf-8"))
    return {k: v for k, v in raw.items() if not k.startswith("_")}


def clean_value(v: Any) -> Any:
    """Plain Python value for a metadata cell; missing (None/NaN/NA/"") becomes None.

    >>> clean_value(float("nan")) is None, clean_value(" 2023 ")
    (True, '2023')
    """
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if hasattr(v, "item") and not isinstance(v, (str, bytes)):
        try:
            v = v.item()
        except (ValueError, AttributeError):
            pass
    if isinstance(v, float) and math.isnan(v):
        return None
    if isinstance(v, str):
        v = v.strip()
        return v or None
    return v


def normalize_meta(given: Mapping[str, Any]) -> dict[str, Any]:
    """Drop empty values, fill govtext keys from known aliases, make ``year`` an int.

    >>> normalize_meta({"year_covered": "2023", "place": ""})
    {'year_covered': '2023', 'year': 2023}
    """
    out = {str(k): clean_value(v) for k, v in given.items()}
    out = {k: v for k, v in out.items() if v is not None}
    for alias, key in meta_aliases().items():
        if alias in out and key not in out:
            out[key] = out[alias]
    year = out.get("year")
    if isinstance(year, float) and year.is_integer():
        out["year"] = int(year)
    elif isinstance(year, str) and re.fullmatch(r"\d{4}", year.strip()):
        out["year"] = int(year)
    return out


def name_pattern_regex(pattern: str) -> re.Pattern:
    """Compile a file-name pattern such as ``{year}_{place}_{level}.txt``.

    ``{name}`` captures a field (shortest match), ``{}`` or ``{_}`` skips a part,
    everything else is literal. A pattern without a ``/`` is matched against the
    file name, one with ``/`` against the path relative to the folder.
    """
    out = []
    for part in re.split(r"(\{[^{}]*\})", pattern):
        if part.startswith("{") and part.endswith("}"):
            name = part[1:-1].strip()
            if name in ("", "_", "*"):
                out.append(r"[^/]*?")
            else:
                if not name.isidentifier():
                    raise ValueError(f"name_pattern field {{{name}}} is not a valid field name")
                out.append(rf"(?P<{name}>[^/]+?)")
        else:
            out.append(re.escape(part))
    return re.compile("".join(out))


def meta_from_name(rel: str, pattern: str | None) -> dict[str, str]:
    """Fields a file name gives under ``pattern`` (empty when it does not match).

    A pattern without an extension matches the name without its extension.

    >>> meta_from_name("sub/2024_海坛_township.txt", "{year}_{place}_{level}")
    {'year': '2024', 'place': '海坛', 'level': 'township'}
    """
    if pattern is None:
        return {}
    return _from_name(rel, pattern, name_pattern_regex(pattern))


def read_manifest(manifest: str | os.PathLike | pd.DataFrame, base: Path) -> dict[Path, dict[str, Any]]:
    """Map resolved file path -> metadata row for a manifest (CSV path or DataFrame).

    A CSV manifest's file names are relative to the manifest's own folder (then to
    ``base``); a DataFrame's are relative to ``base``.
    """
    if isinstance(manifest, pd.DataFrame):
        df, roots = manifest, [base]
    else:
        mpath = Path(manifest)
        df = read_table(mpath)
        roots = [mpath.parent, base]
    col = next((c for c in FILE_COLUMNS if c in df.columns), None)
    if col is None:
        raise ValueError(f"the manifest has no file column (one of {', '.join(FILE_COLUMNS)})")
    out: dict[Path, dict[str, Any]] = {}
    for row in df.to_dict("records"):
        name = clean_value(row.pop(col))
        if name is None:
            continue
        cands = [Path(name)] if Path(name).is_absolute() else [r / name for r in roots]
        found = next((p for p in cands if p.exists()), cands[0])
        out[_key(found)] = row
    return out


def read_table(path: Path) -> pd.DataFrame:
    """A CSV (utf-8 with or without BOM, else GB18030), TSV, Excel or JSON-lines table."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xls"):
        return pd.read_excel(path, dtype=object)
    if suffix in (".jsonl", ".ndjson"):
        return pd.read_json(path, lines=True, dtype=False)
    sep = "\t" if suffix in (".tsv", ".tab") else ","
    try:
        return pd.read_csv(path, sep=sep, dtype=object, keep_default_na=False, encoding="utf-8-sig")
    except UnicodeDecodeError:
        return pd.read_csv(path, sep=sep, dtype=object, keep_default_na=False, encoding="gb18030")


def _key(p: Path) -> Path:
    return Path(os.path.abspath(p))


def _excluded(name: str, exclude: Iterable[str]) -> bool:
    return any(fnmatch.fnmatchcase(name, pat) for pat in exclude)


def items_from_dir(
    directory: str | os.PathLike,
    pattern: str = "*",
    meta: str | os.PathLike | pd.DataFrame | bool | None = None,
    recursive: bool = True,
    name_pattern: str | None = None,
    exclude: Iterable[str] = DEFAULT_EXCLUDE,
) -> list[Item]:
    """Items for the files under ``directory`` (sorted by relative path; doc_id = that path).

    ``meta=None`` uses every ``manifest.csv`` found in the tree that has a file
    column; ``meta=False`` uses none. Files a manifest lists that do not exist
    are kept as inputs, so they are reported as errors rather than forgotten.
    """
    root = Path(directory)
    if not root.is_dir():
        raise NotADirectoryError(f"{root}: not a folder")
    exclude = tuple(exclude)
    manifest_file = _key(Path(meta)) if isinstance(meta, (str, os.PathLike)) else None
    walker = root.rglob(pattern) if recursive else root.glob(pattern)
    files = []
    for p in walker:
        rel = p.relative_to(root)
        if not p.is_file() or any(_excluded(part, exclude) for part in rel.parts) or _key(p) == manifest_file:
            continue
        files.append(p)

    table: dict[Path, dict[str, Any]] = {}
    if meta is None:
        mans = sorted(root.rglob("manifest.csv") if recursive else root.glob("manifest.csv"))
        for man in mans:
            try:
                table.update(read_manifest(man, man.parent))
            except ValueError:
                continue  # a manifest.csv without a file column is not ours to read
    elif meta is not False:
        table = read_manifest(meta, root)

    known = {_key(p) for p in files}
    name_glob = pattern.rsplit("/", 1)[-1]
    for p in table:
        if p not in known and not p.exists() and fnmatch.fnmatch(p.name, name_glob):
            try:
                p.relative_to(_key(root))
            except ValueError:
                continue
            files.append(p)
            known.add(p)

    rx = name_pattern_regex(name_pattern) if name_pattern else None
    items = []
    for p in files:
        rel = Path(os.path.relpath(_key(p), _key(root))).as_posix()
        given = _from_name(rel, name_pattern, rx) if rx is not None else {}
        given.update({k: v for k, v in table.get(_key(p), {}).items()})
        items.append((rel, Item(doc_id=rel, path=str(p), meta=normalize_meta(given))))
    items.sort(key=lambda t: t[0])
    return [it for _, it in items]


def _from_name(rel: str, pattern: str, rx: re.Pattern) -> dict[str, str]:
    target = rel if "/" in pattern else rel.rsplit("/", 1)[-1]
    if "." in target.rsplit("/", 1)[-1] and "." not in pattern.rsplit("}", 1)[-1]:
        target = target.rsplit(".", 1)[0]  # the pattern names no extension: match the stem
    m = rx.fullmatch(target)
    return {k: v for k, v in m.groupdict().items() if v} if m else {}


def items_from_paths(
    paths: Iterable[str | os.PathLike],
    meta: str | os.PathLike | pd.DataFrame | None = None,
    name_pattern: str | None = None,
) -> list[Item]:
    """Items for explicit files, in the order given; doc_id = path relative to their common folder."""
    paths = [Path(p) for p in paths]
    if not paths:
        return []
    parents = [str(_key(p).parent) for p in paths]
    common = Path(os.path.commonpath(parents))
    table = read_manifest(meta, common) if meta is not None else {}
    rx = name_pattern_regex(name_pattern) if name_pattern else None
    items, seen = [], set()
    for p in paths:
        rel = Path(os.path.relpath(_key(p), common)).as_posix()
        doc_id, n = rel, 2
        while doc_id in seen:  # the same file given twice stays two inputs
            doc_id, n = f"{rel}#{n}", n + 1
        seen.add(doc_id)
        given = _from_name(rel, name_pattern, rx) if rx is not None else {}
        given.update(table.get(_key(p), {}))
        items.append(Item(doc_id=doc_id, path=str(p), meta=normalize_meta(given)))
    return items


def items_from_frame(
    df: pd.DataFrame,
    text_col: str | None = "text",
    doc_id_col: str | None = None,
    path_col: str | None = None,
) -> list[Item]:
    """Items for the rows of a table holding texts (``text_col``) or file paths (``path_col``).

    Every other column is metadata. doc_id is ``doc_id_col``, else the path as the
    table gives it (for files), else the row label.
    """
    if path_col is None and (text_col is None or text_col not in df.columns):
        raise KeyError(f"no text column {text_col!r}; pass text_col=... or path_col=...")
    if path_col is not None and path_col not in df.columns:
        raise KeyError(f"no path column {path_col!r}")
    if doc_id_col is not None and doc_id_col not in df.columns:
        raise KeyError(f"no doc_id column {doc_id_col!r}")
    skip = {c for c in (text_col, path_col, doc_id_col) if c is not None}
    meta_cols = [c for c in df.columns if c not in skip]
    if doc_id_col:
        ids = df[doc_id_col].astype(str).tolist()
    elif path_col is not None and df[path_col].astype(str).is_unique:
        ids = df[path_col].astype(str).tolist()  # the file as the table names it
    else:
        ids = [str(i) for i in df.index]
    if len(set(ids)) != len(ids):
        raise ValueError("doc ids must be unique")
    items = []
    col_text = df[text_col].tolist() if path_col is None else None
    col_path = df[path_col].tolist() if path_col is not None else None
    metas = df[meta_cols].to_dict("records") if meta_cols else [{}] * len(df)
    for i, doc_id in enumerate(ids):
        if col_path is not None:
            items.append(Item(doc_id=doc_id, path=str(col_path[i]), meta=normalize_meta(metas[i])))
        else:
            t = col_text[i]
            t = "" if clean_value(t) is None and not isinstance(t, str) else str(t)
            items.append(Item(doc_id=doc_id, text=t, meta=normalize_meta(metas[i])))
    return items
