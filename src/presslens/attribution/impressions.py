"""Impressions: how something seems or appears ('Mr. Clinton does not seem to be
relishing the fight', 'Trump's supporters seemed unperturbed').

Why: on the fit articles of PolNeAR train (``bench/quotes_missed.py``) 'seem' and
'appear' are among the commonest cues the rules missed entirely (about 170 gold
attributions). PolNeAR reads them as the writer's (or an unnamed) perception: the
content is the subject with its predicate (the infinitive, the adjective, the
'like'-phrase), the source is none, or the experiencer of 'to X' ('To the professor,
the stare seemed to reflect sadness'). A predicate that is a report of its own
('seemed to confirm the critiques') is left to that report, whose holder is the
subject. No entry depends on who speaks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from presslens.attribution.cues import lemma as cue_lemma
from presslens.attribution.cues import words
from presslens.attribution.found import Found, inside
from presslens.attribution.syntax_utils import (
    clipped_subtree,
    doc_text,
    preposition_object,
    span_of,
    trim,
)
from presslens.document import Span

# Raising verbs of impression: their subject belongs to the predicate.
RAISING_VERBS = words("seem appear")
_EXPLETIVE = frozenset({"it", "there"})
_RELATIVE = frozenset({"which", "who", "that"})
_WH = frozenset({"what", "whatever"})


def _predicate(tok: Any) -> Any:
    """The predicate after the verb: 'to be ...', 'unperturbed', 'like an odd choice'."""
    for child in tok.children:
        if child.i < tok.i:
            continue
        if child.dep_ in ("xcomp", "oprd", "acomp"):
            return child
        if child.dep_ == "prep" and child.lower_ == "like":
            return child
    return None


def _subject(tok: Any) -> Any:
    """The raised subject; for a relative pronoun, the noun the clause describes."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in _EXPLETIVE or subj.lower_ in _WH:
        return None  # 'it seems that', 'What seems most striking': no one thing seems
    if subj.lower_ in _RELATIVE and tok.dep_ == "relcl":
        return tok.head if tok.head.pos_ in ("NOUN", "PROPN") else None
    return subj


def _noun_phrase(noun: Any, tok: Any, bounds: Span, blocked: list[Span]) -> Span | None:
    """The subject's words; for a noun the verb's relative clause describes, its words
    before that clause ('Both objections, which seemed ...': 'Both objections')."""
    if noun.i != tok.head.i:
        return clipped_subtree(noun, bounds, blocked)
    first = min(t.i for t in tok.subtree)
    toks = [t for t in noun.subtree if t.i < first and bounds[0] <= t.idx < bounds[1]]
    return trim(doc_text(noun.doc), span_of(toks))


