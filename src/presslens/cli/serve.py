"""``presslens serve``: the HTTP API and web UI with uvicorn."""

from __future__ import annotations

from typing import Any

import typer

from presslens.cli.common import DebugOption, guarded


def serve(
    host: str = typer.Option(
        "127.0.0.1",
        "--host",
        help="Address to bind (keep it local unless a reverse proxy with TLS is in front).",
    ),
    port: int = typer.Option(8000, "--port", min=0, max=65535),
    db: str | None = typer.Option(None, "--db", help="DuckDB path or postgresql:// URL."),
    token: str | None = typer.Option(
        None,
        "--token",
        envvar="PRESSLENS_API_TOKEN",
        help="Bearer token the write endpoints require.",
    ),
    debug: bool = DebugOption,
) -> None:
    """Serve the JSON API (/v1, spec at /openapi.json) and the web UI (/)."""
    from presslens.settings import get_settings

    # The analysis workers start first and load their models (service.warm) while
    # this process imports the web stack: a first request does not wait for both.
    settings = guarded(lambda: get_settings(db=db, api_token=token), debug=debug)
    pool = guarded(lambda: _started_pool(settings), debug=debug)

    import uvicorn

    from presslens.api.app import create_app

    def build() -> Any:
        return create_app(settings, pool=pool)

    app = guarded(build, debug=debug)
    uvicorn.run(
        app, host=host, port=port, log_level="info", proxy_headers=False, server_header=False
    )


def _started_pool(settings: Any) -> Any:
    from presslens.api.pool import pool_for

    pool = pool_for(settings)
    pool.start(preload=("presslens.api.service", "presslens.api.service:warm"))
    return pool


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
