"""Sentence vectors of the training posts, kept in a cache outside the repository.

Why a cache: the encoder reads about 200 posts a minute on one core, so the 3,058
posts take a quarter of an hour; a retrain with other knobs should not pay that again.
The cache holds vectors only (float16, keyed by post id and a hash of its text), never
the texts, in ``PRESSLENS_VECTOR_CACHE`` (default under ``/tmp``).
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from presslens.corpora.unlp2025 import Post
from presslens.manipulation.features import tokenize
from presslens.manipulation.sentence_vectors import sentence_vectors

CACHE = Path(
    os.environ.get("PRESSLENS_VECTOR_CACHE", "/tmp/presslens-unlp2025-sentence-vectors.pkl")
)


def _key(post: Post) -> str:
    return post.id + ":" + hashlib.sha1(post.text.encode("utf-8")).hexdigest()[:16]


def post_vectors(
    posts: Sequence[Post], log: Callable[[str], None] = print, cache: Path = CACHE
) -> list[np.ndarray]:
    """Each post's sentence vectors (:func:`presslens.manipulation.sentence_vectors`)."""
    store: dict[str, np.ndarray] = {}
    if cache.is_file():
        store = pickle.loads(cache.read_bytes())
    missing = [p for p in posts if _key(p) not in store]
    if missing:
        log(f"sentence vectors: {len(missing)} posts to encode (about 200 a minute)")
    for n, post in enumerate(missing, 1):
        vectors = sentence_vectors(post.text, tokenize(post.text, post.lang))
        store[_key(post)] = vectors.astype(np.float16)
        if n % 200 == 0 or n == len(missing):
            log(f"sentence vectors: {n} of {len(missing)}")
            cache.write_bytes(pickle.dumps(store))
    return [store[_key(p)].astype(np.float32) for p in posts]