def _experiencer(tok: Any, bounds: Span, blocked: list[Span]) -> tuple[Span | None, int | None]:
    """'To the professor, the stare seemed ...': the object of 'to' before the predicate."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "to":
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return clipped_subtree(obj, bounds, blocked), obj.i
    return None, None


def impression(
    tok: Any, sent: Any, blocked: list[Span], reports: Callable[[Any], bool]
) -> Found | None:
    """'X seems to Y', 'X appeared unperturbed' as an attribution without a source.

    ``reports`` says whether a token is a report of its own (a cue with a complement).
    """
    if tok.pos_ not in ("VERB", "AUX") or cue_lemma(tok) not in RAISING_VERBS:
        return None
    pred = _predicate(tok)
    subj = _subject(tok)
    if pred is None or subj is None:
        return None
    if pred.dep_ == "xcomp" and reports(pred):
        return None  # 'seemed to confirm the critiques': the infinitive's own report
    bounds = (sent.start_char, sent.end_char)
    text = doc_text(tok.doc)
    pred_toks = [t for t in pred.subtree if sent.start <= t.i < sent.end]
    aux_to = [c for c in pred.children if c.dep_ == "aux" and c.lower_ == "to"]
    predicate = trim(text, span_of([*pred_toks, *aux_to]), ".")
    subject = _noun_phrase(subj, tok, bounds, blocked)
    if predicate is None or subject is None:
        return None
    if any(inside(predicate, q) or inside(subject, q) for q in blocked):
        return None
    parts = tuple(sorted((subject, predicate)))
    span = (parts[0][0], parts[-1][1])
    kind = "mixed" if any(inside(q, predicate) for q in blocked) else "indirect"
    speaker, head = _experiencer(tok, bounds, blocked)
    cue = (tok.idx, tok.idx + len(tok.text))
    return Found(kind, span, parts, cue, speaker, head, None, tok.i)


# Verbs of regarding: 'sees Cruz as a uniter', 'is widely seen as the favourite'; and of
# portraying, which present one's view of a thing as the same object and 'as'-phrase
# ('cast herself as the heir', 'painted him as unfit', 'framed the vote as a test').
# Issue 19 (lex9): of the portraying verbs' new predictions on the fit articles 20 of 32
# are right with their source ('depict' and 'brand' did not occur in this shape).
REGARD_VERBS = words("see view regard cast paint depict frame brand")

SubjectOf = Callable[[Any, Any, list[Span]], tuple[Span | None, int | None]]


def _as_phrase(tok: Any) -> Any:
    """The 'as'-phrase after the verb ('as a uniter', 'as most unfair'), or None."""
    for child in tok.children:
        if child.i <= tok.i or child.dep_ not in ("prep", "advcl", "oprd"):
            continue
        if child.left_edge.lower_ != "as" or len(list(child.subtree)) < 2:
            continue
        if any(g.dep_ in ("nsubj", "nsubjpass") for g in child.children):
            continue  # 'see declines as investors decide ...': a clause of time or cause
        return child
    return None


def _agent(tok: Any, bounds: Span, blocked: list[Span]) -> tuple[Span | None, int | None]:
    """'was seen by some as ...': the object of the agent 'by'."""
    for child in tok.children:
        if child.dep_ == "agent":
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return clipped_subtree(obj, bounds, blocked), obj.i
    return None, None


def _agent_in_as_phrase(as_: Any) -> Any | None:
    """'was viewed as a failure by many in the party': the agent 'by' the parse hung on
    the 'as'-phrase's noun rather than on the passive verb (issue 19, spk10); only
    through nouns and prepositions, so a verb inside the phrase keeps its own 'by'."""
    for t in as_.subtree:
        if t.lower_ != "by" or t.dep_ not in ("agent", "prep") or t.i <= as_.i:
            continue
        up = t.head
        while up.i != as_.i and up.head.i != up.i:
            if up.pos_ in ("VERB", "AUX") and not _agent_closing_relative(up, t, as_):
                break
            up = up.head
        if up.i == as_.i and any(g.dep_ == "pobj" for g in t.children):
            return t
    return None


# Nouns of a 'by' phrase that measure or time what a verb does ('won by a wide margin',
# 'by the end of the year'), not who holds a view.
_NOT_HOLDERS = words("margin landslide end time way means far point points hand accident")
_NOT_AGENT_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY"})


def _agent_closing_relative(verb: Any, by: Any, as_: Any) -> bool:
    """'are seen as leaders who can fix the economy by a third of voters': the parse hung
    the passive's agent on the active verb of a relative clause on the 'as'-phrase's
    noun; a 'by' phrase of people closing the relative clause and the 'as'-phrase is
    the agent (not 'who was elected by', a passive's own agent, nor 'win by a margin')."""
    if verb.dep_ != "relcl" or by.dep_ != "prep" or by.head.i != verb.i:
        return False
    if any(c.dep_ in ("auxpass", "nsubjpass", "agent") for c in verb.children):
        return False
    obj = next((g for g in by.children if g.dep_ == "pobj"), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN", "ADJ", "PRON"):
        return False
    if obj.lemma_.lower() in _NOT_HOLDERS:
        return False
    # A share is of people ('by a third of voters'), not an amount ('by 10 percent').
    share = any(c.dep_ == "prep" and c.lower_ == "of" for c in obj.children)
    if obj.ent_type_ in _NOT_AGENT_ENTS and not share:
        return False
    last = max(t.i for t in by.subtree)
    return last == max(t.i for t in verb.subtree) == max(t.i for t in as_.subtree)


def _held(tok: Any, bounds: Span, blocked: list[Span]) -> Span | None:
    """What a passive 'seen as' is said of: its subject, or the noun its participle or
    relative clause describes ('a state seen as critical', 'X, who is seen as ...')."""
    subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if subj is not None and subj.lower_ not in _RELATIVE:
        if any(t.lower_ == "whose" for t in subj.subtree):
            return None
        return clipped_subtree(subj, bounds, blocked)
    if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i < tok.i:
        return _noun_phrase(tok.head, tok, bounds, blocked)
    return None


def regard(tok: Any, sent: Any, blocked: list[Span], subject_of: SubjectOf) -> Found | None:
    """'X sees Y as Z' (content 'Y as Z', holder X); 'Y is seen as Z' (content 'Y' and
    'as Z', holder the agent or none); 'a state seen as critical' (the noun and 'as Z').

    Why only with 'as': 'see' alone is mostly sight ('saw him there', 'see eye to eye');
    with an object and an 'as'-phrase it is a view held, which PolNeAR marks (about 60
    missed gold attributions on the fit articles).
    """
    if tok.pos_ != "VERB" or cue_lemma(tok) not in REGARD_VERBS:
        return None
    as_ = _as_phrase(tok)
    if as_ is None:
        return None
    bounds = (sent.start_char, sent.end_char)
    text = doc_text(tok.doc)
    by = _agent_in_as_phrase(as_)
    cut = [*blocked, span_of(by.subtree)] if by is not None else blocked
    as_span = trim(text, clipped_subtree(as_, bounds, cut), ".")
    obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i < as_.i), None)
    if obj is not None:
        whole = clipped_subtree(obj, bounds, blocked)
        if whole is None or as_span is None:
            return None
        parts: tuple[Span, ...] = ((whole[0], as_span[1]),)
    else:
        held = _held(tok, bounds, blocked)
        if held is None or as_span is None or held[0] >= as_span[0]:
            return None
        parts = (held, as_span)
    if any(inside(p, q) for p in parts for q in blocked):
        return None
    span = (parts[0][0], parts[-1][1])
    kind = "mixed" if any(inside(q, p) for p in parts for q in blocked) else "indirect"
    if obj is not None:
        speaker, head = subject_of(tok, sent, blocked)
    else:
        speaker, head = _agent(tok, bounds, blocked)  # 'is seen as': by whom, if said
        if speaker is None and by is not None:
            pobj = next(g for g in by.children if g.dep_ == "pobj")
            speaker, head = clipped_subtree(pobj, bounds, blocked), pobj.i
    cue = (tok.idx, tok.idx + len(tok.text))
    return Found(kind, span, parts, cue, speaker, head, None, tok.i)


