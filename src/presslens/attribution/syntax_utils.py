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


_POSSESSIVE_MARKS = ("’s", "'s", "’", "'")


def without_possessive(text: str, span: Span | None) -> Span | None:
    """``span`` without the possessive mark it ends in ('Ash's' -> 'Ash'): a holder
    named by a possessive is the name, not its case ending."""
    if span is None:
        return None
    body = text[span[0] : span[1]]
    for mark in _POSSESSIVE_MARKS:
        if body.endswith(mark) and len(body) > len(mark):
            return (span[0], span[1] - len(mark))
    return span


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
    """The speaker phrase among several subjects of one verb: the one nearest the verb,
    with the other subjects it runs on from (only punctuation between).

    Why: a parse that splits one phrase gives two subjects ('co' and 'host Mika
    Brzezinski'; 'One delegate' and 'state party chair Ann Doe' of 'One delegate,
    state party chair Ann Doe, pledged'), and whether it splits, and which one comes
    first, depends on the names in it; the nearest heads the phrase either way, and
    the phrase is all of it.
    """
    ordered = sorted(subjects, key=lambda c: abs(c.i - verb.i))
    for child in ordered:
        span = clipped_subtree(child, bounds, blocked)
        if span is not None:
            span = _without_cut_clause(child, span, blocked)
            others = [clipped_subtree(c, bounds, blocked) for c in ordered if c is not child]
            span = _joined_subjects(child.doc, span, others)
            return orphaned_lead(child, span, bounds), child.i
    return None, None


def _joined_subjects(doc: Any, span: Span, others: list[Span | None]) -> Span:
    """``span`` widened over the other subjects' phrases that touch it with only
    punctuation and space between (an apposition the parse split in two)."""
    text = doc_text(doc)
    grown = True
    while grown:
        grown = False
        for o in others:
            if o is None or (o[0] >= span[0] and o[1] <= span[1]):
                continue
            if o[1] <= span[0] and not text[o[1] : span[0]].strip(" ,-\u2010\u2011"):
                span, grown = (o[0], span[1]), True
            elif o[0] >= span[1] and not text[span[1] : o[0]].strip(" ,-\u2010\u2011"):
                span, grown = (span[0], o[1]), True
    return span


_NOUN_PHRASE_POS = frozenset({"NOUN", "PROPN", "ADJ", "DET", "NUM"})


def _noun_phrase_word(tok: Any) -> bool:
    """A word that can stand in a noun phrase before a name: a noun, name, adjective,
    determiner or number, or a capitalised word the tagger read as a verb ('Presumptive')
    that heads no clause (a lower-case 'said' never counts)."""
    if tok.pos_ in _NOUN_PHRASE_POS:
        return True
    return tok.pos_ == "VERB" and tok.text[:1].isupper() and tok.dep_ not in ("ROOT", "ccomp")


def orphaned_lead(token: Any, span: Span, bounds: Span) -> Span:
    """A speaker phrase with the words before it that open its clause but hang, through
    their heads, from a word outside it: ('WASHINGTON (Agency) — Presumptive nominee Ann
    Doe told ...': the parse may hang 'Presumptive nominee' on the dateline, or not,
    depending on the name after it; cut from the dateline, those words name who spoke).

    Only a run of words of a noun phrase (nouns, names, adjectives, determiners,
    numbers, and a verb the tagger made of a capitalised adjective), with no
    punctuation, from the clause's first word up to the phrase, counts: 'As Doe
    pointed out' opens with a conjunction, not part of a name.
    """
    doc = token.doc
    first = doc[token.i]
    while first.i > 0 and doc[first.i - 1].idx >= span[0]:
        first = doc[first.i - 1]
    run = []
    k = first.i - 1
    while k >= 0 and doc[k].idx >= bounds[0]:
        t = doc[k]
        if not _noun_phrase_word(t) or not _hangs_outside(t, bounds, span):
            return span
        run.append(t)
        k -= 1
    if not run:
        return span
    return (run[-1].idx, span[1])


def _hangs_outside(tok: Any, bounds: Span, span: Span) -> bool:
    """Whether ``tok``'s chain of heads leaves ``bounds`` before it reaches ``span``."""
    seen = tok
    for _ in range(64):
        head = seen.head
        if head.i == seen.i or span[0] <= head.idx < span[1]:
            return False
        if not (bounds[0] <= head.idx < bounds[1]):
            return True
        seen = head
    return False


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


def name_read_as_verb(tok: Any) -> bool:
    """Whether the parse read a capitalised word inside a sentence as a verb: a name
    that is also an English verb ('pledged her vote to Doe' read as an infinitive 'to
    doe' when the surname is a verb). Only after a word in lower case and outside Title
    Case lines ('Why Does Doe Refuse to Recognize the Vote', where verbs are
    capitalised too).

    Why: a name that happens to be a verb changes the whole parse around it, and
    another name in its place would not; the rules read it as the name it is.
    """
    if tok.pos_ != "VERB" or not tok.text[:1].isupper() or tok.text.isupper():
        return False
    if tok.i == 0 or tok.is_sent_start:
        return False
    before = tok.doc[tok.i - 1]
    if not (before.is_alpha and before.text.islower()):
        return False
    lo, hi = sentence_bounds(tok)
    long_words = [t.text for t in tok.doc[max(0, tok.i - 12) : tok.i + 12] if lo <= t.idx < hi]
    long_words = [w for w in long_words if w.isalpha() and len(w) > 3]
    capitalised = sum(1 for w in long_words if w[:1].isupper())
    return capitalised * 2 <= len(long_words)


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


