"""README's first commands are the ones CI runs: a fresh install must work as documented."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _code_blocks(text: str) -> list[list[str]]:
    return [
        [line for line in block.strip().splitlines() if line.strip()]
        for block in re.findall(r"```bash\n(.*?)```", text, flags=re.S)
    ]


def test_ci_runs_readme_install_and_test_commands():
    blocks = _code_blocks((ROOT / "README.md").read_text(encoding="utf-8"))
    install, main_job = blocks[0][0], blocks[0][1]
    test_command = blocks[1][0]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert install in ci
    assert test_command in ci
    assert main_job.startswith(".venv/bin/presslens analyze ")
    assert (ROOT / main_job.split()[-1]).is_file()