# Adjectives of attitude after a linking verb, with the prepositions whose object is
# what the attitude is about ('have been critical of Clinton's use of email', 'is
# skeptical of the deal', 'were unhappy with the direction of the government').
ATTITUDE_PREPS: dict[str, frozenset[str]] = {
    adj: frozenset(preps.split("/"))
    for adj, preps in (
        line.split()
        for line in """
    critical of
    skeptical of/about
    sceptical of/about
    supportive of
    dismissive of
    wary of
    enamored of/with
    worried about
    concerned about
    angry about/at/over
    upset about/over/with
    unhappy with/about
    pleased with/by
    optimistic about
    pessimistic about
    confident in/about/of
    vocal about/on
    divided on/over
    hopeful about/of
    """.strip().splitlines()
    )
}
# Adjectives of attitude with a clause of what is held ('are optimistic that he'll win',
# 'has been acutely aware that the contest ...').
ATTITUDE_CLAUSES = words(
    """
    confident hopeful optimistic pessimistic aware unaware concerned worried convinced
    adamant glad upset surprised shocked afraid fearful skeptical sceptical
    """
)


def _attitude_content(tok: Any) -> tuple[list[Any], Any]:
    """The tokens the adjective's attitude is about, and the preposition (or None)."""
    word = tok.lemma_.lower()
    preps = ATTITUDE_PREPS.get(word, frozenset())
    for child in tok.children:
        if child.i < tok.i:
            continue
        obj = preposition_object(child, preps)
        if obj:
            return obj, child
        if child.dep_ == "ccomp" and word in ATTITUDE_CLAUSES:
            return list(child.subtree), None
    return [], None


