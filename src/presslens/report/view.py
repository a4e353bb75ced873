"""Turn a ``presslens.analysis/1`` dict into what the report template shows.

The contract may come from a store, an old run or a hostile client, so every
field is read defensively (missing layers render as empty sections, junk spans
are dropped) and sizes are bounded. Only rendering arithmetic happens here:
slicing text at the contract's spans, counting, and shares of text per basis.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup

from presslens.analysis import probability
from presslens.manipulation.labels import taxonomy_name, taxonomy_of
from presslens.report.bidi import neutralise
from presslens.report.body import BodySpans, render_body
from presslens.report.definitions import describe
from presslens.report.names import technique_name
from presslens.report.palette import BASIS_COLOURS, technique_styles
from presslens.report.segments import Span, clamp
from presslens.vocabulary import BASES

EXCERPT_CHARS = 300
MAX_SENTENCES_PER_BASIS = 200
# Spans drawn per layer: segmenting costs spans x segments they cover, so a hostile
# or degenerate contract with huge layers must not make rendering quadratic.
MAX_SPANS = 5000
OWN_VOICE = "outlet's own voice"
UNCREDITED = "nobody named"  # the speaker cell of an uncredited quotation
UNCREDITED_VOICE = "in a quotation credited to nobody"


@dataclass
class LegendItem:
    name: str
    code: str
    colour: str
    dashed: bool
    count: int
    definition: str | None
    example: str | None
    label: str = ""  # the human name


@dataclass
class TechniqueRow:
    name: str
    code: str
    excerpt: str
    score: float
    voice: str
    index: int = -1  # into the contract's techniques (the marks' data-t)
    label: str = ""  # the human name


@dataclass
class QuoteRow:
    index: int
    id: str
    kind: str
    excerpt: str
    speaker: str
    cue: str | None
    via: str | None
    credited: bool = True
    # The learned model's probability where a model, not the text's marks and cue
    # words, found the attribution (None otherwise).
    score: float | None = None


@dataclass
class BasisShare:
    basis: str
    share: float
    offset: float
    colour: str


@dataclass
class EntityRow:
    name: str
    type: str
    titles: list[str]
    mentions: int


@dataclass
class RepetitionRow:
    excerpt: str
    count: int
    offsets: list[Span]


@dataclass
class ReportView:
    title: str
    headline: str | None = None
    standfirst: str | None = None
    dateline: dict[str, str | None] | None = None
    byline: str | None = None
    language: str | None = None
    outlet: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    source_path: str | None = None
    source_url: str | None = None
    source_link: str | None = None
    source_format: str | None = None
    doc_id: str | None = None
    body: Markup = field(default_factory=Markup)
    legend: list[LegendItem] = field(default_factory=list)
    techniques: list[TechniqueRow] = field(default_factory=list)
    taxonomy: str = "ptc"
    taxonomy_name: str = ""
    manipulative: float | None = None
    doc_techniques: list[LegendItem] = field(default_factory=list)
    """Document-level techniques (UNLP-2025 reading of ru/uk texts), score in ``count``."""
    quotes: list[QuoteRow] = field(default_factory=list)
    shares: list[BasisShare] = field(default_factory=list)
    basis_sentences: dict[str, list[str]] = field(default_factory=dict)
    entities: list[EntityRow] = field(default_factory=list)
    repetitions: list[RepetitionRow] = field(default_factory=list)
    data_json: Markup = field(default_factory=lambda: Markup("{}"))


def _str(value: Any, limit: int = 500) -> str | None:
    if value is None:
        return None
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _list(value: Any, limit: int = MAX_SPANS) -> list[Any]:
    return value[:limit] if isinstance(value, list) else []


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _voice(quote: QuoteRow | None) -> str:
    """Who used a technique: the outlet, a quote's speaker, or words credited to nobody."""
    if quote is None:
        return OWN_VOICE
    return f"in a quote by {quote.speaker}" if quote.credited else UNCREDITED_VOICE


def excerpt(text: str, span: Span | None, limit: int = EXCERPT_CHARS) -> str:
    if span is None:
        return ""
    end = min(span[1], span[0] + 4 * limit)  # never split more text than can be shown
    piece = " ".join(text[span[0] : end].split())
    if len(piece) <= limit and end == span[1]:
        return piece
    return piece[: limit - 1] + "…"


