"""Reprint indexing throughput: documents/s for fingerprinting and LSH grouping.

Usage: .venv/bin/python bench/bench_reprints.py [--docs 2000] [--extra 200]

A JSONL corpus of distinct documents made from the PTC/PolNeAR texts (each base
article recurs about docs/1300 times, rotated: a corpus full of reprints) is
ingested without analysis stages. The baseline, in this same run, is
fingerprinting alone (passages + MinHash signatures, no database); the table
then prints, per document: the grouping of every stored passage, and an
incremental update after ``--extra`` more documents arrive (only the new
passages' band keys are looked up in the store's index; bench_reprint_growth.py
compares such updates across archive sizes).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--extra", type=int, default=200)
    args = parser.parse_args()

    from presslens.corpora.planted import write_scaled
    from presslens.engine.runner import run_ingest
    from presslens.reprints.index import update_groups
    from presslens.reprints.passages import fingerprint
    from presslens.settings import Settings
    from presslens.store import open_store

    with tempfile.TemporaryDirectory(prefix="presslens-bench-") as tmp:
        folder = Path(tmp)
        total = args.docs + args.extra
        corpus = write_scaled(folder / "all.jsonl", total)
        lines = corpus.read_text(encoding="utf-8").splitlines()
        first, rest = folder / "first.jsonl", folder / "rest.jsonl"
        first.write_text("\n".join(lines[: args.docs]) + "\n", encoding="utf-8")
        rest.write_text("\n".join(lines[args.docs :]) + "\n", encoding="utf-8")

        texts = [json.loads(line)["text"] for line in lines[: args.docs]]
        started = time.perf_counter()
        passages = sum(len(fingerprint({"text": t, "anatomy": None})) for t in texts)
        base = args.docs / (time.perf_counter() - started)

        store = open_store(str(folder / "r.duckdb"))
        started = time.perf_counter()
        run_ingest([str(first)], store, Settings(), stages=[], workers=1)
        ingest = args.docs / (time.perf_counter() - started)
        started = time.perf_counter()
        full = update_groups(store)
        build = args.docs / (time.perf_counter() - started)
        run_ingest([str(rest)], store, Settings(), stages=[], workers=1)
        started = time.perf_counter()
        inc = update_groups(store)
        incremental = args.extra / (time.perf_counter() - started)
        store.close()

    print(f"{args.docs} documents, {passages} passages ({passages / args.docs:.1f} per document)")
    print(f"{'step':44} {'docs/s':>9} {'vs baseline':>12}")
    for label, rate in (
        ("fingerprint only (baseline)", base),
        ("ingest + fingerprint + store (no stages)", ingest),
        ("grouping of every stored passage", build),
        (f"incremental update (+{args.extra} documents)", incremental),
    ):
        print(f"{label:44} {rate:>9.1f} {rate / base:>11.2f}x")
    print(
        f"groups: {full.groups} after build, {inc.groups} holding a new passage after update; "
        f"update read {inc.candidates} of {inc.indexed} stored passages (candidates) "
        f"and grouped {inc.added} new ones"
    )


if __name__ == "__main__":
    main()
