"""A language's attribution resources: the words the shared quotes and sourcing code reads.

Why data and not code: "a language is a set of resources a stage uses, not a
parallel pipeline". The extractor for languages parsed into Universal
Dependencies (:mod:`presslens.attribution.reported`) and the basis rules
(:mod:`presslens.attribution.bases`) are one piece of code; Russian and Ukrainian
differ only in the lemmas and phrase patterns listed in ``lexicon_ru`` and
``lexicon_uk``. Lemmas are compared with ``ё`` read as ``е`` and in lower case.
No entry names a party (country, agency, person), so swapping parties changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import import_module


def lemmas(text: str) -> frozenset[str]:
    """A lemma list written as one string, normalised (``ё`` -> ``е``)."""
    return frozenset(norm(w) for w in text.split())


def with_former(titles: frozenset[str], prefix: str) -> frozenset[str]:
    """Titles with their 'former' forms ('экс-министр', 'ексміністр'): a former minister
    is named by the title as the minister is."""
    return titles | {f"{prefix}{t}" for t in titles} | {f"{prefix}-{t}" for t in titles}


def norm(word: str) -> str:
    return word.lower().replace("ё", "е")


@dataclass(frozen=True)
class Lexicon:
    """Cue lemmas, complementisers, phrase cues, nominals and sourcing patterns of one language."""

    language: str
    # Verbs of saying: a cue with a что-clause, beside a quotation, or with the reported
    # clause before them ("..., сообщили ТАСС").
    speech_verbs: frozenset[str]
    # Verbs of knowing/believing: a cue only with a что-clause ("считает, что"); also
    # the short adjectives of conviction ("убеждён, что", "переконана, що") and "не
    # исключил, что" (not ruling out is a stance on the clause).
    thought_verbs: frozenset[str]
    # Passive-impersonal verbs whose locative names a document ("говорится в заявлении").
    document_verbs: frozenset[str]
    complementisers: frozenset[str]  # что / що
    as_words: frozenset[str]  # как / як ("как сообщает X", "как отметил X")
    # "по словам X" / "за словами X": (preposition, noun lemma).
    according: tuple[tuple[str, str], ...]
    locative_preps: frozenset[str]  # в / во / на / у
    # Nominals that stand for a body that spoke: the press office, the agency, the ministry.
    org_nouns: frozenset[str]
    # Documents a body issues ("заявление", "сообщение"): they speak for the last body.
    document_nouns: frozenset[str]
    # Unnamed people: anonymous sources without a name beside them.
    anonymous_nouns: frozenset[str]
    # People words that make a name a person ("министр", "директор").
    title_nouns: frozenset[str]
    # Representatives of a body speak for it ("представитель пресс-бюро").
    representative_nouns: frozenset[str]
    # Generic people ("эксперт", "дипломат"): named only with a name beside them.
    people_nouns: frozenset[str]
    # "по данным X" / "за даними X": a cue only when X follows (else unverifiable).
    data_nouns: frozenset[str]
    # Conjunctions that join a second report to the first ("..., и добавил, что").
    conjunctions: frozenset[str]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    first_person: frozenset[str]
    # Knowledge asserted without evidence, and anonymous sourcing phrases (regexes,
    # matched case-insensitively on the text; inflections and inserted words allowed).
    unverifiable: tuple[re.Pattern[str], ...] = field(default=())
    anonymous_phrases: tuple[re.Pattern[str], ...] = field(default=())
    # A report that cites unnamed sources ("сообщает X со ссылкой на источники") rests on them.
    citing_anonymous: tuple[re.Pattern[str], ...] = field(default=())
    # A source who asked not to be named, whatever the title ('представитель Пентагона,
    # пожелавший остаться неизвестным'), as English 'spoke on condition of anonymity'.
    anonymity: tuple[re.Pattern[str], ...] = field(default=())
    # The words that open a report of the sentence before: "Об этом сообщил X" / "Про це
    # повідомив X" (lowercase, as written).
    about_this: tuple[tuple[str, str], ...] = ()
    # The words by which a relaying outlet names whom it cites: "сообщает CNN со ссылкой
    # на X" / "з посиланням на X" (lowercase, as written): X speaks, the outlet relays.
    citing: tuple[tuple[str, ...], ...] = ()
    # Verbs of naming: with a quotation after them a report of the speaker's words
    # ("назвал санкции «выстрелом себе в ногу»"), as English 'called them "a disaster"'.
    naming_verbs: frozenset[str] = frozenset()
    # What words are said in, not who says them: 'в интервью телеканалу', 'в ефірі
    # радіо' name a medium, though a body's noun follows in the genitive.
    medium_nouns: frozenset[str] = frozenset()
    # Outlets ('издание', 'видання', 'газета', 'телеканал'): one named bare ('как отмечает
    # издание') is the outlet the text has named as one, not the last body that spoke.
    outlet_nouns: frozenset[str] = frozenset()
    # Verbs whose object is the speaker and whose subject relays ('цитирует министра
    # агентство Bloomberg', 'цитує міністра агентство').
    quoting_verbs: frozenset[str] = frozenset()
    # 'По нашему мнению', 'За нашими даними': the outlet's own voice, no one's report.
    own_possessives: frozenset[str] = frozenset()
    # Months and weekdays: a date before the verb ('в четверг, 26 октября сообщили') is
    # no one who speaks.
    calendar: frozenset[str] = frozenset()
    # Relative pronouns: 'Представитель Пентагона, который пожелал ...,' modifies the
    # noun before it; the verb inside is the clause's, not the report's.
    relatives: frozenset[str] = frozenset()
    # Kinds of institution a bare noun names ('суд', 'прокуратура'): 'Суд указал' takes up
    # a court named before, not whichever organisation was named last.
    institutions: frozenset[str] = frozenset()

    def is_speech(self, lemma: str) -> bool:
        return norm(lemma) in self.speech_verbs

    def is_thought(self, lemma: str) -> bool:
        return norm(lemma) in self.thought_verbs


def patterns(*texts: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(t, re.IGNORECASE) for t in texts)


LANGUAGES = ("ru", "uk")


def for_language(language: str | None) -> Lexicon | None:
    """The lexicon of ``language``, or None where attribution uses the English path."""
    if language not in LANGUAGES:
        return None
    return import_module(f"presslens.attribution.lexicon_{language}").LEXICON
