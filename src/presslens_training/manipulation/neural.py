"""A small neural tagger (hashed-n-gram token embeddings + BiGRU) against the shipped linear one.

Steps (issue #17; results in the model card's notes; the val split is never read):

- ``python -m presslens_training.manipulation.neural prepare``: the shipped tagger's
  out-of-fold scores (:class:`.explore.Bench`: same folds, seed and out-of-fold post logit)
  and the neural inputs, cached in :data:`CACHE`;
- ``... nested``: the linear tagger's nested out-of-fold scores per outer fold (inputs of a
  stacked tagger that never saw the outer fold's labels);
- ``... cv [--stack] [--seeds N] [--dropout --table-lr --post-weight ...]``: the neural
  tagger per fold (torch, one CPU thread; the epoch chosen by token F1 on an inner 10% of
  the training posts), token F1 per fold (mean ± std, one threshold pooled over both
  languages) and the paired per-fold difference to the shipped tagger, alone and mixed
  with the shipped tagger's score.

Token inputs: fastText-style, the mean of hashed embeddings of the token's shared-form word,
lemma, prefix, suffix, shape, character 3- and 4-grams and the punctuation around it (names
and party words are placeholders, :func:`presslens.manipulation.features.neutral`, so
swapping the parties changes no input), plus the post-level 'manipulative' logit and the
token's relative position and the post's length (``--stack``: also the linear tagger's
logit and its sentence mean). A BiGRU reads the whole post; one logit per token and, with
``--post-weight``, one post-level 'manipulative' logit (multi-task, max and mean pooled).
"""

from __future__ import annotations

import argparse
import math
import os
import pickle
import time
from pathlib import Path

import numpy as np

from presslens.eval.manipulation import f1_of
from presslens.manipulation.crosslingual import skeleton
from presslens.manipulation.features import _gap_mark, _shape, bucket, tokenize
from presslens_training.manipulation.explore import FoldRows
from presslens_training.manipulation.fit import TOKEN_THRESHOLDS, K

NEURAL_DIM = 2**16
MAX_FEATS = 40
CACHE = Path(os.environ.get("PRESSLENS_NEURAL_CACHE", "/tmp/presslens-manipulation-neural.pkl"))
"""Derived arrays only (hashed ids, scores, labels), never the texts; outside the repository."""


def token_inputs(text: str, language: str, dim: int = NEURAL_DIM) -> list[list[int]]:
    """Per token, the bucket ids of its local features (no neighbours: the GRU reads them)."""
    tokens = tokenize(text, language)
    n = len(tokens.spans)
    out: list[list[int]] = []
    for i in range(n):
        start, end = tokens.spans[i]
        raw = text[start:end]
        word, lem = skeleton(tokens.words[i]), skeleton(tokens.lemmas[i])
        feats = [
            f"w={word}",
            f"l={lem}",
            f"s3={word[-3:]}",
            f"p4={word[:4]}",
            f"shape={_shape(raw)}",
        ]
        padded = f"<{word}>"
        feats.extend(f"c4={padded[j : j + 4]}" for j in range(max(1, len(padded) - 3)))
        feats.extend(f"c3={padded[j : j + 3]}" for j in range(max(1, len(padded) - 2)))
        before = text[tokens.spans[i - 1][1] : start] if i else text[:start]
        after = text[end : tokens.spans[i + 1][0]] if i + 1 < n else text[end:]
        feats.append(f"gb={_gap_mark(before)}")
        feats.append(f"ga={_gap_mark(after)}")
        first = i == 0 or tokens.sentence[i - 1] != tokens.sentence[i]
        feats.append(f"first={first}")
        out.append([bucket(f, dim) + 1 for f in feats[:MAX_FEATS]])  # 0 is padding
    return out


def prepare() -> None:
    from presslens_training.manipulation.design import with_logit
    from presslens_training.manipulation.explore import Bench

    started = time.perf_counter()
    b = Bench()
    d = b.design
    shipped = b.smooth(b.lr(with_logit(d.matrix, b.logit[d.post])))
    print(f"shipped tagger out of fold, {time.perf_counter() - started:.0f}s", flush=True)
    inputs = [token_inputs(p.text, p.lang) for p in b.posts]
    sizes = np.array([len(x) for x in inputs])
    assert sizes.sum() == len(b.gold), (sizes.sum(), len(b.gold))
    cache = {
        "inputs": inputs,
        "gold": b.gold,
        "post": d.post,
        "fold": b.fold,
        "lang": b.lang,
        "logit": b.logit,
        "sentence": b.sentence,
        "shipped": shipped,
        "y_post": b.y_post[:, 0],
    }
    CACHE.write_bytes(pickle.dumps(cache))
    print(f"cached {len(inputs)} posts, {len(b.gold)} tokens, {time.perf_counter() - started:.0f}s")


