"""The `language` stage: the document's language as an ISO 639-1 code.

lingua-language-detector bundles its models (no download). It is restricted to
the languages in ``Settings.languages`` because loading all 75 costs ~1.3 GB and
6 s; and it loads only the models a text needs (its script rules the others out).
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any

_lock = threading.Lock()
# Enough text to decide; lingua's cost grows with length.
_SAMPLE_CHARS = 2000


@lru_cache(maxsize=4)
def _detector(codes: tuple[str, ...]) -> Any:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    langs = []
    for code in codes:
        iso = getattr(IsoCode639_1, code.upper(), None)
        if iso is not None:
            langs.append(Language.from_iso_code_639_1(iso))
    if len(langs) < 2:
        langs = [Language.ENGLISH, Language.RUSSIAN]
    with _lock:
        # Models load lazily, per language a text may be in: a Latin-script text never
        # loads the Cyrillic ones. Preloading them all cost 1.4 s of a 3.5 s `analyze`
        # and changes no answer (the same models decide, loaded later).
        return LanguageDetectorBuilder.from_languages(*langs).build()


def detect_language(text: str, languages: tuple[str, ...] = ("en", "ru", "uk")) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None when there is no letter to judge.

    >>> detect_language("The agency said the talks would resume on Monday.")
    'en'
    """
    sample = text[:_SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return None
    found = _detector(tuple(languages)).detect_language_of(sample)
    return None if found is None else found.iso_code_639_1.name.lower()
