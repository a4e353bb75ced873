"""Helpers every command shares: error reporting and settings from flags."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TypeVar

import typer
from rich.console import Console

from presslens.errors import PresslensError

err_console = Console(stderr=True, highlight=False)
T = TypeVar("T")


def fail(message: str, code: int = 1) -> None:
    """Print one line to stderr and exit with ``code``."""
    err_console.print(f"[bold red]presslens:[/] {message}", markup=True, soft_wrap=True)
    raise typer.Exit(code)


def guarded(func: Callable[[], T], *, debug: bool = False) -> T:
    """Run ``func``; turn presslens and OS errors into one line unless ``debug``."""
    try:
        return func()
    except PresslensError as exc:
        if debug:
            raise
        fail(str(exc))
    except OSError as exc:
        if debug:
            raise
        fail(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": "))
    except KeyboardInterrupt:
        fail("interrupted", 130)
    raise AssertionError("unreachable")


def write_stdout(text: str) -> None:
    sys.stdout.write(text)
    if not text.endswith("\n"):
        sys.stdout.write("\n")
    sys.stdout.flush()


DebugOption: Any = typer.Option(False, "--debug", help="Show tracebacks.")


def one_line(exc: BaseException, limit: int = 200) -> str:
    """The first line of an exception's message, shortened: errors print as one line."""
    text = str(exc).strip()
    return (text.splitlines()[0] if text else "")[:limit]
