"""The ``language`` stage: the document's language as an ISO 639-1 code.

Metadata that names a language (an HTML ``lang``, a corpus record) wins; otherwise
:func:`presslens.language.detect_language` decides among ``Settings.languages``.
"""

from __future__ import annotations

from presslens.document import Document
from presslens.language import detect_language
from presslens.settings import Settings


class LanguageStage:
    """Adds ``language``: a code such as ``en``, or None when there is no letter to judge."""

    name = "language"
    needs: tuple[str, ...] = ()
    adds = "language"

    def __init__(self, settings: Settings):
        self.languages = tuple(settings.languages)

    def run(self, doc: Document) -> str | None:
        if doc.metadata.language:
            return doc.metadata.language
        return detect_language(doc.text, self.languages)
