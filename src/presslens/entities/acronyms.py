"""Acronyms defined in parentheses: "Russia's Foreign Intelligence Service (SVR)".

A definition is the strongest evidence two names are one entity, and it is often
the only one: an acronym from another language ("SVR" for the Foreign
Intelligence Service) shares no initials with the English name. The rule is
textual, so it works for any language with capital letters:

* the name is the mention that ends right before the parenthesis; when that
  mention is a place and an organisation precedes it ("Federal Security
  Service of Russia (FSB)", "Служба внешней разведки России (СВР)"), the
  organisation;
* with no mention there, a run of capitalised words, possibly joined by
  connectors ("Ministry of Foreign Affairs"), up to a possessive ("Russia's").

The acronym becomes a mention of the same type, and each of the two names
becomes an alias of the other.
"""

from __future__ import annotations

import re

from presslens.entities.mention import ORG, PLACE, Mention
from presslens.entities.names import CONNECTORS, DETERMINERS, is_acronym

_DEFINITION = re.compile(r"\(\s*([^\W_]{2,8})\s*\)")
_WORD = re.compile(r"[^\W_]+(?:[’'\-.][^\W_]+)*(?:[’']s)?")
_POSSESSIVE = re.compile(r"[’']s$")
# What may separate an organisation from the place that qualifies it.
_ORG_PLACE_GAP = re.compile(r"^\s+(?:(?:of|in|for)\s+(?:the\s+)?)?$|^\s+$")
_MAX_NAME_WORDS = 8


def _capitalised_name(text: str, end: int, floor: int) -> tuple[int, int, str | None] | None:
    """A run of capitalised words ending at ``end``: (start, end, possessor or None)."""
    words = list(_WORD.finditer(text, floor, end))
    chosen: list[re.Match[str]] = []
    possessor = None
    for m in reversed(words):
        gap = text[m.end() : (chosen[0].start() if chosen else end)]
        if gap.strip():  # punctuation between words ends the name
            break
        word = m.group()
        if _POSSESSIVE.search(word):
            possessor = _POSSESSIVE.sub("", word)
            break
        if not (word[:1].isupper() or word.casefold() in CONNECTORS):
            break
        chosen.insert(0, m)
        if len(chosen) >= _MAX_NAME_WORDS:
            break
    while chosen and (
        chosen[0].group().casefold() in CONNECTORS | DETERMINERS
        or not chosen[0].group()[:1].isupper()
    ):
        chosen.pop(0)
    if len(chosen) < 2:
        return None
    return chosen[0].start(), chosen[-1].end(), possessor


def define_acronyms(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with acronym definitions applied: aliases set, acronyms added."""
    out = list(mentions)
    by_end = {m.span[1]: i for i, m in enumerate(out)}
    for match in _DEFINITION.finditer(text):
        acronym = match.group(1)
        if not is_acronym(acronym):
            continue
        acr_span = match.span(1)
        before = len(text[: match.start()].rstrip())
        index = by_end.get(before)
        if index is not None and out[index].type == PLACE:
            place = out[index]
            owners = [
                i
                for i, m in enumerate(out)
                if m.type == ORG
                and m.span[1] <= place.span[0]
                and _ORG_PLACE_GAP.match(text[m.span[1] : place.span[0]])
            ]
            if owners:  # "Federal Security Service of Russia (FSB)"
                index = owners[-1]
        if index is not None:
            target = out[index]
            if target.span[0] <= acr_span[0] < target.span[1]:
                continue  # the parenthesis is inside the mention itself
            target = target.with_(aliases=(*target.aliases, acronym))
            out[index] = target
        else:
            floor = max(0, match.start() - 200)
            found = _capitalised_name(text, before, floor)
            if found is None:
                continue
            start, end, possessor = found
            name = text[start:end]
            if any(m.span[0] < end and start < m.span[1] for m in out):
                continue
            target = Mention(
                span=(start, end),
                type=ORG,
                name=name,
                full=name,
                qualifier=possessor,
                aliases=(acronym,),
                source="acronym",
            )
            out.append(target)
        out = [m for m in out if not (m.span[0] < acr_span[1] and acr_span[0] < m.span[1])]
        out.append(
            Mention(
                span=acr_span,
                type=target.type,
                name=acronym,
                full=acronym,
                qualifier=target.qualifier,
                aliases=(target.lemma or target.name,),
                source="acronym",
            )
        )
        by_end = {m.span[1]: i for i, m in enumerate(out)}
    return sorted(out, key=lambda m: m.span)
