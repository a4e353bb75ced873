"""Same rules for every side: swapping the parties' names changes no label.

Each text is analysed as written and with the names of its parties swapped
(countries, capitals, agencies, officials). Every quote, sourcing label and
technique label must come out the same: the text a span covers in the swapped
document must be the swapped text of the original span, with the same kind,
cue, basis or technique.
"""

from __future__ import annotations

import pytest

import presslens
from presslens import stages as registry
from swapping import (
    EXAMPLE_SWAP,
    GRAIN,
    GRAIN_SWAP,
    HARBOUR,
    HARBOUR_SWAP,
    SEED_SWAP,
    labels,
    swapper,
)

OWN_TEXT = """Beijing warns Washington over new chip sanctions

WASHINGTON, May 4 (Reuters) - China's Commerce Ministry said on Thursday that America was \
"weaponising trade" and warned of "resolute countermeasures", according to a statement \
posted on its website.

"The American side keeps abusing the concept of national security to suppress Chinese companies," \
ministry spokesman Li Wen told reporters in Beijing. "This bullying will only hurt America itself."

American officials, speaking on condition of anonymity, said the rules were narrowly targeted. \
Commerce Secretary Anna Ward said that the measures protect American workers.
"""

OWN_SWAP = {
    "Beijing": "Washington",
    "BEIJING": "WASHINGTON",
    "China": "America",
    "Chinese": "American",
    "Li Wen": "Anna Ward",
}


def _needs_stages():
    missing = [n for n in ("quotes", "sourcing", "techniques") if not registry.is_available(n)]
    if missing:
        pytest.skip(f"stages not installed: {missing}")


@pytest.mark.parametrize("case", ["seed", "example", "own", "harbour", "grain"])
def test_swapping_parties_changes_no_label(case, seed_text, example_path):
    _needs_stages()
    text, pairs = {
        "seed": (seed_text, SEED_SWAP),
        "example": (example_path.read_text(encoding="utf-8"), EXAMPLE_SWAP),
        "own": (OWN_TEXT, OWN_SWAP),
        "harbour": (HARBOUR, HARBOUR_SWAP),
        "grain": (GRAIN, GRAIN_SWAP),
    }[case]
    swap = swapper(pairs)
    swapped_text = swap(text)
    assert swapped_text != text
    original = presslens.analyze(presslens.Document(text)).to_dict()
    swapped = presslens.analyze(presslens.Document(swapped_text)).to_dict()
    expected = labels(original, swap)
    got = labels(swapped, lambda s: s)
    for layer in ("quotes", "sourcing", "techniques"):
        assert got[layer] == expected[layer], layer
    assert original["quotes"] and original["sourcing"]
