"""Sourcing bases of Russian and Ukrainian sentences, read with the language's lexicon.

Same contract and order as :func:`presslens.attribution.sourcing.source_sentences`:
``unverifiable`` when a sentence asserts knowledge without showing it ("по
имеющимся в Службе внешней разведки сведениям", "хорошо известно", "за наявною
інформацією", "стало відомо": patterns allow inflection and inserted words); else
the basis of the attribution covering it (``named`` for a person, ``organisation``
for a body, its press office or its statement, ``anonymous`` for unnamed sources:
источник, собеседник, в кругах; джерело, співрозмовник, у колах); else an
anonymous-sourcing phrase outside any quote; else ``unattributed``: only the
outlet's own assertions. Only lexicon words, parts of speech and entity types
decide, never which name it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from presslens.attribution.found import overlap
from presslens.attribution.lexicon import Lexicon, norm
from presslens.attribution.syntax_utils import doc_text, tokens_in
from presslens.document import Basis, Entity, Quote, Sourcing, Span


def find_pattern(text: str, span: Span, patterns: Sequence[Any]) -> Span | None:
    """The first match of any pattern inside ``span`` (earliest in the text)."""
    piece = text[span[0] : span[1]]
    hits = [m for p in patterns for m in [p.search(piece)] if m is not None]
    if not hits:
        return None
    m = min(hits, key=lambda m: m.start())
    return (span[0] + m.start(), span[0] + m.end())


def _full_name(words: Sequence[Any]) -> bool:
    """Two adjacent capitalised words that are not acronyms: a first name and a surname."""
    caps = [t.text[:1].isupper() and not t.text.isupper() for t in words]
    return any(a and b for a, b in pairwise(caps))


def documented(sdoc: Any, cue: Span | None, content: Sequence[Span], lex: Lexicon) -> bool:
    """A document verb with its document in the sentence, outside the ``content``
    ('«…», — говорится в коммюнике'): a body's document speaks. An agentless 'Сообщается,
    что ...' / 'Повідомляється, що ...' names none, and is read as English reads 'It is
    reported that ...' (no body from earlier in the text is its source)."""
    if cue is None or sdoc is None:
        return False
    words = tokens_in(sdoc, cue)
    if not any(norm(t.lemma_) in lex.document_verbs for t in words):
        return False
    outside = [t for t in words[0].sent if not any(s <= t.idx < e for s, e in content)]
    return any(norm(t.lemma_) in lex.document_nouns for t in outside) or any(
        # 'МИД опубликовал заявление. В нём говорится, что ...': the document taken up
        a.lower_ in lex.locative_preps
        and norm(b.lemma_) in lex.person_pronouns | lex.group_pronouns
        for a, b in pairwise(outside)
    )


def _after_locative(sdoc: Any, span: Span, lex: Lexicon) -> bool:
    """A speaker phrase after a locative preposition ('В Кремле заявили', 'у Білому домі
    заявили', 'у Зеленського заявили'): the place that speaks is a body, whatever name
    it holds (a tagger reads 'Білому' as the surname Білий)."""
    words = tokens_in(sdoc, span)
    if not words or words[0].i == 0 or _full_name(words):
        return False  # 'написав у соцмережах глава МЗС Радослав Сікорський': a person
    at = words[0].i
    if sdoc[at - 1].sent != words[0].sent or sdoc[at - 1].lower_ not in lex.locative_preps:
        return False
    # not the last word of 'со ссылкой на' / 'з посиланням на'
    return not any(tuple(t.lower_ for t in sdoc[max(0, at - len(c)) : at]) == c for c in lex.citing)


