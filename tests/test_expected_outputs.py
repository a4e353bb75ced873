"""The seed dispatch and the bundled example keep their exact JSON (every layer).

The expected files were made before the issue #14 move; a refactor must leave them
unchanged. Run this file as a script to regenerate them (see tests/expected/README.md).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import presslens

EXPECTED = Path(__file__).parent / "expected"


def stable_dict(path: Path) -> dict[str, Any]:
    """The analysis of ``path`` without ``text`` and with a machine-independent path."""
    result = presslens.analyze(path).to_dict()
    result.pop("text")
    result["source"]["path"] = path.name
    return result


def _compare(path: Path, expected_name: str) -> None:
    expected = json.loads((EXPECTED / expected_name).read_text(encoding="utf-8"))
    actual = stable_dict(path)
    assert sorted(actual) == sorted(expected)
    for key in expected:  # one assertion per layer, so a failure names the layer
        assert actual[key] == expected[key], f"layer {key!r} changed"


def test_seed_dispatch_output_unchanged(seed_path: Path) -> None:
    _compare(seed_path, "seed-dispatch.json")


def test_bundled_example_output_unchanged(example_path: Path) -> None:
    _compare(example_path, "example-dispatch.json")


def test_a_changed_layer_is_noticed(example_path: Path) -> None:
    expected = json.loads((EXPECTED / "example-dispatch.json").read_text(encoding="utf-8"))
    assert expected["quotes"], "the example must have quotes for this comparison to mean much"
    actual = stable_dict(example_path)
    actual["quotes"] = actual["quotes"][1:]
    with pytest.raises(AssertionError):
        assert actual == expected


def _write(path: Path, name: str) -> None:
    text = json.dumps(stable_dict(path), ensure_ascii=False, indent=1, sort_keys=True)
    (EXPECTED / name).write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    from presslens.corpora import data_root

    root = Path(__file__).resolve().parents[1]
    _write(data_root().parent / "fixtures" / "seed-dispatch.txt", "seed-dispatch.json")
    _write(root / "src" / "presslens" / "examples" / "dispatch.txt", "example-dispatch.json")
