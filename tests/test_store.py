"""The store against DuckDB and PostgreSQL: same schema, same answers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from presslens.store import Record, Store, open_store
from presslens.store.schema import LATEST
from test_store_support import make_analysis, store_url


@pytest.fixture(params=["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    for url in store_url(request.param, tmp_path):
        st = open_store(url)
        try:
            yield st
        finally:
            st.close()


def _count(store: Store, table: str) -> int:
    return int(store.sql(f"SELECT COUNT(*) AS n FROM {table}")[0]["n"])


TABLES = ("documents", "analyses", "quotes", "entities", "sourcing", "techniques", "passages")


def test_schema_version_is_recorded(store: Store) -> None:
    assert store.schema_version() == LATEST
    assert store.migrate() == LATEST  # re-opening applies nothing twice
    assert _count(store, "schema_version") == LATEST


def test_put_and_get_round_trip(store: Store) -> None:
    a = make_analysis(
        "The minister said the talks would resume on Monday in the capital.",
        speaker="Sergey Lavrov",
        technique="Loaded_Language",
        basis="named",
        published="2019-03-04T10:00:00Z",
        title="Talks",
    )
    doc_id = store.put_analysis(a, run_id="r1")
    assert doc_id == a["id"]
    assert store.has_document(doc_id)
    assert not store.has_document("0" * 64)
    assert store.get_analysis(doc_id) == a
    assert store.get_analysis("0" * 64) is None
    quote = store.sql("SELECT speaker_name, text FROM quotes")[0]
    assert quote == {"speaker_name": "Sergey Lavrov", "text": a["text"][:20]}
    assert store.sql("SELECT technique FROM techniques")[0]["technique"] == "Loaded_Language"
    assert store.sql("SELECT basis FROM sourcing")[0]["basis"] == "named"
    assert _count(store, "passages") >= 1


def test_reingest_adds_no_rows(store: Store) -> None:
    a = make_analysis(
        "One article text that is long enough to have a passage in it, surely.",
        speaker="Anna",
        technique="Doubt",
        basis="anonymous",
    )
    store.put_analysis(a)
    before = {t: _count(store, t) for t in TABLES}
    store.put_analysis(a)
    store.write([Record("again.txt", a), Record("again2.txt", a)])
    assert {t: _count(store, t) for t in TABLES} == before


def test_reanalyse_replaces_only_on_request(store: Store) -> None:
    text = "A dispatch analysed twice by two versions of the pipeline, with words."
    store.put_analysis(make_analysis(text, technique="Doubt", stages=("v1",)))
    newer = make_analysis(text, technique="Flag-Waving", stages=("v1", "v2"))
    store.put_analysis(newer)  # a new version, not requested: kept as it was
    assert store.sql("SELECT technique FROM techniques")[0]["technique"] == "Doubt"
    store.put_analysis(newer, replace=True)
    assert [r["technique"] for r in store.sql("SELECT technique FROM techniques")] == [
        "Flag-Waving"
    ]
    assert _count(store, "documents") == 1


def test_search_filters_and_total(store: Store) -> None:
    store.put_analysis(
        make_analysis(
            "First text about the economy and the budget talks.",
            outlet="a",
            published="2019-01-05",
            speaker="Anna Smith",
            technique="Doubt",
            basis="unverifiable",
            title="Budget",
        )
    )
    store.put_analysis(
        make_analysis(
            "Second text about the war and the peace talks now.",
            outlet="b",
            published="2019-02-10",
            speaker="Boris",
            technique="Flag-Waving",
            basis="named",
            title="War",
        )
    )
    store.put_analysis(
        make_analysis("Third text, undated, about nothing much at all here.", outlet="a")
    )
    rows, total = store.search()
    assert total == 3 and len(rows) == 3
    assert rows[0]["published"] == "2019-02-10"  # newest first, undated last
    assert rows[-1]["published"] is None
    assert set(rows[0]) >= {"id", "title", "outlet", "published", "counts"}
    assert rows[0]["counts"] == {"quotes": 1, "entities": 1, "sourcing": 1, "techniques": 1}
    assert store.search(outlet="a")[1] == 2
    assert [r["title"] for r in store.search(speaker="anna")[0]] == ["Budget"]
    assert [r["title"] for r in store.search(technique="Flag-Waving")[0]] == ["War"]
    assert [r["title"] for r in store.search(basis="unverifiable")[0]] == ["Budget"]
    assert [r["title"] for r in store.search(date_from="2019-02-01")[0]] == ["War"]
    assert [r["title"] for r in store.search(date_to="2019-01-05")[0]] == ["Budget"]
    assert [r["title"] for r in store.search(text="PEACE")[0]] == ["War"]
    page, total = store.search(limit=1, offset=1)
    assert total == 3 and len(page) == 1 and page[0]["title"] == "Budget"


def test_errors_are_recorded_and_count_as_done(store: Store) -> None:
    store.record_error("feed.xml#3", "html", "no article text found", run_id="r1")
    assert store.sql("SELECT source_id, kind, message FROM errors") == [
        {"source_id": "feed.xml#3", "kind": "html", "message": "no article text found"}
    ]
    assert store.done_sources(["feed.xml#3", "feed.xml#4"]) == {"feed.xml#3"}


def test_bad_record_in_a_batch_loses_nothing_else(store: Store) -> None:
    good = make_analysis("A good article with enough words to be stored as one row.")
    bad = make_analysis("A bad one whose text the database will refuse to store.")
    bad["text"] = "\x00" if store.db.name == "postgresql" else bad["text"]
    bad["anatomy"] = None
    bad["quotes"] = [
        {"id": "q1", "kind": "direct", "span": ["x", 2], "cue": None, "speaker": None, "via": None}
    ]  # a span that cannot be flattened
    failed = store.write([Record("good.txt", good), Record("bad.txt", bad)])
    assert [r.source_id for r in failed] == ["bad.txt"]
    assert store.has_document(good["id"]) and not store.has_document(bad["id"])
    assert store.sql("SELECT source_id, kind FROM errors") == [
        {"source_id": "bad.txt", "kind": "store"}
    ]


def test_sql_runs_raw_queries(store: Store) -> None:
    store.put_analysis(make_analysis("Some text for the raw SQL test, long enough to count."))
    assert store.sql("SELECT COUNT(*) AS n FROM documents") == [{"n": 1}]


def _inferred_analysis() -> dict:
    """An analysis with one quote the open-cue classifier inferred (test_quotes_inferred)."""
    import presslens
    from test_quotes_inferred import TEXT

    return presslens.analyze(TEXT, stages=["quotes"]).to_dict()


def _score_of(analysis: dict, cue: str) -> float | None:
    text = analysis["text"]
    (q,) = [q for q in analysis["quotes"] if q["cue"] and text[q["cue"][0] : q["cue"][1]] == cue]
    return q["score"]


def test_the_store_keeps_a_quotes_score_for_sql(store: Store) -> None:
    analysis = _inferred_analysis()
    store.put_analysis(analysis)
    rows = store.sql("SELECT cue, score FROM quotes ORDER BY span_start")
    scores = {r["cue"]: r["score"] for r in rows}
    assert scores["signed"] == pytest.approx(_score_of(analysis, "signed"), abs=1e-6)
    assert scores["said"] is None


def test_a_store_made_before_the_score_gains_its_column(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import presslens.store.store as store_module
    from presslens.store.schema import MIGRATIONS

    url = str(tmp_path / "old.duckdb")
    before = [m for m in MIGRATIONS if m[0] < 4]
    monkeypatch.setattr(store_module, "MIGRATIONS", before)
    monkeypatch.setattr(store_module, "LATEST", before[-1][0])
    st = open_store(url)
    assert "score" not in {r["column_name"] for r in st.sql("DESCRIBE quotes")}
    st.close()
    monkeypatch.undo()
    st = open_store(url)
    try:
        assert st.schema_version() == LATEST
        st.put_analysis(_inferred_analysis())
        assert len(st.sql("SELECT score FROM quotes WHERE score IS NOT NULL")) == 1
    finally:
        st.close()
