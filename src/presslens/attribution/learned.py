"""The learned English attribution model: a CRF tags cue, source and content; spans are linked.

Why a model beside the rules: the rules find quotations and the common shapes of
reported speech, but most PolNeAR attributions are indirect or mixed and take
forms no rule lists. A linear-chain CRF (trained by ``presslens train quotes`` on
PolNeAR train, read with numpy alone through :class:`presslens.entities.tagger.CrfModel`)
tags each token of a candidate sentence (:func:`learned_features.is_candidate`)
``B-/I-`` cue, source or content. Each content is linked to the nearest cue of its
sentence and each source to the nearest cue; a content in a sentence without a cue
continues the attribution of the sentence next to it (``"X. Y," he said.``).

How it meets the rules (:func:`combine`): the rules stay where they are precise
(quotation marks and their frames, dateline furniture, the layered routes); the
model adds the attributions whose content no rule event touches, and gives a
speaker to rule events that have none.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from presslens.attribution.found import Found, overlap, touches
from presslens.attribution.learned_features import (
    FlatColumns,
    TokenTable,
    is_candidate,
    sentence_features,
)
from presslens.attribution.marks import find_quotes
from presslens.document import QuoteKind, Span
from presslens.entities.tagger import CrfModel, bio_spans

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "quotes-en"
LABELS = ("O", "B-CUE", "I-CUE", "B-SRC", "I-SRC", "B-CONT", "I-CONT")
_EDGE = ' \t\n"“”‘’«»„,.;:—–-'
_SPEAKER_EDGE = ' \t\n,.;:—–-()"“”‘’'
DEFAULT_COMBINE = "add"  # used when the model's config names none


@lru_cache(maxsize=1)
def shipped() -> CrfModel | None:
    """The bundled English attribution CRF, or None when its files are absent."""
    if not (MODEL_DIR / "crf.npz").exists():
        return None
    return CrfModel.load(MODEL_DIR)


@lru_cache(maxsize=1)
def shipped_config() -> dict:
    """The bundled model's config: how it meets the rules (``combine``) and the cue lemmas
    learned from PolNeAR that widen the candidate sentences (``cue_lemmas``)."""
    path = MODEL_DIR / "config.json"
    if not path.exists():
        return {}
    return dict(json.loads(path.read_text(encoding="utf-8")))


def shipped_combine() -> str:
    return str(shipped_config().get("combine", DEFAULT_COMBINE))


def shipped_features() -> str:
    """The feature set the bundled model was trained with (its config's knobs)."""
    return str(shipped_config().get("knobs", {}).get("features", "all"))


@lru_cache(maxsize=1)
def shipped_cue_lemmas() -> frozenset[str]:
    return frozenset(shipped_config().get("cue_lemmas", ()))


@dataclass(frozen=True)
class Unit:
    """The tokens of one sentence inside one region (no spaces), and the region."""

    tokens: tuple[Any, ...]
    region: Span


def units(sdoc: Any, regions: Sequence[Span]) -> list[Unit]:
    """Every sentence cut to the regions content may run in (furniture left out)."""
    out: list[Unit] = []
    regs = sorted(regions)
    starts = [r[0] for r in regs]
    for sent in sdoc.sents:
        current: list[Any] = []
        region: Span | None = None
        for tok in sent:
            if tok.is_space:
                continue
            at = bisect_right(starts, tok.idx) - 1
            r = regs[at] if at >= 0 and tok.idx < regs[at][1] else None
            if r != region and current:
                if region is not None:
                    out.append(Unit(tuple(current), region))
                current = []
            region = r
            current.append(tok)
        if current and region is not None:
            out.append(Unit(tuple(current), region))
    return out


_COLUMNS: dict[int, tuple[CrfModel, FlatColumns]] = {}


def _columns(model: CrfModel) -> FlatColumns:
    """The feature-to-row memo of ``model`` (one model at a time)."""
    got = _COLUMNS.get(id(model))
    if got is None or got[0] is not model:
        _COLUMNS.clear()
        got = _COLUMNS[id(model)] = (model, FlatColumns(model.column))
    return got[1]


class _Tokens:
    """A unit's tokens as :func:`link` reads them (``toks[s:e]``), made from the parse only
    where read: spaCy makes a Token object anew on each access."""

    __slots__ = ("doc", "ids")

    def __init__(self, doc: Any, ids: tuple[int, ...]):
        self.doc = doc
        self.ids = ids

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, slice):
            return _Tokens(self.doc, self.ids[key])
        return self.doc[self.ids[key]]

    def __iter__(self) -> Any:
        doc = self.doc
        return (doc[i] for i in self.ids)


