"""Reports of verbs outside the lexicons, kept where a classifier trained on PolNeAR
reads them as attributions.

Why: the lexicons of :mod:`presslens.attribution.cues` propose a cue word by word,
and every word added by hand is chosen on the articles it is then scored on. Most
attributions the rules still miss have a verb cue no list holds ('be', 'have',
'see', 'look', 'make sure', ...): a long tail. Here any verb the rules did not read
as a cue, with a complement clause, a 'to'-infinitive, an object or a prepositional
object after it, is a candidate (:func:`presslens.attribution.indirect.open_reports`;
a lexicon verb without its clause), and a logistic regression over the shape of the
report (the verb's lemma, its complement, its subject's kind, the content's length,
whether the verb is a lexicon cue) decides, trained
by ``presslens train quotes`` on the fit articles of PolNeAR train. A candidate is
kept where its probability of matching an attribution with its source reaches the
threshold; one whose content touches a report the rules found is never considered.

Names never reach the features: a subject is a pronoun, a common noun's lemma or
``NAME``, so swapping the parties changes no feature.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from presslens.attribution.found import Found, inside, touches
from presslens.attribution.indirect import lexical_cue, prep_of
from presslens.document import Span

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "quotes-en"
WEIGHTS = "open_cues.npz"
BITS = 18
_CHILDREN = frozenset(["neg", "dobj", "dative", "agent", "nsubjpass"])
_PRONOUNS = frozenset(
    ["i", "we", "you", "he", "she", "they", "it", "who", "which", "that", "this", "those"]
)


def _bucket(n: int) -> str:
    for limit in (3, 5, 8, 13, 21, 34):
        if n <= limit:
            return str(limit)
    return "more"


def _root(tokens: list[Any], span: Span) -> Any | None:
    """The content's highest token: the first whose head lies outside the span."""
    for t in tokens:
        if not (span[0] <= t.head.idx < span[1]) or t.head.i == t.i:
            return t
    return tokens[0] if tokens else None


def _subject_kind(sdoc: Any, f: Found) -> str:
    if f.speaker_head is None:
        return "none"
    head = sdoc[f.speaker_head]
    if head.lower_ in _PRONOUNS:
        return "pron:" + head.lower_
    if head.pos_ == "PROPN" or (head.text[:1].isupper() and not head.is_sent_start):
        return "NAME"
    return "noun:" + head.lemma_.lower()