def nested() -> None:
    """The linear tagger's raw scores per outer fold f: fold f's tokens from the tagger fitted
    on the other four folds, every other fold g's from the tagger fitted on the folds that
    are neither f nor g (so no input of a stacked model saw fold f's labels)."""
    from presslens_training.manipulation.design import with_logit
    from presslens_training.manipulation.explore import Bench
    from presslens_training.manipulation.fit import _lr, language_balanced

    started = time.perf_counter()
    b = Bench()
    x = with_logit(b.design.matrix, b.logit[b.design.post])
    tf = b.tok_fold
    out = np.zeros((K, len(b.gold)), dtype=np.float32)
    for f in range(K):
        for g in range(K):
            train = (tf != f) & (tf != g)
            y = b.gold[train]
            model = _lr(0.1, b.seed).fit(
                x[train], y, sample_weight=language_balanced(y, b.tok_lang[train])
            )
            out[f, tf == g] = model.predict_proba(x[tf == g])[:, 1]
        print(f"outer fold {f}, {time.perf_counter() - started:.0f}s", flush=True)
    cache = pickle.loads(CACHE.read_bytes())
    cache["nested"] = out
    CACHE.write_bytes(pickle.dumps(cache))


# ----------------------------------------------------------------------------- model


def build_model(
    emb: int, hidden: int, dim: int = NEURAL_DIM, extra: int = 3, dropout: float = 0.25
):
    import torch
    from torch import nn

    class Tagger(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.table = nn.Embedding(dim + 1, emb, padding_idx=0)
            nn.init.normal_(self.table.weight, std=0.1)
            with torch.no_grad():
                self.table.weight[0].zero_()
            self.inp = nn.Linear(emb + extra, hidden)
            self.gru = nn.GRU(hidden, hidden, batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * hidden + extra, 1)
            self.post = nn.Linear(4 * hidden, 1)
            self.drop = nn.Dropout(dropout)

        def forward(self, ids, extra_x, mask):
            # ids [B, T, M] (0 = pad), extra_x [B, T, E], mask [B, T]
            vec = self.table(ids)  # [B, T, M, emb]
            count = (ids > 0).sum(-1, keepdim=True).clamp(min=1)
            vec = vec.sum(2) / count
            h = torch.tanh(self.inp(torch.cat([self.drop(vec), extra_x], -1)))
            h, _ = self.gru(h)
            h = self.drop(h)
            token = self.out(torch.cat([h, extra_x], -1)).squeeze(-1)
            m = mask.unsqueeze(-1)
            mean = (h * m).sum(1) / m.sum(1).clamp(min=1)
            peak = h.masked_fill(m == 0, -1e4).max(1).values
            post = self.post(torch.cat([mean, peak], -1)).squeeze(-1)
            return token, post

    return Tagger()


def _batch(cache: dict, posts: list[int], offsets: np.ndarray, max_len: int):
    import torch

    inputs = cache["inputs"]
    lengths = [min(len(inputs[k]), max_len) for k in posts]
    t = max(lengths)
    ids = np.zeros((len(posts), t, MAX_FEATS), dtype=np.int64)
    extra = np.zeros((len(posts), t, cache["extra"].shape[1]), dtype=np.float32)
    mask = np.zeros((len(posts), t), dtype=np.float32)
    gold = np.zeros((len(posts), t), dtype=np.float32)
    weight = np.zeros((len(posts), t), dtype=np.float32)
    for r, k in enumerate(posts):
        n = lengths[r]
        for i, feats in enumerate(inputs[k][:n]):
            ids[r, i, : len(feats)] = feats
        s = offsets[k]
        extra[r, :n] = cache["extra"][s : s + n]
        mask[r, :n] = 1
        gold[r, :n] = cache["gold"][s : s + n]
        weight[r, :n] = cache["weight"][s : s + n]
    return (
        torch.from_numpy(ids),
        torch.from_numpy(extra),
        torch.from_numpy(mask),
        torch.from_numpy(gold),
        torch.from_numpy(weight),
    )


def base_extra(cache: dict) -> np.ndarray:
    """Per token: the post logit, the relative position, log2 of the post's length / 10."""
    rows = []
    for k, x in enumerate(cache["inputs"]):
        n = len(x)
        rows.append(
            np.stack(
                [
                    np.full(n, cache["logit"][k]),
                    np.arange(n) / max(1, n - 1),
                    np.full(n, math.log2(n + 1) / 10),
                ],
                1,
            )
        )
    return np.concatenate(rows).astype(np.float32)


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-4, 1 - 1e-4)
    return np.log(p / (1 - p))


