"""Finding the occurrences of known names that the model left untagged.

The small model tags "SVR" in one sentence and not in the next ("As SVR Director
...", "The Russian SVR is well aware"). Once a name is known to belong to an
entity in this document, every other occurrence of the same string is a mention
of it too. Only distinctive strings spread: names with a capital letter, and a
one-word name only where the word is a proper noun (with a parse) or not at the
start of a sentence (without one), so that a surname like "May" does not claim
the month.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from presslens.document import Span
from presslens.entities.mention import PERSON, Mention, inside_any
from presslens.entities.names import is_acronym

# Whether the word at a character offset may be a proper noun; None = no parse.
ProperAt = Callable[[int], bool] | None
_SENTENCE_END = frozenset('.!?…:"“«\n')


def _starts_sentence(text: str, at: int) -> bool:
    before = text[max(0, at - 40) : at]
    if "\n" in before[len(before.rstrip()) :]:
        return True
    before = before.rstrip()
    return not before or before[-1] in _SENTENCE_END


def _forms(group: list[Mention]) -> dict[str, str]:
    """Strings to look for, each mapped to the mention form it spells.

    The all-caps spelling of a longer name is looked for too: datelines and
    headlines shout ("KIEV" for "Kiev"); so is a person's surname alone.
    """
    forms: dict[str, str] = {}
    for m in group:
        candidates = [m.name, m.full]
        words = m.name.split()
        if m.type == PERSON and len(words) >= 2 and len(words[-1]) >= 3:
            candidates.append(words[-1])  # the surname alone: "Naryshkin"
        for form in candidates:
            if len(form) >= 2 and any(c.isupper() for c in form) and "\n" not in form:
                forms[form] = form
                if len(form) >= 4:
                    forms.setdefault(form.upper(), form)
    return forms


def propagate(
    text: str,
    groups: list[list[Mention]],
    *,
    skip: Sequence[Span] = (),
    proper_at: ProperAt = None,
) -> list[list[Mention]]:
    """``groups`` with every further occurrence of their names added as mentions.

    An occurrence whose string two entities share goes to the entity mentioned
    nearest before it (after it, when none is before).
    """
    owners: dict[str, list[int]] = {}
    spelled: dict[str, str] = {}
    for gi, group in enumerate(groups):
        for form, original in _forms(group).items():
            owners.setdefault(form, []).append(gi)
            spelled.setdefault(form, original)
    if not owners:
        return groups
    taken = bytearray(len(text))  # characters already inside a mention
    for g in groups:
        for s, e in (m.span for m in g):
            taken[s:e] = b"\x01" * (e - s)
    alternatives = "|".join(re.escape(f) for f in sorted(owners, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
    added: list[list[Mention]] = [[] for _ in groups]
    for match in pattern.finditer(text):
        span = match.span()
        form = match.group()
        if any(taken[span[0] : span[1]]) or inside_any(span, skip):
            continue
        if " " not in form and not is_acronym(form):
            if proper_at is not None and not proper_at(span[0]):
                continue
            if proper_at is None and _starts_sentence(text, span[0]):
                continue
        gi = _nearest(groups, owners[form], span[0])
        source = next((m for m in groups[gi] if spelled[form] in (m.name, m.full)), groups[gi][0])
        added[gi].append(source.propagated(span, form))
        taken[span[0] : span[1]] = b"\x01" * (span[1] - span[0])
    return [sorted(g + a, key=lambda m: m.span) for g, a in zip(groups, added, strict=True)]


def _nearest(groups: list[list[Mention]], candidates: list[int], at: int) -> int:
    def distance(gi: int) -> tuple[int, int]:
        before = [at - m.span[0] for m in groups[gi] if m.span[0] < at]
        after = [m.span[0] - at for m in groups[gi] if m.span[0] >= at]
        return (0, min(before)) if before else (1, min(after))

    return min(candidates, key=distance)
