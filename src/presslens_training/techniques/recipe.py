"""The one recipe behind ``presslens train techniques``: what is trained, in which order.

The CLI only parses flags and calls one function here; each function ends by writing
the model card with the command that repeats it. Four ways in:

- :func:`train_model`: tagger and span classifier from PTC ``fit`` (torch), ONNX
  export (fp32, int8, int8w), the lexical models, val scores and the card;
- :func:`retrain_lexical`: only the lexical models of an exported model (numpy);
- :func:`upgrade_heads`: int8w tagger, tagger technique head and decoding knobs of an
  exported model (numpy and onnx);
- :func:`add_second_tagger`: a second tagger sharing the word embeddings, then the
  lexical mix and knobs retuned (torch);
- :func:`one_pass`: the first tagger alone, its technique head naming the spans (no
  second tagger, no span-classifier encoder), the mix weights and decoding knobs
  chosen by cross-validation over the held-out articles (:mod:`.cv`; numpy and onnx).

torch is imported only inside the functions that train networks, so the numpy-only
ways work without the ``train`` extra.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from presslens.errors import PresslensError


@dataclass(frozen=True)
class ModelRun:
    """How :func:`train_model` trains the encoders (and the command that repeats it)."""

    out: Path
    epochs: int = 8
    classifier_epochs: int = 6
    seed: int = 13
    max_len: int = 128
    reuse_classifier: Path | None = None
    device: str = "cpu"
    lexical_steps: int = 500
    token_mix: bool = True

    def command(self) -> str:
        reuse = f" --reuse-classifier {self.reuse_classifier}" if self.reuse_classifier else ""
        return (
            f"presslens train techniques --out {self.out} --epochs {self.epochs} "
            f"--classifier-epochs {self.classifier_epochs} --seed {self.seed} "
            f"--device {self.device} --max-len {self.max_len}{reuse}{_flag(self.token_mix)}"
        )


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


def train_model(run: ModelRun, *, evaluate_after: bool = True) -> Path:
    """Train, export and card a techniques model into ``run.out``; returns the card path."""
    try:
        from presslens_training.techniques.card import write_card
        from presslens_training.techniques.export import export
        from presslens_training.techniques.train import train
    except ModuleNotFoundError as exc:
        raise PresslensError(
            f"training needs the train extra ({exc.name} missing): pip install 'presslens[train]'"
        ) from None
    from presslens_training.techniques.lexical import add_lexical

    out = run.out
    work = out / "checkpoints"
    train(
        work / "tagger",
        epochs=run.epochs,
        seed=run.seed,
        device=run.device,
        task="tag",
        max_len=run.max_len,
    )
    if run.reuse_classifier is None:
        train(
            work / "classifier",
            epochs=run.classifier_epochs,
            seed=run.seed,
            device=run.device,
            task="span",
        )
        export(work / "tagger" / "checkpoint.pt", out, work / "classifier" / "checkpoint.pt")
    else:
        export(work / "tagger" / "checkpoint.pt", out, reuse_classifier=run.reuse_classifier)
    add_lexical(out, steps=run.lexical_steps, seed=run.seed, token_mix=run.token_mix)
    reports: dict[str, Any] = {}
    if evaluate_after:
        from presslens.eval.techniques import evaluate
        from presslens.techniques.model import load_predictor

        for variant in ("int8w", "int8", "fp32"):
            reports[variant] = evaluate(load_predictor(out, variant=variant), "val").to_dict()
    return write_card(out, reports, run.command())


def retrain_lexical(
    out: Path, steps: int, seed: int, evaluate_after: bool, token_mix: bool
) -> Path:
    """Retrain the lexical models into an exported model directory and rewrite its card."""
    from presslens_training.techniques.card import existing_notes, write_card
    from presslens_training.techniques.lexical import add_lexical

    _require_export(out)
    notes = existing_notes(out)
    add_lexical(out, steps=steps, seed=seed, token_mix=token_mix)
    reports = _val_reports(out) if evaluate_after else {}
    return write_card(out, reports, _upgrade_recipe(out, seed, token_mix), notes)


def upgrade_heads(out: Path, evaluate_after: bool) -> Path:
    """Weight-only tagger, technique head and decoding knobs for an exported model."""
    from presslens_training.techniques.card import existing_notes, write_card
    from presslens_training.techniques.tech_head import upgrade

    _require_export(out)
    upgrade(out)
    reports = _val_reports(out) if evaluate_after else {}
    notes = existing_notes(out)
    return write_card(out, reports, _upgrade_recipe(out, 13, False), notes)


def one_pass(
    out: Path, folds: int, evaluate_after: bool, span_head: bool = False, int8: bool = False
) -> Path:
    """Make the exported model in ``out`` a one-pass model and rewrite its card."""
    from presslens_training.techniques.card import existing_notes, write_card
    from presslens_training.techniques.cv import make_one_pass

    _require_export(out)
    notes = existing_notes(out)
    results = make_one_pass(out, folds, span_head=span_head, int8=int8)
    reports = _val_reports(out) if evaluate_after else {}
    flags = (" --span-head" if span_head else "") + (" --int8-activations" if int8 else "")
    command = (
        _upgrade_recipe(out, 13, True)
        + f"\npresslens train techniques --one-pass{flags} --out {out} --cv {folds}"
        "  # first tagger alone, mix and knobs chosen by cross-validation"
    )
    return write_card(out, reports, command, notes, cv=[r.to_dict() for r in results])


def unlabelled_folder(folder: Path | None) -> Path:
    """The news folder for ``--self-train``: the one given, else PolNeAR train texts."""
    from presslens_training.techniques.self_training import default_unlabelled

    return folder if folder is not None else default_unlabelled()


def add_second_tagger(out: Path, run: TaggerRun, lexical_steps: int, evaluate_after: bool) -> Path:
    """A second tagger for an exported model, then the lexical mix and knobs retuned."""
    from presslens_training.techniques.card import existing_notes, write_card
    from presslens_training.techniques.ensemble import add_tagger
    from presslens_training.techniques.lexical import add_lexical

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
    return write_card(out, reports, ensemble_recipe(out, run), notes)


def ensemble_recipe(out: Path, run: TaggerRun) -> str:
    """The commands behind a model whose second tagger came from ``--add-tagger``."""
    return (
        _upgrade_recipe(out, 13, True)
        + f"\n{run.command(out)}  # second tagger, weights, lexical mix and knobs retuned"
    )


def _require_export(out: Path) -> None:
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
