"""Word-level differences between two variants of a passage (difflib over words).

Words are compared with their punctuation attached, so "said." vs "said" shows;
whitespace differences (re-wrapping, re-paragraphing) never do.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Any


def word_diff(first: str, other: str) -> list[dict[str, Any]]:
    """The edits turning ``first`` into ``other``: ``{"op", "old", "new"}`` per change.

    >>> ops = word_diff("the talks resume on Monday", "the talks will resume on Tuesday")
    >>> [(op["op"], op["old"], op["new"]) for op in ops]
    [('insert', '', 'will'), ('replace', 'Monday', 'Tuesday')]
    """
    a, b = first.split(), other.split()
    ops = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag != "equal":
            ops.append({"op": tag, "old": " ".join(a[i1:i2]), "new": " ".join(b[j1:j2])})
    return ops


def render_diff(ops: list[dict[str, Any]]) -> str:
    """A one-line rendering: ``[-old-]{+new+}`` per edit (empty when identical)."""
    parts = []
    for op in ops:
        old = f"[-{op['old']}-]" if op["old"] else ""
        new = f"{{+{op['new']}+}}" if op["new"] else ""
        parts.append(old + new)
    return " ".join(parts)


def similarity(first: str, other: str) -> float:
    """Share of words the two variants have in common, in order (difflib ratio)."""
    return SequenceMatcher(None, first.split(), other.split(), autojunk=False).ratio()
