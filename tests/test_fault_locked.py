"""Fault injection, a locked DuckDB store (issue #12 case 14).

Say "the store is locked by PID n" before doing any work; the API answers 503
with Retry-After; an idle server does not hold the file.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from presslens.api.app import create_app
from presslens.cli.main import app as cli
from presslens.errors import StoreLocked
from presslens.settings import get_settings
from presslens.store import open_store

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
_HOLDER = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])
print("holding", flush=True)
time.sleep(120)
"""


@pytest.fixture
def held(tmp_path: Path) -> Iterator[tuple[str, int]]:
    """A DuckDB file held open for writing by another process, and that process's PID."""
    db = str(tmp_path / "held.duckdb")
    open_store(db).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, db], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        yield db, holder.pid
    finally:
        holder.kill()
        holder.wait(timeout=30)


def test_open_says_who_holds_the_store(held: tuple[str, int]) -> None:
    db, pid = held
    with pytest.raises(StoreLocked) as caught:
        open_store(db)
    assert f"locked by PID {pid}" in caught.value.message
    assert "PostgreSQL" in caught.value.message


def test_cli_ingest_refuses_before_any_work(held: tuple[str, int], tmp_path: Path) -> None:
    db, pid = held
    (tmp_path / "a.txt").write_text("MOSCOW, June 20. The talks resumed on Monday.", "utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "a.txt"), "--db", db])
    assert result.exit_code == 1
    assert f"the store is locked by PID {pid}" in result.output
    assert "Traceback" not in result.output


def test_api_answers_503_with_retry_after_before_analysing(held: tuple[str, int]) -> None:
    db, pid = held
    calls: list[Any] = []
    app = create_app(get_settings().model_copy(update={"db": db}))
    app.state.analyzer = lambda req, settings: calls.append(req)
    with TestClient(app, raise_server_exceptions=False) as client:
        r = client.post("/v1/analyze", json={"text": "MOSCOW, June 20. The talks resumed."})
        assert r.status_code == 503 and r.headers["Retry-After"].isdigit()
        assert f"PID {pid}" in r.json()["detail"]
        assert calls == []  # no analysis was run for nothing
        assert client.get("/v1/documents").status_code == 503


def test_an_idle_server_does_not_hold_the_file(tmp_path: Path) -> None:
    db = str(tmp_path / "served.duckdb")
    app = create_app(get_settings().model_copy(update={"db": db}))
    with TestClient(app) as client:
        assert client.get("/v1/documents").status_code == 200
        other = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys; from presslens.store import open_store; "
                "open_store(sys.argv[1]).close(); print('opened')",
                db,
            ],
            capture_output=True,
            text=True,
            env=ENV,
            timeout=60,
        )
        assert other.stdout.strip() == "opened", other.stderr
        assert client.get("/v1/documents").status_code == 200
