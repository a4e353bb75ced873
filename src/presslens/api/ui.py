"""The web UI: server-rendered pages over the same store and analysis as the JSON API.

Pages are Jinja2 templates with autoescaping; the only scripts are the report's
and ``ui.js``, served from this origin, so the UI's CSP allows ``'self'`` only.
Templates live in ``static/`` beside the CSS/JS (that folder is the package data
the build ships); the static route serves only the CSS and JS files.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from importlib.resources import files
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool

from presslens.api.diffview import member_text, render_member
from presslens.api.models import BASES, TextInput, Upload, UrlInput
from presslens.api.routes import reprint_groups, run_analysis, summary_of
from presslens.api.security import UI_CSP, check_token
from presslens.corpora.unlp2025 import TECHNIQUES as UNLP_TECHNIQUES
from presslens.report import render_page
from presslens.report.palette import PTC_TECHNIQUES
from presslens.report.render import static_text
from presslens.report.view import headline_of

FILTER_TECHNIQUES = (*PTC_TECHNIQUES, *UNLP_TECHNIQUES, "manipulation")
"""The document filter offers both taxonomies: PTC (English) and UNLP-2025 (ru/uk)."""

router = APIRouter(include_in_schema=False)

CHARTS = (
    ("techniques-by-month", "Techniques over time, by outlet"),
    ("sourcing-by-outlet", "Sourcing profile by outlet"),
    ("top-speakers", "Top quoted speakers"),
)
_UI_STATIC = {"ui.css": "text/css", "ui.js": "text/javascript"}
_REPORT_STATIC = {"report.css": "text/css", "report.js": "text/javascript"}
PAGE_SIZE = 25
FORM_FIELDS = ("text", "url", "outlet", "published", "title")


@lru_cache(maxsize=1)
def _env() -> Environment:
    return Environment(
        loader=PackageLoader("presslens.api", "static"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
    )


def page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    context.setdefault("doc_id", None)
    html = _env().get_template(f"page-{name}.html.j2").render(**context)
    return HTMLResponse(html, status_code=status, headers={"Content-Security-Policy": UI_CSP})


def error_page(status: int, message: str) -> HTMLResponse:
    titles = {
        400: "Bad request",
        401: "Not authorised",
        404: "Not found",
        413: "Too large",
        422: "Cannot read the input",
        504: "Too slow",
    }
    return page("error", status, title=titles.get(status, "Error"), message=message)


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
    meta = {k: fields[k] for k in ("outlet", "published", "title")}
    given = [k for k in ("text", "url") if fields[k]] + (["file"] if data else [])
    if len(given) != 1:
        return again(400, "Give exactly one of text, URL or file.")
    body: TextInput | UrlInput | Upload
    if fields["text"]:
        body = TextInput(text=str(form.get("text")), **meta)
    elif fields["url"]:
        body = UrlInput(url=fields["url"], **meta)
    else:
        body = Upload(data=data, name=filename, **meta)
    try:
        analysis = await run_analysis(request, body)
    except HTTPException as exc:
        return again(exc.status_code, str(exc.detail))
    return RedirectResponse(f"/documents/{quote(str(analysis['id']), safe='')}", status_code=303)


def _query_date(value: str | None) -> str | None:
    if not value:
        return None
    return date.fromisoformat(value).isoformat()


@router.get("/documents", response_class=HTMLResponse)
def documents(request: Request) -> HTMLResponse:
    params = request.query_params
    q = {
        k: (params.get(k) or "").strip()[:200] or None
        for k in ("text", "outlet", "speaker", "technique", "basis", "date_from", "date_to")
    }
    try:
        offset = max(0, min(int(params.get("offset") or 0), 1_000_000))
        dates = {k: _query_date(q[k]) for k in ("date_from", "date_to")}
        if q["basis"] and q["basis"] not in BASES:
            raise ValueError(f"unknown basis {q['basis']!r}")
    except ValueError as exc:
        return page(
            "documents",
            400,
            title="Documents",
            q=q,
            items=[],
            total=0,
            offset=0,
            techniques=FILTER_TECHNIQUES,
            bases=BASES,
            error=str(exc),
            prev_href=None,
            next_href=None,
        )
    rows, total = request.app.state.store.call(
        "search",
        outlet=q["outlet"],
        speaker=q["speaker"],
        technique=q["technique"],
        basis=q["basis"],
        text=q["text"],
        limit=PAGE_SIZE,
        offset=offset,
        **dates,
    )
    items = [summary_of(r) for r in rows]
    keep = {k: v for k, v in q.items() if v}

    def href(at: int) -> str:
        return "/documents?" + urlencode({**keep, "offset": at})

    return page(
        "documents",
        title="Documents",
        q=q,
        items=items,
        total=int(total),
        offset=offset,
        techniques=FILTER_TECHNIQUES,
        bases=BASES,
        error=None,
        prev_href=href(max(0, offset - PAGE_SIZE)) if offset > 0 else None,
        next_href=href(offset + PAGE_SIZE) if offset + PAGE_SIZE < total else None,
    )


def _analysis_or_404(request: Request, doc_id: str) -> dict[str, Any] | None:
    if len(doc_id) > 128:
        return None
    return request.app.state.store.call("get_analysis", doc_id)


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(request: Request, doc_id: str) -> HTMLResponse:
    analysis = _analysis_or_404(request, doc_id)
    if analysis is None:
        return error_page(404, "No such document.")
    nav = Markup(_env().get_template("page-nav.html.j2").render(doc_id=quote(doc_id, safe="")))
    html = render_page(
        analysis,
        nav=nav,
        css_hrefs=("/static/report.css", "/static/ui.css"),
        js_href="/static/report.js",
    )
    return HTMLResponse(html, headers={"Content-Security-Policy": UI_CSP})


@router.get("/reprints/{doc_id}", response_class=HTMLResponse)
def reprints(request: Request, doc_id: str) -> HTMLResponse:
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
    _, total = request.app.state.store.call("search", limit=1, offset=0)
    charts, error = [], None
    for name, caption in CHARTS:
        try:
            rows = _chart_rows(request, name)
        except ImportError:
            rows, error = [], "Corpus reports are not installed (presslens.query)."
        columns = list(dict.fromkeys(k for r in rows[:200] for k in r))
        charts.append({"name": name, "caption": caption, "rows": rows, "columns": columns})
    return page("dashboard", title="Dashboard", charts=charts, total=int(total), error=error)


@router.get("/charts/{name}.png")
async def chart(request: Request, name: str) -> Response:
    if name not in dict(CHARTS):
        raise HTTPException(404, "no such chart")
    from presslens.query.charts import render_chart

    def draw() -> bytes:
        return render_chart(name, _chart_rows(request, name))

    png = await run_in_threadpool(draw)
    return Response(png, media_type="image/png", headers={"Cache-Control": "no-store"})
