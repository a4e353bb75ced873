"""A tiny ONNX graph shaped like the exported encoders' start, for tests without torch.

``input_ids -> Gather(word_embeddings) -> Add(bias) -> MatMul(weight) -> out``: the two
weight kinds the quantisers rewrite, and the word-embedding lookup (a ``Gather`` on
``input_ids`` ending in an ``Add``) that ``shared_embeddings`` replaces.
"""

from __future__ import annotations

import numpy as np


def tiny_encoder(path, table: np.ndarray, weight: np.ndarray, bias: float) -> None:
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    graph = helper.make_graph(
        [
            helper.make_node("Gather", ["word_embeddings", "input_ids"], ["words"]),
            helper.make_node("Add", ["words", "bias"], ["embedded"]),
            helper.make_node("MatMul", ["embedded", "weight"], ["out"]),
        ],
        "tiny",
        [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["b", "t"])],
        [helper.make_tensor_value_info("out", TensorProto.FLOAT, ["b", "t", weight.shape[1]])],
        [
            numpy_helper.from_array(table, "word_embeddings"),
            numpy_helper.from_array(weight, "weight"),
            numpy_helper.from_array(np.full(table.shape[1], bias, np.float32), "bias"),
        ],
    )
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), str(path))


def run_tiny(path, ids: np.ndarray) -> np.ndarray:
    import onnxruntime as ort

    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    return session.run(["out"], {"input_ids": ids})[0]
