"""``presslens ingest``: analyse a corpus (trees, JSON Lines, feeds, WARCs) into a store."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import typer

from presslens.cli.common import DebugOption, err_console, fail


class EngineName(StrEnum):
    local = "local"
    dask = "dask"


def ingest(
    sources: list[str] = typer.Argument(..., help="Folders, .jsonl, RSS/Atom, .warc(.gz) files."),
    db: str | None = typer.Option(None, "--db", help="DuckDB path or postgresql:// URL."),
    engine: EngineName = typer.Option(EngineName.local, "--engine", help="local or dask."),
    workers: int | None = typer.Option(None, "--workers", "-w", min=1, help="Worker processes."),
    scheduler: str | None = typer.Option(
        None, "--scheduler", help="Dask scheduler address (tcp://host:8786)."
    ),
    stages: str | None = typer.Option(None, "--stages", help="Comma-separated stages to run."),
    reanalyse: bool = typer.Option(
        False, "--reanalyse", help="Re-analyse documents stored by another pipeline version."
    ),
    reprints: bool = typer.Option(
        True, "--reprints/--no-reprints", help="Update reprint groups after the run."
    ),
    batch_size: int | None = typer.Option(
        None, "--batch-size", min=1, help="Documents per database transaction."
    ),
    debug: bool = DebugOption,
) -> None:
    """Ingest and analyse a corpus; resumable (a re-run skips what is done).

    A bad item is recorded in the store's ``errors`` table and the run goes on;
    the exit code is 1 if any item failed.
    """
    from presslens.engine.runner import run_ingest
    from presslens.errors import PresslensError
    from presslens.settings import get_settings
    from presslens.store import open_store

    settings = get_settings(db=db, workers=workers, batch_size=batch_size)
    names = None if stages is None else [s.strip() for s in stages.split(",") if s.strip()]
    try:
        store = open_store(settings.db)
    except Exception as exc:
        if debug:
            raise
        fail(f"cannot open store {settings.db}: {exc}")
    try:
        with _progress(sources) as (progress, advance):
            summary = run_ingest(
                sources,
                store,
                settings,
                engine=engine.value,
                workers=settings.workers,
                scheduler=scheduler,
                stages=names,
                reanalyse=reanalyse,
                progress=advance,
            )
            progress.stop()
        grouped = None
        if reprints:
            from presslens.reprints.index import update_groups

            grouped = update_groups(store)
    except KeyError as exc:
        if debug:
            raise
        fail(str(exc).strip("'\""))
    except PresslensError as exc:
        if debug:
            raise
        fail(str(exc))
    except KeyboardInterrupt:
        fail("interrupted: what was written is kept; run the same command again to resume", 130)
    except Exception as exc:  # an engine or database failure: one line, the run is recorded
        if debug:
            raise
        fail(f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")
    finally:
        store.close()
    _report(summary, grouped)
    if summary.failed:
        raise typer.Exit(1)


class _progress:
    """A rich progress bar: items/s, ETA (when the total is cheap to know), failures."""

    def __init__(self, sources: list[str]):
        self.sources = sources

    def __enter__(self) -> tuple[Any, Any]:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        from presslens.ingest.corpus_inputs import count_items

        total = count_items(self.sources)
        self.progress = Progress(
            TextColumn("[bold]ingest"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]:.1f} items/s"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            TextColumn("[red]{task.fields[failed]} failed"),
            TextColumn("{task.fields[skipped]} skipped"),
            console=err_console,
            transient=False,
        )
        self.task = self.progress.add_task("ingest", total=total, failed=0, skipped=0, rate=0.0)
        self.counts = [0, 0, 0]
        import time

        self.started = time.perf_counter()
        self.progress.start()

        def advance(done: int, skipped: int, failed: int) -> None:
            self.counts = [self.counts[0] + done, self.counts[1] + skipped, self.counts[2] + failed]
            elapsed = max(time.perf_counter() - self.started, 1e-9)
            self.progress.update(
                self.task,
                advance=done + skipped + failed,
                failed=self.counts[2],
                skipped=self.counts[1],
                rate=(self.counts[0] + self.counts[2]) / elapsed,
            )

        return self.progress, advance

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()


def _report(summary: Any, grouped: Any) -> None:
    err_console.print(
        f"[bold]run {summary.run_id}[/]: {summary.done} analysed, {summary.skipped} skipped "
        f"(done before), {summary.failed} failed in {summary.seconds:.1f} s "
        f"({summary.items_per_s:.1f} items/s, engine {summary.engine}, "
        f"{summary.workers} worker(s), stages {','.join(summary.stages) or '-'})"
    )
    if getattr(summary, "metadata_updated", 0):
        err_console.print(f"{summary.metadata_updated} stored document(s) got new metadata")
    for source_id, kind, message in summary.errors[:10]:
        err_console.print(f"  [red]{kind}[/] {source_id}: {message}", markup=True)
    if summary.failed > 10:
        err_console.print(f"  ... and {summary.failed - 10} more (see the errors table)")
    if grouped is not None:
        err_console.print(
            f"reprints: {grouped.added} new passages indexed, in {grouped.groups} reprint groups"
        )


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
