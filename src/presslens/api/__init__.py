"""The HTTP API and web UI (``presslens serve``): a thin layer over analysis and the store.

>>> from presslens.api import create_app  # doctest: +SKIP
"""

from __future__ import annotations

from presslens.api.app import create_app

__all__ = ["create_app"]
