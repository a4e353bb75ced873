"""Technique definitions for tooltips, from ``presslens.techniques.definitions``.

That module belongs to the techniques package; the report must still render
when it is missing (a minimal install) or shaped differently than expected, so
this adapter accepts a mapping or a lookup function and returns what it finds.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import import_module
from typing import Any


def _field(entry: Any, name: str) -> str | None:
    value = entry.get(name) if isinstance(entry, dict) else getattr(entry, name, None)
    return value if isinstance(value, str) and value else None


@lru_cache(maxsize=1)
def _source() -> Any:
    try:
        module = import_module("presslens.techniques.definitions")
    except ImportError:
        return None
    for attr in ("DEFINITIONS", "definitions", "TECHNIQUES"):
        value = getattr(module, attr, None)
        if isinstance(value, dict):
            return value
    for attr in ("get", "definition", "lookup", "describe"):
        value = getattr(module, attr, None)
        if callable(value):
            return value
    return None


def _manipulation(technique: str) -> tuple[str | None, str | None] | None:
    """A UNLP-2025 label (ru/uk documents): its human names and definition, and the example."""
    try:
        from presslens.manipulation.labels import explain
    except ImportError:
        return None
    entry = explain(technique)
    if entry is None:
        return None
    names = f"{entry.title} ({entry.title_uk} / {entry.title_ru})"
    return f"{names}: {entry.definition}", entry.example or None


def describe(technique: str) -> tuple[str | None, str | None]:
    """``(definition, example)`` for a technique; ``(None, None)`` when unknown."""
    unlp = _manipulation(technique)
    if unlp is not None:
        return unlp
    source = _source()
    try:
        entry = (
            source.get(technique)
            if isinstance(source, dict)
            else (source(technique) if source is not None else None)
        )
    except (KeyError, LookupError, ValueError):
        entry = None
    if entry is None:
        return None, None
    if isinstance(entry, str):
        return entry, None
    if isinstance(entry, (tuple, list)) and entry:
        first = entry[0] if isinstance(entry[0], str) else None
        second = entry[1] if len(entry) > 1 and isinstance(entry[1], str) else None
        return first, second
    return (
        _field(entry, "definition") or _field(entry, "description"),
        _field(entry, "example"),
    )
