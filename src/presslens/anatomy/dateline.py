"""A grammar of dispatch datelines: ``PLACE[, REGION][, DATE] AGENCY-MARK DELIMITER``.

Wire services open a story with where and when it was filed and who filed it,
each in its house shape::

    MOSCOW, June 20. /TASS/.           KYIV, June 20 (Reuters) -
    WASHINGTON (AP) —                  Moscow. June 20. INTERFAX -
    МОСКВА, 20 июн — РИА Новости.      Madrid, Jun 20 (EFE).-
    (Bloomberg) --                     LONDON —

Rather than one pattern per agency, the shapes are composed from parts: a place
(capitalised words, lowercase particles allowed inside), an optional region
(``Ill.``, ``Ukraine``), an optional date in English, Russian or Ukrainian, and
one of four agency marks (``(X)``, ``/X/``, ``— X.``, ``. X -``) or a bare dash.
Agency names are normalised through :mod:`presslens.anatomy.agencies`; the two
marks without brackets accept only agencies from that table, so ordinary prose
("WASHINGTON, June 20 — The White House.") is never read as an agency.
"""

from __future__ import annotations

import re

from presslens.anatomy.agencies import canonical_agency
from presslens.document import Dateline

_L = r"[^\W\d_]"  # any letter, any script
_SP = r"[ \u00a0]"
_DASH = r"(?:--|-|–|—|―)"


def _words(text: str) -> list[str]:
    return text.split()


_EN_MONTHS = _words(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
)
_RU_MONTHS = _words(
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря "
    "янв фев мар апр июн июл авг сен сент окт ноя нояб дек"
)
_UK_MONTHS = _words(
    "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня "
    "січ лют бер квіт трав черв лип серп вер жовт лист груд"
)
_ALL_MONTHS = _EN_MONTHS + _RU_MONTHS + _UK_MONTHS
_FULL = "|".join(sorted((m for m in _ALL_MONTHS if len(m) > 4), key=len, reverse=True))
_ABBR = "|".join(sorted((m for m in _ALL_MONTHS if len(m) <= 4), key=len, reverse=True))
# "Jan. 5" keeps the abbreviation's period; "20 июня." leaves the period to the dateline.
_MONTH_TOKEN = rf"(?:(?:{_FULL})(?!{_L})|(?:{_ABBR})(?!{_L})\.?)"
_MONTH_AFTER_DAY = rf"(?:(?:{_FULL})(?!{_L})|(?:{_ABBR})(?!{_L})(?:\.(?={_SP}\d{{4}}))?)"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?(?!\d)"
_YEAR = rf"(?:,?{_SP}\d{{4}}(?:{_SP}(?:года|г\.|року|р\.))?)?"
_WEEKDAY = (
    "(?:"
    + "|".join(
        _words(
            "Monday Tuesday Wednesday Thursday Friday Saturday Sunday "
            "понедельник вторник среда среду четверг пятница пятницу суббота субботу воскресенье "
            "понеділок вівторок середа середу четвер п'ятниця п'ятницю субота суботу неділя неділю"
        )
    )
    + rf")(?!{_L})"
)
_CALENDAR_DATE = (
    rf"(?:{_MONTH_TOKEN}{_SP}{_DAY}{_YEAR}"
    rf"|{_DAY}{_SP}{_MONTH_AFTER_DAY}{_YEAR}"
    r"|\d{1,2}\.\d{1,2}\.\d{2,4}(?!\d)"
    r"|\d{4}-\d{2}-\d{2})"
)
# "June 20", "20 июня", "Tuesday", "Tuesday, June 20", "20.06.2024"
_DATE = re.compile(
    rf"(?:{_WEEKDAY},?{_SP})?{_CALENDAR_DATE}|{_WEEKDAY}",
    re.IGNORECASE,
)

