"""Same rules for every side, on real Russian and Ukrainian posts: the leaders swapped.

The UNLP-2025 posts (train file, read from ../shared at test time, never copied) that name
Zelensky or Putin are read by the manipulation model as written and with the two leaders'
names and the adjectives made from them swapped. The manipulative decision, the techniques
named and the tokens of every passage must come out the same. Before session 8 the features
read «Зеленского» as a party word and «Путина» as a name in Russian, and the adjectives
«путінський» as a party word and «зеленський» as a word in Ukrainian: with that model this
test found 46 of 80 Russian and 20 of 80 Ukrainian posts read otherwise.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from presslens.corpora import unlp2025
from presslens.manipulation.predictor import Reading, shared_model

POSTS = 80
SWAPS = {
    "ru": [("Зеленск", "Путин"), ("зеленск", "путин")],
    "uk": [("Зеленськ", "Путін"), ("зеленськ", "путін")],
}


def swap_leaders(text: str, language: str) -> str:
    """``text`` with the two leaders' name stems exchanged (case kept)."""
    for a, b in SWAPS[language]:
        text = text.replace(a, "\0").replace(b, a).replace("\0", b)
    return text


def passage_tokens(reading: Reading) -> list[int]:
    """Indices of the tokens inside a passage (offsets move with the names' lengths)."""
    return [
        i
        for i, (start, end) in enumerate(reading.tokens)
        if any(start >= s and end <= e for (s, e), _ in reading.spans)
    ]


def test_swap_helper_exchanges_both_leaders():
    # stems, not inflections: the swapped text need not be grammatical, only name-swapped
    assert swap_leaders("Зеленский и Путин", "ru") == "Путиний и Зеленск"
    assert swap_leaders("Путіна і Зеленського", "uk") == "Зеленська і Путіного"


@pytest.mark.parametrize("language", ["ru", "uk"])
def test_swapping_the_leaders_changes_no_label(shared_data: Path, language: str):
    if not unlp2025.available(shared_data):
        pytest.skip("../shared/data/manipulation/unlp2025 not found")
    posts = [
        p
        for p in unlp2025.load("train", shared_data)
        if p.lang == language and swap_leaders(p.text, language) != p.text
    ][:POSTS]
    assert len(posts) >= 40
    model = shared_model()
    changed = []
    for post in posts:
        swapped = swap_leaders(post.text, language)
        a, b = model.read(post.text, language), model.read(swapped, language)
        same = (
            (a.manipulative >= 0.5) == (b.manipulative >= 0.5)
            and [t for t, _ in a.techniques] == [t for t, _ in b.techniques]
            and passage_tokens(a) == passage_tokens(b)
        )
        if not same:
            changed.append(post.id)
    assert not changed, f"{len(changed)} of {len(posts)} posts read otherwise: {changed[:5]}"
