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
        "dev",
        "--split",
        help="PolNeAR split: dev, train, or heldout (the part of train the model never "
        "chose on); test is withheld.",
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

        from presslens.eval.bootstrap import RESAMPLES
        from presslens.eval.quotes import HEADLINE_KEYS, evaluate

        reports = evaluate(split, limit)
        console = Console()
        ours = reports["presslens"]
        keys = list(HEADLINE_KEYS) + [k for k in ours.scores if k not in HEADLINE_KEYS]
        table = Table(title=f"PolNeAR {split}: attribution (P / R / F1)")
        table.add_column("score")
        for name in reports:
            title = "baseline (marks only)" if name == "baseline" else name
            table.add_column(title, justify="right")
        for key in keys:
            cells = []
            for rep in reports.values():
                s = rep.prf(key)
                cells.append(f"{s.precision:.3f} / {s.recall:.3f} / {s.f1:.3f}")
            table.add_row(key, *cells)
        console.print(table)
        for name, rep in reports.items():
            spans = rep.intervals()
            cells = ", ".join(
                f"{key} F1 {rep.prf(key).f1:.3f} [{low:.3f}, {high:.3f}]"
                for key, (low, high) in spans.items()
            )
            console.print(f"{name}: {cells}")
        console.print(
            f"[dim]95% intervals over {RESAMPLES:,} resamples of the {len(ours.articles)} "
            "articles[/dim]"
        )
        if errors:
            names = [n for n in reports if n != "baseline"]
            err = Table(title="errors by category")
            err.add_column("category")
            for name in names:
                err.add_column(name, justify="right")
            cats = sorted(
                {k for n in names for k in reports[n].errors}, key=lambda k: -ours.errors.get(k, 0)
            )
            for k in cats:
                err.add_row(k, *(str(reports[n].errors.get(k, 0)) for n in names))
            console.print(err)
            for name in names:
                over = reports[name].errors.get("direct: gold runs beyond the marks", 0)
                direct = reports[name].prf("direct: content").n_p
                share = over / direct if direct else 0.0
                console.print(
                    f"{name}: {over} of {direct} predicted direct quotes ({share:.1%}) have gold "
                    "content running beyond the marks (a partial quote in a report: mixed)"
                )

    guarded(run, debug=debug)
