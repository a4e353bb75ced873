"""Neutralise bidirectional control characters in text shown to a reader.

U+202E (RIGHT-TO-LEFT OVERRIDE) and its kin make a browser draw the following
characters in another order, so ``"\u202egnp.exe"`` reads as ``"exe.png"``: a
title or outlet can spoof what the reader sees. Every rendered field replaces
each control with a visible mark naming it (``⟦U+202E⟧``), so the text reads in
its stored order and the reader sees that something was there. The stored text
and its offsets are never changed; only what is displayed.
"""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup

# Embeddings, overrides, isolates, marks (LRM, RLM, ALM) and their pops.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_CONTROL = re.compile(f"[{BIDI_CONTROLS}]")


def _mark(match: re.Match[str]) -> str:
    return f"\u27e6U+{ord(match.group()):04X}\u27e7"


def neutralise(value: Any) -> Any:
    """``value`` with bidi controls made visible; other values pass unchanged.

    Markup (already escaped HTML) stays Markup: the marks hold no HTML specials.

    >>> neutralise("\u202egnp.exe")
    '⟦U+202E⟧gnp.exe'
    >>> neutralise(3)
    3
    """
    if isinstance(value, str) and _CONTROL.search(value):
        replaced = _CONTROL.sub(_mark, value)
        return Markup(replaced) if isinstance(value, Markup) else replaced
    return value
