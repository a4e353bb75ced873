"""Fault injection, resume (issue #12 case 4): no stale analyses.

Resume is keyed by normalised paths and by content: the same folder named two
ways is analysed once, an edited file is analysed again, and new metadata for a
known text updates the stored metadata (and the run says so).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from presslens.engine import run_ingest
from presslens.settings import Settings
from presslens.store import open_store
from test_store_support import make_analysis

TEXT = (
    "MOSCOW, June 20. /TASS/. The talks in the capital will resume on Monday, officials "
    "said on Friday in a statement that gave no details about who would attend."
)


def _run(db: Path, *sources: str):
    store = open_store(str(db))
    try:
        return run_ingest(list(sources), store, Settings(), stages=[], workers=1)
    finally:
        store.close()


def _sql(db: Path, query: str) -> list[dict]:
    store = open_store(str(db))
    try:
        return store.sql(query)
    finally:
        store.close()


def test_same_folder_by_relative_and_absolute_path_is_analysed_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "corpus").mkdir()
    for i in range(3):
        (tmp_path / "corpus" / f"{i}.txt").write_text(f"{TEXT} Item {i}.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "s.duckdb"
    first = _run(db, "corpus")
    again = _run(db, str(tmp_path / "corpus") + "/")
    assert (first.done, again.done, again.skipped) == (3, 0, 3)


def test_file_edited_in_place_is_analysed_again(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "b.txt").write_text(TEXT + " Unchanged.", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert _run(db, str(folder)).done == 2
    (folder / "a.txt").write_text(TEXT.replace("Monday", "Tuesday"), encoding="utf-8")
    again = _run(db, str(folder))
    assert (again.done, again.skipped) == (1, 1)
    source = _sql(
        db,
        f"SELECT d.text FROM sources s JOIN documents d ON d.id = s.doc_id "
        f"WHERE s.source_id = '{folder / 'a.txt'}'",
    )
    assert "Tuesday" in source[0]["text"]


def test_new_metadata_for_a_known_text_updates_the_stored_metadata(tmp_path: Path) -> None:
    wire = tmp_path / "wire.jsonl"
    line = {"text": TEXT, "outlet": "old-outlet", "title": "Old title"}
    wire.write_text(json.dumps(line) + "\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert _run(db, str(wire)).done == 1
    wire.write_text(json.dumps({**line, "outlet": "new-outlet"}) + "\n", encoding="utf-8")
    again = _run(db, str(wire))
    assert again.metadata_updated == 1
    (row,) = _sql(
        db,
        "SELECT d.outlet, d.title, a.analysis FROM documents d JOIN analyses a ON a.doc_id = d.id",
    )
    assert row["outlet"] == "new-outlet" and row["title"] == "Old title"
    assert json.loads(row["analysis"])["metadata"]["outlet"] == "new-outlet"
    assert _run(db, str(wire)).skipped == 1  # unchanged now: skipped


def test_put_analysis_with_new_metadata_updates_it(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "api.duckdb"))
    try:
        first = make_analysis(TEXT, outlet="daily", title="First")
        doc_id = store.put_analysis(first)
        store.put_analysis(make_analysis(TEXT, outlet="weekly", title=None))
        assert store.metadata_updated == [doc_id]
        stored = store.get_analysis(doc_id)
        assert stored["metadata"]["outlet"] == "weekly" and stored["metadata"]["title"] == "First"
    finally:
        store.close()
