"""The tagger's per-token technique head, fitted on its frozen hidden states: numpy only.

Training gives the tagger an auxiliary head, "which techniques" per wordpiece, fitted
only on wordpieces inside gold spans; at inference ``P(propaganda) * P(technique |
propaganda)`` names short runs nested in longer spans (``DecodeParams.labelled``). A
tagger exported without that head gets one here: 14 logistic regressions (one per
technique, multi-label, as the auxiliary loss) over the exported encoder's final
hidden states of the ``fit`` articles' propaganda wordpieces, full-batch Adam in numpy
(deterministic: zero init, no sampling). The encoder does not change, so span
detection (SI) does not either.
"""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path
from typing import Any

import numpy as np

from presslens.corpora import ptc
from presslens.techniques.lexical import sigmoid
from presslens.techniques.model import BATCH, batch_windows
from presslens.techniques.windows import line_sentences
from presslens_training.techniques.data import piece_labels
from presslens_training.techniques.lexical import adam

log = logging.getLogger("presslens.train.techniques")


def propaganda_states(predictor, articles: list[ptc.Article]) -> tuple[np.ndarray, np.ndarray]:
    """Hidden states ``(N, H)`` of wordpieces in gold spans and their ``(N, 14)`` techniques."""
    states: list[np.ndarray] = []
    labels: list[np.ndarray] = []
    for article in articles:
        windows = predictor.windows(article.text, line_sentences(article.text))
        for start in range(0, len(windows), BATCH):
            chunk = windows[start : start + BATCH]
            _, hidden = predictor.backend(*batch_windows(chunk))
            for j, window in enumerate(chunk):
                prop, tech = piece_labels(window, article)
                inside = np.flatnonzero(prop)
                states.append(hidden[j, inside].astype(np.float32))
                labels.append(tech[inside])
    return np.concatenate(states), np.concatenate(labels)


def fit_head(
    x: np.ndarray, y: np.ndarray, l2: float = 1e-4, steps: int = 300, lr: float = 0.05
) -> tuple[np.ndarray, np.ndarray]:
    """``(W (14, H), b (14,))`` of independent logistic regressions (full-batch Adam)."""
    n, h = x.shape
    x1 = np.concatenate([x, np.ones((n, 1), dtype=x.dtype)], axis=1).astype(np.float64)
    reg = np.ones((h + 1, 1))
    reg[-1] = 0.0  # no penalty on the bias

    def grad(w: np.ndarray) -> np.ndarray:
        p = sigmoid(x1 @ w)
        return x1.T @ (p - y) / n + l2 * reg * w

    w = adam(np.zeros((h + 1, y.shape[1])), grad, steps, lr)
    return w[:-1].T.astype(np.float32), w[-1].astype(np.float32)


def add_tech_head(model_dir: Path, *, steps: int = 300, l2: float = 1e-4) -> dict[str, Any]:
    """Fit the technique head of ``model_dir``'s tagger on ``fit`` into its heads file.

    Writes ``tag_tech_w``/``tag_tech_b`` and a ``tech_head`` record in ``config.json``;
    the decoding knobs that use the head are tuned afterwards (:func:`upgrade` does both).
    """
    from presslens.techniques.model import load_predictor

    started = time.time()
    config_path = model_dir / "config.json"
    config = json.loads(config_path.read_text(encoding="utf-8"))
    predictor = load_predictor(model_dir, threads=2)
    split = ptc.split_ids(ptc.article_ids())
    x, y = propaganda_states(predictor, ptc.load_articles(ids=split["fit"]))
    log.info("technique head: %d propaganda wordpieces from fit", len(x))
    w, b = fit_head(x, y, l2=l2, steps=steps)
    heads_path = model_dir / config["heads"]
    with np.load(heads_path) as old:
        heads = {k: old[k] for k in old.files}
    heads.update(tag_tech_w=w, tag_tech_b=b)
    np.savez(heads_path, **heads)
    info = {
        "fitted_on": "frozen tagger states",
        "wordpieces": len(x),
        "l2": l2,
        "steps": steps,
        "seconds": round(time.time() - started, 1),
    }
    config["tech_head"] = info
    config_path.write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
    return info


def upgrade(model_dir: Path) -> None:
    """``presslens train techniques --heads-only``: no torch, the encoders' weights kept.

    A dynamic-int8 tagger gets its int8w twin (the default from then on), the tagger
    gets a fitted technique head, and the decoding knobs are retuned on ``tune``.
    """
    from presslens_training.techniques.quantize import weights_only_from_dynamic
    from presslens_training.techniques.tuning import tune_decode

    config_path = model_dir / "config.json"
    config = json.loads(config_path.read_text(encoding="utf-8"))
    if not (model_dir / config["onnx"].get("int8w", {}).get("tagger", "-")).is_file():
        dynamic = config["onnx"]["int8"]
        weights_only_from_dynamic(model_dir / dynamic["tagger"], model_dir / "tagger.int8w.onnx")
        config["onnx"]["int8w"] = {
            "tagger": "tagger.int8w.onnx",
            "classifier": dynamic["classifier"],
        }
        config["default"] = "int8w"
        config_path.write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
    add_tech_head(model_dir)
    config = json.loads(config_path.read_text(encoding="utf-8"))
    config["decode"] = tune_decode(model_dir)
    config_path.write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
