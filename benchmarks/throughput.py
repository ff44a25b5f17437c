"""Throughput benchmark for govtext's full analysis.

    python benchmarks/throughput.py [--corpus DIR] [--mem 100 1000] [--skip-mem] [--scale 1000] [--repeat 2] [--json out.json]

On ``../shared/corpora`` (or ``corpora/`` when that is absent) it measures, in one run:

1. full analysis throughput in MB/s (reading, cleaning, metadata, structure,
   initiatives, indicators, passage labels all computed; ``Corpus.analyze``)
   against ``jieba.lcut`` over the same texts, and the ratio of the two times
   (goal: <= 0.33, i.e. analysis at least 3x faster than merely segmenting);
2. time per stage (which stage is the bottleneck);
3. 1 vs 2 worker processes (goal: >= 1.8x on 2 cores), beside the ceiling of this
   machine: the same inputs dealt out to 2 forked processes that return nothing;
   and 1 vs 2 processes again on 1,000 documents (the corpus repeated; ``--scale``);
4. peak memory for 100 vs 1,000 documents (the corpus repeated), each in a fresh
   subprocess, beside the size of the result tables (memory should not grow
   beyond the tables);
5. cold start: import plus the first report in a fresh interpreter (goal <= 0.5 s).

Timings are wall-clock, best of ``--repeat`` interleaved runs, each in a fresh
interpreter: govtext after one warm-up call on the sample corpus ``corpora/``
(imports and set-up), then the corpus analysed once (the goals are judged on
this first pass, as a researcher analyses a corpus once) and once more in the
same process (printed too: caches keyed by content are warm then); jieba after
loading its dictionary. On a shared
machine read the load average printed at the top and the CPU share the
parallel run obtained: other load, not govtext, limits the speedup when that
share is well below 100%.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP = {"manifest.csv", "README.md"}


def corpus_files(corpus: Path) -> list[Path]:
    from govtext.corpus.sources import items_from_dir

    return [Path(it.path) for it in items_from_dir(corpus, meta=False)]


RUN_CHILD = r"""
import json, resource, sys, time
def cpu():
    a, b = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return a.ru_utime + a.ru_stime + b.ru_utime + b.ru_stime
mode, n_jobs, warm = sys.argv[1], int(sys.argv[2]), sys.argv[3]
files = json.loads(sys.stdin.read())
out = []
if mode == "jieba":
    from govtext.io import load
    texts = []
    for f in files:
        try:
            texts.append(load(f).raw)
        except Exception:
            texts.append("")
    import jieba
    jieba.setLogLevel(60)
    jieba.initialize()  # dictionary loading is not segmentation
    for _ in range(2):
        c0, t = cpu(), time.perf_counter()
        for x in texts:
            jieba.lcut(x)
        out.append((time.perf_counter() - t, cpu() - c0, 0))
elif mode == "split":
    # the ceiling of n_jobs processes here: the inputs dealt out to forked processes that
    # analyse them and return nothing (n_jobs=1: the same loop in this process)
    import gc, os
    from govtext.corpus import Corpus
    from govtext.corpus.worker import analyze_item
    Corpus.from_dir(warm).analyze(n_jobs=1, progress=False)
    items = Corpus.from_paths(files).items
    shares, load = [[] for _ in range(n_jobs)], [0] * n_jobs  # largest first, to the least loaded
    for it in sorted(items, key=lambda it: -os.path.getsize(it.path)):
        k = load.index(min(load))
        shares[k].append(it)
        load[k] += os.path.getsize(it.path)
    gc.freeze()
    c0, t = cpu(), time.perf_counter()
    pids = []
    for k in range(1, n_jobs):
        pid = os.fork()
        if pid == 0:
            for it in shares[k]:
                analyze_item(it)
            os._exit(0)
        pids.append(pid)
    for it in shares[0]:
        analyze_item(it)
    for pid in pids:
        os.waitpid(pid, 0)
    out.append((time.perf_counter() - t, cpu() - c0, 0))
else:
    from govtext.corpus import Corpus
    Corpus.from_dir(warm).analyze(n_jobs=1, progress=False)  # lazy imports and set-up, on other texts
    corpus = Corpus.from_paths(files)
    for _ in range(2):  # first pass: as a user runs it; second: content caches warm
        c0, t = cpu(), time.perf_counter()
        res = corpus.analyze(n_jobs=n_jobs, progress=False)
        out.append((time.perf_counter() - t, cpu() - c0, len(res.errors)))
