"""``presslens ingest``: exit codes, the errors table, resume, PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from presslens.cli.main import app
from presslens.store import open_store
from test_store_support import cheap_stages, pg_schema_url


def _corpus(root: Path) -> list[str]:
    (root / "tree").mkdir()
    for i in range(3):
        (root / "tree" / f"{i}.txt").write_text(
            f"Headline {i}\n\nThe council voted on plan {i} on Monday, the chairman said, adding "
            "that the vote would be repeated if needed.\n",
            encoding="utf-8",
        )
    (root / "tree" / "bad.txt").write_bytes(b"\x00" * 100)
    (root / "w.jsonl").write_text(
        json.dumps({"text": "A wire item about the council vote.", "outlet": "wire"})
        + "\n[1, 2]\n",
        encoding="utf-8",
    )
    return [str(root / "tree"), str(root / "w.jsonl")]


def _ingest(db: str, sources: list[str], *extra: str):
    stages = ",".join(cheap_stages())
    return CliRunner().invoke(
        app, ["ingest", *sources, "--db", db, "--stages", stages, "--workers", "1", *extra]
    )


def test_failures_exit_1_and_are_recorded_then_rerun_skips(tmp_path: Path) -> None:
    sources = _corpus(tmp_path)
    db = str(tmp_path / "c.duckdb")
    first = _ingest(db, sources)
    assert first.exit_code == 1, first.output
    assert "4 analysed" in first.output and "2 failed" in first.output
    store = open_store(db)
    assert {(r["kind"]) for r in store.sql("SELECT kind FROM errors")} == {"binary", "json"}
    store.close()
    second = _ingest(db, sources)
    assert second.exit_code == 0, second.output
    assert "0 analysed, 6 skipped" in second.output


def test_unknown_stage_is_one_line(tmp_path: Path) -> None:
    out = CliRunner().invoke(
        app, ["ingest", str(tmp_path), "--db", str(tmp_path / "x.duckdb"), "--stages", "nope"]
    )
    assert out.exit_code == 1 and "unknown stage" in out.output


@pytest.mark.postgres
def test_ingest_into_postgres(tmp_path: Path) -> None:
    sources = _corpus(tmp_path)
    for url in pg_schema_url():
        assert _ingest(url, sources).exit_code == 1
        assert _ingest(url, sources).exit_code == 0
        store = open_store(url)
        assert store.sql("SELECT COUNT(*) AS n FROM documents") == [{"n": 4}]
        assert store.sql("SELECT COUNT(*) AS n FROM errors") == [{"n": 2}]
        store.close()
