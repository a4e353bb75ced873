"""Per-document time limits that hold: a worker past its limit is killed.

Python threads cannot be stopped, and a stage stuck in C code (a regex, the
parser) does not see signals, so the only reliable limit is a process that can be
killed. When a chunk runs past ``document_timeout_s`` per document, the pool's
processes are killed; the engine then retries the chunk's items one at a time in a
fresh pool (:func:`presslens.engine.base._collect`), so only the document that is
really too slow ends as an error row, and the batch goes on.
"""

from __future__ import annotations

from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TypeVar

T = TypeVar("T")


class DocumentTimeout(Exception):
    """A worker spent longer than ``document_timeout_s`` on a document."""


def result_within(future: Future[T], limit_s: float, pool: ProcessPoolExecutor | None) -> T:
    """``future.result()``, or kill ``pool``'s processes and raise after ``limit_s``."""
    try:
        return future.result(timeout=limit_s)
    except FutureTimeout:
        if pool is not None:
            for process in list(getattr(pool, "_processes", {}).values()):
                process.kill()
        raise DocumentTimeout(
            f"over the time limit of {limit_s:g} s (document_timeout_s); the worker was killed"
        ) from None
