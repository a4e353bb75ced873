"""News agencies as they are spelled in datelines, and their canonical short names.

This is a format table (how a wire service writes its own name in a dateline),
not a judgement about any agency: every agency is parsed the same way, and an
agency missing from the table is still reported, under its own spelling, when it
stands in an unambiguous position such as ``PLACE (XYZ) -``.
"""

from __future__ import annotations

import re

# canonical name -> spellings seen in datelines (matched case-insensitively)
AGENCIES: dict[str, tuple[str, ...]] = {
    "TASS": ("TASS", "ТАСС", "ITAR-TASS", "ИТАР-ТАСС"),
    "Reuters": ("Reuters", "Рейтер", "Рейтерс"),
    "AP": ("AP", "Associated Press", "Ассошиэйтед Пресс"),
    "AFP": ("AFP", "Agence France-Presse", "Франс Пресс", "Франс-Пресс"),
    "Interfax": ("Interfax", "INTERFAX.RU", "Интерфакс", "Інтерфакс"),
    "Interfax-Ukraine": ("Interfax-Ukraine", "Интерфакс-Украина", "Інтерфакс-Україна"),
    "RIA Novosti": ("RIA Novosti", "RIA", "РИА Новости", "РІА Новини"),
    "Ukrinform": ("Ukrinform", "Укрінформ", "Укринформ"),
    "UNIAN": ("UNIAN", "УНІАН", "УНИАН"),
    "Xinhua": ("Xinhua", "Синьхуа", "Сіньхуа"),
    "Anadolu": ("Anadolu", "AA", "Anadolu Agency", "Anadolu Ajansı", "Анадолу"),
    "dpa": ("dpa", "Deutsche Presse-Agentur"),
    "EFE": ("EFE",),
    "Bloomberg": ("Bloomberg",),
    "Kyodo": ("Kyodo",),
    "Jiji": ("Jiji", "Jiji Press"),
    "Yonhap": ("Yonhap", "Ренхап", "Йонхап"),
    "ANSA": ("ANSA",),
    "PAP": ("PAP",),
    "BelTA": ("BelTA", "БелТА"),
    "Sputnik": ("Sputnik", "Спутник"),
    "RBC": ("RBC", "РБК"),
    "Prensa Latina": ("Prensa Latina", "PL"),
    "PTI": ("PTI",),
    "IANS": ("IANS",),
    "ANI": ("ANI",),
    "Bernama": ("Bernama",),
    "Antara": ("Antara",),
    "Kazinform": ("Kazinform", "Казинформ"),
    "Trend": ("Trend",),
    "APA": ("APA",),
    "AzerTAC": ("AzerTAC", "АзерТАдж"),
    "Armenpress": ("Armenpress", "Арменпресс"),
    "IRNA": ("IRNA",),
    "KUNA": ("KUNA",),
    "MENA": ("MENA",),
    "SANA": ("SANA",),
    "WAFA": ("WAFA",),
    "AAP": ("AAP",),
    "CP": ("CP", "Canadian Press", "The Canadian Press"),
    "UPI": ("UPI",),
    "BTA": ("BTA",),
    "MTI": ("MTI",),
    "CTK": ("CTK", "ČTK"),
    "TASR": ("TASR",),
    "HINA": ("HINA",),
    "Tanjug": ("Tanjug",),
    "Agerpres": ("Agerpres",),
    "LETA": ("LETA",),
    "ELTA": ("ELTA",),
    "BNS": ("BNS",),
    "CNN": ("CNN",),
    "BBC": ("BBC",),
}


def _key(spelling: str) -> str:
    return re.sub(r"[\s.\-]+", " ", spelling.casefold()).strip()


_LOOKUP: dict[str, str] = {
    _key(spelling): canonical for canonical, spellings in AGENCIES.items() for spelling in spellings
}


def canonical_agency(spelling: str) -> str | None:
    """The canonical short name for ``spelling``, or None if it is not in the table.

    >>> canonical_agency("ТАСС"), canonical_agency("INTERFAX.RU"), canonical_agency("Nobody")
    ('TASS', 'Interfax', None)
    """
    return _LOOKUP.get(_key(spelling))