print(json.dumps(out))
"""


def bench_fresh(files: list[Path], mode: str, n_jobs: int = 1) -> list[tuple[float, float, int]]:
    """(wall, CPU, errors) of a first and a second pass, in a fresh interpreter.

    ``mode`` is "govtext" (Corpus.analyze with ``n_jobs``, after one warm-up call on the
    sample corpus ``corpora/``: imports and set-up, not these texts), "jieba"
    (jieba.lcut over the same raw texts, dictionary loaded first) or "split" (the
    reports analysed in ``n_jobs`` forked processes that return nothing, shared out
    by size in advance: what the machine allows, with no cost of collecting results). A fresh process per
    run keeps one measurement from warming the next one's caches.
    """
    p = subprocess.run([sys.executable, "-c", RUN_CHILD, mode, str(n_jobs), str(ROOT / "corpora")],
                       input=json.dumps([str(f) for f in files]), capture_output=True, text=True, cwd=ROOT)
    if p.returncode:
        raise RuntimeError(p.stderr[-2000:])
    return [tuple(x) for x in json.loads(p.stdout.strip().splitlines()[-1])]


def bench_stages(files: list[Path]) -> dict[str, float]:
    """Seconds per stage over all files, calling the stages the way govtext.read does."""
    from govtext.clean import clean_text
    from govtext.io import load
    from govtext.metadata import extract_meta
    from govtext.report import Report

    tot = dict.fromkeys(["load", "clean", "metadata", "structure", "initiatives", "indicators", "labels"], 0.0)
    for f in files:
        try:
            t0 = time.perf_counter()
            loaded = load(f)
            t1 = time.perf_counter()
            text = clean_text(loaded.raw)
            t2 = time.perf_counter()
            meta = extract_meta(loaded.raw, text, loaded.path, {}, loaded.page_meta)
            t3 = time.perf_counter()
            r = Report(text=text, meta=meta, hints=loaded.hints)
            r.sections
            t4 = time.perf_counter()
            r.initiatives
            t5 = time.perf_counter()
            r.indicators
            t6 = time.perf_counter()
            r.passages
            t7 = time.perf_counter()
        except Exception:
            continue
        for k, a, b in (("load", t0, t1), ("clean", t1, t2), ("metadata", t2, t3), ("structure", t3, t4),
                        ("initiatives", t4, t5), ("indicators", t5, t6), ("labels", t6, t7)):
            tot[k] += b - a
    return tot


MEM_CHILD = r"""
import json, resource, sys, time
from govtext.corpus import Corpus
files = json.loads(sys.stdin.read())
n = int(sys.argv[1])
paths = [files[i % len(files)] for i in range(n)]
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter()
res = Corpus.from_paths(paths).analyze(n_jobs=1, progress=False)
took = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
tables = sum(int(df.memory_usage(deep=True).sum()) for df in res.tables.values())
print(json.dumps({"docs": n, "rss_before_mb": before / 1024, "peak_rss_mb": peak / 1024,
                  "tables_mb": tables / 2**20, "seconds": took, "reports": len(res.reports),
                  "errors": len(res.errors)}))
