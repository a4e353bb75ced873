"""Canned reports, charts and raw SQL over a store (DuckDB and PostgreSQL)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from presslens.cli.main import app
from presslens.errors import PresslensError
from presslens.query import run_report
from presslens.query.charts import render_chart
from presslens.store import Store, open_store
from test_store_support import make_analysis, store_url

PNG = b"\x89PNG\r\n\x1a\n"


def _fill(store: Store) -> None:
    rows = [
        ("a", "2019-01-05", "Anna", "Doubt", "unattributed"),
        ("a", "2019-01-20", "Anna", "Doubt", "unverifiable"),
        ("a", "2019-02-03", "Boris", "Flag-Waving", "named"),
        ("b", "2019-01-07", "Carl", "Doubt", "unattributed"),
    ]
    for i, (outlet, published, speaker, technique, basis) in enumerate(rows):
        store.put_analysis(
            make_analysis(
                f"Text number {i} with enough words for a passage here.",
                outlet=outlet,
                published=published,
                speaker=speaker,
                technique=technique,
                basis=basis,
            )
        )


@pytest.fixture(params=["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    for url in store_url(request.param, tmp_path):
        st = open_store(url)
        _fill(st)
        try:
            yield st
        finally:
            st.close()


def test_top_speakers_per_outlet(store: Store) -> None:
    rows = run_report(store, "top-speakers", limit=1)
    assert rows == [
        {"outlet": "a", "speaker": "Anna", "quotes": 2, "documents": 2},
        {"outlet": "b", "speaker": "Carl", "quotes": 1, "documents": 1},
    ]


def test_techniques_by_month(store: Store) -> None:
    rows = run_report(store, "techniques-by-month")
    jan_a = [r for r in rows if r["outlet"] == "a" and r["month"] == "2019-01"]
    assert jan_a == [
        {
            "outlet": "a",
            "month": "2019-01",
            "technique": "Doubt",
            "spans": 2,
            "documents": 2,
            "with_technique": 2,
            "prevalence": 1.0,
        }
    ]
    assert {(r["outlet"], r["month"], r["technique"]) for r in rows} == {
        ("a", "2019-01", "Doubt"),
        ("a", "2019-02", "Flag-Waving"),
        ("b", "2019-01", "Doubt"),
    }


def test_sourcing_by_outlet(store: Store) -> None:
    rows = {r["outlet"]: r for r in run_report(store, "sourcing-by-outlet")}
    assert rows["a"]["claims"] == 3
    assert rows["a"]["unattributed_share"] == pytest.approx(1 / 3, abs=1e-3)
    assert rows["a"]["unverifiable_share"] == pytest.approx(1 / 3, abs=1e-3)
    assert rows["b"]["unattributed_share"] == 1.0


def test_unknown_report_and_missing_doc(store: Store) -> None:
    with pytest.raises(PresslensError, match="unknown report"):
        run_report(store, "nope")
    with pytest.raises(PresslensError, match="document id"):
        run_report(store, "reprints")
    assert run_report(store, "reprints", doc="0" * 64) == []


def test_every_chart_renders_png(store: Store) -> None:
    for name in ("top-speakers", "techniques-by-month", "sourcing-by-outlet"):
        assert render_chart(name, run_report(store, name)).startswith(PNG)
    assert render_chart("reprints", []).startswith(PNG)  # "no data", not an error
    with pytest.raises(ValueError):
        render_chart("nope", [])


def test_cli_formats(tmp_path: Path) -> None:
    db = str(tmp_path / "q.duckdb")
    st = open_store(db)
    _fill(st)
    st.close()
    runner = CliRunner()
    out = runner.invoke(app, ["query", "top-speakers", "--db", db, "--format", "csv"])
    assert out.exit_code == 0, out.output
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert rows[0] == {"outlet": "a", "speaker": "Anna", "quotes": "2", "documents": "2"}
    png = tmp_path / "c.png"
    out = runner.invoke(
        app, ["query", "sourcing-by-outlet", "--db", db, "-f", "png", "-o", str(png)]
    )
    assert out.exit_code == 0 and png.read_bytes().startswith(PNG)
    page = tmp_path / "c.html"
    out = runner.invoke(
        app, ["query", "techniques-by-month", "--db", db, "-f", "html", "-o", str(page)]
    )
    assert out.exit_code == 0 and "data:image/png;base64," in page.read_text()
    out = runner.invoke(
        app, ["query", "--sql", "SELECT COUNT(*) AS n FROM documents", "--db", db, "-f", "csv"]
    )
    assert out.stdout.split() == ["n", "4"]
    out = runner.invoke(app, ["query", "--sql", "SELECT nope FROM nowhere", "--db", db])
    assert out.exit_code == 1
    out = runner.invoke(app, ["query", "top-speakers", "--db", str(tmp_path / "missing.duckdb")])
    assert out.exit_code == 1
