"""Crash consistency (issue #12: keep the figures under test).

An ingest killed with kill -9 mid-run and run again must match an uninterrupted
run row for row, on DuckDB and PostgreSQL, and the killed run is marked so.
``documents.seq`` comes from a sequence on PostgreSQL, so a killed transaction
leaves gaps: the ingest *order* is compared, not the raw numbers.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from presslens.engine import run_ingest
from presslens.settings import Settings
from presslens.store import open_store
from test_engine import _ingest_subprocess, make_corpus, snapshot
from test_store_support import cheap_stages, store_url


def _ordered(snap: dict[str, list[str]]) -> dict[str, list[str]]:
    """The snapshot with each document's ``seq`` replaced by its rank."""
    docs = [json.loads(r) for r in snap["documents"]]
    rank = {d["id"]: i for i, d in enumerate(sorted(docs, key=lambda d: d["seq"]))}
    for d in docs:
        d["seq"] = rank[d["id"]]
    return {**snap, "documents": sorted(json.dumps(d, sort_keys=True) for d in docs)}


@pytest.mark.parametrize("kind", ["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_kill9_then_rerun_equals_uninterrupted_run(tmp_path: Path, kind: str) -> None:
    stages = cheap_stages()
    sources = make_corpus(tmp_path, n=30)
    (tmp_path / "clean").mkdir()
    (tmp_path / "killed").mkdir()
    for clean in store_url(kind, tmp_path / "clean"):
        store = open_store(clean)
        run_ingest(sources, store, Settings(batch_size=4), stages=stages, workers=1)
        store.close()
        expected = _ordered(snapshot(clean))
        for killed in store_url(kind, tmp_path / "killed"):
            assert _ingest_subprocess(killed, stages, sources, kill_after=3)
            partial = snapshot(killed)
            assert 0 < len(partial["sources"]) < 63
            _ingest_subprocess(killed, stages, sources, kill_after=None)
            assert _ordered(snapshot(killed)) == expected
            runs = open_store(killed)
            try:
                statuses = sorted(r["status"] for r in runs.sql("SELECT status FROM runs"))
            finally:
                runs.close()
            assert statuses == ["done", "killed"]  # the killed run is marked as such