"""


def bench_memory(files: list[Path], n: int) -> dict:
    p = subprocess.run([sys.executable, "-c", MEM_CHILD, str(n)], input=json.dumps([str(f) for f in files]),
                       capture_output=True, text=True, cwd=ROOT)
    if p.returncode:
        return {"docs": n, "error": p.stderr[-500:]}
    return json.loads(p.stdout.strip().splitlines()[-1])


COLD_CHILD = r"""
import sys, time
t = time.perf_counter()
import govtext
r = govtext.read(sys.argv[1])
r.analyze()
print(time.perf_counter() - t)
"""


def _cold_runs(first: Path, runs: int, env: dict) -> tuple[list[float], list[float]]:
    inner, outer = [], []
    for _ in range(runs):
        t = time.perf_counter()
        p = subprocess.run([sys.executable, "-c", COLD_CHILD, str(first)], capture_output=True, text=True,
                           cwd=ROOT, env=env)
        outer.append(time.perf_counter() - t)
        if p.returncode == 0:
            inner.append(float(p.stdout.strip().splitlines()[-1]))
    return inner, outer


def bench_cold(first: Path, runs: int = 3) -> dict:
    """Import plus first report in fresh interpreters, median of ``runs``.

    The goal is measured as a user has it after ``pip install``, which writes the
    bytecode cache: one untimed run lets Python write ``__pycache__`` even where
    PYTHONDONTWRITEBYTECODE is set (as on this project's machines). Before that,
    the same is timed in the environment as it is (govtext's modules may then be
    compiled from source at every start).
    """
    as_is, _ = _cold_runs(first, runs, dict(os.environ))
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    _cold_runs(first, 1, env)  # writes the bytecode cache
    inner, outer = _cold_runs(first, runs, {**env, "PYTHONDONTWRITEBYTECODE": "1"})
    return {"file": first.name, "import_and_first_report_s": statistics.median(inner) if inner else None,
            "whole_process_s": statistics.median(outer),
            "environment_as_is_s": statistics.median(as_is) if as_is else None}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    shared = ROOT.parent / "shared" / "corpora"
    ap.add_argument("--corpus", type=Path, default=shared if shared.is_dir() else ROOT / "corpora")
    ap.add_argument("--mem", type=int, nargs="*", default=[100, 1000], help="document counts for the memory test")
    ap.add_argument("--scale", type=int, default=1000,
                    help="also compare 1 and 2 jobs on this many documents (the corpus repeated); 0 to skip")
    ap.add_argument("--skip-mem", action="store_true")
    ap.add_argument("--jobs", type=int, default=2, help="parallel run to compare with 1 job")
    ap.add_argument("--repeat", type=int, default=2, help="timing repeats (best is kept)")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args(argv)

    files = corpus_files(args.corpus)
    size_mb = sum(f.stat().st_size for f in files) / 1e6
    out: dict = {"corpus": str(args.corpus), "files": len(files), "mb": round(size_mb, 2),
                 "load_average": os.getloadavg(), "cpus": os.cpu_count()}
    print(f"corpus {args.corpus}: {len(files)} files, {size_mb:.2f} MB; load average {os.getloadavg()[0]:.2f} "
          f"on {os.cpu_count()} cpus")

    # Each run in a fresh interpreter, interleaved, best of --repeat: the machine may be shared,
    # and noise only ever adds time. Pass 1 is what a user gets analysing a corpus once;
    # pass 2 repeats it in the same process (caches keyed by content are then warm).
    runs = {"serial": [], "jieba": [], "parallel": [], "split1": [], "splitN": []}
    can_fork = hasattr(os, "fork")
    for _ in range(args.repeat):
        runs["serial"].append(bench_fresh(files, "govtext", 1))
        runs["jieba"].append(bench_fresh(files, "jieba"))
        runs["parallel"].append(bench_fresh(files, "govtext", args.jobs))
        if can_fork:
            runs["split1"].append(bench_fresh(files, "split", 1))
            runs["splitN"].append(bench_fresh(files, "split", args.jobs))
    errors = max(r[0][2] for r in runs["serial"])
    if errors:
        print(f"  ({errors} inputs failed)")

    def best(mode: str, k: int) -> tuple[float, float]:
        return min(r[k][0] for r in runs[mode]), min(r[k][1] for r in runs[mode])

    (t1, cpu1), (tj, cpuj), (tp, cpup) = best("serial", 0), best("jieba", 0), best("parallel", 0)
    (t1b, _), (tjb, _), (tpb, _) = best("serial", 1), best("jieba", 1), best("parallel", 1)
    out.update(analysis_s=t1, analysis_cpu_s=cpu1, analysis_mb_s=size_mb / t1, jieba_s=tj, jieba_cpu_s=cpuj,
               jieba_mb_s=size_mb / tj, ratio=t1 / tj, cpu_ratio=cpu1 / cpuj, repeats=args.repeat,
               second_pass={"analysis_s": t1b, "jieba_s": tjb, "ratio": t1b / tjb, "parallel_s": tpb,
                            "speedup": t1b / tpb})
    print(f"\n1. full analysis  {t1:7.2f} s  {size_mb / t1:6.2f} MB/s  (first pass in a fresh process, "
          f"best of {args.repeat})")
    print(f"   jieba.lcut     {tj:7.2f} s  {size_mb / tj:6.2f} MB/s")
    print(f"   time ratio analysis/jieba = {t1 / tj:.3f}  (goal <= 0.33)  "
          f"{'OK' if t1 / tj <= 0.33 else 'NOT MET'}")
    print(f"   CPU-time ratio = {cpu1 / cpuj:.3f}  ({cpu1:.2f} s vs {cpuj:.2f} s; less sensitive to other load)")
    print(f"   second pass in the same process: {t1b:.2f} s vs jieba {tjb:.2f} s, ratio {t1b / tjb:.3f}")

    st = bench_stages(files)
    total = sum(st.values()) or 1.0
    out["stages_s"] = st
    print("\n2. time per stage (serial, seconds and share)")
    for k, v in sorted(st.items(), key=lambda kv: -kv[1]):
        print(f"   {k:<12}{v:7.2f} s  {v / total:5.1%}")
    print(f"   bottleneck: {max(st, key=st.get)}")

    share = cpup / (tp * args.jobs)
    out.update(parallel_jobs=args.jobs, parallel_s=tp, parallel_cpu_s=cpup, speedup=t1 / tp,
               parallel_cpu_overhead=cpup / cpu1 - 1, cpu_share_obtained=share)
    print(f"\n3. {args.jobs} jobs {tp:.2f} s vs 1 job {t1:.2f} s: speedup {t1 / tp:.2f}x  (goal >= 1.8x) "
          f"{'OK' if t1 / tp >= 1.8 else 'NOT MET'}")
    print(f"   CPU: serial {cpu1:.2f} s, parallel {cpup:.2f} s in all processes ({cpup / cpu1 - 1:+.0%} overhead); "
          f"the run got {share:.0%} of {args.jobs} cores (other load limits the speedup when this is low)")
    print(f"   second pass in the same process: {tpb:.2f} s vs {t1b:.2f} s, speedup {t1b / tpb:.2f}x")
    if can_fork:
        (ts1, _), (tsn, _) = best("split1", 0), best("splitN", 0)
        out.update(split_serial_s=ts1, split_parallel_s=tsn, split_speedup=ts1 / tsn)
        print(f"   ceiling on this machine: the inputs dealt out to {args.jobs} forked processes that return "
              f"nothing, {tsn:.2f} s vs {ts1:.2f} s in one: {ts1 / tsn:.2f}x; govtext reaches "
              f"{(t1 / tp) / (ts1 / tsn):.0%} of it")

    if args.scale:
        many = [files[i % len(files)] for i in range(args.scale)]
        big = {"serial": [], "parallel": []}
        for _ in range(args.repeat):
            big["serial"].append(bench_fresh(many, "govtext", 1))
            big["parallel"].append(bench_fresh(many, "govtext", args.jobs))
        b1, bp = min(r[0][0] for r in big["serial"]), min(r[0][0] for r in big["parallel"])
        out.update(scale_docs=args.scale, scale_serial_s=b1, scale_parallel_s=bp, scale_speedup=b1 / bp)
        print(f"   at scale, {args.scale} documents (the corpus repeated): {args.jobs} jobs {bp:.2f} s vs 1 job "
              f"{b1:.2f} s: speedup {b1 / bp:.2f}x  {'OK' if b1 / bp >= 1.8 else 'NOT MET'} (starting the workers "
              f"and their first touches of the parent's memory are paid once per run)")

    if not args.skip_mem:
        print("\n4. peak memory (fresh subprocess each, n_jobs=1)")
        mem = [bench_memory(files, n) for n in args.mem]
        out["memory"] = mem
        for m in mem:
            if "error" in m:
                print(f"   {m['docs']:>5} docs: failed: {m['error']}")
                continue
            print(f"   {m['docs']:>5} docs: peak RSS {m['peak_rss_mb']:7.1f} MB, result tables {m['tables_mb']:6.1f} MB, "
                  f"peak minus tables {m['peak_rss_mb'] - m['tables_mb']:7.1f} MB ({m['seconds']:.1f} s)")
        ok = [m for m in mem if "error" not in m]
        if len(ok) >= 2:
            a, b = ok[0], ok[-1]
            growth = (b["peak_rss_mb"] - a["peak_rss_mb"]) - (b["tables_mb"] - a["tables_mb"])
            out["memory_growth_beyond_tables_mb"] = growth
            print(f"   growth beyond the tables from {a['docs']} to {b['docs']} docs: {growth:.1f} MB")

    first = next((f for f in files if "seed" in str(f)), files[0])
    cold = bench_cold(first)
    out["cold_start"] = cold
    print(f"\n5. cold start ({cold['file']}): import + first report {cold['import_and_first_report_s']:.3f} s "
          f"(goal <= 0.5 s) {'OK' if (cold['import_and_first_report_s'] or 9) <= 0.5 else 'NOT MET'}; "
          f"whole process {cold['whole_process_s']:.3f} s (bytecode cached, as after pip install); "
          f"in the environment as it was: {cold['environment_as_is_s'] or float('nan'):.3f} s")
    if args.json:
        args.json.write_text(json.dumps(out, indent=2, ensure_ascii=False, default=float), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
