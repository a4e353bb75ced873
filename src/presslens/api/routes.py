"""The JSON API under ``/v1``: analyse, search, fetch documents, reports and reprints."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from presslens.api.models import (
    BASES,
    AnalysisModel,
    AnalyzeRequest,
    DocumentPage,
    DocumentSummary,
    Problem,
    ReprintGroup,
    Upload,
)
from presslens.api.pool import PoolFull, WorkerLost
from presslens.api.search import (
    SearchError,
    languages_known,
    parse_query,
    resolve_id,
    techniques_known,
)
from presslens.api.security import require_write, standalone_report_csp
from presslens.api.service import AnalysisTimeout, LockedStore
from presslens.errors import FetchError, InputError, StoreRefused
from presslens.report import render_report
from presslens.store.document_search import SORTS, search_documents
from presslens.store.document_search import facets as facet_counts

router = APIRouter(prefix="/v1", tags=["v1"])

DocId = Annotated[
    str,
    Path(
        pattern=r"^[0-9a-f]{6,64}$",
        description="sha256 of the text, or a unique prefix of it (6 or more hex digits)",
    ),
]
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": Problem, "description": "Bad input or a refused URL"},
    401: {"model": Problem, "description": "Token missing or wrong"},
    413: {"model": Problem, "description": "Body over max_request_bytes"},
    422: {"model": Problem, "description": "Invalid request, unreadable or unstorable input"},
    500: {"model": Problem, "description": "The store refused the analysis"},
    503: {
        "model": Problem,
        "description": "The store is locked by another process, or every analysis worker is "
        "busy and the queue full",
    },
    504: {"model": Problem, "description": "Analysis over analysis_timeout_s (it is stopped)"},
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    400: {"model": Problem, "description": "An ambiguous id prefix"},
    404: {"model": Problem, "description": "No such document"},
}


def store_of(request: Request) -> LockedStore:
    return request.app.state.store


async def run_analysis(request: Request, body: AnalyzeRequest | Upload) -> dict[str, Any]:
    """Analyse and store one input; map presslens errors to HTTP statuses."""
    app = request.app
    settings = app.state.settings
    # a locked store is a 503 before the analysis, not a 500 after it
    await run_in_threadpool(store_of(request).call, "has_document", "0" * 64)
    client = request.client.host if request.client else "unknown"
    try:
        analysis = await app.state.pool.run(
            app.state.analyzer, (body, settings), settings.analysis_timeout_s, client
        )
    except AnalysisTimeout as exc:
        raise HTTPException(504, str(exc)) from None
    except PoolFull as exc:
        raise HTTPException(503, str(exc), headers={"Retry-After": str(exc.retry_after)}) from None
    except WorkerLost as exc:
        raise HTTPException(500, str(exc)) from None
    except FetchError as exc:
        raise HTTPException(400, f"cannot fetch the URL: {exc.message}") from None
    except InputError as exc:
        status = 413 if exc.kind == "too-large" else 422
        raise HTTPException(status, f"{exc.kind}: {exc.message}") from None
    given = {"outlet": body.outlet, "published": body.published, "title": body.title}
    try:
        return await run_in_threadpool(store_of(request).locked, lambda s: keep(s, analysis, given))
    except StoreRefused as exc:  # never a 200 for what was not kept
        raise HTTPException(422 if exc.unstorable else 500, f"store: {exc.message}") from None


def keep(store: Any, analysis: dict[str, Any], given: dict[str, str | None]) -> dict[str, Any]:
    """Store ``analysis`` and group its passages with the stored reprints; metadata
    given with a text already stored corrects the stored one.

    The answer is the analysis as stored, so the response, the list and the report agree.
    """
    from presslens.store.corrections import update_metadata

    doc_id = store.put_analysis(analysis) or analysis.get("id")
    group = getattr(store, "group_reprints", None)
    if group is not None:
        group()  # its reprint groups at once, from the store's index (no ingest run)
    try:
        return update_metadata(store, str(doc_id), given)
    except (KeyError, AttributeError):  # a store without the tables: answer what was analysed
        analysis["id"] = doc_id
        return analysis


@router.post(
    "/analyze",
    response_model=AnalysisModel,
    responses=ERRORS,
    dependencies=[Depends(require_write)],
    summary="Analyse text, an HTML page or a URL; store it; return the contract",
)
async def analyze(request: Request, body: Annotated[AnalyzeRequest, Body()]) -> dict[str, Any]:
    return await run_analysis(request, body)


def summary_of(row: dict[str, Any]) -> dict[str, Any]:
    """A search row as a DocumentSummary (the store may name the id ``doc_id``)."""
    out = dict(row)
    out["id"] = str(row.get("id") or row.get("doc_id") or "")
    for key in ("published", "date_published"):
        if row.get(key) is not None and not isinstance(row[key], str):
            out[key] = str(row[key])
    return out


TEXT_RULE = "Case-insensitive; matches anywhere in the value."


@router.get(
    "/documents",
    response_model=DocumentPage,
    responses={400: {"model": Problem, "description": "Unknown parameter or value"}},
    summary="Search stored documents",
)
def documents(
    request: Request,
    outlet: Annotated[str | None, Query(max_length=200, description=TEXT_RULE)] = None,
    speaker: Annotated[str | None, Query(max_length=200, description=TEXT_RULE)] = None,
    text: Annotated[str | None, Query(max_length=200, description=TEXT_RULE)] = None,
    technique: Annotated[
        str | None, Query(max_length=100, description="A technique label (any case).")
    ] = None,
    basis: Annotated[
        str | None, Query(max_length=40, description=f"One of: {', '.join(BASES)}.")
    ] = None,
    language: Annotated[str | None, Query(max_length=20, description="A language code.")] = None,
    date_from: Annotated[str | None, Query(max_length=40, description="ISO date.")] = None,
    date_to: Annotated[str | None, Query(max_length=40, description="ISO date.")] = None,
    sort: Annotated[
        str | None, Query(max_length=20, description=f"One of: {', '.join(SORTS)}.")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    facets: Annotated[bool, Query(description="Add value counts per facet.")] = False,
) -> dict[str, Any]:
    """Unknown parameters and unknown label values are refused with 400 and the allowed ones."""
    store = store_of(request)
    try:
        q = parse_query(
            request.query_params,
            techniques=techniques_known(store),
            languages=languages_known(store, request.app.state.settings.languages),
        )
    except SearchError as exc:
        raise HTTPException(400, str(exc)) from None
    q.limit, q.offset = limit, offset
    rows, total = store.locked(lambda s: search_documents(s, q))
    items = [DocumentSummary.model_validate(summary_of(r)) for r in rows]
    found = store.locked(lambda s: facet_counts(s, q)) if facets else None
    return {
        "total": int(total),
        "limit": limit,
        "offset": offset,
        "sort": q.sort,
        "items": items,
        "facets": found,
    }


def full_id(request: Request, doc_id: str) -> str:
    """The document's full id for a full id or a unique prefix; 404 or 400 otherwise."""
    found = resolve_id(store_of(request), doc_id)
    if found is None:
        raise HTTPException(404, f"no document {doc_id}")
    if isinstance(found, list):
        raise HTTPException(
            400, f"the id prefix {doc_id} is ambiguous ({', '.join(found)}...); give more of it"
        )
    return found


