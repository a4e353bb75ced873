"""Titles of people: "SVR Director Sergey Naryshkin", "Hugh Hill, a doctor,".

Fact-checkers weigh a quote by who said it in what capacity, so the capacity is
kept with the person. Two shapes carry it in news English:

* a pre-nominal title phrase right before the name, a run of capitalised nouns,
  title abbreviations and lowercase role nouns in compound relation to the name
  ("Foreign Minister", "Sen.", "Pentagon spokesman", "SVR Director"), possibly
  led by the organisation or nationality it belongs to;
* an apposition after the name, or the name as an apposition of a role noun
  ("Hugh Hill, a doctor, said"; "the director of the agency, Karl Osk, said").

The title lexicon below is a general list of ranks and offices, not of persons.
"""

from __future__ import annotations

from typing import Any

from presslens.entities.names import DETERMINERS

# Offices, ranks and their abbreviations; a capitalised word right before a name
# that is not one of these still counts when it is a common-noun-like proper
# noun outside any entity (as "Director" in "SVR Director").
# fmt: off
_TITLES = (
    "President", "Vice", "Prime", "Minister", "Premier", "Chancellor", "Secretary", "Director",
    "Deputy", "Head", "Chief", "Chairman", "Chairwoman", "Chair", "Spokesman", "Spokeswoman",
    "Spokesperson", "Ambassador", "Envoy", "Governor", "Mayor", "Senator", "Sen.",
    "Representative", "Rep.", "Congressman", "Congresswoman", "Judge", "Justice", "General",
    "Gen.", "Colonel", "Col.", "Lieutenant", "Lt.", "Captain", "Capt.", "Major", "Maj.",
    "Sergeant", "Sgt.", "Admiral", "Adm.", "Commander", "Cmdr.", "Marshal", "Gov.", "Prof.",
    "Professor", "Dr.", "Doctor", "Rev.", "Reverend", "Pope", "Cardinal", "Bishop",
    "Archbishop", "Patriarch", "King", "Queen", "Prince", "Princess", "Emperor", "Sheikh",
    "Emir", "Sultan", "Lord", "Lady", "Sir", "Dame", "Speaker", "Prosecutor", "Attorney",
    "Commissioner", "Inspector", "Superintendent", "Officer", "Agent", "Councillor",
    "Councilman", "Minister-President", "Ombudsman", "Mufti", "Rabbi", "Imam", "Pres.", "Supt.",
    "Insp.", "Atty.", "Gov",
)
# fmt: on
TITLE_WORDS = frozenset(w.casefold() for w in _TITLES)
# Courtesy titles: evidence that a name is a person, but not a capacity worth keeping.
HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "mx."})

