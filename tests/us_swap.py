"""Swapping the two US parties' names in real articles, with every span mapped (issue 19).

Why a mapping rather than the text comparison of ``swapping.labels``: in real
articles the same words recur (a quote's content can repeat a sentence), and the
issue asks for the *boundaries* to agree. Names change length ("Trump" ->
"Clinton"), so each original offset is carried through the replacements: offsets
outside a replaced name shift by the length change so far; a name's start and end
map to its replacement's start and end.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from typing import Any

# One direction each; the table holds both directions of every pair. Adjective and noun
# forms are paired by their use ("Republican senator" / "Democratic senator").
US_SWAP: dict[str, str] = {
    "Trump": "Clinton",
    "Clinton": "Trump",
    "Trumps": "Clintons",
    "Clintons": "Trumps",
    "Donald": "Hillary",
    "Hillary": "Donald",
    "Republicans": "Democrats",
    "Democrats": "Republicans",
    "Republican": "Democratic",
    "Democratic": "Republican",
    "Democrat": "Republican",
    "GOP": "Democratic Party",
    "Democratic Party": "GOP",
    "RNC": "DNC",
    "DNC": "RNC",
    "Pence": "Kaine",
    "Kaine": "Pence",
    "Cruz": "Sanders",
    "Sanders": "Cruz",
    "Bernie": "Ted",
    "Ted": "Bernie",
}


class Swap:
    """A text with names replaced, and the map of its offsets."""

    def __init__(self, text: str, table: dict[str, str] = US_SWAP):
        pattern = re.compile(
            "|".join(rf"\b{re.escape(k)}(?!\w)" for k in sorted(table, key=len, reverse=True))
        )
        pieces: list[str] = []
        self._starts: list[int] = []  # original start of each replaced name
        self._rows: list[tuple[int, int, int, int]] = []  # (orig s, orig e, new s, new e)
        last = 0
        shift = 0
        for m in pattern.finditer(text):
            pieces.append(text[last : m.start()])
            new = table[m.group(0)]
            ns = m.start() + shift
            pieces.append(new)
            self._starts.append(m.start())
            self._rows.append((m.start(), m.end(), ns, ns + len(new)))
            shift += len(new) - (m.end() - m.start())
            last = m.end()
        pieces.append(text[last:])
        self.original = text
        self.text = "".join(pieces)
        self.count = len(self._rows)

    def pos(self, p: int, *, end: bool = False) -> int:
        """Where original offset ``p`` is in the swapped text."""
        k = bisect_right(self._starts, p) - 1
        if k < 0:
            return p
        s, e, ns, ne = self._rows[k]
        if p == s:
            return ns
        if p < e:  # a boundary inside a name: its replacement's edge
            return ne if end else ns
        return p + (ne - e)

    def span(self, span: Any) -> tuple[int, int] | None:
        if span is None:
            return None
        return (self.pos(span[0]), self.pos(span[1], end=True))


def _span(s: Any) -> tuple[int, int] | None:
    return None if s is None else (s[0], s[1])


def labels(analysis: dict[str, Any], move: Callable[[Any], Any]) -> Counter:
    """Quote and sourcing labels of an analysis, spans moved by ``move``.

    A quote: kind, content, pieces, cue and speaker span. A sourcing row: basis,
    sentence and cue. (Which entity a speaker is linked to is left out: entity
    boundaries follow the recogniser, and the basis the link gives is compared.)
    """
    out: Counter = Counter()
    for q in analysis["quotes"]:
        sp = q["speaker"] or {}
        out[
            (
                "quote",
                q["kind"],
                move(q["span"]),
                tuple(move(p) for p in q.get("parts", ())),
                move(q["cue"]),
                move(sp.get("span")),
            )
        ] += 1
    for s in analysis["sourcing"]:
        out[("sourcing", s["basis"], move(s["span"]), move(s["cue"]))] += 1
    return out


def agreement(original: dict[str, Any], swapped: dict[str, Any], swap: Swap) -> tuple[int, int]:
    """(labels that agree, labels compared): the original's labels moved through the swap
    against the swapped text's own; compared is the larger of the two counts."""
    a = labels(original, swap.span)
    b = labels(swapped, _span)
    same = sum((a & b).values())
    return same, max(sum(a.values()), sum(b.values()))


def differences(
    original: dict[str, Any], swapped: dict[str, Any], swap: Swap
) -> tuple[list[Any], list[Any]]:
    """Labels only the original has (moved) and labels only the swapped text has."""
    a = labels(original, swap.span)
    b = labels(swapped, _span)
    return sorted((a - b).elements(), key=str), sorted((b - a).elements(), key=str)
