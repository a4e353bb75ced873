"""Fault injection, runs and schema (issue #12 cases 9, 16).

Killed runs are marked at the next start; ``documents.seq`` is unique whatever the
number of writers; two first-time opens of one PostgreSQL schema both succeed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from presslens.store import open_store
from presslens.store.schema import LATEST
from test_store_support import make_analysis, pg_schema_url, store_url

ROOT = Path(__file__).resolve().parents[1]
BACKENDS = ["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)]

_KILLED_CHILD = """
import os, signal, sys
from presslens.store import open_store
store = open_store(sys.argv[1])
print(store.start_run(engine="local", workers=1, stages=[], version="v", sources=["x"]), flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.fixture(params=BACKENDS)
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from store_url(request.param, tmp_path)


def test_killed_run_is_marked_at_the_next_start(url: str) -> None:
    """Case 16: a run killed with kill -9 used to stay ``running`` for ever."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    child = subprocess.run(
        [sys.executable, "-c", _KILLED_CHILD, url],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert child.returncode == -9, child.stderr
    killed = child.stdout.strip()
    store = open_store(url)
    try:
        live = store.start_run(engine="local", workers=1, stages=[], version="v", sources=[])
        status = {r["run_id"]: r["status"] for r in store.sql("SELECT run_id, status FROM runs")}
        assert status == {killed: "killed", live: "running"}
        # a second start while the first is live leaves the live one alone
        other = store.start_run(engine="local", workers=1, stages=[], version="v", sources=[])
        status = {r["run_id"]: r["status"] for r in store.sql("SELECT run_id, status FROM runs")}
        assert status[live] == "running" and status[other] == "running"
        store.finish_run(live, done=0, skipped=0, failed=0, status="done")
        store.finish_run(other, done=0, skipped=0, failed=0, status="done")
    finally:
        store.close()


def test_concurrent_writers_get_distinct_seq(url: str) -> None:
    """Case 16: two writers each took MAX(seq) + 1 and stored duplicate ``seq`` values."""
    first, second = open_store(url), open_store(url)
    try:
        for i in range(6):
            writer = first if i % 2 == 0 else second
            writer.put_analysis(make_analysis(f"Dispatch number {i} with enough words to store."))
        seqs = [r["seq"] for r in first.sql("SELECT seq FROM documents ORDER BY seq")]
        assert len(seqs) == 6 and len(set(seqs)) == 6
    finally:
        first.close()
        second.close()


def _open_together(url: str, n: int) -> list[BaseException]:
    """Open ``url`` from ``n`` threads released at the same moment; the errors raised."""
    barrier = threading.Barrier(n)
    errors: list[BaseException] = []

    def open_it() -> None:
        try:
            barrier.wait(timeout=30)
            open_store(url).close()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return errors


@pytest.mark.postgres
@pytest.mark.parametrize("attempt", range(3))
def test_first_time_opens_of_one_postgres_schema_race_safely(attempt: int) -> None:
    """Case 9: two first-time ingests into a new schema: one died on a pg_type duplicate."""
    for url in pg_schema_url():
        errors = _open_together(url, 4)
        assert not errors, errors
        store = open_store(url)
        try:
            assert store.schema_version() == LATEST
        finally:
            store.close()