def unit_ids(
    sdoc: Any, table: TokenTable, regions: Sequence[Span]
) -> list[tuple[tuple[int, ...], Span]]:
    """:func:`units` as token indexes (and region), read from ``table``."""
    out: list[tuple[tuple[int, ...], Span]] = []
    regs = sorted(regions)
    starts = [r[0] for r in regs]
    space, idx = table.space, table.idx
    for sent in sdoc.sents:
        current: list[int] = []
        region: Span | None = None
        for i in range(sent.start, sent.end):
            if space[i]:
                continue
            at = bisect_right(starts, idx[i]) - 1
            r = regs[at] if at >= 0 and idx[i] < regs[at][1] else None
            if r != region and current:
                if region is not None:
                    out.append((tuple(current), region))
                current = []
            region = r
            current.append(i)
        if current and region is not None:
            out.append((tuple(current), region))
    return out


def candidates(all_units: Sequence[Unit], extra: frozenset[str] = frozenset()) -> list[int]:
    """Indexes of the units an attribution can be in (``extra``: learned cue lemmas)."""
    return [k for k, u in enumerate(all_units) if is_candidate(u.tokens, extra)]


def _trim(text: str, start: int, end: int, edge: str) -> Span | None:
    while start < end and text[start] in edge:
        start += 1
    while end > start and text[end - 1] in edge:
        end -= 1
    return (start, end) if end > start else None


def _chars(tokens: Sequence[Any]) -> Span:
    return (tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))


def _head(tokens: Sequence[Any]) -> Any:
    inside = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in inside or t.head.i == t.i:
            return t
    return tokens[0]


def kind_of(parts: Sequence[Span], quoted: Sequence[Span]) -> QuoteKind:
    """direct: every part inside a quotation; mixed: a quotation inside; else indirect."""
    if all(any(q[0] - 1 <= s and e <= q[1] + 1 for q in quoted) for s, e in parts):
        return "direct"
    if any(overlap(p, q) for p in parts for q in quoted):
        return "mixed"
    return "indirect"


@dataclass
class _Event:
    unit: int  # the last unit holding its content or cue
    region: Span
    cue: tuple[Any, ...]
    contents: list[tuple[Any, ...]]
    source: tuple[Any, ...] | None = None


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(a[0] - b[1], b[0] - a[1], 0)


def link(
    text: str, tagged: Sequence[tuple[int, Unit, list[str]]], quoted: Sequence[Span]
) -> list[Found]:
    """Attributions from tagged units (index, unit, labels), in text order."""
    events: list[_Event] = []
    pending: list[tuple[int, Unit, tuple[Any, ...]]] = []  # cue-less content waiting
    for k, unit, labels in tagged:
        spans = bio_spans(labels)
        cues = [(s, e) for s, e, t in spans if t == "CUE"]
        conts = [(s, e) for s, e, t in spans if t == "CONT"]
        srcs = [(s, e) for s, e, t in spans if t == "SRC"]
        toks = unit.tokens
        if not cues:
            for s, e in conts:
                prev = events[-1] if events else None
                if prev is not None and prev.unit in (k - 1, k) and prev.region == unit.region:
                    prev.contents.append(toks[s:e])
                    prev.unit = k  # a quotation may run over several sentences
                else:
                    pending.append((k, unit, toks[s:e]))
            continue
        mine = [_Event(k, unit.region, toks[s:e], []) for s, e in cues]
        for s, e in conts:
            best = min(range(len(cues)), key=lambda j: _gap((s, e), cues[j]))
            mine[best].contents.append(toks[s:e])
        for j, ev in enumerate(mine):
            # The nearest source, shared where one speaker has two cues ("X said ... and added").
            if srcs:
                s, e = min(srcs, key=lambda span: _gap(span, cues[j]))
                ev.source = toks[s:e]
        # A quotation's sentences before this one ('"X. Y," he said').
        waiting = [p for p in pending if p[0] == k - 1 and p[1].region == unit.region]
        if waiting and mine:
            first = min(mine, key=lambda ev: ev.cue[0].i)
            first.contents[:0] = [p[2] for p in waiting]
        pending = []
        events.extend(ev for ev in mine if ev.contents)
    return [f for ev in events if (f := _found(text, ev, quoted)) is not None]