def features(sdoc: Any, f: Found) -> list[str]:
    """The feature strings of one candidate report (see the module's docstring)."""
    assert f.cue_token is not None
    verb = sdoc[f.cue_token]
    lemma = verb.lemma_.lower()
    content = [t for t in sdoc.char_span(*f.span, alignment_mode="expand") or () if not t.is_space]
    root = _root(content, f.span)
    cdep = root.dep_ if root is not None else "-"
    marks = (
        [c.lower_ for c in root.children if c.dep_ in ("mark", "aux") and c.i < root.i]
        if root is not None
        else []
    )
    mark = marks[0] if marks else "-"
    subject = _subject_kind(sdoc, f)
    size = sum(1 for t in content if t.is_alpha)
    children = {c.dep_ for c in verb.children}
    aux = sorted(c.lower_ for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD")
    prt = next((c.lower_ for c in verb.children if c.dep_ == "prt"), "-")
    subject_class = subject.split(":")[0]
    out = [
        "bias",
        f"lem={lemma}",
        f"lem+prt={lemma}+{prt}",
        f"dep={verb.dep_}",
        f"tag={verb.tag_}",
        f"cdep={cdep}",
        f"ctag={root.tag_ if root is not None else '-'}",
        f"mark={mark}",
        f"lem+cdep={lemma}+{cdep}",
        f"lem+mark={lemma}+{mark}",
        f"subj={subject}",
        f"subjclass={subject_class}",
        f"lem+subj={lemma}+{subject_class}",
        f"size={_bucket(size)}",
        f"kind={f.kind}",
        f"after={f.span[0] > verb.idx}",
        f"dep+cdep={verb.dep_}+{cdep}",
        f"lem+cdep+size={lemma}+{cdep}+{_bucket(size)}",
        f"cue={_last_cue_word(sdoc, f)}",
        f"root={root.lemma_.lower() if root is not None else '-'}",
    ]
    if lexical_cue(verb, prep_of(verb)):
        out += ["lexical", f"lexical+cdep={cdep}"]
    out += [f"aux={a}" for a in aux]
    out += [f"child={d}" for d in sorted(children & _CHILDREN)]
    return out


def _last_cue_word(sdoc: Any, f: Found) -> str:
    """The cue's last word ('against' of 'came out against'), read from its tokens
    (``Doc.text`` joins the whole text anew on every call)."""
    assert f.cue is not None
    span = sdoc.char_span(*f.cue, alignment_mode="expand")
    return span[-1].lower_ if span is not None and len(span) else "-"


def index(feature: str) -> int:
    """The hashed column of a feature string."""
    return zlib.crc32(feature.encode("utf-8")) & ((1 << BITS) - 1)


@dataclass(frozen=True)
class OpenCueModel:
    """Logistic regression over hashed features, and the probability a kept report needs."""

    weights: np.ndarray  # float32, 2**BITS
    threshold: float

    def probability(self, sdoc: Any, f: Found) -> float:
        z = float(sum(self.weights[index(x)] for x in features(sdoc, f)))
        return 1.0 / (1.0 + np.exp(-z))

    def keep(self, sdoc: Any, found: Sequence[Found]) -> list[Found]:
        """The candidates read as attributions, the outermost of nested ones."""
        scored = ((f, self.probability(sdoc, f)) for f in found)
        kept = [f.with_(score=round(p, 4)) for f, p in scored if p >= self.threshold]
        return [
            f
            for f in kept
            if not any(
                g is not f and g.cue is not None and f.cue is not None and inside(f.cue, g.span)
                for g in kept
            )
        ]

    def save(self, folder: Path, meta: dict[str, Any]) -> None:
        nonzero = np.flatnonzero(self.weights)
        np.savez_compressed(
            folder / WEIGHTS,
            index=nonzero.astype(np.int32),
            weight=self.weights[nonzero].astype(np.float32),
            threshold=np.float32(self.threshold),
        )
        (folder / "open_cues.json").write_text(
            json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8"
        )

    @classmethod
    def load(cls, folder: Path) -> OpenCueModel:
        with np.load(folder / WEIGHTS) as z:
            weights = np.zeros(1 << BITS, dtype=np.float32)
            weights[z["index"]] = z["weight"]
            return cls(weights, float(z["threshold"]))


def fresh(
    candidates: Sequence[Found], ruled: Sequence[Found], text: str, bounded: Sequence[Span] = ()
) -> list[Found]:
    """The candidates worth a decision: content that touches no report the rules found
    and holds a word that is no name, a cue in none's content and outside the headline
    and standfirst (``bounded``), whose Title Case the parser reads by its names."""
    return [
        c
        for c in candidates
        if not any(touches(c, f) for f in ruled)
        and not any(c.cue is not None and inside(c.cue, p) for f in ruled for p in f.parts)
        and not any(c.cue is not None and inside(c.cue, b) for b in bounded)
        and _says_something(text, c)
    ]


def _says_something(text: str, f: Found) -> bool:
    """Two words or more, one of them lowercase: a content of names alone ('came out
    against Trump') is who the act is about, and reads differently for every name."""
    words = [w for s, e in f.parts for w in text[s:e].split() if any(ch.isalpha() for ch in w)]
    return len(words) >= 2 and any(w[0].islower() for w in words)


@lru_cache(maxsize=1)
def shipped() -> OpenCueModel | None:
    """The bundled classifier, or None when its file is absent (the rules then stand alone)."""
    if not (MODEL_DIR / WEIGHTS).exists():
        return None
    return OpenCueModel.load(MODEL_DIR)
