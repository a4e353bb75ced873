"""Canned questions researchers ask of a corpus, as rows (dicts).

Each report is one SQL query over the flattened tables, portable between DuckDB
and PostgreSQL. The CLI renders rows as a table, CSV or chart; the web dashboard
calls :func:`run_report` and :func:`presslens.query.charts.render_chart`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from presslens.errors import PresslensError

Report = Callable[..., list[dict[str, Any]]]


class ReportError(PresslensError):
    kind = "report"


def _month(value: Any) -> str | None:
    if isinstance(value, (datetime, date)):
        return f"{value.year:04d}-{value.month:02d}"
    return None if value is None else str(value)[:7]


def top_speakers(
    store: Any,
    *,
    limit: int = 10,
    outlet: str | None = None,
) -> list[dict[str, Any]]:
    """The speakers each outlet quotes most (by quotes, then documents)."""
    where, params = "q.speaker_name IS NOT NULL", []
    if outlet:
        where += " AND d.outlet = ?"
        params.append(outlet)
    rows = store.query(
        "SELECT outlet, speaker, quotes, documents FROM ("
        " SELECT COALESCE(d.outlet, '(unknown)') AS outlet, q.speaker_name AS speaker,"
        " COUNT(*) AS quotes, COUNT(DISTINCT q.doc_id) AS documents,"
        " ROW_NUMBER() OVER (PARTITION BY COALESCE(d.outlet, '(unknown)')"
        "   ORDER BY COUNT(*) DESC, q.speaker_name) AS rank"
        f" FROM quotes q JOIN documents d ON d.id = q.doc_id WHERE {where}"
        " GROUP BY COALESCE(d.outlet, '(unknown)'), q.speaker_name) ranked"
        " WHERE rank <= ? ORDER BY outlet, quotes DESC, speaker",
        [*params, int(limit)],
    )
    return [{**r, "quotes": int(r["quotes"]), "documents": int(r["documents"])} for r in rows]


def techniques_by_month(store: Any, *, outlet: str | None = None) -> list[dict[str, Any]]:
    """Per outlet and month, the share of documents using each technique."""
    where, params = "published IS NOT NULL", []
    if outlet:
        where += " AND outlet = ?"
        params.append(outlet)
    rows = store.query(
        "WITH base AS (SELECT id, COALESCE(outlet, '(unknown)') AS outlet,"
        f" date_trunc('month', published) AS month FROM documents WHERE {where}),"
        " totals AS (SELECT outlet, month, COUNT(*) AS documents FROM base GROUP BY outlet, month),"
        " hits AS (SELECT b.outlet, b.month, t.technique, COUNT(*) AS spans,"
        "  COUNT(DISTINCT t.doc_id) AS with_technique"
        "  FROM techniques t JOIN base b ON b.id = t.doc_id"
        "  GROUP BY b.outlet, b.month, t.technique)"
        " SELECT h.outlet, h.month, h.technique, h.spans, h.with_technique, t.documents"
        " FROM hits h JOIN totals t ON t.outlet = h.outlet AND t.month = h.month"
        " ORDER BY h.outlet, h.month, h.technique",
        params,
    )
    return [
        {
            "outlet": r["outlet"],
            "month": _month(r["month"]),
            "technique": r["technique"],
            "spans": int(r["spans"]),
            "documents": int(r["documents"]),
            "with_technique": int(r["with_technique"]),
            "prevalence": round(int(r["with_technique"]) / int(r["documents"]), 4),
        }
        for r in rows
    ]


def sourcing_by_outlet(store: Any) -> list[dict[str, Any]]:
    """Per outlet, the share of sourced claims that are unattributed or unverifiable."""
    rows = store.query(
        "SELECT COALESCE(d.outlet, '(unknown)') AS outlet, COUNT(DISTINCT s.doc_id) AS documents,"
        " COUNT(*) AS claims,"
        " SUM(CASE WHEN s.basis = 'unattributed' THEN 1 ELSE 0 END) AS unattributed,"
        " SUM(CASE WHEN s.basis = 'unverifiable' THEN 1 ELSE 0 END) AS unverifiable,"
        " SUM(CASE WHEN s.basis = 'anonymous' THEN 1 ELSE 0 END) AS anonymous"
        " FROM sourcing s JOIN documents d ON d.id = s.doc_id"
        " GROUP BY COALESCE(d.outlet, '(unknown)') ORDER BY outlet"
    )
    out = []
    for r in rows:
        claims = int(r["claims"])
        row = {"outlet": r["outlet"], "documents": int(r["documents"]), "claims": claims}
        for basis in ("unattributed", "unverifiable", "anonymous"):
            row[basis] = int(r[basis] or 0)
            row[f"{basis}_share"] = round(row[basis] / claims, 4) if claims else 0.0
        out.append(row)
    return out


def reprints(
    store: Any,
    *,
    doc: str | None = None,
    doc_id: str | None = None,
) -> list[dict[str, Any]]:
    """The reprint groups of one document, one row per member."""
    target = doc_id or doc
    if not target:
        raise ReportError("the reprints report needs a document id (--param doc=ID)")
    rows = []
    for group in store.reprints_of(target):
        for m in group["members"]:
            rows.append(
                {
                    "group": group["group_id"],
                    "doc_id": m["doc_id"],
                    "outlet": m["outlet"],
                    "published": m["published"],
                    "first_publisher": m["first_publisher"],
                    "similarity": m["similarity"],
                    "span": f"{m['span'][0]}-{m['span'][1]}",
                    "diff": m["diff_text"],
                    "passage": m["passage"],
                }
            )
    return rows


REPORTS: dict[str, Report] = {
    "top-speakers": top_speakers,
    "techniques-by-month": techniques_by_month,
    "sourcing-by-outlet": sourcing_by_outlet,
    "reprints": reprints,
}


def run_report(store: Any, name: str, **params: Any) -> list[dict[str, Any]]:
    """Rows of the canned report ``name`` (see :data:`REPORTS`)."""
    try:
        report = REPORTS[name]
    except KeyError:
        raise ReportError(f"unknown report {name!r}; available: {', '.join(REPORTS)}") from None
    try:
        return report(store, **params)
    except TypeError as exc:
        raise ReportError(f"bad parameters for {name}: {exc}") from None
