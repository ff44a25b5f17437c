"""Running the worker over many inputs: in-process, in a process pool, or on Dask.

Every engine yields the results of consecutive chunks of inputs **in input
order** (:func:`~govtext.corpus.worker.bundle`: one record per input, one frame
per table), streaming: only a
bounded window of chunks is in flight and results run at most one block of
chunks ahead of the input order, so memory does not grow with the number of
documents beyond the result tables the caller keeps.

>>> from govtext.corpus.sources import Item
>>> chunks = list(run([Item("a", text="全年新增就业12人。")], n_jobs=1, progress=False))
>>> chunks[0]["outs"][0]["ok"], len(chunks[0]["tables"]["indicators"])
(True, 1)
"""
from __future__ import annotations

import gc
import os
from collections import deque
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Iterator, Sequence

from .sources import Item
from .worker import TABLES, analyze_chunk, analyze_item, bundle


def resolve_jobs(n_jobs: int | None) -> int:
    """``-1`` (or None) means every core; ``-2`` all but one, as in joblib."""
    cores = os.cpu_count() or 1
    if n_jobs is None or n_jobs == 0:
        return cores
    if n_jobs < 0:
        return max(1, cores + 1 + n_jobs)
    return n_jobs


def _size(item: Item) -> int:
    if item.text is not None:
        return len(item.text) * 3
    try:
        return os.path.getsize(item.path)
    except OSError:
        return 0


