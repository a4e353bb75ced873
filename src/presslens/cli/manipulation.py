"""``--data unlp2025`` of ``presslens train techniques`` and ``presslens eval techniques``:
the Russian/Ukrainian manipulation model (hooks called from those commands)."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from presslens.cli.common import write_stdout

DATASETS = ("ptc", "unlp2025")
DEFAULT_OUT = Path("manipulation-model")


def check_data(data: str) -> None:
    if data not in DATASETS:
        raise typer.BadParameter(f"--data must be one of {', '.join(DATASETS)}")


def train_unlp2025(out: Path, seed: int) -> None:
    """Fit on the ``fit`` posts (knobs by 5-fold CV), export to OUT, score ``val``, card."""
    try:
        from presslens_training.manipulation.train import run
    except ModuleNotFoundError as exc:
        from presslens.errors import PresslensError

        raise PresslensError(
            f"training needs the train extra ({exc.name} missing): pip install 'presslens[train]'"
        ) from None
    _, report = run(out, seed=seed, log=typer.echo)
    typer.echo(f"wrote {out / 'MODEL_CARD.md'}; ship by copying model.json, model.npz and")
    typer.echo("MODEL_CARD.md into src/presslens/models/manipulation")
    print_report(report)


def eval_unlp2025(model: str | None, as_json: bool) -> None:
    """Token F1 and technique macro-F1 on ``val`` beside the trivial baselines."""
    from presslens.corpora import unlp2025
    from presslens.eval.manipulation import evaluate
    from presslens.manipulation.predictor import load_model

    report = evaluate(load_model(model), unlp2025.load("val"), "val")
    if as_json:
        write_stdout(json.dumps(report.to_dict(), indent=1))
        return
    print_report(report)


def print_report(report) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(
        title=f"UNLP-2025 {report.split}: {report.posts['all']} posts "
        f"({report.posts['ru']} ru, {report.posts['uk']} uk), {report.seconds}s"
    )
    for column in ("system", "language", "token F1", "interval", "technique macro-F1", "interval"):
        table.add_column(column)
    for name, by_lang in report.systems.items():
        label = "model" if name == "model" else "baseline"
        for lang, s in by_lang.items():
            table.add_row(
                label,
                lang,
                f"{s.token_f1:.3f}",
                f"{s.token_interval[0]:.3f}-{s.token_interval[1]:.3f}",
                f"{s.macro_f1:.3f}",
                f"{s.macro_interval[0]:.3f}-{s.macro_interval[1]:.3f}",
            )
    table.caption = (
        "baseline: every token manipulative, every label on every post; intervals: 95% over "
        "2,000 post resamples; the model alone (the stage adds rule-found designations)"
    )
    Console().print(table)
    per = Table(title="per technique F1 (model, all languages)")
    per.add_column("technique")
    per.add_column("F1", justify="right")
    for name, f1 in report.systems["model"]["all"].per_label.items():
        per.add_row(name, f"{f1:.3f}")
    Console().print(per)
