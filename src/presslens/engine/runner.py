"""A batch run: sources -> engine -> store, resumable, with one writer.

The parent streams items from the sources, drops those a previous run finished
(looked up in the store chunk by chunk, so memory stays flat), hands chunks to the
engine and writes the records in batches, each batch one transaction. Killing the
run at any moment loses at most the batch in flight; running it again resumes.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice

from presslens.engine.base import Engine
from presslens.engine.resume import item_digest, normalise_source
from presslens.engine.worker import WorkerConfig
from presslens.ingest.corpus_inputs import iter_items
from presslens.ingest.item import Item
from presslens.pipeline import Pipeline
from presslens.settings import Settings
from presslens.store.records import Record, pipeline_version
from presslens.store.store import Store

CHUNK = 8  # items per worker task: amortises task overhead, keeps work balanced


@dataclass
class RunSummary:
    run_id: str
    engine: str
    workers: int
    stages: tuple[str, ...]
    done: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # first few, for display
    metadata_updated: int = 0  # stored documents given new metadata by this run

    @property
    def items_per_s(self) -> float:
        return self.done / self.seconds if self.seconds else 0.0


Progress = Callable[[int, int, int], None]  # (done, skipped, failed) increments


def batched(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def resolve_stages(stages: Sequence[str] | None, settings: Settings) -> tuple[str, ...]:
    """The pipeline's stage names, dependencies included, in run order."""
    if stages is not None:
        return tuple(Pipeline.from_names(stages, settings).stage_names)
    return tuple(Pipeline.default(settings).stage_names)


def make_engine(
    kind: str, config: WorkerConfig, workers: int, scheduler: str | None = None
) -> Engine:
    if kind == "dask" or scheduler:
        from presslens.engine.dask import DaskEngine

        return DaskEngine(config, workers, scheduler)
    if kind != "local":
        raise ValueError(f"unknown engine {kind!r}; use local or dask")
    from presslens.engine.local import LocalEngine

    return LocalEngine(config, workers)


def _version(stages: tuple[str, ...]) -> str:
    return pipeline_version({"stages": list(stages)})


def run_ingest(
    sources: Sequence[str],
    store: Store,
    settings: Settings,
    *,
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    stages: Sequence[str] | None = None,
    reanalyse: bool = False,
    progress: Progress | None = None,
) -> RunSummary:
    """Ingest and analyse ``sources`` into ``store``; resumable and idempotent."""
    names = resolve_stages(stages, settings)
    workers = workers or settings.workers
    engine = "dask" if scheduler else engine
    version = _version(names)
    reprints = store.reprint_params()
    store.set_reprint_params(reprints)  # passages written from here on match these
    config = WorkerConfig.make(names, settings, reprints)
    run_id = store.start_run(
        engine=engine, workers=workers, stages=names, version=version, sources=sources
    )
    summary = RunSummary(run_id, engine, workers, names)
    started = time.perf_counter()
    status = "failed"
    try:
        with make_engine(engine, config, workers, scheduler) as eng:
            summary.workers = eng.workers  # a scheduler's cluster has its own size
            digests: dict[str, str] = {}  # items in flight: what each held
            todo = _pending(
                iter_items([normalise_source(s) for s in sources], settings),
                store,
                summary,
                progress,
                version if reanalyse else None,
                settings.batch_size,
                digests,
            )
            pending: list[Record] = []
            for records in eng.map(batched(todo, CHUNK)):
                for record in records:
                    record.digest = digests.pop(record.source_id or "", None)
                pending.extend(records)
                if len(pending) >= settings.batch_size:
                    _flush(store, pending, summary, progress, reanalyse)
                    pending = []
            _flush(store, pending, summary, progress, reanalyse)
        status = "done"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        summary.seconds = time.perf_counter() - started
        store.finish_run(
            run_id, done=summary.done, skipped=summary.skipped, failed=summary.failed, status=status
        )
    return summary


def _pending(
    items: Iterable[Item],
    store: Store,
    summary: RunSummary,
    progress: Progress | None,
    version: str | None,
    lookup: int,
    digests: dict[str, str],
) -> Iterator[Item]:
    """Items not yet done (or changed since), looked up in the store ``lookup`` at a time."""
    for batch in batched(items, lookup):
        now = {i.source_id: item_digest(i) for i in batch}
        done = store.done_sources(list(now), version=version, digests=now)
        seen: set[str] = set()
        for item in batch:
            if item.source_id in done or item.source_id in seen:
                summary.skipped += 1
                if progress:
                    progress(0, 1, 0)
                continue
            seen.add(item.source_id)
            digests[item.source_id] = now[item.source_id]
            yield item


def _flush(
    store: Store,
    records: list[Record],
    summary: RunSummary,
    progress: Progress | None,
    reanalyse: bool,
) -> None:
    if not records:
        return
    refused = {id(r) for r in store.write(records, run_id=summary.run_id, replace=reanalyse)}
    summary.metadata_updated += len(store.metadata_updated)
    failed = [r for r in records if r.error is not None or id(r) in refused]
    summary.failed += len(failed)
    summary.done += len(records) - len(failed)
    for record in failed:
        if len(summary.errors) < 20:
            kind, message = record.error or ("store", "the store refused the record")
            summary.errors.append((record.source_id or "?", kind, message))
    if progress:
        progress(len(records) - len(failed), 0, len(failed))
