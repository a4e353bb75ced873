"""Site chrome that text extraction leaves behind: navigation, share buttons,
cookie notices, "Read more" links, photo credits, timestamps, separators.

A line is boilerplate when it is one of these as a whole. The phrases are kept
per language (English, Russian, Ukrainian) because sites write their chrome in
the language of the page; the classifier is applied to every line regardless of
language, since anatomy runs before language identification and pages often mix
languages in their navigation.
"""

from __future__ import annotations

import re

# Whole lines (compared after dropping surrounding punctuation and case).
_EXACT: dict[str, tuple[str, ...]] = {
    "en": (
        "all news",
        "latest news",
        "news",
        "home",
        "menu",
        "search",
        "main menu",
        "share",
        "share this",
        "share this article",
        "share this story",
        "share article",
        "tweet",
        "email",
        "e-mail",
        "print",
        "print this page",
        "copy link",
        "save",
        "subscribe",
        "subscribe now",
        "sign in",
        "sign up",
        "log in",
        "login",
        "register",
        "read more",
        "read also",
        "see also",
        "related",
        "related news",
        "related articles",
        "related stories",
        "related content",
        "related topics",
        "more on this story",
        "most read",
        "most popular",
        "trending",
        "trending now",
        "top stories",
        "editor's picks",
        "advertisement",
        "advertising",
        "sponsored",
        "sponsored content",
        "ad",
        "ads",
        "skip to content",
        "skip to main content",
        "skip navigation",
        "back to top",
        "comments",
        "show comments",
        "leave a comment",
        "listen to this article",
        "listen",
        "watch",
        "video",
        "photo",
        "photos",
        "gallery",
        "close",
        "open menu",
        "more",
        "next article",
        "previous article",
        "breaking news",
        "live updates",
        "accept",
        "accept all",
        "reject all",
        "cookie settings",
        "manage cookies",
    ),
    "ru": (
        "все новости",
        "новости",
        "главная",
        "лента новостей",
        "меню",
        "поиск",
        "читайте также",
        "читать также",
        "смотрите также",
        "смотреть также",
        "по теме",
        "материалы по теме",
        "поделиться",
        "подписаться",
        "реклама",
        "комментарии",
        "версия для печати",
        "войти",
        "ещё",
        "еще",
        "самое читаемое",
        "популярное",
        "нашли ошибку? выделите ее и нажмите ctrl+enter",
        "видео",
        "фото",
        "фотогалерея",
        "показать комментарии",
        "наверх",
        "принять",
        "главное",
    ),
    "uk": (
        "усі новини",
        "всі новини",
        "новини",
        "головна",
        "стрічка новин",
        "меню",
        "пошук",
        "читайте також",
        "дивіться також",
        "за темою",
        "матеріали за темою",
        "поділитися",
        "підписатися",
        "реклама",
        "коментарі",
        "версія для друку",
        "увійти",
        "ще",
        "найпопулярніше",
        "відео",
        "фото",
        "фотогалерея",
        "показати коментарі",
        "нагору",
        "прийняти",
        "головне",
    ),
}

# Lines that start this way (then a colon, a link text or a channel name).
_PREFIXES: dict[str, tuple[str, ...]] = {
    "en": (
        "read more:",
        "read also:",
        "see also:",
        "related:",
        "more:",
        "photo:",
        "photo by",
        "photos:",
        "image:",
        "picture:",
        "pictured:",
        "video:",
        "watch:",
        "listen:",
        "credit:",
        "photo credit",
        "file photo",
        "follow us on",
        "follow us",
        "subscribe to",
        "sign up for",
        "sign up to",
        "download our app",
        "join our",
        "get our newsletter",
        "copyright",
        "all rights reserved",
        "updated:",
        "last updated",
        "published:",
        "posted:",
        "share on",
        "share via",
        "click here",
    ),
    "ru": (
        "читайте также:",
        "читать также:",
        "смотрите также:",
        "по теме:",
        "фото:",
        "фото ©",
        "видео:",
        "источник фото",
        "подписывайтесь на",
        "подпишитесь на",
        "следите за",
        "читайте нас в",
        "наш канал в",
        "присоединяйтесь к",
        "обновлено:",
        "опубликовано:",
        "все права защищены",
        "поделиться в",
        "нашли ошибку",
    ),
    "uk": (
        "читайте також:",
        "дивіться також:",
        "за темою:",
        "фото:",
        "фото ©",
        "відео:",
        "джерело фото",
        "підписуйтеся на",
        "підпишіться на",
        "слідкуйте за",
        "стежте за",
        "читайте нас у",
        "читайте нас в",
        "наш канал у",
        "приєднуйтеся до",
        "оновлено:",
        "опубліковано:",
        "усі права захищені",
        "всі права захищені",
        "поділитися в",
        "знайшли помилку",
    ),
}

