"""Token-tagger variants tried against the shipped one, scored by 5-fold CV over the fit posts.

``python -m presslens_training.manipulation.explore [--crf]`` prints one row per variant:
token F1 (mean ± std over the folds, one threshold pooled over both languages) and the
paired difference to the shipped tagger per fold. The val split is not read. Every variant
uses the shipped post-level 'manipulative' model (shared features, C=1.0) out of fold, the
same folds and seed as ``presslens train techniques --data unlp2025``. Results: model card.
"""

from __future__ import annotations

import argparse
import math
import re

import numpy as np
import scipy.sparse as sp

from presslens.corpora import unlp2025
from presslens.corpora.unlp2025 import Post, folds
from presslens.eval.manipulation import f1_of
from presslens.manipulation.features import SENTENCE_END, bucket
from presslens_training.manipulation.design import (
    post_matrix,
    post_targets,
    token_design,
    with_logit,
)
from presslens_training.manipulation.fit import (
    POST_DIM,
    TAGGER_DIM,
    TOKEN_THRESHOLDS,
    K,
    _logits,
    _lr,
    fit_post,
    language_balanced,
    shared_support,
)

TOKEN = re.compile(r"\w+")
CLAUSE_MARKS = set(',;:—–()«»"“”„')
EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff]")
LINK = re.compile(r"https?://|t\.me/|www\.|@\w")


def group_mean(values: np.ndarray, group: np.ndarray) -> np.ndarray:
    return (np.bincount(group, values) / np.bincount(group))[group]


def clause_ids(posts: list[Post], sentence: np.ndarray) -> np.ndarray:
    """A corpus-wide clause number per token: sentences cut at , ; : dashes brackets quotes."""
    out, k = [], 0
    for p in posts:
        previous = None
        for m in TOKEN.finditer(p.text):
            if previous is not None and CLAUSE_MARKS & set(p.text[previous : m.start()]):
                k += 1
            out.append(k)
            previous = m.end()
        k += 1
    _, ids = np.unique(np.stack([np.asarray(out), sentence]).T, axis=0, return_inverse=True)
    return ids.ravel()


def _rows(features: list[list[str]]) -> sp.csr_matrix:
    indptr = np.cumsum([0] + [len(f) for f in features])
    indices = np.array([bucket("x:" + f, TAGGER_DIM) for fs in features for f in fs], np.int64)
    return sp.csr_matrix(
        (np.ones(len(indices)), indices, indptr), shape=(len(features), TAGGER_DIM)
    )


def extra_features(posts: list[Post]) -> tuple[sp.csr_matrix, sp.csr_matrix, sp.csr_matrix]:
    """Sentence (marks, emoji, link, caps, position, size), token (inside quotes/brackets,
    caps) and post-length (log2 buckets up to 9 instead of 6) features, as hashed rows."""
    sentence_rows: list[list[str]] = []
    token_rows: list[list[str]] = []
    length_rows: list[list[str]] = []
    for p in posts:
        text = p.text
        tokens = [(m.start(), m.end()) for m in TOKEN.finditer(text)]
        ends = [m.end() for m in SENTENCE_END.finditer(text)]
        sid, k = [], 0
        for s, _ in tokens:
            while k < len(ends) and ends[k] <= s:
                k += 1
            sid.append(k)
        bounds: dict[int, list[int]] = {}
        for i, u in enumerate(sid):
            bounds.setdefault(u, [i, i])[1] = i
        order = {u: i for i, u in enumerate(sorted(bounds))}
        per_sentence = {}
        for u, (a, b) in bounds.items():
            stop = tokens[b + 1][0] if b + 1 < len(tokens) else len(text)
            seg = text[tokens[a][0] : stop]
            words = [text[s:e] for s, e in tokens[a : b + 1]]
            f = [
                f"sidx={min(order[u], 4)}",
                f"slast={order[u] == len(bounds) - 1}",
                f"sn={min(6, int(math.log2(b - a + 2)))}",
                f"nsent={min(5, int(math.log2(len(bounds) + 1)))}",
            ]
            f += [name for name, mark in (("s!", "!"), ("s?", "?"), ("shash", "#")) if mark in seg]
            f += ["squote"] * any(c in seg for c in '«»"“”„')
            f += ["semoji"] * bool(EMOJI.search(seg))
            f += ["slink"] * bool(LINK.search(seg))
            f += ["scaps"] * any(len(w) > 2 and w.isupper() and not w.isdigit() for w in words)
            per_sentence[u] = f
        quote = bracket = last = 0
        size = f"len2={min(9, int(math.log2(len(tokens) + 1)))}"
        for i, (s, e) in enumerate(tokens):
            for ch in text[last:s]:
                quote += (ch == "«") - (ch == "»" and quote > 0)
                bracket += (ch == "(") - (ch == ")" and bracket > 0)
            last = e
            word = text[s:e]
            f = ["inq"] * bool(quote) + ["inp"] * bool(bracket)
            f += ["caps"] * (len(word) > 2 and word.isupper() and not word.isdigit())
            sentence_rows.append(per_sentence[sid[i]])
            token_rows.append(f)
            length_rows.append([size])
    return _rows(sentence_rows), _rows(token_rows), _rows(length_rows)


