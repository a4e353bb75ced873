"""The search's rules, shared by ``GET /v1/documents`` and the ``/documents`` page.

- Every text filter (outlet, speaker, text) matches case-insensitively, anywhere.
- Label filters (technique, basis, language, sort) take one of a known list,
  in any case; an unknown value is refused with 400 naming the allowed values,
  never quietly answered with nothing.
- Unknown parameters are refused with 400 naming the allowed ones (a typo such
  as ``outlets=`` would otherwise return the whole corpus).
- Dates are ISO (``2024-06-20``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from presslens.api.models import BASES
from presslens.report.palette import PTC_TECHNIQUES
from presslens.store.document_search import SORTS, DocumentQuery, distinct_values

TEXT_FILTERS = ("outlet", "speaker", "text")
PARAMS = (
    *TEXT_FILTERS,
    "technique",
    "basis",
    "language",
    "date_from",
    "date_to",
    "sort",
    "limit",
    "offset",
    "facets",
)
MAX_TEXT = 200


class SearchError(ValueError):
    """A search parameter or value the API does not know (answered with 400)."""


def _pick(name: str, value: str, allowed: Iterable[str]) -> str:
    """The allowed value equal to ``value`` ignoring case; SearchError naming them if none."""
    options = list(dict.fromkeys(allowed))
    for option in options:
        if option.lower() == value.lower():
            return option
    raise SearchError(f"unknown {name} {value[:100]!r}; allowed: {', '.join(options)}")


def _date(name: str, value: str) -> str:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise SearchError(f"{name} must be an ISO date (2024-06-20), not {value[:40]!r}") from None


def _int(name: str, value: str, low: int, high: int) -> int:
    try:
        number = int(value)
    except ValueError:
        number = low - 1
    if not low <= number <= high:
        raise SearchError(f"{name} must be a whole number from {low} to {high}")
    return number


def techniques_known(store: Any) -> list[str]:
    """Technique labels a filter may name: the PTC ones and any stored (other models')."""
    try:
        stored = store.locked(lambda s: distinct_values(s, "technique"))
    except Exception:
        stored = []
    return list(dict.fromkeys([*PTC_TECHNIQUES, *stored]))


def languages_known(store: Any, configured: Iterable[str]) -> list[str]:
    try:
        stored = store.locked(lambda s: distinct_values(s, "language"))
    except Exception:
        stored = []
    return list(dict.fromkeys([*configured, *stored]))


def parse_query(
    params: Mapping[str, str],
    *,
    techniques: Iterable[str],
    languages: Iterable[str],
    limit: int = 50,
    max_limit: int = 200,
) -> DocumentQuery:
    """Validated filters from query parameters (empty values mean "any")."""
    unknown = sorted(set(params) - set(PARAMS))
    if unknown:
        raise SearchError(
            f"unknown parameter{'s' if len(unknown) > 1 else ''} "
            f"{', '.join(repr(u[:40]) for u in unknown[:5])}; allowed: {', '.join(PARAMS)}"
        )
    values = {k: (params.get(k) or "").strip() for k in PARAMS}
    q = DocumentQuery(limit=limit)
    for name in TEXT_FILTERS:
        if len(values[name]) > MAX_TEXT:
            raise SearchError(f"{name} is longer than {MAX_TEXT} characters")
        setattr(q, name, values[name] or None)
    if values["technique"]:
        q.technique = _pick("technique", values["technique"], techniques)
    if values["basis"]:
        q.basis = _pick("basis", values["basis"], BASES)
    if values["language"]:
        q.language = _pick("language", values["language"], languages)
    if values["sort"]:
        q.sort = _pick("sort", values["sort"], SORTS)
    for name in ("date_from", "date_to"):
        if values[name]:
            setattr(q, name, _date(name, values[name]))
    if values["limit"]:
        q.limit = _int("limit", values["limit"], 1, max_limit)
    if values["offset"]:
        q.offset = _int("offset", values["offset"], 0, 1_000_000)
    return q


def resolve_id(store: Any, given: str) -> str | list[str] | None:
    """The full id for a full id or a unique hex prefix (6+ characters).

    ``None`` when no document matches; the matching ids (a list) when the
    prefix is ambiguous.
    """
    from presslens.store.document_search import ids_with_prefix

    if len(given) == 64:
        return given
    if len(given) < 6:
        return None
    found = store.locked(lambda s: ids_with_prefix(s, given))
    if not found:
        return None
    return found[0] if len(found) == 1 else found
