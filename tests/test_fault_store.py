"""Fault injection, store side (issue #12): nothing acknowledged is lost.

Every write path checks what the store accepted; characters a backend cannot hold
(NUL, lone surrogates) are refused alike on DuckDB and PostgreSQL with a reason.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from presslens.analysis import Analysis
from presslens.api.app import create_app
from presslens.api.service import document_for
from presslens.errors import StoreRefused
from presslens.settings import Settings, get_settings
from presslens.store import Record, Store, open_store
from test_store_support import make_analysis, store_url

BACKENDS = ["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    for url in store_url(request.param, tmp_path):
        st = open_store(url)
        try:
            yield st
        finally:
            st.close()


def _light(req: Any, settings: Settings) -> dict[str, Any]:
    return Analysis(document_for(req, settings), ()).to_dict()


@pytest.mark.parametrize(
    ("field", "bad"), [("text", "\x00"), ("title", "\x00"), ("title", "\ud800")]
)
def test_unstorable_character_is_refused_alike_with_a_reason(
    store: Store, field: str, bad: str
) -> None:
    """Case 1: put_analysis raises instead of acknowledging a record it did not keep."""
    text = "A dispatch long enough to store, with a stray {} inside it."
    a = make_analysis(
        text.format(bad if field == "text" else "x"), title=bad if field == "title" else None
    )
    with pytest.raises(StoreRefused) as caught:
        store.put_analysis(a)
    assert caught.value.unstorable
    assert "cannot hold" in caught.value.message
    assert not store.has_document(a["id"])
    rows = store.sql("SELECT kind, message FROM errors")
    assert len(rows) == 1 and rows[0]["kind"] == "store" and "U+" in rows[0]["message"]


def test_refused_record_in_a_batch_carries_the_reason(store: Store) -> None:
    """Case 15: the caller gets the store's reason, not a generic 'refused'."""
    good = make_analysis("A good article with enough words to be stored as one row.")
    bad = make_analysis("A bad article with a NUL \x00 the store cannot hold at all.")
    failed = store.write([Record("good.txt", good), Record("bad.txt", bad)])
    assert [r.source_id for r in failed] == ["bad.txt"]
    assert failed[0].error is not None and "NUL" in failed[0].error[1]
    assert store.has_document(good["id"])


def test_api_never_acknowledges_an_unstored_analysis(store: Store) -> None:
    """Case 1 through HTTP: a NUL text is a 422 with the reason, never 200 then 404."""
    app = create_app(get_settings(), store)
    app.state.analyzer = _light
    with TestClient(app) as client:
        r = client.post("/v1/analyze", json={"text": "MOSCOW, June 20. The talks \x00 went on."})
        assert r.status_code == 422, r.text
        assert "NUL" in r.json()["detail"]
        ok = client.post("/v1/analyze", json={"text": "MOSCOW, June 20. The talks went on."})
        assert ok.status_code == 200
        assert client.get(f"/v1/documents/{ok.json()['id']}").status_code == 200


def test_cli_ingest_prints_the_stores_reason(tmp_path: Path) -> None:
    """Case 15: the CLI said "the database refused the record" without the reason."""
    import json

    from typer.testing import CliRunner

    from presslens.cli.main import app

    wire = tmp_path / "wire.jsonl"
    good = "MOSCOW, June 20. The talks in the capital resumed on Monday, officials said."
    wire.write_text(
        json.dumps({"text": good, "title": "Talks"})
        + "\n"
        + json.dumps({"text": good.replace("Monday", "Friday"), "title": "Bad \x00 title"})
        + "\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "cli.duckdb")
    result = CliRunner().invoke(
        app, ["ingest", str(wire), "--db", db, "--stages", "", "--no-reprints"]
    )
    assert result.exit_code == 1
    assert "1 analysed" in result.output and "1 failed" in result.output
    assert f"{wire}#2" in result.output.replace("\n", "")
    assert "U+0000 (NUL)" in result.output and "refused the record" not in result.output
