"""What the store is given to write: one record per corpus item."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from presslens.reprints.passages import Passage


@dataclass
class Record:
    """The outcome of one item: an analysis (with passages) or an error."""

    source_id: str | None
    analysis: dict[str, Any] | None = None
    passages: list[Passage] | None = None
    error: tuple[str, str] | None = None  # (kind, message)
    digest: str | None = None  # the item's content fingerprint (resume by content)

    @property
    def doc_id(self) -> str | None:
        return None if self.analysis is None else self.analysis["id"]


def pipeline_version(analysis: dict[str, Any]) -> str:
    """presslens version, stages and models that made ``analysis``.

    A change of version marks stored analyses as stale; they are re-made only on
    request (``presslens ingest --reanalyse``).
    """
    from presslens import __version__

    stages = ",".join(sorted(analysis.get("stages") or ()))
    models = analysis.get("models")
    extra = f"|{models}" if models else ""
    return f"presslens {__version__}|{stages}{extra}"


def to_timestamp(value: str | None) -> datetime | None:
    """An ISO date or date-time (see ``normalize_published``) as a naive UTC datetime."""
    if not value:
        return None
    from presslens.dates import normalize_published

    iso = normalize_published(value)
    if iso is None:
        return None
    return datetime.fromisoformat(iso)


def from_timestamp(value: Any) -> str | None:
    """A stored timestamp as ISO text; midnight stamps (dates) print as dates."""
    if value is None:
        return None
    if isinstance(value, datetime):
        if value.hour == value.minute == value.second == 0:
            return value.date().isoformat()
        return value.isoformat()
    return str(value)