class Bench:
    def __init__(self, seed: int = 13):
        self.seed = seed
        self.posts = posts = unlp2025.load("fit")
        self.fold = np.asarray(folds(posts, K, seed=seed))
        self.lang = np.array([p.lang for p in posts])
        x = post_matrix(posts, POST_DIM)
        self.y_post = post_targets(posts)
        x = x @ sp.diags(shared_support(x, self.lang).astype(float))
        oof = np.zeros(len(posts))
        for f in range(K):
            rows = self.fold != f
            w, b = fit_post(x[rows], self.y_post[rows, :1], 1.0, seed, self.lang[rows])
            oof[~rows] = 1 / (1 + np.exp(-_logits(x[~rows], w, b)[:, 0]))
        self.p = np.clip(oof, 1e-6, 1 - 1e-6)
        self.logit = np.log(self.p / (1 - self.p))
        self.design = d = token_design(posts, TAGGER_DIM)
        self.gold = d.gold
        self.tok_fold = self.fold[d.post]
        self.tok_lang = self.lang[d.post]
        _, self.sentence = np.unique(d.sentence, return_inverse=True)
        self.clause = clause_ids(posts, self.sentence)
        self.base_folds: dict[str, np.ndarray] | None = None

    def lr(self, x: sp.csr_matrix, rows: np.ndarray | None = None, c: float = 0.1) -> np.ndarray:
        oof = np.zeros(len(self.gold))
        for f in range(K):
            train = (self.tok_fold != f) if rows is None else (self.tok_fold != f) & rows
            y = self.gold[train]
            model = _lr(c, self.seed).fit(
                x[train], y, sample_weight=language_balanced(y, self.tok_lang[train])
            )
            test = self.tok_fold == f
            oof[test] = model.predict_proba(x[test])[:, 1]
        return oof

    def smooth(self, oof: np.ndarray, a: float = 0.5) -> np.ndarray:
        return a * oof + (1 - a) * group_mean(oof, self.sentence)

    def _f1(self, flag: np.ndarray, mask: np.ndarray) -> float:
        g = self.gold
        return f1_of((flag & g & mask).sum(), (flag & mask).sum(), (g & mask).sum())

    def row(self, name: str, scores: np.ndarray, thresholds=TOKEN_THRESHOLDS) -> None:
        everything = np.ones(len(self.gold), bool)
        t = thresholds[int(np.argmax([self._f1(scores >= t, everything) for t in thresholds]))]
        flag = scores >= t
        per = {
            lg: np.array(
                [
                    self._f1(flag, (self.tok_fold == f) & ((self.tok_lang == lg) | (lg == "all")))
                    for f in range(K)
                ]
            )
            for lg in ("all", "ru", "uk")
        }
        if self.base_folds is None:
            self.base_folds = per
        cells = " | ".join(f"{v.mean():.3f} ± {v.std():.3f}" for v in per.values())
        diff = " | ".join(
            f"{(v - self.base_folds[k]).mean():+.3f} ± {(v - self.base_folds[k]).std():.3f}"
            for k, v in per.items()
        )
        print(f"| {name} (t={t}) | {cells} | {diff} |", flush=True)


def crf_marginals(bench: Bench, c2: float = 1.0, iterations: int = 200) -> np.ndarray:
    """Out-of-fold P(manipulative) per token of a linear-chain CRF (python-crfsuite) over the
    tagger's features and the post logit (no language weighting: crfsuite takes none)."""
    import pycrfsuite

    x, post = bench.design.matrix.tocsr(), bench.design.post
    starts = np.searchsorted(post, np.arange(len(bench.posts)))
    stops = np.append(starts[1:], len(post))

    def items(k: int) -> pycrfsuite.ItemSequence:
        seq = []
        for r in range(starts[k], stops[k]):
            a, b = x.indptr[r], x.indptr[r + 1]
            feats = {f"f{j}": float(v) for j, v in zip(x.indices[a:b], x.data[a:b], strict=True)}
            feats["post"] = float(bench.logit[k])
            seq.append(feats)
        return pycrfsuite.ItemSequence(seq)

    seqs = [items(k) for k in range(len(bench.posts))]
    labels = [
        ["1" if g else "0" for g in bench.gold[s:e]] for s, e in zip(starts, stops, strict=True)
    ]
    oof = np.zeros(len(post))
    for f in range(K):
        trainer = pycrfsuite.Trainer(verbose=False)
        for k in np.where(bench.fold != f)[0]:
            if stops[k] > starts[k]:
                trainer.append(seqs[k], labels[k])
        trainer.set_params({"c1": 0.0, "c2": c2, "max_iterations": iterations})
        path = f"/tmp/presslens-explore-crf-{f}.bin"
        trainer.train(path)
        tagger = pycrfsuite.Tagger()
        tagger.open(path)
        for k in np.where(bench.fold == f)[0]:
            if stops[k] > starts[k]:
                tagger.set(seqs[k])
                oof[starts[k] : stops[k]] = [
                    tagger.marginal("1", t) for t in range(stops[k] - starts[k])
                ]
    return oof


