"""Token-tagger variants tried against the shipped one, scored by 5-fold CV over the fit posts.

``python -m presslens_training.manipulation.explore [--crf]`` prints one row per variant
(``--post``: the post-level model's C and features; ``--stack [--nested]``: stronger post-level
'manipulative' models, TF-IDF/NB-LR/averaged/stacked, each as the tagger's input;
``--vectors``: multilingual sentence vectors, mixed in, as an input column, as a post model;
``--context``: sentence models with the post's and the neighbours' vectors, token-weighted):
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


class FoldRows:
    """Token F1 per fold and language of out-of-fold scores, printed as a table row beside
    the paired per-fold difference to the first row printed (the baseline)."""

    gold: np.ndarray
    tok_fold: np.ndarray
    tok_lang: np.ndarray
    base_folds: dict[str, np.ndarray] | None = None

    def _f1(self, flag: np.ndarray, mask: np.ndarray) -> float:
        g = self.gold
        return f1_of((flag & g & mask).sum(), (flag & mask).sum(), (g & mask).sum())

    def row(self, name: str, scores: np.ndarray, thresholds=TOKEN_THRESHOLDS) -> dict:
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
        return per


class Bench(FoldRows):
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


def neutral_docs(posts: list[Post]) -> list[str]:
    """Each post as its name-neutral word stream (placeholders for names, party words and
    slurs, shared closed-class lemmas, common spelling skeleton), space-joined."""
    from presslens.manipulation.crosslingual import skeleton
    from presslens.manipulation.features import tokenize

    return [" ".join(skeleton(w) for w in tokenize(p.text, p.lang).words) for p in posts]


def _tfidf_fold(docs: list[str], lang: np.ndarray, train: np.ndarray) -> sp.csr_matrix:
    """Sublinear TF-IDF word 1-2 grams + char_wb 2-5 grams fitted on ``train`` rows, keeping
    only columns seen in >= 3 training posts of each language (the shipped rule)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    parts = []
    for kw in (
        {"analyzer": "word", "ngram_range": (1, 2), "token_pattern": r"\S+"},
        {"analyzer": "char_wb", "ngram_range": (2, 5)},
    ):
        v = TfidfVectorizer(sublinear_tf=True, min_df=3, dtype=np.float32, **kw)
        v.fit([d for d, t in zip(docs, train, strict=True) if t])
        m = v.transform(docs)
        keep = shared_support(m[train].tocsr(), lang[train])
        parts.append(m[:, np.where(keep)[0]])
    x = sp.hstack(parts, format="csr")
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    return sp.diags(1 / np.maximum(norms, 1e-9)) @ x


def _nb_ratio(x: sp.csr_matrix, y: np.ndarray, w: np.ndarray, alpha: float = 1.0) -> np.ndarray:
    """NB-SVM log-count ratio over binary features, counts weighted (language-balanced)."""
    xb = (x > 0).astype(np.float64)
    pos = alpha + np.asarray(xb.T @ (w * y)).ravel()
    neg = alpha + np.asarray(xb.T @ (w * ~y)).ravel()
    return np.log(pos / pos.sum()) - np.log(neg / neg.sum())


def _to_logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def _post_stats(scores: np.ndarray, post: np.ndarray, n: int, k: int = 5) -> np.ndarray:
    """Per post: max, mean, top-k mean of token probabilities, share of tokens >= 0.5."""
    out = np.zeros((n, 4))
    starts = np.searchsorted(post, np.arange(n))
    stops = np.append(starts[1:], len(post))
    for i, (a, z) in enumerate(zip(starts, stops, strict=True)):
        if z > a:
            s = scores[a:z]
            out[i] = (s.max(), s.mean(), np.sort(s)[-k:].mean(), (s >= 0.5).mean())
    return out


def _stack(b: Bench, columns: np.ndarray) -> np.ndarray:
    """Out-of-fold logit of a language-balanced LR over a few standardised post columns."""
    from sklearn.linear_model import LogisticRegression

    y = b.y_post[:, 0]
    out = np.zeros(len(y))
    for f in range(K):
        tr = b.fold != f
        mu, sd = columns[tr].mean(0), columns[tr].std(0) + 1e-9
        m = LogisticRegression(C=1.0, max_iter=1000).fit(
            (columns[tr] - mu) / sd, y[tr], sample_weight=language_balanced(y[tr], b.lang[tr])
        )
        out[~tr] = m.decision_function((columns[~tr] - mu) / sd)
    return out


