"""The ``sourcing`` stage: on what basis each claim-bearing sentence rests.

Why per sentence: a fact-checker reads claims, not quotes. Every sentence that
asserts something gets one basis: ``unverifiable`` when a source asserts
knowledge without showing it ("according to the information received by",
"is well aware of", "has similar information", "it is known that", "data show"
with no figures); else the basis of the attribution covering it (``named`` for a
person, ``organisation`` for a body or its press office or statement,
``anonymous`` for unnamed sources); else ``unattributed``: the outlet's own voice.
The speaker's basis comes from the parse first (the phrase's head: an institution
noun, a generic people noun, a titled name; see :func:`parse_basis`), the entity
layer only where grammar cannot tell: the small NER model is name-sensitive.
Patterns are grammar only, never names, so swapping parties changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from presslens.attribution.coref import ORG_TYPES
from presslens.attribution.cues import words
from presslens.attribution.found import overlap
from presslens.attribution.syntax_utils import doc_text, issuing_agent, tokens_in
from presslens.document import BASES, Basis, Document, Entity, Quote, Sourcing, Span
from presslens.entities.titles import is_title_word
from presslens.techniques.masking import mask_names

_KNOWLEDGE = r"(?:information|data|intelligence|evidence)"
UNVERIFIABLE = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        rf"\baccording to (?:the |our |some |available |reliable |certain )*{_KNOWLEDGE}"
        r"(?: (?:received|obtained|available|gathered|collected|at (?:the|our|its) disposal)"
        r"(?: (?:by|to|of))?)?",
        r"\b(?:is|are|was|were|am|remains?)\s+(?:well |fully |perfectly |very )?"
        r"aware\s+(?:of|that)\b",
        rf"\b(?:has|have|had|possess(?:es)?)\s+(?:similar |reliable |credible |certain |some |"
        rf"new |exclusive |solid |the )?{_KNOWLEDGE}\b",
        r"\bit is (?:well[- ]|widely |commonly )?known that\b",
        r"\bit is no secret that\b",
        r"\bas is (?:well[- ]|widely )?known\b",
        r"\bthere (?:is|are) (?:information|evidence|data|reports) that\b",
        r"\b(?:data|evidence|statistics|figures|information) (?:show|shows|suggest|suggests|"
        r"indicate|indicates|prove|proves|confirm|confirms)\b",
        # papers an outlet says it has seen, unpublished: 'according to documents seen by
        # Reuters', 'emails reviewed by the newspaper show'
        r"\b(?:(?:internal|confidential|leaked|classified|secret|unpublished|private) )*"
        r"(?:documents?|papers?|records?|e-?mails?|memos?|files?|letters?|messages?) "
        r"(?:(?:that|which) (?:were|was|have been|has been) )?"
        r"(?:seen|obtained|reviewed|viewed|examined) by\b",
    )
)
# A report that rests on unnamed people ('Reuters reported, citing two officials',
# 'quoting a person familiar with the matter'), as 'со ссылкой на источники' in Russian:
# the people's plural or indefinite noun ends the phrase, so 'citing Defense Secretary
# X' stays the named report it is.
CITING_UNNAMED = re.compile(
    r"\b(?:citing|quoting)\s+(?:[\w.'’-]+\s+){0,4}?"
    r"(?:sources?|officials?|people|persons?|insiders?|diplomats?|aides?|staffers?)\b"
    r"(?!\s+(?:named|identified)\b)",
    re.IGNORECASE,
)
# A source the text says it keeps unnamed ('The minister, who spoke on condition of
# anonymity because he was not authorized to discuss the matter, said'): whatever the
# title, the reader cannot check who spoke.
ANONYMITY = re.compile(
    r"\b(?:on|under) (?:the )?conditions? (?:of|that \w+ not be (?:named|identified))"
    r"|\bwho (?:asked|requested|declined) not to be (?:named|identified)\b"
    r"|\b(?:asked|requested|spoke on) anonymity\b|\bspeaking anonymously\b",
    re.IGNORECASE,
)
_DATA_SHOW = re.compile(r"^(?:data|evidence|statistics|figures|information) ", re.IGNORECASE)
ANONYMOUS_WORDS = words(
    """
    source sources official officials insider insiders people person someone aide aides
    diplomat diplomats expert experts analyst analysts observer observers witness
    witnesses reportedly
    """
)
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "our", "this", "that"})
PRONOUNS_NAMED = frozenset({"he", "she", "i", "him", "her"})
_CALENDAR = words(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december
    """
)
PRONOUNS_BODY = frozenset({"it", "they", "we"})


