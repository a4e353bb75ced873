"""Acceptance on the seed dispatch, and party-swap invariance of quotes and sourcing."""

from __future__ import annotations

import re
from typing import Any

import pytest

import presslens
from presslens.document import Quote

STAGES = ["quotes", "scare_quotes", "sourcing"]


def run(text: str) -> tuple[list[Quote], dict[str, Any]]:
    a = presslens.analyze(text, stages=STAGES)
    return list(a.document.layer("quotes")), a.to_dict()


@pytest.fixture(scope="module")
def seed(seed_text: str) -> tuple[str, list[Quote], dict[str, Any]]:
    quotes, d = run(seed_text)
    return seed_text, quotes, d


def _entity(d: dict[str, Any], eid: str | None) -> dict[str, Any]:
    assert eid is not None
    return next(e for e in d["entities"] if e["id"] == eid)


def _mentions(d: dict[str, Any], eid: str | None) -> set[str]:
    e = _entity(d, eid)
    return {d["text"][s:t] for s, t in e["mentions"]}


def test_seed_six_direct_quotes_with_cues(seed: tuple[str, list[Quote], dict[str, Any]]) -> None:
    text, quotes, _ = seed
    direct = [q for q in quotes if q.kind == "direct"]
    got = [(text[q.span[0] : q.span[0] + 25], text[slice(*q.cue)]) for q in direct if q.cue]
    assert got == [
        ("according to the informat", "pointed out"),
        ("We address the employees ", "said"),
        ("according to the informat", "pointed out"),
        ("Mass purges are taking pl", "reported"),
        ("The Russian SVR is well a", "pointed out"),
        ("After finishing their lon", "concluded"),
    ]
    assert "[foreign]" in text[slice(*direct[-1].span)]


def test_seed_speakers_resolved(seed: tuple[str, list[Quote], dict[str, Any]]) -> None:
    _, quotes, d = seed
    direct = [q for q in quotes if q.kind == "direct"]
    for q in (direct[0], direct[2]):
        assert q.speaker is not None and "Naryshkin" in _entity(d, q.speaker.entity)["name"]
        assert "Naryshkin" in q.speaker.text
    for q in (direct[1], direct[3], direct[4], direct[5]):
        assert q.speaker is not None and "SVR" in _mentions(d, q.speaker.entity)


def test_seed_opening_claim_via_agency(seed: tuple[str, list[Quote], dict[str, Any]]) -> None:
    text, quotes, d = seed
    opening = next(q for q in quotes if "has suggested that employees" in text[slice(*q.span)])
    assert opening.kind == "indirect" and text[slice(*opening.cue)] == "told"
    assert opening.speaker is not None
    assert text[slice(*opening.speaker.span)] == "the SVR press office"
    assert "SVR" in _mentions(d, opening.speaker.entity)
    assert _entity(d, opening.via)["name"] == "TASS"


def test_seed_indirect_reports_of_the_svr(seed: tuple[str, list[Quote], dict[str, Any]]) -> None:
    text, quotes, d = seed
    for cue in ("pointed out", "added"):
        q = next(q for q in quotes if q.kind == "indirect" and q.cue and text[slice(*q.cue)] == cue)
        assert text[slice(*q.span)].startswith("that")
        assert q.speaker is not None and "SVR" in _mentions(d, q.speaker.entity)


def test_seed_unverifiable_sourcing(seed: tuple[str, list[Quote], dict[str, Any]]) -> None:
    text, _, d = seed
    cues = {text[s["cue"][0] : s["cue"][1]] for s in d["sourcing"] if s["basis"] == "unverifiable"}
    assert "according to the information received by" in cues
    assert "is well aware of" in cues
    assert "has similar information" in cues
    assert d["scare_quotes"] == []


# --- party swap: who is who must not change what is a quote or how it is sourced ---


def swap(text: str, pairs: dict[str, str]) -> str:
    table = {**pairs, **{v: k for k, v in pairs.items()}}
    if not table:
        return text
    pattern = re.compile("|".join(sorted(map(re.escape, table), key=len, reverse=True)))
    return pattern.sub(lambda m: table[m.group(0)], text)


def signature(text: str, quotes: list[Quote], d: dict[str, Any], pairs: dict[str, str]) -> Any:
    """What must not change: kinds, cues, speaker phrases (names mapped back), bases."""

    def norm(s: str) -> str:
        return swap(s, pairs)

    qs = [
        (
            q.kind,
            norm(text[slice(*q.span)])[:40],
            text[slice(*q.cue)] if q.cue else None,
            norm(text[slice(*q.speaker.span)]) if q.speaker and q.speaker.span else None,
            q.speaker is not None and q.speaker.entity is not None,
            q.via is not None,
        )
        for q in quotes
    ]
    src = [
        (s["basis"], norm(text[s["cue"][0] : s["cue"][1]]) if s["cue"] else None)
        for s in d["sourcing"]
    ]
    return sorted(qs, key=str), sorted(src, key=str)


SEED_SWAP = {
    "Russia": "Ukraine",
    "Russian": "Ukrainian",
    "Moscow": "Kiev",
    "MOSCOW": "KIEV",
    "Sergey Naryshkin": "Oleksandr Lytvynenko",
}


def test_seed_party_swap_invariance(seed_text: str) -> None:
    swapped = swap(seed_text, SEED_SWAP)
    assert swapped != seed_text
    q1, d1 = run(seed_text)
    q2, d2 = run(swapped)
    assert signature(seed_text, q1, d1, {}) == signature(swapped, q2, d2, SEED_SWAP)


INVENTED = (
    "HELSINKI, March 3. The Finnish Border Guard said that Norway had closed two crossings.\n\n"
    '"We were not informed," Interior Minister Matti Virtanen told reporters. '
    '"This is not how neighbours behave."\n\n'
    "According to the information received by the Finnish Border Guard, Norwegian patrols "
    "have doubled. The Norwegian Justice Ministry is well aware of the problem, Virtanen added."
)
INVENTED_SWAP = {
    "Finnish": "Norwegian",
    "Norway": "Finland",
    "HELSINKI": "OSLO",
    "Matti Virtanen": "Kari Nordmann",
    "Virtanen": "Nordmann",
}


def test_invented_party_swap_invariance() -> None:
    swapped = swap(INVENTED, INVENTED_SWAP)
    q1, d1 = run(INVENTED)
    q2, d2 = run(swapped)
    assert q1, "the invented text has quotes"
    assert signature(INVENTED, q1, d1, {}) == signature(swapped, q2, d2, INVENTED_SWAP)
