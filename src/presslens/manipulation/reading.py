"""The ``techniques`` layer of a Russian or Ukrainian document, from the manipulation model.

The UNLP-2025 data marks manipulative passages without saying which technique each
one is; techniques are labels of whole posts. So a passage is named only when the
document has exactly one technique above its threshold (then every passage is that
technique, as in the data's single-label posts); otherwise it carries the generic
``manipulation`` label and the document-level reading (:class:`Manipulation`, the
``manipulation`` field of the contract) lists the techniques with their scores.
Pejorative designations found by rule (:mod:`.designations`) are ``loaded_language``
spans, and make ``loaded_language`` one of the document's techniques.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from presslens.document import Quote, Span, TechniqueSpan
from presslens.manipulation.designations import LABEL as DESIGNATION
from presslens.manipulation.designations import SCORE as DESIGNATION_SCORE
from presslens.manipulation.designations import find_designations
from presslens.manipulation.labels import MANIPULATION, TAXONOMY
from presslens.manipulation.predictor import ManipulationModel, shared_model
from presslens.techniques.voice import quote_of

LANGUAGES = ("ru", "uk")


@dataclass(frozen=True)
class Manipulation:
    """Document-level reading: taxonomy, P(manipulative) and techniques with scores."""

    taxonomy: str
    manipulative: float
    techniques: tuple[tuple[str, float], ...]
    spans: tuple[TechniqueSpan, ...] = ()
    """The passages, which the ``techniques`` layer reports (not part of this field's JSON)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "taxonomy": self.taxonomy,
            "manipulative": round(float(self.manipulative), 4),
            "techniques": [
                {"technique": name, "score": round(float(score), 4)}
                for name, score in self.techniques
            ],
        }


def passage_label(techniques: Sequence[tuple[str, float]]) -> str:
    """The name a passage gets: the document's only technique, else the generic label."""
    return techniques[0][0] if len(techniques) == 1 else MANIPULATION


def read(
    text: str,
    language: str,
    quotes: Sequence[Quote] = (),
    boilerplate: Sequence[Span] = (),
    model: ManipulationModel | None = None,
    model_dir: str | Path | None = None,
    sentence_vectors: bool = True,
) -> tuple[list[TechniqueSpan], Manipulation]:
    """Technique spans (with the quote each sits in) and the document-level reading.

    The model reads the whole text (its features are the text's), but passages inside the
    page's ``boilerplate`` (menus, "all news" links) are not the outlet's writing and are
    dropped.
    """
    model = model or shared_model(model_dir)
    reading = model.read(text, language, sentence_vectors)
    designations = find_designations(text, language)
    techniques = with_designations(reading.techniques, bool(designations))
    label = passage_label(techniques)
    found = [(span, label, score) for span, score in reading.spans]
    found += [(span, DESIGNATION, DESIGNATION_SCORE) for span in designations]
    spans = [
        TechniqueSpan(span=span, technique=name, score=score, quote=quote_of(span, quotes))
        for span, name, score in sorted(found)
        if not any(b[0] < span[1] and span[0] < b[1] for b in boilerplate)
    ]
    return spans, Manipulation(TAXONOMY, reading.manipulative, techniques, tuple(spans))


def with_designations(
    techniques: Sequence[tuple[str, float]], designated: bool
) -> tuple[tuple[str, float], ...]:
    """The model's document techniques, plus ``loaded_language`` at the rule's score when a
    pejorative designation was found (:mod:`.designations`)."""
    scores = dict(techniques)
    if designated:
        scores[DESIGNATION] = max(scores.get(DESIGNATION, 0.0), DESIGNATION_SCORE)
    return tuple(sorted(scores.items(), key=lambda x: (-x[1], x[0])))