def _find_unverifiable(text: str, span: Span) -> Span | None:
    piece = text[span[0] : span[1]]
    for pattern in UNVERIFIABLE:
        m = pattern.search(piece)
        if m is None:
            continue
        if _DATA_SHOW.match(m.group(0)) and re.search(r"\d", piece):
            continue  # data shown with figures is evidence, not a bare assertion
        return (span[0] + m.start(), span[0] + m.end())
    return None


def _entity_near(entities: Sequence[Entity], sentence: Span, cue: Span, text: str) -> str | None:
    """The entity the knowledge is claimed by: 'received by X' after the cue, else X before it."""
    after = [
        (s, e.id)
        for e in entities
        for s, t in e.mentions
        if cue[1] <= s < min(sentence[1], cue[1] + 40)
        and e.type in ORG_TYPES | {"PERSON"}
        and text[cue[0] : cue[1]].rstrip().lower().endswith(("by", "of", "to"))
    ]
    if after:
        return min(after)[1]
    before = [
        (s, e.id)
        for e in entities
        for s, t in e.mentions
        if sentence[0] <= s < cue[0] and e.type in ORG_TYPES | {"PERSON"}
    ]
    return max(before)[1] if before else None


# Heads of noun phrases that name a body: a speaker so headed is an organisation,
# whatever name stands in front of it ("X Ministry", "the X press service").
ORG_NOUNS = words(
    """
    ministry office service agency department committee commission government party
    company firm corporation business army military navy police court tribunal council
    board bureau administration authority authorities cabinet parliament assembly senate
    congress legislature embassy consulate mission command headquarters force forces
    guard union federation association organisation organization group institute
    institution university school hospital bank fund secretariat presidency directorate
    inspectorate regulator watchdog center centre foundation network broadcaster
    newspaper outlet channel station campaign team coalition alliance regime state
    republic kingdom municipality city county region province
    lab laboratory council club league organisation ngo charity church movement
    news press times post journal daily media operator manufacturer
    """
)
# Documents a body issues; with a possessor ("X's statement") they speak for it.
DOCUMENT_NOUNS = words(
    """
    statement release communique communiqué announcement website site letter document
    memo note report notice bulletin declaration resolution decree account
    figures data statistics estimate estimates survey
    """
)
# Generic people: without a name beside them they are anonymous sources.
PEOPLE_NOUNS = words(
    """
    source official insider person people someone somebody aide diplomat expert analyst
    observer witness spokesperson spokesman spokeswoman representative member officer
    resident employee staffer adviser advisor negotiator investigator researcher
    scientist activist critic supporter colleague friend relative neighbour neighbor
    insider participant eyewitness individual man woman worker lawmaker legislator
    economist
    """
)
_NAME_DEPS = frozenset({"compound", "flat", "appos", "nmod"})


def _lemma(tok: Any) -> str:
    if _plural_read_as_name(tok):
        low = tok.lower_
        return low[:-3] + "y" if low.endswith("ies") else low[:-1]
    return tok.lemma_.lower()


def _plural_read_as_name(tok: Any) -> bool:
    """A sentence's capitalised first word the tagger read as a plural proper name though
    no recogniser marks it: 'Officials said', 'Sources say', 'Critics warned'. Why: read
    as a name, the most anonymous sources of news counted as named."""
    return (
        tok.is_sent_start
        and tok.tag_ == "NNPS"
        and not tok.ent_type_
        and tok.lower_.endswith("s")
        and len(tok.text) > 3
    )


def _in(tok: Any, lexicon: frozenset[str]) -> bool:
    return tok.lower_ in lexicon or _lemma(tok) in lexicon


