"""The ``techniques`` layer of a Russian or Ukrainian document, from the manipulation model.

The UNLP-2025 data marks manipulative passages without saying which technique each
one is; techniques are labels of whole posts. So a passage is named only when the
document has exactly one technique above its threshold (then every passage is that
technique, as in the data's single-label posts); otherwise it carries the generic
``manipulation`` label and the document-level reading (:class:`Manipulation`, the
``manipulation`` field of the contract) lists the techniques with their scores.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from presslens.document import Quote, Span, TechniqueSpan
from presslens.manipulation.labels import MANIPULATION, TAXONOMY
from presslens.manipulation.predictor import ManipulationModel, shared_model

LANGUAGES = ("ru", "uk")


@dataclass(frozen=True)
class Manipulation:
    """Document-level reading: taxonomy, P(manipulative) and techniques with scores."""

    taxonomy: str
    manipulative: float
    techniques: tuple[tuple[str, float], ...]

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
) -> tuple[list[TechniqueSpan], Manipulation]:
    """Technique spans (with the quote each sits in) and the document-level reading.

    The model reads the whole text (its features are the text's), but passages inside the
    page's ``boilerplate`` (menus, "all news" links) are not the outlet's writing and are
    dropped.
    """
    from presslens.techniques.stage import quote_of

    model = model or shared_model(model_dir)
    reading = model.read(text, language)
    label = passage_label(reading.techniques)
    spans = [
        TechniqueSpan(span=span, technique=label, score=score, quote=quote_of(span, quotes))
        for span, score in reading.spans
        if not any(b[0] < span[1] and span[0] < b[1] for b in boilerplate)
    ]
    return spans, Manipulation(TAXONOMY, reading.manipulative, tuple(reading.techniques))