def stack_extra(cache: dict, linear: np.ndarray) -> np.ndarray:
    """Per token: the linear tagger's logit and its sentence mean (scaled)."""
    z = _logit(linear)
    return np.stack([z / 4, group_mean(z, cache["sentence"]) / 4], 1).astype(np.float32)


def _balanced(gold: np.ndarray, lang: np.ndarray) -> np.ndarray:
    from presslens_training.manipulation.fit import language_balanced

    return language_balanced(gold, lang)


def predict(model, cache: dict, posts: list[int], offsets: np.ndarray, out: np.ndarray) -> None:
    import torch

    model.eval()
    order = sorted(posts, key=lambda k: len(cache["inputs"][k]))
    with torch.no_grad():
        for s in range(0, len(order), 64):
            chunk = order[s : s + 64]
            ids, extra, mask, _, _ = _batch(cache, chunk, offsets, 10**6)
            logits, _ = model(ids, extra, mask)
            prob = torch.sigmoid(logits).numpy()
            for r, k in enumerate(chunk):
                n = len(cache["inputs"][k])
                out[offsets[k] : offsets[k] + n] = prob[r, :n]


def train_fold(
    cache: dict,
    train_posts: np.ndarray,
    seed: int,
    emb: int,
    hidden: int,
    epochs: int,
    post_weight: float,
    dropout: float = 0.25,
    table_lr: float = 5e-3,
    log=print,
):
    """A tagger fitted on ``train_posts`` (90%; the other 10% choose the epoch by token F1)."""
    import torch

    torch.manual_seed(seed)
    torch.set_num_threads(1)
    rng = np.random.default_rng(seed)
    offsets = cache["offsets"]
    posts = np.array(train_posts)
    rng.shuffle(posts)
    n_dev = len(posts) // 10
    dev, fit = posts[:n_dev], posts[n_dev:]
    model = build_model(emb, hidden, extra=cache["extra"].shape[1], dropout=dropout)
    dense = [p for n, p in model.named_parameters() if not n.startswith("table")]
    opt = torch.optim.Adam(
        [{"params": dense, "lr": 2e-3}, {"params": [model.table.weight], "lr": table_lr}]
    )
    y_post = torch.from_numpy(cache["y_post"].astype(np.float32))
    best = (-1.0, None, 0)
    dev_scores = np.zeros(len(cache["gold"]))
    dev_tok = np.concatenate(
        [np.arange(offsets[k], offsets[k] + len(cache["inputs"][k])) for k in dev]
    )
    for epoch in range(epochs):
        model.train()
        # batches of similar length
        order = sorted(fit, key=lambda k: len(cache["inputs"][k]) + rng.uniform(0, 30))
        batches = [order[s : s + 16] for s in range(0, len(order), 16)]
        rng.shuffle(batches)
        total = 0.0
        for chunk in batches:
            ids, extra, mask, gold, weight = _batch(cache, list(chunk), offsets, 400)
            token, post = model(ids, extra, mask)
            loss = (
                torch.nn.functional.binary_cross_entropy_with_logits(token, gold, reduction="none")
                * weight
            ).sum() / weight.sum().clamp(min=1)
            if post_weight:
                loss = loss + post_weight * torch.nn.functional.binary_cross_entropy_with_logits(
                    post, y_post[list(chunk)]
                )
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            total += float(loss.detach())
        predict(model, cache, list(dev), offsets, dev_scores)
        s, g = dev_scores[dev_tok], cache["gold"][dev_tok]
        f1 = max(f1_of(((s >= t) & g).sum(), (s >= t).sum(), g.sum()) for t in TOKEN_THRESHOLDS)
        log(f"  epoch {epoch + 1}: loss {total / len(batches):.4f} inner-dev F1 {f1:.3f}")
        if f1 > best[0]:
            best = (f1, {k: v.clone() for k, v in model.state_dict().items()}, epoch + 1)
    model.load_state_dict(best[1])
    return model, best[2]


