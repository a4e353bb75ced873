"""The ``presslens`` command.

Each command lives in its own module under ``presslens.cli`` and registers itself
on ``app`` (or on a group in :mod:`presslens.cli.groups`) when imported. Modules
import their heavy dependencies inside the command, so ``presslens --help`` is fast.
"""

from __future__ import annotations

from importlib import import_module

import typer

from presslens.cli.groups import eval_app, techniques_app, train_app

app = typer.Typer(
    name="presslens",
    help="Take news dispatches apart: anatomy, quotes, sourcing, techniques, reprints.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _version(value: bool) -> None:
    if value:
        from presslens import SCHEMA, __version__

        typer.echo(f"presslens {__version__} ({SCHEMA})")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(
        False,
        "--version",
        callback=_version,
        is_eager=True,
        help="Print the version and the output schema.",
    ),
) -> None:
    """Take news dispatches apart: anatomy, quotes, sourcing, techniques, reprints."""


app.add_typer(eval_app, name="eval")
app.add_typer(train_app, name="train")
app.add_typer(techniques_app, name="techniques")

COMMAND_MODULES = (
    "analyze",
    "extract",
    "eval_anatomy",
    "eval_extraction",
    "eval_quotes",
    "eval_techniques",
    "eval_reprints",
    "eval_entities",
    "train_techniques",
    "train_entities",
    "train_quotes",
    "techniques",
    "ingest",
    "query",
    "serve",
)

for _name in COMMAND_MODULES:
    try:
        _module = import_module(f"presslens.cli.{_name}")
    except ModuleNotFoundError as exc:  # an optional part not installed or not yet built
        if exc.name != f"presslens.cli.{_name}":
            raise
        continue
    _module.register(app)


if __name__ == "__main__":
    app()
