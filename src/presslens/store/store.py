"""The Store: analyses of a corpus in DuckDB or PostgreSQL.

One writer (the CLI's parent process, or the API) writes batches of
:class:`~presslens.store.records.Record`; each batch is one transaction, so a
process killed at any moment leaves whole documents or none. Documents are keyed
by the sha256 of their text, so re-ingesting adds nothing.
"""

from __future__ import annotations

import functools
import json
import os
import socket
import threading
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar

from presslens.errors import StoreRefused
from presslens.reprints.bands import HASH, band_rows
from presslens.reprints.passages import DEFAULT_PARAMS, ReprintParams, fingerprint
from presslens.store import flatten
from presslens.store import passages as store_passages
from presslens.store.backends import MIGRATION_LOCK, Backend
from presslens.store.liveness import claim_run, mark_killed_runs, release_run
from presslens.store.records import Record, from_timestamp, pipeline_version, to_timestamp
from presslens.store.schema import LATEST, MIGRATIONS
from presslens.store.storable import unstorable_reason

_LOOKUP_CHUNK = 500
_META_PARAMS = "reprints.params"
_META_BANDS = "reprints.bands"  # what every passage_bands row was made with
_META_SHAPE = "reprints.band_shape"  # datasketch's (b, r) per threshold and permutations


F = TypeVar("F", bound=Callable[..., Any])


def _locked(method: F) -> F:
    """Serialise calls: one connection is shared by the threads of a web server."""

    @functools.wraps(method)
    def wrapper(self: Store, *args: Any, **kwargs: Any) -> Any:
        with self._lock:
            return method(self, *args, **kwargs)

    return wrapper  # type: ignore[return-value]


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def _marks(n: int) -> str:
    return ", ".join(["?"] * n)


DOCUMENT_COLUMNS = (
    "id",
    "seq",
    "outlet",
    "published",
    "url",
    "title",
    "language",
    "source",
    "text",
    "ingested_at",
)
ANALYSIS_COLUMNS = (
    "doc_id",
    "schema",
    "pipeline_version",
    "stages",
    "run_id",
    "n_quotes",
    "n_entities",
    "n_sourcing",
    "n_techniques",
    "analysis",
    "analysed_at",
)


@dataclass
class _Batch:
    """The rows of one write, per table, gathered before anything is inserted."""

    now: datetime
    documents: list[tuple[Any, ...]] = field(default_factory=list)
    analyses: list[tuple[Any, ...]] = field(default_factory=list)
    layers: dict[str, list[tuple[Any, ...]]] = field(
        default_factory=lambda: {w.table: [] for w in flatten.LAYER_WRITERS}
    )
    passages: list[tuple[Any, ...]] = field(default_factory=list)
    bands: list[tuple[int, int, str, int]] = field(default_factory=list)
    sources: list[tuple[Any, ...]] = field(default_factory=list)
    errors: list[tuple[Any, ...]] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    written: set[str] = field(default_factory=set)


def _analysis_row(
    a: dict[str, Any], version: str, run_id: str | None, now: datetime
) -> tuple[Any, ...]:
    return (
        a["id"],
        a.get("schema"),
        version,
        ",".join(a.get("stages") or ()),
        run_id,
        *flatten.counts(a),
        json.dumps(a, ensure_ascii=False),
        now,
    )


def _refuse_unstorable(records: Sequence[Record]) -> tuple[list[Record], list[Record]]:
    """``records`` with unstorable analyses swapped for error rows, and those refused."""
    kept, refused = [], []
    for record in records:
        reason = None if record.analysis is None else unstorable_reason(record.analysis)
        if reason is None:
            kept.append(record)
            continue
        record.error = ("store", reason)
        refused.append(record)
        kept.append(
            Record(record.source_id or record.doc_id, error=record.error, digest=record.digest)
        )
    return kept, refused


def bands_key(params: ReprintParams) -> str:
    """What band keys depend on: signatures (``params.key()``), the threshold (which
    sets the bands) and the hash that turns a band into a key."""
    return f"{params.key()};threshold={params.threshold};hash={HASH}"


