"""Party-neutral input: names are replaced by one placeholder before the encoder sees them.

Technique labels must not depend on *who* a text is about: swapping Russia and
Ukraine, Moscow and Kiev, or two officials' names must give the same labels. The
surest way is that the model never sees names. A name list (or a NER model whose
errors differ between "Moscow" and "Kiev") would not give that guarantee, so the
rule is orthographic and deterministic: every run of capitalised words that are not
English function words ("The", "We", "If", "I") becomes one ``[MASK]``. Two texts that
differ only in names therefore reach the encoder as the same wordpieces, and the
model gives the same spans and labels on both. Training applies the same rule, so
the model learns from placeholders too (at a small cost on techniques that lean on
capitalised words, such as "Nazi"; see MODEL_CARD.md).

Offsets map back exactly: every character of the masked text knows the original
character range it stands for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PLACEHOLDER = "[MASK]"

# English function words and common sentence openers: capitalised only because they
# start a sentence or a quotation. A word list of the language, never of parties.
_FUNCTION_TEXT = """
    a about above after again against all also although am an and another any are as at
    be because been before being below between both but by can could did do does doing
    down during each either even ever every few for from further had has have having he
    her here hers herself him himself his how however i if in indeed instead into is it
    its itself just last least less let like many may me meanwhile might more moreover
    most much must my myself neither never nevertheless next no nobody none nor not
    nothing now of off often on once one only or other others otherwise our ours
    ourselves out over own perhaps rather same several she should since so some someone
    something still such than that the their theirs them themselves then there therefore
    these they this those though through thus to today too under unless until up upon us
    very was we well were what whatever when whenever where whereas wherever whether
    which while who whoever whom whose why will with within without would yes yet
    yesterday you your yours yourself yourselves
"""
FUNCTION_WORDS = frozenset(_FUNCTION_TEXT.split())

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_JOIN = re.compile(r"[ \t]+")


@dataclass(frozen=True)
class Masked:
    """A masked text and, per masked character, the original ``[start, end)`` it covers."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span of masked characters ``[start, end)`` (end > start)."""
        return self.starts[start], self.ends[end - 1]


def _is_name_word(word: str) -> bool:
    return word[0].isupper() and word.lower() not in FUNCTION_WORDS


def mask_names(text: str) -> Masked:
    """Replace each run of capitalised non-function words with :data:`PLACEHOLDER`.

    >>> mask_names("the regime in Kiev and Sergey Naryshkin said").text
    'the regime in [MASK] and [MASK] said'
    >>> m = mask_names("In Moscow today")
    >>> m.text, m.to_original(3, 9)
    ('In [MASK] today', (3, 9))
    """
    runs: list[tuple[int, int]] = []
    for match in _WORD.finditer(text):
        if not _is_name_word(match.group()):
            continue
        if runs and _JOIN.fullmatch(text[runs[-1][1] : match.start()]):
            runs[-1] = (runs[-1][0], match.end())
        else:
            runs.append((match.start(), match.end()))
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for start, end in runs:
        parts.append(text[pos:start])
        starts.extend(range(pos, start))
        ends.extend(range(pos + 1, start + 1))
        parts.append(PLACEHOLDER)
        starts.extend([start] * len(PLACEHOLDER))
        ends.extend([end] * len(PLACEHOLDER))
        pos = end
    parts.append(text[pos:])
    starts.extend(range(pos, len(text)))
    ends.extend(range(pos + 1, len(text) + 1))
    return Masked("".join(parts), tuple(starts), tuple(ends))
