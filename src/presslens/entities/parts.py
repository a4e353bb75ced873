"""Organisation parts: "the SVR press office" is a mention of the SVR.

Agencies speak through units (press office, press service, department), and
wire copy then drops the name: "the SVR press office told TASS ... the press
office reported". Widening the organisation's mention over the unit noun lets
the attribution stages resolve the bare unit later with
:func:`presslens.entities.resolve_mention`, which matches mentions by their head.
The unit must be a lowercase common noun the name modifies in the parse, so a
capitalised name ("SVR Director") is never swallowed.
"""

from __future__ import annotations

from typing import Any

from presslens.entities.mention import ORG, Mention

# Units of an organisation that speak for it ("press office", "press service").
# fmt: off
ORG_UNITS = frozenset((
    "office", "service", "department", "bureau", "directorate", "division", "unit",
    "headquarters", "board", "committee", "council", "branch", "secretariat", "command",
    "leadership", "administration", "apparatus", "mission", "embassy", "consulate", "staff",
    "desk", "centre", "center",
))
# fmt: on
_MAX_UNIT_WORDS = 3


def unit_end(doc: Any, last: Any) -> int | None:
    """End offset of the unit noun phrase that the name ending with token ``last`` modifies.

    "the SVR press office": the name "SVR" is a compound of "office", with only
    lowercase nouns between; the unit ends after "office".
    """
    if last is None or last.dep_ != "compound":
        return None
    head = last.head
    if head.i <= last.i or head.i - last.i > _MAX_UNIT_WORDS:
        return None
    if head.lemma_.lower() not in ORG_UNITS or not head.text.islower():
        return None
    between = doc[last.i + 1 : head.i]
    if any(t.pos_ != "NOUN" or not t.text.islower() for t in between):
        return None
    return head.idx + len(head.text)


def with_org_parts(groups: list[list[Mention]], doc: Any) -> list[list[Mention]]:
    """Organisation mentions widened over the unit noun they modify."""
    if doc is None:
        return groups
    if not any(m.type == ORG for group in groups for m in group):
        return [list(group) for group in groups]
    from spacy.attrs import IDX, LENGTH

    # Token ends from arrays rather than a Token per word; a Token only where asked.
    offsets = doc.to_array([IDX, LENGTH]).tolist()
    last_token = {start + length: i for i, (start, length) in enumerate(offsets)}
    out = []
    for group in groups:
        widened = []
        for m in group:
            at = last_token.get(m.span[1]) if m.type == ORG else None
            end = None if at is None else unit_end(doc, doc[at])
            widened.append(m if end is None else m.with_(span=(m.span[0], end)))
        out.append(widened)
    return out
