"""Render a contract dict as HTML: standalone (inline assets) or as a page of the web UI.

The standalone report must open from a file with no network, so its CSS and JS
are inlined and a Content-Security-Policy meta tag allows exactly those two
blocks (by hash) and nothing else: even a markup injection that slipped past
escaping could run no script and load nothing.
"""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from importlib.resources import files
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from presslens.report.bidi import neutralise
from presslens.report.view import build_view

STATIC_FILES = ("report.css", "report.js")


@lru_cache(maxsize=1)
def _env() -> Environment:
    return Environment(
        loader=PackageLoader("presslens.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        finalize=neutralise,  # no printed field can reorder the text around it
    )


@lru_cache(maxsize=4)
def static_text(name: str) -> str:
    """A report asset (``report.css``/``report.js``); never contains ``</``."""
    if name not in STATIC_FILES:
        raise KeyError(name)
    text = (files("presslens.report") / "static" / name).read_text(encoding="utf-8")
    if "</" in text:  # would end the inline <style>/<script> block early
        raise ValueError(f"{name} must not contain '</'")
    return text


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def report_csp(*, frame_ancestors: bool = False) -> str:
    """The CSP of the standalone report: only its own inline style and script run."""
    policy = (
        "default-src 'none'; "
        f"style-src {_sha256(static_text('report.css'))}; "
        f"script-src {_sha256(static_text('report.js'))}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    return policy + ("; frame-ancestors 'none'" if frame_ancestors else "")


def _version() -> str:
    from presslens import __version__

    return __version__


def render_report(analysis: dict[str, Any], *, title: str | None = None) -> str:
    """One self-contained HTML file for ``analysis`` (a ``presslens.analysis/1`` dict).

    >>> html = render_report({"text": "<b>hi</b>", "techniques": []})
    >>> "&lt;b&gt;hi&lt;/b&gt;" in html and "<b>hi" not in html
    True
    """
    return (
        _env()
        .get_template("report.html.j2")
        .render(
            v=build_view(analysis, title),
            inline=True,
            csp=report_csp(),
            css=Markup(static_text("report.css")),
            js=Markup(static_text("report.js")),
            nav=None,
            version=_version(),
        )
    )


def render_page(
    analysis: dict[str, Any],
    *,
    title: str | None = None,
    nav: Markup | None = None,
    css_hrefs: tuple[str, ...] = (),
    js_href: str,
) -> str:
    """The report as a web-UI page: assets linked (served same-origin), a navigation bar."""
    return (
        _env()
        .get_template("report.html.j2")
        .render(
            v=build_view(analysis, title),
            inline=False,
            csp=None,
            css_hrefs=css_hrefs,
            js_href=js_href,
            nav=nav,
            version=_version(),
        )
    )