def attitude(tok: Any, sent: Any, blocked: list[Span], subject_of: SubjectOf) -> Found | None:
    """'Republicans have been critical of X', 'his supporters are optimistic that ...':
    an adjective of attitude after a linking verb reports its object or clause, held
    by the verb's subject. PolNeAR marks these (about 60 missed gold attributions on the
    fit articles); adjectives mostly of other uses ('aware of', 'interested in', 'sure')
    are left out."""
    if tok.pos_ not in ("ADJ", "VERB") or tok.dep_ not in ("acomp", "oprd"):
        return None
    comp, prep = _attitude_content(tok)
    comp = [t for t in comp if sent.start <= t.i < sent.end]
    if not comp:
        return None
    text = doc_text(tok.doc)
    content = trim(text, span_of(comp), ".")
    if content is None or any(inside(content, q) for q in blocked):
        return None
    speaker, head = subject_of(tok.head, sent, blocked)
    if speaker is None or head is None or tok.doc[head].lower_ in _EXPLETIVE:
        return None  # 'be aware that', 'it is critical of course to': no holder named
    kind = "mixed" if any(inside(q, content) for q in blocked) else "indirect"
    end = prep.idx + len(prep.text) if prep is not None else tok.idx + len(tok.text)
    return Found(kind, content, (content,), (tok.idx, end), speaker, head, None, tok.i)


# Adverbs that make the clause they modify a report whose source goes unnamed ('The
# firm reportedly cut 400 jobs'). Only 'reportedly': measured on the fit articles of
# PolNeAR train, 'allegedly', 'apparently', 'seemingly' and 'supposedly' are marked as
# cues a quarter of the time or less.
HEARSAY_ADVERBS = words("reportedly")


def hearsay(
    tok: Any, sent: Any, blocked: list[Span], reports: Callable[[Any], bool]
) -> Found | None:
    """'X reportedly V-ed ...': the clause around the adverb, with no source.

    Why: PolNeAR marks the adverb as the cue of a report from an unnamed source, the
    content being the clause it modifies less the adverb (about 12 missed gold
    attributions on the fit articles; 'reportedly' is a cue there about two times in
    three). A clause that is a report of its own ('reportedly told aides that ...') is
    left to that report, whose holder is named.
    """
    if tok.lower_ not in HEARSAY_ADVERBS or tok.dep_ != "advmod":
        return None
    verb = tok.head
    if verb.pos_ not in ("VERB", "AUX") or reports(verb):
        return None
    toks = [t for t in verb.subtree if sent.start <= t.i < sent.end and t.i != tok.i]
    text = doc_text(tok.doc)
    before = trim(text, span_of(t for t in toks if t.i < tok.i), ".")
    after = trim(text, span_of(t for t in toks if t.i > tok.i), ".")
    parts = tuple(p for p in (before, after) if p is not None)
    if not parts or any(inside(p, q) for p in parts for q in blocked):
        return None
    span = (parts[0][0], parts[-1][1])
    kind = "mixed" if any(inside(q, p) for p in parts for q in blocked) else "indirect"
    cue = (tok.idx, tok.idx + len(tok.text))
    return Found(kind, span, parts, cue, None, None, None, tok.i)