def safe_link(url: str | None) -> str | None:
    """``url`` if it is an absolute http(s) address, else None (no javascript: links)."""
    if not url or any(ch.isspace() or ord(ch) < 32 for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme in ("http", "https") and parts.netloc else None


def file_name(path: str | None) -> str | None:
    """Only the file's name: a report is shared, the reader's folders are not its business.

    >>> file_name("/home/ana/leaks/2024/seed-dispatch.txt#3")
    'seed-dispatch.txt#3'

    """
    if not path:
        return path
    return re.split(r"[\\/]", path)[-1] or path


def json_for_script(data: Any) -> Markup:
    """JSON safe inside ``<script type="application/json">``: no ``<``, ``>`` or ``&``.

    Bidi controls in its strings are made visible (the script shows them as text).
    """
    text = str(neutralise(json.dumps(data, ensure_ascii=False)))
    for char, code in (
        ("&", "\\u0026"),
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, code)
    return Markup(text)


def _score(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return 0.0
    return min(1.0, max(0.0, float(value))) if value == value else 0.0  # NaN -> 0


def _union_length(spans: list[Span]) -> int:
    total, reach = 0, 0
    for start, end in sorted(spans):
        start = max(start, reach)
        if end > start:
            total += end - start
            reach = end
    return total


def _shares(text: str, sourcing: list[dict[str, Any]]) -> list[BasisShare]:
    by_basis: dict[str, list[Span]] = {}
    covered: list[Span] = []
    for item in sourcing:
        span = clamp(item.get("span"), len(text))
        basis = item.get("basis")
        if span is None or basis not in BASES:
            continue
        by_basis.setdefault(basis, []).append(span)
        covered.append(span)
    if not text:
        return []
    shares, offset = [], 0.0
    for basis in BASES:
        share = _union_length(by_basis.get(basis, [])) / len(text)
        if share > 0:
            shares.append(BasisShare(basis, share, offset, BASIS_COLOURS[basis]))
            offset += share
    rest = 1.0 - _union_length(covered) / len(text)
    if rest > 0:
        shares.append(BasisShare("none", rest, min(offset, 1.0), BASIS_COLOURS["none"]))
    return shares


def headline_of(analysis: dict[str, Any]) -> str | None:
    """The dispatch's headline: its anatomy span, else the metadata title."""
    text = analysis.get("text") if isinstance(analysis.get("text"), str) else ""
    span = clamp(_dict(analysis.get("anatomy")).get("headline"), len(text))
    return excerpt(text, span, 500) or _str(_dict(analysis.get("metadata")).get("title"))


def build_view(analysis: dict[str, Any], title: str | None = None) -> ReportView:
    """Everything the template needs, read defensively from the contract dict."""
    raw_text = analysis.get("text")
    text = raw_text if isinstance(raw_text, str) else ""
    n = len(text)
    anatomy = _dict(analysis.get("anatomy"))
    meta = _dict(analysis.get("metadata"))
    source = _dict(analysis.get("source"))
    entities = [e for e in _list(analysis.get("entities")) if isinstance(e, dict)]
    names = {str(e.get("id")): _str(e.get("name"), 200) or "" for e in entities}

    headline = excerpt(text, clamp(anatomy.get("headline"), n), 500) or None
    dateline = _dict(anatomy.get("dateline"))
    view = ReportView(
        title=_str(title or headline or meta.get("title") or "presslens report", 300) or "",
        headline=headline or _str(meta.get("title")),
        standfirst=excerpt(text, clamp(anatomy.get("standfirst"), n), 1000) or None,
        dateline={k: _str(dateline.get(k), 200) for k in ("place", "date", "agency")}
        if dateline
        else None,
        byline=excerpt(text, clamp(anatomy.get("byline"), n), 300) or None,
        language=_str(analysis.get("language"), 20),
        outlet=_str(meta.get("outlet"), 200),
        published=_str(meta.get("published"), 100),
        authors=[_str(a, 200) or "" for a in _list(meta.get("authors"))][:20],
        source_path=file_name(_str(source.get("path"), 500)),
        source_url=_str(source.get("url"), 2000),
        source_format=_str(source.get("format"), 40),
        doc_id=_str(analysis.get("id"), 100),
    )
    view.source_link = safe_link(view.source_url)

    credited = [q for q in _list(analysis.get("quotes")) if isinstance(q, dict)]
    uncredited = [q for q in _list(analysis.get("uncredited_quotes")) if isinstance(q, dict)]
    quotes = [*credited, *uncredited]  # the attributions first, as the layer orders them
    quote_index = {str(q.get("id")): i for i, q in enumerate(quotes)}
    quote_spans = [clamp(q.get("span"), n) for q in quotes]
    quote_data = []
    for i, q in enumerate(quotes):
        speaker = _dict(q.get("speaker"))
        who = (
            _str(speaker.get("text"), 200) or names.get(str(speaker.get("entity")), "") or "unknown"
        )
        is_credited = i < len(credited)
        if not is_credited:
            who = UNCREDITED
        via = q.get("via")
        row = QuoteRow(
            index=i,
            id=_str(q.get("id"), 50) or f"q{i + 1}",
            kind=(_str(q.get("kind"), 20) or "") if is_credited else "uncredited",
            excerpt=excerpt(text, quote_spans[i], 600),
            speaker=who,
            cue=excerpt(text, clamp(q.get("cue"), n), 100) or None,
            via=(names.get(str(via)) or _str(via, 200)) if via else None,
            credited=is_credited,
            score=probability(q.get("score")),
        )
        view.quotes.append(row)
        quote_data.append({"id": row.id, "speaker": who})

    techniques = [t for t in _list(analysis.get("techniques")) if isinstance(t, dict)]
    tech_names = [_str(t.get("technique"), 100) or "?" for t in techniques]
    styles = technique_styles(tech_names)
    tech_spans, tech_labels, tech_data = [], [], []
    for index, (name, t) in enumerate(zip(tech_names, techniques, strict=True)):
        span = clamp(t.get("span"), n)
        score = _score(t.get("score"))
        qi = quote_index.get(str(t.get("quote"))) if t.get("quote") is not None else None
        voice = _voice(view.quotes[qi] if qi is not None else None)
        tech_spans.append(span)
        tech_labels.append(f"{technique_name(name)} {score:.2f}, {voice}")
        tech_data.append({"n": name, "s": score, "q": qi, "v": voice})
        if span is not None:
            view.techniques.append(
                TechniqueRow(
                    name,
                    styles[name].code,
                    excerpt(text, span),
                    score,
                    voice,
                    index=index,
                    label=technique_name(name),
                )
            )
    counts = {name: tech_names.count(name) for name in styles}
    style_data = {}
    for name, style in styles.items():
        definition, example = describe(name)
        view.legend.append(
            LegendItem(
                name,
                style.code,
                style.colour,
                style.dashed,
                counts[name],
                definition,
                example,
                label=technique_name(name),
            )
        )
        style_data[name] = {
            "h": technique_name(name),
            "c": style.colour,
            "d": style.dashed,
            "code": style.code,
            "def": definition,
            "ex": example,
        }

    _add_manipulation(view, analysis)

    boiler = [clamp(s, n) for s in _list(anatomy.get("boilerplate"))]
    view.body = render_body(
        text,
        BodySpans(
            techniques=tech_spans,
            technique_labels=tech_labels,
            quotes=quote_spans,
            quote_labels=[f"Quote {q.id} ({q.kind}): show speaker" for q in view.quotes],
            boilerplate=boiler,
        ),
    )

    sourcing = [s for s in _list(analysis.get("sourcing")) if isinstance(s, dict)]
    view.shares = _shares(text, sourcing)
    for item in sourcing:
        span, basis = clamp(item.get("span"), n), item.get("basis")
        if span is not None and basis in BASES:
            group = view.basis_sentences.setdefault(basis, [])
            if len(group) < MAX_SENTENCES_PER_BASIS:
                group.append(excerpt(text, span, 600))

    for e in entities:
        mentions = [m for m in _list(e.get("mentions")) if clamp(m, n)]
        view.entities.append(
            EntityRow(
                name=_str(e.get("name"), 200) or "",
                type=_str(e.get("type"), 40) or "",
                titles=[_str(t, 200) or "" for t in _list(e.get("titles"))][:10],
                mentions=len(mentions),
            )
        )
    view.entities.sort(key=lambda row: (-row.mentions, row.name))

    for r in _list(analysis.get("repetitions")):
        spans = [s for s in (clamp(x, n) for x in _list(_dict(r).get("spans"))) if s]
        if spans:
            view.repetitions.append(RepetitionRow(excerpt(text, spans[0]), len(spans), spans[:20]))

    view.data_json = json_for_script(
        {"techniques": tech_data, "styles": style_data, "quotes": quote_data}
    )
    return view


def _add_manipulation(view: ReportView, analysis: dict[str, Any]) -> None:
    """Which taxonomy the document was read with, and its document-level techniques."""
    view.taxonomy = taxonomy_of(analysis)
    view.taxonomy_name = taxonomy_name(view.taxonomy)
    reading = _dict(analysis.get("manipulation"))
    if not reading:
        return
    view.manipulative = _score(reading.get("manipulative"))
    for t in _list(reading.get("techniques")):
        name = _str(_dict(t).get("technique"), 100)
        if not name:
            continue
        definition, example = describe(name)
        score = _score(_dict(t).get("score"))
        view.doc_techniques.append(
            LegendItem(name, f"{score:.2f}", "", False, 0, definition, example)
        )
