"""``presslens eval extraction``: article-body extraction on the Scrapinghub benchmark.

Scores presslens's HTML ingestion and trafilatura's own ``extract()`` (plus the
alternative configurations presslens chose between) over the same pages in one
run, so the comparison does not depend on numbers measured elsewhere.
"""

from __future__ import annotations

import json
from pathlib import Path

import typer

from presslens.cli.common import DebugOption, guarded, write_stdout
from presslens.cli.groups import eval_app


def eval_extraction(
    data: Path | None = typer.Option(
        None, "--data", help="Benchmark folder (default: the data folder's)."
    ),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Score the first N pages."),
    only: list[str] = typer.Option([], "--only", help="Run only these extractors (repeatable)."),
    reference: bool = typer.Option(
        False, "--reference", help="Also score the published reference outputs."
    ),
    predictions: Path | None = typer.Option(
        None, "--predictions", help="Write presslens's predictions (benchmark JSON) to this file."
    ),
    bootstrap: int = typer.Option(1000, "--bootstrap", min=0, help="Bootstrap resamples for ±."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    debug: bool = DebugOption,
) -> None:
    """Body precision/recall/F1 of presslens and trafilatura on the extraction benchmark."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn
    from rich.table import Table

    from presslens.corpora.extraction import load_items, load_predictions, reference_outputs
    from presslens.eval import extraction as scorer

    items = guarded(lambda: load_items(data, limit), debug=debug)
    extractors = scorer.EXTRACTORS
    if only:
        unknown = [name for name in only if name not in extractors]
        if unknown:
            from presslens.cli.common import fail

            fail(f"unknown extractor {unknown[0]!r}; known: {', '.join(extractors)}")
        extractors = {name: extractors[name] for name in only}
    console = Console(stderr=True)
    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task("extracting", total=len(items))
        report = scorer.evaluate(
            items, extractors, bootstrap=bootstrap, progress=lambda n: progress.advance(task, n)
        )
    summaries = dict(report.summaries)
    if reference:
        truth = {item.id: item.body for item in items}
        for tool, path in reference_outputs(data):
            summaries[f"published: {tool}"] = scorer.score(
                truth, load_predictions(path), bootstrap=bootstrap
            )
    if predictions is not None and "presslens" in report.predictions:
        body = {k: {"articleBody": v} for k, v in report.predictions["presslens"].items()}
        predictions.write_text(json.dumps(body, ensure_ascii=False, indent=1), encoding="utf-8")
    if as_json:
        write_stdout(json.dumps({name: s.as_dict() for name, s in summaries.items()}, indent=2))
        return
    table = Table(
        title=f"Article body extraction, {len(items)} pages "
        "(4-token shingles, macro P/R, F1 of the averages)"
    )
    for column in ("extractor", "precision", "recall", "F1", "±", "accuracy"):
        table.add_column(column, justify="left" if column == "extractor" else "right")
    for name, s in summaries.items():
        style = "bold" if name in ("presslens", scorer.BASELINE) else None
        table.add_row(
            name,
            f"{s.precision:.4f}",
            f"{s.recall:.4f}",
            f"{s.f1:.4f}",
            f"{s.f1_std:.4f}",
            f"{s.accuracy:.3f}",
            style=style,
        )
    Console().print(table)


def register(app: typer.Typer) -> None:
    eval_app.command("extraction")(eval_extraction)
