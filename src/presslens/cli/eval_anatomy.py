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
    ptc_sentences: bool = typer.Option(
        False,
        "--ptc-sentences",
        help="Also score sentence starts against PTC train articles (one sentence per line).",
    ),
    debug: bool = DebugOption,
) -> None:
    """Score headline, standfirst, dateline (place, date, agency), byline and boilerplate."""

    def run() -> None:
        from rich.console import Console
        from rich.table import Table

        from presslens.eval.anatomy import FIELDS, Tally, evaluate, load_openings

        if ptc_sentences:
            _print_ptc_sentences()

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


def _print_ptc_sentences() -> None:
    from rich.console import Console
    from rich.table import Table

    from presslens.corpora.ptc import load_articles
    from presslens.eval.anatomy import sentence_boundaries

    articles = load_articles()
    scores = sentence_boundaries(a.text for a in articles)
    table = Table(title=f"sentence starts vs PTC line breaks ({len(articles)} train articles)")
    for col in ("splitter", "P", "R", "F1"):
        table.add_column(col, justify="right" if col != "splitter" else "left")
    for name, score in scores.items():
        table.add_row(name, f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}")
    Console().print(table)


def register(app: typer.Typer) -> None:
    """Add ``anatomy`` to the shared ``presslens eval`` group."""
    eval_app.command("anatomy")(eval_anatomy)
