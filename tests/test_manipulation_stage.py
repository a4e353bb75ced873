"""The techniques stage on Russian and Ukrainian text: the UNLP-2025 manipulation model.

The two reference dispatches mirror each other (same dispatch, sides swapped): the
loaded designation must be found in both and both must get the same technique
profile; swapping the parties' names inside one language changes no label.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import presslens
from presslens.cli.terminal import console, render
from presslens.corpora import data_root
from presslens.manipulation.labels import MANIPULATION, TAXONOMY
from presslens.manipulation.predictor import model_available
from presslens.report import render_report
from swapping import labels, swapper

pytestmark = pytest.mark.skipif(not model_available(), reason="manipulation model not shipped")

STAGES = ["techniques"]
DESIGNATION = {"ru": "преступного киевского режима", "uk": "злочинного кремлівського режиму"}

RU_SWAP = {
    "Москву": "Киев",
    "Москве": "Киеве",
    "Москва": "Киев",
    "МОСКВА": "КИЕВ",
    "России": "Украины",
    "Россия": "Украина",
    "российских": "украинских",
    "Российской": "Украинской",
    "киевского": "московского",
    "Украине": "России",
    "украинских": "российских",
    "СВР": "СБУ",
    "ТАСС": "Укринформ",
    "Сергей Нарышкин": "Василий Малюк",
    "Нарышкин": "Малюк",
}

UK_OWN = """Міністерство оборони заявило про нові постачання

КИЇВ, 3 травня. /Укрінформ/. Міністерство оборони України повідомило про отримання нової
партії техніки від партнерів, повідомили Укрінформу в пресслужбі відомства.

«Це історична перемога, яку неможливо зупинити! Разом ми непереможні», — йдеться в заяві.
За словами речника, злочинна кремлівська влада вже панікує, бо всі розуміють, що кінець близько.
"""

RU_OWN = """Министерство обороны заявило о новых поставках

МОСКВА, 3 мая. /ТАСС/. Министерство обороны России сообщило о получении новой партии
техники от партнёров, сообщили ТАСС в пресс-службе ведомства.

«Это историческая победа, которую невозможно остановить! Вместе мы непобедимы», — говорится в
заявлении. По словам представителя, преступный киевский режим уже паникует, потому что все
понимают, что конец близок.
"""


def _fixture(lang: str) -> str:
    root = data_root(required=False)
    path = None if root is None else root.parent / "fixtures" / f"seed-dispatch.{lang}.txt"
    if path is None or not Path(path).is_file():
        pytest.skip(f"../shared/fixtures/seed-dispatch.{lang}.txt not found")
    return path.read_text(encoding="utf-8")


def _analyse(text: str) -> dict:
    return presslens.analyze(presslens.Document(text), stages=STAGES).to_dict()


def _profile(a: dict) -> tuple:
    """The technique labels a document got: of its spans and at the document level."""
    spans = tuple(sorted({t["technique"] for t in a["techniques"]}))
    document = tuple(sorted(t["technique"] for t in a["manipulation"]["techniques"]))
    return spans, document


@pytest.fixture(scope="module")
def seeds() -> dict[str, dict]:
    return {lang: _analyse(_fixture(lang)) for lang in ("ru", "uk")}


@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_loaded_designation_is_found(seeds, lang):
    a = seeds[lang]
    assert a["language"] == lang
    assert a["manipulation"]["taxonomy"] == TAXONOMY
    start = a["text"].index(DESIGNATION[lang])
    end = start + len(DESIGNATION[lang])
    hits = [t for t in a["techniques"] if t["span"][0] < end and start < t["span"][1]]
    assert hits, [a["text"][t["span"][0] : t["span"][1]] for t in a["techniques"]]
    for t in hits:
        assert t["technique"] in (
            MANIPULATION,
            *(x["technique"] for x in a["manipulation"]["techniques"]),
        )
        assert 0 < t["score"] <= 1
        assert t["quote"] is None or t["quote"].startswith("q")


def test_mirrored_dispatches_get_the_same_profile(seeds):
    assert _profile(seeds["ru"]) == _profile(seeds["uk"])
    assert _profile(seeds["ru"])[0]


def test_party_swap_changes_no_russian_label():
    text = _fixture("ru")
    swap = swapper(RU_SWAP)
    swapped_text = swap(text)
    assert swapped_text != text
    original, swapped = _analyse(text), _analyse(swapped_text)
    assert labels(swapped, lambda s: s)["techniques"] == labels(original, swap)["techniques"]
    assert _profile(original) == _profile(swapped)


def test_own_mirrored_dispatches_share_a_profile():
    ru, uk = _analyse(RU_OWN), _analyse(UK_OWN)
    assert ru["techniques"] and uk["techniques"]
    assert _profile(ru) == _profile(uk)


def test_english_documents_keep_the_ptc_contract(seed_text):
    a = presslens.analyze(presslens.Document(seed_text), stages=STAGES).to_dict()
    assert "manipulation" not in a
    assert all(t["technique"][0].isupper() for t in a["techniques"])


def test_views_name_the_taxonomy_and_define_the_labels(seeds):
    a = seeds["uk"]
    html = render_report(a)
    assert 'data-taxonomy="unlp2025"' in html and "UNLP-2025" in html
    for t in a["manipulation"]["techniques"]:
        assert f'data-tech="{t["technique"]}"' in html
    out = console(record=True, width=160)
    render(a, out)
    text = out.export_text()
    assert "UNLP-2025" in text and "Document techniques" in text
