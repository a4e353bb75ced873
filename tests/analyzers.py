"""Analyzers for the API tests, at module level so the worker processes can unpickle them.

The API runs its analyzer in spawned processes (``presslens.api.pool``), which
import the analyzer's module by name: so this module must be cheap to import
and have no side effects.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from presslens.analysis import Analysis
from presslens.api.models import UrlInput
from presslens.api.service import document_for
from presslens.settings import Settings


def light_analyzer(req: Any, settings: Settings) -> dict[str, Any]:
    """The real ingest path and the real contract, without running the stages."""
    return Analysis(document_for(req, settings), ()).to_dict()


def offline_analyzer(req: Any, settings: Settings) -> dict[str, Any]:
    """As light_analyzer, with URLs resolved by a fake DNS that answers a loopback address."""
    from presslens.ingest.url import read_url

    if isinstance(req, UrlInput):
        doc = read_url(req.url, settings, resolver=lambda host, port: ["127.0.0.1"])
    else:
        doc = document_for(req, settings)
    return Analysis(doc, ()).to_dict()


def sleepy_analyzer(req: Any, settings: Settings) -> dict[str, Any]:
    """A text ``sleep <seconds> <folder>`` sleeps that long first, leaving its pid in ``folder``.

    Other texts are analysed at once (light_analyzer). The pid file lets a test
    check that a stopped analysis is really gone.
    """
    words = str(getattr(req, "text", "")).split()
    if len(words) >= 3 and words[0] == "sleep":
        Path(words[2], str(os.getpid())).write_text("started", encoding="utf-8")
        time.sleep(float(words[1]))
    return light_analyzer(req, settings)