# A place word: a letter run with inner hyphens/apostrophes, or a short abbreviation
# with its period (ST. PETERSBURG, Ft. Worth).
_WORD = re.compile(rf"{_L}{{1,3}}\.(?=[ \u00a0])|{_L}+(?:['’\-]{_L}+)*")
_PARTICLES = frozenset(
    _words("de da do dos das del della di du des la le los las el al am an der on upon sur en на")
)
_REGION = re.compile(
    rf",{_SP}+(?P<region>[A-Z][a-z]{{1,4}}\.(?:{_SP}?[A-Z]\.)*|[A-Z]\.(?:[A-Z]\.)+"
    rf"|{_L}+(?:['’\-]{_L}+)*(?:{_SP}{_L}+(?:['’\-]{_L}+)*){{0,2}})"
)
_MONTH_WORD = re.compile(rf"(?:{_MONTH_TOKEN}|{_WEEKDAY})(?:{_SP}|$)", re.IGNORECASE)
_DATE_SEP = re.compile(rf"(?:,{_SP}*|\.{_SP}+)")

# Agency marks. Each returns the agency text and where the dateline ends.
_PAREN = re.compile(
    rf"{_SP}*\((?P<agency>[^()\n]{{1,40}})\)"
    rf"(?P<delim>\.?{_SP}*{_DASH}(?=\s|$)|\.?{_SP}*[–—―](?={_L})|\.-|\.(?=\s))?"
)
_SLASH = re.compile(rf"\.?{_SP}*/(?P<agency>[^/\n]{{1,30}})/\.?")
_DASH_NAME = re.compile(rf"{_SP}+{_DASH}{_SP}+(?P<agency>[^.\n]{{1,30}}?)\.(?=\s|$)")
_DOT_NAME = re.compile(rf"\.{_SP}+(?P<agency>[^\s\n][^\n]{{0,30}}?){_SP}+{_DASH}(?=\s|$)")
_BARE_DASH = re.compile(rf"{_SP}*{_DASH}(?=\s)")
_AGENCY_ONLY = re.compile(rf"\((?P<agency>[^()\n]{{1,40}})\){_SP}*{_DASH}(?=\s)")

_AFFILIATION = re.compile(r"^[A-Z]-")
# Editorial labels that open a line in capitals like a place does ("EXCLUSIVE — ...").
_LABELS = frozenset(
    _words(
        "exclusive breaking update updated watch analysis opinion editorial live video photos "
        "correction factbox explainer review comment interview "
        "эксклюзив молния срочно обновлено видео мнение интервью "
        "ексклюзив блискавка терміново оновлено відео думка інтерв'ю"
    )
)

MAX_PLACE_WORDS = 4
_MIN_WORDS_AFTER_BARE_DASH = 6


