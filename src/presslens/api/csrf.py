"""Refuse cross-site writes (CSRF): state-changing requests must come from this origin.

Any web page a user visits can make the browser post a form to a presslens on
``127.0.0.1``; the browser then says where the request comes from. A request that
changes state (POST, PUT, PATCH, DELETE) is refused with 403 when

- ``Sec-Fetch-Site`` is ``cross-site`` or ``same-site`` (current browsers send
  it; ``same-origin`` and ``none``, a user's own navigation, pass), or, from a
  browser that does not send it,
- ``Origin`` names another origin than the request's ``Host`` (a ``null`` origin,
  from sandboxed frames and ``data:`` pages, included).

The UI's pages use ``Referrer-Policy: same-origin``: under ``no-referrer`` a
browser sends ``Origin: null`` even for the UI's own forms.

unless that origin is one of ``cors_origins`` (an operator opened the API to it).
Clients that are not browsers (curl, scripts) send neither header and pass: they
cannot be made to act on a user's behalf, and the bearer token guards them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from presslens.api.limits import ASGIApp, Receive, Scope, Send

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
Refusal = Callable[[Scope, Send, int, str], object]


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return value.decode("latin-1").strip()
    return None


def _netloc(origin: str) -> str | None:
    parts = urlsplit(origin)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    default = {"http": 80, "https": 443}[parts.scheme]
    port = parts.port or default
    return f"{parts.hostname.lower()}:{port}"


def _host_netloc(host: str | None, scheme: str) -> str | None:
    if not host:
        return None
    return _netloc(f"{scheme}://{host}")


def cross_site_reason(
    method: str,
    headers: dict[str, str | None],
    scheme: str,
    allowed_origins: Iterable[str] = (),
) -> str | None:
    """Why a request must be refused as cross-site, or ``None`` when it may pass.

    >>> host = {"host": "127.0.0.1:8000"}
    >>> cross_site_reason("POST", {**host, "origin": "http://evil.example"}, "http")
    'a cross-site request (Origin: http://evil.example) may not change anything here'
    >>> cross_site_reason("POST", {**host, "origin": "http://127.0.0.1:8000"}, "http")
    >>> cross_site_reason("GET", {"sec-fetch-site": "cross-site"}, "http")
    """
    if method.upper() in SAFE_METHODS:
        return None
    origin = headers.get("origin")
    allowed = {o.rstrip("/").lower() for o in allowed_origins}
    if origin and origin.rstrip("/").lower() in allowed:
        return None
    site = (headers.get("sec-fetch-site") or "").lower()
    if site in ("cross-site", "same-site"):
        return f"a {site} request may not change anything here"
    if site in ("same-origin", "none"):  # the browser's own word, where it gives one
        return None
    if origin:
        own = _host_netloc(headers.get("host"), scheme)
        if origin == "null" or own is None or _netloc(origin) != own:
            return f"a cross-site request (Origin: {origin[:100]}) may not change anything here"
    return None


class SameOriginMiddleware:
    """ASGI middleware: 403 for state-changing requests a browser sent from another site."""

    def __init__(self, app: ASGIApp, refuse: Refusal, allowed_origins: Iterable[str] = ()):
        self.app = app
        self.refuse = refuse
        self.allowed = tuple(allowed_origins)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            names = (b"origin", b"sec-fetch-site", b"host")
            headers = {n.decode(): _header(scope, n) for n in names}
            reason = cross_site_reason(
                scope.get("method", "GET"), headers, scope.get("scheme", "http"), self.allowed
            )
            if reason is not None:
                await self.refuse(scope, send, 403, reason)  # type: ignore[misc]
                return
        await self.app(scope, receive, send)
