"""The HTTP API and web UI (``presslens serve``): a thin layer over analysis and the store.

>>> from presslens.api import create_app  # doctest: +SKIP

``create_app`` is imported on first use: an analysis worker process imports
``presslens.api.service`` and must not pay for FastAPI and every route.
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from presslens.api.app import create_app

        return create_app
    raise AttributeError(f"module 'presslens.api' has no attribute {name!r}")
