"""Same rules for every side, on real articles: the US parties' names swapped (issue 19).

The 24 shortest PolNeAR train articles that name both Trump and Clinton are analysed
as written and with the parties and candidates swapped (Trump/Clinton, Donald/Hillary,
Republicans/Democrats, GOP, RNC/DNC, Pence/Kaine, Cruz/Sanders; see
``us_swap.US_SWAP``). Every quote (kind, content and its pieces, cue, speaker span)
and every sourcing row (basis, sentence, cue), moved through the swap, must come out
the same. The articles are read from ../shared at test time, never copied.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import presslens
from us_swap import Swap, agreement, differences

ARTICLES = 24
STAGES = ["quotes", "sourcing"]
FLOOR = 0.99  # rules alone 0.9924 (394 of 397 labels); 0.9824 before the parse-accident
# fixes (tests/test_swap_parse_accidents.py), 0.968 before issue 19's first fixes.
# With the learned attribution model (PRESSLENS_ATTRIBUTION_MODEL=1): 0.9927 (407 of 410;
# bench/swap_quotes_diag.py), no lower than the rules alone. The three labels left move
# with the tagger reading a name as an English verb or a verb as a noun ('X blasts Trump
# over ...' with 'Trump' the verb; 'polled support Clinton' with 'support' a noun).
TARGET = 0.99


@pytest.fixture(scope="module")
def swapped_pairs(shared_data: Path) -> list[tuple[str, dict[str, Any], dict[str, Any], Swap]]:
    return _pairs(None)


@pytest.fixture(scope="module")
def swapped_pairs_model(
    shared_data: Path,
) -> list[tuple[str, dict[str, Any], dict[str, Any], Swap]]:
    from presslens.attribution import learned
    from presslens.settings import get_settings

    if learned.shipped() is None:
        pytest.skip("no attribution model files")
    return _pairs(get_settings(attribution_model=True))


def _pairs(settings: Any) -> list[tuple[str, dict[str, Any], dict[str, Any], Swap]]:
    from presslens.corpora import DataMissingError
    from presslens.corpora.polnear import load_split

    try:
        articles = [a for a in load_split("train") if "Trump" in a.text and "Clinton" in a.text]
    except DataMissingError as e:
        pytest.skip(f"PolNeAR train not readable: {e}")
    chosen = sorted(articles, key=lambda a: (len(a.text), a.name))[:ARTICLES]
    if len(chosen) < ARTICLES:
        pytest.skip("fewer PolNeAR articles than the test needs")
    out = []
    for a in chosen:
        swap = Swap(a.text)
        original = presslens.analyze(a.text, stages=STAGES, settings=settings).to_dict()
        swapped = presslens.analyze(swap.text, stages=STAGES, settings=settings).to_dict()
        out.append((a.name, original, swapped, swap))
    return out


def _agreement(pairs: list[tuple[str, dict[str, Any], dict[str, Any], Swap]]) -> float:
    same = total = 0
    for _, original, swapped, swap in pairs:
        s, t = agreement(original, swapped, swap)
        same += s
        total += t
    return same / total


def test_swap_maps_spans() -> None:
    swap = Swap("Trump met Hillary Clinton. GOP leaders, Democrats said.")
    assert swap.text == "Clinton met Donald Trump. Democratic Party leaders, Republicans said."
    assert swap.span((0, 5)) == (0, 7)  # "Trump" -> "Clinton"
    assert swap.span((10, 25)) == (12, 24)  # "Hillary Clinton" -> "Donald Trump"
    start = swap.original.index("leaders")
    assert swap.text[slice(*swap.span((start, start + 7)))] == "leaders"


def test_articles_are_real_and_swapped(
    swapped_pairs: list[tuple[str, dict[str, Any], dict[str, Any], Swap]],
) -> None:
    assert len(swapped_pairs) >= 20
    assert all(swap.count >= 2 for *_, swap in swapped_pairs)
    labels = sum(len(o["quotes"]) + len(o["sourcing"]) for _, o, _, _ in swapped_pairs)
    assert labels >= 300


def test_swapping_us_parties_keeps_labels(
    swapped_pairs: list[tuple[str, dict[str, Any], dict[str, Any], Swap]],
) -> None:
    score = _agreement(swapped_pairs)
    changed = {
        name: differences(o, s, swap)
        for name, o, s, swap in swapped_pairs
        if agreement(o, s, swap)[0] < agreement(o, s, swap)[1]
    }
    assert score >= FLOOR, (score, sorted(changed))


def test_the_attribution_model_keeps_labels_as_well_as_the_rules(
    swapped_pairs: list[tuple[str, dict[str, Any], dict[str, Any], Swap]],
    swapped_pairs_model: list[tuple[str, dict[str, Any], dict[str, Any], Swap]],
) -> None:
    """Issue 19: with the learned model the labels agree no less than with the rules alone
    (its features mask names and read no dependency parse)."""
    from presslens.settings import get_settings

    rules = swapped_pairs if not get_settings().attribution_model else None
    with_model = _agreement(swapped_pairs_model)
    assert with_model >= FLOOR
    if rules is not None:
        assert with_model >= _agreement(rules), (with_model, _agreement(rules))


def test_swapping_us_parties_reaches_target(
    swapped_pairs: list[tuple[str, dict[str, Any], dict[str, Any], Swap]],
) -> None:
    assert _agreement(swapped_pairs) >= TARGET
