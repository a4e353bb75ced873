"""Design matrices for the manipulation model, from :mod:`presslens.manipulation.features`."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from presslens.corpora.unlp2025 import TECHNIQUES, Post
from presslens.manipulation.features import tagger_rows, text_features


def post_matrix(posts: list[Post], dim: int) -> sp.csr_matrix:
    rows = [text_features(p.text, p.lang, dim) for p in posts]
    indptr = np.cumsum([0] + [len(r[0]) for r in rows])
    return sp.csr_matrix(
        (
            np.concatenate([r[1] for r in rows]) if rows else np.zeros(0),
            np.concatenate([r[0] for r in rows]) if rows else np.zeros(0, dtype=np.int64),
            indptr,
        ),
        shape=(len(posts), dim),
    )


def post_targets(posts: list[Post]) -> np.ndarray:
    """Column 0: manipulative; columns 1..10: the techniques in ``TECHNIQUES`` order."""
    return np.array(
        [[p.manipulative, *(t in p.techniques for t in TECHNIQUES)] for p in posts], dtype=bool
    )


def token_gold(post: Post, tokens: list[tuple[int, int]]) -> np.ndarray:
    """A token is manipulative when it overlaps a gold span."""
    covered = np.zeros(len(post.text) + 1, dtype=bool)
    for s, e in post.spans:
        covered[s:e] = True
    return np.array([covered[s:e].any() for s, e in tokens], dtype=bool)


@dataclass
class TokenDesign:
    """The tagger's rows (without the text-level logit column, added per fit) and labels."""

    matrix: sp.csr_matrix
    gold: np.ndarray
    post: np.ndarray
    """Index of the post each token belongs to."""
    sentence: np.ndarray
    """A corpus-wide sentence number per token (for smoothing)."""


def token_design(posts: list[Post], dim: int) -> TokenDesign:
    indices: list[np.ndarray] = []
    values: list[np.ndarray] = []
    gold: list[np.ndarray] = []
    post: list[np.ndarray] = []
    sentence: list[np.ndarray] = []
    offset = 0
    for k, p in enumerate(posts):
        rows = tagger_rows(p.text, p.lang, dim, post_bag=False)
        indices.extend(rows.indices)
        values.extend(rows.values)
        gold.append(token_gold(p, rows.tokens.spans))
        post.append(np.full(len(rows.indices), k))
        sent = np.asarray(rows.tokens.sentence, dtype=np.int64) + offset
        sentence.append(sent)
        offset = int(sent.max()) + 1 if len(sent) else offset
    indptr = np.cumsum([0] + [len(i) for i in indices])
    matrix = sp.csr_matrix(
        (np.concatenate(values), np.concatenate(indices), indptr), shape=(len(indices), dim)
    )
    matrix.sum_duplicates()
    return TokenDesign(matrix, np.concatenate(gold), np.concatenate(post), np.concatenate(sentence))


def with_logit(matrix: sp.csr_matrix, logit: np.ndarray) -> sp.csr_matrix:
    """The token rows plus one last column holding each token's text-level logit."""
    return sp.hstack([matrix, sp.csr_matrix(logit.reshape(-1, 1))], format="csr")
