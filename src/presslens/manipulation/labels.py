"""The ten UNLP-2025 manipulation techniques: names as spelled in the data, human names,
definitions and short examples written for presslens, in English, Russian and Ukrainian.

Definitions paraphrase the shared task's guidelines; the examples are invented, about a
fictional town and nobody real, so views can explain a label without quoting the corpus
or taking a side. ``MANIPULATION`` is the generic label of a passage whose technique the
model cannot tell (the data's spans carry none).
"""

from __future__ import annotations

from dataclasses import dataclass

from presslens.vocabulary import UNLP2025_TECHNIQUES as TECHNIQUES

TAXONOMY = "unlp2025"
MANIPULATION = "manipulation"


@dataclass(frozen=True)
class Definition:
    technique: str
    title: str
    definition: str
    example: str
    title_ru: str
    definition_ru: str
    example_ru: str
    title_uk: str
    definition_uk: str
    example_uk: str


_DEFS = (
    Definition(
        "loaded_language",
        "Loaded language",
        "Words and phrases with a strong emotional charge, positive or negative, used to sway "
        "the audience instead of informing it.",
        "The council's shameless grab of the riverside park left residents seething.",
        "Эмоционально нагруженная лексика",
        "Слова и обороты с сильной эмоциональной окраской, которые давят на чувства вместо "
        "того, чтобы сообщать факты.",
        "Бессовестный захват набережной горсоветом возмутил жителей.",
        "Навантажена мова",
        "Слова та звороти з сильним емоційним забарвленням, що тиснуть на почуття замість "
        "того, щоб повідомляти факти.",
        "Безсоромне захоплення набережної міськрадою обурило мешканців.",
    ),
    Definition(
        "glittering_generalities",
        "Glittering generalities",
        "Appeals to cherished abstractions (freedom, justice, unity, the future) that stir "
        "approval without giving any specific argument.",
        "The new bus timetable is a victory for freedom, dignity and our shared future.",
        "Блестящие обобщения",
        "Апелляция к ценным абстракциям (свобода, справедливость, единство, будущее), "
        "вызывающая одобрение без конкретных доводов.",
        "Новое расписание автобусов — победа свободы, достоинства и нашего общего будущего.",
        "Блискучі узагальнення",
        "Апеляція до цінних абстракцій (свобода, справедливість, єдність, майбутнє), що "
        "викликає схвалення без конкретних аргументів.",
        "Новий розклад автобусів — перемога свободи, гідності та нашого спільного майбутнього.",
    ),
    Definition(
        "euphoria",
        "Euphoria",
        "A real or invented success is celebrated to lift morale and rally people, "
        "crowding out a sober account.",
        "Total triumph! The town's team crushed everyone, and nothing can stop us now!",
        "Эйфория",
        "Реальный или выдуманный успех подаётся как повод для ликования, чтобы поднять дух "
        "и сплотить, вытесняя трезвый рассказ.",
        "Полный триумф! Городская команда разгромила всех, теперь нас не остановить!",
        "Ейфорія",
        "Справжній чи вигаданий успіх подається як привід для тріумфу, щоб підняти дух і "
        "згуртувати, витісняючи тверезу розповідь.",
        "Повний тріумф! Міська команда розгромила всіх, тепер нас не зупинити!",
    ),
    Definition(
        "appeal_to_fear",
        "Appeal to fear",
        "Fear, often of a stereotype or prejudice, is raised to push the audience toward a "
        "proposal.",
        "If the new market opens, crime will flood our streets and no family will be safe.",
        "Апелляция к страху",
        "Запугивание, часто на стереотипах или предрассудках, чтобы подтолкнуть аудиторию "
        "к решению.",
        "Если откроют новый рынок, улицы захлестнёт преступность и ни одна семья не будет "
        "в безопасности.",
        "Апеляція до страху",
        "Залякування, часто на стереотипах чи упередженнях, щоб підштовхнути аудиторію до рішення.",
        "Якщо відкриють новий ринок, вулиці заполонить злочинність і жодна родина не буде в "
        "безпеці.",
    ),
    Definition(
        "fud",
        "Fear, uncertainty, doubt",
        "Information is framed to sow uncertainty and doubt, and through them fear; a kind "
        "of appeal to fear.",
        "Nobody knows whether the water is really safe; the officials will never tell us.",
        "Страх, неуверенность, сомнение",
        "Подача, которая сеет неуверенность и сомнение, а через них страх; разновидность "
        "апелляции к страху.",
        "Никто не знает, безопасна ли вода на самом деле; чиновники нам никогда не скажут.",
        "Страх, непевність, сумнів",
        "Подача, що сіє непевність і сумнів, а через них страх; різновид апеляції до страху.",
        "Ніхто не знає, чи справді безпечна вода; посадовці нам ніколи не скажуть.",
    ),
    Definition(
        "bandwagon",
        "Bandwagon / appeal to people",
        "The audience is urged to join in because everyone else supposedly already has.",
        "The whole town has already signed the petition; only you are still hesitating.",
        "Эффект толпы",
        "Аудиторию призывают присоединиться, потому что все остальные якобы уже это сделали.",
        "Весь город уже подписал петицию, сомневаетесь только вы.",
        "Ефект натовпу",
        "Аудиторію закликають приєднатися, бо всі інші нібито вже це зробили.",
        "Усе місто вже підписало петицію, вагаєтеся лише ви.",
    ),
    Definition(
        "cliche",
        "Thought-terminating cliché",
        "A stock phrase that soothes doubt and closes a question instead of answering it.",
        "Time will put everything in its place.",
        "Клише, обрывающее мысль",
        "Расхожая фраза, которая гасит сомнение и закрывает вопрос вместо ответа на него.",
        "Время всё расставит по своим местам.",
        "Кліше, що обриває думку",
        "Усталена фраза, що гасить сумнів і закриває питання замість відповіді на нього.",
        "Час усе розставить на свої місця.",
    ),
    Definition(
        "whataboutism",
        "Whataboutism",
        "A criticism is deflected by accusing the critic of the same or worse, without "
        "answering it.",
        "They complain about our potholes, but what about the state of their own roads?",
        "Вотэбаутизм",
        "Критику отводят, обвиняя критика в том же или худшем, не отвечая по существу.",
        "Они жалуются на наши ямы, а как насчёт их собственных дорог?",
        "Вотебаутизм",
        "Критику відводять, звинувачуючи критика в тому ж або гіршому, не відповідаючи по суті.",
        "Вони скаржаться на наші ями, а як щодо їхніх власних доріг?",
    ),
    Definition(
        "cherry_picking",
        "Cherry picking",
        "Only the facts or figures that support a claim are shown; the rest are left out.",
        "Ticket sales rose in May, proof the new stadium is a success (the other eleven "
        "months go unmentioned).",
        "Выборочная подача фактов",
        "Показаны лишь факты и цифры, подтверждающие тезис; остальные опущены.",
        "В мае продажи билетов выросли — значит, новый стадион удался (об остальных "
        "месяцах ни слова).",
        "Вибіркова подача фактів",
        "Показано лише факти й цифри, що підтверджують тезу; решту пропущено.",
        "У травні продаж квитків зріс — отже, новий стадіон вдався (про решту місяців ані слова).",
    ),
    Definition(
        "straw_man",
        "Straw man",
        "The opponent's position is replaced by a weaker or distorted version, which is then "
        "refuted.",
        "Those who want a bike lane simply want to ban cars and drive shops out of town.",
        "Подмена тезиса (соломенное чучело)",
        "Позицию оппонента подменяют более слабой или искажённой и опровергают уже её.",
        "Сторонники велодорожки просто хотят запретить машины и выжить магазины из города.",
        "Підміна тези (опудало)",
        "Позицію опонента підмінюють слабшою чи викривленою і спростовують уже її.",
        "Прихильники велодоріжки просто хочуть заборонити авто й вижити крамниці з міста.",
    ),
)

