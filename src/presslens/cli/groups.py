"""Typer groups shared by command modules (``presslens eval ...``, ``presslens train ...``)."""

from __future__ import annotations

import typer

eval_app = typer.Typer(help="Score presslens against labelled data.", no_args_is_help=True)
train_app = typer.Typer(help="Train the models presslens ships.", no_args_is_help=True)
techniques_app = typer.Typer(
    help="Persuasion-technique tools (SemEval-2020 settings).", no_args_is_help=True
)
