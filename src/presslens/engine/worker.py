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
            analysis = Analysis(doc, self.stage_names).to_dict()
            passages = fingerprint(analysis, self.config.reprints)
        except PresslensError as exc:
            return Record(item.source_id, error=(exc.kind, exc.message))
        except (RecursionError, MemoryError) as exc:
            return Record(item.source_id, error=("resource", f"{type(exc).__name__}: {exc}"))
        except Exception as exc:  # a stage bug on a hostile input must not end the run
            return Record(item.source_id, error=("internal", f"{type(exc).__name__}: {exc}"))
        return Record(item.source_id, analysis, passages)


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
    state = state_for(config)
    return [state.process(item) for item in items]
