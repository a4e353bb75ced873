"""``presslens query``: canned reports and raw SQL over a stored corpus."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Any

import typer

from presslens.cli.common import DebugOption, fail, write_stdout


class QueryFormat(StrEnum):
    table = "table"
    csv = "csv"
    png = "png"
    html = "html"


def _params(pairs: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            fail(f"--param takes KEY=VALUE, not {pair!r}")
        out[key.strip().replace("-", "_")] = int(value) if value.isdigit() else value
    return out


def query(
    report: str | None = typer.Argument(
        None, help="top-speakers, techniques-by-month, sourcing-by-outlet or reprints."
    ),
    db: str | None = typer.Option(None, "--db", help="DuckDB path or postgresql:// URL."),
    output_format: QueryFormat = typer.Option(
        QueryFormat.table, "--format", "-f", help="table, csv, png or html."
    ),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to this file."),
    param: list[str] = typer.Option([], "--param", "-p", help="Report parameter KEY=VALUE."),
    doc: str | None = typer.Option(None, "--doc", help="Document id (reprints report)."),
    sql: str | None = typer.Option(None, "--sql", help="Run this SQL instead of a report."),
    debug: bool = DebugOption,
) -> None:
    """Ask a stored corpus a canned question, or run raw SQL (``--sql``)."""
    from rich.console import Console

    from presslens.errors import PresslensError
    from presslens.query import charts, render
    from presslens.query.reports import run_report
    from presslens.settings import get_settings
    from presslens.store import open_store

    if (report is None) == (sql is None):
        fail("give a report name or --sql, not both")
    settings = get_settings(db=db)
    if not settings.db.startswith("postgres") and not Path(settings.db).exists():
        fail(f"no store at {settings.db} (run presslens ingest first, or pass --db)")
    params = _params(param)
    if doc:
        params["doc"] = doc
    try:
        store = open_store(settings.db, read_only=not settings.db.startswith("postgres"))
        try:
            name = report or "sql"
            rows = store.sql(sql) if sql else run_report(store, name, **params)
        finally:
            store.close()
    except PresslensError as exc:
        if debug:
            raise
        fail(str(exc))
    except Exception as exc:  # SQL errors from the database: one line
        if debug:
            raise
        fail(f"{type(exc).__name__}: {str(exc).splitlines()[0]}")

    if output_format is QueryFormat.png:
        if sql or output is None:
            fail("--format png needs a report name and -o FILE")
        output.write_bytes(charts.render_chart(name, rows))
        return
    if output_format is QueryFormat.html:
        png = None if sql else charts.render_chart(name, rows)
        text = render.to_html(name, rows, png)
    elif output_format is QueryFormat.csv:
        text = render.to_csv(rows)
    else:
        if output is None and not rows:
            Console(stderr=True).print(f"{name}: no rows")
            return
        if output is None:
            Console().print(render.to_table(rows, title=f"{name} ({len(rows)} rows)"))
            return
        buf = Console(file=open(output, "w", encoding="utf-8"), width=200)  # noqa: SIM115
        buf.print(render.to_table(rows, title=name))
        buf.file.close()
        return
    if output is None:
        write_stdout(text)
    else:
        output.write_text(text, encoding="utf-8")


def register(app: typer.Typer) -> None:
    app.command("query")(query)
