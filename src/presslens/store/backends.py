"""The two databases a store can live in, behind one small interface.

SQL in :mod:`presslens.store` is written once with ``?`` placeholders and portable
types; a backend translates placeholders and the few type names that differ
(``{blob}``, ``{double}``) and owns the connection and its transactions. DuckDB is
the default (one file, no server); PostgreSQL serves teams sharing one corpus.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, ClassVar
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from presslens.errors import StoreLocked

# Rows per multi-row INSERT: DuckDB's executemany runs row by row, one statement
# with many VALUES groups is an order of magnitude faster.
_INSERT_CHUNK = 400
# The advisory lock every migration (and first-time schema creation) runs under.
MIGRATION_LOCK = "presslens.migrate"


class Backend:
    """A connection plus the dialect details presslens needs."""

    name = "?"
    types: ClassVar[dict[str, str]] = {}
    placeholder = "?"

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        raise NotImplementedError

    def stream(
        self,
        sql: str,
        params: Sequence[Any] = (),
        size: int = 5000,
    ) -> Iterator[tuple[Any, ...]]:
        """Rows of a large result, fetched ``size`` at a time on a cursor of its own."""
        raise NotImplementedError

    def begin(self) -> None:
        raise NotImplementedError

    def commit(self) -> None:
        raise NotImplementedError

    def rollback(self) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def ddl(self, sql: str) -> str:
        return sql.format(**self.types)

    @contextmanager
    def exclusive(self, name: str) -> Iterator[None]:
        """Hold a lock named ``name`` across processes (DuckDB: its file lock suffices)."""
        yield

    def try_lock(self, name: str) -> bool:
        """Take the session lock ``name`` if free (True), else False; DuckDB: always True."""
        return True

    def unlock(self, name: str) -> None:
        """Release a session lock taken by :meth:`try_lock` or :meth:`lock`."""

    def lock(self, name: str) -> None:
        """Take the session lock ``name``, held until :meth:`unlock` or the session ends."""

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing: a crash or an error inside leaves the database as before."""
        self.begin()
        try:
            yield
        except BaseException:
            self.rollback()
            raise
        self.commit()

    def insert_many(
        self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], suffix: str = ""
    ) -> None:
        """INSERT ``rows`` with multi-row VALUES statements (``suffix``: ON CONFLICT ...)."""
        if not rows:
            return
        group = "(" + ", ".join([self.placeholder] * len(columns)) + ")"
        head = f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
        for start in range(0, len(rows), _INSERT_CHUNK):
            chunk = rows[start : start + _INSERT_CHUNK]
            sql = head + ", ".join([group] * len(chunk)) + (" " + suffix if suffix else "")
            self._raw(sql, [v for row in chunk for v in row])

    def insert_columns(
        self, table: str, columns: Sequence[tuple[str, str]], values: Sequence[Sequence[Any]]
    ) -> None:
        """INSERT one row per position of the ``values`` lists, one list per
        ``(column, SQL type)``, in one statement: many narrow rows (the reprint
        index) without a placeholder per value."""
        if not values or not values[0]:
            return
        names = ", ".join(name for name, _ in columns)
        self._raw(self._insert_columns_sql(table, names, [t for _, t in columns]), list(values))

    def _insert_columns_sql(self, table: str, names: str, types: Sequence[str]) -> str:
        raise NotImplementedError

    def any_of(self, column: str, sql_type: str) -> str:
        """A condition: ``column`` is one of the values of a list parameter (``?``)."""
        return f"{column} = ANY(?::{sql_type}[])"

    def _raw(self, sql: str, params: Sequence[Any]) -> None:
        raise NotImplementedError


# DuckDB caches table blocks up to 80% of RAM by default, so a writer's memory grows
# with the corpus; a bounded buffer pool keeps a long ingest flat (queries spill to
# disk past it). Settings.duckdb_memory_limit (PRESSLENS_DUCKDB_MEMORY_LIMIT) sets it.


_HELD_BY = re.compile(r"Conflicting lock is held in (.*?) \(PID (\d+)\)")


def locked_error(message: str) -> StoreLocked | None:
    """A one-line StoreLocked for DuckDB's lock conflict message, else None."""
    found = _HELD_BY.search(message)
    if "Could not set lock" not in message and found is None:
        return None
    holder = (
        f"PID {found.group(2)} ({found.group(1).rsplit('/', 1)[-1]})"
        if found
        else "another process"
    )
    return StoreLocked(
        f"the store is locked by {holder}: a DuckDB file has one writer at a time; "
        "wait for it to finish, or share a store through PostgreSQL (--db postgresql://...)"
    )


