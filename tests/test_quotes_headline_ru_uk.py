"""Russian and Ukrainian colon headlines put a claim in someone's mouth ('Песков:
Кремль не будет комментировать слухи'): a quote of the words before the colon, as the
English rules read 'Graham: ...'; a rubric ('Фото:', 'Головне:') is nobody. Written
before the reader, mirrored in both languages.
"""

from __future__ import annotations

import pytest

import presslens


def _headline_quotes(text: str) -> list[tuple[str, str | None, str]]:
    a = presslens.analyze(text).to_dict()
    end = text.index("\n")
    return [
        (q["kind"], (q["speaker"] or {}).get("text"), text[q["span"][0] : q["span"][1]])
        for q in a["quotes"]
        if q["span"][0] < end
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Песков: Кремль не будет комментировать слухи\n\nВ Кремле отказались от комментариев.",
            [("indirect", "Песков", "Кремль не будет комментировать слухи")],
        ),
        (
            "Никифоров: Офіс президента не коментуватиме чутки\n\nВ Офісі відмовилися від "
            "коментарів.",
            [("indirect", "Никифоров", "Офіс президента не коментуватиме чутки")],
        ),
        (
            "Зеленський: «Ми вистоїмо»\n\nПрезидент виступив у Раді.",
            [("direct", "Зеленський", "Ми вистоїмо")],
        ),
        (
            "Путин: «Мы выстоим»\n\nПрезидент выступил в Думе.",
            [("direct", "Путин", "Мы выстоим")],
        ),
    ],
)
def test_a_colon_headline_is_a_quote(text: str, expected: list) -> None:
    assert _headline_quotes(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Фото: последствия удара по городу\n\nВ городе повреждены дома.",
        "Головне: що відомо про удар по місту\n\nУ місті пошкоджено будинки.",
        "Онлайн: события дня в столице\n\nВ столице прошли митинги.",
    ],
)
def test_a_rubric_is_nobody(text: str) -> None:
    assert _headline_quotes(text) == []
