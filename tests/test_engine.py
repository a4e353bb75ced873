"""Batch runs: idempotent, resumable after kill -9, same results on every engine."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from presslens.engine import run_ingest
from presslens.settings import Settings
from presslens.store import open_store
from test_store_support import cheap_stages

ROOT = Path(__file__).resolve().parents[1]

SNAPSHOT = {
    "documents": "SELECT id, seq, outlet, published, url, title, language, source, text "
    "FROM documents",
    "analyses": "SELECT doc_id, pipeline_version, stages, analysis FROM analyses",
    "quotes": "SELECT * FROM quotes",
    "entities": "SELECT * FROM entities",
    "sourcing": "SELECT * FROM sourcing",
    "techniques": "SELECT * FROM techniques",
    "passages": "SELECT doc_id, passage_no, kind, span_start, span_end, signature FROM passages",
    "sources": "SELECT source_id, doc_id, status FROM sources",
    "errors": "SELECT source_id, kind, message FROM errors",
}


def snapshot(db: str) -> dict[str, list[str]]:
    """Every stored row except run ids and timestamps, in a comparable form."""
    store = open_store(db)
    try:
        return {
            name: sorted(json.dumps(row, default=str, sort_keys=True) for row in store.sql(sql))
            for name, sql in SNAPSHOT.items()
        }
    finally:
        store.close()


def make_corpus(root: Path, n: int = 24) -> list[str]:
    """A small corpus: a tree of texts, a JSONL file with metadata, and bad items."""
    tree = root / "tree"
    tree.mkdir(parents=True)
    for i in range(n):
        (tree / f"{i:03d}.txt").write_text(
            f"Dispatch number {i}\n\nMOSCOW, June {1 + i % 28}. /TASS/. The delegation number "
            f"{i} arrived in the capital for talks on trade, officials said on Tuesday.\n\n"
            f"Talks on item {i * 7} are expected to last {i % 5 + 2} days, the ministry said "
            "in a statement, adding that no agreement had been drafted yet.\n",
            encoding="utf-8",
        )
    (tree / "zz-binary.txt").write_bytes(bytes(range(256)))
    (tree / "zz-empty.txt").write_bytes(b"")
    lines = [
        json.dumps(
            {
                "text": f"Wire copy {i}: the minister said the budget of {i} million "
                "would pass on Friday, according to a statement.",
                "outlet": f"outlet-{i % 3}",
                "published": f"2019-0{1 + i % 9}-1{i % 9}",
            }
        )
        for i in range(n)
    ]
    lines.insert(3, "{not json")
    (root / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [str(tree), str(root / "wire.jsonl")]


@pytest.fixture(scope="module")
def stages() -> list[str]:
    return cheap_stages()


def test_reingest_is_idempotent_and_bad_items_are_recorded(
    tmp_path: Path, stages: list[str]
) -> None:
    sources = make_corpus(tmp_path)
    db = str(tmp_path / "a.duckdb")
    store = open_store(db)
    stages = cheap_stages(language=True)
    first = run_ingest(sources, store, Settings(batch_size=8), stages=stages, workers=1)
    assert (first.done, first.failed, first.skipped) == (48, 3, 0)
    assert {e[1] for e in first.errors} == {"binary", "empty", "json"}
    store.close()
    before = snapshot(db)
    store = open_store(db)
    again = run_ingest(sources, store, Settings(batch_size=8), stages=stages, workers=1)
    store.close()
    assert (again.done, again.failed, again.skipped) == (0, 0, 51)
    assert snapshot(db) == before
    assert len(before["documents"]) == 48 and len(before["errors"]) == 3


def test_reanalyse_only_on_request(tmp_path: Path, stages: list[str]) -> None:
    if not stages:
        pytest.skip("no cheap stage available")
    sources = make_corpus(tmp_path, n=4)
    db = str(tmp_path / "r.duckdb")
    store = open_store(db)
    run_ingest(sources, store, Settings(), stages=[], workers=1)
    assert run_ingest(sources, store, Settings(), stages=stages, workers=1).done == 0
    redo = run_ingest(sources, store, Settings(), stages=stages, workers=1, reanalyse=True)
    assert redo.done == 8 and redo.skipped == 3  # errors are not retried
    versions = {r["stages"] for r in store.sql("SELECT stages FROM analyses")}
    assert versions == {",".join(redo.stages)}
    store.close()


def test_engines_store_identical_results(tmp_path: Path, stages: list[str]) -> None:
    sources = make_corpus(tmp_path, n=12)
    results = []
    for engine, workers in (("local", 1), ("local", 2), ("dask", 2)):
        db = str(tmp_path / f"{engine}{workers}.duckdb")
        store = open_store(db)
        summary = run_ingest(
            sources, store, Settings(batch_size=5), engine=engine, workers=workers, stages=stages
        )
        store.close()
        assert (summary.done, summary.failed) == (24, 3), (engine, workers)
        results.append(snapshot(db))
    assert results[0] == results[1] == results[2]


_CHILD = textwrap.dedent("""
    import sys
    from presslens.engine import run_ingest
    from presslens.settings import Settings
    from presslens.store import open_store

    db, stages, *sources = sys.argv[1:]
    store = open_store(db)
    def progress(done, skipped, failed):
        print("flushed", done + failed, flush=True)
    run_ingest(sources, store, Settings(batch_size=4), stages=[s for s in stages.split(",") if s],
               workers=1, progress=progress)
    print("finished", flush=True)
