"""Word-level differences between reprint variants, as escaped HTML.

The store's reprint groups list each variant's edits against the first
publisher's passage (``{"op", "old", "new"}``) without their positions, so to
show the edits in place the view re-aligns the two passages word by word with
:mod:`difflib` (the same alignment the reprints package uses) and marks inserted
and deleted words.
"""

from __future__ import annotations

import difflib
from typing import Any

from markupsafe import Markup, escape

from presslens.report.bidi import neutralise


def word_ops(base: str, variant: str) -> list[tuple[str, str]]:
    """``variant`` as equal/insert/delete runs of words relative to ``base``.

    >>> word_ops("the regime fell", "the criminal regime fell")
    [('equal', 'the'), ('insert', 'criminal'), ('equal', 'regime fell')]
    """
    a, b = base.split(), variant.split()
    ops: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            ops.append(("equal", " ".join(b[j1:j2])))
            continue
        if i2 > i1:
            ops.append(("delete", " ".join(a[i1:i2])))
        if j2 > j1:
            ops.append(("insert", " ".join(b[j1:j2])))
    return ops


def render_ops(ops: list[tuple[str, str]]) -> Markup:
    tags = {"insert": "ins", "delete": "del"}
    parts = []
    for op, text in ops:
        tag = tags.get(op)
        shown = escape(neutralise(text))
        parts.append(f"<{tag}>{shown}</{tag}>" if tag else str(shown))
    return Markup(" ".join(parts))


def member_text(member: dict[str, Any]) -> str:
    value = member.get("passage")
    return value if isinstance(value, str) else ""


def render_member(member: dict[str, Any], base: str) -> Markup:
    """The member's passage with its word differences from ``base`` marked."""
    return render_ops(word_ops(base, member_text(member)))
