"""Errors as the client wants them: an HTML page for a browser, JSON for an API client.

The choice follows the ``Accept`` header: a client that lists ``text/html`` at
least as high as ``application/json`` (every browser navigating) gets the UI's
error page; anything else (``*/*``, ``application/json``, no header) gets the
``Problem`` JSON the OpenAPI spec documents. Used by the exception handlers and
by the middlewares that answer before any route (body limit, CSRF).
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from presslens.api.limits import Scope, Send
from presslens.api.service import StoreUnavailable


def _quality(accept: str, wanted: tuple[str, ...]) -> float:
    best = 0.0
    for part in accept.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        if media.lower() not in wanted:
            continue
        q = 1.0
        for p in params:
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        best = max(best, q)
    return best


def wants_html(accept: str | None) -> bool:
    """Whether the client asks for HTML at least as much as for JSON.

    >>> wants_html("text/html,application/xhtml+xml,*/*;q=0.8")
    True
    >>> wants_html("*/*"), wants_html("application/json"), wants_html(None)
    (False, False, False)
    """
    if not accept:
        return False
    html = _quality(accept, ("text/html", "application/xhtml+xml"))
    return html > 0 and html >= _quality(accept, ("application/json",))


def problem(
    accept: str | None, status: int, detail: Any, headers: dict[str, str] | None = None
) -> Response:
    """The error response for a client with this ``Accept`` header."""
    if wants_html(accept):
        from presslens.api.pages import error_page

        message = detail if isinstance(detail, str) else _validation_text(detail)
        return error_page(status, message, headers=headers)
    return JSONResponse({"detail": detail}, status_code=status, headers=headers)


def _validation_text(errors: Any) -> str:
    if not isinstance(errors, list):
        return str(errors)
    lines = []
    for err in errors[:5]:
        if isinstance(err, dict):
            where = ".".join(str(x) for x in err.get("loc", ()) if x != "body")
            lines.append(f"{where}: {err.get('msg', '')}" if where else str(err.get("msg", "")))
    return "; ".join(lines) or "invalid request"


async def asgi_problem(scope: Scope, send: Send, status: int, detail: str) -> None:
    """Send an error response from an ASGI middleware (before any route ran)."""
    accept = None
    for name, value in scope.get("headers", ()):
        if name == b"accept":
            accept = value.decode("latin-1")
    response = problem(accept, status, detail, headers={"Connection": "close"})

    async def no_body() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    await response(scope, no_body, send)


def install(app: FastAPI) -> None:
    """Route every HTTP and validation error through :func:`problem`."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return problem(request.headers.get("accept"), exc.status_code, exc.detail, exc.headers)

    @app.exception_handler(StoreUnavailable)
    async def no_store(request: Request, exc: StoreUnavailable) -> Response:
        return problem(request.headers.get("accept"), 503, str(exc), {"Retry-After": "30"})

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        detail = json.loads(json.dumps(exc.errors(), default=str))
        return problem(request.headers.get("accept"), 422, detail)