def speaker_basis(quote: Quote, entities: Sequence[Entity], sdoc: Any, lex: Lexicon) -> Basis:
    """The basis a quote's speaker gives: named person, organisation or anonymous source."""
    types = {e.id: e.type for e in entities}
    sp = quote.speaker
    if sp is None:
        if documented(sdoc, quote.cue, [quote.span, *quote.parts], lex):
            return "organisation"  # '«…», — говорится в коммюнике': a body's document
        return "anonymous"
    by_entity: Basis | None = None
    if sp.entity is not None:
        by_entity = "named" if types.get(sp.entity) == "PERSON" else "organisation"
    if sp.span is None or sdoc is None:
        return by_entity or "anonymous"
    words = [t for t in tokens_in(sdoc, sp.span) if not (t.is_punct or t.is_space)]
    if words:
        sent = words[0].sent
        if find_pattern(doc_text(sdoc), (sent.start_char, sent.end_char), lex.anonymity):
            return "anonymous"  # 'Представитель Пентагона, пожелавший остаться неизвестным'
    lemmas = [norm(t.lemma_) for t in words]
    proper = [t for t in words if t.pos_ == "PROPN" or (t.text.isupper() and len(t.text) > 1)]
    names_person = any(
        types.get(e.id) == "PERSON" and any(overlap(m, sp.span) for m in e.mentions)
        for e in entities
    )
    first_noun = next((t for t in words if t.pos_ in ("NOUN", "PROPN", "PRON")), None)
    if first_noun is not None and norm(first_noun.lemma_) in lex.anonymous_nouns:
        return "anonymous"  # 'Источник в правительстве X', 'в дипломатических кругах'
    if any(w in lex.anonymous_nouns for w in lemmas) and not names_person:
        return "anonymous"
    if _after_locative(sdoc, sp.span, lex):
        return "organisation"  # 'у Білому домі заявили', 'у Зеленського заявили': a place
    if len(words) == 1 and lemmas[0] in lex.person_pronouns | lex.first_person - {"мы", "ми"}:
        return "named"
    if len(words) == 1 and lemmas[0] in lex.group_pronouns | {"мы", "ми"}:
        return "organisation"
    known = lex.org_nouns | lex.document_nouns | lex.representative_nouns
    known = known | lex.people_nouns | lex.title_nouns
    # The phrase's head: its first lexicon noun ('Повітряних силах', 'Аналитик банка'),
    # else its first noun.
    head = next((w for w in lemmas if w in known), "") or next(
        (w for w, t in zip(lemmas, words, strict=True) if t.pos_ in ("NOUN", "PROPN")), ""
    )
    body = lex.org_nouns | lex.document_nouns
    if names_person and first_noun is not None and norm(first_noun.lemma_) not in body:
        return "named"  # 'адвокат компании Игорь Трунов': a person with a body in the title
    if head in body:
        return "organisation"  # the phrase is headed by a body, whatever a tagger calls it
    if names_person:
        return "named"
    if head in lex.representative_nouns or (lemmas and lemmas[0] in lex.representative_nouns):
        if _full_name(words[1:]):
            return "named"  # 'представитель ведомства Олег Сидоров'
        return "organisation" if len(lemmas) > 1 else "anonymous"
    if head in lex.people_nouns or (
        first_noun is not None and "Plur" in first_noun.morph.get("Number") and not proper
    ):
        # 'эксперт', 'дипломаты', 'по мнению экспертов': people, named only by a name.
        return "named" if _full_name(words[1:]) else "anonymous"
    if head in lex.title_nouns:
        return "named"
    if by_entity is not None:
        return by_entity
    phrase = doc_text(sdoc)[sp.span[0] : sp.span[1]]
    if phrase[:1] in '«„"' and phrase[-1:] in '»“"':
        return "organisation"  # 'в «Нафтогазі» повідомили': a quoted name is a company or title
    if proper:
        if len(proper) == 1 and proper[0].text.isupper() and len(proper[0].text) > 1:
            return "organisation"
        return "named"
    return "anonymous"


def source_sentences(
    text: str,
    sentences: Sequence[Span],
    quotes: Sequence[Quote],
    entities: Sequence[Entity],
    sdoc: Any,
    lex: Lexicon,
) -> list[Sourcing]:
    """One Sourcing per claim-bearing sentence, in text order."""
    out: list[Sourcing] = []
    for sent in sentences:
        covering = [q for q in quotes if overlap(q.span, sent) or (q.cue and overlap(q.cue, sent))]
        cue = find_pattern(text, sent, lex.unverifiable)
        if cue is not None:
            sp = covering[0].speaker if covering else None
            out.append(Sourcing(sent, "unverifiable", cue, sp.entity if sp else None))
            continue
        if covering:
            q = max(covering, key=lambda q: overlap(q.span, sent))
            basis = speaker_basis(q, entities, sdoc, lex)
            if find_pattern(text, sent, lex.citing_anonymous) is not None:
                basis = "anonymous"  # 'сообщает X со ссылкой на источники'
            out.append(Sourcing(sent, basis, q.cue, q.speaker.entity if q.speaker else None))
            continue
        cue = find_pattern(text, sent, lex.anonymous_phrases)
        if cue is not None:
            out.append(Sourcing(sent, "anonymous", cue))
            continue
        out.append(Sourcing(sent, "unattributed"))
    return out
