"""Helpers shared by the English attribution tests."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import presslens
from presslens.attribution.quotes import attributed_quotes
from presslens.document import Quote
from presslens.stages.syntax import parse

HEADLINE = "Council debates budget\n\n"


def attributions(text: str) -> list[tuple[str, str, str | None]]:
    """(cue, content, speaker) of every attribution the rules find, in their order."""
    out = []
    for f in attributed_quotes(text, parse(text)):
        assert f.cue is not None
        speaker = text[f.speaker[0] : f.speaker[1]] if f.speaker else None
        out.append((text[f.cue[0] : f.cue[1]], text[f.span[0] : f.span[1]], speaker))
    return out


def reports(text: str) -> dict[str, tuple[str, str | None]]:
    """Cue text -> (content, speaker) for every attribution the rules find."""
    return {cue: (content, speaker) for cue, content, speaker in attributions(text)}


@dataclass(frozen=True)
class Layout:
    """A quote layout under a headline: the content expected, who may say it, its kind."""

    name: str
    body: str
    content: str
    speakers: tuple[str, ...]  # acceptable speaker texts (one, or a few honest readings)
    kind: str
    pieces: int = 1  # how many quoted pieces make up the content


def layout_quotes(body: str) -> tuple[str, list[Quote]]:
    """The quotes stage's quotes of ``body`` under :data:`HEADLINE`."""
    text = HEADLINE + body
    return text, presslens.analyze(text, stages=["quotes"]).quotes


def speaker_text(text: str, q: Quote) -> str | None:
    if q.speaker is None:
        return None
    return text[slice(*q.speaker.span)] if q.speaker.span else q.speaker.text


def describe(text: str, quotes: list[Quote]) -> str:
    rows = [f"{q.kind}: {text[slice(*q.span)]!r} <- {speaker_text(text, q)!r}" for q in quotes]
    return "; ".join(rows) or "no quotes"


def check_layout(layout: Layout, content: Callable[[str, Quote], str]) -> None:
    """Exactly one quote whose ``content`` reads as the layout's, of its kind, speaker and
    number of pieces."""
    text, quotes = layout_quotes(layout.body)
    found = [q for q in quotes if content(text, q) == layout.content]
    assert len(found) == 1, describe(text, quotes)
    q = found[0]
    assert q.kind == layout.kind, describe(text, quotes)
    assert speaker_text(text, q) in layout.speakers, describe(text, quotes)
    assert len(q.parts or (q.span,)) == layout.pieces, describe(text, quotes)


def sourcing_bases(sentence: str, headline: str = "Plan approved\n\n") -> list[str]:
    """The basis of each claim sentence of ``sentence`` set under a headline."""
    a = presslens.analyze(headline + sentence).to_dict()
    return [s["basis"] for s in a["sourcing"]]
