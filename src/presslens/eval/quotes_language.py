"""Scoring Russian and Ukrainian quotes against the project's labelled sets.

The sets (``resources/eval/quotes/<lang>-<part>.jsonl``, format in the repository
notes) hold short invented passages with every quote's content, speaker, cue,
kind, basis and route, and the sourcing claims not tied to a quote. Scores follow
``presslens eval quotes`` on PolNeAR: a predicted quote *matches* a gold one when
their content characters overlap by at least half of the smaller (greedy, one to
one, largest overlap first); the speaker is right when the predicted speaker span
overlaps the gold speaker, or the prediction is linked to the entity a gold
speaker's words are a mention of, or both are absent. Basis accuracy is read on
matched quotes (the basis the sourcing rules give the predicted speaker) and on
the gold claims (the sourcing record holding the claim).

The presslens side runs the pipeline's own stages (anatomy, syntax, entities,
quotes, sourcing) with the record's language set, so the score measures what ships.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from presslens.document import Span
from presslens.eval.quotes import chars
from presslens.eval.scores import Counts

KINDS = ("direct", "indirect", "mixed")
PARTS = ("dev", "heldout")
STAGES = ("anatomy", "language", "syntax", "entities", "quotes", "sourcing")


@dataclass(frozen=True)
class GoldQuote:
    content: Span
    speaker: Span | None
    cue: Span | None
    kind: str
    basis: str


@dataclass(frozen=True)
class GoldClaim:
    span: Span
    basis: str


@dataclass(frozen=True)
class Passage:
    id: str
    language: str
    layout: str
    text: str
    quotes: tuple[GoldQuote, ...]
    claims: tuple[GoldClaim, ...]


def _locate(text: str, record: dict[str, Any], key: str) -> Span | None:
    value = record.get(key)
    if value is None:
        return None
    nth = int(record.get(f"{key}_at", 0))
    at = -1
    for _ in range(nth + 1):
        at = text.find(value, at + 1)
        if at < 0:
            raise ValueError(f"{key} {value!r} not found (occurrence {nth})")
    return (at, at + len(value))


def parse_passage(line: dict[str, Any]) -> Passage:
    text = line["text"]
    quotes = []
    for q in line.get("quotes", []):
        content = _locate(text, q, "content")
        assert content is not None
        quotes.append(
            GoldQuote(
                content, _locate(text, q, "speaker"), _locate(text, q, "cue"), q["kind"], q["basis"]
            )
        )
    claims = []
    for c in line.get("claims", []):
        span = _locate(text, c, "text")
        assert span is not None
        claims.append(GoldClaim(span, c["basis"]))
    return Passage(
        line["id"],
        line["language"],
        line.get("layout", ""),
        text,
        tuple(quotes),
        tuple(claims),
    )


def data_path(language: str, part: str) -> Path:
    return Path(str(resources.files("presslens") / "resources" / "eval" / "quotes")) / (
        f"{language}-{part}.jsonl"
    )


def load(language: str, part: str = "dev", path: Path | None = None) -> list[Passage]:
    """The labelled passages of one language and part (or of the file at ``path``)."""
    path = path or data_path(language, part)
    if not path.is_file():
        raise FileNotFoundError(f"no labelled quotes at {path}")
    with path.open(encoding="utf-8") as f:
        return [parse_passage(json.loads(line)) for line in f if line.strip()]


@dataclass(frozen=True)
class Predicted:
    content: tuple[Span, ...]
    speaker: Span | None
    entity: str | None
    kind: str
    basis: str


@dataclass
class LanguageReport:
    """Scores of presslens over one labelled set."""

    scores: dict[str, Counts] = field(default_factory=dict)
    basis_right: int = 0
    basis_total: int = 0
    kind_right: int = 0
    claims_right: int = 0
    claims_total: int = 0
    negatives_clean: int = 0
    negatives: int = 0
    passages: int = 0
    errors: list[str] = field(default_factory=list)

    def prf(self, key: str) -> Counts:
        return self.scores.setdefault(key, Counts())


def predict(passage: Passage) -> tuple[list[Predicted], Any]:
    """presslens's quotes for a passage (its language given), with the analysed document."""
    from presslens.attribution.bases import speaker_basis
    from presslens.attribution.lexicon import for_language
    from presslens.document import Document

    doc = Document(passage.text)
    doc.add_layer("language", passage.language)
    _pipeline(STAGES)(doc)
    lex = for_language(passage.language)
    entities = list(doc.layer("entities") or [])
    out = []
    for q in doc.layer("quotes") or []:
        basis = speaker_basis(q, entities, doc.layer("syntax"), lex) if lex else "unattributed"
        sp = q.speaker
        out.append(
            Predicted(
                tuple(q.parts) or (q.span,),
                sp.span if sp else None,
                sp.entity if sp else None,
                q.kind,
                basis,
            )
        )
    return out, doc


