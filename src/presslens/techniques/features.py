"""Hand-made span features the span classifier reads beside the encoder's states.

The probes found repetition and length cues help the span classifier: Repetition is
about the document (does this text occur elsewhere?), which a window cannot see, and
Slogans or Loaded_Language differ in length. Features are computed on masked text
(:mod:`.masking`) so that swapping names never changes them.
"""

from __future__ import annotations

import math
import re

import numpy as np

from presslens.document import Span
from presslens.techniques.masking import mask_names

N_FEATURES = 6
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Lowercased, single-spaced, names masked: the form repeats are counted in."""
    return _SPACE.sub(" ", mask_names(text).text.lower()).strip()


def occurrences(normalised_doc: str, phrase: str) -> int:
    """How often ``phrase`` (already normalised) occurs in the normalised document."""
    if not phrase:
        return 0
    return normalised_doc.count(phrase)


def span_features(text: str, span: Span, sentence: Span | None, normalised_doc: str) -> np.ndarray:
    """Length, repetition and sentence-coverage features of one span."""
    phrase = normalise(text[span[0] : span[1]])
    words = len(phrase.split())
    occ = occurrences(normalised_doc, phrase)
    if sentence is not None:
        whole = normalise(text[sentence[0] : sentence[1]])
        coverage = len(phrase) / max(1, len(whole))
    else:
        coverage = 0.0
    return np.array(
        [
            math.log1p(words) / 4.0,
            math.log1p(len(phrase)) / 6.0,
            1.0 if occ >= 2 else 0.0,
            math.log1p(max(occ - 1, 0)),
            min(coverage, 1.0),
            1.0 if ("!" in phrase or "?" in phrase) else 0.0,
        ],
        dtype=np.float32,
    )


def sentence_of(sentences: list[Span], span: Span) -> Span | None:
    """The sentence overlapping ``span`` the most."""
    best, best_overlap = None, 0
    for s in sentences:
        overlap = min(s[1], span[1]) - max(s[0], span[0])
        if overlap > best_overlap:
            best, best_overlap = s, overlap
    return best
