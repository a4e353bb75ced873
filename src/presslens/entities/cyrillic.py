"""Entities of Russian and Ukrainian text: names in their base form, merged across inflections.

The same steps as for English (acronym definitions, merging, propagation), on
mentions that have first been brought to one footing:

1. **Mentions**: natasha's NER for Russian; the NER-UK tagger for Ukrainian
   (natasha, kept on a short leash, when no tagger is bundled), its spans cut
   where a name cannot go on (:func:`trim_complements`), with titles
   (:mod:`presslens.entities.cyrillic_titles`). The dateline's agency as
   written ("/Укрінформ/"). One type per name: the document's majority
   (:func:`agree_types`).
2. **Base forms** (:mod:`presslens.entities.inflect`): "Службі безпеки" ->
   "Служба безпеки", "Києва" -> "Київ", "Сергея Нарышкина" -> "Сергей Нарышкин";
   titles too ("голови СБУ" -> "голова СБУ").
3. **Qualifiers**: a capitalised adjective before an acronym ("Українській СБУ",
   "Российской СВР") and a capitalised genitive closing an organisation's name
   ("Служба безпеки України") say whose organisation it is; two organisations
   with incompatible qualifiers are never merged (same rule as English). A
   place after "ORG (ACRONYM)" closes the name ("Служба внешней разведки (СВР)
   России", :func:`fold_split_complements`).
4. **Completed names**: a shorter name that starts exactly one longer name of the
   same type in the text is that name ("Служба безпеки" -> "Служба безпеки
   України"); a lone surname takes the reading that matches a full name in the
   text ("Нарышкина" -> "Нарышкин" when "Сергей Нарышкин" is there).
5. **Inflected occurrences**: a capitalised word whose base form is a known
   one-word name (or a known person's surname) is a mention of it ("Москви").

Every rule reads spelling and morphology only; none knows a country or a side.
"""

from __future__ import annotations

import re
from functools import lru_cache

from presslens.document import Anatomy, Entity
from presslens.entities.acronyms import define_acronyms
from presslens.entities.build import to_entities
from presslens.entities.cyrillic_titles import title_form
from presslens.entities.dateline import dateline_mentions, with_dateline
from presslens.entities.inflect import base_form, phrase_base_form, surname_forms
from presslens.entities.mention import ORG, PERSON, PLACE, Mention, inside_any, overlaps
from presslens.entities.merge import merge
from presslens.entities.morph import parses
from presslens.entities.names import is_acronym, key, tokens
from presslens.entities.propagate import _starts_sentence, propagate
from presslens.entities.tagger import CrfModel

LANGUAGES = frozenset({"ru", "uk"})
_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ\-][^\W\d_]+)*")


def _is_adjective(word: str, language: str) -> bool:
    found = parses(word, language)
    return any(p.tag.POS in ("ADJF", "PRTF") for p in found[:3])


def _split_qualifier(m: Mention, language: str) -> Mention:
    """ "Українській СБУ" -> the mention "СБУ" qualified by "Українській"."""
    if m.type != ORG:
        return m
    words = list(_WORD.finditer(m.name))
    if len(words) < 2 or not is_acronym(words[-1].group()):
        return m
    first = words[0].group()
    if not (first[:1].isupper() and _is_adjective(first, language)):
        return m
    if len(words) > 2 and not all(_is_adjective(w.group(), language) for w in words[:-1]):
        return m
    start = m.span[0] + words[-1].start()
    name = words[-1].group()
    return m.with_(span=(start, m.span[1]), name=name, full=name, qualifier=first)


def _trailing_qualifier(lemma: str) -> str | None:
    """The capitalised genitive closing an organisation's name ("... безпеки України")."""
    words = tokens(lemma)
    if len(words) < 3 or is_acronym(words[-1]):
        return None
    if words[-1][:1].isupper() and words[-2][:1].islower():
        return words[-1]
    return None


def normalise(m: Mention, language: str) -> Mention:
    """``m`` with its base form as lemma (and as name, for people) and its qualifier."""
    if m.source == "acronym":
        return m
    m = _split_qualifier(m, language)
    lemma = base_form(m.name, m.type, language)
    titles = tuple(title_form(t, language) for t in m.titles)
    if m.type == PERSON:
        return m.with_(name=lemma, full=m.name, lemma=lemma, titles=titles)
    qualifier = m.qualifier or (_trailing_qualifier(lemma) if m.type == ORG else None)
    return m.with_(lemma=lemma, qualifier=qualifier, titles=titles)


_ACRONYM_BETWEEN = re.compile(r"^\s*\(\s*[^\W_]{2,8}\s*\)\s*$")