# Entity labels whose tokens may lead a title ("SVR Director", "Ukrainian President")
# but cannot be the title word itself.
_AFFILIATION_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC"})
_STOP_LABELS = frozenset(
    {"PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
)
_NOMINAL_TAGS = frozenset({"NNP", "NNPS", "NN", "NNS", "JJ"})
_MAX_TITLE_TOKENS = 6
_MAX_APPOSITION_TOKENS = 10


def is_title_word(word: str) -> bool:
    return word.casefold() in TITLE_WORDS


def is_honorific(word: str) -> bool:
    return word.casefold() in HONORIFICS


def _title_token(tok: Any, name_root: Any) -> bool:
    """Whether ``tok`` can be part of a pre-nominal title of the name at ``name_root``."""
    if tok.ent_type_ in _STOP_LABELS or (tok.is_punct and tok.text not in {"-"}):
        return False
    if is_title_word(tok.text):
        return True
    if tok.tag_ not in _NOMINAL_TAGS:
        return False
    if tok.text[:1].isupper():
        return True
    # Lowercase role nouns ("spokesman", "deputy") in compound relation to the name.
    return tok.dep_ in {"compound", "amod"} and tok.head.i >= tok.i and tok.head.i <= name_root.i


def _entity_start(doc: Any, i: int) -> int:
    """The first token of the model's entity that token ``i`` ends."""
    while i > 0 and doc[i].ent_iob_ == "I":
        i -= 1
    return i


def office_of(doc: Any, first: int, last: int) -> bool:
    """Whether tokens ``first``..``last`` (an organisation or place the model tagged) are
    the 'of' part of a title before a person's name: 'Secretary of State Antony
    Blinken', 'Secretary of Homeland Security Jeh Johnson'. Why: the model tags 'State'
    an organisation; read so, the person loses the title and 'State' becomes an entity
    a speaker phrase can be linked to."""
    return (
        first >= 2
        and last + 1 < len(doc)
        and doc[last + 1].ent_type_ == "PERSON"
        and doc[first - 1].lower_ in ("of", "for")
        and is_title_word(doc[first - 2].text)
    )


def prenominal_title(doc: Any, start: int, root: Any) -> tuple[int, int] | None:
    """Token range of the title phrase ending right before token ``start``, if any.

    The word next to the name must be a title word or a nominal that is not part
    of an organisation/place entity ("Director", "spokesman"): "In Moscow Sergey
    ..." has no title. Words before it may be affiliations ("SVR", "Ukrainian").
    """
    i = start - 1
    if i < 0:
        return None
    nearest = doc[i]
    if (
        nearest.ent_type_ in _AFFILIATION_LABELS
        and not is_title_word(nearest.text)
        and not office_of(doc, _entity_start(doc, i), i)
    ):
        return None
    if is_honorific(nearest.text) or not _title_token(nearest, root):
        return None
    if nearest.is_sent_start and not is_title_word(nearest.text):
        return None
    first = i
    while first - 1 >= 0 and start - (first - 1) <= _MAX_TITLE_TOKENS:
        prev = doc[first - 1]
        if doc[first].is_sent_start:
            break
        if prev.lower_ in {"of", "for"} and first - 2 >= 0 and doc[first - 2].text[:1].isupper():
            first -= 2  # "Minister of Defence", walking left over "of"
            continue
        if not _title_token(prev, root) and prev.ent_type_ not in _AFFILIATION_LABELS:
            break
        if prev.ent_type_ in _STOP_LABELS or prev.is_punct or prev.lower_ in DETERMINERS:
            break
        if prev.is_sent_start and prev.tag_ not in {"NNP", "NNPS"} and not is_title_word(prev.text):
            break  # a capitalised first word of a sentence ("Yesterday")
        first -= 1
    return first, start


def apposition_titles(ent: Any) -> list[tuple[int, int]]:
    """Token ranges of role nouns in apposition with the person's name.

    "Hugh Hill, a doctor at the city hospital," and "the director of the
    agency, Karl Osk," both give a title; a proper-noun apposition does not (it
    is another name for the person, not a capacity).
    """
    root = ent.root
    out: list[tuple[int, int]] = []
    for child in root.children:
        if child.dep_ == "appos" and child.i > ent.end - 1 and child.pos_ == "NOUN":
            out.append(_role_phrase(child, skip=None))
    head = root.head
    if root.dep_ == "appos" and head.i < ent.start and head.pos_ == "NOUN":
        out.append(_role_phrase(head, skip=root))
    return [r for r in out if 0 < r[1] - r[0] <= _MAX_APPOSITION_TOKENS]


def _role_phrase(noun: Any, skip: Any) -> tuple[int, int]:
    """The contiguous subtree of ``noun`` up to a comma, without determiner or ``skip``."""
    tokens = [t for t in noun.subtree if skip is None or t.i < skip.left_edge.i]
    start = tokens[0].i
    while start < noun.i and (
        noun.doc[start].lower_ in DETERMINERS or noun.doc[start].tag_ in {"PRP$", "DT"}
    ):
        start += 1
    end = noun.i + 1
    for t in tokens:
        if t.i < noun.i:
            continue
        if t.is_punct:
            break
        end = t.i + 1
    return start, end
