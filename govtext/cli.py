"""The ``govtext`` command.

    govtext analyze INPUT... -o OUT [--jobs N] [--meta manifest.csv] [--format xlsx|csv|parquet|stata]
    govtext show FILE

``analyze`` takes files and folders, writes every table (and the comparison
table) to OUT, lists the inputs it could not analyse at the end and exits with
status 1 when nothing could be analysed (2 for usage errors).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Sequence

FORMATS = {".xlsx": "xlsx", ".xls": "xlsx", ".csv": "csv", ".parquet": "parquet", ".pq": "parquet",
           ".dta": "stata", ".stata": "stata"}


def _format(out: Path, flag: str | None) -> str:
    if flag:
        return flag
    return FORMATS.get(out.suffix.lower(), "csv" if not out.suffix else "xlsx")


def _corpus(inputs: Sequence[str], meta: str | None, pattern: str, name_pattern: str | None):
    """One corpus from files and folders; doc ids stay unique across inputs."""
    from .corpus import Corpus, Item
    from .corpus.sources import items_from_dir, items_from_paths

    items: list[Item] = []
    files = [p for p in inputs if not Path(p).is_dir()]
    dirs = [p for p in inputs if Path(p).is_dir()]
    many = len(dirs) + (1 if files else 0) > 1
    for d in dirs:
        got = items_from_dir(d, pattern=pattern, meta=meta if meta else None, name_pattern=name_pattern)
        prefix = Path(d).resolve().name + "/" if many else ""
        items += [Item(prefix + it.doc_id, it.path, it.text, it.meta) for it in got]
    if files:
        items += items_from_paths(files, meta=meta, name_pattern=name_pattern)
    seen: dict[str, int] = {}
    out = []
    for it in items:
        n = seen.get(it.doc_id, 0)
        seen[it.doc_id] = n + 1
        out.append(it if n == 0 else Item(f"{it.doc_id}#{n + 1}", it.path, it.text, it.meta))
    return Corpus(out)


def cmd_analyze(args: argparse.Namespace) -> int:
    t0 = time.perf_counter()
    for p in args.inputs:
        if not Path(p).exists():
            print(f"govtext: {p}: no such file or folder", file=sys.stderr)
    corpus = _corpus([p for p in args.inputs if Path(p).exists()], args.meta, args.pattern, args.name_pattern)
    if not len(corpus):
        print("govtext: nothing to analyse", file=sys.stderr)
        return 1
    from .corpus.worker import TABLES

    tables = TABLES + (("sentences",) if args.sentences else ())
    res = corpus.analyze(n_jobs=args.jobs, progress=not args.quiet, engine=args.engine, tables=tables)
    t_analyse = time.perf_counter() - t0
    out = Path(args.output)
    fmt = _format(out, args.format)
    writer = {"xlsx": res.to_excel, "csv": res.to_csv, "parquet": res.to_parquet, "stata": res.to_stata}[fmt]
    writer(out)
    took = time.perf_counter() - t0
    print(f"govtext: {len(res.reports)} of {len(corpus)} inputs analysed, {len(res.errors)} errors, "
          f"{took:.1f} s ({t_analyse:.1f} s analysis, {took - t_analyse:.1f} s writing) -> {out} ({fmt})",
          file=sys.stderr)
    if len(res.errors):
        print("errors:", file=sys.stderr)
        for r in res.errors.itertuples(index=False):
            print(f"  {r.doc_id}: {r.error_type}: {r.message}", file=sys.stderr)
    return 0 if len(res.reports) else 1


def _short(s, n: int = 40) -> str:
    s = "" if s is None else str(s).replace("\n", " ")
    return s if len(s) <= n else s[: n - 1] + "…"


def cmd_show(args: argparse.Namespace) -> int:
    from . import read
    from .errors import GovtextError

    try:
        r = read(args.file)
    except (GovtextError, OSError) as exc:
        print(f"govtext: {exc}", file=sys.stderr)
        return 1
    w = sys.stdout.write
    w(f"# {args.file}\n\n## metadata\n")
    for k, v in r.meta.items():
        w(f"  {k:<13}{v}\n")
    w(f"  {'chars':<13}{len(r.text)}\n")
    sec = r.sections
    w(f"\n## structure ({len(sec)} headings)\n")
    for row in sec.itertuples(index=False):
        lvl = int(getattr(row, "level", 1) or 1)
        w(f"  {'  ' * (lvl - 1)}{getattr(row, 'marker', '') or ''}{_short(getattr(row, 'title', ''), 50)}"
          f"  [{getattr(row, 'role', '')}]\n")
    ind = r.indicators
    w(f"\n## indicators ({len(ind)})\n")
    for row in ind.head(args.limit).itertuples(index=False):
        flags = " ".join(f for f, on in (("target", getattr(row, "target", False)),
                                         (str(getattr(row, "change", "") or ""), getattr(row, "change", None)))
                         if on and isinstance(on, (bool, str)) and f)
        val = getattr(row, "value", "")
        val = f"{val:g}" if isinstance(val, (int, float)) else val
        w(f"  {_short(getattr(row, 'subject', ''), 16):<16} {val} "
          f"{getattr(row, 'unit', '') or ''}  {flags}  «{_short(getattr(row, 'text', ''), 24)}»\n")
    if len(ind) > args.limit:
        w(f"  … {len(ind) - args.limit} more\n")
    pas = r.passages
    w(f"\n## passage labels ({len(pas)})\n")
    if len(pas):
        shares = pas.assign(n=pas["end"] - pas["start"]).groupby("label")["n"].sum()
        total = max(int(shares.sum()), 1)
        w("  " + "  ".join(f"{k} {v / total:.0%}" for k, v in shares.items()) + "\n")
    for row in pas.head(args.limit).itertuples(index=False):
        w(f"  {str(getattr(row, 'label', '')):<12} {_short(getattr(row, 'text', ''), 60)}\n")
    if len(pas) > args.limit:
        w(f"  … {len(pas) - args.limit} more\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="govtext", description="Chinese government reports as tidy tables.")
    sub = p.add_subparsers(dest="command", required=True)
    a = sub.add_parser("analyze", help="analyse files and folders, write every table")
    a.add_argument("inputs", nargs="+", metavar="INPUT", help="report files or folders")
    a.add_argument("-o", "--output", required=True, metavar="OUT",
                   help="output: .xlsx workbook, or a folder for csv/parquet/stata")
    a.add_argument("-j", "--jobs", type=int, default=-1, help="worker processes (default -1 = all cores)")
    a.add_argument("--meta", help="manifest CSV: a 'file' column plus metadata columns")
    a.add_argument("--format", choices=["xlsx", "csv", "parquet", "stata"], help="default: from OUT's extension")
    a.add_argument("--pattern", default="*", help="file name pattern inside folders (default *)")
    a.add_argument("--name-pattern", help="metadata from file names, e.g. '{year}_{place}_{level}.txt'")
    a.add_argument("--engine", choices=["local", "dask"], default="local")
    a.add_argument("--sentences", action="store_true", help="also write the sentences table")
    a.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    a.set_defaults(func=cmd_analyze)
    s = sub.add_parser("show", help="print one report's metadata, structure, indicators and labels")
    s.add_argument("file")
    s.add_argument("-n", "--limit", type=int, default=30, help="rows shown per table")
    s.set_defaults(func=cmd_show)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``govtext`` console script."""
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
