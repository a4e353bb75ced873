"""What a store can hold: characters no backend stores are refused, alike everywhere.

PostgreSQL cannot store U+0000 (NUL) in a text value, and no UTF-8 database can
store a lone surrogate. DuckDB would store a NUL, so the same input used to be
kept on one backend and lost on the other. presslens refuses such a record on every
backend, before it reaches the database, with a reason naming the character and
where it is: escaping would change the text and shift every span after it, and the
stand-off annotations must point into the text as the user has it.
"""

from __future__ import annotations

import re
from typing import Any

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _describe(char: str) -> str:
    return "U+0000 (NUL)" if char == "\x00" else f"a lone surrogate U+{ord(char):04X}"


def unstorable_reason(analysis: dict[str, Any]) -> str | None:
    """Why ``analysis`` cannot be stored (one line), or None when every value can be.

    >>> unstorable_reason({"text": "a\\x00b"})
    'the text holds U+0000 (NUL) at character 1, which the store cannot hold'
    >>> unstorable_reason({"text": "fine"}) is None
    True
    """
    return _walk(analysis, "")


def _walk(value: Any, where: str) -> str | None:
    if isinstance(value, str):
        found = _UNSTORABLE.search(value)
        if found is None:
            return None
        place = "the text" if where in ("", "text") else f"the field {where!r}"
        return (
            f"{place} holds {_describe(found.group())} at character {found.start()}, "
            "which the store cannot hold"
        )
    if isinstance(value, dict):
        for key, item in value.items():
            bad_key = _UNSTORABLE.search(key) if isinstance(key, str) else None
            if bad_key is not None:
                return f"a key holds {_describe(bad_key.group())}, which the store cannot hold"
            reason = _walk(item, f"{where}.{key}" if where else str(key))
            if reason:
                return reason
    elif isinstance(value, list | tuple):
        for item in value:
            reason = _walk(item, where)
            if reason:
                return reason
    return None
