"""Small helpers over a spaCy ``Doc``: tokens by character, clipped subtrees.

Why clipping: the parser often attaches a reporting verb outside a quotation to a
verb inside it, so subtrees must be cut at quotation boundaries before they are
used as speaker or content spans.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from presslens.document import Span

TRIM_CHARS = " \t\n,;:—–-\"“”«»„'‘’("


def tokens_in(sdoc: Any, span: Span) -> list[Any]:
    """Tokens whose first character lies inside ``span``."""
    s, e = span
    if e <= s:
        return []
    window = sdoc.char_span(s, e, alignment_mode="expand")
    if window is None:  # offsets inside whitespace spaCy did not tokenise
        return [t for t in sdoc if s <= t.idx < e]
    return [t for t in window if s <= t.idx < e]


def span_of(tokens: Iterable[Any]) -> Span | None:
    toks = list(tokens)
    if not toks:
        return None
    return (min(t.idx for t in toks), max(t.idx + len(t.text) for t in toks))


def trim(text: str, span: Span | None, extra: str = "") -> Span | None:
    """Strip punctuation and space from both ends of ``span`` (None if nothing is left)."""
    if span is None:
        return None
    s, e = span
    chars = TRIM_CHARS + extra
    while s < e and text[s] in chars:
        s += 1
    while e > s and text[e - 1] in chars:
        e -= 1
    return (s, e) if e > s else None


def clipped_subtree(token: Any, bounds: Span, blocked: list[Span] = ()) -> Span | None:
    """The token's subtree, kept to the contiguous run around ``token`` inside ``bounds``."""
    sub = sorted(token.subtree, key=lambda t: t.i)

    def ok(t: Any) -> bool:
        if not (bounds[0] <= t.idx < bounds[1]):
            return False
        return not any(b[0] <= t.idx < b[1] for b in blocked)

    idx = {t.i for t in sub if ok(t)}
    if token.i not in idx:
        return None
    lo = hi = token.i
    while lo - 1 in idx:
        lo -= 1
    while hi + 1 in idx:
        hi += 1
    doc = token.doc
    return (doc[lo].idx, doc[hi].idx + len(doc[hi].text))


def subject_span(
    verb: Any, subjects: list[Any], bounds: Span, blocked: list[Span] = ()
) -> tuple[Span | None, int | None]:
    """The speaker phrase among several subjects of one verb: the one nearest the verb.

    Why: a parse that splits one phrase gives two subjects ('co' and 'host Mika
    Brzezinski'), and which one comes first depends on the name that follows; the
    nearest heads the phrase either way.
    """
    for child in sorted(subjects, key=lambda c: abs(c.i - verb.i)):
        span = clipped_subtree(child, bounds, blocked)
        if span is not None:
            return _without_cut_clause(child, span, blocked), child.i
    return None, None


def _without_cut_clause(head: Any, span: Span, blocked: Sequence[Span]) -> Span:
    """A speaker without a relative clause that a quotation cuts ('said the alderman,
    who thinks the mayor "needs ..."'): the cut clause is half of someone's words,
    not part of who spoke."""
    for child in head.children:
        if child.dep_ not in ("relcl", "acl") or child.i < head.i:
            continue
        sub = span_of(child.subtree)
        if sub is not None and any(b[0] < sub[1] and sub[0] < b[1] for b in blocked):
            first = min(t.idx for t in child.subtree)
            end = first
            while end > span[0] and doc_text(head.doc)[end - 1] in " ,":
                end -= 1
            return (span[0], end) if end > span[0] else span
    return span


def sentence_bounds(token: Any) -> Span:
    """Characters of the sentence holding ``token`` (cheaper than ``token.sent``)."""
    doc = token.doc
    lo = token.i
    while lo > 0 and not doc[lo].is_sent_start:
        lo -= 1
    hi = token.i + 1
    while hi < len(doc) and not doc[hi].is_sent_start:
        hi += 1
    return (doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text))


def doc_text(doc: Any) -> str:
    """``doc.text``, built once: spaCy rebuilds it from the tokens on every access."""
    cached = doc.user_data.get("presslens_text")
    if cached is None:
        cached = doc.text
        doc.user_data["presslens_text"] = cached
    return cached


def preposition_object(child: Any, preps: frozenset[str]) -> list[Any] | None:
    """The tokens of ``child``'s object when it is one of ``preps`` ('criticism *of* X',
    'critical *of* X'), else None."""
    if child.dep_ != "prep" or child.lower_ not in preps:
        return None
    objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
    return [t for g in objects for t in g.subtree] or None
