"""The sourcing stage: one basis per claim-bearing sentence, and the profile view."""

from __future__ import annotations

from typing import Any

import pytest

import presslens
from presslens.attribution.sourcing import _find_unverifiable, profile, speaker_basis
from presslens.document import BASES, Entity, Quote, Sourcing, Speaker


def sourcing(text: str) -> list[dict[str, Any]]:
    return presslens.analyze(text, stages=["sourcing"]).to_dict()["sourcing"]


def basis_of(rows: list[dict[str, Any]], text: str, fragment: str) -> str:
    for r in rows:
        if fragment in text[r["span"][0] : r["span"][1]]:
            return r["basis"]
    raise AssertionError(f"no sentence with {fragment!r}")


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        (
            "According to the information received by the agency, the mine is closed.",
            "According to the information received by",
        ),
        ("The bureau is well aware of the number of defectors.", "is well aware of"),
        ("The bureau has similar information about other consulates.", "has similar information"),
        ("It is known that the plant stopped work.", "It is known that"),
        ("Data show that the town is emptying.", "Data show"),
    ],
)
def test_unverifiable_patterns(sentence: str, cue: str) -> None:
    span = _find_unverifiable(sentence, (0, len(sentence)))
    assert span is not None and sentence[span[0] : span[1]] == cue


def test_data_with_figures_is_not_unverifiable() -> None:
    s = "Data show that 4,200 people left the town in 2023."
    assert _find_unverifiable(s, (0, len(s))) is None


def test_bases_on_a_small_dispatch() -> None:
    text = (
        "The bridge over the river was closed on Monday.\n\n"
        '"We had no choice," Mayor Ellen Brandt said at a press conference.\n\n'
        "The repairs will cost more than expected, two officials said.\n\n"
        "According to the information received by the city council, the bridge is unsafe."
    )
    rows = sourcing(text)
    assert basis_of(rows, text, "bridge over the river") == "unattributed"
    assert basis_of(rows, text, "no choice") == "named"
    assert basis_of(rows, text, "repairs will cost") == "anonymous"
    assert basis_of(rows, text, "bridge is unsafe") == "unverifiable"


def test_speaker_basis_from_entity_type() -> None:
    people = [
        Entity("e1", "Ellen Brandt", "PERSON", ((0, 12),)),
        Entity("e2", "Port Board", "ORG", ((20, 30),)),
    ]
    q = Quote("q1", "direct", (40, 50), None, Speaker((0, 12), "Ellen Brandt", "e1"))
    assert speaker_basis(q, people) == "named"
    q = Quote("q2", "direct", (40, 50), None, Speaker((20, 30), "Port Board", "e2"))
    assert speaker_basis(q, people) == "organisation"
    q = Quote("q3", "direct", (40, 50), None, Speaker((31, 38), "sources", None))
    assert speaker_basis(q, people) == "anonymous"


def test_profile_shares() -> None:
    rows = [
        Sourcing((0, 30), "named"),
        Sourcing((30, 40), "unverifiable"),
        Sourcing((40, 50), "named"),
    ]
    shares = profile(rows, 100)
    assert set(shares) == set(BASES)
    assert shares["named"] == 0.4 and shares["unverifiable"] == 0.1 and shares["anonymous"] == 0.0
    assert profile([], 0)["named"] == 0.0


@pytest.mark.parametrize(
    ("sentence", "basis"),
    [
        # An institution noun heads the phrase: whatever name stands before it.
        ("Karvel Ministry accuses Dunmore of moving troops to the border.", "organisation"),
        ("Dunmore Ministry accuses Karvel of moving troops to the border.", "organisation"),
        ("The Karvel press service said that the roads were closed.", "organisation"),
        ("A ministry statement said that the roads were closed.", "organisation"),
        # Generic people without a name are anonymous; with one they are named.
        ("A ministry spokesman said that the roads were closed.", "anonymous"),
        ("Karvel officials said that the roads were closed.", "anonymous"),
        ("Ministry spokesman Ivo Lund said that the roads were closed.", "named"),
        ("Interior Minister Dana Vey said that the roads were closed.", "named"),
        ("The SVK said that the roads were closed.", "organisation"),
    ],
)
def test_basis_comes_from_the_parse_not_the_name(sentence: str, basis: str) -> None:
    rows = sourcing(sentence)
    assert [r["basis"] for r in rows] == [basis], rows


@pytest.mark.parametrize("kind", ["PERSON", "ORG"])
def test_entity_inside_a_phrase_does_not_decide_its_basis(kind: str) -> None:
    """'The idea that Berg's rhetoric ...': the phrase holds the entity without naming it,
    so the recogniser's type for that one name (which differs by name) does not decide."""
    from presslens.spacy_models import spacy_pipeline

    text = "The idea that Berg's rhetoric could hurt the party came up in a debate."
    sdoc = spacy_pipeline()(text)
    speaker = (0, text.index(" came"))
    berg = Entity("e1", "Berg", kind, ((14, 18),))
    q = Quote("q1", "indirect", (0, 10), None, Speaker(speaker, "Berg", "e1"))
    assert speaker_basis(q, [berg], sdoc) == "named"  # a proper name in the phrase
    # The entity's type still decides when the phrase is its name.
    q = Quote("q2", "direct", (0, 10), None, Speaker((14, 18), "Berg", "e1"))
    assert speaker_basis(q, [berg]) == ("named" if kind == "PERSON" else "organisation")
