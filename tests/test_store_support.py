"""Helpers shared by the store, engine, query and reprint tests (no tests here).

Store fixtures open a DuckDB file in ``tmp_path`` or a fresh PostgreSQL schema
(dropped afterwards), so parallel test runs never share tables.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from presslens import stages as stage_registry
from presslens.analysis import Analysis
from presslens.document import (
    Document,
    Entity,
    Metadata,
    Quote,
    Source,
    Sourcing,
    Speaker,
    TechniqueSpan,
)

PG_URL = os.environ.get("PRESSLENS_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


def cheap_stages(*, language: bool = False) -> list[str]:
    """The cheap stages this checkout has (engine tests must stay fast).

    ``language`` is cheap per document but loading its models costs seconds in
    every new worker process, so multi-process tests leave it out.
    """
    names = ("anatomy", "language", "repetitions") if language else ("anatomy", "repetitions")
    return [s for s in names if stage_registry.is_available(s)]


def pg_schema_url() -> Iterator[str]:
    """A URL to a fresh schema on the test PostgreSQL; skips (or fails in CI) if down."""
    import psycopg

    try:
        psycopg.connect(PG_URL, connect_timeout=3).close()
    except Exception as exc:
        reason = f"PostgreSQL not reachable at {PG_URL} ({type(exc).__name__}: {exc})"
        if os.environ.get("PRESSLENS_REQUIRE_PG") == "1":
            pytest.fail(reason + "; PRESSLENS_REQUIRE_PG=1")
        pytest.skip(reason)
    schema = "presslens_test_" + uuid.uuid4().hex[:12]
    sep = "&" if "?" in PG_URL else "?"
    try:
        yield f"{PG_URL}{sep}schema={schema}"
    finally:
        with psycopg.connect(PG_URL, autocommit=True) as con:
            con.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


def store_url(kind: str, tmp_path: Path) -> Iterator[str]:
    if kind == "duckdb":
        yield str(tmp_path / "store.duckdb")
    else:
        yield from pg_schema_url()


def make_analysis(
    text: str,
    *,
    outlet: str | None = "daily",
    published: str | None = None,
    speaker: str | None = None,
    technique: str | None = None,
    basis: str | None = None,
    title: str | None = None,
    stages: tuple[str, ...] = ("test",),
) -> dict:
    """A contract dict with one quote/technique/sourcing span, made without any stage."""
    doc = Document(
        text,
        source=Source(path=f"{outlet}/{hash(text)}.txt"),
        metadata=Metadata(title=title, outlet=outlet, published=published),
    )
    end = min(len(text), 20)
    entities, quotes = [], []
    if speaker:
        entities.append(Entity("e1", speaker, "PERSON", ((0, end),)))
        quotes.append(Quote("q1", "direct", (0, end), None, Speaker(None, speaker, "e1")))
    doc.add_layer("entities", entities)
    doc.add_layer("quotes", quotes)
    doc.add_layer("techniques", [TechniqueSpan((0, end), technique, 0.9)] if technique else [])
    doc.add_layer("sourcing", [Sourcing((0, end), basis)] if basis else [])  # type: ignore[arg-type]
    return Analysis(doc, stages).to_dict()
