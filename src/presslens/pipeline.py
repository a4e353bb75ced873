"""Orders stages by what they need and add, and runs them over Documents."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice

from presslens import stages as stage_registry
from presslens.dates import fill_published_from_dateline
from presslens.document import Document
from presslens.settings import Settings, get_settings
from presslens.stages import Stage


class PipelineError(RuntimeError):
    pass


def order_stages(stages: Sequence[Stage]) -> list[Stage]:
    """Topologically order ``stages`` so each runs after the stages adding what it needs.

    Needs that no stage in the list adds must already be on the document (a
    pipeline may run a subset over documents analysed before).
    """
    by_layer = {s.adds: s for s in stages}
    ordered: list[Stage] = []
    state: dict[str, str] = {}

    def visit(stage: Stage, path: tuple[str, ...]) -> None:
        mark = state.get(stage.name)
        if mark == "done":
            return
        if mark == "visiting":
            raise PipelineError("stage cycle: " + " -> ".join((*path, stage.name)))
        state[stage.name] = "visiting"
        for need in stage.needs:
            if need in by_layer:
                visit(by_layer[need], (*path, stage.name))
        state[stage.name] = "done"
        ordered.append(stage)

    for s in stages:
        visit(s, ())
    return ordered


def resolve(names: Iterable[str], settings: Settings) -> list[Stage]:
    """Build the named stages plus every stage they need, transitively."""
    known = set(stage_registry.available())
    built: dict[str, Stage] = {}
    queue = list(dict.fromkeys(names))
    while queue:
        name = queue.pop(0)
        if name in built:
            continue
        stage = stage_registry.build(name, settings)
        built[name] = stage
        # By convention a stage is named after the layer it adds.
        queue.extend(n for n in stage.needs if n in known and n not in built)
    return order_stages(list(built.values()))


class Pipeline:
    """Runs an ordered list of stages; each adds one layer. An undated document then
    gets the date of its dateline (:func:`presslens.dates.fill_published_from_dateline`).

    >>> Pipeline.default().stage_names[:2]
    ['anatomy', 'language']
    """

    def __init__(self, stages: Sequence[Stage]):
        self.stages = order_stages(stages)
        self.timings: dict[str, float] = {}

    @classmethod
    def from_names(cls, names: Iterable[str], settings: Settings | None = None) -> Pipeline:
        return cls(resolve(names, settings or get_settings()))

    @classmethod
    def default(cls, settings: Settings | None = None, *, exclude: Iterable[str] = ()) -> Pipeline:
        settings = settings or get_settings()
        skip = set(exclude) | set(settings.disabled_stages)
        names = [n for n in stage_registry.DEFAULT_STAGES if n not in skip]
        names = [n for n in names if stage_registry.is_available(n)]
        return cls.from_names(names, settings)

    @property
    def stage_names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(self, doc: Document) -> Document:
        return self.run_batch([doc])[0]

    def pipe(self, docs: Iterable[Document], batch_size: int = 32) -> Iterator[Document]:
        """Each Document analysed as by ``__call__``, ``batch_size`` at a time.

        A stage with ``run_many(docs)`` (the syntax stage: one spaCy batch instead of
        one call per text) gets a batch's documents together; the others run one by
        one. Every stage sees the same layers as in ``__call__``.
        """
        it = iter(docs)
        while batch := list(islice(it, batch_size)):
            yield from self.run_batch(batch)

    def run_batch(self, docs: Sequence[Document]) -> list[Document]:
        """Run every stage over ``docs``, stage by stage; returns ``docs``."""
        for stage in self.stages:
            todo = [d for d in docs if not d.has(stage.adds)]
            if not todo:
                continue
            for doc in todo:
                missing = [n for n in stage.needs if not doc.has(n)]
                if missing:
                    raise PipelineError(
                        f"stage {stage.name!r} needs layers {missing} that nothing added"
                    )
            started = time.perf_counter()
            run_many = getattr(stage, "run_many", None)
            if run_many is not None and len(todo) > 1:
                values = run_many(todo)
            else:
                values = [stage.run(doc) for doc in todo]
            for doc, value in zip(todo, values, strict=True):
                doc.add_layer(stage.adds, value)
            self.timings[stage.name] = self.timings.get(stage.name, 0.0) + (
                time.perf_counter() - started
            )
        # The one place an undated document gets its dateline's date, so a corpus run,
        # a single file and the API give the same metadata.
        for doc in docs:
            fill_published_from_dateline(doc)
        return list(docs)
