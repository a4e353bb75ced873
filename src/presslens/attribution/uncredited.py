"""Uncredited quotations: quoted words the article credits to nobody.

Why a layer of its own: a quotation standing alone ("We will win." with no cue and
no speaker in its sentence) is someone's words, but the quotes layer holds
attributions, and an attribution says who spoke or at least how the words were
reported. Kept there, such a quotation would be read as a quote with an unknown
speaker and scored wrong wherever its speaker sits in another sentence. Here it
stays visible to the reader, sourcing still reads it as someone's words rather than
the outlet's own voice, and a technique inside it names it as the quotation it sits
in. Short phrases in marks are scare quotes (:mod:`presslens.attribution.scare`),
titles are names of works: neither is uncredited speech.
"""

from __future__ import annotations

from collections.abc import Sequence

from presslens.attribution.found import overlap
from presslens.attribution.marks import find_quotes, is_title
from presslens.attribution.quotes import SCARE_MAX_WORDS, regions
from presslens.attribution.reported import unnest
from presslens.document import Quote, Span

ID_PREFIX = "u"


def uncredited_quotes(
    text: str,
    quotes: Sequence[Quote],
    paras: Sequence[Span] | None = None,
    excluded: Sequence[Span] = (),
    bounded: Sequence[Span] = (),
    nested_marks: bool = False,
) -> list[Quote]:
    """Quotations of more than a scare quote's words that no quote's content touches.

    ``paras``, ``excluded`` and ``bounded`` are the regions the quotes stage reads
    (:func:`presslens.attribution.quotes.regions`); ``nested_marks``: read « » nested in
    « » as the Russian and Ukrainian quotes stage does. Ids are ``u1``, ``u2``, ...;
    kind ``direct``, no cue, no speaker.
    """
    marked = unnest(text) if nested_marks else text
    out: list[Quote] = []
    for q in find_quotes(marked, regions(text, paras, excluded, bounded)):
        words = text[q.span[0] : q.span[1]].split()
        if len(words) <= SCARE_MAX_WORDS or is_title(words):
            continue
        if any(overlap(q.span, r.span) for r in quotes):
            continue
        parts = tuple(q.parts) if len(q.parts) > 1 else ()
        out.append(Quote(f"{ID_PREFIX}{len(out) + 1}", "direct", q.span, None, None, None, parts))
    return out
