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


@lru_cache(maxsize=200_000)
def parses(word: str, language: str) -> tuple[Any, ...]:
    """All pymorphy3 parses of ``word``, most likely first."""
    return tuple(analyzer(language).parse(word))
