"""The web UI: server-rendered pages over the same store and analysis as the JSON API.

Pages are Jinja2 templates with autoescaping; the only scripts are the report's
and ``ui.js``, served from this origin, so the UI's CSP allows ``'self'`` only.
Templates live in ``static/`` beside the CSS/JS (that folder is the package data
the build ships); the static route serves only the CSS and JS files.
"""

from __future__ import annotations

from importlib.resources import files
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from presslens.api.diffview import member_text, render_member
from presslens.api.models import BASES, TextInput, Upload, UrlInput, iso_published
from presslens.api.pages import error_page, page, render
from presslens.api.routes import reprint_groups, run_analysis, summary_of
from presslens.api.search import (
    PARAMS,
    SearchError,
    languages_known,
    parse_query,
    resolve_id,
    techniques_known,
)
from presslens.api.security import UI_CSP, check_token
from presslens.report import render_page
from presslens.report.names import technique_name
from presslens.report.render import static_text
from presslens.report.view import headline_of
from presslens.store.document_search import FACETS, search_documents
from presslens.store.document_search import facets as facet_counts

router = APIRouter(include_in_schema=False)

CHARTS = (
    ("techniques-by-month", "Techniques over time, by outlet"),
    ("sourcing-by-outlet", "Sourcing profile by outlet"),
    ("top-speakers", "Top quoted speakers"),
)
_UI_STATIC = {
    "ui.css": "text/css",
    "ui.js": "text/javascript",
    "dashboard.js": "text/javascript",
    "chart.umd.min.js": "text/javascript",  # Chart.js 4.5.1 from npm (MIT, see the licence file)
    "chart.js-LICENSE.md": "text/plain",
}
DASHBOARD_FILTERS = ("outlet", "language", "date_from", "date_to")
_REPORT_STATIC = {"report.css": "text/css", "report.js": "text/javascript"}
PAGE_SIZE = 25
FORM_FIELDS = ("text", "url", "outlet", "published", "title")


@router.get("/static/{name}")
def static(name: str) -> Response:
    if name in _UI_STATIC:
        body = (files("presslens.api") / "static" / name).read_text(encoding="utf-8")
        return Response(body, media_type=_UI_STATIC[name])
    if name in _REPORT_STATIC:
        return Response(static_text(name), media_type=_REPORT_STATIC[name])
    raise HTTPException(404, "no such file")


@router.get("/", response_class=HTMLResponse)
def index(request: Request) -> HTMLResponse:
    return page(
        "index",
        title="Analyse",
        form=dict.fromkeys(FORM_FIELDS),
        error=None,
        token_required=bool(request.app.state.settings.api_token),
    )


def _field(form: Any, name: str) -> str | None:
    value = form.get(name)
    return value.strip() or None if isinstance(value, str) else None


@router.post("/analyze")
async def analyze_form(request: Request) -> Response:
    """Analyse what the form gives (exactly one of text, URL, file) and show its report."""
    settings = request.app.state.settings
    async with request.form(max_files=1, max_fields=20) as form:
        fields = {k: _field(form, k) for k in FORM_FIELDS}
        upload = form.get("file")
        data = await upload.read() if upload is not None and not isinstance(upload, str) else b""
        filename = (getattr(upload, "filename", None) or "upload")[:200]

    def again(status: int, message: str) -> HTMLResponse:
        return page(
            "index",
            status,
            title="Analyse",
            form=fields,
            error=message,
            token_required=bool(settings.api_token),
        )

    try:
        check_token(settings.api_token, request.headers.get("authorization"), _field(form, "token"))
    except HTTPException as exc:
        return again(exc.status_code, str(exc.detail))
    given = [k for k in ("text", "url") if fields[k]] + (["file"] if data else [])
    if len(given) != 1:
        return again(400, "Give exactly one of text, URL or file.")
    try:
        meta = {
            "outlet": fields["outlet"],
            "published": iso_published(fields["published"]),
            "title": fields["title"],
        }
        body: TextInput | UrlInput | Upload
        if fields["text"]:
            body = TextInput(text=pasted_text(str(form.get("text"))), **meta)
        elif fields["url"]:
            body = UrlInput(url=fields["url"], **meta)
        else:
            body = Upload(data=data, name=filename, **meta)
    except (ValueError, ValidationError) as exc:
        return again(422, _first_error(exc))
    try:
        analysis = await run_analysis(request, body)
    except HTTPException as exc:
        return again(exc.status_code, str(exc.detail))
    return RedirectResponse(f"/documents/{quote(str(analysis['id']), safe='')}", status_code=303)


