"""``/health``: whether the server answers and whether its store does.

It is a sync route (run in the thread pool) that takes the store's lock only for
one tiny query; analyses run in worker processes and never hold that lock while
they work, so ``/health`` answers while analyses run. When the store cannot be
opened or queried it answers 503, so a load balancer or a user sees the cause
instead of pages failing one by one.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.responses import JSONResponse

from presslens import __version__


def store_state(app: FastAPI) -> tuple[bool, str | None]:
    """``(reachable, why not)`` for the app's store."""
    try:
        app.state.store.call("has_document", "0" * 64)
    except Exception as exc:
        return False, f"{type(exc).__name__}: {exc}"[:300]
    return True, None


def health_response(app: FastAPI) -> JSONResponse:
    reachable, problem = store_state(app)
    body: dict[str, Any] = {
        "status": "ok" if reachable else "unavailable",
        "version": __version__,
        "store": reachable,
    }
    if problem:
        body["detail"] = problem
    pool = getattr(app.state, "pool", None)
    if pool is not None:
        body["analysis"] = pool.state()
    return JSONResponse(body, status_code=200 if reachable else 503)
