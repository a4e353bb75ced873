"""Interview transcripts: ``TRUMP: We will win.`` paragraphs, the colon as the cue.

Why a rule of its own: in transcripts the speaker label, in capitals, opens the
paragraph and nothing else marks the speech; PolNeAR annotates the colon as cue
and the label as source. Only capitalised labels of one to four words count, so
"Note: ..." or "Update: ..." in running text are not taken for speakers.
"""

from __future__ import annotations

import re

from presslens.attribution.found import Found
from presslens.document import Span

_LABEL = re.compile(r"[\"“]?(?P<name>(?:[A-Z][A-Z.'’\-]+)(?: [A-Z][A-Z.'’\-]+){0,3}):\s+(?=\S)")
_NOT_SPEAKERS = frozenset(
    {"UPDATE", "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "WATCH", "READ", "PHOTOS", "VIDEO"}
)

_MIN_TURNS = 2


def find_transcript_turns(text: str, paras: list[Span]) -> list[Found]:
    """One attribution per paragraph that opens with a capitalised speaker label, where
    there are at least two: a transcript has turns, while a label on its own is a
    kicker before a headline ('EXCLUSIVE: ...', 'BYLINE: ...'), not a speaker (on the
    fit articles of PolNeAR train, 7 of 10 lone labels had no gold attribution, and
    all 11 turns of transcripts had one)."""
    out = []
    for ps, pe in paras:
        m = _LABEL.match(text, ps, pe)
        if m is None or m.group("name") in _NOT_SPEAKERS or len(m.group("name")) < 2:
            continue
        colon = m.end("name")
        start, end = m.end(), pe
        while end > start and text[end - 1] in '"” \n':
            end -= 1
        if end - start < 3:
            continue
        content = (start, end)
        out.append(Found("direct", content, (content,), (colon, colon + 1), m.span("name"), None))
    return out if len(out) >= _MIN_TURNS else []
