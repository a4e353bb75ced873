"""The stage protocol and the pipeline that orders stages."""

from __future__ import annotations

import pytest

from presslens import stages as registry
from presslens.document import Document, LayerExistsError
from presslens.pipeline import Pipeline, PipelineError, order_stages
from presslens.settings import Settings


class Recorder:
    def __init__(self, name: str, needs: tuple[str, ...] = (), log: list[str] | None = None):
        self.name = name
        self.adds = name
        self.needs = needs
        self.log = log if log is not None else []

    def run(self, doc: Document) -> str:
        for need in self.needs:
            assert doc.has(need), f"{self.name} ran before {need}"
        self.log.append(self.name)
        return f"{self.name}-value"


def test_stages_are_ordered_by_needs_whatever_the_given_order():
    log: list[str] = []
    c = Recorder("c", ("a", "b"), log)
    b = Recorder("b", ("a",), log)
    a = Recorder("a", (), log)
    pipeline = Pipeline([c, b, a])
    assert pipeline.stage_names == ["a", "b", "c"]
    doc = pipeline(Document("text"))
    assert log == ["a", "b", "c"]
    assert doc.layer("c") == "c-value"


def test_a_cycle_is_reported():
    with pytest.raises(PipelineError, match="cycle"):
        order_stages([Recorder("x", ("y",)), Recorder("y", ("x",))])


def test_missing_need_is_a_clear_error():
    with pytest.raises(PipelineError, match="needs layers"):
        Pipeline([Recorder("b", ("a",))])(Document("text"))


def test_a_subset_runs_over_layers_already_present():
    doc = Document("text")
    doc.add_layer("a", "given")
    Pipeline([Recorder("b", ("a",))])(doc)
    assert doc.layer("a") == "given"
    assert doc.layer("b") == "b-value"


def test_layers_are_never_replaced():
    doc = Document("text")
    doc.add_layer("a", 1)
    with pytest.raises(LayerExistsError):
        doc.add_layer("a", 2)


def test_registered_stages_are_built_with_their_needs():
    log: list[str] = []
    registry.register("t_base", lambda s: Recorder("t_base", (), log))
    registry.register("t_top", lambda s: Recorder("t_top", ("t_base",), log))
    pipeline = Pipeline.from_names(["t_top"], Settings())
    assert pipeline.stage_names == ["t_base", "t_top"]


def test_unknown_stage_names_the_available_ones():
    with pytest.raises(KeyError, match="available"):
        Pipeline.from_names(["no-such-stage"], Settings())


def test_document_id_is_sha256_of_text():
    import hashlib

    assert Document("abc").id == hashlib.sha256(b"abc").hexdigest()


def test_pipe_gives_what_one_call_per_document_gives(seed_text):
    from presslens.analysis import Analysis

    texts = [seed_text, "MOSCOW, June 20. /TASS/. The agency said so.", "", "Один текст."]
    names = ["anatomy", "language", "syntax", "entities", "quotes", "sourcing"]
    single = Pipeline.from_names(names)
    batched = Pipeline.from_names(names)
    one_by_one = [Analysis(single(Document(t)), tuple(single.stage_names)).to_dict() for t in texts]
    together = [
        Analysis(d, tuple(batched.stage_names)).to_dict()
        for d in batched.pipe((Document(t) for t in texts), batch_size=3)
    ]
    assert together == one_by_one
    assert set(batched.timings) == set(batched.stage_names)
