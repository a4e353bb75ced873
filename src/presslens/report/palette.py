"""Colours for techniques and sourcing bases that colour-blind readers can tell apart.

Fourteen techniques are more than any colour-blind-safe palette has distinct
hues, so colour is paired with a second channel: the first nine techniques
(Paul Tol's "muted" scheme) draw solid stripes, the rest (Okabe-Ito hues and a
grey) draw dashed stripes, and every technique also has a short code shown in
the legend and tooltips.
"""

from __future__ import annotations

from dataclasses import dataclass

from presslens.vocabulary import TAXONOMIES

# PTC (SemEval-2020 Task 11) techniques with their legend codes, most frequent first:
# colours are handed out in this order, so the commonest techniques get solid stripes.
_CODES: dict[str, str] = {
    "Loaded_Language": "LL",
    "Name_Calling,Labeling": "NC",
    "Repetition": "REP",
    "Exaggeration,Minimisation": "EXM",
    "Doubt": "DBT",
    "Appeal_to_fear-prejudice": "FEAR",
    "Flag-Waving": "FLAG",
    "Causal_Oversimplification": "CO",
    "Slogans": "SLO",
    "Appeal_to_Authority": "AUTH",
    "Black-and-White_Fallacy": "BW",
    "Thought-terminating_Cliches": "TTC",
    "Whataboutism,Straw_Men,Red_Herring": "WSR",
    "Bandwagon,Reductio_ad_hitlerum": "BRH",
}

PTC_TECHNIQUES: tuple[str, ...] = tuple(_CODES)
"""The PTC technique names in display order (the vocabulary's names, reordered)."""
assert set(PTC_TECHNIQUES) == set(TAXONOMIES["ptc"]), "palette codes must cover the PTC names"

# Paul Tol "muted" (solid) then Okabe-Ito and grey (dashed).
_COLOURS: tuple[str, ...] = (
    "#CC6677",
    "#332288",
    "#DDCC77",
    "#117733",
    "#88CCEE",
    "#882255",
    "#44AA99",
    "#999933",
    "#AA4499",
    "#E69F00",
    "#0072B2",
    "#D55E00",
    "#555555",
    "#56B4E9",
)
_SOLID = 9

# Okabe-Ito, one hue per basis; "none" is text no sourcing span covers.
BASIS_COLOURS: dict[str, str] = {
    "named": "#009E73",
    "organisation": "#0072B2",
    "anonymous": "#E69F00",
    "unverifiable": "#D55E00",
    "unattributed": "#CC79A7",
    "none": "#DDDDDD",
}


@dataclass(frozen=True)
class Style:
    """How one technique is drawn."""

    colour: str
    dashed: bool
    code: str


def technique_styles(names: list[str]) -> dict[str, Style]:
    """A style for every name; PTC names always get the same one across reports."""
    styles: dict[str, Style] = {}
    spare = len(PTC_TECHNIQUES)
    for name in names:
        if name in styles:
            continue
        if name in PTC_TECHNIQUES:
            slot = PTC_TECHNIQUES.index(name)
            code = _CODES[name]
        else:  # a technique outside PTC: reuse the colours, dashed, coded by initials
            slot = spare
            spare += 1
            code = "".join(w[:1] for w in name.replace(",", "_").split("_") if w)[:4].upper()
        styles[name] = Style(_COLOURS[slot % len(_COLOURS)], slot >= _SOLID, code or "?")
    return styles
