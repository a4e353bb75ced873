"""Does adding the day's news cost the same whatever the archive's size?

Usage: PYTHONPATH=src .venv/bin/python bench/bench_reprint_growth.py [--small 2000]
       [--large 20000] [--extra 200]

For each archive size, a DuckDB store is built (in this process, timed apart:
an ingest without analysis stages, then the reprint groups) from the first N
documents of a planted corpus (PTC/PolNeAR articles, each recurring about N/1300
times, rotated: a corpus full of reprints). Then ``--extra`` more documents (the
next ones of the same corpus) are added twice:

- ``presslens ingest extra.jsonl --stages "" --workers 1``, a whole process
  (start-up, reading, fingerprinting, storing, reprint update), timed from outside;
- the reprint update alone (:func:`update_groups` after an ingest of another
  ``--extra`` documents with ``--no-reprints``), timed in this process.

It prints documents/s for each and the ratio large/small: 1.0 means an update
costs the same whatever the archive (the issue's budget: at least 0.8).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _presslens(*args: str) -> list[str]:
    code = "import sys; from presslens.cli.main import app; sys.argv[0] = 'presslens'; app()"
    return [sys.executable, "-c", code, *args]


def measure(folder: Path, lines: list[str], size: int, extra: int) -> dict[str, float]:
    from presslens.engine.runner import run_ingest
    from presslens.reprints.index import update_groups
    from presslens.settings import Settings
    from presslens.store import open_store

    archive = _write(folder / f"archive-{size}.jsonl", lines[:size])
    day = _write(folder / f"day-{size}.jsonl", lines[size : size + extra])
    later = _write(folder / f"later-{size}.jsonl", lines[size + extra : size + 2 * extra])
    db = str(folder / f"archive-{size}.duckdb")

    store = open_store(db)
    started = time.perf_counter()
    run_ingest([str(archive)], store, Settings(), stages=[], workers=1)
    built = update_groups(store)
    build_s = time.perf_counter() - started
    passages = store.sql("SELECT COUNT(*) AS n FROM passages")[0]["n"]
    store.close()

    started = time.perf_counter()
    subprocess.run(
        _presslens("ingest", str(day), "--db", db, "--stages", "", "--workers", "1"),
        check=True,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    whole_s = time.perf_counter() - started

    store = open_store(db)
    run_ingest([str(later)], store, Settings(), stages=[], workers=1)
    started = time.perf_counter()
    update = update_groups(store)
    update_s = time.perf_counter() - started
    store.close()
    return {
        "size": size,
        "passages": passages,
        "groups": built.groups,
        "build_s": build_s,
        "whole": extra / whole_s,
        "update": extra / update_s,
        "candidates": update.candidates,
        "update_s": update_s,
        "whole_s": whole_s,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--small", type=int, default=2000)
    parser.add_argument("--large", type=int, default=20000)
    parser.add_argument("--extra", type=int, default=200)
    args = parser.parse_args()

    from presslens.corpora.planted import write_scaled

    with tempfile.TemporaryDirectory(prefix="presslens-growth-") as tmp:
        folder = Path(tmp)
        corpus = write_scaled(folder / "all.jsonl", args.large + 2 * args.extra)
        lines = corpus.read_text(encoding="utf-8").splitlines()
        rows = [measure(folder, lines, n, args.extra) for n in (args.small, args.large)]

    print(f"adding {args.extra} documents (planted corpus, no analysis stages, 1 worker)")
    head = (
        f"{'archive':>8} {'passages':>9} {'build s':>8} {'ingest docs/s':>14} "
        f"{'ingest s':>9} {'update docs/s':>14} {'update s':>9} {'candidates':>11}"
    )
    print(head)
    for r in rows:
        print(
            f"{r['size']:>8} {r['passages']:>9} {r['build_s']:>8.1f} {r['whole']:>14.1f} "
            f"{r['whole_s']:>9.2f} {r['update']:>14.1f} {r['update_s']:>9.2f} "
            f"{r['candidates']:>11}"
        )
    small, large = rows
    print(
        f"ratio {large['size']}/{small['size']}: whole-process ingest "
        f"{large['whole'] / small['whole']:.2f}, reprint update alone "
        f"{large['update'] / small['update']:.2f} (budget: >= 0.8)"
    )


if __name__ == "__main__":
    main()
