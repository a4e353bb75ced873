"""The article text as HTML: escaped segments carrying the spans that cover them.

Every piece of article text goes through :func:`markupsafe.escape`; attributes
carry only integers and escaped labels, so nothing in the article can open a tag
or an attribute. Technique segments are focusable ``<mark>`` elements whose
stripes the report's script draws from the embedded data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from presslens.report.bidi import neutralise
from presslens.report.segments import Span, segment


@dataclass(frozen=True)
class BodySpans:
    """Spans to mark in the text, clamped; labels are the aria text per technique."""

    techniques: Sequence[Span | None]
    technique_labels: Sequence[str]
    quotes: Sequence[Span | None]
    quote_labels: Sequence[str]
    boilerplate: Sequence[Span | None] = ()


def _ints(values: Sequence[int]) -> str:
    return " ".join(str(v) for v in values)


def render_body(text: str, spans: BodySpans) -> Markup:
    """The whole text as HTML, cut at every technique, quote and boilerplate boundary."""
    n_t, n_q = len(spans.techniques), len(spans.quotes)
    all_spans = [*spans.techniques, *spans.quotes, *spans.boilerplate]
    quote_starts: dict[int, list[int]] = {}
    for qi, span in enumerate(spans.quotes):
        if span is not None:
            quote_starts.setdefault(span[0], []).append(qi)
    out: list[str] = []
    for seg in segment(len(text), all_spans):
        for qi in quote_starts.get(seg.start, ()):
            out.append(
                f'<button type="button" class="qmark" data-q="{qi}" '
                f'aria-label="{escape(neutralise(spans.quote_labels[qi]))}">\u275d</button>'
            )
        piece = escape(neutralise(text[seg.start : seg.end]))
        techs = sorted(i for i in seg.covering if i < n_t)
        quotes = sorted(i - n_t for i in seg.covering if n_t <= i < n_t + n_q)
        boiler = any(i >= n_t + n_q for i in seg.covering)
        classes = ["seg"] + (["q"] if quotes else []) + (["bp"] if boiler else [])
        if techs:
            label = "; ".join(spans.technique_labels[i] for i in techs)
            out.append(
                f'<mark class="{" ".join([*classes, "hl"])}" tabindex="0" '
                f'data-t="{_ints(techs)}" data-q="{_ints(quotes)}" '
                f'aria-label="{escape(neutralise(label))}">{piece}</mark>'
            )
        elif quotes or boiler:
            out.append(f'<span class="{" ".join(classes)}" data-q="{_ints(quotes)}">{piece}</span>')
        else:
            out.append(str(piece))
    return Markup("".join(out))