def _found(text: str, ev: _Event, quoted: Sequence[Span]) -> Found | None:
    parts = sorted(
        p for toks in ev.contents if (p := _trim(text, *_chars(toks), _EDGE)) is not None
    )
    if not parts:
        return None
    speaker = head = None
    if ev.source is not None:
        speaker = _trim(text, *_chars(ev.source), _SPEAKER_EDGE)
        head = _head(ev.source).i if speaker is not None else None
    cue_tok = _head(ev.cue)
    return Found(
        kind_of(parts, quoted),
        (parts[0][0], parts[-1][1]),
        tuple(parts),
        _chars(ev.cue),
        speaker,
        head,
        None,
        cue_tok.i,
    )


def find_learned(
    text: str,
    sdoc: Any,
    regions: Sequence[Span],
    model: CrfModel,
    keep: str | None = None,
    extra: frozenset[str] | None = None,
    quoted: Sequence[Span] | None = None,
) -> list[Found]:
    """The model's attributions in ``text`` (parsed as ``sdoc``) within ``regions``.

    ``keep``: the feature set the model was trained with; ``extra``: cue lemmas that widen
    the candidate sentences (both from the shipped model's config if None); ``quoted``:
    the interiors of :func:`find_quotes` in ``regions``, where the caller has them.
    """
    extra = shipped_cue_lemmas() if extra is None else extra
    keep = shipped_features() if keep is None else keep
    if quoted is None:
        quoted = [q.span for q in find_quotes(text, list(regions))]
    if keep == "flat":  # the shipped feature set: read from one table of the token strings
        table = TokenTable(sdoc)
        spans = unit_ids(sdoc, table, regions)
        picked = [k for k, (ids, _) in enumerate(spans) if table.is_candidate(ids, extra)]
        columns = _columns(model)
        rows: list[int] = []
        counts: list[int] = []
        for k in picked:
            columns.sentence(table, spans[k][0], quoted, rows, counts)
        lengths = [len(spans[k][0]) for k in picked]
        tagged = [
            (k, Unit(_Tokens(sdoc, spans[k][0]), spans[k][1]), labels)  # type: ignore[arg-type]
            for k, labels in zip(picked, model.tag_columns(rows, counts, lengths), strict=True)
            if any(label != "O" for label in labels)
        ]
        return link(text, tagged, quoted)
    all_units = units(sdoc, regions)
    chosen = candidates(all_units, extra)
    feats = [sentence_features(all_units[k].tokens, quoted, keep) for k in chosen]
    tagged = [
        (k, all_units[k], labels)
        for k, labels in zip(chosen, model.tag_many(feats), strict=True)
        if any(label != "O" for label in labels)
    ]
    return link(text, tagged, quoted)


