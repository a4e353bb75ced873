"""Same rules for every side: swapping the parties' names changes no quote and no basis.

Each text is analysed as written and with its parties' names swapped (countries,
capitals, agencies, officials). In the swapped analysis every quote must cover
the swapped text of the original's content, with the same kind, cue and pieces,
and every sentence must keep its basis and cue.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import presslens
from swapping import EXAMPLE_SWAP, GRAIN, GRAIN_SWAP, HARBOUR, HARBOUR_SWAP, labels, swapper

STAGES = ["quotes", "sourcing"]


def _example(example_path: Path) -> str:
    return example_path.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", ["example", "harbour", "grain"])
def test_swapping_parties_changes_no_quote_or_basis(case: str, example_path: Path) -> None:
    text, pairs = {
        "example": (_example(example_path), EXAMPLE_SWAP),
        "harbour": (HARBOUR, HARBOUR_SWAP),
        "grain": (GRAIN, GRAIN_SWAP),
    }[case]
    swap = swapper(pairs)
    swapped_text = swap(text)
    assert swapped_text != text
    original = presslens.analyze(text, stages=STAGES).to_dict()
    swapped = presslens.analyze(swapped_text, stages=STAGES).to_dict()
    assert original["quotes"] and original["sourcing"]
    expected, got = labels(original, swap), labels(swapped, lambda s: s)
    assert got["quotes"] == expected["quotes"]
    assert got["sourcing"] == expected["sourcing"]