def issuing_agent(noun: Any) -> Any | None:
    """The 'by' agent's object of a past participle after ``noun`` ('figures released by
    the central bank', 'a statement carried by TASS'), or None."""
    for acl in noun.children:
        if acl.dep_ != "acl" or acl.tag_ != "VBN":
            continue
        for agent in acl.children:
            if agent.dep_ == "agent":
                return next((c for c in agent.children if c.dep_ == "pobj"), None)
    return None


def preposition_object(child: Any, preps: frozenset[str]) -> list[Any] | None:
    """The tokens of ``child``'s object when it is one of ``preps`` ('criticism *of* X',
    'critical *of* X'), else None."""
    if child.dep_ != "prep" or child.lower_ not in preps:
        return None
    objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
    return [t for g in objects for t in g.subtree] or None


_CHAIN = frozenset({"appos", "conj"})
_NOT_SPEAKERS = frozenset({"DATE", "TIME", "GPE", "LOC", "MONEY", "PERCENT", "CARDINAL"})
_BESIDE_VERB = frozenset({"aux", "auxpass", "neg", "advmod"})


def last_word_before(verb: Any, floor: int) -> int | None:
    """The index of the last word before ``verb`` that is neither punctuation nor the
    verb's own auxiliary, negation or adverb (where a speaker phrase before a cue ends),
    if it starts at or after the character ``floor``."""
    doc = verb.doc
    k = verb.i - 1
    while k >= 0 and floor <= doc[k].idx:
        t = doc[k]
        if not (t.is_punct or t.is_space or (t.head.i == verb.i and t.dep_ in _BESIDE_VERB)):
            break
        k -= 1
    if k < 0 or doc[k].idx < floor:
        return None
    return k


def apposition_before(
    verb: Any, bounds: Span, blocked: Sequence[Span] = ()
) -> tuple[Span, int] | None:
    """The head of the apposition that ends right before a verb with no subject, where the
    parse hung it on a noun of the phrase that opens the clause: 'In a statement to the
    paper, her adviser, Ann Doe, said', 'At the plant, where ..., Ann Doe, 61, argued'
    (the name an apposition of 'paper' or 'plant', the verb left without a subject).

    Why: whether the parse takes the name for the subject or for an apposition of the
    noun before the comma depends on the names and places; read either way, the
    comma-set phrase before the verb is who spoke. Climbs from the phrase's last word
    through its own links to the first word of the chain of appositions (or of
    coordinated nouns) that hangs on a noun of another role: that chain starts the
    speaker. Nothing when the climb reaches the verb first (no such chain), or when the
    phrase is a date, place or number, or when no comma or line break opens it.
    """
    doc = verb.doc
    k = last_word_before(verb, bounds[0])
    if k is None:
        return None
    k = _before_aside(doc, k, bounds)
    if k is None:
        return None
    cand = doc[k]
    for _ in range(64):
        head = cand.head
        if head.i == cand.i or head.i >= verb.i or head.idx < bounds[0]:
            return None
        if cand.dep_ in _CHAIN and head.dep_ not in _CHAIN and head.pos_ in ("NOUN", "PROPN"):
            break
        cand = head
    else:
        return None
    if cand.pos_ not in ("NOUN", "PROPN") or cand.ent_type_ in _NOT_SPEAKERS:
        return None
    if any(b[0] <= cand.idx < b[1] for b in blocked):
        return None
    first = min(t.i for t in cand.subtree)
    if first == 0 or not (doc[first - 1].is_punct or doc[first - 1].is_space):
        return None
    span = clipped_subtree(cand, bounds, blocked)
    if span is None:
        return None
    siblings = [
        clipped_subtree(c, bounds, blocked)
        for c in cand.head.children
        if c.dep_ in _CHAIN and c.i < cand.i and c.pos_ in ("NOUN", "PROPN")
    ]
    return _joined_subjects(doc, span, siblings), cand.i


def _before_aside(doc: Any, k: int, bounds: Span) -> int | None:
    """The last word before a prepositional aside set off by commas that ends at ``k``
    ('Ann Doe, in Springfield, said'; 'Ann Doe, without naming him, accused'), else
    ``k``: the aside is where or how the speaker spoke, not who."""
    top = doc[k]
    while top.head.i != top.i and top.head.i <= k and top.head.i > 0:
        if top.dep_ == "prep" and doc[top.i - 1].text == ",":
            break
        top = top.head
    if top.dep_ != "prep" or top.i < 2 or doc[top.i - 1].text != ",":
        return k
    if max(t.i for t in top.subtree) != k:
        return k
    j = top.i - 2
    return j if j >= 0 and doc[j].idx >= bounds[0] else None
