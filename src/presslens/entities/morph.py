"""pymorphy3 analysers for Russian and Ukrainian, loaded once per process.

Names in these languages inflect (Києва, Києві; Москву, Москве), so finding,
normalising and merging them all read the same morphology. Parses are cached by
word form: news repeats its words.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any

_lock = threading.Lock()
LANGUAGES = frozenset({"ru", "uk"})


@lru_cache(maxsize=2)
def analyzer(language: str) -> Any:
    """The pymorphy3 analyser of ``language`` ("ru" or "uk")."""
    import pymorphy3

    with _lock:
        return pymorphy3.MorphAnalyzer(lang=language)


# Ukrainian prints its apostrophe as ’ (U+2019) or ʼ (U+02BC) as often as ', but
# pymorphy3's dictionaries spell every word with ': 'інтерв’ю', 'п’ятниці',
# 'прем’єр' are unknown words to them, read by their endings as surnames or
# adjectives (and a title such as 'прем’єр-міністр' is not found).
_DICTIONARY_APOSTROPHE = str.maketrans({"’": "'", "ʼ": "'"})


def spelled(word: str) -> str:
    """``word`` with its apostrophes as the dictionaries write them."""
    return word.translate(_DICTIONARY_APOSTROPHE)


@lru_cache(maxsize=200_000)
def parses(word: str, language: str) -> tuple[Any, ...]:
    """All pymorphy3 parses of ``word``, most likely first."""
    return tuple(analyzer(language).parse(spelled(word)))
