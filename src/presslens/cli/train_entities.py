"""``presslens train entities``: reproduce the bundled Ukrainian entity tagger from NER-UK."""

from __future__ import annotations

from pathlib import Path

import typer

from presslens.cli.common import DebugOption, fail, guarded
from presslens.cli.groups import train_app

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "entities-uk"


def register(app: typer.Typer) -> None:
    """The command registers on the shared ``train`` group when this module is imported."""


@train_app.command("entities")
def train_entities(
    data: str = typer.Option("ner-uk", "--data", help="Training data: ner-uk (NER-UK 2.0 DEV)."),
    root: Path | None = typer.Option(
        None, "--root", help="Folder holding ner-uk's dev/ (default: shared/data/entities/ner-uk)."
    ),
    out: Path = typer.Option(MODEL_DIR, "--out", help="Output model directory."),
    folds: int = typer.Option(5, "--folds", help="Cross-validation folds over train documents."),
    heldout: bool = typer.Option(
        True, "--heldout/--no-heldout", help="Score the held-out part once for the card."
    ),
    debug: bool = DebugOption,
) -> None:
    """Choose the CRF's knobs by k-fold CV, fit on the train part, write model and card."""
    if data != "ner-uk":
        fail(f"unknown data {data!r}: only ner-uk")

    def run() -> None:
        from presslens_training.entities.run import train_entities as recipe

        record = recipe(out, root=root, folds=folds, heldout=heldout, log=typer.echo)
        typer.echo(f"model written to {out} ({record['features']} features)")

    guarded(run, debug=debug)