# ----------------------------------------------------------------------------- scoring


def group_mean(values: np.ndarray, group: np.ndarray) -> np.ndarray:
    return (np.bincount(group, values) / np.bincount(group))[group]


class Scorer(FoldRows):
    """:class:`.explore.FoldRows` over the cached gold tokens, folds and languages."""

    def __init__(self, cache: dict):
        self.gold = cache["gold"]
        self.tok_fold = cache["fold"][cache["post"]]
        self.tok_lang = cache["lang"][cache["post"]]
        self.base_folds = None


def cv(args: argparse.Namespace) -> None:
    cache = pickle.loads(CACHE.read_bytes())
    sizes = np.array([len(x) for x in cache["inputs"]])
    cache["offsets"] = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    cache["weight"] = _balanced(cache["gold"], cache["lang"][cache["post"]]).astype(np.float32)
    fold = cache["fold"]
    neural = np.zeros(len(cache["gold"]))
    started = time.perf_counter()
    base = base_extra(cache)
    for f in range(K):
        cache["extra"] = base
        if args.stack:
            cache["extra"] = np.hstack([base, stack_extra(cache, cache["nested"][f])])
        test = list(np.flatnonzero(fold == f))
        votes = np.zeros(len(cache["gold"]))
        epochs = []
        for j in range(args.seeds):
            model, epoch = train_fold(
                cache,
                np.flatnonzero(fold != f),
                args.seed + f + 100 * j,
                args.emb,
                args.hidden,
                args.epochs,
                args.post_weight,
                args.dropout,
                args.table_lr,
            )
            predict(model, cache, test, cache["offsets"], votes)
            neural += votes / args.seeds
            epochs.append(epoch)
            epoch = epochs
        print(f"fold {f}: epoch {epoch}, {time.perf_counter() - started:.0f}s", flush=True)
    if args.save:
        np.save(args.save, neural)
    report(cache, neural)


def report(cache: dict, neural: np.ndarray) -> None:
    sc = Scorer(cache)
    sentence = cache["sentence"]
    shipped = cache["shipped"]
    print("| variant | token_f1_all | ru | uk | paired diff all | ru | uk |")
    print("|---|---|---|---|---|---|---|")
    sc.row("shipped: LR tagger, 0.5 token + 0.5 sentence mean", shipped)
    sc.row("neural alone", neural)
    smooth = 0.5 * neural + 0.5 * group_mean(neural, sentence)
    sc.row("neural, 0.5 token + 0.5 sentence mean", smooth)
    for a in (0.3, 0.5, 0.7):
        sc.row(f"{a} neural + {1 - a:.1f} shipped", a * neural + (1 - a) * shipped)
        sc.row(f"{a} neural(smoothed) + {1 - a:.1f} shipped", a * smooth + (1 - a) * shipped)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("step", choices=("prepare", "nested", "cv", "report"))
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--emb", type=int, default=48)
    parser.add_argument("--hidden", type=int, default=48)
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--post-weight", type=float, default=0.0)
    parser.add_argument("--seeds", type=int, default=1, help="average this many seeds per fold")
    parser.add_argument("--dropout", type=float, default=0.25)
    parser.add_argument("--table-lr", type=float, default=5e-3)
    parser.add_argument(
        "--stack", action="store_true", help="the linear tagger's nested scores as inputs"
    )
    parser.add_argument("--save", help="save the out-of-fold neural scores (.npy)")
    parser.add_argument("--load", help="report: the saved out-of-fold scores (.npy)")
    args = parser.parse_args()
    if args.step == "prepare":
        prepare()
    elif args.step == "nested":
        nested()
    elif args.step == "cv":
        cv(args)
    else:
        cache = pickle.loads(CACHE.read_bytes())
        report(cache, np.load(args.load))


if __name__ == "__main__":
    main()
