"""The engine interface: ordered, bounded mapping of chunks of items to records.

Engines keep at most ``max_in_flight`` chunks submitted, so memory stays flat in
the size of the corpus, and yield results in submission order, so ingest order
(which breaks ties between reprints) is the same whatever the engine and timing.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from presslens.ingest.item import Item
from presslens.store.records import Record


class Engine:
    name = "?"
    workers = 1

    def map(self, chunks: Iterable[Sequence[Item]]) -> Iterator[list[Record]]:
        raise NotImplementedError

    def close(self) -> None:
        pass

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def failed_chunk(chunk: Sequence[Item], exc: BaseException) -> list[Record]:
    """Records for a chunk whose worker died: each item gets the reason."""
    message = f"worker failed: {type(exc).__name__}: {exc}"[:500]
    return [Record(item.source_id, error=("worker", message)) for item in chunk]


def ordered_bounded(
    chunks: Iterable[Sequence[Item]],
    submit: Callable[[Sequence[Item]], Any],
    result: Callable[[Any], list[Record]],
    max_in_flight: int,
) -> Iterator[list[Record]]:
    """Submit chunks keeping ``max_in_flight`` pending; yield results in order."""
    pending: deque[tuple[Sequence[Item], Any]] = deque()
    for chunk in chunks:
        pending.append((chunk, submit(chunk)))
        if len(pending) >= max_in_flight:
            yield _collect(*pending.popleft(), submit, result)
    while pending:
        yield _collect(*pending.popleft(), submit, result)


def _collect(
    chunk: Sequence[Item],
    future: Any,
    submit: Callable[[Sequence[Item]], Any],
    result: Callable[[Any], list[Record]],
) -> list[Record]:
    """The chunk's records; if its worker died, each item is retried on its own.

    A worker dies when an item crashes it (or the machine kills it), taking the
    innocent items of its chunk along; retried one by one, only the culprit fails.
    """
    try:
        return result(future)
    except Exception as exc:
        if len(chunk) == 1:
            return failed_chunk(chunk, exc)
    records = []
    for item in chunk:
        try:
            records.extend(result(submit([item])))
        except Exception as exc:
            records.extend(failed_chunk([item], exc))
    return records