def pasted_text(text: str) -> str:
    """Text from the form's text box with LF line ends.

    Browsers submit a textarea's lines joined by CRLF whatever the user pasted,
    so a pasted file would otherwise get another id (and other offsets) than the
    same file uploaded. Pasted text is normalised to LF; uploaded files and the
    JSON API's ``text`` stay verbatim.

    >>> pasted_text("a\\r\\nb\\rc\\n")
    'a\\nb\\nc\\n'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _first_error(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        return str(first.get("msg", exc)).removeprefix("Value error, ")
    return str(exc)


SORT_LABELS = {
    "newest": "newest first",
    "oldest": "oldest first",
    "techniques": "most techniques",
    "quotes": "most quotes",
    "unverifiable": "most unverifiable claims",
    "title": "title",
}


@router.get("/documents", response_class=HTMLResponse)
def documents(request: Request) -> HTMLResponse:
    """The document list: the API's search rules, with snippets, counts, sorting and facets."""
    store = request.app.state.store
    params = request.query_params
    techniques = techniques_known(store)
    shown = {k: (params.get(k) or "").strip()[:200] for k in PARAMS}
    context: dict[str, Any] = {
        "title": "Documents",
        "q": shown,
        "items": [],
        "total": 0,
        "offset": 0,
        "techniques": [(t, technique_name(t)) for t in techniques],
        "bases": BASES,
        "sorts": SORT_LABELS,
        "facets": {},
        "facet_links": {},
        "prev_href": None,
        "next_href": None,
        "error": None,
        "names": {t: technique_name(t) for t in techniques},
    }
    try:
        q = parse_query(
            params,
            techniques=techniques,
            languages=languages_known(store, request.app.state.settings.languages),
            limit=PAGE_SIZE,
            max_limit=PAGE_SIZE,
        )
    except SearchError as exc:
        return page("documents", 400, **{**context, "error": str(exc)})
    rows, total = store.locked(lambda s: search_documents(s, q))
    found = store.locked(lambda s: facet_counts(s, q))
    keep = {k: v for k, v in shown.items() if v and k not in ("offset", "limit")}

    def href(**change: Any) -> str:
        merged = {k: v for k, v in {**keep, **change}.items() if v not in (None, "")}
        return "/documents?" + urlencode(merged)

    facet_links = {
        name: [
            {
                "value": f["value"],
                "label": technique_name(f["value"]) if name == "technique" else f["value"],
                "documents": f["documents"],
                "href": href(**{name: f["value"]}),
                "active": (shown.get(name) or "").lower() == f["value"].lower(),
            }
            for f in values
        ]
        for name, values in found.items()
    }
    return page(
        "documents",
        **{
            **context,
            "q": {**shown, "sort": q.sort},
            "items": [summary_of(r) for r in rows],
            "total": int(total),
            "offset": q.offset,
            "facet_links": facet_links,
            "clear_links": {k: href(**{k: None}) for k in FACETS if shown.get(k)},
            "prev_href": href(offset=max(0, q.offset - PAGE_SIZE)) if q.offset > 0 else None,
            "next_href": href(offset=q.offset + PAGE_SIZE)
            if q.offset + PAGE_SIZE < total
            else None,
            "csv_href": "/v1/export/documents.csv?"
            + urlencode({k: v for k, v in keep.items() if k != "sort"}),
        },
    )


def _resolved(request: Request, doc_id: str) -> str | list[str] | None:
    if len(doc_id) > 64 or not all(c in "0123456789abcdef" for c in doc_id):
        return None
    return resolve_id(request.app.state.store, doc_id)


def _analysis_or_404(request: Request, doc_id: str) -> dict[str, Any] | None:
    if len(doc_id) != 64:
        return None
    return request.app.state.store.call("get_analysis", doc_id)


