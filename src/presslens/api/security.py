"""Security headers, the CSPs of each kind of page, and bearer-token auth.

Pages render hostile article text; escaping is the first defence and a strict
Content-Security-Policy the second: UI pages may load scripts and styles only
from this server, the report only its own inline blocks (by hash), JSON nothing.
No page may be framed (clickjacking).
"""

from __future__ import annotations

import hmac

from fastapi import HTTPException, Request

from presslens.api.limits import ASGIApp, Message, Receive, Scope, Send
from presslens.report import report_csp

JSON_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'"
UI_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


def standalone_report_csp() -> str:
    return report_csp(frame_ancestors=True)


_FIXED = [
    (b"x-content-type-options", b"nosniff"),
    # same-origin, not no-referrer: under no-referrer a browser sends "Origin: null" with
    # the UI's own form posts, and the CSRF check could not tell them from a sandboxed page.
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]


class SecurityHeadersMiddleware:
    """Adds the fixed headers to every response and a default CSP where a route set none."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [(k, v) for k, v in _FIXED if k not in present]
                if b"content-security-policy" not in present:
                    headers.append((b"content-security-policy", JSON_CSP.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def check_token(
    expected: str | None, authorization: str | None, form_token: str | None = None
) -> None:
    """Raise 401 unless auth is off or the request carries the token.

    The token comes as ``Authorization: Bearer ...`` (API) or a form field (web UI
    forms, which cannot set headers). Compared in constant time.
    """
    if not expected:
        return
    given = None
    if authorization and authorization[:7].lower() == "bearer ":
        given = authorization[7:].strip()
    elif form_token:
        given = form_token
    if given is None or not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(
            401,
            "a valid bearer token is required for this endpoint",
            headers={"WWW-Authenticate": 'Bearer realm="presslens"'},
        )


def require_write(request: Request) -> None:
    """FastAPI dependency for write endpoints."""
    check_token(request.app.state.settings.api_token, request.headers.get("authorization"))