def post_variants(b: Bench) -> None:
    """The post-level 'manipulative' model at other C or over all features, out of fold, as
    the tagger's input (its ROC AUC per language printed beside)."""
    from sklearn.metrics import roc_auc_score

    x_all = post_matrix(b.posts, POST_DIM)
    x_shared = x_all @ sp.diags(shared_support(x_all, b.lang).astype(float))
    y = b.y_post[:, 0]
    for name, x, c in (
        ("shared C=0.3", x_shared, 0.3),
        ("shared C=3", x_shared, 3.0),
        ("all C=1", x_all, 1.0),
    ):
        p = np.zeros(len(b.posts))
        for f in range(K):
            rows = b.fold != f
            w, bias = fit_post(x[rows], b.y_post[rows, :1], c, b.seed, b.lang[rows])
            p[~rows] = 1 / (1 + np.exp(-_logits(x[~rows], w, bias)[:, 0]))
        p = np.clip(p, 1e-6, 1 - 1e-6)
        auc = ", ".join(
            f"{lg} {roc_auc_score(y[b.lang == lg], p[b.lang == lg]):.3f}" for lg in ("ru", "uk")
        )
        logit = np.log(p / (1 - p))
        scores = b.smooth(b.lr(with_logit(b.design.matrix, logit[b.design.post])))
        b.row(f"post 'manipulative' {name} (AUC {auc}) as tagger input", scores)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--crf", action="store_true", help="also the CRF (about 6 min)")
    parser.add_argument(
        "--post", action="store_true", help="only the post-level model variants as tagger input"
    )
    args = parser.parse_args()
    b = Bench()
    d = b.design
    print("| variant | token_f1_all | ru | uk | paired diff all | ru | uk |")
    print("|---|---|---|---|---|---|---|")
    x = with_logit(d.matrix, b.logit[d.post])
    shipped = b.lr(x)
    b.row("shipped: LR tagger, 0.5 token + 0.5 sentence mean", b.smooth(shipped))
    if args.post:
        post_variants(b)
        return
    b.row("no smoothing", shipped)
    b.row("0.25 token + 0.75 sentence mean", b.smooth(shipped, 0.25))
    b.row("sentence mean only", b.smooth(shipped, 0.0))
    clause = group_mean(shipped, b.clause)
    b.row("clause mean only", clause)
    b.row(
        "0.5 clause mean + 0.5 sentence mean", 0.5 * clause + 0.5 * group_mean(shipped, b.sentence)
    )
    b.row("gate P>=0.5 as applied at inference", np.where(b.p[d.post] >= 0.5, b.smooth(shipped), 0))
    within_posts = b.y_post[d.post, 0]
    within = b.smooth(b.lr(d.matrix.tocsr(), rows=within_posts))
    b.row("within-post tagger (manipulative posts only) x P", b.p[d.post] * within)
    b.row(
        "oracle: shipped x gold post label (not a model)",
        np.where(within_posts, b.smooth(shipped), 0),
    )
    sentence_x, token_x, length_x = extra_features(b.posts)
    for name, m in (
        ("+ sentence features", d.matrix + sentence_x),
        ("+ sentence + token quote/bracket/caps", d.matrix + sentence_x + token_x),
        ("+ post length buckets to 9", d.matrix + length_x),
        ("+ sentence + token + length", d.matrix + sentence_x + token_x + length_x),
    ):
        b.row(name, b.smooth(b.lr(with_logit(m, b.logit[d.post]))))
    if args.crf:
        wide = tuple(round(t, 3) for t in np.arange(0.02, 0.601, 0.02))
        crf = crf_marginals(b)
        b.row("linear-chain CRF c2=1, 0.5 token + 0.5 sentence mean", b.smooth(crf), wide)


if __name__ == "__main__":
    main()