def stronger_post(b: Bench, nested_too: bool = False) -> None:
    """Stronger post-level 'manipulative' models, out of fold, as the tagger's input: per
    language AUC (mean ± sd over folds, paired fold difference to the shipped bag LR),
    balanced accuracy at the 0.5 decision, technique macro-F1 with the 0.5 gate as applied at
    inference, and token F1 through the tagger (ungated and gated at P >= 0.5)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score

    d = b.design
    y = b.y_post[:, 0]
    docs = neutral_docs(b.posts)
    tfidf_lr, nb_lr = np.zeros(len(y)), np.zeros(len(y))
    for f in range(K):
        tr = b.fold != f
        x = _tfidf_fold(docs, b.lang, tr)
        w = language_balanced(y[tr], b.lang[tr])
        m = LogisticRegression(C=10.0, solver="liblinear", random_state=b.seed)
        tfidf_lr[~tr] = m.fit(x[tr], y[tr], sample_weight=w).decision_function(x[~tr])
        r = _nb_ratio(x[tr], y[tr], w)
        xb = (x > 0).astype(np.float64) @ sp.diags(r)
        m = LogisticRegression(C=0.1, solver="liblinear", random_state=b.seed)
        nb_lr[~tr] = m.fit(xb[tr], y[tr], sample_weight=w).decision_function(xb[~tr])
    bag = b.logit
    avg = (bag + tfidf_lr + nb_lr) / 3
    print("tagger without the post logit (stack features)...", flush=True)
    plain = b.smooth(b.lr(d.matrix.tocsr()))
    stats = _post_stats(plain, d.post, len(y))
    stack_bag = _stack(b, np.column_stack([bag, stats]))
    stack_avg = _stack(b, np.column_stack([bag, tfidf_lr, nb_lr, stats]))
    if nested_too:
        print("nested stack (inner folds for the training posts' columns)...", flush=True)
        nested = nested_stack(b, stats)

    # technique probabilities out of fold (shipped post model), gated as at inference
    x_all = post_matrix(b.posts, POST_DIM)
    x_shared = x_all @ sp.diags(shared_support(x_all, b.lang).astype(float))
    tech = np.zeros((len(y), 10))
    for f in range(K):
        tr = b.fold != f
        w_, b_ = fit_post(x_shared[tr], b.y_post[tr, 1:], 1.0, b.seed, b.lang[tr])
        tech[~tr] = 1 / (1 + np.exp(-_logits(x_shared[~tr], w_, b_)))
    from presslens.eval.manipulation import macro_f1
    from presslens_training.manipulation.fit import best_label_thresholds

    def per_fold(fn) -> dict[str, np.ndarray]:
        return {
            lg: np.array([fn((b.fold == f) & ((b.lang == lg) | (lg == "all"))) for f in range(K)])
            for lg in ("all", "ru", "uk")
        }

    base: dict[str, dict[str, np.ndarray]] = {}

    def cells(name: str, per: dict[str, np.ndarray], langs=("all", "ru", "uk")) -> str:
        base.setdefault(name, per)
        return " | ".join(
            f"{per[k].mean():.3f} ± {per[k].std():.3f} ({(per[k] - base[name][k]).mean():+.3f}"
            f" ± {(per[k] - base[name][k]).std():.3f})"
            for k in langs
        )

    print("| post model | AUC ru | AUC uk | bal.acc@0.5 ru | uk | macro-F1 gated all | ru | uk |")
    print("|---|---|---|---|---|---|---|---|")
    variants = (
        ("shipped bag LR", bag),
        ("TF-IDF word1-2+char_wb2-5 LR C=10", tfidf_lr),
        ("NB-LR (log-count ratio) C=0.1", nb_lr),
        ("mean of the three logits", avg),
        ("stack: bag logit + tagger stats", stack_bag),
        ("stack: three logits + tagger stats", stack_avg),
    ) + ((("stack: bag logit + tagger stats, nested", nested),) if nested_too else ())
    for name, z in variants:
        auc = per_fold(lambda m, z=z: roc_auc_score(y[m], z[m]))
        bal = per_fold(lambda m, z=z: 0.5 * ((z[m] >= 0)[y[m]].mean() + (z[m] < 0)[~y[m]].mean()))
        gated = np.where(z[:, None] >= 0, tech, 0.0)
        predicted = gated >= best_label_thresholds(gated, b.y_post[:, 1:])
        mf = per_fold(lambda m, p=predicted: macro_f1(b.y_post[m, 1:], p[m]))
        print(
            f"| {name} | {cells('auc', auc, ('ru', 'uk'))} | {cells('bal', bal, ('ru', 'uk'))} "
            f"| {cells('mf', mf)} |",
            flush=True,
        )
    gated_rows: list[tuple[str, np.ndarray]] = []
    print("| tagger input | token_f1_all | ru | uk | paired diff all | ru | uk |")
    print("|---|---|---|---|---|---|---|")
    for name, z in variants:
        scores = b.smooth(b.lr(with_logit(d.matrix, z[d.post])))
        b.row(f"{name}", scores)
        gated_rows.append((name, np.where(z[d.post] >= 0, scores, 0.0)))
    b.base_folds = None
    for name, scores in gated_rows:
        b.row(f"{name}, gated P>=0.5", scores)
    if not nested_too:
        return
    b.base_folds = None
    within = b.smooth(b.lr(d.matrix.tocsr(), rows=b.y_post[d.post, 0]))
    for name, z in (variants[0], variants[-1]):
        b.row(f"within-post tagger x P({name})", within / (1 + np.exp(-z[d.post])))


def nested_stack(b: Bench, outer_stats: np.ndarray) -> np.ndarray:
    """The bag-logit + tagger-stats stack with no second-order leak: for each outer fold,
    the training posts' bag logit and tagger columns come from models fitted on the other
    training folds only (``outer_stats``: the plain tagger's out-of-fold columns, used for
    the held-out posts)."""
    from sklearn.linear_model import LogisticRegression

    d = b.design
    y = b.y_post[:, 0]
    x_all = post_matrix(b.posts, POST_DIM)
    x = x_all @ sp.diags(shared_support(x_all, b.lang).astype(float))
    xt = d.matrix.tocsr()
    out = np.zeros(len(y))
    for f in range(K):
        tr = b.fold != f
        cols = np.zeros((len(y), 5))
        tok_scores = np.zeros(len(d.gold))
        for g in range(K):
            if g == f:
                continue
            inner = tr & (b.fold != g)
            w, bias = fit_post(x[inner], b.y_post[inner, :1], 1.0, b.seed, b.lang[inner])
            cols[b.fold == g, 0] = _logits(x[b.fold == g], w, bias)[:, 0]
            rows = inner[d.post]
            m = _lr(0.1, b.seed).fit(
                xt[rows],
                b.gold[rows],
                sample_weight=language_balanced(b.gold[rows], b.tok_lang[rows]),
            )
            test = b.tok_fold == g
            tok_scores[test] = m.predict_proba(xt[test])[:, 1]
        cols[:, 1:] = _post_stats(b.smooth(tok_scores), d.post, len(y))
        cols[~tr, 0] = b.logit[~tr]
        cols[~tr, 1:] = outer_stats[~tr]
        mu, sd = cols[tr].mean(0), cols[tr].std(0) + 1e-9
        m = LogisticRegression(C=1.0, max_iter=1000).fit(
            (cols[tr] - mu) / sd, y[tr], sample_weight=language_balanced(y[tr], b.lang[tr])
        )
        out[~tr] = m.decision_function((cols[~tr] - mu) / sd)
    return out


def vector_variants(b: Bench, shipped: np.ndarray) -> None:
    """The sentence vectors (:mod:`presslens.manipulation.sentence_vectors`) three ways:
    mixed into the tagger's smoothed score, as the tagger's input column, and with the
    post logit beside the vector; then the mean vector as the post-level model (AUC)."""
    from sklearn.metrics import roc_auc_score

    from presslens_training.manipulation.fit import SENTENCE_C, sentence_design, vector_oof
    from presslens_training.manipulation.vectors import post_vectors

    d = b.design
    token_sentence, s_x, s_gold, s_post = sentence_design(d, post_vectors(b.posts))

    def oof(x: np.ndarray, y: np.ndarray, fold: np.ndarray, lang: np.ndarray) -> np.ndarray:
        return vector_oof(x, y, fold, lang, b.seed, SENTENCE_C)

    s_fold, s_lang = b.fold[s_post], b.lang[s_post]
    sentence_p = oof(s_x, s_gold, s_fold, s_lang)[token_sentence]
    smoothed = b.smooth(shipped)
    for w in (0.25, 0.5, 0.75):
        b.row(
            f"mix: {1 - w} x shipped + {w} x sentence-vector LR",
            (1 - w) * smoothed + w * sentence_p,
        )
    column = np.log(np.clip(sentence_p, 1e-6, 1 - 1e-6) / np.clip(1 - sentence_p, 1e-6, 1))
    x = sp.hstack([with_logit(d.matrix, b.logit[d.post]), sp.csr_matrix(column[:, None])])
    b.row("sentence-vector logit as the tagger's input column", b.smooth(b.lr(x.tocsr())))
    with_post = oof(np.column_stack([s_x, b.logit[s_post]]), s_gold, s_fold, s_lang)
    b.row(
        "mix 0.5, sentence LR with the post logit", 0.5 * smoothed + 0.5 * with_post[token_sentence]
    )
    mean_vector = np.stack([s_x[s_post == i].mean(0) for i in range(len(b.posts))])
    post_p = oof(mean_vector, b.y_post[:, 0], b.fold, b.lang)
    for name, p in (("bag LR (shipped)", b.p), ("mean sentence vector LR", post_p)):
        auc = {
            lg: np.mean(
                [
                    roc_auc_score(b.y_post[m, 0], p[m])
                    for f in range(K)
                    for m in [(b.fold == f) & (b.lang == lg)]
                ]
            )
            for lg in ("ru", "uk")
        }
        print(f"post-level AUC, {name}: ru {auc['ru']:.3f} uk {auc['uk']:.3f}")


def sentence_context(s_x: np.ndarray, s_post: np.ndarray) -> np.ndarray:
    """Each sentence's vector beside its post's mean vector and its neighbours' (zeros at
    a post's edges): whether a sentence is manipulative depends on what surrounds it."""
    n_posts = int(s_post.max()) + 1
    sums = np.zeros((n_posts, s_x.shape[1]))
    np.add.at(sums, s_post, s_x)
    mean = sums / np.bincount(s_post, minlength=n_posts)[:, None]
    same_prev = np.r_[False, s_post[1:] == s_post[:-1]]
    same_next = np.r_[s_post[:-1] == s_post[1:], False]
    prev = np.where(same_prev[:, None], np.roll(s_x, 1, axis=0), 0)
    after = np.where(same_next[:, None], np.roll(s_x, -1, axis=0), 0)
    return np.column_stack([s_x, mean[s_post], prev, after])


