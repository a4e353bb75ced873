"""``presslens eval anatomy``: per-field accuracy of the anatomy stage on labelled openings."""

from __future__ import annotations

from pathlib import Path

import typer

from presslens.cli.common import DebugOption, guarded
from presslens.cli.groups import eval_app


def eval_anatomy(
    data: Path | None = typer.Option(
        None, "--data", help="JSON Lines of labelled openings (default: the shipped set)."
    ),
    show_errors: bool = typer.Option(False, "--show-errors", help="List every wrong field."),
    debug: bool = DebugOption,
) -> None:
    """Score headline, standfirst, dateline (place, date, agency), byline and boilerplate."""

    def run() -> None:
        from rich.console import Console
        from rich.table import Table

        from presslens.eval.anatomy import FIELDS, Tally, evaluate, load_openings

        report = evaluate(load_openings(data))
        console = Console()
        table = Table(title=f"anatomy: accuracy on {report.n} openings")
        table.add_column("field")
        table.add_column("all", justify="right")
        langs = list(report.by_language)
        for lang in langs:
            table.add_column(lang, justify="right")

        def cell(tally: Tally, key: str) -> str:
            acc = tally.accuracy(key)
            return "–" if acc is None else f"{acc:.3f} ({tally.right[key]}/{tally.total[key]})"

        for key in FIELDS:
            per_language = (cell(report.by_language[lg], key) for lg in langs)
            table.add_row(key, cell(report.overall, key), *per_language)
        console.print(table)
        if show_errors and report.misses:
            errors = Table(title="errors")
            for col in ("id", "field", "expected", "predicted"):
                errors.add_column(col, overflow="fold")
            for miss in report.misses:
                errors.add_row(miss.id, miss.field, repr(miss.expected), repr(miss.predicted))
            console.print(errors)

    guarded(run, debug=debug)


def register(app: typer.Typer) -> None:
    """Add ``anatomy`` to the shared ``presslens eval`` group."""
    eval_app.command("anatomy")(eval_anatomy)
