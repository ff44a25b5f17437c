"""Train the passage classifier on a folder of reports, by weak supervision.

    python -m govtext.train CORPUS_DIR [CORPUS_DIR ...] -o model_dir

Every report under the folders (recursively; .txt .md .html .htm .docx .pdf) is read with
:func:`govtext.read`, split by the structure step, and its paragraphs under clearly-roled
headings become training labels (see :mod:`govtext.classify.weak`). The result is written
as plain arrays + JSON (:mod:`govtext.classify.model`). Same input, same bytes: files are
sorted, duplicates dropped in a fixed order, the solver is deterministic.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("城北镇2023年工作总结\\n一、主要成效\\n全年新建道路12公里。\\n二、存在问题\\n基础设施仍然薄弱。\\n三、2024年工作计划\\n将加快推进项目建设。", encoding="utf-8")
>>> [p.name for p in report_files([d])]
['a.txt']
"""
from __future__ import annotations

import argparse
import hashlib
import os
import sys
from pathlib import Path
from typing import Callable, Iterable, Sequence

READABLE = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
SKIP_NAMES = {"readme.md", "readme.txt", "license", "license.txt", "manifest.csv"}


def report_files(folders: Iterable[str | os.PathLike]) -> list[Path]:
    """Every readable report file under the folders, sorted by path (deterministic)."""
    files = []
    for folder in folders:
        folder = Path(folder)
        cands = [folder] if folder.is_file() else folder.rglob("*")
        for p in cands:
            hidden = p != folder and any(part.startswith(".") for part in p.relative_to(folder).parts)
            if p.is_file() and p.suffix.lower() in READABLE and p.name.lower() not in SKIP_NAMES and not hidden:
                files.append(p)
    return sorted(set(files), key=lambda p: p.as_posix())


def examples_from_file(path: Path, structure: Callable | None = None) -> list[tuple[str, str]]:
    """Weak (text, label) pairs from one report file; [] when it cannot be read or has no roles."""
    import govtext
    from govtext.classify.weak import weak_labels

    if structure is None:
        from govtext.structure import parse_structure as structure
    try:
        r = govtext.read(path)
        st = structure(r.text, r.meta, r.hints)
    except Exception:  # one bad file never stops training
        return []
    return weak_labels(st.passages, r.meta)


def collect_examples(folders: Sequence[str | os.PathLike], structure: Callable | None = None
                     ) -> tuple[list[tuple[str, str]], int, int]:
    """All weak examples of the folders (duplicates dropped, first occurrence kept).

    Returns (examples, number of files read, number of files that gave examples)."""
    seen: set[str] = set()
    out: list[tuple[str, str]] = []
    files = report_files(folders)
    used = 0
    for p in files:
        ex = examples_from_file(p, structure)
        if ex:
            used += 1
        for text, label in ex:
            key = hashlib.sha1(text.encode("utf-8")).hexdigest()
            if key in seen:
                continue
            seen.add(key)
            out.append((text, label))
    return out, len(files), used


def train(folders: Sequence[str | os.PathLike], out_dir: str | os.PathLike, *, alpha: float = 1e-4,
          structure: Callable | None = None, quiet: bool = True):
    """Train on the folders and write the model folder; returns the model."""
    from collections import Counter

    from govtext.classify.model import fit_model, save_model

    examples, n_files, n_used = collect_examples(folders, structure)
    counts = Counter(lab for _, lab in examples)
    if len(counts) < 2:
        raise SystemExit(f"govtext.train: not enough labelled paragraphs in {n_files} files "
                         f"(labels found: {dict(counts)}); the reports need clearly-roled headings")
    texts = [t for t, _ in examples]
    labels = [lab for _, lab in examples]
    info = {"trained_on": [str(f) for f in folders],
            "labels_from": "section roles of clearly-roled headings + strong cue rules (govtext.classify.weak)",
            "files_read": n_files, "files_used": n_used, "examples": len(examples),
            "label_counts": {k: counts[k] for k in sorted(counts)}, "alpha": alpha,
            "model": "SGDClassifier(log_loss, averaged, class_weight=balanced, random_state=0)"}
    model = fit_model(texts, labels, alpha=alpha, info=info)
    save_model(model, out_dir)
    if not quiet:
        print(f"govtext.train: {len(examples)} paragraphs from {n_used}/{n_files} files "
              f"{info['label_counts']} -> {out_dir}", file=sys.stderr)
    return model


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m govtext.train",
                                 description="Train the govtext passage classifier on a folder of reports.")
    ap.add_argument("corpus", nargs="+", help="folder(s) of reports, read recursively")
    ap.add_argument("-o", "--output", required=True, help="model folder to write")
    ap.add_argument("--alpha", type=float, default=1e-4, help="regularisation strength (default 1e-4)")
    a = ap.parse_args(argv)
    for d in a.corpus:
        if not Path(d).exists():
            ap.error(f"{d}: no such folder")
    train(a.corpus, a.output, alpha=a.alpha, quiet=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
