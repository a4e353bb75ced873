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


# Russian and Ukrainian: every inflected form that occurs is listed, paired with the
# partner's form in the same case, so the swapped text stays grammatical.
SEED_SWAP_RU = {
    "Москве": "Киеве",
    "Москву": "Киев",
    "МОСКВА": "КИЕВ",
    "России": "Украины",
    "на Украине": "в России",
    "Российской": "Украинской",
    "украинских": "российских",
    "киевского": "московского",
    "ТАСС": "УНИАН",
    "СВР": "СБУ",
    "внешней разведки": "безопасности",
    "Сергей Нарышкин": "Василий Малюк",
    "Нарышкин": "Малюк",
}

SEED_SWAP_UK = {
    "Києві": "Москві",
    "Києва": "Москви",
    "КИЇВ": "МОСКВА",
    "Росії": "України",
    "російських": "українських",
    "Українській": "Російській",
    "кремлівського": "київського",
    "Укрінформу": "ТАСС",
    "Укрінформ": "ТАРС",
    "СБУ": "СЗР",
    "безпеки": "зовнішньої розвідки",
    "Василь Малюк": "Сергій Наришкін",
    "Малюк": "Наришкін",
}

# Invented disputes between two real neighbours whose names inflect alike
# (Латвия/Эстония, Рига/Нарва; Литва/Польща, Вільнюс/Краків), so that every case
# form has a partner in the same case.
BORDER_RU = """Латвия обвинила Эстонию в нарушении границы

РИГА, 4 мая. /ЛЕТА/. МИД Латвии заявил, что эстонские патрульные катера дважды \
заходили в латвийские воды у Риги, сообщили ЛЕТА в пресс-службе министерства.

«Мы не допустим повторения таких инцидентов», — заявил министр обороны Латвии \
Иван Петров журналистам. По словам Петрова, в Ригу уже направлены дополнительные силы.

В МИД Эстонии отвергли обвинения. «Наши катера не покидали эстонских вод, — \
отметил представитель ведомства Олег Сидоров, — и Нарва готова это доказать».

Источник в правительстве Латвии сообщил ЛЕТА, что переговоры с Эстонией отложены. \
По имеющимся у латвийской стороны данным, катера действовали по приказу из Нарвы. \
«Эстонии хорошо известно, чьи это были катера», — подчеркнули в министерстве.
"""

BORDER_RU_SWAP = {
    "Латвия": "Эстония",
    "Латвии": "Эстонии",
    "Эстонию": "Латвию",
    "Эстонией": "Латвией",
    "латвийские": "эстонские",
    "латвийской": "эстонской",
    "эстонских": "латвийских",
    "Риги": "Нарвы",
    "Ригу": "Нарву",
    "РИГА": "НАРВА",
    "Нарва": "Рига",
    "ЛЕТА": "ЭРР",
    "Иван Петров": "Олег Сидоров",
    "Петрова": "Сидорова",
}

BORDER_UK = """Литва звинуватила Польщу в порушенні кордону

ВІЛЬНЮС, 4 травня. /ELTA/. МЗС Литви заявило, що польські патрульні катери двічі \
заходили в литовські води біля Вільнюса, повідомили ELTA в пресслужбі міністерства.

«Ми не допустимо повторення таких інцидентів», — заявив міністр оборони Литви \
Іван Петренко журналістам. За словами Петренка, до Вільнюса вже направлено додаткові сили.

У МЗС Польщі відкинули звинувачення. «Наші катери не залишали польських вод, — \
зазначив представник відомства Олег Сидоренко, — і Краків готовий це довести».

Джерело в уряді Литви повідомило ELTA, що переговори з Польщею відкладено. \
За наявною в литовської сторони інформацією, катери діяли за наказом із Кракова. \
«Польщі добре відомо, чиї це були катери», — наголосили в міністерстві.
"""

BORDER_UK_SWAP = {
    "Литва": "Польща",
    "Литви": "Польщі",
    "Польщу": "Литву",
    "Польщею": "Литвою",
    "польські": "литовські",
    "литовської": "польської",
    "польських": "литовських",
    "Вільнюса": "Кракова",
    "ВІЛЬНЮС": "КРАКІВ",
    "Краків": "Вільнюс",
    "ELTA": "PAP",
    "Іван Петренко": "Олег Сидоренко",
    "Петренка": "Сидоренка",
}
