"""Errors a user sees: one clear line each, never a traceback unless asked for."""

from __future__ import annotations


class PresslensError(Exception):
    """Base of the errors presslens reports to users as one line."""

    kind = "error"

    def __init__(self, message: str, *, source: str | None = None):
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        return f"{where}{self.kind}: {self.message}"


class InputError(PresslensError):
    """The input cannot be analysed (binary, empty, too large, unreadable, undecodable)."""

    def __init__(self, kind: str, message: str, *, source: str | None = None):
        super().__init__(message, source=source)
        self.kind = kind


class FetchError(PresslensError):
    kind = "fetch"


class ModelError(PresslensError):
    kind = "model"


class StoreRefused(PresslensError):
    """The store did not accept a record (the reason is the store's own, or ours).

    ``unstorable`` is true when the input itself cannot be stored (a NUL character):
    the caller's fault (HTTP 422), not the database's (HTTP 500).
    """

    kind = "store"

    def __init__(self, message: str, *, source: str | None = None, unstorable: bool = False):
        super().__init__(message, source=source)
        self.unstorable = unstorable


class StoreLocked(PresslensError):
    """Another process holds the store (a DuckDB file has one writer at a time)."""

    kind = "locked"
