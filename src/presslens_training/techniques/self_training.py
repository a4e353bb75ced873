"""Self-training: unlabelled news, tagged by the exported model, as extra tagger data.

ApplicaAI's SemEval-2020 systems gained from teaching a student on news the teacher had
labelled. Here the teacher is an exported model as it ships (tagger ensemble mixed
with the lexical token model): its per-wordpiece propaganda probabilities become *soft*
targets (the student's BCE reads them as they are, so an uncertain word stays
uncertain) and its technique head's outputs the auxiliary technique targets. The
student trains on these windows beside the gold ``fit`` windows (:func:`.train.train`,
``extra_tags``); ``tune`` and ``val`` stay gold-only.

The unlabelled texts default to PolNeAR's train articles (2015-16 US political news,
partisan outlets among them; research use, read from ``../shared`` and never stored):
not PTC's own test articles, so nothing scored later was seen even unlabelled. Each
text is cut into one sentence per line, as PTC's articles are, before tagging, so the
student's windows are cut as its gold windows are.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from presslens.corpora import data_root
from presslens.techniques.labels import TECHNIQUES
from presslens.techniques.model import Predictor
from presslens.techniques.windows import line_sentences, split_sentences
from presslens_training.techniques.data import TagExample

SEED = 20201212
"""Which unlabelled articles a ``limit`` keeps (seeded shuffle of sorted names)."""


def default_unlabelled() -> Path:
    """PolNeAR's train texts under the shared data folder."""
    root = data_root()
    assert root is not None  # data_root raises when the folder is missing
    return root / "quotes" / "polnear" / "data" / "train" / "text"


def one_sentence_per_line(text: str) -> str:
    """``text`` with each sentence on its own line (PTC's layout; lines stay apart)."""
    return "\n".join(text[s:e].strip() for s, e in split_sentences(text))


def unlabelled_texts(directory: Path, limit: int | None = None) -> list[tuple[str, str]]:
    """``(name, text)`` of the ``.txt`` files in ``directory``: ``limit`` of them, drawn
    with a fixed seed so every publisher is represented, in PTC's layout."""
    paths = sorted(directory.glob("*.txt"))
    if not paths:
        raise FileNotFoundError(f"no .txt articles in {directory}")
    random.Random(SEED).shuffle(paths)
    out = []
    for path in paths[:limit] if limit else paths:
        text = one_sentence_per_line(path.read_text(encoding="utf-8", errors="replace"))
        if text.strip():
            out.append((path.stem, text))
    return out


def pseudo_examples(teacher: Predictor, texts: Sequence[tuple[str, str]]) -> list[TagExample]:
    """One soft-labelled tagger example per window of each text.

    ``prop``: the teacher's propaganda probability per wordpiece, as span detection reads
    it (ensemble mixed with the lexical model); ``tech``: its technique head's
    probabilities (zeros without a head). Specials carry 0 and are not ``valid``.
    """
    examples: list[TagExample] = []
    for _, text in texts:
        windows = teacher.windows(text, line_sentences(text))
        if not windows:
            continue
        raw, techs = teacher.tag_outputs(windows)
        mixed = teacher.mix(text, windows, raw)
        for k, (window, prob) in enumerate(zip(windows, mixed, strict=True)):
            valid = window.words >= 0
            prop = np.where(valid, prob, 0.0).astype(np.float32)
            tech = (
                np.where(valid[:, None], techs[k], 0.0).astype(np.float32)
                if techs is not None
                else np.zeros((len(prop), len(TECHNIQUES)), dtype=np.float32)
            )
            examples.append(TagExample(window.ids, prop, tech, valid))
    return examples
