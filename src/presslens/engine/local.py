"""The local engine: this process (1 worker) or a pool of processes.

Each pool process loads the models once, in the pool initializer. Processes are
spawned, not forked: the parent runs threads (progress display, database) that a
fork would copy mid-flight.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from presslens.engine.base import Engine, failed_chunk, ordered_bounded
from presslens.engine.worker import WorkerConfig, init_worker, process_chunk, state_for
from presslens.ingest.sources import Item
from presslens.store.records import Record


class LocalEngine(Engine):
    name = "local"

    def __init__(self, config: WorkerConfig, workers: int = 1):
        self.config = config
        self.workers = max(1, workers)
        self.pool: ProcessPoolExecutor | None = None
        if self.workers == 1:
            state_for(config)
        else:
            self._start_pool()

    def _start_pool(self) -> None:
        self.pool = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=init_worker,
            initargs=(self.config, os.getpid()),  # workers die with this process
        )

    def _submit(self, chunk: Sequence[Item]) -> Future[list[Record]] | list[Record]:
        if self.pool is None:
            return process_chunk(chunk, self.config)
        try:
            return self.pool.submit(process_chunk, list(chunk), self.config)
        except BrokenProcessPool:  # a worker died (killed, out of memory): start afresh
            self.pool.shutdown(wait=False, cancel_futures=True)
            self._start_pool()
            return self.pool.submit(process_chunk, list(chunk), self.config)

    @staticmethod
    def _result(future: Future[list[Record]] | list[Record]) -> list[Record]:
        return future if isinstance(future, list) else future.result()

    def map(self, chunks: Iterable[Sequence[Item]]) -> Iterator[list[Record]]:
        if self.pool is None:
            for chunk in chunks:
                try:
                    yield process_chunk(chunk, self.config)
                except Exception as exc:
                    yield failed_chunk(chunk, exc)
            return
        yield from ordered_bounded(chunks, self._submit, self._result, 3 * self.workers)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