def _phrase_head(sdoc: Any, span: Span | None) -> Any:
    """The syntactic head of the speaker phrase: its token whose head lies outside it."""
    if sdoc is None or span is None:
        return None
    toks = [t for t in tokens_in(sdoc, span) if not (t.is_punct or t.is_space)]
    if not toks:
        return None
    ids = {t.i for t in toks}
    roots = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
    return min(roots, key=lambda t: (len(list(t.ancestors)), -t.i))


# Entity labels that mark no name (a capitalised date or number is no name).
_NOT_NAMES = frozenset({"", "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"})


def _is_name(tok: Any) -> bool:
    """A proper name: tagged as one, or a capitalised word the tagger read as a common
    noun and the recogniser marks as a name of any kind.

    Why: the tagger reads a surname that looks like a plural noun (one ending in -s or
    -ce) as NNS, and the recogniser then often calls it an organisation, where another
    surname in the same place is a PERSON; both are names, and neither the tag nor the
    label must decide whether the speaker is a named person.
    """
    if not tok.text[:1].isupper() or _in(tok, ORG_NOUNS) or _plural_read_as_name(tok):
        return False
    if tok.pos_ == "PROPN":
        return True
    return (
        tok.pos_ == "NOUN"
        and tok.ent_type_ not in _NOT_NAMES
        and not _in(tok, PEOPLE_NOUNS | DOCUMENT_NOUNS)
    )


def _names_a_person(head: Any, span: Span) -> bool:
    """A name or a people noun in apposition ('a spokesman, Brenner', 'Brenner, an aide'),
    or a name among the people ('critics, including Sen. Elizabeth Warren', 'officials
    such as X'): one of the sources is on record."""
    return any(
        c.dep_ == "appos"
        and span[0] <= c.idx < span[1]
        and (_is_name(c) if not _is_name(head) else _in(c, PEOPLE_NOUNS))
        for c in head.children
    ) or any(_is_name(n) for n in _named_among(head, span))


_AMONG = frozenset({"including", "like"})


def _named_among(head: Any, span: Span) -> list[Any]:
    """The words the head's 'including X' / 'such as X' introduces, inside the span."""
    out = []
    for c in head.children:
        if c.dep_ != "prep" or not span[0] <= c.idx < span[1]:
            continue
        if c.lower_ in _AMONG or (c.lower_ == "as" and c.i and c.nbor(-1).lower_ == "such"):
            out += [n for n in c.children if n.dep_ == "pobj" and span[0] <= n.idx < span[1]]
        elif c.lower_ == "such":  # 'such as' read as one preposition
            out += [n for g in c.children for n in g.children if n.dep_ == "pobj"]
    return out


_PLACE_PREPS = frozenset({"in", "across", "throughout", "inside", "within"})


def _name_uses(sdoc: Any) -> dict[str, str]:
    """How the document uses each single-word name elsewhere: ``person`` when it ends a
    longer name or has a people noun in apposition ('Dana Kovacs', 'Kovacs, a spokesman'),
    ``body`` when it owns or modifies an institution or is a place ('X's Defence
    Ministry', 'the X Ministry', 'in X'). Person wins. Cached on the parse."""
    cached = sdoc.user_data.get("presslens_name_uses")
    if cached is not None:
        return cached
    uses: dict[str, str] = {}
    for t in sdoc:
        if t.pos_ != "PROPN":
            continue
        person = any(
            c.dep_ in ("compound", "flat") and c.i < t.i and _is_name(c) for c in t.children
        ) or any(c.dep_ == "appos" and _in(c, PEOPLE_NOUNS) for c in t.children)
        body = (t.dep_ in ("poss", "compound") and _in(t.head, ORG_NOUNS)) or (
            t.dep_ == "pobj" and t.head.lower_ in _PLACE_PREPS
        )
        if person:
            uses[t.text] = "person"
        elif body and uses.get(t.text) != "person":
            uses[t.text] = "body"
    sdoc.user_data["presslens_name_uses"] = uses
    return uses