def _is_upper(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _place_ends(text: str, start: int, end: int) -> list[int]:
    """Candidate ends of a place name at ``start``, longest first."""
    ends: list[int] = []
    pos = start
    words: list[str] = []
    while len(words) < MAX_PLACE_WORDS + 1:
        m = _WORD.match(text, pos, end)
        if m is None:
            break
        word = m.group()
        if not words and not word[0].isupper():
            break
        if word.casefold() not in _PARTICLES and not word[0].isupper():
            break
        words.append(word)
        if word.casefold() not in _PARTICLES or word.isupper():
            ends.append(m.end())
        if m.end() < end and text[m.end()] in " \u00a0":
            pos = m.end() + 1
        else:
            break
    return [e for e in reversed(ends) if len(text[start:e].split()) <= MAX_PLACE_WORDS]


def _agency_name(raw: str, *, known_only: bool) -> str | None:
    raw = raw.strip()
    known = canonical_agency(raw)
    if known or known_only:
        return known
    # An unknown name in brackets: accept what looks like a name, not a remark
    # or an affiliation such as "(D-Calif.)" after a person's name.
    words = raw.split()
    if (
        1 <= len(words) <= 4
        and raw[0].isupper()
        and not any(c.isdigit() for c in raw)
        and not _AFFILIATION.match(raw)
    ):
        return raw
    return None


def _tail(text: str, pos: int, end: int) -> tuple[str | None, int, bool] | None:
    """Match an agency mark at ``pos``: (agency, end of dateline, is_bare_dash)."""
    for pattern, known_only in (
        (_PAREN, False),
        (_SLASH, False),
        (_DASH_NAME, True),
        (_DOT_NAME, True),
    ):
        m = pattern.match(text, pos, end)
        if m is None:
            continue
        # "(Ukrinform) The ..." is a dateline, "Organization (WHO) has ..." is not:
        # without a delimiter only a known agency counts.
        if pattern is _PAREN and m.group("delim") is None:
            known_only = True
        agency = _agency_name(m.group("agency"), known_only=known_only)
        if agency is not None:
            return agency, m.end(), False
    m = _BARE_DASH.match(text, pos, end)
    if m is not None:
        return None, m.end(), True
    return None


def _words_after(text: str, pos: int, end: int) -> int:
    return len(text[pos:end].split())


def parse_dateline(text: str, start: int, end: int) -> Dateline | None:
    """Parse a dateline opening ``text[start:end]`` (one line), or return None.

    >>> d = parse_dateline("KYIV, June 20 (Reuters) - Grain.", 0, 32)
    >>> d.place, d.date, d.agency, d.span
    ('KYIV', 'June 20', 'Reuters', (0, 25))
    """
    m = _AGENCY_ONLY.match(text, start, end)
    if m is not None:
        agency = _agency_name(m.group("agency"), known_only=False)
        if agency is not None:
            return Dateline((start, m.end()), None, None, agency)
    date = _DATE.match(text, start, end)
    if date is not None:
        # "Aug 27 (Reuters) - ": a date and an agency mark, no place. Only with an
        # agency: a date and a bare dash open ordinary sentences.
        tail = _tail(text, date.end(), end)
        if tail is not None and tail[0] is not None:
            return Dateline((start, tail[1]), None, date.group(), tail[0])
    for place_end in _place_ends(text, start, end):
        found = _after_place(text, start, place_end, end)
        if found is not None:
            return found
    return None


def _after_place(text: str, start: int, place_end: int, end: int) -> Dateline | None:
    place = text[start:place_end]
    if place.casefold() in _LABELS:
        return None
    region_options: list[tuple[int, str | None]] = []
    region = _REGION.match(text, place_end, end)
    if region is not None and not _MONTH_WORD.match(region.group("region")):
        region_options.append((region.end(), region.group("region")))
    region_options.append((place_end, None))
    for pos, region_text in region_options:
        if region_text is not None and not region_text[0].isupper():
            continue
        date_options: list[tuple[int, str | None]] = []
        sep = _DATE_SEP.match(text, pos, end)
        if sep is not None:
            date = _DATE.match(text, sep.end(), end)
            if date is not None:
                date_options.append((date.end(), date.group()))
        date_options.append((pos, None))
        for date_end, date_text in date_options:
            tail = _tail(text, date_end, end)
            if tail is None:
                continue
            agency, tail_end, bare = tail
            # "LONDON — ..." : only an all-caps place before a real sentence.
            if (
                bare
                and date_text is None
                and region_text is None
                and (
                    not _is_upper(place)
                    or _words_after(text, tail_end, end) < _MIN_WORDS_AFTER_BARE_DASH
                )
            ):
                continue
            if bare and not _is_upper(place) and date_text is None:
                continue
            full_place = place if region_text is None else text[start:pos]
            return Dateline((start, tail_end), full_place, date_text, agency)
    return None


def parse_place_line(text: str, start: int, end: int) -> Dateline | None:
    """A line holding only an all-caps place (``ANKARA``), as some agencies file it."""
    line = text[start:end]
    if not _is_upper(line) or sum(c.isalpha() for c in line) < 3:
        return None
    ends = _place_ends(text, start, end)
    if not ends or ends[0] != end:
        return None
    return Dateline((start, end), line, None, None)