def context_variants(b: Bench, shipped: np.ndarray) -> None:
    """Richer sentence models over the same vectors: weighted by the sentence's tokens (the
    metric counts tokens), and with the post's mean and the neighbours' vectors beside the
    sentence's own; each mixed into the shipped tagger at 0.5 and 0.75."""
    from presslens_training.manipulation.fit import SENTENCE_C, sentence_design, vector_oof
    from presslens_training.manipulation.vectors import post_vectors

    d = b.design
    token_sentence, s_x, s_gold, s_post = sentence_design(d, post_vectors(b.posts))
    s_fold, s_lang = b.fold[s_post], b.lang[s_post]
    counts = np.bincount(token_sentence, minlength=len(s_x)).astype(float)
    smoothed = b.smooth(shipped)
    context = sentence_context(s_x, s_post)
    b.base_folds = None  # paired differences to the shipped mix, the first row below
    variants = (
        ("sentence LR (shipped)", s_x, SENTENCE_C, None),
        ("sentence LR, weighted by tokens", s_x, SENTENCE_C, counts),
        ("context LR (own, post mean, neighbours)", context, SENTENCE_C, None),
        ("context LR, weighted by tokens", context, SENTENCE_C, counts),
        ("context LR C/4", context, SENTENCE_C / 4, None),
    )
    for name, x, c, sizes in variants:
        p = vector_oof(x, s_gold, s_fold, s_lang, b.seed, c, sizes)[token_sentence]
        for w in (0.5, 0.75):
            b.row(f"{name}, mix {w}", (1 - w) * smoothed + w * p)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--crf", action="store_true", help="also the CRF (about 6 min)")
    parser.add_argument(
        "--post", action="store_true", help="only the post-level model variants as tagger input"
    )
    parser.add_argument(
        "--stack", action="store_true", help="only the stronger post-level models (about 15 min)"
    )
    parser.add_argument(
        "--vectors",
        action="store_true",
        help="only the multilingual sentence vectors (about 5 min with their cache)",
    )
    parser.add_argument(
        "--context",
        action="store_true",
        help="only richer sentence models over the vectors (context, token weights)",
    )
    parser.add_argument(
        "--nested",
        action="store_true",
        help="with --stack: also the nested stack and a within-post tagger x P (about 5 min)",
    )
    args = parser.parse_args()
    b = Bench()
    d = b.design
    if args.stack:
        stronger_post(b, args.nested)
        return
    print("| variant | token_f1_all | ru | uk | paired diff all | ru | uk |")
    print("|---|---|---|---|---|---|---|")
    x = with_logit(d.matrix, b.logit[d.post])
    shipped = b.lr(x)
    b.row("shipped: LR tagger, 0.5 token + 0.5 sentence mean", b.smooth(shipped))
    if args.post:
        post_variants(b)
        return
    if args.vectors:
        vector_variants(b, shipped)
        return
    if args.context:
        context_variants(b, shipped)
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