def parse_basis(head: Any, span: Span) -> Basis | None:
    """The basis the speaker phrase's grammar gives, or None when it cannot tell.

    Symmetric by construction: only the head's part of speech, its dependants, how
    the same name is used elsewhere in the text and generic lexicons of institution,
    document and people nouns decide, never which name it is or whether the entity
    recogniser tagged it.
    """
    if head.pos_ == "PRON":
        return None
    if _in(head, DOCUMENT_NOUNS):
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is not None and owner.pos_ != "PRON":
            return parse_basis(owner, span)
        issuer = [c for c in head.children if c.dep_ in ("compound", "amod", "nmod")]
        if any(_in(c, ORG_NOUNS) for c in issuer):
            return "organisation"  # 'a ministry statement'
        agent = issuing_agent(head)
        if agent is not None:
            return parse_basis(agent, span)  # 'figures released by the central bank'
        return None
    if _in(head, ORG_NOUNS):
        return "organisation"
    if _in(head, PEOPLE_NOUNS):
        return "named" if _names_a_person(head, span) else "anonymous"
    if _office_holder(head):
        return "named"
    if not _is_name(head):
        return None
    if any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return "organisation"  # 'the X', 'the X Y': a body, not a person
    names = [c for c in head.children if c.dep_ in _NAME_DEPS and c.i < head.i]
    if any(c.pos_ in ("NOUN", "PROPN") for c in names) or _names_a_person(head, span):
        return "named"  # 'Interior Minister Dana Kovacs', 'Colonel Ivo Brenner'
    if len(head.text) > 1 and head.text.isupper():
        return "organisation"  # an acronym
    use = _name_uses(head.doc).get(head.text)
    return "organisation" if use == "body" else "named"


def _office_holder(head: Any) -> bool:
    """'the mayor', 'the defence minister', 'the city's governor': one person on record,
    whom the office names as surely as a name would (the Russian and Ukrainian rules read
    'мэр', 'міністр' so). A title noun, singular, defined by an article or an owner; 'a
    minister' stays anonymous."""
    if head.tag_ != "NN" or not is_title_word(head.lemma_):
        return False
    return any((c.dep_ == "det" and c.lower_ == "the") or c.dep_ == "poss" for c in head.children)


def _names_entity(head: Any, eid: str, entities: Sequence[Entity]) -> bool:
    """Whether the speaker phrase is a name of entity ``eid`` (its head inside a mention).

    A phrase only holding the entity ('the idea that X's rhetoric ...', a pronoun
    resolved to X) gets its basis from its own words: the entity's type is the
    recogniser's reading of one particular name, and must not decide for a phrase
    that is not that name.
    """
    if head is None:
        return True
    return any(s <= head.idx < t for e in entities if e.id == eid for s, t in e.mentions)


def speaker_basis(quote: Quote, entities: Sequence[Entity], sdoc: Any = None) -> Basis:
    """The basis a quote gives: named person, organisation or anonymous source.

    The parse decides first (:func:`parse_basis`); entity types, pronouns and
    spelling only settle what the grammar leaves open (a bare name, "the minister").
    """
    types = {e.id: e.type for e in entities}
    sp = quote.speaker
    if sp is None:
        return "anonymous"
    head = _phrase_head(sdoc, sp.span)
    if head is not None and sp.span is not None:
        by_parse = parse_basis(head, sp.span)
        if by_parse is not None:
            return by_parse
    phrase = sp.text
    if sp.entity is not None:
        if _names_entity(head, sp.entity, entities):
            return "named" if types.get(sp.entity) == "PERSON" else "organisation"
        assert sp.span is not None  # a head was found in it
        phrase = doc_text(sdoc)[sp.span[0] : sp.span[1]]  # its own words, not the entity's
    words = [w.strip(",.").lower() for w in phrase.split()]
    if not words:
        return "anonymous"
    if any(w in ANONYMOUS_WORDS for w in words):
        return "anonymous"
    if len(words) == 1 and words[0] in PRONOUNS_NAMED:
        return "named"
    if len(words) == 1 and words[0] in PRONOUNS_BODY:
        return "organisation"
    if sdoc is not None and sp.span is not None and sp.entity is None:
        # its own words, without a first word only the sentence capitalises ('Officials')
        phrase = " ".join(t.text for t in tokens_in(sdoc, sp.span) if not _plural_read_as_name(t))
    if any(
        w[:1].isupper() and w.lower().strip(",.") not in _DETERMINERS | _CALENDAR
        for w in phrase.split()
    ):
        return "named"  # an unlinked proper name ('on Tuesday', 'in May' are none)
    return "organisation" if words[0] in ("the", "its", "their") else "anonymous"


