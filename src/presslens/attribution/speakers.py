"""Speakers of Russian and Ukrainian attributions linked to entities through inflection.

Why lemmas: "по словам Нарышкина" names the same man as "Сергей Нарышкин", and
"голови СБУ Малюка" the same as "Василь Малюк"; the entity layer holds the name
once, in whatever form it was first found. A speaker phrase is linked (1) to the
entity one of whose mentions it overlaps, (2) to the entity whose name shares a
proper-noun lemma with it, (3) for a pronoun (он/она/він/вона) to the nearest
person before it, (4) for a nominal standing for a body or its document
(ведомство, пресс-бюро, заявление; відомство, пресцентр, заява) to the body named
inside the phrase, else the body that last spoke, else the nearest organisation
before it that is not the route. Indefinite sources (источник, джерело) stay
unlinked: they are anonymous. Only grammar and entity types decide, never names.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cached_property
from typing import Any

from presslens.attribution.bases import documented
from presslens.attribution.coref import History
from presslens.attribution.found import Found
from presslens.attribution.furniture import speaker_candidates
from presslens.attribution.lexicon import Lexicon, norm
from presslens.attribution.reported import NAME_OPENERS
from presslens.attribution.syntax_utils import tokens_in
from presslens.document import Entity, Quote, Span, Speaker
from presslens.entities.cyrillic import agency_mentions
from presslens.entities.mention import overlaps

_ORG = frozenset({"ORG", "ORGANIZATION"})
# A body that spoke may be named by its country ("МИД Латвии" links to Латвия).
_BODIES = _ORG | {"PLACE", "GPE", "LOC"}


def _name_lemmas(name: str, language: str, every_word: bool = False) -> set[str]:
    """The dictionary forms of a name's capitalised words (of all its words with
    ``every_word``: 'Хозяйственный суд Одесской области' holds 'суд')."""
    from presslens.syntax_cyrillic import dictionary_parses

    out: set[str] = set()
    for word in name.replace("-", " ").replace("«", " ").replace("»", " ").split():
        if not (every_word or word[:1].isupper()):
            continue
        out.add(norm(word))
        out.update(norm(p.normal_form) for p in dictionary_parses(word, language)[:4])
    return out


def _mention_entity(
    entities: Sequence[Entity], span: Span, types: frozenset[str] | None = None
) -> str | None:
    best: tuple[int, str] | None = None
    for e in entities:
        if types is not None and e.type not in types:
            continue
        for s, t in e.mentions:
            inter = min(span[1], t) - max(span[0], s)
            if inter > 0 and (best is None or inter > best[0]):
                best = (inter, e.id)
    return best[1] if best else None


def _nearest_before(
    entities: Sequence[Entity], at: int, keep: Callable[[Entity], bool]
) -> str | None:
    """The entity ``keep`` accepts whose mention before ``at`` comes last."""
    best: tuple[int, str] | None = None
    for e in entities:
        if not keep(e):
            continue
        for s, _ in e.mentions:
            if s < at and (best is None or s > best[0]):
                best = (s, e.id)
    return best[1] if best else None


class SpeakerLinker:
    """Links speaker phrases of one document, remembering who spoke before."""

    def __init__(self, text: str, sdoc: Any, entities: Sequence[Entity], lex: Lexicon):
        self.text = text
        self.sdoc = sdoc
        self.entities = list(entities)
        self.lex = lex
        self.types = {e.id: e.type for e in entities}
        self.history = History()
        self.routes: list[str] = []
        self._lemmas = {
            e.id: _name_lemmas(e.name, lex.language) for e in entities if e.type == "PERSON"
        }

    def _words(self, span: Span) -> list[Any]:
        return [t for t in tokens_in(self.sdoc, span) if not (t.is_punct or t.is_space)]

    def _last_body(self) -> str | None:
        for _, eid in reversed(self.history.speakers):
            if self.types.get(eid) in _BODIES:
                return eid
        return None

    def _nearest_body(self, at: int, route: str | None) -> str | None:
        """The organisation mentioned last before ``at`` that is no route of the text
        (an agency the words were given to is not the body that speaks)."""
        skip = set(self.routes) | ({route} if route else set())
        return _nearest_before(self.entities, at, lambda e: e.type in _ORG and e.id not in skip)

    @cached_property
    def _outlets(self) -> set[str]:
        """Entities the text names as outlets: a name in marks or Latin script after an
        outlet noun ('на сайті «МедіаПорт»', 'газета The Times'), or known news agencies
        (the anatomy stage's table)."""
        agencies = [m.span for m in agency_mentions(self.text)]
        out: set[str] = set()
        for e in self.entities:
            for mention in e.mentions:
                if any(overlaps(mention, a) for a in agencies) or self._after_outlet_noun(mention):
                    out.add(e.id)
        return out

    def _after_outlet_noun(self, mention: Span) -> bool:
        words = tokens_in(self.sdoc, mention) if self.sdoc is not None else []
        if not words:
            return False
        i = words[0].i - 1
        marked = i >= 0 and self.sdoc[i].text in NAME_OPENERS
        while i >= 0 and self.sdoc[i].text in NAME_OPENERS:
            i -= 1
        # a name in marks or in Latin script ('газета «Ведомости»', 'издание Politico'); a
        # genitive after the noun is the site's owner ('на сайте Кремля'), no outlet
        named = marked or words[0].text[:1].isascii()
        return named and i >= 0 and norm(self.sdoc[i].lemma_) in self.lex.outlet_nouns

    def _outlet_before(self, at: int) -> str | None:
        """The outlet a bare 'издание' / 'видання' takes up: the last that spoke or was
        told, else the last named as an outlet before ``at``; None where the text names
        none (not the last body that spoke: a ministry is no 'издание')."""
        outlets = self._outlets | set(self.routes)
        for _, eid in reversed(self.history.speakers):
            if eid in outlets:
                return eid
        return _nearest_before(self.entities, at, lambda e: e.id in outlets)

    def _name_words(self, eid: str) -> set[str]:
        """The dictionary forms of every word of the entity's name."""
        name = next((e.name for e in self.entities if e.id == eid), "")
        return _name_lemmas(name, self.lex.language, every_word=True)

    def _taken_up_body(self, words: list[Any], at: int, route: str | None) -> str | None:
        """The body a phrase of common nouns takes up ('ведомство', 'в пресс-службе',
        'представитель министерства'): the body that last spoke, else the organisation
        named last. A phrase naming a kind of institution ('суд', 'прокуратура') takes up
        only a body of that kind ('Хозяйственный суд Одесской области'), never the company
        named last; plural bodies ('реестр компаний') stand for no one body."""
        lex = self.lex
        bodies = [
            t
            for t in words
            if norm(t.lemma_) in lex.org_nouns | lex.document_nouns | lex.representative_nouns
        ]
        if bodies and all(t.morph.get("Number") == ["Plur"] for t in bodies):
            return None
        kinds = {norm(t.lemma_) for t in bodies} & lex.institutions
        if not kinds:
            return self._last_body() or self._nearest_body(at, route)
        for _, eid in reversed(self.history.speakers):
            if kinds <= self._name_words(eid):
                return eid
        return _nearest_before(
            self.entities, at, lambda e: e.type in _ORG and kinds <= self._name_words(e.id)
        )

    def _titled(self, words: list[Any], lemmas: list[str], at: int) -> str | None:
        """The person last named before ``at`` whose title the phrase takes up: 'Министр
        обороны Андрей Белоусов заявил ... Министр добавил', 'Міністр оборони Рустем Умєров
        ... міністр додав'. The phrase's first word is the title's head (in the
        nominative, as titles are kept) and every other word is one of the title's
        ('бывший министр' takes up no 'министр обороны'). The text says who holds the
        title; the same rule for every side."""
        if not words or any(t.pos_ == "PROPN" for t in words):
            return None
        rest = {norm(t.text) for t in words[1:]}

        def holds(title: str) -> bool:
            held = [norm(w) for w in title.split()]
            return bool(held) and held[0] == lemmas[0] and rest <= set(held[1:])

        return _nearest_before(
            self.entities, at, lambda e: e.type == "PERSON" and any(map(holds, e.titles))
        )

    def _gender(self, eid: str) -> set[str]:
        """The grammatical genders the entity's mentions show (their first gendered word:
        'Мария Захарова' Fem, 'МИД' Masc, 'Міністерство оборони' Neut)."""
        out: set[str] = set()
        for e in self.entities:
            if e.id != eid:
                continue
            for mention in e.mentions:
                gendered = (t.morph.get("Gender") for t in self._words(mention))
                out.update(next((g for g in gendered if g), []))
        return out

    def _dropped_subject(self, cue: Span | None, at: int) -> str | None:
        """Who speaks through a personal verb with no subject ('Также отметила, что',
        'Водночас вказав, що', 'Кроме того, сообщили, что'): Russian and Ukrainian drop
        the subject the text has just named, and the verb's gender and number say who
        it is. A singular verb takes the last speaker of its gender (for a present tense,
        which shows none, the last speaker if a person; a neuter verb only a neuter body,
        as 'Министерство ... Также отметило'); a plural one the last speaker if it was a
        body ('В МИД заявили ... Также сообщили'). A reflexive verb ('Сообщается',
        'Повідомлялося') is impersonal: no one is named, as English 'It is reported'."""
        verb = (
            next((t for t in tokens_in(self.sdoc, cue) if t.pos_ in ("VERB", "AUX")), None)
            if cue and self.sdoc is not None
            else None
        )
        if verb is None or norm(verb.lemma_).endswith(("ся", "сь")):
            return None
        morph = verb.morph
        if morph.get("Person") and morph.get("Person") != ["3"]:
            return None
        last = self.history.speakers[-1][1] if self.history.speakers else ""
        if morph.get("Number") == ["Plur"]:
            return last if self.types.get(last) in _BODIES else None
        gender = morph.get("Gender")
        if not gender:  # a present tense shows no gender: only the person who spoke last
            return last if self.types.get(last) == "PERSON" else None
        for _, eid in reversed(self.history.speakers):
            known = self._gender(eid)
            if set(gender) & known or (not known and gender != ["Neut"]):
                return eid
        return None

    def link(
        self,
        span: Span | None,
        at: int,
        route: str | None,
        cue: Span | None,
        content: Sequence[Span] = (),
    ) -> str | None:
        """The entity id the speaker phrase ``span`` (or, without one, the cue) stands for."""
        lex = self.lex
        if span is None:
            # «…», — говорится в заявлении: the document's body speaks; 'Сообщается, что'
            # names no document and no body
            if documented(self.sdoc, cue, content, lex):
                return self._last_body() or self._nearest_body(at, route)
            return self._dropped_subject(cue, at)
        words = self._words(span)
        lemmas = [norm(t.lemma_) for t in words]
        first_noun = next((t for t in words if t.pos_ in ("NOUN", "PROPN", "PRON")), None)
        if first_noun is not None and norm(first_noun.lemma_) in lex.anonymous_nouns:
            return None  # an unnamed source, whatever place or body it is placed in
        if any(w in lex.anonymous_nouns for w in lemmas) and not any(
            t.pos_ == "PROPN" for t in words
        ):
            return None
        if (
            len(words) == 1
            and lemmas[0] in lex.person_pronouns | {norm(words[0].text)} & lex.person_pronouns
        ):
            for _, eid in reversed(self.history.speakers):
                if self.types.get(eid) == "PERSON":
                    return eid
            return _nearest_before(self.entities, span[0], lambda e: e.type == "PERSON")
        if len(words) == 1 and lemmas[0] in lex.group_pronouns:
            return self._last_body()
        eid = _mention_entity(self.entities, span, frozenset({"PERSON"}))
        if eid is not None:
            return eid
        proper = {norm(t.text) for t in words if t.text[:1].isupper()} | {
            norm(t.lemma_) for t in words if t.text[:1].isupper()
        }
        for pid, names in self._lemmas.items():
            if proper & names:
                return pid
        eid = _mention_entity(self.entities, span)
        titled = first_noun is not None and norm(first_noun.lemma_) in lex.title_nouns
        if eid is not None and eid != route and not titled:
            # 'ексміністр оборони України': a title's genitive names where the person
            # served, not who speaks
            return eid
        eid = self._titled(words, lemmas, span[0])
        if eid is not None:
            return eid
        if first_noun is not None and norm(first_noun.lemma_) in lex.outlet_nouns:
            return self._outlet_before(span[0])
        if any(w in lex.org_nouns | lex.document_nouns | lex.representative_nouns for w in lemmas):
            return self._taken_up_body(words, span[0], route)
        return None


def to_quotes(
    text: str,
    sdoc: Any,
    found: list[Found],
    entities: Sequence[Entity],
    lex: Lexicon,
    furniture: Sequence[Span] = (),
) -> list[Quote]:
    """Public quote records: speakers and routes linked to entities.

    Speakers are linked without the entities' mentions in ``furniture`` (the dateline
    and byline: the agency that filed a dispatch never speaks in it); routes to all.
    """
    linker = SpeakerLinker(text, sdoc, speaker_candidates(entities, furniture), lex)
    names = {e.id: e.name for e in entities}
    out: list[Quote] = []
    for n, f in enumerate(found, start=1):
        via = None
        if f.addressee is not None:
            tok = sdoc[f.addressee]
            via = _mention_entity(entities, (tok.idx, tok.idx + len(tok.text)), _ORG)
        if via is not None:
            linker.routes.append(via)
        eid = linker.link(f.speaker, f.span[0], via, f.cue, f.parts)
        if eid == via:
            eid = None
        if eid is not None:
            linker.history.speakers.append((f.span[0], eid))
        speaker = None
        if f.speaker is not None or eid is not None:
            shown = names[eid] if eid is not None else text[f.speaker[0] : f.speaker[1]]  # type: ignore[index]
            speaker = Speaker(f.speaker, shown, eid)
        parts = tuple(f.parts) if len(f.parts) > 1 else ()
        out.append(Quote(f"q{n}", f.kind, f.span, f.cue, speaker, via, parts, f.score))
    return out
