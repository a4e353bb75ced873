"""``presslens eval entities --data ner-uk``: the entities stage on the NER-UK held-out part."""

from __future__ import annotations

from pathlib import Path

import typer

from presslens.cli.common import DebugOption, fail, guarded
from presslens.cli.groups import eval_app


def eval_entities(
    data: str = typer.Option("ner-uk", "--data", help="Labelled data: ner-uk (NER-UK 2.0 DEV)."),
    root: Path | None = typer.Option(
        None, "--root", help="Folder holding ner-uk's dev/ (default: shared/data/entities/ner-uk)."
    ),
    part: str = typer.Option(
        "heldout", "--part", help="heldout (the reported numbers) or train (documents trained on)."
    ),
    debug: bool = DebugOption,
) -> None:
    """Typed-overlap and exact F1, per type, beside the capitalised-run baseline.

    P/R/F1 count a mention right when it overlaps a gold span of its type
    ("typed") or of any type ("untyped"); the exact columns need equal
    boundaries. "caps rule" marks runs of capitalised words (a lone
    sentence-initial word excepted) and knows no types; "natasha" is natasha's
    Russian NER run on the Ukrainian text as it is.
    """
    if data != "ner-uk":
        fail(f"unknown data {data!r}: only ner-uk")

    def run() -> None:
        from rich.console import Console
        from rich.table import Table

        from presslens.corpora.ner_uk import load_documents, split
        from presslens.eval.entities import (
            ENTITY_TYPES,
            Report,
            capitalised_runs,
            evaluate,
            natasha_spans,
            stage_spans,
        )

        docs = split(load_documents(root), part)
        stage = evaluate(docs, stage_spans)
        baseline = evaluate(docs, capitalised_runs)
        natasha = evaluate(docs, natasha_spans)
        table = Table(title=f"entities on NER-UK {part} ({len(docs)} documents)")
        for col in ("system", "scope", "gold", "P", "R", "F1", "exact P", "exact R", "exact F1"):
            table.add_column(col, justify="left" if col in ("system", "scope") else "right")

        def row(system: str, scope: str, overlap, exact) -> None:
            o, e = overlap.prf(), exact.prf() if exact is not None else None
            cells = [f"{o.precision:.3f}", f"{o.recall:.3f}", f"{o.f1:.3f}"]
            cells += [f"{e.precision:.3f}", f"{e.recall:.3f}", f"{e.f1:.3f}"] if e else ["–"] * 3
            table.add_row(system, scope, str(overlap.gold), *cells)

        def rows(system: str, report: Report, typed: bool) -> None:
            if typed:
                row(system, "typed", report.overlap, report.exact)
                for t in ENTITY_TYPES:
                    row(system, f"  {t}", *report.by_type[t])
            row(system, "untyped", report.untyped, None)

        rows("stage", stage, True)
        rows("natasha", natasha, True)
        rows("caps rule", baseline, False)
        Console().print(table)

    guarded(run, debug=debug)


def register(app: typer.Typer) -> None:
    """Add ``entities`` to the shared ``presslens eval`` group."""
    eval_app.command("entities")(eval_entities)