class Store:
    """Analyses, their flattened layers, reprint passages, runs and errors."""

    def __init__(self, backend: Backend, *, read_only: bool = False):
        self.db = backend
        self._lock = threading.RLock()
        self._seq: int | None = None
        self._params: ReprintParams | None = None
        self._shape: tuple[list[Any], tuple[int, int]] | None = None
        self.metadata_updated: list[str] = []  # documents whose metadata a write refreshed
        if not read_only:
            self.migrate()

    # -- schema -----------------------------------------------------------------
    def schema_version(self) -> int:
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS schema_version "
            "(version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL)"
        )
        rows = self.db.execute("SELECT MAX(version) FROM schema_version")
        return int(rows[0][0] or 0)

    def migrate(self) -> int:
        """Apply the migrations this database lacks; returns the resulting version."""
        with self.db.exclusive(MIGRATION_LOCK):  # one migration at a time (PostgreSQL)
            current = self.schema_version()
            fresh = current == 0
            for version, statements in MIGRATIONS:
                if version <= current:
                    continue
                with self.db.transaction():
                    for statement in statements:
                        if isinstance(statement, tuple):
                            backend, statement = statement
                            if backend != self.db.name:
                                continue
                        self.db.execute(self.db.ddl(statement))
                    self.db.execute("INSERT INTO schema_version VALUES (?, ?)", [version, _now()])
            if fresh:  # no passages yet: the reprint index is complete as it is
                self.set_meta(_META_BANDS, bands_key(self.reprint_params()))
        return max(current, LATEST)

    # -- writing ------------------------------------------------------------------
    def _next_seq(self) -> int:
        """The next ``documents.seq``: a sequence on PostgreSQL (many writers), else MAX + 1.

        DuckDB has one writing process; :meth:`write` re-reads MAX inside each
        transaction, so two stores in one process cannot hand out the same value.
        """
        if self.db.name == "postgresql":
            return int(self.db.execute("SELECT nextval('documents_seq')")[0][0])
        if self._seq is None:
            self._seq = int(self.db.execute("SELECT COALESCE(MAX(seq), 0) FROM documents")[0][0])
        self._seq += 1
        return self._seq

    @_locked
    def put_analysis(
        self, analysis: dict[str, Any], *, run_id: str | None = None, replace: bool = False
    ) -> str:
        """Store one analysis (idempotent by text id); returns the document id.

        Raises :class:`~presslens.errors.StoreRefused` when the store did not keep
        it: an acknowledged write is a stored one.

        ``replace`` re-writes a stored analysis made by another pipeline version.
        """
        refused = self.write(
            [Record(analysis.get("source", {}).get("path"), analysis)],
            run_id=run_id,
            replace=replace,
        )
        if refused:
            reason = refused[0].error[1] if refused[0].error else "refused"
            raise StoreRefused(reason, unstorable=unstorable_reason(analysis) is not None)
        return str(analysis["id"])

    @_locked
    def write(
        self, records: Sequence[Record], *, run_id: str | None = None, replace: bool = False
    ) -> list[Record]:
        """Write a batch in one transaction; returns the records that failed to store.

        If the batch fails as a whole, each record is retried in its own transaction
        and a record the database refuses becomes an error row (its item is not lost:
        the error says why). A refused record comes back with ``error`` set to the
        reason, so callers can tell the user (see :mod:`presslens.store.storable`).
        """
        if not records:
            return []
        records, refused = _refuse_unstorable(records)
        self.metadata_updated = []
        self._seq = None  # read MAX(seq) again inside the transaction
        seq_before = self._seq
        try:
            with self.db.transaction():
                self._write(records, run_id, replace)
            return refused
        except Exception:
            self._seq = seq_before
            self.metadata_updated = []
        failed = refused
        for record in records:
            seq_before = self._seq
            try:
                with self.db.transaction():
                    self._write([record], run_id, replace)
            except Exception as exc:
                self._seq = seq_before
                record.error = ("store", f"{type(exc).__name__}: {exc}"[:500])
                failed.append(record)
                bad = Record(
                    record.source_id or record.doc_id, error=record.error, digest=record.digest
                )
                with self.db.transaction():
                    self._write([bad], run_id, replace)
        return failed

    def _existing(self, ids: Sequence[str]) -> dict[str, str | None]:
        rows = self._lookup(
            "SELECT d.id, a.pipeline_version FROM documents d LEFT JOIN analyses a "
            "ON a.doc_id = d.id WHERE d.id IN ({marks})",
            ids,
        )
        return {doc_id: version for doc_id, version in rows}

    def _lookup(self, sql: str, keys: Sequence[str]) -> list[tuple[Any, ...]]:
        """Rows of ``sql`` for every key, asked in chunks (``{marks}`` is the IN list)."""
        rows: list[tuple[Any, ...]] = []
        for start in range(0, len(keys), _LOOKUP_CHUNK):
            chunk = list(keys[start : start + _LOOKUP_CHUNK])
            rows.extend(self.db.execute(sql.format(marks=_marks(len(chunk))), chunk))
        return rows

    def _write(self, records: Sequence[Record], run_id: str | None, replace: bool) -> None:
        """Write ``records`` as rows: documents, analyses, every layer of
        :data:`~presslens.store.flatten.LAYER_WRITERS`, passages, sources and errors."""
        existing = self._existing(list(dict.fromkeys(r.doc_id for r in records if r.doc_id)))
        batch = _Batch(_now())
        for record in records:
            if record.error is not None:
                batch.sources.append((record.source_id, None, "error", run_id, record.digest))
                batch.errors.append(
                    (run_id, record.source_id, record.error[0], record.error[1], batch.now)
                )
                continue
            a = record.analysis
            assert a is not None
            doc_id = a["id"]
            if record.source_id:
                batch.sources.append((record.source_id, doc_id, "done", run_id, record.digest))
            if doc_id in batch.written:
                continue
            version = pipeline_version(a)
            if doc_id in existing:
                if self._refresh_metadata(doc_id, a):
                    self.metadata_updated.append(doc_id)
                if not replace or existing[doc_id] == version:
                    continue
                batch.stale.append(doc_id)
            else:
                batch.documents.append(self._document_row(record, batch.now))
                found = (
                    record.passages
                    if record.passages is not None
                    else fingerprint(a, self.reprint_params())
                )
                batch.passages.extend(
                    (doc_id, p.no, p.kind, p.start, p.end, p.signature, None) for p in found
                )
                batch.bands.extend(
                    band_rows(((doc_id, p.no, p.signature) for p in found), self.band_shape())
                )
            batch.written.add(doc_id)
            batch.analyses.append(_analysis_row(a, version, run_id, batch.now))
            for writer in flatten.LAYER_WRITERS:
                batch.layers[writer.table].extend(writer.rows(a))
        self._insert(batch)

    def _document_row(self, record: Record, now: datetime) -> tuple[Any, ...]:
        a = record.analysis or {}
        meta = a.get("metadata") or {}
        src = a.get("source") or {}
        return (
            a["id"],
            self._next_seq(),
            meta.get("outlet"),
            to_timestamp(meta.get("published")),
            src.get("url"),
            meta.get("title"),
            a.get("language"),
            record.source_id or src.get("path"),
            a["text"],
            now,
        )

    def _insert(self, batch: _Batch) -> None:
        for doc_id in batch.stale:
            for table in (*(w.table for w in flatten.LAYER_WRITERS), "analyses"):
                self.db.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])
        self.db.insert_many("documents", DOCUMENT_COLUMNS, batch.documents)
        self.db.insert_many("analyses", ANALYSIS_COLUMNS, batch.analyses)
        for writer in flatten.LAYER_WRITERS:
            self.db.insert_many(writer.table, writer.columns, batch.layers[writer.table])
        store_passages.insert(self, batch.passages, skip_existing=True)
        store_passages.insert_bands(self, batch.bands)
        sources = list({s[0]: s for s in batch.sources if s[0]}.values())
        self.db.insert_many(
            "sources",
            ("source_id", "doc_id", "status", "run_id", "digest"),
            sources,
            "ON CONFLICT (source_id) DO UPDATE SET doc_id = excluded.doc_id, "
            "status = excluded.status, run_id = excluded.run_id, digest = excluded.digest",
        )
        self.db.insert_many(
            "errors", ("run_id", "source_id", "kind", "message", "recorded_at"), batch.errors
        )

    def _refresh_metadata(self, doc_id: str, analysis: dict[str, Any]) -> bool:
        """Give a stored document the metadata a new record brings; True if any changed.

        Only values the record has replace stored ones: a copy of a text without an
        outlet does not erase the outlet another source gave it.
        """
        meta = analysis.get("metadata") or {}
        new = {
            "outlet": meta.get("outlet"),
            "published": to_timestamp(meta.get("published")),
            "url": (analysis.get("source") or {}).get("url"),
            "title": meta.get("title"),
        }
        new = {k: v for k, v in new.items() if v is not None}
        if not new:
            return False
        rows = self.db.query(f"SELECT {', '.join(new)} FROM documents WHERE id = ?", [doc_id])
        if not rows or all(rows[0][k] == v for k, v in new.items()):
            return False
        changed = {k: v for k, v in new.items() if rows[0][k] != v}
        sets = ", ".join(f"{k} = ?" for k in changed)
        self.db.execute(f"UPDATE documents SET {sets} WHERE id = ?", [*changed.values(), doc_id])
        stored = self.db.execute("SELECT analysis FROM analyses WHERE doc_id = ?", [doc_id])
        if stored:
            old = json.loads(stored[0][0])
            old_meta = old.setdefault("metadata", {})
            for key in ("outlet", "published", "title"):
                if meta.get(key) is not None:
                    old_meta[key] = meta[key]
            if new.get("url") is not None:
                old.setdefault("source", {})["url"] = new["url"]
            self.db.execute(
                "UPDATE analyses SET analysis = ? WHERE doc_id = ?",
                [json.dumps(old, ensure_ascii=False), doc_id],
            )
        return True

    @_locked
    def record_error(
        self, source_id: str, kind: str, message: str, *, run_id: str | None = None
    ) -> None:
        """Record that ``source_id`` failed, and why (the item counts as done)."""
        self.write([Record(source_id, error=(kind, message))], run_id=run_id)

    # -- runs and resume -------------------------------------------------------------
    @_locked
    def start_run(
        self,
        *,
        engine: str,
        workers: int,
        stages: Iterable[str],
        version: str,
        sources: Iterable[str],
    ) -> str:
        mark_killed_runs(self.db)
        run_id = uuid.uuid4().hex[:16]
        with self.db.transaction():
            self.db.execute(
                "INSERT INTO runs (run_id, started_at, engine, workers, stages, "
                "pipeline_version, sources, done, skipped, failed, status, pid, host) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 'running', ?, ?)",
                [
                    run_id,
                    _now(),
                    engine,
                    workers,
                    ",".join(stages),
                    version,
                    json.dumps(list(sources)),
                    os.getpid(),
                    socket.gethostname(),
                ],
            )
        claim_run(self.db, run_id)
        return run_id

    @_locked
    def finish_run(self, run_id: str, *, done: int, skipped: int, failed: int, status: str) -> None:
        with self.db.transaction():
            self.db.execute(
                "UPDATE runs SET finished_at = ?, done = ?, skipped = ?, failed = ?,"
                " status = ? WHERE run_id = ?",
                [_now(), done, skipped, failed, status, run_id],
            )
        release_run(self.db, run_id)

    @_locked
    def done_sources(
        self,
        source_ids: Sequence[str],
        *,
        version: str | None = None,
        digests: Mapping[str, str | None] | None = None,
    ) -> set[str]:
        """The ``source_ids`` already processed (errors included).

        With ``version`` (``--reanalyse``), a source whose document was analysed by
        another pipeline version does not count as done. With ``digests`` (what each
        item holds now), a source whose content or metadata changed since it was done
        does not count as done either: an edited file is analysed again.
        """
        rows = self._lookup(
            "SELECT s.source_id, s.status, a.pipeline_version, s.digest FROM sources s "
            "LEFT JOIN analyses a ON a.doc_id = s.doc_id WHERE s.source_id IN ({marks})",
            source_ids,
        )
        digests = digests or {}
        return {
            source_id
            for source_id, status, stored, digest in rows
            if (version is None or status != "done" or stored == version)
            and (digest is None or digests.get(source_id) in (None, digest))
        }

    @_locked
    def sources(self) -> list[dict[str, Any]]:
        """Every input seen: ``source_id``, its ``doc_id`` (None on error) and ``status``."""
        return self.db.query("SELECT source_id, doc_id, status FROM sources")

    # -- reading ----------------------------------------------------------------------
    @_locked
    def has_document(self, doc_id: str) -> bool:
        return bool(self.db.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]))

    @_locked
    def get_analysis(self, doc_id: str) -> dict[str, Any] | None:
        rows = self.db.execute("SELECT analysis FROM analyses WHERE doc_id = ?", [doc_id])
        return json.loads(rows[0][0]) if rows else None

    @_locked
    def search(
        self,
        *,
        outlet: str | None = None,
        speaker: str | None = None,
        technique: str | None = None,
        basis: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        text: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> tuple[list[dict[str, Any]], int]:
        """Document summaries matching every filter given, newest first, and the total."""
        where, params = ["1 = 1"], []
        if outlet:
            where.append("d.outlet = ?")
            params.append(outlet)
        if speaker:
            where.append(
                "EXISTS (SELECT 1 FROM quotes q WHERE q.doc_id = d.id AND "
                "(q.speaker_name ILIKE ? OR q.speaker_text ILIKE ?))"
            )
            params += [f"%{speaker}%"] * 2
        if technique:
            where.append(
                "EXISTS (SELECT 1 FROM techniques t WHERE t.doc_id = d.id AND t.technique = ?)"
            )
            params.append(technique)
        if basis:
            where.append("EXISTS (SELECT 1 FROM sourcing s WHERE s.doc_id = d.id AND s.basis = ?)")
            params.append(basis)
        if date_from:
            where.append("d.published >= ?")
            params.append(to_timestamp(date_from))
        if date_to:
            where.append(
                "d.published < ? + INTERVAL '1 day'" if len(date_to) == 10 else "d.published <= ?"
            )
            params.append(to_timestamp(date_to))
        if text:
            where.append("(d.text ILIKE ? OR d.title ILIKE ?)")
            params += [f"%{text}%"] * 2
        clause = " AND ".join(where)
        total = int(
            self.db.execute(f"SELECT COUNT(*) FROM documents d WHERE {clause}", params)[0][0]
        )
        rows = self.db.query(
            "SELECT d.id, d.title, d.outlet, d.published, d.url, d.language, "
            "a.n_quotes AS quotes, a.n_entities AS entities, a.n_sourcing AS sourcing, "
            "a.n_techniques AS techniques FROM documents d LEFT JOIN analyses a "
            f"ON a.doc_id = d.id WHERE {clause} "
            "ORDER BY d.published DESC NULLS LAST, d.seq LIMIT ? OFFSET ?",
            [*params, int(limit), int(offset)],
        )
        summaries = []
        for row in rows:
            counts = {
                k: int(row.pop(k) or 0) for k in ("quotes", "entities", "sourcing", "techniques")
            }
            row["published"] = from_timestamp(row["published"])
            summaries.append({**row, "counts": counts})
        return summaries, total

    @_locked
    def reprints_of(self, doc_id: str) -> list[dict[str, Any]]:
        """Reprint groups holding a passage of ``doc_id`` (:mod:`presslens.reprints.groups`)."""
        from presslens.reprints.groups import groups_of

        return groups_of(self, doc_id)

    @_locked
    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows of a parameterised query (``?`` placeholders), as dicts."""
        return self.db.query(sql, params)

    @_locked
    def sql(self, query: str) -> list[dict[str, Any]]:
        """Raw SQL from a researcher (``presslens query --sql``)."""
        return self.db.query(query)

    @_locked
    def get_meta(self, key: str) -> str | None:
        rows = self.db.execute("SELECT value FROM meta WHERE key = ?", [key])
        return rows[0][0] if rows else None

    @_locked
    def set_meta(self, key: str, value: str) -> None:
        self.db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) "
            "DO UPDATE SET value = excluded.value",
            [key, value],
        )

    def reprint_params(self) -> ReprintParams:
        """The parameters the stored passage signatures were made with."""
        if self._params is None:
            raw = self.get_meta(_META_PARAMS)
            self._params = ReprintParams(**json.loads(raw)) if raw else DEFAULT_PARAMS
        return self._params

    def set_reprint_params(self, params: ReprintParams) -> None:
        self.set_meta(_META_PARAMS, json.dumps(asdict(params), sort_keys=True))
        self._params = params

    def band_shape(self, params: ReprintParams | None = None) -> tuple[int, int]:
        """LSH ``(b, r)`` for ``params`` (the store's by default), kept in ``meta``:
        datasketch takes most of a second to choose them."""
        from presslens.reprints.bands import band_shape

        params = params or self.reprint_params()
        wanted = [params.threshold, params.num_perm]
        cached = self._shape
        if cached is not None and cached[0] == wanted:
            return cached[1]
        raw = self.get_meta(_META_SHAPE)
        stored = json.loads(raw) if raw else None
        if stored and stored.get("for") == wanted:
            shape = (int(stored["b"]), int(stored["r"]))
        else:
            shape = band_shape(params.threshold, params.num_perm)
            self.set_meta(_META_SHAPE, json.dumps({"for": wanted, "b": shape[0], "r": shape[1]}))
        self._shape = (wanted, shape)
        return shape

    def bands_made_with(self) -> str | None:
        """The :func:`bands_key` every ``passage_bands`` row was made with (None: unknown)."""
        return self.get_meta(_META_BANDS)

    def set_bands_made_with(self, params: ReprintParams) -> None:
        self.set_meta(_META_BANDS, bands_key(params))

    @_locked
    def group_reprints(self) -> Any:
        """Put the passages not yet grouped into their reprint groups (index lookups;
        :func:`presslens.reprints.index.update_groups`)."""
        from presslens.reprints.index import update_groups

        return update_groups(self)

    @_locked
    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
