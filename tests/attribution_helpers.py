"""Helpers shared by the English attribution tests."""

from __future__ import annotations

from presslens.attribution.quotes import attributed_quotes
from presslens.stages.syntax import parse


def reports(text: str) -> dict[str, tuple[str, str | None]]:
    """Cue text -> (content, speaker) for every attribution the rules find."""
    out = {}
    for f in attributed_quotes(text, parse(text)):
        assert f.cue is not None
        speaker = text[f.speaker[0] : f.speaker[1]] if f.speaker else None
        out[text[f.cue[0] : f.cue[1]]] = (text[f.span[0] : f.span[1]], speaker)
    return out