""")


def _ingest_subprocess(
    db: str, stages: list[str], sources: list[str], kill_after: int | None
) -> bool:
    """Run an ingest in a child; SIGKILL it after ``kill_after`` flushes. True if killed."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, db, ",".join(stages), *sources],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    flushes, killed = 0, False
    for line in child.stdout:
        if line.startswith("flushed"):
            flushes += 1
            if kill_after is not None and flushes >= kill_after:
                child.send_signal(signal.SIGKILL)
                killed = True
                break
    child.wait(timeout=60)
    return killed


def test_kill9_then_rerun_equals_uninterrupted_run(tmp_path: Path, stages: list[str]) -> None:
    sources = make_corpus(tmp_path, n=30)
    clean = str(tmp_path / "clean.duckdb")
    store = open_store(clean)
    run_ingest(sources, store, Settings(batch_size=4), stages=stages, workers=1)
    store.close()

    killed_db = str(tmp_path / "killed.duckdb")
    assert _ingest_subprocess(killed_db, stages, sources, kill_after=3)
    partial = snapshot(killed_db)
    assert 0 < len(partial["sources"]) < 63  # it really stopped mid-run
    # every stored document is whole: its analysis and passages are there too
    assert {json.loads(r)["id"] for r in partial["documents"]} == {
        json.loads(r)["doc_id"] for r in partial["analyses"]
    }
    _ingest_subprocess(killed_db, stages, sources, kill_after=None)
    assert snapshot(killed_db) == snapshot(clean)


def _rows(db: str, sql: str) -> list[dict[str, Any]]:
    store = open_store(db)
    try:
        return store.sql(sql)
    finally:
        store.close()


def test_published_falls_back_to_dateline(tmp_path: Path, stages: list[str]) -> None:
    if "anatomy" not in stages:
        pytest.skip("the anatomy stage is not available")
    path = tmp_path / "d.jsonl"
    path.write_text(
        json.dumps(
            {
                "text": "Talks resume\n\nMOSCOW, June 20. /TASS/. The talks will "
                "resume, the ministry said in 2017 in a statement."
            }
        )
        + "\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "d.duckdb")
    store = open_store(db)
    run_ingest([str(path)], store, Settings(), stages=["anatomy"], workers=1)
    store.close()
    (row,) = _rows(db, "SELECT published FROM documents")
    assert str(row["published"]).startswith("2017-06-20")


def test_a_crashing_item_fails_alone() -> None:
    """When a worker dies on a chunk, its items are retried one by one."""
    from presslens.engine.base import ordered_bounded
    from presslens.ingest.item import Item
    from presslens.store.records import Record

    class Crash(Exception):
        pass

    def submit(chunk):  # a "future": the chunk itself, or the crash it causes
        return Crash("worker died") if any(i.source_id == "bad" for i in chunk) else chunk

    def result(future):
        if isinstance(future, Crash):
            raise future
        return [Record(i.source_id, error=("ok", "")) for i in future]

    chunks = [[Item("a"), Item("bad"), Item("b")], [Item("c")], [Item("bad")]]
    out = [r for batch in ordered_bounded(chunks, submit, result, 2) for r in batch]
    assert [(r.source_id, r.error[0]) for r in out] == [
        ("a", "ok"),
        ("bad", "worker"),
        ("b", "ok"),
        ("c", "ok"),
        ("bad", "worker"),
    ]


def test_a_stage_failing_in_a_batch_fails_only_its_item() -> None:
    """A worker analyses its chunk as one batch; a document that breaks a stage is
    found by redoing the chunk one by one, and only its record is an error."""
    from presslens import stages as registry
    from presslens.engine.worker import WorkerConfig, WorkerState
    from presslens.ingest.item import Item

    class Boom:
        name = adds = "boom"
        needs = ("anatomy",)

        def __init__(self, settings: Settings):
            pass

        def run(self, doc: Any) -> int:
            if "explode" in doc.text:
                raise ValueError("boom")
            return len(doc.text)

    registry.register("boom", Boom)
    try:
        state = WorkerState(WorkerConfig.make(["anatomy", "boom"], Settings()))
        items = [
            Item("a", data=b"First story.", format="text"),
            Item("b", data=b"This one will explode.", format="text"),
            Item("c", data=b"Third story.", format="text"),
            Item("d", error=("read", "unreadable")),
        ]
        records = state.process_many(items)
    finally:
        registry._EXTRA.pop("boom", None)
    assert [r.source_id for r in records] == ["a", "b", "c", "d"]
    assert [r.error[0] if r.error else None for r in records] == [None, "internal", None, "read"]
    assert records[0].analysis is not None and records[2].analysis is not None
