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
from swapping import EXAMPLE_SWAP, labels, swapper

STAGES = ["quotes", "sourcing"]


HARBOUR = """Karvonian Navy says Delmoran trawlers entered its waters

RASTEL, June 12 (Northwire) — The Karvonian Navy said on Monday that three Delmoran \
trawlers had crossed into its territorial waters near the Salm islands, the navy's \
press office told Northwire.

"Our patience has limits," Defence Minister Petra Lind told reporters in Rastel. \
"We will escort every vessel out," she said, "and we will not warn twice."

Delmora's Fisheries Agency rejected the claim. "The boats never left our zone," \
agency spokesman Tomas Arnd said in a statement.

Officials in Ombria, speaking on condition of anonymity, said the patrols had been \
planned for weeks. According to the information received by the Delmoran coast guard, \
the navy's radar logs are incomplete.
"""

HARBOUR_SWAP = {
    "Karvonian": "Delmoran",
    "Karvonia": "Delmora",
    "Delmora's": "Karvonia's",
    "Rastel": "Ombria",
    "RASTEL": "OMBRIA",
    "Salm": "Vesk",
    "Petra Lind": "Tomas Arnd",
    "Lind": "Arnd",
}

GRAIN = """Tessaly accuses Norvale of blocking grain convoys at the border

The Tessalian Foreign Ministry on Friday accused neighbouring Norvale of holding up \
forty grain trucks at the Kettering crossing, a ministry statement said.

"This is economic blackmail," Foreign Minister Aldo Brisk said. A Norvalian customs \
official, who asked not to be named, said the trucks lacked inspection papers.

Norvale's Customs Service said in a statement that all convoys were being processed \
as usual. The Tessalian government is well aware of the new rules, the service added.

Prime Minister Hanna Veld warned that the dispute could spread to other goods.
"""

GRAIN_SWAP = {
    "Tessaly": "Norvale",
    "Tessalian": "Norvalian",
    "Norvale's": "Tessaly's",
    "Kettering": "Lowbridge",
    "Aldo Brisk": "Hanna Veld",
    "Brisk": "Veld",
}


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
