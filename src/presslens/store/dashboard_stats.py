"""Numbers behind the web dashboard, over the documents a filter selects.

The filter is the document search's (:func:`presslens.store.document_search.where_clause`:
outlet case-insensitive, language, date range), so a bar on the dashboard and
the list it links to count the same documents. Portable SQL (DuckDB, PostgreSQL).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from presslens.store.document_search import DocumentQuery, where_clause

UNKNOWN_OUTLET = "unknown outlet"


def _month(value: Any) -> str | None:
    if isinstance(value, (datetime, date)):
        return f"{value.year:04d}-{value.month:02d}"
    return None if value is None else str(value)[:7]


def dashboard_stats(store: Any, q: DocumentQuery, top: int = 15) -> dict[str, Any]:
    """Per-month technique counts by outlet, techniques, sourcing by outlet, top speakers."""
    clause, params = where_clause(q)
    outlet = f"COALESCE(d.outlet, '{UNKNOWN_OUTLET}')"
    total = store.query(f"SELECT COUNT(*) AS n FROM documents d WHERE {clause}", params)
    months = store.query(
        f"SELECT {outlet} AS outlet, date_trunc('month', d.published) AS month, "
        "COUNT(t.doc_id) AS spans, COUNT(DISTINCT d.id) AS documents "
        "FROM documents d LEFT JOIN techniques t ON t.doc_id = d.id "
        f"WHERE {clause} AND d.published IS NOT NULL GROUP BY 1, 2 ORDER BY 2, 1",
        params,
    )
    techniques = store.query(
        "SELECT t.technique AS technique, COUNT(*) AS spans, COUNT(DISTINCT t.doc_id) AS documents "
        f"FROM techniques t JOIN documents d ON d.id = t.doc_id WHERE {clause} "
        "GROUP BY t.technique ORDER BY documents DESC, spans DESC, technique",
        params,
    )
    sourcing = store.query(
        f"SELECT {outlet} AS outlet, s.basis AS basis, COUNT(*) AS claims "
        f"FROM sourcing s JOIN documents d ON d.id = s.doc_id WHERE {clause} "
        "GROUP BY 1, 2 ORDER BY 1, 2",
        params,
    )
    speakers = store.query(
        "SELECT q.speaker_name AS speaker, COUNT(*) AS quotes, "
        "COUNT(DISTINCT q.doc_id) AS documents "
        f"FROM quotes q JOIN documents d ON d.id = q.doc_id WHERE {clause} "
        "AND q.speaker_name IS NOT NULL GROUP BY q.speaker_name "
        f"ORDER BY quotes DESC, speaker LIMIT {int(top)}",
        params,
    )
    return {
        "documents": int(total[0]["n"]),
        "by_month": [
            {
                "outlet": r["outlet"],
                "month": _month(r["month"]),
                "spans": int(r["spans"]),
                "documents": int(r["documents"]),
            }
            for r in months
        ],
        "techniques": [
            {
                "technique": r["technique"],
                "spans": int(r["spans"]),
                "documents": int(r["documents"]),
            }
            for r in techniques
        ],
        "sourcing": [
            {"outlet": r["outlet"], "basis": r["basis"], "claims": int(r["claims"])}
            for r in sourcing
        ],
        "speakers": [
            {"speaker": r["speaker"], "quotes": int(r["quotes"]), "documents": int(r["documents"])}
            for r in speakers
        ],
    }
