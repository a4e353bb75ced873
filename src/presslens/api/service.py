"""Between HTTP and presslens: documents from requests, the analyzer, a locked store.

The analyzer runs in a worker process of :mod:`presslens.api.pool` (stopped at
its deadline); the store is reached through a lock because a DuckDB connection
must not be used by two threads at once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from presslens.api.models import AnalyzeRequest, HtmlInput, TextInput, Upload
from presslens.document import Document
from presslens.settings import Settings

T = TypeVar("T")
Analyzer = Callable[[AnalyzeRequest | Upload, Settings], dict[str, Any]]


class AnalysisTimeout(Exception):
    """The analysis ran past ``analysis_timeout_s``."""


def _with_metadata(doc: Document, req: AnalyzeRequest | Upload) -> Document:
    if req.outlet:
        doc.metadata.outlet = req.outlet
    if req.published:
        doc.metadata.published = req.published
    if req.title:
        doc.metadata.title = req.title
    return doc


def document_for(req: AnalyzeRequest | Upload, settings: Settings) -> Document:
    """The Document a request describes; URLs go through the guarded fetcher."""
    from presslens.ingest.reader import read

    if isinstance(req, Upload):
        doc = read(data=req.data, name=req.name, settings=settings)
    elif isinstance(req, TextInput):
        doc = read(text=req.text, settings=settings)
    elif isinstance(req, HtmlInput):
        doc = read(html=req.html, settings=settings)
    else:
        doc = read(url=req.url, settings=settings)
    return _with_metadata(doc, req)


def analyze_document(doc: Document, settings: Settings) -> dict[str, Any]:
    import presslens

    return presslens.analyze(doc, settings=settings).to_dict()


def analyze_request(req: AnalyzeRequest | Upload, settings: Settings) -> dict[str, Any]:
    """The default analyzer: fetch or wrap the input, run the pipeline, give the contract."""
    return analyze_document(document_for(req, settings), settings)


class StoreUnavailable(Exception):
    """The store cannot be opened (a locked DuckDB file, a PostgreSQL server that is down)."""


class LockedStore:
    """The store API, one call at a time.

    Given an ``opener`` instead of a store, it opens the store on first use and
    again after :meth:`close` (the app closes what it opened when its lifespan ends).
    """

    def __init__(
        self,
        store: Any = None,
        *,
        opener: Callable[[], Any] | None = None,
        transient: bool = False,
    ):
        self._store = store
        self._opener = opener
        self._lock = threading.Lock()
        # transient: open for each call and close after it, so an idle server does not
        # hold a DuckDB file's single-writer lock (ingests and queries can run)
        self._transient = transient and opener is not None

    def _get(self) -> Any:
        if self._store is None and self._opener is not None:
            try:
                self._store = self._opener()
            except Exception as exc:  # tried again on the next call: a lock may go away
                raise StoreUnavailable(f"the store cannot be opened: {exc}"[:500]) from exc
        return self._store

    def call(self, name: str, *args: Any, **kwargs: Any) -> Any:
        with self._lock:
            try:
                return getattr(self._get(), name)(*args, **kwargs)
            finally:
                self._release()

    def locked(self, func: Callable[[Any], T]) -> T:
        """Run ``func(store)`` holding the lock (for helpers that take the store)."""
        with self._lock:
            try:
                return func(self._get())
            finally:
                self._release()

    def _release(self) -> None:
        if self._transient and self._store is not None:
            store, self._store = self._store, None
            store.close()

    def close(self) -> None:
        """Close the store if this object opened it; a store passed in stays open."""
        with self._lock:
            if self._opener is None or self._store is None:
                return
            store, self._store = self._store, None
            store.close()


RETRY_AFTER_S = 5


def register_lock_handler(app: Any) -> None:
    """A locked store answers 503 with Retry-After, never a bare 500 with a traceback."""
    from fastapi.responses import JSONResponse

    from presslens.errors import StoreLocked

    async def locked(request: Any, exc: Exception) -> Any:
        return JSONResponse(
            {"detail": f"store locked: {getattr(exc, 'message', exc)}"},
            status_code=503,
            headers={"Retry-After": str(RETRY_AFTER_S)},
        )

    app.add_exception_handler(StoreLocked, locked)
