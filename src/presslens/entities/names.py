"""Comparing names: keys, acronyms, initials and place qualifiers.

Merging mentions is string work on names, and the same names arrive in several
spellings: curly or straight apostrophes, all-caps datelines ("MOSCOW"),
possessives, and country qualifiers ("the Russian SVR", "Russia's Foreign
Intelligence Service"). These helpers put them on one footing. None of them knows
any particular country, agency or person: a qualifier is compared with a qualifier
by spelling only, the same way for every side.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Words that never start a name and are dropped from its front: determiners.
DETERMINERS = frozenset({"the", "a", "an"})
# Function words inside names ("Ministry of Defence"): ignored for initials, and
# never the first or last word of a name.
CONNECTORS = frozenset({"of", "for", "and", "on", "the", "de", "du", "des", "la", "le", "&", "in"})

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
_POSSESSIVE = re.compile(r"['’]s?$")
_TOKEN = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*\.?")
_ACRONYM = re.compile(r"^[^\W\d_a-zа-яё][^\W_a-zа-яё]{1,7}$")


def tokens(name: str) -> list[str]:
    """Words of a name, punctuation dropped. ``tokens("Asia-Pacific region")`` keeps the hyphen."""
    return _TOKEN.findall(name)


@lru_cache(maxsize=1 << 16)
def key(name: str) -> str:
    """A comparison key: casefolded, apostrophes unified, possessive and spacing dropped.

    Remembered: merging compares every pair of mentions, so one name is keyed many times.

    >>> key("the  Ukraine’s") == key("UKRAINE")
    True
    """
    words = [w for w in tokens(name.translate(_APOSTROPHES))]
    while words and words[0].casefold() in DETERMINERS:
        words.pop(0)
    if words:
        words[-1] = _POSSESSIVE.sub("", words[-1])
    return " ".join(w.casefold() for w in words if w)


def is_acronym(name: str) -> bool:
    """An all-capital word of 2-8 letters or digits, starting with a letter ("SVR", "G7").

    >>> is_acronym("SVR"), is_acronym("СВР"), is_acronym("Moscow"), is_acronym("I")
    (True, True, False, False)
    """
    return bool(_ACRONYM.match(name.strip()))


@lru_cache(maxsize=1 << 16)
def initials(name: str) -> str:
    """Initials of a name's content words, casefolded: "Ministry of Foreign Affairs" -> "mfa".

    Remembered, as :func:`key`.
    """
    words = [w for w in tokens(name) if w.casefold() not in CONNECTORS]
    out = []
    for w in words:
        parts = [p for p in w.split("-") if p]
        out.extend(p[0] for p in parts)
    return "".join(out).casefold()


def is_all_caps(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def qualifiers_compatible(a: str, b: str) -> bool:
    """Whether two place qualifiers can name the same side ("Russia" and "Russian").

    A country and its adjective share their stem in most languages written in
    Latin or Cyrillic script: the shorter word, less one final vowel, starts the
    longer one ("Ukrain|e" and "Ukrainian", "Chin|a" and "Chinese"). The rule is
    spelling only, so it treats every side alike; a pair it cannot join (an
    irregular adjective such as "French") keeps two entities apart rather than
    merging them wrongly.

    >>> qualifiers_compatible("Ukraine", "Ukrainian"), qualifiers_compatible("Iran", "Iraq")
    (True, False)
    """
    a, b = key(a), key(b)
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    stem = shorter[:-1] if shorter[-1:] in "aeiouyаеиоуыяэюь" and len(shorter) > 3 else shorter
    return len(stem) >= 3 and longer.startswith(stem)


# Demonym-like endings of capitalised words in Latin script ("Russian", "Chinese",
# "British", "Israeli"): such a word before an organisation's name is a qualifier.
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:an|ian|ese|ish|i)$")


def looks_like_demonym(word: str) -> bool:
    """Whether a capitalised word has the shape of a nationality adjective.

    >>> looks_like_demonym("Ukrainian"), looks_like_demonym("Foreign")
    (True, False)
    """
    return bool(_DEMONYM.match(word))