def claim_sentences(doc: Document) -> list[Span]:
    """Sentences that can carry a claim: not boilerplate, dateline or byline; with a verb."""
    anatomy = doc.layer("anatomy")
    sdoc = doc.layer("syntax")
    if anatomy is not None and anatomy.sentences:
        sents = list(anatomy.sentences)
    elif sdoc is not None:
        sents = [(s.start_char, s.end_char) for s in sdoc.sents]
    else:
        sents = [(0, len(doc.text))]
    skip: list[Span] = []
    if anatomy is not None:
        skip.extend(anatomy.boilerplate)
        if anatomy.dateline is not None:
            skip.append(anatomy.dateline.span)
        if anatomy.byline is not None:
            skip.append(anatomy.byline)
    out = []
    for s in sents:
        size = s[1] - s[0]
        if size <= 0 or any(overlap(s, k) >= size * 0.8 for k in skip):
            continue
        if len(doc.text[s[0] : s[1]].split()) < 4:
            continue
        out.append(s)
    return out


def source_sentences(
    doc: Document, quotes: Sequence[Quote], entities: Sequence[Entity]
) -> list[Sourcing]:
    """One Sourcing per claim-bearing sentence, in text order."""
    text = doc.text
    out: list[Sourcing] = []
    for sent in claim_sentences(doc):
        covering = [q for q in quotes if overlap(q.span, sent) or (q.cue and overlap(q.cue, sent))]
        cue = _find_unverifiable(text, sent)
        if cue is not None:
            source = _entity_near(entities, sent, cue, text)
            if source is None and covering:
                sp = covering[0].speaker
                source = sp.entity if sp else None
            out.append(Sourcing(sent, "unverifiable", cue, source))
            continue
        if covering:
            # Of two reports in a sentence, one that names who speaks decides ('Asked
            # whether ..., Lopez said: "Absolutely."': the question asks nobody's words).
            q = max(
                covering,
                key=lambda q: (q.speaker is not None, _masked_overlap(text, q.span, sent)),
            )
            basis = speaker_basis(q, entities, doc.layer("syntax"))
            if CITING_UNNAMED.search(text, sent[0], sent[1]) or ANONYMITY.search(
                text, sent[0], sent[1]
            ):
                basis = "anonymous"  # 'Reuters reported, citing two officials'
            out.append(Sourcing(sent, basis, q.cue, q.speaker.entity if q.speaker else None))
            continue
        out.append(Sourcing(sent, "unattributed"))
    return out


def _masked_overlap(text: str, a: Span, b: Span) -> int:
    """How much of ``b`` quote span ``a`` covers, names counted as one placeholder: of two
    quotes in one sentence, the longer decides its basis, and a name's length never does
    ("Trump's plans" and "Clinton's plans" are equally long)."""
    start, end = max(a[0], b[0]), min(a[1], b[1])
    return len(mask_names(text[start:end]).text) if end > start else 0


def profile(sourcing: Sequence[Sourcing], text_len: int) -> dict[str, float]:
    """Share of the text (characters) resting on each basis; every basis is a key.

    >>> profile([Sourcing((0, 50), "named"), Sourcing((50, 75), "unattributed")], 100)["named"]
    0.5
    """
    shares = dict.fromkeys(BASES, 0.0)
    if text_len <= 0:
        return shares
    for s in sourcing:
        shares[s.basis] += (s.span[1] - s.span[0]) / text_len
    return {k: round(v, 4) for k, v in shares.items()}
