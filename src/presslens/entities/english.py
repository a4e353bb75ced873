"""Mentions from the spaCy parse of an English text.

Turns the (label-corrected) named entities of the ``syntax`` layer into
:class:`~presslens.entities.mention.Mention` records: determiners and stray
function words trimmed from the edges, titles moved off people's names, place
qualifiers moved off organisation names ("the Russian SVR", "Russia's Foreign
Intelligence Service").
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from presslens.entities.labels import corrected_entities
from presslens.entities.mention import ORG, PERSON, Mention
from presslens.entities.names import (
    CONNECTORS,
    DETERMINERS,
    looks_like_demonym,
    qualifiers_compatible,
)
from presslens.entities.titles import (
    apposition_titles,
    is_honorific,
    is_title_word,
    office_of,
    prenominal_title,
)

_PLACE_LABELS = frozenset({"GPE", "NORP", "LOC"})


def _text(doc: Any, tokens: list[Any]) -> str:
    """The text from the first token to the last (spaCy rebuilds ``doc.text`` on each call)."""
    first, last = tokens[0], tokens[-1]
    return doc[first.i : last.i + 1].text


def _trim(tokens: list[Any]) -> list[Any]:
    while tokens and (tokens[0].lower_ in DETERMINERS or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and (
        tokens[-1].lower_ in CONNECTORS or tokens[-1].is_punct or tokens[-1].tag_ == "POS"
    ):
        tokens = tokens[:-1]
    return tokens


def place_words(doc: Any) -> set[str]:
    """Lowercased capitalised words the model labels as places or nationalities."""
    from spacy.attrs import ENT_TYPE

    # The labels read from one array; a Token only for the words labelled so.
    strings = doc.vocab.strings
    types = doc.to_array(ENT_TYPE).tolist()
    labelled = [i for i, label in enumerate(types) if label and strings[label] in _PLACE_LABELS]
    return {doc[i].lower_ for i in labelled if doc[i].text[:1].isupper()}


def _is_qualifier(tok: Any, places: set[str]) -> bool:
    """A capitalised nationality or place word before an organisation's name."""
    if not tok.text[:1].isupper() or tok.lower_ in DETERMINERS or is_title_word(tok.text):
        return False
    return tok.lower_ in places or looks_like_demonym(tok.text)


def _org_qualifier(doc: Any, tokens: list[Any], places: set[str]) -> tuple[Any, ...]:
    """Split an organisation name into (qualifier text, adjective?, remaining tokens)."""
    for j, tok in enumerate(tokens[:-1]):
        if tok.tag_ == "POS" and j > 0:  # "Russia's Foreign Intelligence Service"
            return _text(doc, tokens[:j]), False, tokens[j + 1 :]
    if len(tokens) > 1 and _is_qualifier(tokens[0], places):
        return tokens[0].text, True, tokens[1:]
    # Outside the span: "the Russian [Foreign Ministry]", "Russia's [SVR]".
    i = tokens[0].i - 1
    if i >= 0 and doc[i].tag_ == "POS" and i >= 1 and doc[i - 1].text[:1].isupper():
        return doc[i - 1].text, False, tokens
    if i >= 0 and _is_qualifier(doc[i], places) and doc[i].ent_type_ in ("", "NORP", "GPE"):
        return doc[i].text, False, tokens
    return None, False, tokens


def _person(doc: Any, ent: Any, tokens: list[Any]) -> tuple[list[Any], tuple[str, ...]]:
    """The name without leading titles, and the titles found around it."""
    lead: list[Any] = []
    while len(tokens) > 1 and (is_title_word(tokens[0].text) or is_honorific(tokens[0].text)):
        lead.append(tokens[0])
        tokens = tokens[1:]
    titles: list[str] = []
    start = lead[0].i if lead else tokens[0].i
    found = prenominal_title(doc, start, ent.root)
    title_tokens = list(doc[found[0] : found[1]]) if found else []
    title_tokens += [t for t in lead if not is_honorific(t.text)]
    title_tokens = [t for t in title_tokens if not is_honorific(t.text)]
    if title_tokens:
        titles.append(_text(doc, title_tokens))
    for s, e in apposition_titles(ent):
        titles.append(_text(doc, list(doc[s:e])))
    return tokens, tuple(dict.fromkeys(titles))


