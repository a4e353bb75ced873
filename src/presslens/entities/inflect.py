"""Base forms of Russian and Ukrainian names ("Службы внешней разведки" -> "Служба ...").

Names inflect with their sentence ("у Києві", "до Києва"), so a name is shown
and compared in its nominative. Normalising word by word is wrong for phrases
("Служба внешняя разведка"): only the *head* noun and the adjectives agreeing
with it before it change; what follows the head is a complement in the
genitive ("безпеки України", "внешней разведки") and stays as written.

* Organisations and places: the head is the first word that is not an
  adjective; it goes to the nominative in its own number, and the adjectives
  before it take its case's nominative in its gender and number. Words in
  quotation marks are names of their own and never inflect ("ТОВ «Укргеоекологія»").
* People: every word is a first name, patronymic or surname in the same case;
  the gender comes from the first name when there is one ("Сергея Нарышкина"
  -> "Сергей Нарышкин"); a lone surname keeps every reading it has (see
  :func:`surname_forms`), so that the mention of a known person can pick his.

All choices read pymorphy3's dictionary only; nothing depends on which names
these are.
"""

from __future__ import annotations

import re
from typing import Any

from presslens.entities.morph import parses
from presslens.entities.names import is_acronym

_PERSON_MARKS = frozenset({"Name", "Surn", "Patr"})
_WORD = re.compile(r"\S+")
_QUOTES = frozenset('«»„“”"')


def _cased_like(form: str, surface: str) -> str:
    """``form`` spelled in the case pattern of ``surface`` (shouted words get title case)."""
    if surface[:1].isupper():
        parts = form.split("-")
        surface_parts = surface.split("-")
        out = []
        for i, part in enumerate(parts):
            model = surface_parts[i] if i < len(surface_parts) else surface_parts[-1]
            out.append(part[:1].upper() + part[1:] if model[:1].isupper() else part)
        return "-".join(out)
    return form


def _inflected(parse: Any, grammemes: set[str]) -> str | None:
    try:
        found = parse.inflect(grammemes)
    except (ValueError, KeyError):
        return None
    return found.word if found is not None else None


def _acronym(word: str, language: str, shouted: bool = False) -> bool:
    """An acronym, not a word in capitals: "СБУ" is one, a dateline's "КИЇВ" is not.

    Only place names (``shouted``) are read as shouted words: an agency's
    capitals ("ТАСС") are its name.
    """
    if not is_acronym(word):
        return False
    if len(word) <= 3 or not shouted:
        return True
    found = parses(word, language)
    return any("Abbr" in p.tag.grammemes for p in found) or not any(p.is_known for p in found)


def _nominative(parse: Any, grammemes: set[str]) -> str | None:
    """The nominative of a reading in its own number.

    pymorphy3-uk files some singular nominatives without a case ("директор"),
    so asking for the nominative finds the plural ("директори"); a singular
    reading then takes its dictionary form, which is the nominative singular.
    """
    form = _inflected(parse, grammemes)
    if "plur" in parse.tag.grammemes or "Pltm" in parse.tag.grammemes:
        return form
    if form is None:
        return parse.normal_form
    try:
        found = parse.inflect(grammemes)
    except (ValueError, KeyError):
        found = None
    if found is not None and "plur" in found.tag.grammemes:
        return parse.normal_form
    return form


def _fixed(word: str, language: str = "ru", shouted: bool = False) -> bool:
    """Words that never inflect here: acronyms, numbers, words with quotation marks or digits."""
    return (
        _acronym(word, language, shouted)
        or any(c in _QUOTES for c in word)
        or any(c.isdigit() for c in word)
        or not any(c.isalpha() for c in word)
    )


def _noun_parse(
    word: str, language: str, person: bool, case: str | None = None, title: bool = False
) -> Any:
    """The reading of a head noun: a noun, a name only for people, the given case first.

    A title's head names one person: singular and animate readings first
    ("голови" is "голова" in the genitive, not the plural "голови").
    """
    found = [p for p in parses(word, language) if p.tag.POS == "NOUN"]
    if not found:
        return None

    def rank(indexed: tuple[int, Any]) -> tuple[int, int, int, int, int]:
        i, p = indexed
        grammemes = p.tag.grammemes
        is_name = bool(grammemes & _PERSON_MARKS)
        one_person = "anim" in grammemes and not grammemes & {"plur", "Pltm"}
        return (
            0 if not title or one_person else 1,
            0 if is_name == person else 1,
            0 if case is None or p.tag.case == case else 1,
            0 if "Geox" in grammemes or "Orgn" in grammemes else 1,
            i,
        )

    return min(enumerate(found), key=rank)[1]


