"""The FastAPI application: JSON API under ``/v1``, the web UI at ``/``.

``create_app`` wires settings, the store, the analysis worker and the security
layers (body limit, CORS closed unless configured, security headers). It takes
the store as an argument so tests and embedders can pass their own; by default
it opens ``settings.db``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

from presslens import __version__
from presslens.api import docs, exports, problems, routes, ui
from presslens.api.csrf import SameOriginMiddleware
from presslens.api.health import health_response
from presslens.api.limits import BodyLimitMiddleware
from presslens.api.models import Health
from presslens.api.pool import AnalysisPool, pool_for
from presslens.api.security import SecurityHeadersMiddleware
from presslens.api.service import LockedStore, analyze_request, register_lock_handler
from presslens.settings import Settings, get_settings


def _open_store(settings: Settings) -> Any:
    from presslens.store import open_store

    return open_store(settings.db)


def create_app(
    settings: Settings | None = None, store: Any = None, pool: AnalysisPool | None = None
) -> FastAPI:
    """The presslens web application (``pool``: analysis workers started by the caller).

    >>> app = create_app(store=object())
    >>> sorted(p for p in app.openapi()["paths"] if p.startswith("/v1/documents"))[:2]
    ['/v1/documents', '/v1/documents/{doc_id}']
    """
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        analyzer_module = getattr(app.state.analyzer, "__module__", None)
        app.state.pool.start(preload=(analyzer_module,) if analyzer_module else ())
        yield
        app.state.pool.close()
        app.state.store.close()  # only a store the app opened itself

    app = FastAPI(
        title="presslens",
        version=__version__,
        description="Take news dispatches apart: anatomy, quotes and speakers, sourcing, "
        "persuasion techniques, reprints. Write endpoints need a bearer token when the "
        "server was started with one.",
        docs_url=None,  # Swagger UI and ReDoc load from a CDN: /docs is rendered here (docs.py)
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.store = (
        LockedStore(
            opener=lambda: _open_store(settings),
            # a DuckDB file is opened per call: an idle server must not hold its lock
            transient=not settings.db.startswith("postgres") and settings.db != ":memory:",
        )
        if store is None
        else LockedStore(store)
    )
    register_lock_handler(app)
    app.state.pool = pool if pool is not None else pool_for(settings)
    app.state.analyzer = analyze_request

    @app.get(
        "/health",
        response_model=Health,
        tags=["meta"],
        responses={503: {"model": Health, "description": "The store cannot be reached"}},
    )
    def health() -> JSONResponse:
        """Whether the server and its store answer (503 when the store does not)."""
        return health_response(app)

    app.include_router(routes.router)
    app.include_router(exports.router)
    app.include_router(docs.router)
    app.include_router(ui.router)

    # Added innermost first: the body limit sees the request before any route,
    # and security headers are added to every response, 413s included.
    problems.install(app)
    app.add_middleware(BodyLimitMiddleware, limit=settings.max_request_bytes)
    app.add_middleware(  # outside the body limit: a cross-site post is refused unread
        SameOriginMiddleware, refuse=problems.asgi_problem, allowed_origins=settings.cors_origins
    )
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    app.add_middleware(SecurityHeadersMiddleware)
    return app
