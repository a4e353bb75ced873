"""Document-level correction of the small English model's entity labels.

en_core_web_sm labels each occurrence of a name on its own, and it is wrong
often enough to matter: in the reference dispatch it tags a city PERSON in "the
Kiev regime" and GPE in "the regime in Kiev", and a nationality adjective
sometimes GPE. A name keeps one type within one article, so occurrences vote:

* PERSON needs evidence: a full name (given name and surname) containing the
  word somewhere in the document, or a title or honorific before it. A word
  without that evidence that is elsewhere labelled a place or organisation
  takes that label; so does one used as the object of a locative preposition
  ("flee to X"), which votes for a place. One that is labelled nothing else and
  only modifies a common noun ("the X regime") is dropped as untyped.
* Other labels go by majority over the document's occurrences (ties keep each
  occurrence's own label); a single adjective labelled a place is a
  nationality word (NORP), which is not an entity on its own.

All rules look at the document's own evidence; none knows a particular name.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from typing import Any

from presslens.entities.mention import ORG, PERSON, PLACE
from presslens.entities.names import key
from presslens.entities.titles import is_honorific, is_title_word

NORP = "NORP"
# A one-word "person" that is where someone goes, comes from or is, is a place.
LOCATIVE_PREPOSITIONS = frozenset(
    {"in", "into", "to", "from", "near", "across", "toward", "towards"}
)
SPACY_TYPES = {"PERSON": PERSON, "ORG": ORG, "GPE": PLACE, "LOC": PLACE, "FAC": PLACE, "NORP": NORP}


def _name_tokens(ent: Any) -> list[Any]:
    return [
        t
        for t in ent
        if not (t.is_punct or is_title_word(t.text) or is_honorific(t.text) or t.tag_ == "POS")
    ]


def _person_evidence(doc: Any) -> set[str]:
    """Keys of words the document shows to be people's names."""
    evidence: set[str] = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            words = _name_tokens(ent)
            if len(words) >= 2 and all(w.text[:1].isupper() for w in words):
                evidence.add(key(" ".join(w.text for w in words)))
                evidence.update(key(w.text) for w in words)
        if ent.start > 0:
            prev = doc[ent.start - 1]
            if is_honorific(prev.text) or is_title_word(prev.text):
                evidence.add(key(ent.text))
    return evidence


def _modifies_common_noun(ent: Any) -> bool:
    """Whether the name is one word modifying a lowercase noun ("the X regime")."""
    root = ent.root
    head = root.head
    return (
        len(ent) == 1
        and root.dep_ in {"compound", "amod", "nmod"}
        and head.i > root.i
        and head.pos_ == "NOUN"
    )


def _locative(ent: Any) -> bool:
    """Whether a one-word name is the object of a locative preposition ("flee to X")."""
    root = ent.root
    prep = root.head
    return (
        len(ent) == 1
        and root.dep_ == "pobj"
        and prep.lower_ in LOCATIVE_PREPOSITIONS
        and prep.head.lemma_ != "accord"  # "according to X" names a source, not a place
    )


def corrected_entities(doc: Any, hints: Mapping[str, str] | None = None) -> list[tuple[Any, str]]:
    """spaCy entities of ``doc`` with document-consistent types, NORP and untyped dropped.

    ``hints`` maps name keys to types known from elsewhere (the dateline says
    its place is a place); each counts as one more vote. Returns ``(span,
    type)`` pairs with ``type`` in PERSON, ORG, PLACE.
    """
    ents = [(ent, SPACY_TYPES[ent.label_]) for ent in doc.ents if ent.label_ in SPACY_TYPES]
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for name, label in (hints or {}).items():
        votes[key(name)][label] += 1
    for ent, label in ents:
        if label == PLACE and len(ent) == 1 and ent[0].tag_ == "JJ":
            label = NORP
        votes[key(ent.text)][label] += 1
        if label == PERSON and _locative(ent):
            votes[key(ent.text)][PLACE] += 1
    evidence = _person_evidence(doc)
    out: list[tuple[Any, str]] = []
    for ent, own in ents:
        k = key(ent.text)
        counts = votes[k]
        label: str | None = own
        if own == PLACE and len(ent) == 1 and ent[0].tag_ == "JJ":
            label = NORP
        if label == PERSON and k not in evidence:
            others = Counter({lab: c for lab, c in counts.items() if lab != PERSON})
            if others:
                label = _majority(others, own)
            elif _modifies_common_noun(ent):
                label = None
        elif label != PERSON:
            others = Counter({lab: c for lab, c in counts.items() if lab != PERSON})
            label = _majority(others, label)
        if label in (PERSON, ORG, PLACE):
            out.append((ent, label))
    return out


def _majority(counts: Counter[str], own: str) -> str:
    """The most frequent label; on a tie the occurrence keeps its own, else a fixed order."""
    best = max(counts.values())
    tied = sorted(lab for lab, c in counts.items() if c == best)
    return own if own in tied else tied[0]
