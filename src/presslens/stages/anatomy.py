"""The pipeline stage that adds the ``anatomy`` layer."""

from __future__ import annotations

from presslens.anatomy.dissect import dissect
from presslens.document import Anatomy, Document
from presslens.settings import Settings


class AnatomyStage:
    """Adds ``anatomy``: needs nothing, so it can run first and alone (no models).

    >>> from presslens.settings import get_settings
    >>> doc = Document("LONDON — Rain fell on the city all day long.")
    >>> AnatomyStage(get_settings()).run(doc).dateline.place
    'LONDON'
    """

    name = "anatomy"
    needs: tuple[str, ...] = ()
    adds = "anatomy"

    def __init__(self, settings: Settings | None = None):
        self.settings = settings

    def run(self, doc: Document) -> Anatomy:
        return dissect(doc.text, doc.metadata.title)
