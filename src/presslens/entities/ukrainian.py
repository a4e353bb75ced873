"""Mentions in Ukrainian text, from the CRF tagger trained on NER-UK.

natasha's models are Russian and find too few Ukrainian names (typed-overlap F1
below a rule that marks capitalised words). The bundled tagger
(:mod:`presslens.entities.tagger`, trained by ``presslens train entities``)
tags people, organisations, places and job titles (JOB); a JOB span right
before a person is that person's title ("голова СБУ Василь Малюк").
"""

from __future__ import annotations

import re

from presslens.entities.cyrillic_titles import best_title, from_head, title_before
from presslens.entities.features import document_features
from presslens.entities.mention import ORG, PERSON, PLACE, Mention
from presslens.entities.tagger import CrfModel, bio_spans, shipped

TAGGER_TYPES = {"PERS": PERSON, "ORG": ORG, "LOC": PLACE}
# What may stand between a title and the name it belongs to.
_TITLE_GAP = re.compile(r"^[ \t]*$")


def tagged_spans(text: str, model: CrfModel) -> list[tuple[str, int, int]]:
    """(tagger type, start, end) of every span the model tags."""
    out = []
    for words, features in document_features(text, model.language):
        labels = model.tag(features)
        for first, last, kind in bio_spans(labels):
            out.append((kind, words[first].start, words[last - 1].end))
    return out


def _cut_at_comma(text: str, start: int, end: int) -> int:
    """A name ends before a comma: a run past one is the tagger overreaching."""
    at = text.find(",", start, end)
    return len(text[start:at].rstrip()) + start if at > start else end


def _balanced(text: str, start: int, end: int) -> tuple[int, int]:
    """A name without a quotation mark it does not open or close ('Економічна правда»':
    the tagger's word ran into the closing mark)."""
    surface = text[start:end]
    if surface.endswith("»") and "«" not in surface:
        end -= 1
    if surface.startswith("«") and "»" not in surface:
        start += 1
    return start, end


def _title(text: str, spans: list[tuple[str, int, int]], i: int) -> str | None:
    """The JOB span before person ``i``, with the names between ("голова" + "СБУ")."""
    start = spans[i][1]
    j = i - 1
    while j >= 0 and spans[j][0] in ("ORG", "LOC") and _TITLE_GAP.match(text[spans[j][2] : start]):
        start = spans[j][1]
        j -= 1
    if j < 0 or spans[j][0] != "JOB" or not _TITLE_GAP.match(text[spans[j][2] : start]):
        return None
    return text[spans[j][1] : spans[i][1]].strip()


def tagger_mentions(text: str, model: CrfModel | None = None) -> list[Mention] | None:
    """People, organisations and places with titles; None when no model is bundled."""
    model = model or shipped()
    if model is None:
        return None
    spans = [
        (k, *_balanced(text, s, _cut_at_comma(text, s, e))) for k, s, e in tagged_spans(text, model)
    ]
    out = []
    for i, (kind, start, end) in enumerate(spans):
        type_ = TAGGER_TYPES.get(kind)
        if type_ is None:
            continue
        surface = text[start:end]
        if not any(c.isupper() for c in surface):
            continue
        title = None
        if type_ == PERSON:
            tagged = _title(text, spans, i)
            if tagged is not None:
                # "сказав журналістам Петро ...": another case, no title; "На запитання
                # про відставку уряду речник президента Сергій ...": the title from its head
                tagged = from_head(tagged, surface, "uk")
            title = best_title(tagged, title_before(text, start, "uk"))
        out.append(
            Mention(
                span=(start, end),
                type=type_,
                name=surface,
                full=surface,
                titles=(title,) if title else (),
            )
        )
    taken = [m.span for m in out]
    out.extend(
        Mention(span=span, type=ORG, name=text[span[0] : span[1]], full=text[span[0] : span[1]])
        for span in [*latin_names(text), *outlet_names(text)]
        if not any(a < span[1] and span[0] < b for a, b in taken)
    )
    return sorted(out, key=lambda m: m.span)


# A run of capitalised Latin-script words ('Bloomberg', 'Financial Times', 'CNN'),
# joined by spaces or '&'.
_LATIN_NAME = re.compile(
    r"(?<![\w-])[A-Z][A-Za-z0-9&.'’-]*(?:[ \t]+(?:&[ \t]+)?[A-Z][A-Za-z0-9&.'’-]*)*"
)
_WORD_BEFORE = re.compile(r"([\w'’-]+)[ \t]+$")


def latin_names(text: str) -> list[tuple[int, int]]:
    """Spans of Latin-script names of outlets a Ukrainian text reports from or cites
    ('Як пише Bloomberg', 'видання Politico', 'з посиланням на Reuters', 'за інформацією
    CNN'), read as organisations.

    Why: Ukrainian news writes people's names in Cyrillic (Дональд Трамп) and keeps
    outlets in their own script; the tagger, trained on NER-UK, tags few of them, so a
    relaying outlet was no entity and no route. Only after a verb of saying, a noun for
    a body, outlet or its data ('за даними SMIDA'), or 'з посиланням на'. NER-UK's
    annotators leave Latin-script names untagged ('корпорація Roshen'): of its 391
    documents, 21 Latin runs stand in such a place, none tagged there, so its scores
    count these as errors (held-out typed F1 0.903 with and without the data nouns).
    """
    from presslens.attribution.lexicon_uk import LEXICON
    from presslens.syntax_cyrillic import lemmas

    cues = LEXICON.speech_verbs | LEXICON.org_nouns | LEXICON.document_nouns | LEXICON.data_nouns
    out = []
    for m in _LATIN_NAME.finditer(text):
        name = m.group().rstrip(".")
        if len(name) < 2 or _ROMAN.fullmatch(name):
            continue  # an initial, a century ('XXI століття')
        before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if before is None:
            continue
        word = before.group(1).lower()
        cited = word == "на" and text[: before.start()].rstrip().lower().endswith("посиланням")
        if cited or lemmas(word, "uk") & cues:
            out.append((m.start(), m.start() + len(name)))
    return out


_ROMAN = re.compile(r"[IVXLCDM]+")
# An outlet noun and a name in marks after it: 'видання «Економічна правда»'.
_OUTLET_NAME = re.compile(r"([\w'’-]+)[ \t]+«(?P<name>[^«»\n]{2,60})»")


def outlet_names(text: str) -> list[tuple[int, int]]:
    """Spans of outlets' names in marks after an outlet noun ('видання «Економічна
    правда»', 'на сайті «МедіаПорт»', 'телеканалу «Рада»'), read as organisations.

    Why: a later 'видання' / 'за даними видання' takes up the outlet the text named
    (:mod:`presslens.attribution.speakers`); the tagger, trained on NER-UK, misses many
    of these names, so the outlet was no entity and 'видання' stood for no one."""
    from presslens.attribution.lexicon_uk import LEXICON
    from presslens.syntax_cyrillic import lemmas

    out = []
    for m in _OUTLET_NAME.finditer(text):
        name = m.group("name").strip()
        if (
            name[:1].isupper()
            and len(name.split()) <= 6
            and (lemmas(m.group(1).lower(), "uk") & LEXICON.outlet_nouns)
        ):
            start = m.start("name") + m.group("name").index(name)
            out.append((start, start + len(name)))
    return out