DEFINITIONS: dict[str, Definition] = {d.technique: d for d in _DEFS}
assert tuple(DEFINITIONS) == TECHNIQUES

GENERIC = Definition(
    MANIPULATION,
    "Manipulative passage",
    "A passage the model reads as manipulative, of a technique it cannot tell apart; the "
    "document lists its techniques with scores.",
    "",
    "Манипулятивный фрагмент",
    "Фрагмент, который модель считает манипулятивным, не различая техники; техники "
    "документа перечислены с оценками.",
    "",
    "Маніпулятивний фрагмент",
    "Фрагмент, який модель вважає маніпулятивним, не розрізняючи техніки; техніки документа "
    "перелічено з оцінками.",
    "",
)


def explain(technique: str) -> Definition | None:
    """The definition of a UNLP-2025 label (or of the generic ``manipulation``); None if unknown."""
    if technique == MANIPULATION:
        return GENERIC
    return DEFINITIONS.get(technique)


def title(technique: str, language: str = "en") -> str:
    """The human name of a label in ``language`` (en, ru or uk); the label itself if unknown."""
    entry = explain(technique)
    if entry is None:
        return technique
    return {"ru": entry.title_ru, "uk": entry.title_uk}.get(language, entry.title)


TAXONOMIES = {
    "ptc": "PTC, SemEval-2020 Task 11 persuasion techniques",
    TAXONOMY: "UNLP-2025 manipulation techniques",
}


def taxonomy_name(taxonomy: str | None) -> str:
    """What views call a taxonomy (``ptc`` or ``unlp2025``)."""
    return TAXONOMIES.get(taxonomy or "ptc", str(taxonomy))


def taxonomy_of(analysis: dict) -> str:
    """Which taxonomy an analysis dict was read with: UNLP-2025 when it has a
    ``manipulation`` field, PTC otherwise."""
    reading = analysis.get("manipulation")
    if isinstance(reading, dict) and isinstance(reading.get("taxonomy"), str):
        return reading["taxonomy"]
    return "ptc"