_EXACT_SET = frozenset(p for phrases in _EXACT.values() for p in phrases)
_PREFIX_RE = re.compile(
    "|".join(
        re.escape(p) + (r"(?=\W|$)" if p[-1].isalnum() else "")
        for p in sorted({p for ps in _PREFIXES.values() for p in ps}, key=len, reverse=True)
    )
)
_COOKIE = re.compile(r"cookie|куки|кукі", re.IGNORECASE)
_COOKIE_CONTEXT = re.compile(
    r"\b(?:use|uses|accept|consent|policy|settings|browsing|continuing)\b"
    r"|использ|соглас|политик|використ|погоджу|політик",
    re.IGNORECASE,
)
_MIN_READ = re.compile(r"^\d+\s*(?:min|minute|мин|хв)\w*\.?\s*(?:read|чтения|читання)?$")
_SEPARATOR = re.compile(r"^(?:[*\-_~=•·#+—–]\s*){3,}$")
_LINK = re.compile(r"^(?:[^\s:]{1,20}:\s*)?(?:https?://|www\.)\S+$", re.IGNORECASE)
_EDGE = re.compile(r"^[\s\W_]+|[\s\W_]+$")
_CRUMB_SPLIT = re.compile(r"\s*(?:›|»|>|\||/|•|·)\s*")


def _table(words: str) -> frozenset[str]:
    return frozenset(words.split())


_TIME_WORDS = _table(
    """am pm a.m p.m gmt utc msk est edt bst cet cest eet eest pst pdt kyiv time local
    updated published posted last at on by мск обновлено опубликовано оновлено опубліковано
    в о г года року р т
    monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun
    понедельник вторник среда четверг пятница суббота воскресенье
    понеділок вівторок середа четвер пʼятниця п'ятниця субота неділя сегодня вчера сьогодні
    вчора today yesterday"""
)
_MONTH_WORDS = _table(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    января февраля марта апреля мая июня июля августа сентября октября ноября декабря
    январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь
    янв фев мар апр июн июл авг сен окт ноя дек
    січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня
    січень лютий березень квітень травень червень липень серпень вересень жовтень листопад
    грудень"""
)
_NUMBER = re.compile(r"\d+(?:\.\d+)*|\d+(?:st|nd|rd|th)")
# A clock time, a numeric date or a year: a timestamp has at least one of them.
_WHEN = re.compile(
    r"\d{1,2}:\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}|\b(?:19|20)\d{2}\b"
)
_NOT_WHEN = re.compile(r"[()\[\]\"“”«»]")
_TOKEN = re.compile(r"[^\W_]+(?:\.[^\W_]+)*")

MAX_CHARS = 1000  # chrome is short; longer lines are never tested (and never slow)
MAX_PREFIX_WORDS = 25
MAX_COOKIE_WORDS = 80


def _core(line: str) -> str:
    """The line without surrounding punctuation, arrows, bullets and case."""
    return " ".join(_EDGE.sub("", line).casefold().split())


def is_timestamp(line: str) -> bool:
    """A line that only says when: ``20 June 2024, 14:35``, ``Updated 10:15 AM GMT``."""
    if not _WHEN.search(line) or _NOT_WHEN.search(line):
        return False
    tokens = _TOKEN.findall(line.casefold())
    if not tokens or len(tokens) > 14:
        return False
    return all(t in _TIME_WORDS or t in _MONTH_WORDS or _NUMBER.fullmatch(t) for t in tokens)


def _is_link(line: str) -> bool:
    """A bare address, maybe after a label: ``Facebook: https://...``."""
    return _LINK.match(line) is not None


def _is_breadcrumb(line: str) -> bool:
    if "://" in line or line.startswith("|"):
        return False  # links are handled apart; "| a | b |" is a table row, not a menu
    parts = [p for p in _CRUMB_SPLIT.split(line.strip()) if p]
    if len(parts) < 3 or line.rstrip().endswith((".", "!", "?")):
        return False
    return all(len(p.split()) <= 3 and not any(c.isdigit() for c in p) for p in parts)


def is_boilerplate(line: str) -> bool:
    """Whether a whole line is site chrome rather than part of the dispatch.

    >>> is_boilerplate("All news"), is_boilerplate("Читайте также: Курс рубля")
    (True, True)
    >>> is_boilerplate("MOSCOW, June 20. /TASS/. The talks ended.")
    False
    """
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_CHARS:
        return False
    if _SEPARATOR.match(stripped):
        return True  # ***, ---, • • •, ~~~
    core = _core(stripped)
    if core in _EXACT_SET or _MIN_READ.match(core):
        return True
    words = len(stripped.split())
    lowered = " ".join(stripped.casefold().split())
    if stripped[0] in "©" or lowered.startswith("(c) "):
        return True
    if words <= MAX_PREFIX_WORDS and _PREFIX_RE.match(lowered):
        return True
    if words <= MAX_COOKIE_WORDS and _COOKIE.search(stripped) and _COOKIE_CONTEXT.search(stripped):
        return True
    return is_timestamp(stripped) or _is_link(stripped) or _is_breadcrumb(stripped)