def _adjective_parse(word: str, language: str) -> Any:
    for p in parses(word, language):
        if p.tag.POS in ("ADJF", "PRTF"):
            return p
    return None


def phrase_base_form(name: str, language: str, shouted: bool = False, title: bool = False) -> str:
    """The nominative of an organisation's or a place's name (see the module notes).

    ``shouted``: words in capitals may be ordinary words set in capitals
    (a dateline's "КИЇВ"), as for places; otherwise they are acronyms.
    ``title``: the phrase is a person's title ("голови СБУ" -> "голова СБУ").
    """
    words = _WORD.findall(name)
    if not words or any(c in _QUOTES for c in name[: name.find(words[0]) + 1]):
        return name
    head_at = None
    adjectives: list[Any] = []
    for i, word in enumerate(words):
        if _fixed(word, language, shouted):
            break
        adj = _adjective_parse(word, language)
        first = parses(word, language)
        leading_adjective = bool(first) and first[0].tag.POS in ("ADJF", "PRTF")
        if adj is not None and leading_adjective and i < len(words) - 1:
            adjectives.append(adj)
            continue
        head_at = i
        break
    if head_at is None:
        return name
    case = adjectives[-1].tag.case if adjectives else None
    head = _noun_parse(words[head_at], language, person=False, case=case, title=title)
    if head is None and not adjectives:
        return name
    out = list(words)
    number = head.tag.number if head is not None else None
    # A reading without a case (pymorphy3-uk lists some nominatives so) stays as written.
    if head is not None and head.tag.case not in ("nomn", None):
        form = _nominative(head, {"nomn", number} if number else {"nomn"})
        if form:
            out[head_at] = _cased_like(form, words[head_at])
    elif head is not None and words[head_at].isupper() and len(words[head_at]) > 3:
        out[head_at] = _cased_like(head.word, words[head_at].capitalize())
    gender = head.tag.gender if head is not None else None
    for i, adj in enumerate(adjectives):
        if number == "plur":
            grammemes = {"nomn", "plur"}
        else:
            singular = {"sing"} if "sing" in adj.tag.grammemes else set()
            grammemes = {"nomn", gender or "masc"} | singular
        form = _inflected(adj, grammemes)
        if form:
            out[i] = _cased_like(form, words[i])
    return _rejoin(name, words, out)


def _rejoin(name: str, words: list[str], out: list[str]) -> str:
    """``name`` with each word replaced, its spacing kept."""
    pieces = []
    at = 0
    for word, new in zip(words, out, strict=True):
        start = name.index(word, at)
        pieces.append(name[at:start])
        pieces.append(new)
        at = start + len(word)
    pieces.append(name[at:])
    return "".join(pieces)


def _person_gender(words: list[str], language: str) -> str | None:
    """The gender of the first name: the one with more singular readings of it."""
    for word in words[:-1] or words:
        votes = {"masc": 0, "femn": 0}
        for p in parses(word, language):
            grammemes = p.tag.grammemes
            if "Name" in grammemes and p.tag.gender in votes and "plur" not in grammemes:
                votes[p.tag.gender] += 1
        if any(votes.values()):
            return max(votes, key=lambda g: (votes[g], g == "masc"))
    return None


def _person_word(word: str, language: str, gender: str | None) -> str:
    if _fixed(word, language) or len(word) <= 2 or word.endswith("."):
        return word
    if word[-1:].lower() in _CONSONANTS and _unknown(word, language):
        return word  # 'Олаф': a foreign man's name as written, not a guessed inflection
    found = [p for p in parses(word, language) if p.tag.grammemes & _PERSON_MARKS]
    found = [p for p in found if "plur" not in p.tag.grammemes] or found
    if gender:
        found = [p for p in found if p.tag.gender == gender] or found
    if not found:
        noun = _noun_parse(word, language, person=True)
        found = [noun] if noun is not None else []
    if not found:
        return word
    best = found[0]
    if best.tag.case == "nomn":
        return word if not word.isupper() else _cased_like(best.word, word.capitalize())
    grammemes = {"nomn"} | ({gender} if gender else set())
    if "sing" in best.tag.grammemes:
        grammemes.add("sing")
    form = _inflected(best, grammemes) or _inflected(best, {"nomn"}) or best.normal_form
    return _cased_like(form, word)


