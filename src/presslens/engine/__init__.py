"""Engines that analyse a corpus: ``local`` (process pool) and ``dask``.

:func:`run_ingest` streams sources through an engine into a store; see
:mod:`presslens.engine.runner` for the resume and transaction guarantees.
"""

from presslens.engine.runner import RunSummary, make_engine, run_ingest

__all__ = ["RunSummary", "make_engine", "run_ingest"]
