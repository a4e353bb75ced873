"""Rendering the web UI's pages: one Jinja2 environment, autoescaped and bidi-safe.

Every value a template prints goes through :func:`presslens.report.bidi.neutralise`
(the environment's ``finalize``), so a title or outlet holding U+202E cannot
reverse the text around it, and through autoescaping, so it cannot open a tag.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from presslens.api.security import UI_CSP
from presslens.report.bidi import neutralise

TITLES = {
    400: "Bad request",
    401: "Not authorised",
    403: "Refused",
    404: "Not found",
    405: "Method not allowed",
    409: "Conflict",
    413: "Too large",
    422: "Cannot read the input",
    429: "Too many analyses",
    500: "Server error",
    503: "Unavailable",
    504: "Too slow",
}


@lru_cache(maxsize=1)
def env() -> Environment:
    environment = Environment(
        loader=PackageLoader("presslens.api", "static"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        finalize=neutralise,
    )
    environment.filters["neutralise"] = neutralise
    return environment


def render(name: str, **context: Any) -> str:
    context.setdefault("doc_id", None)
    return env().get_template(f"page-{name}.html.j2").render(**context)


def page(
    name: str, status_code: int = 200, headers: dict[str, str] | None = None, **context: Any
) -> HTMLResponse:
    html = render(name, **context)
    return HTMLResponse(
        html,
        status_code=status_code,
        headers={**(headers or {}), "Content-Security-Policy": UI_CSP},
    )


def error_html(status: int, message: str) -> str:
    return render("error", title=TITLES.get(status, "Error"), status=status, message=message)


def error_page(status: int, message: str, headers: dict[str, str] | None = None) -> HTMLResponse:
    return page(
        "error",
        status,
        headers=headers,
        title=TITLES.get(status, "Error"),
        status=status,
        message=message,
    )
