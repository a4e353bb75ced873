"""The store's tables, as numbered migrations recorded in ``schema_version``.

A migration is a list of statements applied in one transaction; a database at
version N gets migrations N+1.. on open. Never edit a released migration: add one.

Tables a researcher queries directly (one row per thing, text spans resolved):

- ``documents``: one per distinct text (``id`` = sha256 of the text); ``seq`` is
  the ingest order that breaks ties between reprints published the same day.
- ``analyses``: the ``presslens.analysis/1`` JSON, the pipeline version that made
  it, and per-layer counts.
- ``quotes``, ``entities``, ``sourcing``, ``techniques``: the layers, flattened.
- ``passages``: reprint fingerprints (MinHash signatures) and their reprint group.
- ``passage_bands``: the reprint index, one row per LSH band of every passage
  (``band``, 64-bit ``band_key``), looked up by ``band_key`` (a btree on
  PostgreSQL; see :mod:`presslens.reprints.bands`).
- ``sources``: every corpus item seen (``path#line``...) and what became of it, so
  a re-run skips it; ``runs`` and ``errors`` record batches and what failed.
"""

from __future__ import annotations

MIGRATIONS: list[tuple[int, list[str | tuple[str, str]]]] = [
    (
        1,
        [
            """CREATE TABLE IF NOT EXISTS documents (
            id TEXT PRIMARY KEY,
            seq BIGINT NOT NULL,
            outlet TEXT,
            published TIMESTAMP,
            url TEXT,
            title TEXT,
            language TEXT,
            source TEXT,
            text TEXT NOT NULL,
            ingested_at TIMESTAMP NOT NULL
        )""",
            """CREATE TABLE IF NOT EXISTS analyses (
            doc_id TEXT PRIMARY KEY,
            schema TEXT NOT NULL,
            pipeline_version TEXT NOT NULL,
            stages TEXT NOT NULL,
            run_id TEXT,
            n_quotes INTEGER NOT NULL,
            n_entities INTEGER NOT NULL,
            n_sourcing INTEGER NOT NULL,
            n_techniques INTEGER NOT NULL,
            analysis TEXT NOT NULL,
            analysed_at TIMESTAMP NOT NULL
        )""",
            """CREATE TABLE IF NOT EXISTS quotes (
            doc_id TEXT NOT NULL,
            quote_id TEXT NOT NULL,
            kind TEXT,
            span_start INTEGER,
            span_end INTEGER,
            text TEXT,
            cue TEXT,
            speaker_text TEXT,
            speaker_entity TEXT,
            speaker_name TEXT,
            via TEXT
        )""",
            """CREATE TABLE IF NOT EXISTS entities (
            doc_id TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            name TEXT,
            type TEXT,
            titles TEXT,
            mentions INTEGER
        )""",
            """CREATE TABLE IF NOT EXISTS sourcing (
            doc_id TEXT NOT NULL,
            span_start INTEGER,
            span_end INTEGER,
            basis TEXT,
            source_entity TEXT,
            text TEXT
        )""",
            """CREATE TABLE IF NOT EXISTS techniques (
            doc_id TEXT NOT NULL,
            span_start INTEGER,
            span_end INTEGER,
            technique TEXT,
            score {double},
            quote_id TEXT,
            text TEXT
        )""",
            """CREATE TABLE IF NOT EXISTS passages (
            doc_id TEXT NOT NULL,
            passage_no INTEGER NOT NULL,
            kind TEXT NOT NULL,
            span_start INTEGER NOT NULL,
            span_end INTEGER NOT NULL,
            signature {blob} NOT NULL,
            group_id TEXT,
            PRIMARY KEY (doc_id, passage_no)
        )""",
            """CREATE TABLE IF NOT EXISTS sources (
            source_id TEXT PRIMARY KEY,
            doc_id TEXT,
            status TEXT NOT NULL,
            run_id TEXT
        )""",
            """CREATE TABLE IF NOT EXISTS runs (
            run_id TEXT PRIMARY KEY,
            started_at TIMESTAMP NOT NULL,
            finished_at TIMESTAMP,
            engine TEXT,
            workers INTEGER,
            stages TEXT,
            pipeline_version TEXT,
            sources TEXT,
            done INTEGER,
            skipped INTEGER,
            failed INTEGER,
            status TEXT
        )""",
            """CREATE TABLE IF NOT EXISTS errors (
            run_id TEXT,
            source_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            message TEXT NOT NULL,
            recorded_at TIMESTAMP NOT NULL
        )""",
            """CREATE TABLE IF NOT EXISTS meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )""",
            "CREATE INDEX IF NOT EXISTS quotes_doc ON quotes (doc_id)",
            "CREATE INDEX IF NOT EXISTS entities_doc ON entities (doc_id)",
            "CREATE INDEX IF NOT EXISTS sourcing_doc ON sourcing (doc_id)",
            "CREATE INDEX IF NOT EXISTS techniques_doc ON techniques (doc_id)",
        ],
    ),
]

# A statement given as (backend name, SQL) runs on that backend only.
MIGRATIONS.append(
    (
        2,
        [
            # who runs a run, so the next start can tell a killed run from a live one
            "ALTER TABLE runs ADD COLUMN pid INTEGER",
            "ALTER TABLE runs ADD COLUMN host TEXT",
            # what an item held when it was done: an edited file is analysed again
            "ALTER TABLE sources ADD COLUMN digest TEXT",
            # documents.seq from a sequence: concurrent writers on one PostgreSQL
            # each took MAX(seq) + 1 and stored duplicates (DuckDB has one writer)
            ("postgresql", "CREATE SEQUENCE IF NOT EXISTS documents_seq"),
            (
                "postgresql",
                "SELECT setval('documents_seq', "
                "(SELECT COALESCE(MAX(seq), 0) + 1 FROM documents), false)",
            ),
        ],
    )
)

MIGRATIONS.append(
    (
        3,
        [
            # the reprint index: a new passage's candidates are an index lookup,
            # not a reload of every stored signature
            """CREATE TABLE IF NOT EXISTS passage_bands (
            band SMALLINT NOT NULL,
            band_key BIGINT NOT NULL,
            doc_id TEXT NOT NULL,
            passage_no INTEGER NOT NULL
        )""",
            # PostgreSQL looks keys up in a btree. DuckDB scans the column instead (a
            # semi-join, about 5 ns a row): its ART index is used only for IN lists of
            # up to 2,048 keys, takes 9 times the table's disk, and past the writer's
            # bounded buffer pool (Settings.duckdb_memory_limit) every insert spills.
            (
                "postgresql",
                "CREATE INDEX IF NOT EXISTS passage_bands_key ON passage_bands (band_key)",
            ),
            # the ungrouped passages and the renames of merged groups, through an index
            ("postgresql", "CREATE INDEX IF NOT EXISTS passages_group ON passages (group_id)"),
        ],
    )
)

MIGRATIONS.append(
    (
        4,
        [
            # quotes[].score of the contract: the probability of the learned model that
            # inferred an attribution (NULL for what quotation marks and cue words find,
            # and for analyses stored before the field)
            "ALTER TABLE quotes ADD COLUMN score {double}",
        ],
    )
)

LATEST = MIGRATIONS[-1][0]
