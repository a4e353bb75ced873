"""``presslens train techniques`` only calls the recipe in ``presslens_training``."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from presslens.cli.main import app
from presslens.errors import PresslensError
from presslens_training.techniques import recipe


def test_model_run_command_repeats_its_flags() -> None:
    run = recipe.ModelRun(Path("m"), epochs=3, seed=7, reuse_classifier=Path("old"))
    assert run.command() == (
        "presslens train techniques --out m --epochs 3 --classifier-epochs 6 --seed 7 "
        "--device cpu --max-len 128 --reuse-classifier old"
    )
    assert recipe.ModelRun(Path("m"), token_mix=False).command().endswith(" --no-token-mix")


def test_tagger_run_command_names_self_training() -> None:
    run = recipe.TaggerRun(5, 29, 16, unlabelled=Path("news"), unlabelled_limit=150)
    assert run.command(Path("m")) == (
        "presslens train techniques --add-tagger --out m --seed 29 --epochs 5 --batch-size 16 "
        "--self-train --unlabelled-limit 150"
    )


@pytest.mark.parametrize("flag", ["--lexical-only", "--heads-only", "--add-tagger"])
def test_upgrades_refuse_a_folder_without_a_model(tmp_path: Path, flag: str) -> None:
    with pytest.raises(PresslensError, match="no exported techniques model"):
        recipe._require_export(tmp_path)
    result = CliRunner().invoke(app, ["train", "techniques", flag, "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert "no exported techniques model" in result.output
