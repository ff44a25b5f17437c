"""Speed of indicator extraction against jieba segmentation, and its scaling.

    python benchmarks/indicators_speed.py [--corpus DIR] [--repeat 3] [--mb 1] [--json out.json]

In one run, on ``../shared/corpora`` (or ``corpora/`` when that is absent):

1. ``extract_indicators(text, sections, meta)`` over every report's cleaned text
   against ``jieba.lcut`` over the same texts, and the ratio of the two times
   (indicators are one stage of the analysis, so this ratio should be well below
   the 0.33 the whole analysis must meet);
2. a ``--mb`` MB input against one twice as large (the corpus texts repeated),
   both as ordinary multi-line text and as one line with no line breaks; the
   time ratio should stay near 2.0 (linear time; 4.0 would mean quadratic).

Reading, cleaning and structure are done before timing (they are other stages).
Timings are wall-clock, best of ``--repeat`` interleaved runs; the load average
is printed at the top because the machine may be shared.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import ROOT, default_corpus, read_reports  # noqa: E402


def reports(corpus: Path) -> list[tuple[str, object, dict]]:
    """(text, sections, meta) of every readable report under ``corpus``."""
    return [(r.text, r.sections, dict(r.meta)) for r in read_reports(corpus)]


def time_indicators(docs) -> float:
    from govtext.indicators import extract_indicators

    t = time.perf_counter()
    for text, sections, meta in docs:
        extract_indicators(text, sections, meta)
    return time.perf_counter() - t


def time_jieba(texts: list[str]) -> float:
    import jieba

    t = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    return time.perf_counter() - t


def sized_text(texts: list[str], n_chars: int, one_line: bool) -> str:
    """The corpus texts repeated up to ``n_chars`` UTF-8 bytes (one line when ``one_line``)."""
    joined = "\n".join(texts)
    if one_line:
        joined = joined.replace("\n", "")
    per_char = len(joined.encode("utf-8")) / max(1, len(joined))
    chars = int(n_chars / per_char)
    reps = chars // max(1, len(joined)) + 1
    return (joined * reps)[:chars]


def best(fn, repeat: int) -> float:
    return min(fn() for _ in range(repeat))


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=default_corpus())
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--mb", type=float, default=1.0, help="size of the smaller scaling input in MB")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)

    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()   # loading the dictionary is not segmentation
    from govtext.indicators import extract_indicators

    extract_indicators("预热：新建公园3个，增长5%。")  # compile rules once, outside the timing

    print(f"load average: {os.getloadavg()[0]:.2f}  corpus: {args.corpus}")
    docs = reports(args.corpus)
    texts = [d[0] for d in docs]
    n_bytes = sum(len(t.encode("utf-8")) for t in texts)
    print(f"{len(docs)} reports, {n_bytes / 1e6:.2f} MB of cleaned text")

    # 1. indicators vs jieba, interleaved so both see the same machine load
    ind, jb = [], []
    for _ in range(args.repeat):
        ind.append(time_indicators(docs))
        jb.append(time_jieba(texts))
    t_ind, t_jb = min(ind), min(jb)
    print(f"indicators: {t_ind:.2f} s ({n_bytes / 1e6 / t_ind:.2f} MB/s)")
    print(f"jieba.lcut: {t_jb:.2f} s ({n_bytes / 1e6 / t_jb:.2f} MB/s)")
    print(f"ratio indicators/jieba: {t_ind / t_jb:.3f}")

    # 2. doubling: a linear pass takes twice as long on twice the input
    result = {"reports": len(docs), "mb": n_bytes / 1e6, "indicators_s": t_ind, "jieba_s": t_jb,
              "ratio": t_ind / t_jb, "doubling": {}}
    size = int(args.mb * 1e6)
    for one_line in (False, True):
        small, large = sized_text(texts, size, one_line), sized_text(texts, 2 * size, one_line)
        ts = best(lambda: _time_one(extract_indicators, small), args.repeat)
        tl = best(lambda: _time_one(extract_indicators, large), args.repeat)
        label = "one line" if one_line else "multi-line"
        print(f"{label}: {args.mb:g} MB {ts:.2f} s, {2 * args.mb:g} MB {tl:.2f} s, doubling ratio {tl / ts:.2f}")
        result["doubling"][label] = {"small_s": ts, "large_s": tl, "ratio": tl / ts}
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))
    return result


def _time_one(fn, text: str) -> float:
    t = time.perf_counter()
    fn(text)
    return time.perf_counter() - t


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