def get_or_404(request: Request, doc_id: str) -> dict[str, Any]:
    doc_id = full_id(request, doc_id)
    analysis = store_of(request).call("get_analysis", doc_id)
    if analysis is None:
        raise HTTPException(404, f"no document {doc_id}")
    return analysis


@router.get(
    "/documents/{doc_id}",
    response_model=AnalysisModel,
    responses=NOT_FOUND,
    summary="One stored analysis (the contract)",
)
def document(request: Request, doc_id: DocId) -> dict[str, Any]:
    return get_or_404(request, doc_id)


JSON_NOT_FOUND: dict[int | str, dict[str, Any]] = {
    400: {
        "description": "An ambiguous id prefix",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Problem"}}},
    },
    404: {
        "description": "No such document",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Problem"}}},
    },
}


@router.get(
    "/documents/{doc_id}/report",
    response_class=HTMLResponse,
    responses=JSON_NOT_FOUND,
    summary="The standalone HTML report of a stored analysis",
)
def report(request: Request, doc_id: DocId) -> HTMLResponse:
    html = render_report(get_or_404(request, doc_id))
    return HTMLResponse(html, headers={"Content-Security-Policy": standalone_report_csp()})


def reprint_groups(store: LockedStore, doc_id: str) -> list[dict[str, Any]]:
    """The store's reprint groups; 503 where reprint detection is not installed."""
    try:
        return list(store.call("reprints_of", doc_id))
    except ImportError:
        raise HTTPException(503, "reprint detection is not installed") from None


@router.get(
    "/reprints/{doc_id}",
    response_model=list[ReprintGroup],
    responses={**NOT_FOUND, 503: {"model": Problem, "description": "Not installed"}},
    summary="Groups of passages this document shares with others",
)
def reprints(request: Request, doc_id: DocId) -> list[dict[str, Any]]:
    store = store_of(request)
    doc_id = full_id(request, doc_id)
    if not store.call("has_document", doc_id):
        raise HTTPException(404, f"no document {doc_id}")
    return reprint_groups(store, doc_id)