class DuckDBBackend(Backend):
    name = "duckdb"
    types: ClassVar[dict[str, str]] = {"blob": "BLOB", "double": "DOUBLE"}

    def __init__(self, path: str, *, read_only: bool = False):
        import duckdb

        from presslens.settings import get_settings

        self.path = path
        config = {}
        limit = get_settings().duckdb_memory_limit
        if limit and not read_only:
            config["memory_limit"] = limit
        try:
            self.con = duckdb.connect(path, read_only=read_only, config=config)
        except duckdb.IOException as exc:
            locked = locked_error(str(exc))
            if locked is None:
                raise
            raise locked from None

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        cur = self.con.execute(sql, list(params))
        return cur.fetchall() if cur.description else []

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, list(params))
        if not cur.description:
            return []
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def _raw(self, sql: str, params: Sequence[Any]) -> None:
        self.con.execute(sql, list(params))

    def _insert_columns_sql(self, table: str, names: str, types: Sequence[str]) -> str:
        lists = ", ".join(f"unnest(?::{t}[])" for t in types)
        return f"INSERT INTO {table} ({names}) SELECT {lists}"

    def any_of(self, column: str, sql_type: str) -> str:
        # a semi-join against the list: one scan whatever the list's length
        return f"{column} IN (SELECT unnest(?::{sql_type}[]))"

    def stream(
        self,
        sql: str,
        params: Sequence[Any] = (),
        size: int = 5000,
    ) -> Iterator[tuple[Any, ...]]:
        cur = self.con.cursor()  # its own result set: other queries may run meanwhile
        try:
            cur.execute(sql, list(params))
            while rows := cur.fetchmany(size):
                yield from rows
        finally:
            cur.close()

    def begin(self) -> None:
        self.con.begin()

    def commit(self) -> None:
        self.con.commit()

    def rollback(self) -> None:
        self.con.rollback()

    def close(self) -> None:
        self.con.close()


_QMARK = re.compile(r"\?")


class PostgresBackend(Backend):
    """psycopg 3; ``?schema=NAME`` in the URL selects (and creates) a schema."""

    name = "postgresql"
    types: ClassVar[dict[str, str]] = {"blob": "BYTEA", "double": "DOUBLE PRECISION"}
    placeholder = "%s"

    def __init__(self, url: str):
        import psycopg

        parts = urlsplit(url)
        query = dict(parse_qsl(parts.query))
        self.schema = query.pop("schema", None)
        scheme = "postgresql" if parts.scheme.startswith("postgres") else parts.scheme
        dsn = urlunsplit((scheme.split("+")[0], parts.netloc, parts.path, urlencode(query), ""))
        if self.schema and not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", self.schema):
            raise ValueError(f"invalid schema name {self.schema!r}")
        self.con = psycopg.connect(dsn, autocommit=True)
        if self.schema:
            # two first-time opens racing on CREATE SCHEMA collide in pg_namespace
            with self.exclusive(MIGRATION_LOCK):
                self.con.execute(f"CREATE SCHEMA IF NOT EXISTS {self.schema}")
            self.con.execute(f"SET search_path TO {self.schema}")
        self._tx: Any = None

    @contextmanager
    def exclusive(self, name: str) -> Iterator[None]:
        """A PostgreSQL advisory lock: one holder at a time across every client."""
        self.lock(name)
        try:
            yield
        finally:
            self.unlock(name)

    def lock(self, name: str) -> None:
        self.con.execute("SELECT pg_advisory_lock(hashtext(%s))", [name])

    def try_lock(self, name: str) -> bool:
        row = self.con.execute("SELECT pg_try_advisory_lock(hashtext(%s))", [name]).fetchone()
        return bool(row and row[0])

    def unlock(self, name: str) -> None:
        self.con.execute("SELECT pg_advisory_unlock(hashtext(%s))", [name])

    def _sql(self, sql: str) -> str:
        return _QMARK.sub("%s", sql)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        cur = self.con.execute(self._sql(sql), list(params) or None)
        return cur.fetchall() if cur.description else []

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.con.execute(self._sql(sql), list(params) or None)
        if not cur.description:
            return []
        names = [d.name for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def _raw(self, sql: str, params: Sequence[Any]) -> None:
        self.con.execute(sql, list(params))

    def _insert_columns_sql(self, table: str, names: str, types: Sequence[str]) -> str:
        lists = ", ".join(f"%s::{t}[]" for t in types)
        return f"INSERT INTO {table} ({names}) SELECT * FROM unnest({lists})"

    def stream(
        self,
        sql: str,
        params: Sequence[Any] = (),
        size: int = 5000,
    ) -> Iterator[tuple[Any, ...]]:
        with self.con.cursor() as cur:
            cur.execute(self._sql(sql), list(params) or None)
            while rows := cur.fetchmany(size):
                yield from rows

    def begin(self) -> None:
        self.con.execute("BEGIN")

    def commit(self) -> None:
        self.con.execute("COMMIT")

    def rollback(self) -> None:
        self.con.execute("ROLLBACK")

    def close(self) -> None:
        self.con.close()


def connect(db: str, *, read_only: bool = False) -> Backend:
    """A backend for ``db``: a ``postgresql://`` URL or a DuckDB file path."""
    if db.startswith(("postgresql://", "postgres://", "postgresql+psycopg://")):
        return PostgresBackend(db)
    return DuckDBBackend(db, read_only=read_only)
