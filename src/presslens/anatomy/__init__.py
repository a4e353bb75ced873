"""The ``anatomy`` stage: headline, standfirst, dateline, byline, boilerplate,
paragraphs and sentences of a dispatch, as spans into the untouched text.

Anatomy is rule-based and language-independent on purpose: every other stage
needs it, so it must be cheap (no models) and must not depend on ``language``.
:func:`dissect` is the whole analysis as a plain function; :class:`AnatomyStage`
(in :mod:`presslens.stages.anatomy`) wraps it for the pipeline.
"""

from __future__ import annotations

from presslens.anatomy.dissect import dissect

__all__ = ["dissect"]
