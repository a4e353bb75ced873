"""``presslens train quotes``: reproduce the bundled English attribution tagger from PolNeAR."""

from __future__ import annotations

from pathlib import Path

import typer

from presslens.cli.common import DebugOption, guarded
from presslens.cli.groups import train_app

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "quotes-en"


def register(app: typer.Typer) -> None:
    """The command registers on the shared ``train`` group when this module is imported."""


@train_app.command("quotes")
def train_quotes(
    out: Path = typer.Option(MODEL_DIR, "--out", help="Output model directory."),
    cache: Path | None = typer.Option(
        None, "--cache", help="Folder for spaCy parses of PolNeAR (kept between runs)."
    ),
    folds: int = typer.Option(5, "--folds", help="Cross-validation folds over train articles."),
    heldout: bool = typer.Option(
        True, "--heldout/--no-heldout", help="Score the held-out part once for the card."
    ),
    dev: bool = typer.Option(True, "--dev/--no-dev", help="Score PolNeAR dev for the card."),
    debug: bool = DebugOption,
) -> None:
    """Choose the CRF's knobs and its combination with the rules by k-fold CV, fit, write the
    model and its card (needs python-crfsuite, from the ``train`` extra)."""

    def run() -> None:
        from presslens_training.quotes.run import train_quotes as recipe

        record = recipe(out, cache=cache, k=folds, heldout=heldout, dev=dev, log=typer.echo)
        typer.echo(f"model written to {out} ({record['features']} features)")

    guarded(run, debug=debug)
