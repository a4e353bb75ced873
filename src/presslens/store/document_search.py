"""Searching stored documents: one rule for every text filter, counts, snippets, facets.

Every text filter (outlet, speaker, text) is a case-insensitive substring match
(``ILIKE`` with the user's ``%``/``_`` escaped, so they match themselves); the
label filters (technique, basis, language) are exact. The SQL is portable
between DuckDB and PostgreSQL; callers validate values first
(:mod:`presslens.api.search`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from presslens.store.records import from_timestamp, to_timestamp

ESCAPE = "!"
SORTS: dict[str, str] = {
    "newest": "d.published DESC NULLS LAST, d.seq DESC",
    "oldest": "d.published ASC NULLS LAST, d.seq",
    "techniques": "techniques DESC, d.published DESC NULLS LAST, d.seq",
    "quotes": "quotes DESC, d.published DESC NULLS LAST, d.seq",
    "unverifiable": "unverifiable DESC, d.published DESC NULLS LAST, d.seq",
    "title": "LOWER(COALESCE(d.title, '')), d.seq",
}
FACETS = ("outlet", "language", "technique", "basis")
SNIPPET_CHARS = 240


@dataclass
class DocumentQuery:
    """Validated filters (``None`` = any)."""

    outlet: str | None = None
    speaker: str | None = None
    text: str | None = None
    technique: str | None = None
    basis: str | None = None
    language: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    sort: str = "newest"
    limit: int = 50
    offset: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


def like(value: str) -> str:
    """An ``ILIKE`` pattern matching ``value`` anywhere, its wildcards escaped.

    >>> like("50%_off!")
    '%50!%!_off!!%'
    """
    escaped = re.sub(r"[!%_]", lambda m: ESCAPE + m.group(), value)
    return f"%{escaped}%"


def where_clause(q: DocumentQuery) -> tuple[str, list[Any]]:
    where, params = ["1 = 1"], []
    contains = f"ILIKE ? ESCAPE '{ESCAPE}'"
    if q.outlet:
        where.append(f"d.outlet {contains}")
        params.append(like(q.outlet))
    if q.speaker:
        where.append(
            "EXISTS (SELECT 1 FROM quotes q WHERE q.doc_id = d.id AND "
            f"(q.speaker_name {contains} OR q.speaker_text {contains}))"
        )
        params += [like(q.speaker)] * 2
    if q.text:
        where.append(f"(d.text {contains} OR d.title {contains})")
        params += [like(q.text)] * 2
    if q.technique:
        where.append(
            "EXISTS (SELECT 1 FROM techniques t WHERE t.doc_id = d.id AND t.technique = ?)"
        )
        params.append(q.technique)
    if q.basis:
        where.append("EXISTS (SELECT 1 FROM sourcing s WHERE s.doc_id = d.id AND s.basis = ?)")
        params.append(q.basis)
    if q.language:
        where.append("d.language = ?")
        params.append(q.language)
    if q.date_from:
        where.append("d.published >= ?")
        params.append(to_timestamp(q.date_from))
    if q.date_to:
        where.append(
            "d.published < ? + INTERVAL '1 day'" if len(q.date_to) == 10 else "d.published <= ?"
        )
        params.append(to_timestamp(q.date_to))
    return " AND ".join(where), params


def _snippet(head: str | None, title: str | None, around: bool) -> str:
    """One line of the text: around the match, or the opening after the title."""
    text = " ".join((head or "").split())
    if not around and title and text.startswith(" ".join(title.split())):
        text = text[len(" ".join(title.split())) :].lstrip(" .:-–—")
    if len(text) > SNIPPET_CHARS:
        text = text[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"
    return ("… " if around else "") + text


def search_documents(store: Any, q: DocumentQuery) -> tuple[list[dict[str, Any]], int]:
    """Summaries of the matching documents (with counts and a snippet) and their total."""
    clause, params = where_clause(q)
    total = int(
        store.query(f"SELECT COUNT(*) AS n FROM documents d WHERE {clause}", params)[0]["n"]
    )
    if q.text:
        head = "SUBSTR(d.text, GREATEST(STRPOS(LOWER(d.text), LOWER(?)) - 80, 1), 400) AS head"
        head_params: list[Any] = [q.text]
    else:
        head, head_params = "SUBSTR(d.text, 1, 600) AS head", []
    rows = store.query(
        "SELECT d.id, d.title, d.outlet, d.published, d.url, d.language, "
        "COALESCE(a.n_quotes, 0) AS quotes, COALESCE(a.n_entities, 0) AS entities, "
        "COALESCE(a.n_sourcing, 0) AS sourcing, COALESCE(a.n_techniques, 0) AS techniques, "
        "(SELECT COUNT(*) FROM sourcing s WHERE s.doc_id = d.id "
        " AND s.basis = 'unverifiable') AS unverifiable, "
        f"{head} FROM documents d LEFT JOIN analyses a ON a.doc_id = d.id "
        f"WHERE {clause} ORDER BY {SORTS[q.sort]} LIMIT ? OFFSET ?",
        [*head_params, *params, int(q.limit), int(q.offset)],
    )
    out = []
    for row in rows:
        counts = {
            k: int(row.pop(k) or 0)
            for k in ("quotes", "entities", "sourcing", "techniques", "unverifiable")
        }
        row["published"] = from_timestamp(row["published"])
        row["snippet"] = _snippet(row.pop("head"), row.get("title"), bool(q.text))
        out.append({**row, "counts": counts})
    return out, total


def facets(store: Any, q: DocumentQuery, size: int = 30) -> dict[str, list[dict[str, Any]]]:
    """For each facet, its values among the matching documents and how many documents have each."""
    clause, params = where_clause(q)
    queries = {
        "outlet": "SELECT d.outlet AS value, COUNT(*) AS n FROM documents d "
        f"WHERE {clause} AND d.outlet IS NOT NULL GROUP BY d.outlet",
        "language": "SELECT d.language AS value, COUNT(*) AS n FROM documents d "
        f"WHERE {clause} AND d.language IS NOT NULL GROUP BY d.language",
        "technique": "SELECT t.technique AS value, COUNT(DISTINCT t.doc_id) AS n "
        f"FROM techniques t JOIN documents d ON d.id = t.doc_id WHERE {clause} "
        "GROUP BY t.technique",
        "basis": "SELECT s.basis AS value, COUNT(DISTINCT s.doc_id) AS n "
        f"FROM sourcing s JOIN documents d ON d.id = s.doc_id WHERE {clause} GROUP BY s.basis",
    }
    out = {}
    for name, sql in queries.items():
        rows = store.query(f"{sql} ORDER BY n DESC, value LIMIT {int(size)}", params)
        out[name] = [{"value": str(r["value"]), "documents": int(r["n"])} for r in rows]
    return out


def distinct_values(store: Any, column: str) -> list[str]:
    """Stored values of ``techniques.technique`` or ``documents.language``/``outlet``."""
    table = {"technique": "techniques", "language": "documents", "outlet": "documents"}[column]
    rows = store.query(
        f"SELECT DISTINCT {column} AS v FROM {table} WHERE {column} IS NOT NULL ORDER BY v"
    )
    return [str(r["v"]) for r in rows]


def ids_with_prefix(store: Any, prefix: str, limit: int = 2) -> list[str]:
    """Up to ``limit`` document ids starting with the hex ``prefix``."""
    if not re.fullmatch(r"[0-9a-f]{1,64}", prefix):
        return []
    rows = store.query(
        "SELECT id FROM documents WHERE id LIKE ? ORDER BY id LIMIT ?", [prefix + "%", int(limit)]
    )
    return [str(r["id"]) for r in rows]