_PIPELINES: dict[tuple[str, ...], Any] = {}


def _pipeline(names: tuple[str, ...]) -> Any:
    from presslens.pipeline import Pipeline

    if names not in _PIPELINES:
        _PIPELINES[names] = Pipeline.from_names(names)
    return _PIPELINES[names]


def match(preds: list[Predicted], golds: Iterable[GoldQuote]) -> dict[int, int]:
    """Greedy one-to-one pred -> gold by content overlap of at least half the smaller."""
    golds = list(golds)
    pc = [chars(p.content) for p in preds]
    gc = [chars([g.content]) for g in golds]
    pairs = []
    for i, a in enumerate(pc):
        for j, b in enumerate(gc):
            inter = len(a & b)
            if inter and inter * 2 >= min(len(a), len(b)):
                pairs.append((inter, i, j))
    out: dict[int, int] = {}
    taken: set[int] = set()
    for _, i, j in sorted(pairs, reverse=True):
        if i not in out and j not in taken:
            out[i] = j
            taken.add(j)
    return out


def _overlaps(a: Span | None, b: Span | None) -> bool:
    return a is not None and b is not None and min(a[1], b[1]) > max(a[0], b[0])


def speaker_right(p: Predicted, g: GoldQuote, entities: list[Any]) -> bool:
    if g.speaker is None:
        return p.speaker is None
    if _overlaps(p.speaker, g.speaker):
        return True
    if p.entity is None:
        return False
    return any(
        e.id == p.entity and any(_overlaps(m, g.speaker) for m in e.mentions) for e in entities
    )


def _claim_basis(doc: Any, claim: GoldClaim) -> str | None:
    records = [s for s in doc.layer("sourcing") or [] if _overlaps(s.span, claim.span)]
    if not records:
        return None
    cued = [s for s in records if s.cue is not None and _overlaps(s.cue, claim.span)]
    return (cued or records)[0].basis


def score(passages: list[Passage]) -> LanguageReport:
    report = LanguageReport()
    for passage in passages:
        preds, doc = predict(passage)
        entities = list(doc.layer("entities") or [])
        golds = list(passage.quotes)
        m = match(preds, golds)
        inv = {j: i for i, j in m.items()}
        report.passages += 1
        if not golds:
            report.negatives += 1
            report.negatives_clean += not preds
        for subset in ("all", *KINDS):
            p_idx = [i for i, p in enumerate(preds) if subset in ("all", p.kind)]
            g_idx = [j for j, g in enumerate(golds) if subset in ("all", g.kind)]
            for what, ok in (
                ("content", lambda p, g, ents: True),
                ("content+speaker", speaker_right),
            ):
                tp_p = sum(1 for i in p_idx if i in m and ok(preds[i], golds[m[i]], entities))
                tp_g = sum(1 for j in g_idx if j in inv and ok(preds[inv[j]], golds[j], entities))
                report.prf(f"{subset}: {what}").add(tp_p, len(p_idx), tp_g, len(g_idx))
        for i, j in m.items():
            p, g = preds[i], golds[j]
            report.basis_total += 1
            report.basis_right += p.basis == g.basis
            report.kind_right += p.kind == g.kind
            if p.basis != g.basis:
                report.errors.append(f"{passage.id}: basis {p.basis} (gold {g.basis})")
            if not speaker_right(p, g, entities):
                shown = passage.text[p.speaker[0] : p.speaker[1]] if p.speaker else None
                gold = passage.text[g.speaker[0] : g.speaker[1]] if g.speaker else None
                report.errors.append(f"{passage.id}: speaker {shown!r} (gold {gold!r})")
        for j, g in enumerate(golds):
            if j not in inv:
                piece = passage.text[g.content[0] : g.content[1]][:50]
                report.errors.append(f"{passage.id}: missed {g.kind} {piece!r}")
        for i, p in enumerate(preds):
            if i not in m:
                s, e = p.content[0][0], p.content[-1][1]
                report.errors.append(f"{passage.id}: spurious {p.kind} {passage.text[s:e][:50]!r}")
        for c in passage.claims:
            report.claims_total += 1
            got = _claim_basis(doc, c)
            report.claims_right += got == c.basis
            if got != c.basis:
                piece = passage.text[c.span[0] : c.span[1]]
                report.errors.append(f"{passage.id}: claim {piece!r} {got} (gold {c.basis})")
    return report


def evaluate(language: str, part: str = "dev", path: Path | None = None) -> LanguageReport:
    """Score presslens on the labelled ``language`` set ``part`` (dev or heldout)."""
    return score(load(language, part, path))


HEADLINE_KEYS = (
    "all: content",
    "all: content+speaker",
    *(f"{k}: {w}" for k in KINDS for w in ("content", "content+speaker")),
)
