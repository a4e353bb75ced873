"""People, organisations and places named in a dispatch, each with every mention.

The ``entities`` stage lives in :mod:`presslens.stages.entities`; the attribution
stages use :func:`resolve_mention` to turn a speaker phrase into an entity id.

Modules, one job each: ``english`` (mentions from the spaCy parse), ``labels``
(document-level label fixes), ``titles``, ``russian`` (natasha), ``dateline``,
``acronyms``, ``merge``, ``propagate``, ``build`` (Entity records), ``resolve``;
for Russian and Ukrainian: ``cyrillic`` (their path), ``inflect`` (base forms),
``morph`` (pymorphy3), ``cyrillic_titles``, ``ukrainian`` (the NER-UK tagger's
mentions), ``features`` and ``tagger`` (numpy CRF).
"""

from __future__ import annotations

from presslens.entities.resolve import head_phrase, resolve_mention

__all__ = ["head_phrase", "resolve_mention"]
