"""``presslens eval quotes``: attribution scores on PolNeAR, with a quote-marks baseline."""

from __future__ import annotations

import typer

from presslens.cli.common import DebugOption, guarded
from presslens.cli.groups import eval_app


def register(app: typer.Typer) -> None:
    """The command registers on the shared ``eval`` group when this module is imported."""


@eval_app.command("quotes")
def eval_quotes(
    split: str = typer.Option(
        "dev", "--split", help="PolNeAR split: dev or train (test is held out)."
    ),
    limit: int | None = typer.Option(None, "--limit", help="Score only the first N articles."),
    errors: bool = typer.Option(True, "--errors/--no-errors", help="Print error categories."),
    language: str = typer.Option(
        "en", "--language", help="en (PolNeAR), or ru / uk (the project's labelled sets)."
    ),
    part: str = typer.Option("dev", "--part", help="ru/uk set: dev or heldout."),
    debug: bool = DebugOption,
) -> None:
    """Score quotes, cues and speakers on PolNeAR (content overlap >= half the smaller span)."""
    if language != "en":
        from presslens.cli.eval_quotes_language import eval_language

        eval_language(language, part, errors, debug)
        return

    def run() -> None:
        from rich.console import Console
        from rich.table import Table

        from presslens.eval.quotes import HEADLINE_KEYS, evaluate

        reports = evaluate(split, limit)
        console = Console()
        ours, base = reports["presslens"], reports["baseline"]
        keys = list(HEADLINE_KEYS) + [k for k in ours.scores if k not in HEADLINE_KEYS]
        table = Table(title=f"PolNeAR {split}: attribution (P / R / F1)")
        table.add_column("score")
        table.add_column("presslens", justify="right")
        table.add_column("baseline (marks only)", justify="right")
        for key in keys:
            cells = []
            for rep in (ours, base):
                s = rep.prf(key)
                cells.append(f"{s.precision:.3f} / {s.recall:.3f} / {s.f1:.3f}")
            table.add_row(key, *cells)
        console.print(table)
        if errors:
            err = Table(title="presslens errors by category")
            err.add_column("category")
            err.add_column("count", justify="right")
            for k, v in sorted(ours.errors.items(), key=lambda kv: -kv[1]):
                err.add_row(k, str(v))
            console.print(err)

    guarded(run, debug=debug)