def _chunks(items: Sequence[Item], workers: int, size: int | None = None) -> list[list[Item]]:
    """Consecutive items in chunks: ``size`` items each, or (by default) about
    1/16 of the corpus bytes per worker and at most 8 items, so one large file
    does not travel with many others and the load stays balanced. (Each chunk
    costs the parent ~1.5 ms of round trip: a few dozen chunks per worker, not hundreds.)"""
    if size:
        return [list(items[i:i + size]) for i in range(0, len(items), size)]
    sizes = [_size(it) for it in items]
    target = max(1, sum(sizes) // (workers * 16))
    out, cur, acc = [], [], 0
    for it, sz in zip(items, sizes):
        if cur and (acc + sz > target or len(cur) >= 8):
            out.append(cur)
            cur, acc = [], 0
        cur.append(it)
        acc += sz
    if cur:
        out.append(cur)
    return out


def _bar(total: int, progress: bool, desc: str):
    # tqdm.auto picks the notebook widget; with progress off the plain class avoids its widget warning.
    if progress:
        from tqdm.auto import tqdm
    else:
        from tqdm import tqdm

    return tqdm(total=total, unit="file", desc=desc, disable=not progress, dynamic_ncols=True, smoothing=0.1)


def _crashed(chunk: list[Item], exc: BaseException) -> dict:
    return bundle([{"ok": False, "stage": "worker", "error_type": type(exc).__name__,
             "message": f"the worker failed on this chunk ({type(exc).__name__}): {exc}"[:2000], "where": ""}
            for _ in chunk])


def run(
    items: Sequence[Item],
    n_jobs: int | None = 1,
    progress: bool = True,
    engine: str = "local",
    chunksize: int | None = None,
    tables: Sequence[str] = TABLES,
    keep_text: bool = False,
) -> Iterator[dict]:
    """Yield the results of ``items`` as bundles of consecutive chunks, in input order."""
    if engine not in ("local", "dask"):
        raise ValueError(f"engine must be 'local' or 'dask', not {engine!r}")
    tables = tuple(tables)
    if engine == "dask":
        yield from _run_dask(items, n_jobs, progress, chunksize, tables, keep_text)
        return
    workers = min(resolve_jobs(n_jobs), max(1, len(items)))
    bar = _bar(len(items), progress, "govtext")
    # Freeze what exists now (libraries, models, the caller's data): the garbage collector
    # then skips that large, long-lived heap during the run, and forked workers do not
    # copy-on-write every page it would touch. Objects made during the run are collected
    # as usual; the freeze is undone at the end. (No gc.collect() first: on a notebook's
    # heap it costs ~0.1 s per call, and garbage frozen now is freed after the unfreeze.)
    gc.freeze()
    try:
        chunks = _chunks(items, workers, chunksize)
        if workers <= 1:
            for chunk in chunks:  # the same chunks and bundles as in a pool: identical tables
                outs = []
                for it in chunk:  # the bar moves file by file
                    outs.append(analyze_item(it, tables, keep_text))
                    bar.update(1)
                yield bundle(outs, tables)
            return
        yield from _run_pool(chunks, workers, bar, tables, keep_text)
    finally:
        gc.unfreeze()
        bar.close()


def _isolated(item: Item, tables, keep_text) -> dict:
    """Re-run one input alone in a fresh process, after a crash broke the pool."""
    with ProcessPoolExecutor(max_workers=1) as pool:
        try:
            return pool.submit(analyze_item, item, tables, keep_text).result()
        except BrokenProcessPool as exc:
            return _crashed([item], exc)["outs"][0]


def _submission_order(chunks: list[list[Item]], block: int) -> deque:
    """Chunk indices, heaviest first within each block of ``block`` consecutive chunks.

    Longest-processing-time-first keeps the workers equally busy to the end: a large
    report late in a block no longer runs alone while the other workers idle. Sorting
    within blocks (not globally) bounds how far results run ahead of the input order,
    so finished results do not pile up waiting for one slow early chunk.
    """
    weight = [sum(_size(it) for it in ch) for ch in chunks]
    order: list[int] = []
    for lo in range(0, len(chunks), block):
        order += sorted(range(lo, min(lo + block, len(chunks))), key=lambda i: (-weight[i], i))
    return deque(order)


def _run_pool(chunks: list[list[Item]], workers: int, bar, tables, keep_text) -> Iterator[dict]:
    window = workers * 4  # chunks in flight
    queue = _submission_order(chunks, block=window * 4)
    done: dict[int, dict] = {}
    pending: dict = {}
    nxt = 0  # next chunk index to yield
    pool = ProcessPoolExecutor(max_workers=workers)
    try:
        while nxt < len(chunks):
            while queue and len(pending) < window:
                idx = queue.popleft()
                pending[pool.submit(analyze_chunk, chunks[idx], tables, keep_text)] = idx
            finished, _ = wait(list(pending), return_when=FIRST_COMPLETED)
            broken = []
            for fut in finished:
                idx = pending.pop(fut)
                try:
                    done[idx] = fut.result()
                except BrokenProcessPool:
                    broken.append(idx)
                    continue
                except Exception as exc:  # pickling trouble and the like: account for the inputs
                    done[idx] = _crashed(chunks[idx], exc)
                bar.update(len(chunks[idx]))
            if broken:
                # A dying worker breaks the whole pool and we cannot tell which input killed it:
                # restart the pool and re-run the affected inputs one by one, each in isolation.
                for fut, idx in pending.items():
                    if fut.done() and fut.exception() is None:
                        done[idx] = fut.result()
                        bar.update(len(chunks[idx]))
                    else:
                        broken.append(idx)
                pending.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                for idx in sorted(broken):
                    done[idx] = bundle([_isolated(it, tables, keep_text) for it in chunks[idx]], tables)
                    bar.update(len(chunks[idx]))
                pool = ProcessPoolExecutor(max_workers=workers)
            while nxt in done:
                yield done.pop(nxt)
                nxt += 1
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _run_dask(items, n_jobs, progress, chunksize, tables, keep_text) -> Iterator[dict]:
    try:
        from distributed import Client, LocalCluster, as_completed, get_client
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ImportError("engine='dask' needs dask[distributed]: pip install 'govtext[dask]'") from exc
    import logging

    own = None
    try:
        client = get_client()
    except ValueError:
        workers = resolve_jobs(n_jobs)
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
        client = Client(cluster)
        own = (client, cluster)
    try:
        nworkers = max(1, len(client.scheduler_info().get("workers", {})) or resolve_jobs(n_jobs))
        chunks = _chunks(items, nworkers, chunksize)
        bar = _bar(len(items), progress, "govtext[dask]")
        window = nworkers * 4
        done: dict[int, dict] = {}
        nxt = sub = 0
        ac = as_completed()
        index = {}
        try:
            while nxt < len(chunks):
                while sub < len(chunks) and ac.count() + len(done) < window:
                    fut = client.submit(analyze_chunk, chunks[sub], tables, keep_text, pure=False)
                    index[fut.key] = sub
                    ac.add(fut)
                    sub += 1
                fut = next(ac)
                idx = index.pop(fut.key)
                try:
                    done[idx] = fut.result()
                except Exception as exc:  # a lost worker: account for its inputs
                    done[idx] = _crashed(chunks[idx], exc)
                fut.release()
                bar.update(len(chunks[idx]))
                while nxt in done:
                    yield done.pop(nxt)
                    nxt += 1
        finally:
            bar.close()
    finally:
        if own is not None:
            own[0].close()
            own[1].close()