def _pieces(ents: list[tuple[Any, str]]) -> Iterator[tuple[Any, str, list[Any]]]:
    """Entities split at line breaks: the model sometimes runs a headline into a dateline."""
    for ent, type_ in ents:
        piece: list[Any] = []
        for tok in ent:
            if tok.is_space and "\n" in tok.text:
                if piece:
                    yield ent, type_, piece
                piece = []
            else:
                piece.append(tok)
        if piece:
            yield ent, type_, piece


def english_mentions(doc: Any, hints: Mapping[str, str] | None = None) -> list[Mention]:
    """Mentions of people, organisations and places in a parsed English text.

    ``hints`` are types known for names from elsewhere (the dateline), used as
    votes when correcting the model's labels.
    """
    places = place_words(doc)
    out: list[Mention] = []
    for ent, type_, piece in _pieces(corrected_entities(doc, hints)):
        shown = _trim(piece)  # what the mention's span covers
        if not shown:
            continue
        tokens = shown  # the name proper
        titles: tuple[str, ...] = ()
        qualifier = None
        end = shown[-1]
        if type_ == PERSON:
            tokens, titles = _person(doc, ent, shown)
            shown = tokens
            end = shown[-1]
        elif type_ == ORG:
            if office_of(doc, shown[0].i, shown[-1].i):
                continue  # the office in a person's title ('Secretary of State X')
            qualifier, adjective, tokens = _org_qualifier(doc, shown, places)
            if not adjective:
                shown = tokens
            end = tokens[-1]
        if not any(t.text[:1].isupper() for t in tokens):
            continue
        name = _text(doc, tokens)
        out.append(
            Mention(
                span=(shown[0].idx, end.idx + len(end.text)),
                type=type_,
                name=name,
                full=_text(doc, shown[: len(shown) - len(tokens)] + tokens),
                qualifier=qualifier,
                titles=titles,
            )
        )
    return out


def of_place_qualifiers(mentions: list[Mention], places: set[str]) -> list[Mention]:
    """Split a trailing place off a name: "Foreign Ministry of Ostria" -> "Foreign Ministry".

    The postmodifier qualifies like the adjective in "the Ostrian Foreign
    Ministry", so both name forms compare equal and a ministry of another side
    stays apart. The word after "of" must be known as a place: labelled one in
    the document, or spelled like a qualifier used elsewhere in it.
    """
    known = {m.qualifier for m in mentions if m.qualifier}
    out = []
    for m in mentions:
        words = m.name.split(" ")
        if m.type == ORG and not m.qualifier and len(words) >= 3 and words[-2] == "of":
            tail = words[-1]
            is_place = tail.casefold() in places or any(
                qualifiers_compatible(tail, q) for q in known
            )
            if tail[:1].isupper() and is_place:
                m = m.with_(name=" ".join(words[:-2]), qualifier=tail)
        out.append(m)
    return out


def with_person_titles(groups: list[list[Mention]], doc: Any) -> list[list[Mention]]:
    """Titles for people's mentions the model missed and propagation found.

    "Ward, a former trade lawyer, added": the second "Ward" was untagged, so its
    apposition is read once the mention exists.
    """
    out = []
    for group in groups:
        updated = []
        for m in group:
            if m.type == PERSON and m.source == "propagated" and not m.titles:
                span = doc.char_span(*m.span)
                if span is not None:
                    m = m.with_(titles=_person(doc, span, list(span))[1])
            updated.append(m)
        out.append(updated)
    return out
