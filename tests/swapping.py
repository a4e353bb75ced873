"""Helpers for the party-swap tests: swap names in a text and compare labels.

"Same rules for every side": a text analysed as written and with its parties'
names swapped must get the same quotes, sourcing and technique labels. Spans move
when names change length, so labels are compared through the text they cover:
the swapped analysis must cover the swapped text of each original span.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import Any

SEED_SWAP = {
    "Russia": "Ukraine",
    "Russian": "Ukrainian",
    "Moscow": "Kiev",
    "TASS": "Ukrinform",
    "SVR": "SZRU",
    "Sergey Naryshkin": "Oleh Petrenko",
    "Naryshkin": "Petrenko",
    "Foreign Intelligence Service": "Foreign Intelligence Bureau",
}

EXAMPLE_SWAP = {
    "Ostrava": "Velmar",
    "Valdora": "Brescov",
    "VALDORA": "BRESCOV",
    "Dana Kovacs": "Ivo Brenner",
    "Kovacs": "Brenner",
    "Lissa": "Oder",
}


# Invented disputes between fictional countries, for the quote and sourcing swap tests.
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


def swapper(pairs: dict[str, str]) -> Callable[[str], str]:
    """A function that swaps every name in ``pairs`` with its partner, both ways at once."""
    both = {**pairs, **{v: k for k, v in pairs.items()}}
    pattern = re.compile(
        "|".join(rf"\b{re.escape(k)}(?!\w)" for k in sorted(both, key=len, reverse=True))
    )
    return lambda text: pattern.sub(lambda m: both[m.group(0)], text)


def labels(analysis: dict[str, Any], transform: Callable[[str], str]) -> dict[str, Counter]:
    """Quotes, sourcing and techniques keyed by the (transformed) text they cover."""
    text = analysis["text"]

    def cut(span: Any) -> str | None:
        return None if span is None else transform(text[span[0] : span[1]])

    return {
        "quotes": Counter(
            (q["kind"], cut(q["span"]), cut(q["cue"]), tuple(cut(p) for p in q.get("parts", ())))
            for q in analysis["quotes"]
        ),
        "sourcing": Counter(
            (s["basis"], cut(s["span"]), cut(s["cue"])) for s in analysis["sourcing"]
        ),
        "techniques": Counter(
            (t["technique"], cut(t["span"])) for t in analysis.get("techniques", [])
        ),
    }
