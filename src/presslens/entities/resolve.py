"""Which entity a phrase refers to: the helper the attribution stages call.

A quote's speaker is a phrase ("SVR Director Sergey Naryshkin", "the SVR press
office", later just "the press office"); the contract wants the entity id too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from presslens.document import Entity, Span
from presslens.entities.names import DETERMINERS, key

# Words after which a noun phrase's head is over ("the head of the office").
_POSTMODIFIER = re.compile(
    r"\s(?:of|at|in|for|from|on|with|who|which|that|to)\s|[,;:(]", flags=re.IGNORECASE
)
_WORD = re.compile(r"[^\W_]+(?:['’\-.][^\W_]+)*")
_POSSESSIVE_DETERMINERS = frozenset({"its", "his", "her", "their", "our", "this", "that", "these"})


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def head_phrase(phrase: str) -> list[str]:
    """The words of a phrase's head noun phrase, without determiners or postmodifiers.

    >>> head_phrase("the press office of the ministry")
    ['press', 'office']
    """
    cut = _POSTMODIFIER.search(f" {phrase} ")
    head = f" {phrase} "[: cut.start()] if cut else phrase
    words = _WORD.findall(head)
    while words and words[0].casefold() in DETERMINERS | _POSSESSIVE_DETERMINERS:
        words.pop(0)
    return words


def resolve_mention(entities: Sequence[Entity], span: Span, text: str) -> str | None:
    """The id of the entity that the phrase at ``span`` of ``text`` names, or None.

    1. **Overlap.** The entity with a mention overlapping ``span`` the most wins
       ("SVR Director Sergey Naryshkin" overlaps the SVR by 3 characters and the
       person by 16: the person). Ties go to the mention ending last, since an
       English noun phrase ends with its head.
    2. **Head phrase.** Otherwise the span's head noun phrase (determiners and
       postmodifiers such as "of ..." dropped) is compared with the entities'
       names and mention texts: the phrase equals a name or one of its last
       words ("Naryshkin"), or a mention ends with it ("the press office" ->
       the mention "SVR press office" of the SVR). A bare one-word common noun
       ("the office", "the agency") resolves only to a mention ending in that
       noun. When several entities fit, the one mentioned nearest before
       ``span`` wins (then nearest after).

    ``entities`` is the ``entities`` layer and ``text`` the document's text.

    >>> from presslens.document import Entity
    >>> text = "The Harbour Board press office said. Later the press office added."
    >>> board = Entity("e1", "Harbour Board", "ORG", ((4, 30),))
    >>> resolve_mention([board], (43, 59), text)
    'e1'
    """
    best: tuple[int, int, str] | None = None
    for entity in entities:
        for mention in entity.mentions:
            size = _overlap(mention, span)
            if size and (best is None or (size, mention[1]) > best[:2]):
                best = (size, mention[1], entity.id)
    if best is not None:
        return best[2]
    words = head_phrase(text[span[0] : span[1]])
    if not words:
        return None
    phrase = key(" ".join(words))
    fits: list[Entity] = []
    for entity in entities:
        names = {key(entity.name)} | {key(text[s:e]) for s, e in entity.mentions}
        if any(_ends_with(name, phrase) for name in names):
            fits.append(entity)
    if not fits:
        return None
    return min(fits, key=lambda e: _distance(e, span[0])).id


def _ends_with(name: str, phrase: str) -> bool:
    return name == phrase or name.endswith(" " + phrase)


def _distance(entity: Entity, at: int) -> tuple[int, int]:
    before = [at - s for s, _ in entity.mentions if s < at]
    after = [s - at for s, _ in entity.mentions if s >= at]
    return (0, min(before)) if before else (1, min(after) if after else 0)
