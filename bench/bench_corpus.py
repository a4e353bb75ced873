"""Corpus throughput and memory: ingest+analyse documents/s on each engine.

Usage: .venv/bin/python bench/bench_corpus.py [--docs 300] [--mem 1000,10000]
       [--skip-memory] [--skip-throughput]

Throughput: the same JSONL corpus (PTC/PolNeAR texts, made distinct) ingested into
a fresh DuckDB with the local engine and with Dask, 1 and 2 workers, for the
default pipeline without the techniques stage and (when installed) with it. The
baseline is the local engine with 1 worker in this same run; the table prints
ratios against it and the 2-worker/1-worker ratio per engine. "steady" rates count
documents between the first and the last batch written, leaving out worker start
and model loading; "total" includes them.

Memory: peak RSS of the whole process tree (parent, workers) while ingesting 1k
and 10k documents with the cheap stages (anatomy, language, repetitions) and the
local engine with 2 workers, sampled every 50 ms; the ratio is 10k/1k.

On a shared 2-core machine the docs/s ratios mostly measure the neighbours; the
CPU milliseconds per document (this process and its workers, from getrusage) say
whether the engine itself adds work when it goes parallel.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIGHT = ["anatomy", "language", "repetitions"]


def _corpus(folder: Path, n: int) -> Path:
    from presslens.corpora.planted import write_scaled

    path = folder / f"corpus-{n}.jsonl"
    if not path.exists():
        write_scaled(path, n)
    return path


def _cpu_seconds() -> float:
    """CPU time of this process and of its (waited-for) descendants, workers included."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _ingest(
    corpus: Path,
    db: Path,
    engine: str,
    workers: int,
    stages: list[str],
) -> tuple[int, float, float, float]:
    """(documents, total docs/s, steady docs/s, CPU ms per document) for one run."""
    from presslens.engine.runner import run_ingest
    from presslens.settings import Settings
    from presslens.store import open_store

    flushes: list[tuple[float, int]] = []

    def progress(done: int, skipped: int, failed: int) -> None:
        flushes.append((time.perf_counter(), done + failed))

    store = open_store(str(db))
    cpu = _cpu_seconds()
    started = time.perf_counter()
    summary = run_ingest(
        [str(corpus)],
        store,
        Settings(batch_size=32),
        engine=engine,
        workers=workers,
        stages=stages,
        progress=progress,
    )
    total = time.perf_counter() - started
    store.close()
    cpu_ms = (_cpu_seconds() - cpu) * 1000 / max(summary.done, 1)
    steady = 0.0
    if len(flushes) > 1:
        span = flushes[-1][0] - flushes[0][0]
        steady = sum(n for _, n in flushes[1:]) / span if span > 0 else 0.0
    return summary.done, summary.done / total, steady, cpu_ms


def throughput(folder: Path, docs: int) -> None:
    from presslens import stages as registry
    from presslens.pipeline import Pipeline

    corpus = _corpus(folder, docs)
    without = [n for n in Pipeline.default(exclude=["techniques"]).stage_names]
    configs = [("without techniques", without)]
    if registry.is_available("techniques"):
        configs.append(("with techniques", [*without, "techniques"]))
    else:
        print("with techniques: skipped (the techniques stage is not installed)")
    for label, stages in configs:
        print(f"\n{label}: {docs} documents, stages {','.join(stages)}")
        print(
            f"{'engine':8} {'workers':>7} {'total/s':>9} {'steady/s':>9} {'vs local-1':>11} "
            f"{'cpu ms/doc':>11}"
        )
        base = None
        rates: dict[tuple[str, int], float] = {}
        cpus: dict[tuple[str, int], float] = {}
        for engine in ("local", "dask"):
            for workers in (1, 2):
                db = folder / f"{label[:4]}-{engine}-{workers}.duckdb"
                db.unlink(missing_ok=True)
                _, total, steady, cpu_ms = _ingest(corpus, db, engine, workers, stages)
                rates[(engine, workers)] = steady
                cpus[(engine, workers)] = cpu_ms
                base = base or steady
                print(
                    f"{engine:8} {workers:>7} {total:>9.1f} {steady:>9.1f} "
                    f"{steady / base:>10.2f}x {cpu_ms:>11.0f}",
                    flush=True,
                )
        for engine in ("local", "dask"):
            print(
                f"{engine}: 2 workers / 1 worker = "
                f"{rates[(engine, 2)] / rates[(engine, 1)]:.2f} (steady docs/s); "
                f"CPU per document 1w/2w = {cpus[(engine, 1)] / cpus[(engine, 2)]:.2f} "
                "(1.0 = no parallel overhead; includes worker start-up)"
            )


_CHILD = """
import sys
from presslens.engine.runner import run_ingest
from presslens.settings import Settings
from presslens.store import open_store
store = open_store(sys.argv[1])
run_ingest([sys.argv[2]], store, Settings(batch_size=32), engine="local", workers=2,
           stages=sys.argv[3].split(","))
store.close()
"""


def _peak_rss(args: list[str]) -> tuple[float, float]:
    """Peak RSS (MiB) of a command's process tree, and its wall time."""
    import psutil

    started = time.perf_counter()
    proc = subprocess.Popen(args, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    root = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.05)
    if proc.returncode:
        raise SystemExit(f"memory run failed with exit code {proc.returncode}")
    return peak / 2**20, time.perf_counter() - started


def memory(folder: Path, sizes: list[int]) -> None:
    print(f"\nmemory: local engine, 2 workers, stages {','.join(LIGHT)}")
    peaks = []
    for n in sizes:
        corpus = _corpus(folder, n)
        db = folder / f"mem-{n}.duckdb"
        db.unlink(missing_ok=True)
        peak, wall = _peak_rss(
            [sys.executable, "-c", _CHILD, str(db), str(corpus), ",".join(LIGHT)]
        )
        peaks.append(peak)
        print(
            f"{n:>6} documents: peak RSS {peak:7.0f} MiB (process tree), {wall:6.1f} s, "
            f"{n / wall:6.1f} docs/s",
            flush=True,
        )
    for n, peak in zip(sizes[1:], peaks[1:], strict=True):
        print(f"peak RSS {n} / {sizes[0]} documents = {peak / peaks[0]:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--mem", default="1000,10000")
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--skip-throughput", action="store_true")
    parser.add_argument("--dir", type=Path, help="work folder (default: a temporary one)")
    args = parser.parse_args()
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    print(f"cpus: {os.cpu_count()}, load average: {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory(prefix="presslens-bench-") as tmp:
        folder = args.dir or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        if not args.skip_throughput:
            throughput(folder, args.docs)
        if not args.skip_memory:
            memory(folder, [int(x) for x in args.mem.split(",")])
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
