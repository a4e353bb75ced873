"""The 14 PTC technique names and PTC's span-boundary rule.

Names are spelled exactly as in the organisers' label list
(``propaganda-techniques-names-semeval2020task11.txt``) so that predictions can be
scored with SemEval tooling and compared with published results.
"""

from __future__ import annotations

from presslens.document import Span
from presslens.vocabulary import PTC_TECHNIQUES

TECHNIQUES: tuple[str, ...] = PTC_TECHNIQUES
INDEX: dict[str, int] = {name: i for i, name in enumerate(TECHNIQUES)}

BOUNDARY_CHARS = " \n.,:;"
"""PTC v2 spans never start or end with one of these (0 of 6,129 train spans do)."""


def trim_span(text: str, span: Span) -> Span | None:
    """Shrink ``span`` so it follows PTC's boundary rule; None if nothing is left.

    >>> trim_span("a  bad, thing.", (1, 14))
    (3, 13)
    """
    start, end = span
    start, end = max(0, start), min(len(text), end)
    while start < end and (text[start] in BOUNDARY_CHARS or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in BOUNDARY_CHARS or text[end - 1].isspace()):
        end -= 1
    return (start, end) if end > start else None