def fold_split_complements(text: str, mentions: list[Mention], language: str) -> list[Mention]:
    """ "Служба внешней разведки (СВР) России": the place closes the organisation's name.

    An acronym in parentheses may interrupt a name before its genitive
    complement; the place is then part of the name (as in "Служба безпеки
    України (СБУ)"), not a mention of its own, and qualifies the organisation.
    """
    out = sorted(mentions, key=lambda m: m.span)
    drop: set[int] = set()
    for i, org in enumerate(out):
        if org.type != ORG or i + 1 >= len(out):
            continue
        place = out[i + 1]
        if place.type != PLACE or not _ACRONYM_BETWEEN.match(text[org.span[1] : place.span[0]]):
            continue
        words = tokens(place.name)
        if len(words) != 1 or not any(p.tag.case == "gent" for p in parses(words[0], language)):
            continue
        full = f"{org.lemma or org.name} {place.name}"
        out[i] = org.with_(lemma=full, qualifier=org.qualifier or place.name)
        drop.add(i + 1)
    return [m for i, m in enumerate(out) if i not in drop]


def agree_types(mentions: list[Mention]) -> list[Mention]:
    """One type per name: the majority over its mentions (a dateline's counts twice).

    A tagger reads each sentence alone and may call one name an organisation
    here and a person there; the document's majority decides, ties going to
    the first mention.
    """
    votes: dict[str, dict[str, int]] = {}
    for m in mentions:
        weight = 2 if m.source == "dateline" else 1
        tally = votes.setdefault(key(m.lemma or m.name), {})
        tally[m.type] = tally.get(m.type, 0) + weight
    out = []
    for m in mentions:
        tally = votes.get(key(m.lemma or m.name))
        if tally and len(tally) > 1:
            best = max(tally, key=lambda t: tally[t])
            if tally[best] > tally.get(m.type, 0):
                m = m.with_(type=best)
        out.append(m)
    return out


def complete_names(mentions: list[Mention]) -> list[Mention]:
    """Shorter names that start exactly one longer name of the same type take that name."""
    fuller: dict[tuple[str, str], str] = {}
    for m in mentions:
        fuller.setdefault((m.type, key(m.lemma or m.name)), m.lemma or m.name)
    out = []
    for m in mentions:
        words = key(m.lemma or m.name).split()
        if m.type == PERSON or len(words) < 2:
            out.append(m)
            continue
        longer = {
            k
            for (t, k) in fuller
            if t == m.type and len(k.split()) > len(words) and k.split()[: len(words)] == words
        }
        if len(longer) == 1:
            name = fuller[(m.type, longer.pop())]
            out.append(m.with_(lemma=name, qualifier=m.qualifier or _trailing_qualifier(name)))
        else:
            out.append(m)
    return out


def resolve_surnames(mentions: list[Mention], language: str) -> list[Mention]:
    """A lone surname takes the reading that is the surname of a full name in the text."""
    surnames = {
        key(tokens(m.lemma or m.name)[-1])
        for m in mentions
        if m.type == PERSON and len(tokens(m.lemma or m.name)) >= 2
    }
    out = []
    for m in mentions:
        if m.type == PERSON and len(tokens(m.full)) == 1 and m.source != "propagated":
            match = next((f for f in surname_forms(m.full, language) if key(f) in surnames), None)
            if match is not None:
                m = m.with_(name=match, lemma=match)
        out.append(m)
    return out


def propagate_inflected(
    text: str, groups: list[list[Mention]], language: str, skip: tuple = ()
) -> list[list[Mention]]:
    """Every capitalised word whose base form is a known one-word name or surname joins it."""
    known: dict[tuple[str, str], int] = {}
    for gi, group in enumerate(groups):
        for m in group:
            words = tokens(m.lemma or m.name)
            if len(words) == 1 and not is_acronym(words[0]):
                known.setdefault((m.type, key(words[0])), gi)
            elif m.type == PERSON and len(words) >= 2:
                known.setdefault(("SURNAME", key(words[-1])), gi)
    if not known:
        return groups
    taken = bytearray(len(text))
    for g in groups:
        for s, e in (m.span for m in g):
            taken[s:e] = b"\x01" * (e - s)
    added: list[list[Mention]] = [[] for _ in groups]
    types = {t for t, _ in known}
    for match in _WORD.finditer(text):
        word = match.group()
        span = match.span()
        if not word[:1].isupper() or is_acronym(word) or any(taken[span[0] : span[1]]):
            continue
        if inside_any(span, skip) or _starts_sentence(text, span[0]):
            continue
        gi = None
        for type_ in ("PLACE", "ORG"):
            if type_ in types:
                gi = known.get((type_, key(phrase_base_form(word, language))))
                if gi is not None:
                    break
        if gi is None and "SURNAME" in types:
            for form in surname_forms(word, language):
                gi = known.get(("SURNAME", key(form)))
                if gi is not None:
                    break
        if gi is None:
            continue
        source = groups[gi][0]
        added[gi].append(source.propagated(span, word))
    return [sorted(g + a, key=lambda m: m.span) for g, a in zip(groups, added, strict=True)]


_AGENCY_IN_DATELINE = re.compile(r"/\s*([^\W\d_][^/\n]{0,40}?)\s*/")


