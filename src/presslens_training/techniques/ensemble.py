"""A second tagger for an exported techniques model: trained, exported, weighted.

Ensembling was the one lever every leading SemEval-2020 SI system used. Here a second
MiniLM tagger, trained with another seed, joins the exported model's tagger: its word
embeddings are frozen at the first tagger's table so the two (and the span
classifier) ship one table (:mod:`.shared_embeddings`), and the model's
propaganda probability becomes the weighted mean of the two taggers'
(:class:`presslens.techniques.model.Ensemble`). The weight is chosen on
``tune`` SI F1 (never ``val``); the lexical mix and decoding knobs are retuned after.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from pathlib import Path
from typing import Any

import numpy as np

from presslens.corpora import ptc
from presslens.techniques.model import Ensemble, Predictor, load_predictor, tagger_files
from presslens.techniques.windows import line_sentences
from presslens_training.techniques.tuning import best_decode

log = logging.getLogger("presslens.train.techniques")

WEIGHTS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7)
"""Share of the second tagger tried on tune (0: the first tagger alone)."""
THRESHOLDS = (0.15, 0.2, 0.25, 0.3, 0.35)
GAPS = (2, 3, 4)
SECOND = "tagger2"


def tune_weight(model_dir: Path) -> tuple[float, float]:
    """``(second tagger's weight, tune SI F1)``: each weight with its best threshold and gap.

    The other knobs (minimum length, peak, lexical mix) stay as the model has them; the
    caller retunes them all for the chosen weight.
    """
    predictor = load_predictor(model_dir, threads=2)
    ensemble = predictor.backend
    if not isinstance(ensemble, Ensemble) or len(ensemble.backends) != 2:
        raise ValueError(f"{model_dir}: expected an ensemble of two taggers")
    outputs = [
        _tune_outputs(dataclasses.replace(predictor, backend=member))
        for member in ensemble.backends
    ]
    params = predictor.params
    grid = [dataclasses.replace(params, threshold=t, gap=g) for t in THRESHOLDS for g in GAPS]
    best: tuple[float, float] | None = None
    for weight in WEIGHTS:
        probabilities = []
        for (a, windows, p1), (_, _, p2) in zip(*outputs, strict=True):
            probs = [(1 - weight) * x + weight * y for x, y in zip(p1, p2, strict=True)]
            probabilities.append((a, windows, predictor.mix(a.text, windows, probs)))
        score, _ = best_decode(probabilities, grid)
        log.info("second tagger weight %.1f: tune SI %.4f", weight, score.f1)
        if best is None or score.f1 > best[1]:
            best = (weight, score.f1)
    assert best is not None
    return best


def _tune_outputs(predictor: Predictor) -> list[tuple[ptc.Article, list, list[np.ndarray]]]:
    """Per ``tune`` article: its windows and one tagger's raw propaganda probabilities."""
    out = []
    for article in ptc.load_split("tune"):
        windows = predictor.windows(article.text, line_sentences(article.text))
        out.append((article, windows, predictor.probabilities(windows) if windows else []))
    return out


def add_tagger(
    model_dir: Path,
    *,
    epochs: int = 5,
    seed: int = 29,
    batch_size: int = 16,
    device: str = "cpu",
    unlabelled: Path | None = None,
    unlabelled_limit: int | None = None,
) -> dict[str, Any]:
    """Train a second tagger into ``model_dir`` (an exported model) and join it.

    Needs the ``train`` extra. The checkpoint goes to ``checkpoints/tagger2`` in
    ``model_dir``; :func:`join_tagger` does the rest. A second tagger already there is
    replaced. ``unlabelled``: a folder of news ``.txt`` files that the model, as it
    stands, tags for the new tagger to learn from as well (:mod:`.self_training`).
    """
    from presslens_training.techniques.train import train

    config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    first = tagger_files(config["onnx"][config["default"]])[0]
    work = model_dir / "checkpoints" / SECOND
    extra, source = _teacher_examples(model_dir, unlabelled, unlabelled_limit)
    train(
        work,
        epochs=epochs,
        seed=seed,
        device=device,
        task="tag",
        batch_size=batch_size,
        max_len=int(config.get("max_len", 128)),
        word_embeddings=model_dir / first,
        extra_tags=extra,
        extra_source=source,
    )
    return join_tagger(model_dir, work / "checkpoint.pt")


def _teacher_examples(
    model_dir: Path, unlabelled: Path | None, limit: int | None
) -> tuple[list, dict[str, Any] | None]:
    """Soft-labelled windows of ``unlabelled`` news, tagged by the model in ``model_dir``."""
    if unlabelled is None:
        return [], None
    from presslens_training.techniques.self_training import pseudo_examples, unlabelled_texts

    texts = unlabelled_texts(unlabelled, limit)
    examples = pseudo_examples(load_predictor(model_dir, threads=2), texts)
    log.info("self-training: %d unlabelled articles, %d windows", len(texts), len(examples))
    source = {
        "folder": str(unlabelled),
        "articles": [name for name, _ in texts],
        "windows": len(examples),
        "teacher": "the model as it stood (tagger ensemble mixed with the lexical model)",
    }
    return examples, source


def join_tagger(model_dir: Path, checkpoint: Path) -> dict[str, Any]:
    """Export a second tagger's checkpoint into ``model_dir`` and weight it on tune.

    Writes ``tagger2.{fp32,int8,int8w}.onnx`` (int8w ships), ``word_embeddings.bin``
    (the table all shipped graphs now read), the ``ensemble`` entry of ``config.json``
    and ``tagger2`` in ``train.json``. Retune the lexical mix and decoding knobs
    afterwards (:func:`.lexical.add_lexical`).
    """
    from presslens_training.techniques.export import (
        FLOAT_MATMULS,
        export_encoder,
        load_checkpoint,
    )
    from presslens_training.techniques.shared_embeddings import TABLE, share_table

    config_path = model_dir / "config.json"
    config = json.loads(config_path.read_text(encoding="utf-8"))
    files = config["onnx"][config["default"]]
    first = tagger_files(files)[0]
    net, summary = load_checkpoint(checkpoint)
    names = export_encoder(net, SECOND, model_dir)
    share_table(
        model_dir / first, [model_dir / names["int8w"], model_dir / files["classifier"]], model_dir
    )
    config["onnx"][config["default"]] = {**files, "tagger": [first, names["int8w"]]}
    config["shared_files"] = [TABLE]
    config["session_config"] = FLOAT_MATMULS
    config["ensemble"] = {"weights": [0.5, 0.5]}
    config_path.write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
    weight, f1 = tune_weight(model_dir)
    config["ensemble"] = {"weights": [round(1 - weight, 2), weight], "tune_si_f1": round(f1, 4)}
    config_path.write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
    train_json = model_dir / "train.json"
    summaries = json.loads(train_json.read_text(encoding="utf-8"))
    summaries[SECOND] = summary
    train_json.write_text(json.dumps(summaries, indent=1), encoding="utf-8")
    return config["ensemble"]
