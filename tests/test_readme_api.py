"""The README's "Python API" example runs as written (from the repository root)."""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def python_api_example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Python API", 1)[1].split("\n## ", 1)[0]
    (block,) = re.findall(r"```python\n(.*?)```", section, flags=re.S)
    return block


def test_python_api_example_runs() -> None:
    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(python_api_example(), "README.md", "exec"), {})
    finally:
        os.chdir(cwd)
    lines = out.getvalue().splitlines()
    assert any(line.startswith(("direct", "indirect", "mixed")) for line in lines)
    assert lines[-1].startswith("["), "the HTML page's headline span is printed last"


def test_a_long_one_line_text_is_analysed_as_text_not_a_path() -> None:
    import presslens

    text = "Minister John Smith said the plan was a disaster. " * 30
    analysis = presslens.analyze(text.strip(), stages=["anatomy"])
    assert analysis.text == text.strip()