def dateline_agency(text: str, anatomy: Anatomy) -> list[Mention]:
    """The agency as written in the dateline ("/Укрінформ/."), when anatomy spelled it otherwise.

    The anatomy stage reports a known agency by its Latin name ("Ukrinform");
    the mention needs the characters of the text.
    """
    dateline = anatomy.dateline
    if dateline is None or not dateline.agency:
        return []
    match = _AGENCY_IN_DATELINE.search(text, dateline.span[0], dateline.span[1])
    if match is None or dateline.agency in match.group(1):
        return []
    name = match.group(1)
    return [Mention(span=match.span(1), type=ORG, name=name, full=name, source="dateline")]


# A letter of the Russian or Ukrainian alphabet (a name with one is spelt in Cyrillic).
CYRILLIC_LETTER = re.compile(r"[а-яёіїєґ]", re.IGNORECASE)


@lru_cache(maxsize=1)
def _agency_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """A pattern per Cyrillic spelling of a known agency, longest first, its last word
    free to inflect ('Укрінформу', 'Интерфаксом', 'РИА Новостям')."""
    from presslens.anatomy.agencies import AGENCIES

    spellings = {s for names in AGENCIES.values() for s in names if CYRILLIC_LETTER.search(s)}
    out = []
    for spelling in sorted(spellings, key=len, reverse=True):
        stem = (
            re.escape(spelling[:-1]) if spelling[-1:].lower() in "аяиіьйо" else re.escape(spelling)
        )
        out.append((re.compile(rf"(?<![\w-]){stem}[а-яёіїєґ]{{0,3}}(?![\w-])"), spelling))
    return tuple(out)


def agency_mentions(text: str) -> list[Mention]:
    """Known news agencies named in the text, in any case ('повідомили Укрінформу',
    'сообщил Интерфаксу'): an agency is an organisation whatever a tagger reads (the
    NER-UK tagger takes 'Укрінформ' for a surname), so that it can be the route of what
    it was told. The names are the anatomy stage's format table, no judgement of any."""
    out: list[Mention] = []
    for pattern, spelling in _agency_patterns():
        for m in pattern.finditer(text):
            if any(overlaps(m.span(), o.span) for o in out):
                continue
            out.append(
                Mention(
                    span=m.span(),
                    type=ORG,
                    name=m.group(),
                    full=spelling,
                    lemma=spelling,
                    source="agency",
                )
            )
    return sorted(out, key=lambda m: m.span)


def trim_complements(m: Mention, language: str) -> Mention:
    """Drop trailing lowercase words that are not genitive: no name goes on that way.

    After its head, a Russian or Ukrainian name continues with genitive
    complements ("Служба безпеки України"); a lowercase word in another case
    ("у Службі безпеки інформацією") is the sentence going on. A word after
    adjectives only is the head itself ("Киевском районе") and stays. Used on
    the tagger's spans, which can run on; natasha's stop at the name.
    """
    if m.type == PERSON:
        return m
    words = list(_WORD.finditer(m.name))
    end = len(words)
    while end > 1:
        word = words[end - 1].group()
        if not word[:1].islower() or any(p.tag.case == "gent" for p in parses(word, language)):
            break
        if all(_is_adjective(w.group(), language) for w in words[: end - 1]):
            break  # the head noun after its adjectives
        end -= 1
    if end == len(words):
        return m
    cut = words[end - 1].end()
    name = m.name[:cut]
    return m.with_(span=(m.span[0], m.span[0] + cut), name=name, full=name)


def raw_mentions(text: str, language: str, model: CrfModel | None = None) -> list[Mention]:
    """Mentions before normalisation: the NER-UK tagger for Ukrainian, natasha otherwise."""
    if language == "uk":
        from presslens.entities.ukrainian import tagger_mentions

        found = tagger_mentions(text, model)
        if found is not None:
            return found
    from presslens.entities.russian import natasha_mentions  # loads natasha lazily

    return natasha_mentions(text, language)


def find_entities(
    text: str, language: str, anatomy: Anatomy | None = None, model: CrfModel | None = None
) -> list[Entity]:
    """Entities of a Russian or Ukrainian ``text``.

    ``model`` replaces the bundled Ukrainian tagger (cross-validation folds).
    """
    anatomy = anatomy or Anatomy()
    skip = anatomy.boilerplate
    from_dateline = dateline_mentions(text, anatomy) + dateline_agency(text, anatomy)
    agencies = [
        a for a in agency_mentions(text) if not any(overlaps(a.span, d.span) for d in from_dateline)
    ]
    mentions = with_dateline(raw_mentions(text, language, model), from_dateline + agencies)
    if language == "uk":  # the tagger's spans (natasha's are not trimmed)
        mentions = [trim_complements(m, language) for m in mentions]
    mentions = [normalise(m, language) for m in mentions]
    mentions = fold_split_complements(text, mentions, language)
    mentions = resolve_surnames(complete_names(agree_types(mentions)), language)
    mentions = define_acronyms(text, mentions)
    mentions = [m for m in mentions if not inside_any(m.span, skip)]
    groups = merge(mentions)
    groups = propagate(text, groups, skip=skip)
    groups = propagate_inflected(text, groups, language, skip=tuple(skip))
    return to_entities(groups)
