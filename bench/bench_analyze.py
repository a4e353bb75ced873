"""Throughput of the analysis pipeline, as ratios against a baseline in the same run.

Usage: .venv/bin/python bench/bench_analyze.py [FOLDER] [--limit N] [--threads 1]

FOLDER defaults to the PTC test articles in the shared corpus folder. The baseline
is reading each file and splitting it into words with a regex, so the ratios say how
many times more expensive analysis is than touching the text at all.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import sys
import time
from pathlib import Path


def _texts(folder: Path, limit: int) -> list[str]:
    paths = sorted(p for p in folder.rglob("*") if p.suffix in {".txt", ".text"})[:limit]
    if not paths:
        sys.exit(f"no .txt files under {folder}")
    return [p.read_text(encoding="utf-8") for p in paths]


def _baseline(texts: list[str]) -> float:
    word = re.compile(r"\w+")
    started = time.perf_counter()
    for text in texts:
        sum(1 for _ in word.finditer(text))
    return time.perf_counter() - started


def _run(
    texts: list[str], names: list[str] | None, exclude: list[str]
) -> tuple[float, dict[str, float]]:
    from presslens.document import Document
    from presslens.pipeline import Pipeline

    pipeline = Pipeline.from_names(names) if names else Pipeline.default(exclude=exclude)
    pipeline(Document(texts[0]))  # load models outside the timing
    pipeline.timings.clear()
    started = time.perf_counter()
    for text in texts:
        pipeline(Document(text))
    return time.perf_counter() - started, dict(pipeline.timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?")
    parser.add_argument("--limit", type=int, default=60)
    parser.add_argument("--threads", type=int, default=1, help="threads for numeric libraries")
    args = parser.parse_args()
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ.setdefault(var, str(args.threads))

    if args.folder:
        folder = Path(args.folder)
    else:
        from presslens.corpora import data_root

        folder = data_root() / "ptc" / "test" / "articles"
    texts = _texts(folder, args.limit)
    chars = sum(map(len, texts))
    print(f"{len(texts)} documents, {chars} characters, mean {chars // len(texts)} chars/document")

    base = _baseline(texts)
    rows = [("baseline: read + tokenise", base, {})]
    rows.append(
        ("anatomy+language+repetitions", *_run(texts, ["anatomy", "language", "repetitions"], []))
    )
    rows.append(("full pipeline without techniques", *_run(texts, None, ["techniques"])))
    rows.append(("full pipeline", *_run(texts, None, [])))

    print(f"{'configuration':36} {'docs/s':>9} {'chars/s':>11} {'x baseline':>11}")
    for label, seconds, _ in rows:
        print(
            f"{label:36} {len(texts) / seconds:9.1f} {chars / seconds:11.0f} {seconds / base:11.1f}"
        )
    print("\nseconds per stage (full pipeline):")
    for stage, seconds in rows[-1][2].items():
        print(f"  {stage:14} {seconds:7.2f}  {len(texts) / max(seconds, 1e-9):8.1f} docs/s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS {peak:.0f} MiB")


if __name__ == "__main__":
    main()
