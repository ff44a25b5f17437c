"""Speed of passage labelling (the ``passages`` stage) against jieba segmentation, and its scaling.

    python benchmarks/classify_speed.py [--corpus DIR] [--repeat 3] [--json out.json]

On ``../shared/corpora`` (or ``corpora/`` when that is absent):

1. ``label_passages(text, passages, sections, meta)`` (shipped model) over every report
   against ``jieba.lcut`` over the same cleaned texts, and the ratio of the two times;
   also ``label_sentences`` on the labelled passages;
2. the same with every report twice as long (its text and passages repeated once): the
   time ratio 2x / 1x should stay near 2.0 (linear time).

Reading, cleaning and structure are done before timing (they are other stages); the model is
loaded and the cue rules compiled before timing too. Wall-clock, best of ``--repeat`` runs;
the load average is printed because the machine may be shared.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import default_corpus, read_reports  # noqa: E402


def reports(corpus: Path) -> list[tuple[str, pd.DataFrame, pd.DataFrame, dict]]:
    """(text, structure passages, sections, meta) of every readable report under ``corpus``."""
    return [(r.text, r._structure.passages, r.sections, dict(r.meta)) for r in read_reports(corpus)]


def doubled(text: str, passages: pd.DataFrame, sections: pd.DataFrame, meta: dict):
    """The report repeated once: text + newline + text, passages shifted for the copy."""
    shift = len(text) + 1
    second = passages.copy()
    second["start"] = second["start"] + shift
    second["end"] = second["end"] + shift
    return text + "\n" + text, pd.concat([passages, second], ignore_index=True), sections, meta


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=default_corpus())
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()

    import jieba
    from govtext.classify import label_passages, label_sentences

    print(f"load average: {os.getloadavg()}")
    reps = reports(args.corpus)
    reps2 = [doubled(*r) for r in reps]
    mb = sum(len(r[0].encode("utf-8")) for r in reps) / 1e6
    print(f"{len(reps)} reports, {mb:.2f} MB cleaned text, {sum(len(r[1]) for r in reps)} passages")
    jieba.lcut("预热分词词典。")
    label_passages(*reps[0])  # load the model, compile the rules

    def passages(rs):
        return [label_passages(*r) for r in rs]

    labelled = passages(reps)
    res = {
        "jieba_1x": best(lambda: [jieba.lcut(r[0]) for r in reps], args.repeat),
        "passages_1x": best(lambda: passages(reps), args.repeat),
        "sentences_1x": best(lambda: [label_sentences(r[0], p, r[2], r[3]) for r, p in zip(reps, labelled)],
                             args.repeat),
        "passages_2x": best(lambda: passages(reps2), args.repeat),
    }
    res["passages_over_jieba"] = res["passages_1x"] / res["jieba_1x"]
    res["passages_2x_over_1x"] = res["passages_2x"] / res["passages_1x"]
    for k, v in res.items():
        print(f"{k:22s} {v:8.3f}{'' if k.startswith(('passages_over', 'passages_2x_over')) else ' s'}")
    if args.json:
        args.json.write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
