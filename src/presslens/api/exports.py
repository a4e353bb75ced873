"""Exports and the dashboard's data: a document as CSV, a corpus query as CSV, chart JSON.

CSV cells that a spreadsheet would run as a formula (starting with ``=``, ``+``,
``-``, ``@``, tab or CR) get a leading apostrophe: an article's text must not
become a formula on a fact-checker's machine.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import Response

from presslens.api.models import DashboardStats, Problem
from presslens.api.routes import TEXT_RULE, get_or_404, store_of
from presslens.api.search import SearchError, languages_known, parse_query, techniques_known
from presslens.report.names import technique_name
from presslens.store.dashboard_stats import dashboard_stats
from presslens.store.document_search import search_documents

router = APIRouter(prefix="/v1", tags=["v1"])
EXPORT_LIMIT = 10_000
DASHBOARD_PARAMS = ("outlet", "language", "date_from", "date_to")
BAD: dict[int | str, dict[str, Any]] = {
    400: {"model": Problem, "description": "Unknown parameter or value"}
}


def _json_problem(description: str) -> dict[str, Any]:
    """An error response documented as JSON on a route whose success is CSV."""
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }


class CSVResponse(Response):
    media_type = "text/csv"


def cell(value: Any) -> str:
    """A CSV cell that no spreadsheet runs as a formula.

    >>> cell("=HYPERLINK(1)"), cell(0.5), cell(None)
    ("'=HYPERLINK(1)", '0.5', '')
    """
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def to_csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([cell(v) for v in row])
    return out.getvalue()


def annotation_rows(analysis: dict[str, Any]) -> list[list[Any]]:
    """One row per annotation: layer, id, start, end, label, score, speaker or source, text."""
    text = str(analysis.get("text") or "")

    def piece(span: Any) -> tuple[Any, Any, str]:
        if isinstance(span, list) and len(span) == 2 and all(isinstance(v, int) for v in span):
            return span[0], span[1], text[span[0] : span[1]]
        return None, None, ""

    rows: list[list[Any]] = []
    for q in analysis.get("quotes") or []:
        start, end, quoted = piece(q.get("span"))
        speaker = (q.get("speaker") or {}).get("text")
        rows.append(["quote", q.get("id"), start, end, q.get("kind"), None, speaker, quoted])
    for s in analysis.get("sourcing") or []:
        start, end, said = piece(s.get("span"))
        rows.append(["sourcing", None, start, end, s.get("basis"), None, s.get("source"), said])
    for t in analysis.get("techniques") or []:
        start, end, used = piece(t.get("span"))
        label = technique_name(str(t.get("technique")))
        rows.append(
            ["technique", t.get("technique"), start, end, label, t.get("score"), None, used]
        )
    for e in analysis.get("entities") or []:
        for m in e.get("mentions") or []:
            start, end, named = piece(m)
            rows.append(
                ["entity", e.get("id"), start, end, e.get("type"), None, e.get("name"), named]
            )
    return rows


def _attachment(name: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{name}"'}


@router.get(
    "/documents/{doc_id}/export.csv",
    response_class=CSVResponse,
    responses={
        200: {"content": {"text/csv": {"schema": {"type": "string"}}}},
        400: _json_problem("An ambiguous id prefix"),
        404: _json_problem("No such document"),
    },
    summary="One stored analysis as CSV: a row per quote, sourcing claim, technique, mention",
)
def document_csv(
    request: Request,
    doc_id: Annotated[str, Path(pattern=r"^[0-9a-f]{6,64}$", description="id or unique prefix")],
) -> CSVResponse:
    analysis = get_or_404(request, doc_id)
    header = ["layer", "id", "start", "end", "label", "score", "speaker_or_source", "text"]
    body = to_csv(header, annotation_rows(analysis))
    return CSVResponse(body, headers=_attachment(f"presslens-{analysis['id'][:12]}.csv"))


@router.get(
    "/export/documents.csv",
    response_class=CSVResponse,
    responses={
        200: {"content": {"text/csv": {"schema": {"type": "string"}}}},
        400: _json_problem("Unknown parameter or value"),
    },
    summary="The documents a search selects, as CSV (the search's parameters, no paging)",
)
def documents_csv(
    request: Request,
    outlet: Annotated[str | None, Query(max_length=200, description=TEXT_RULE)] = None,
    speaker: Annotated[str | None, Query(max_length=200, description=TEXT_RULE)] = None,
    text: Annotated[str | None, Query(max_length=200, description=TEXT_RULE)] = None,
    technique: Annotated[str | None, Query(max_length=100)] = None,
    basis: Annotated[str | None, Query(max_length=40)] = None,
    language: Annotated[str | None, Query(max_length=20)] = None,
    date_from: Annotated[str | None, Query(max_length=40)] = None,
    date_to: Annotated[str | None, Query(max_length=40)] = None,
    sort: Annotated[str | None, Query(max_length=20)] = None,
) -> CSVResponse:
    store = store_of(request)
    params = {k: v for k, v in request.query_params.items() if k not in ("limit", "offset")}
    try:
        q = parse_query(
            params,
            techniques=techniques_known(store),
            languages=languages_known(store, request.app.state.settings.languages),
        )
    except SearchError as exc:
        raise HTTPException(400, str(exc)) from None
    q.limit, q.offset = EXPORT_LIMIT, 0
    rows, _ = store.locked(lambda s: search_documents(s, q))
    counts = ("quotes", "sourcing", "techniques", "unverifiable", "entities")
    fields = ("id", "title", "outlet", "published", "language", "url")
    body = to_csv(
        [*fields, *counts],
        ([*(r.get(k) for k in fields), *(r["counts"].get(k, 0) for k in counts)] for r in rows),
    )
    return CSVResponse(body, headers=_attachment("presslens-documents.csv"))


@router.get(
    "/dashboard",
    response_model=DashboardStats,
    responses=BAD,
    summary="The dashboard's numbers over the documents a filter selects",
)
def dashboard(
    request: Request,
    outlet: Annotated[str | None, Query(max_length=200, description=TEXT_RULE)] = None,
    language: Annotated[str | None, Query(max_length=20)] = None,
    date_from: Annotated[str | None, Query(max_length=40, description="ISO date.")] = None,
    date_to: Annotated[str | None, Query(max_length=40, description="ISO date.")] = None,
) -> dict[str, Any]:
    store = store_of(request)
    try:
        q = dashboard_query(request, store)
    except SearchError as exc:
        raise HTTPException(400, str(exc)) from None
    stats = store.locked(lambda s: dashboard_stats(s, q))
    for row in stats["techniques"]:
        row["label"] = technique_name(row["technique"])
    return stats


def dashboard_query(request: Request, store: Any) -> Any:
    """The dashboard's filter, with the search's rules (SearchError for bad ones)."""
    unknown = sorted(set(request.query_params) - set(DASHBOARD_PARAMS))
    if unknown:
        raise SearchError(
            f"unknown parameter {unknown[0][:40]!r}; allowed: {', '.join(DASHBOARD_PARAMS)}"
        )
    return parse_query(
        request.query_params,
        techniques=(),
        languages=languages_known(store, request.app.state.settings.languages),
    )