def combine(
    rules: Sequence[Found], learned: Sequence[Found], mode: str = DEFAULT_COMBINE
) -> list[Found]:
    """The rules' attributions with the model's, as ``mode`` says.

    - ``rules``: the rules alone; ``model``: the model alone;
    - ``model+rules``: the model, plus every rule event whose content no model event touches;
    - ``add``: the rules, plus every model attribution whose content no rule event touches;
    - ``+speaker``: a rule event without a speaker takes the source (and cue) of the model
      event whose content it shares;
    - ``+mixed``: a rule's direct quotation that the model reads as part of a longer report
      (``said the plan was "a disaster" for farmers``) becomes that report, kind ``mixed``,
      with the rule's cue and speaker where it has them;
    - ``+outer``: as ``+mixed``, and also where the report holds rule events of its own
      (a rule's reported speech around the quotation, ``said that ... "a disaster"``):
      those are taken into the one mixed report, so the quotation's content is the
      model's extent (direct quotations and rule events outside it are kept);
    - ``+veto``: a rule's indirect report that no model event touches is dropped.
    """
    if mode == "rules":
        return list(rules)
    if mode == "model":
        return list(learned)
    if mode == "model+rules":
        extra = [f for f in rules if not any(touches(f, g) for g in learned)]
        return sorted([*learned, *extra], key=lambda f: f.span)
    out = list(rules)
    absorbed: set[int] = set()
    for k, f in enumerate(out):
        if "speaker" in mode and f.speaker is None:
            g = next((g for g in learned if g.speaker is not None and _shares(f, g)), None)
            if g is not None:
                f = f.with_(speaker=g.speaker, speaker_head=g.speaker_head)
                if f.cue is None:
                    f = f.with_(cue=g.cue, cue_token=g.cue_token)
        if ("mixed" in mode or "outer" in mode) and f.kind == "direct":
            g = next((g for g in learned if _widens(g, f, rules, "outer" in mode)), None)
            if g is not None and "outer" in mode:
                absorbed.update(
                    j for j, h in enumerate(rules) if h is not rules[k] and touches(h, g)
                )
            if g is not None:
                f = f.with_(kind="mixed", span=g.span, parts=g.parts)
                if f.cue is None:
                    f = f.with_(cue=g.cue, cue_token=g.cue_token)
                if f.speaker is None:
                    f = f.with_(speaker=g.speaker, speaker_head=g.speaker_head)
        out[k] = f
    out = [f for k, f in enumerate(out) if k not in absorbed]
    if "veto" in mode:
        # A rule's reported speech (no quotation) the model sees nothing in is dropped.
        out = [f for f in out if f.kind != "indirect" or any(touches(f, g) for g in learned)]
    for g in learned:
        if not any(touches(f, g) for f in out):
            out.append(g)
    return sorted(out, key=lambda f: f.span)


def _widens(g: Found, f: Found, rules: Sequence[Found], outer: bool = False) -> bool:
    """Whether model event ``g`` is the report a rule's quotation ``f`` is part of: mixed,
    holding the quotation and more, but not the quotation's own cue or speaker (then the
    model read the frame as content) and no other rule event (``outer``: no other rule
    quotation, and no rule event reaching outside ``g``)."""
    if g.kind != "mixed" or not _extends(g, f):
        return False
    pieces = g.parts or (g.span,)
    for frame in (f.cue, f.speaker):
        if frame is not None and any(overlap(frame, p) for p in pieces):
            return False
    others = [h for h in rules if h is not f and touches(h, g)]
    if not outer:
        return not others
    return all(h.kind != "direct" and _inside(h, g) for h in others)


def _inside(h: Found, g: Found) -> bool:
    """Whether ``h``'s content lies within ``g``'s (a few characters of slack)."""
    pieces = g.parts or (g.span,)
    return all(
        any(p[0] - 3 <= s and e <= p[1] + 3 for p in pieces) for s, e in h.parts or (h.span,)
    )


def _extends(longer: Found, quote: Found) -> bool:
    """Whether ``longer``'s content holds all of ``quote``'s and more."""
    pieces = longer.parts or (longer.span,)
    # A few characters of slack: the rules keep a quotation's last full stop, the model
    # trims its edges.
    held = all(any(p[0] - 3 <= s and e <= p[1] + 3 for p in pieces) for s, e in quote.parts)
    return held and sum(e - s for s, e in pieces) > sum(e - s for s, e in quote.parts) + 3


def _shares(a: Found, b: Found) -> bool:
    inter = sum(overlap(p, q) for p in a.parts or (a.span,) for q in b.parts or (b.span,))
    size = min(
        sum(e - s for s, e in a.parts or (a.span,)), sum(e - s for s, e in b.parts or (b.span,))
    )
    return inter > 0 and inter * 2 >= size