def _by_prefix(request: Request, doc_id: str, route: str) -> Response | None:
    """A redirect to the full id for a unique prefix, an error page otherwise; None for full ids."""
    if len(doc_id) == 64:
        return None
    found = _resolved(request, doc_id)
    if isinstance(found, str):
        return RedirectResponse(f"/{route}/{found}", status_code=307)
    if isinstance(found, list):
        return error_page(400, f"The id prefix {doc_id} is ambiguous: give more of it.")
    return error_page(404, "No such document.")


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(request: Request, doc_id: str) -> Response:
    moved = _by_prefix(request, doc_id, "documents")
    if moved is not None:
        return moved
    analysis = _analysis_or_404(request, doc_id)
    if analysis is None:
        return error_page(404, "No such document.")
    nav = Markup(render("nav", doc_id=quote(doc_id, safe="")))
    html = render_page(
        analysis,
        nav=nav,
        css_hrefs=("/static/report.css", "/static/ui.css"),
        js_href="/static/report.js",
    )
    return HTMLResponse(html, headers={"Content-Security-Policy": UI_CSP})


@router.get("/reprints/{doc_id}", response_class=HTMLResponse)
def reprints(request: Request, doc_id: str) -> Response:
    moved = _by_prefix(request, doc_id, "reprints")
    if moved is not None:
        return moved
    analysis = _analysis_or_404(request, doc_id)
    if analysis is None:
        return error_page(404, "No such document.")
    try:
        found = reprint_groups(request.app.state.store, doc_id)
    except HTTPException as exc:
        return error_page(exc.status_code, str(exc.detail))
    groups = []
    for group in found:
        members = [m for m in (group.get("members") or []) if isinstance(m, dict)]
        first = next(
            (m for m in members if m.get("first_publisher")), members[0] if members else {}
        )
        base = member_text(first)
        shown = []
        for m in members:
            other = str(m.get("doc_id") or m.get("id") or "")
            shown.append(
                {
                    "outlet": m.get("outlet"),
                    "published": m.get("published"),
                    "first": bool(m.get("first_publisher")),
                    "similarity": m.get("similarity"),
                    "href": f"/documents/{quote(other, safe='')}" if other else None,
                    "html": render_member(m, base),
                }
            )
        groups.append({"members": shown})
    title = headline_of(analysis) or doc_id[:12]
    return page("reprints", title=str(title)[:300], doc_id=quote(doc_id, safe=""), groups=groups)


def _chart_rows(request: Request, name: str) -> list[dict[str, Any]]:
    from presslens.query.reports import run_report

    return request.app.state.store.locked(lambda store: run_report(store, name))


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard(request: Request) -> HTMLResponse:
    """Filters, charts drawn in the browser from ``/v1/dashboard``, the numbers as tables."""
    from presslens.api.exports import dashboard_query
    from presslens.store.dashboard_stats import dashboard_stats
    from presslens.store.document_search import distinct_values

    store = request.app.state.store
    shown = {k: (request.query_params.get(k) or "").strip()[:200] for k in DASHBOARD_FILTERS}
    context: dict[str, Any] = {
        "title": "Dashboard",
        "q": shown,
        "outlets": store.locked(lambda s: distinct_values(s, "outlet")),
        "languages": store.locked(lambda s: distinct_values(s, "language")),
        "stats": None,
        "error": None,
        "names": {},
        "pngs": CHARTS,
    }
    try:
        q = dashboard_query(request, store)
    except SearchError as exc:
        return page("dashboard", 400, **{**context, "error": str(exc)})
    stats = store.locked(lambda s: dashboard_stats(s, q))
    names = {row["technique"]: technique_name(row["technique"]) for row in stats["techniques"]}
    return page("dashboard", **{**context, "stats": stats, "names": names})


@router.get("/charts/{name}.png")
async def chart(request: Request, name: str) -> Response:
    if name not in dict(CHARTS):
        raise HTTPException(404, "no such chart")
    from presslens.query.charts import render_chart

    def draw() -> bytes:
        return render_chart(name, _chart_rows(request, name))

    png = await run_in_threadpool(draw)
    return Response(png, media_type="image/png", headers={"Cache-Control": "no-store"})
