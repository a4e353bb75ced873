"""Publication dates: normalising the many spellings, and a dispatch's dateline date.

A leaf module (standard library only) because corpus readers, the store and the
pipeline all need the same answers: a corpus run and a single file must give a
document the same ``published``.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from presslens.document import Document

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?")


def normalize_published(value: Any) -> str | None:
    """An ISO date or UTC date-time string (``2015-11-11`` or ``2015-11-11T10:00:00``).

    Accepts ISO strings (with or without zone), RFC 822 feed dates, ``datetime``,
    ``date`` and ``time.struct_time``; anything else is ``None`` (unknown, not wrong).
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "tm_year"):  # time.struct_time from feedparser (UTC)
        return datetime(*value[:6]).isoformat()
    text = str(value).strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        parsed = None
    if parsed is not None:
        if len(text) == 10:
            return parsed.date().isoformat()
        return normalize_published(parsed)
    from email.utils import parsedate_to_datetime

    try:
        return normalize_published(parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        pass
    match = _ISO.match(text)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
        except ValueError:
            return None
    return None


_MONTHS = {
    m: i
    for i, m in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ),
        start=1,
    )
}
_MONTHS.update({name[:3]: i for name, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_DAY_MONTH = re.compile(
    r"(?:(\d{1,2})\s+([A-Za-z]+)\.?|([A-Za-z]+)\.?\s+(\d{1,2}))(?:,?\s+(\d{4}))?"
)
_YEAR = re.compile(r"\b(19[89]\d|20\d\d)\b")


def date_from_dateline(dateline_date: str | None, year: int | None) -> str | None:
    """``June 20`` (a dateline's date) plus a year from context -> ``2026-06-20``.

    A year written in the dateline wins; without any year the date stays unknown.

    >>> date_from_dateline("June 20", 2017)
    '2017-06-20'
    >>> date_from_dateline("20 Sept. 2015", None)
    '2015-09-20'
    """
    if not dateline_date:
        return None
    match = _DAY_MONTH.search(dateline_date)
    if match is None:
        return None
    day, month_name = (match[1], match[2]) if match[1] else (match[4], match[3])
    month = _MONTHS.get(month_name.lower())
    year = int(match[5]) if match[5] else year
    if month is None or year is None:
        return None
    try:
        return date(year, month, int(day)).isoformat()
    except ValueError:
        return None


def year_from_context(doc: Document) -> int | None:
    """The container's year (crawl or feed date), else the first plausible year in the text."""
    hint = doc.metadata.extra.get("year_hint")
    if isinstance(hint, int):
        return hint
    found = _YEAR.search(doc.text[:2000])
    return int(found[1]) if found else None


def fill_published_from_dateline(doc: Document) -> None:
    """Give an undated document the date of its dateline (after the anatomy stage ran)."""
    if doc.metadata.published:
        return
    anatomy = doc.layer("anatomy")
    dateline = getattr(anatomy, "dateline", None)
    if dateline is None or not dateline.date:
        return
    doc.metadata.published = date_from_dateline(dateline.date, year_from_context(doc))
