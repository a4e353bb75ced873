"""The Dask engine: a LocalCluster by default, or any scheduler (``tcp://host:8786``).

A worker plugin builds the pipeline when a worker starts, so models load once per
worker (and workers that join later get it too); chunks find it in the worker's
module cache. Futures are bounded and collected in order (see :mod:`.base`).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from presslens.engine.base import Engine, ordered_bounded
from presslens.engine.worker import WorkerConfig, process_chunk, state_for
from presslens.ingest.item import Item
from presslens.store.records import Record


def _plugin(config: WorkerConfig) -> Any:
    from distributed import WorkerPlugin

    class PipelinePlugin(WorkerPlugin):
        """Loads the pipeline's models when a worker starts."""

        name = "presslens-pipeline-" + hashlib.sha1(config.key.encode()).hexdigest()[:12]

        def __init__(self, config: WorkerConfig):
            self.config = config

        def setup(self, worker: Any) -> None:
            state_for(self.config)

    return PipelinePlugin(config)


class DaskEngine(Engine):
    name = "dask"

    def __init__(self, config: WorkerConfig, workers: int = 1, scheduler: str | None = None):
        from distributed import Client, LocalCluster

        self.config = config
        self.cluster = None
        if scheduler:
            self.client = Client(scheduler)
        else:
            self.cluster = LocalCluster(
                n_workers=max(1, workers),
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            self.client = Client(self.cluster)
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})) or workers)
        self.client.register_plugin(_plugin(config))

    def map(self, chunks: Iterable[Sequence[Item]]) -> Iterator[list[Record]]:
        def submit(chunk: Sequence[Item]) -> Any:
            return self.client.submit(process_chunk, list(chunk), self.config, pure=False)

        def result(future: Any) -> list[Record]:
            try:
                return future.result()
            finally:
                future.release()

        yield from ordered_bounded(chunks, submit, result, 3 * self.workers)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
