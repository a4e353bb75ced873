"""``presslens train techniques --data unlp2025``: fit, export, score val, write the card."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from presslens.corpora import unlp2025
from presslens.eval.manipulation import Report, evaluate
from presslens.manipulation.predictor import load_model
from presslens_training.manipulation.card import write_card
from presslens_training.manipulation.finetune_e5 import (
    EPOCHS,
    PIECE_MIX,
    PIECE_THRESHOLD,
    fit_upper,
)
from presslens_training.manipulation.fit import Fitted, Log, export_arrays, train
from presslens_training.manipulation.vectors import post_vectors

COMMAND = "presslens train techniques --data unlp2025"


def run(
    out: Path,
    seed: int = 13,
    root: Path | None = None,
    limit: int | None = None,
    log: Log = print,
    piece_epochs: int = EPOCHS,
) -> tuple[Fitted, Report]:
    """Train on ``fit``, write ``model.json``/``model.npz`` to ``out``, score ``val``, card.

    ``limit`` keeps the first posts of each split (for tests); the shipped model uses all.
    ``piece_epochs`` 0 leaves the fine-tuned encoder out (:mod:`.finetune_e5`; it needs
    torch, and about 40 minutes of one core over the fit posts).
    """
    fit_posts = unlp2025.load("fit", root)
    val_posts = unlp2025.load("val", root)
    if limit is not None:
        fit_posts, val_posts = fit_posts[:limit], val_posts[: max(10, limit // 5)]
    fitted = train(fit_posts, seed, log, post_vectors(fit_posts, log))
    out.mkdir(parents=True, exist_ok=True)
    meta, arrays = export_arrays(fitted)
    meta["seed"] = seed
    if piece_epochs:
        log(f"fine-tuning the encoder's top layers: {len(fit_posts)} posts, {piece_epochs} epochs")
        piece_meta, piece_arrays = fit_upper(fit_posts, seed, piece_epochs)
        meta["piece_tagger"] = {**piece_meta, "mix": PIECE_MIX, "threshold": PIECE_THRESHOLD}
        arrays.update(piece_arrays)
    (out / "model.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
    np.savez_compressed(out / "model.npz", **arrays)
    report = evaluate(load_model(out), val_posts, "val")
    command = COMMAND + ("" if seed == 13 else f" --seed {seed}")
    write_card(out, fitted, report, seed, len(fit_posts), command, meta.get("piece_tagger"))
    (out / "val.json").write_text(json.dumps(report.to_dict(), indent=1), encoding="utf-8")
    return fitted, report
