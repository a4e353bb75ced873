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


NEUTRAL_RU = """В Новосибирске открылся новый мост

НОВОСИБИРСК, 12 сентября. /ТАСС/. Новый автомобильный мост через Обь открыли в Новосибирске в
четверг, сообщили в мэрии города. Длина моста составляет 1,6 км, строительство заняло четыре года.
По словам представителя мэрии, движение по мосту будет открыто для всех видов транспорта с субботы.
"""

NEUTRAL_UK = """У Львові відкрили новий міст

ЛЬВІВ, 12 вересня. /Укрінформ/. Новий автомобільний міст через річку відкрили у Львові в четвер,
повідомили в міській раді. Довжина мосту становить 1,6 км, будівництво тривало чотири роки.
За словами представника міськради, рух мостом буде відкрито для всіх видів транспорту з суботи.
"""


MIRRORED = {
    "plain": (
        (
            "В Харькове отремонтировали школу\n"
            "\n"
            "ХАРЬКОВ, 5 марта. Ремонт школы номер 12 завершили в Харькове во вторник, сообщили в "
            "городском совете. Работы продолжались восемь месяцев, в здании заменили окна, крышу "
            "и систему отопления. Занятия в обновлённой школе начнутся в понедельник.\n"
        ),
        (
            "У Харкові відремонтували школу\n"
            "\n"
            "ХАРКІВ, 5 березня. Ремонт школи номер 12 завершили в Харкові у вівторок, повідомили "
            "в міській раді. Роботи тривали вісім місяців, у будівлі замінили вікна, дах і "
            "систему опалення. Заняття в оновленій школі почнуться в понеділок.\n"
        ),
    ),
    "fear": (
        (
            "Эксперт предупредил о катастрофе\n"
            "\n"
            "По словам эксперта, если ничего не предпринять, уже этой зимой страну ждёт настоящая"
            " катастрофа: люди останутся без света и тепла, а города превратятся в ледяные руины."
            " «Нас всех обманывают, правду от нас скрывают», — заявил он.\n"
        ),
        (
            "Експерт попередив про катастрофу\n"
            "\n"
            "За словами експерта, якщо нічого не зробити, вже цієї зими країну чекає справжня "
            "катастрофа: люди залишаться без світла і тепла, а міста перетворяться на крижані "
            "руїни. «Нас усіх обманюють, правду від нас приховують», — заявив він.\n"
        ),
    ),
    "euphoria": (
        (
            "Президент открыл новый завод\n"
            "\n"
            "Президент открыл в области новый завод. «Это великий день для всей страны! Мы вместе"
            " строим свободное и счастливое будущее, и никто нас не остановит», — сказал он под "
            "аплодисменты рабочих.\n"
        ),
        (
            "Президент відкрив новий завод\n"
            "\n"
            "Президент відкрив в області новий завод. «Це великий день для всієї країни! Ми разом"
            " будуємо вільне і щасливе майбутнє, і ніхто нас не зупинить», — сказав він під "
            "оплески робітників.\n"
        ),
    ),
    "whatabout": (
        (
            "В МИД ответили на критику\n"
            "\n"
            "МОСКВА, 14 апреля. Официальный представитель МИД России заявила, что западные "
            "политики не имеют права критиковать Москву. «А что они сами делали в Ираке и Ливии? "
            "Пусть сначала посмотрят на себя», — сказала она.\n"
        ),
        (
            "У МЗС відповіли на критику\n"
            "\n"
            "КИЇВ, 14 квітня. Речник МЗС України заявив, що російські політики не мають права "
            "критикувати Київ. «А що вони самі робили в Чечні та Грузії? Хай спочатку подивляться"
            " на себе», — сказав він.\n"
        ),
    ),
}
"""Short dispatches of our own writing, each in Russian and in Ukrainian (the same text):
plain, fearful, euphoric, whataboutist (the last with the sides swapped, as in the seeds)."""


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


def _designation_labels(a: dict, needle: str) -> set[str]:
    start = a["text"].index(needle)
    end = start + len(needle)
    return {t["technique"] for t in a["techniques"] if (t["span"][0], t["span"][1]) == (start, end)}


def test_mirrored_designations_get_the_same_label(seeds):
    for lang in ("ru", "uk"):
        assert _designation_labels(seeds[lang], DESIGNATION[lang]) == {"loaded_language"}
        assert "loaded_language" in _profile(seeds[lang])[1]


def test_mirrored_dispatches_get_the_same_profile(seeds):
    """Issue #17: the mirrored reference dispatches get the same labels. The bag model alone
    read the Russian one 0.505 and the Ukrainian 0.357 (only the Russian side passed the 0.5
    gate); with the sentence vectors' reader in the decision (session 9) 0.41 and 0.34."""
    assert _profile(seeds["ru"]) == _profile(seeds["uk"])


GAP = pytest.mark.xfail(
    strict=True,
    reason="known gap: one technique near its threshold lands on the Russian side only "
    "(fud at 0.45, appeal_to_fear at 0.40): the two languages still share too few content "
    "words",
)


@pytest.mark.parametrize(
    "name",
    [
        "plain",
        pytest.param("fear", marks=GAP),
        pytest.param("euphoria", marks=GAP),
        "whatabout",
    ],
)
def test_own_mirrored_dispatches_get_the_same_profile(name):
    ru, uk = (_analyse(text) for text in MIRRORED[name])
    assert (ru["language"], uk["language"]) == ("ru", "uk")
    assert _profile(ru) == _profile(uk), name


def test_party_swap_changes_no_russian_label():
    text = _fixture("ru")
    swap = swapper(RU_SWAP)
    swapped_text = swap(text)
    assert swapped_text != text
    original, swapped = _analyse(text), _analyse(swapped_text)
    assert labels(swapped, lambda s: s)["techniques"] == labels(original, swap)["techniques"]
    assert _profile(original) == _profile(swapped)


def test_own_mirrored_dispatches_flag_the_same_designation():
    ru, uk = _analyse(RU_OWN), _analyse(UK_OWN)
    assert _designation_labels(ru, "преступный киевский режим") == {"loaded_language"}
    assert _designation_labels(uk, "злочинна кремлівська влада") == {"loaded_language"}
    assert "loaded_language" in _profile(ru)[1] and "loaded_language" in _profile(uk)[1]


@pytest.mark.xfail(
    strict=True,
    reason="known gap: both texts read under the 0.5 decision (Russian 0.45, Ukrainian 0.47), "
    "so neither euphoric quote is a passage",
)
def test_own_mirrored_dispatches_find_the_euphoric_quote():
    ru, uk = _analyse(RU_OWN), _analyse(UK_OWN)
    for a, needle in ((ru, "историческая победа"), (uk, "історична перемога")):
        at = a["text"].index(needle)
        assert any(t["span"][0] <= at < t["span"][1] for t in a["techniques"])


def test_plain_dispatches_get_no_technique():
    for text in (NEUTRAL_RU, NEUTRAL_UK):
        a = _analyse(text)
        assert a["techniques"] == [] and a["manipulation"]["techniques"] == []


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
