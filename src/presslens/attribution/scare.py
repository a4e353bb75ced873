"""The ``scare_quotes`` stage: short quoted phrases that are nobody's speech.

Why a layer of its own: a scare quote ("the so-called “reform”") distances the
writer from a word; it reports no speech, so it must not become a quote with a
speaker, yet readers and the techniques stage want to see it. A quotation is a
scare quote when it is short, sits inside running text, is not part of any
reported speech in the ``quotes`` layer, and is not a title (Title Case
phrases such as programme or book names).
"""

from __future__ import annotations

from presslens.attribution.found import inside
from presslens.attribution.marks import find_quotes, is_title, paragraphs
from presslens.attribution.quotes import SCARE_MAX_WORDS
from presslens.document import Quote, Span

MAX_WORDS = SCARE_MAX_WORDS  # the quotes stage drops uncued quotes this short


def scare_quotes(text: str, quotes: list[Quote], paras: list[Span] | None = None) -> list[Span]:
    """Content spans of short quotations outside every attribution."""
    paras = paras if paras else paragraphs(text)
    out: list[Span] = []
    for q in find_quotes(text, paras):
        words = text[q.span[0] : q.span[1]].split()
        if not words or len(words) > MAX_WORDS or is_title(words) or not q.closed:
            continue
        if any(inside(q.span, r.span) for r in quotes):
            continue
        out.append(q.span)
    return out
