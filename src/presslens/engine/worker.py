"""What runs in a worker: items in, stored-ready records out.

A worker builds its pipeline once (process pool initializer, Dask worker plugin,
or lazily on the first chunk) and keeps it in a module-level cache keyed by the
:class:`WorkerConfig`, so models load once per worker process whatever the engine.
Every failure of an item is caught and returned as an error record: a hostile
item costs its own analysis, never the chunk.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from presslens.analysis import Analysis
from presslens.document import Document
from presslens.errors import PresslensError
from presslens.ingest.corpus_inputs import item_document
from presslens.ingest.item import Item
from presslens.pipeline import Pipeline
from presslens.reprints.passages import DEFAULT_PARAMS, ReprintParams, fingerprint
from presslens.settings import Settings
from presslens.store.records import Record


@dataclass(frozen=True)
class WorkerConfig:
    """Everything a worker needs to rebuild the same pipeline (picklable)."""

    stages: tuple[str, ...]
    settings: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    reprints: ReprintParams = DEFAULT_PARAMS
    key: str = ""  # identifies the configuration across processes

    @classmethod
    def make(
        cls, stages: Sequence[str], settings: Settings, reprints: ReprintParams = DEFAULT_PARAMS
    ) -> WorkerConfig:
        dump = settings.model_dump(mode="json")
        import json

        key = json.dumps([list(stages), dump, reprints.key()], sort_keys=True)
        return cls(tuple(stages), dump, reprints, key)


class WorkerState:
    """A worker's pipeline, built once."""

    def __init__(self, config: WorkerConfig):
        self.config = config
        self.settings = Settings(**config.settings)
        self.pipeline = Pipeline.from_names(config.stages, self.settings)
        self.stage_names = tuple(self.pipeline.stage_names)

    def process(self, item: Item) -> Record:
        try:
            doc = item_document(item, self.settings)
            self.pipeline(doc)
            return self._record(item, doc)
        except Exception as exc:
            return _error_record(item, exc)

    def process_many(self, items: Sequence[Item]) -> list[Record]:
        """``process`` of each item, the documents analysed together (:meth:`Pipeline.pipe`:
        one spaCy batch). If the batch fails, each item is processed alone, so a failing
        item still costs only its own record."""
        docs: dict[int, Document] = {}
        records: dict[int, Record] = {}
        for i, item in enumerate(items):
            try:
                docs[i] = item_document(item, self.settings)
            except Exception as exc:
                records[i] = _error_record(item, exc)
        try:
            self.pipeline.run_batch(list(docs.values()))
        except Exception:  # a document broke a stage: find it, one by one
            return [records[i] if i in records else self.process(x) for i, x in enumerate(items)]
        for i, doc in docs.items():
            try:
                records[i] = self._record(items[i], doc)
            except Exception as exc:
                records[i] = _error_record(items[i], exc)
        return [records[i] for i in range(len(items))]

    def _record(self, item: Item, doc: Document) -> Record:
        analysis = Analysis(doc, self.stage_names).to_dict()
        return Record(item.source_id, analysis, fingerprint(analysis, self.config.reprints))


def _error_record(item: Item, exc: Exception) -> Record:
    """The record of an item whose analysis raised ``exc``."""
    if isinstance(exc, PresslensError):
        return Record(item.source_id, error=(exc.kind, exc.message))
    if isinstance(exc, (RecursionError, MemoryError)):
        return Record(item.source_id, error=("resource", f"{type(exc).__name__}: {exc}"))
    # a stage bug on a hostile input must not end the run
    return Record(item.source_id, error=("internal", f"{type(exc).__name__}: {exc}"))


_states: dict[str, WorkerState] = {}
_lock = threading.Lock()


def state_for(config: WorkerConfig) -> WorkerState:
    """This process's pipeline for ``config``, built on first use."""
    with _lock:
        state = _states.get(config.key)
        if state is None:
            state = _states[config.key] = WorkerState(config)
        return state


def init_worker(config: WorkerConfig, parent_pid: int | None = None) -> None:
    """Process-pool initializer: die with the parent, load the models before the first chunk."""
    if parent_pid is not None:
        from presslens.engine.lifeline import die_with_parent

        die_with_parent(parent_pid)
    state_for(config)


def process_chunk(items: Sequence[Item], config: WorkerConfig) -> list[Record]:
    """Analyse a chunk of items in this process."""
    return state_for(config).process_many(items)
