"""``presslens eval reprints``: pair precision/recall and first-publisher accuracy
on a planted corpus (PTC and PolNeAR articles plus planted reprints)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import typer

from presslens.cli.common import DebugOption, err_console, fail, write_stdout
from presslens.cli.groups import eval_app


def eval_reprints(
    groups: int = typer.Option(40, "--groups", help="Planted reprint groups."),
    singles: int = typer.Option(120, "--singles", help="Unrelated articles."),
    seed: int = typer.Option(0, "--seed"),
    corpus_dir: Path | None = typer.Option(None, "--corpus", help="Keep/reuse the corpus here."),
    workers: int = typer.Option(1, "--workers", "-w", min=1),
    shingle: int | None = typer.Option(None, "--shingle", min=1, max=8),
    perms: int | None = typer.Option(None, "--perms", min=16),
    threshold: float | None = typer.Option(None, "--threshold", min=0.05, max=0.99),
    tune: bool = typer.Option(
        False, "--tune", help="Score a grid of shingle sizes, permutations and thresholds."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON rows."),
    debug: bool = DebugOption,
) -> None:
    """Build a planted corpus, ingest it, group reprints and score them."""
    from dataclasses import replace

    from presslens.errors import PresslensError
    from presslens.eval.reprints import default_grid, evaluate, ingest_planted, planted_corpus
    from presslens.query.render import to_table
    from presslens.reprints.passages import DEFAULT_PARAMS
    from presslens.store import open_store

    with tempfile.TemporaryDirectory(prefix="presslens-reprints-") as tmp:
        root = corpus_dir or Path(tmp) / "corpus"
        try:
            corpus = planted_corpus(root, groups=groups, singles=singles, seed=seed)
            store = open_store(str(Path(tmp) / "eval.duckdb"))
            run = ingest_planted(store, corpus, workers=workers)
            params = replace(
                DEFAULT_PARAMS,
                **{
                    k: v
                    for k, v in (
                        ("shingle", shingle),
                        ("num_perm", perms),
                        ("threshold", threshold),
                    )
                    if v is not None
                },
            )
            grid = default_grid() if tune else [params]
            scores = evaluate(store, corpus, grid)
            store.close()
        except (PresslensError, ValueError) as exc:
            if debug:
                raise
            fail(str(exc))
    rows = [s.row() for s in scores]
    err_console.print(
        f"planted corpus: {len(corpus.groups)} groups, "
        f"{sum(len(g.copies) for g in corpus.groups)} copies, "
        f"{len(corpus.singles)} unrelated, {len(corpus.corrupt)} corrupt; "
        f"ingest: {run.done} analysed, {run.failed} failed"
    )
    if as_json:
        write_stdout("\n".join(json.dumps(r) for r in rows))
    else:
        from rich.console import Console

        Console().print(to_table(rows, title="reprints (pairs; first publisher per group)"))
    last = (
        scores[-1]
        if not tune
        else max(scores, key=lambda s: (s.precision + s.recall, s.first_publisher))
    )
    for pair in last.missed[:5]:
        err_console.print(f"  missed pair: {pair[0][:12]} {pair[1][:12]}")
    for source in last.wrong_first[:5]:
        err_console.print(f"  wrong first publisher: group of {source}")


def register(app: typer.Typer) -> None:
    eval_app.command("reprints")(eval_reprints)
