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
from presslens.engine.deadline import DocumentTimeout, result_within
from presslens.engine.worker import WorkerConfig, init_worker, process_chunk, state_for
from presslens.ingest.item import Item
from presslens.store.records import Record


class LocalEngine(Engine):
    name = "local"

    def __init__(self, config: WorkerConfig, workers: int = 1):
        self.config = config
        self.workers = max(1, workers)
        self.pool: ProcessPoolExecutor | None = None
        self.document_timeout_s = float(config.settings.get("document_timeout_s") or 900.0)
        self._sizes: dict[Future[list[Record]], int] = {}
        if self.workers == 1:
            state_for(config)
        else:
            self._start_pool()

    def _start_pool(self) -> None:
        # One BLAS thread per worker process (spaCy multiplies through numpy's
        # OpenBLAS, which would start a thread per core in each of them): the
        # workers already use the cores. Spawned workers inherit the variable; a
        # value the user set is kept.
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
        self.pool = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=init_worker,
            initargs=(self.config, os.getpid()),  # workers die with this process
        )

    task = staticmethod(process_chunk)  # what a pool process runs on a chunk

    def _submit(self, chunk: Sequence[Item]) -> Future[list[Record]] | list[Record]:
        if self.pool is None:
            return process_chunk(chunk, self.config)
        try:
            future = self.pool.submit(self.task, list(chunk), self.config)
        except BrokenProcessPool:  # a worker died (killed, out of memory): start afresh
            self.pool.shutdown(wait=False, cancel_futures=True)
            self._start_pool()
            future = self.pool.submit(self.task, list(chunk), self.config)
        self._sizes[future] = len(chunk)
        return future

    def _result(self, future: Future[list[Record]] | list[Record]) -> list[Record]:
        """The chunk's records; past its time limit the pool is killed (see :mod:`.deadline`)."""
        if isinstance(future, list):
            return future
        limit = self.document_timeout_s * max(1, self._sizes.pop(future, 1))
        try:
            return result_within(future, limit, self.pool)
        except DocumentTimeout:
            if self.pool is not None:  # its processes are killed: retries go to a fresh pool
                self.pool.shutdown(wait=False, cancel_futures=True)
                self._start_pool()
            raise

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