# one case's endings after a consonant, and the case: instrumental, genitive, dative,
# locative (Russian -е, Ukrainian -і)
_OBLIQUE_ENDINGS = (
    (("ом", "ем"), "ablt"),
    (("а",), "gent"),
    (("у",), "datv"),
    (("е", "і"), "loct"),
)
_CONSONANTS = frozenset("бвгджзйклмнпрстфхцчшщ")


def _unknown(word: str, language: str) -> bool:
    return not any(p.is_known for p in parses(word, language))


def _masculine_name_in(word: str, case: str, language: str) -> str | None:
    """The nominative of a man's first name or surname the dictionary knows in ``case``."""
    for p in parses(word, language):
        marks = p.tag.grammemes
        if p.is_known and marks & {"Name", "Surn"} and "masc" in marks and p.tag.case == case:
            return p.normal_form
    return None


def _foreign_masculine_stems(words: list[str], language: str) -> list[str] | None:
    """'Олафа Шольца', 'Олафом Шольцем': a man's name in an oblique case, each word with
    that case's ending after a consonant, and each either unknown to the dictionary or
    known there as a man's name in that case: the stems (the known words' dictionary
    forms) are the nominative ('Олаф Шольц'; the guesser read 'Олафа' as a feminine
    nominative and 'Шольца' / 'Шольцем' as forms of 'Шолец'). None otherwise; a name
    no word of which is a guess keeps the dictionary's reading."""
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return None
    if not any(_unknown(w, language) for w in words):
        return None
    for endings, case in _OBLIQUE_ENDINGS:
        out = []
        for w in words:
            ending = next((e for e in endings if w.lower().endswith(e)), None)
            stem = w[: -len(ending)] if ending else ""
            if len(stem) < 2 or stem[-1].lower() not in _CONSONANTS:
                break
            known = None if _unknown(w, language) else _masculine_name_in(w, case, language)
            if known is None and not _unknown(w, language):
                break
            out.append(_cased_like(known, w) if known else stem)
        else:
            return out
    return None


def person_base_form(name: str, language: str) -> str:
    """The nominative of a person's name, gender read from the first name."""
    words = _WORD.findall(name)
    if not words:
        return name
    stems = _foreign_masculine_stems(words, language)
    if stems is not None:
        return _rejoin(name, words, stems)
    gender = _person_gender(words, language) if len(words) > 1 else None
    if len(words) > 1 and _nominative_name(words[0], language):
        # 'Александр Стубб': a first name that can only be nominative puts the whole name
        # in the nominative, so a foreign surname stays as written (the dictionary read
        # 'Стубб' as the genitive plural of 'Стуббы')
        out = [w if not w.isupper() else _person_word(w, language, gender) for w in words]
        return _rejoin(name, words, out)
    return _rejoin(name, words, [_person_word(w, language, gender) for w in words])


def _nominative_name(word: str, language: str) -> bool:
    """A first name every singular dictionary reading of which is a nominative
    ('Александр'; not 'Александра', which is also the genitive of 'Александр')."""
    names = [p for p in parses(word, language) if {"Name", "sing"} <= set(p.tag.grammemes)]
    return bool(names) and all(p.tag.case == "nomn" for p in names)


def surname_forms(word: str, language: str) -> list[str]:
    """Every nominative a lone surname can stand for ("Нарышкина": -на, -н), likeliest first."""
    out = [person_base_form(word, language)]
    for p in parses(word, language):
        if p.tag.grammemes & _PERSON_MARKS or p.tag.POS == "NOUN":
            for gender in ("masc", "femn"):
                number = {"sing"} if "sing" in p.tag.grammemes else set()
                form = _inflected(p, {"nomn", gender} | number)
                if form:
                    out.append(_cased_like(form, word))
    return list(dict.fromkeys(out))


def base_form(name: str, type_: str, language: str) -> str:
    """The base form of a name of ``type_`` (PERSON, ORG or PLACE)."""
    if type_ == "PERSON":
        return person_base_form(name, language)
    return phrase_base_form(name, language, shouted=type_ == "PLACE")
