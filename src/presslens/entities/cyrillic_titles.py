"""Titles before Russian and Ukrainian names, read from morphology ("міністр закордонних справ").

A title precedes the name as a noun phrase in the name's case: a head noun
("міністр", "голова", "директор"), then adjectives, genitive complements and
acronyms ("закордонних справ України", "СБУ"). So the words right before the
name are collected while they are nouns, adjectives or capitalised words
(no verb, preposition or punctuation between), and the phrase starts at the
first lowercase noun that can be in the name's case: "за словами Малюка" is
no title ("словами" is instrumental, "Малюка" genitive), "з головою МЗС Польщі
Радославом Сікорським" is one. A word capitalised only because it starts the
sentence may head the title ("Президент України Володимир Зеленський").
"""

from __future__ import annotations

import re

from presslens.entities.morph import parses
from presslens.entities.names import is_acronym

_WORD_BEFORE = re.compile(r"([^\W\d_]+(?:['’ʼ\-][^\W\d_]+)*)([ \t]+)$")
_SENTENCE_START = re.compile(r"(?:^|[.!?…:;«\"„“(—–-]\s*|\n\s*)$")
_MAX_WORDS = 6
_PHRASE_POS = frozenset({"NOUN", "ADJF", "PRTF", "NUMR"})
_NAME_MARKS = frozenset({"Name", "Surn", "Patr", "Geox"})


def _cases(word: str, language: str) -> set[str]:
    """The cases a noun can be in; pymorphy3-uk lists some nominatives without a case."""
    return {p.tag.case or "nomn" for p in parses(word, language) if p.tag.POS == "NOUN"}


def _phrase_word(word: str, language: str) -> bool:
    if is_acronym(word) or word[:1].isupper():
        return True
    if _function_word(word, language):
        return False
    return any(p.tag.POS in _PHRASE_POS for p in parses(word, language))


def _function_word(word: str, language: str) -> bool:
    """A preposition, conjunction or particle in any reading: pymorphy3's Ukrainian
    dictionary also lists 'про' as an indeclinable noun, which let a title run back
    over 'про можливу відставку уряду' to the noun before."""
    return any(p.tag.POS in _FUNCTION_POS for p in parses(word.lower(), language))


_FUNCTION_POS = frozenset({"PREP", "CONJ", "PRCL"})


def common_noun(word: str, language: str) -> bool:
    if _function_word(word, language):
        return False
    found = [p for p in parses(word.lower(), language) if p.tag.POS == "NOUN"]
    return bool(found) and not any(p.tag.grammemes & _NAME_MARKS for p in found)


def opens_sentence(text: str, pos: int) -> bool:
    """Whether the word at ``pos`` opens a line or a sentence."""
    return bool(_SENTENCE_START.search(text[max(0, pos - 3) : pos]))


def title_before(text: str, start: int, language: str) -> str | None:
    """The title phrase ending right before the name at ``start``, or None."""
    name = re.match(r"[^\W\d_]+", text[start:])
    if name is None:
        return None
    name_cases = _cases(name.group(), language)
    words: list[tuple[int, str]] = []
    at = start
    while len(words) < _MAX_WORDS:
        match = _WORD_BEFORE.search(text, max(0, at - 60), at)
        if match is None or not _phrase_word(match.group(1), language):
            break
        words.insert(0, (match.start(1), match.group(1)))
        at = match.start(1)
    for i, (pos, word) in enumerate(words):
        lowercase = word[:1].islower()
        at_start = opens_sentence(text, pos) and i == 0
        if not (lowercase or at_start) or not common_noun(word, language):
            continue
        cases = _cases(word.lower(), language)
        if not cases or not name_cases or cases & name_cases:
            return text[pos:start].strip()
        # a noun in another case is a complement ('за словами Малюка', 'відставку уряду
        # речник президента Сергій ...'): the title, if any, begins after it
    return None


def title_form(title: str, language: str) -> str:
    """A title as shown: head in the nominative, a sentence-initial capital dropped.

    >>> title_form("Директора СБУ", "uk")
    'директор СБУ'
    """
    from presslens.entities.inflect import phrase_base_form

    form = phrase_base_form(title, language, title=True)
    first = form.split(" ", 1)[0]
    if first[:1].isupper() and not is_acronym(first) and common_noun(first, language):
        form = form[:1].lower() + form[1:]
    return form


def from_head(title: str, name: str, language: str) -> str | None:
    """The title from its head noun: the first common noun that can be in the name's
    case, the words before it dropped ('про можливу відставку уряду речник президента'
    before 'Сергій Никифоров', as the tagger spanned it: 'речник президента'); None
    when no noun is in that case ('журналістам' before 'Петро')."""
    first = re.match(r"[^\W\d_]+", name)
    name_cases = _cases(first.group(), language) if first else set()
    words = list(re.finditer(r"[^\W\d_]+(?:['’ʼ\-][^\W\d_]+)*", title))
    for n, word in enumerate(words):
        if is_acronym(word.group()) or not common_noun(word.group(), language):
            continue
        cases = _cases(word.group().lower(), language)
        if cases and name_cases and not cases & name_cases:
            continue
        while n > 0 and _adjective(words[n - 1].group(), language):
            n -= 1  # its adjectives: 'перший заступник', 'головний редактор'
        return title[words[n].start() :].strip()
    return None


def _adjective(word: str, language: str) -> bool:
    return any(p.tag.POS in ("ADJF", "PRTF") for p in parses(word.lower(), language))


def best_title(tagged: str | None, read: str | None) -> str | None:
    """The tagger's JOB span, or the morphology's phrase when it holds that span and more."""
    if tagged is None:
        return read
    if read is not None and len(read) > len(tagged) and read.endswith(tagged):
        return read
    return tagged
