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
    open_cues_only: bool = typer.Option(
        False,
        "--open-cues-only",
        help="Refit only the open-cue classifier (reports of verbs outside the lexicons).",
    ),
    neural: bool = typer.Option(
        False,
        "--neural",
        help="Fine-tune the MiniLM attribution tagger instead (CPU, about 35 minutes on two"
        " cores; needs torch from the train extra).",
    ),
    epochs: int = typer.Option(2, "--epochs", help="Fine-tuning epochs (--neural)."),
    limit: int | None = typer.Option(
        None, "--limit", help="First N articles of each part (--neural; a quick check)."
    ),
    debug: bool = DebugOption,
) -> None:
    """Choose the CRF's knobs and its combination with the rules by k-fold CV, fit, write the
    model and its card; then the open-cue classifier, its C chosen by the same folds
    (needs python-crfsuite and scikit-learn, from the ``train`` extra). ``--neural``:
    fine-tune the MiniLM tagger (:mod:`presslens_training.quotes.neural`) instead."""

    def run() -> None:
        from presslens_training.quotes.open_cues import train_open_cues
        from presslens_training.quotes.run import train_quotes as recipe

        if neural:
            from presslens_training.quotes.neural import train_neural

            record = train_neural(out, cache, epochs=epochs, log=typer.echo, limit=limit)
            chosen = record["chosen"]
            typer.echo(
                f"tagger written to {out} (with the rules: {chosen['combine']}, "
                f"from score {chosen['least']})"
            )
            return
        if not open_cues_only:
            record = recipe(out, cache=cache, k=folds, heldout=heldout, dev=dev, log=typer.echo)
            typer.echo(f"model written to {out} ({record['features']} features)")
        meta = train_open_cues(out, cache=cache, k=folds, log=typer.echo)
        typer.echo(
            f"open-cue classifier written to {out} (C={meta['c']}, "
            f"{meta['candidates']} candidates, {meta['right']} right)"
        )

    guarded(run, debug=debug)
