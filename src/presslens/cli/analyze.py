"""``presslens analyze``: take one or more dispatches apart."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from presslens.cli.common import DebugOption, err_console, fail, one_line, write_stdout

if TYPE_CHECKING:
    from presslens.document import Document

BATCH = 16  # files analysed together (read first, then one spaCy batch)


class OutputFormat(StrEnum):
    terminal = "terminal"
    json = "json"
    html = "html"


def analyze(
    files: list[str] = typer.Argument(
        ..., help="Text or HTML files, http(s) URLs, or '-' for standard input."
    ),
    output_format: OutputFormat = typer.Option(
        OutputFormat.terminal, "--format", "-f", help="terminal, json (JSON Lines) or html."
    ),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to this file."),
    stages: str | None = typer.Option(None, "--stages", help="Comma-separated stages to run."),
    exclude: str | None = typer.Option(None, "--exclude", help="Comma-separated stages to skip."),
    max_bytes: int | None = typer.Option(None, "--max-bytes", help="Largest input accepted."),
    indent: int | None = typer.Option(None, "--indent", help="Indent JSON (one document only)."),
    debug: bool = DebugOption,
) -> None:
    """Analyse dispatches: anatomy, entities, quotes, sourcing, techniques, repetitions.

    Several files are analysed in batches of 16 (one spaCy pass over each batch); a
    file that fails is reported on stderr and the others go on (the exit code is 1
    if any failed).
    """
    import presslens
    from presslens.errors import PresslensError
    from presslens.ingest.reader import read
    from presslens.pipeline import Pipeline
    from presslens.settings import get_settings

    if output_format is OutputFormat.html and len(files) != 1:
        fail("--format html takes exactly one input")
    settings = get_settings(max_input_bytes=max_bytes)
    try:
        if stages:
            pipeline = Pipeline.from_names(
                [s.strip() for s in stages.split(",") if s.strip()], settings
            )
        else:
            skip = [s.strip() for s in (exclude or "").split(",") if s.strip()]
            pipeline = Pipeline.default(settings, exclude=skip)
    except (KeyError, PresslensError) as exc:
        if debug:
            raise
        fail(str(exc).strip("'\""))

    sink = output.open("w", encoding="utf-8") if output else None
    from presslens.cli.terminal import console as make_console

    console = make_console(file=sink) if sink else make_console()
    failures = 0

    def report(name: str, exc: BaseException) -> None:
        nonlocal failures
        if debug:
            raise exc
        failures += 1
        if isinstance(exc, (PresslensError, OSError)):
            message = str(exc) if isinstance(exc, PresslensError) else f"{name}: {exc}"
        else:  # a stage bug: this file only
            message = f"{name}: internal error: {type(exc).__name__}: {one_line(exc)}"
        err_console.print(f"[bold red]presslens:[/] {message}", soft_wrap=True)

    def analysed(group: list[str]) -> Iterator[tuple[str, Document]]:
        """The group's documents, analysed together (one spaCy batch); one by one if a
        document breaks a stage, so that only its file fails."""
        docs: list[tuple[str, Document]] = []
        for name in group:
            try:
                docs.append((name, read(name, settings=settings)))
            except (Exception, RecursionError, MemoryError) as exc:
                report(name, exc)
        try:
            pipeline.run_batch([doc for _, doc in docs])
        except (Exception, RecursionError, MemoryError):
            if debug:
                raise
            # The failing stage added its layer to no document: each goes on from there.
            for name, doc in docs:
                try:
                    pipeline(doc)
                except (Exception, RecursionError, MemoryError) as exc:
                    report(name, exc)
                    continue
                yield name, doc
            return
        yield from docs

    try:
        for start in range(0, len(files), BATCH):
            for _, doc in analysed(files[start : start + BATCH]):
                result = presslens.Analysis(doc, tuple(pipeline.stage_names)).to_dict()
                if output_format is OutputFormat.json:
                    import json

                    line = json.dumps(
                        result, ensure_ascii=False, indent=indent if len(files) == 1 else None
                    )
                    if sink:
                        sink.write(line + "\n")
                    else:
                        write_stdout(line)
                elif output_format is OutputFormat.html:
                    from presslens.report import render_report

                    page = render_report(result)
                    if sink:
                        sink.write(page)
                    else:
                        sys.stdout.write(page)
                else:
                    from presslens.cli.terminal import render

                    render(result, console)
    finally:
        if sink:
            sink.close()
    if failures:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("analyze")(analyze)
