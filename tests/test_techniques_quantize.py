"""Weight-only int8 (``training.quantize``): smaller file, same graph, float activations.

``onnx`` comes with the dev extra, so these run in CI without torch.
"""

from __future__ import annotations

import numpy as np
import pytest

onnx = pytest.importorskip("onnx")

from tiny_onnx import run_tiny as _run  # noqa: E402
from tiny_onnx import tiny_encoder  # noqa: E402


def _tiny_encoder(path) -> None:
    """Embedding rows of very different sizes (per-row scales) and one MatMul weight."""
    rng = np.random.default_rng(0)
    rows = np.linspace(0.1, 3, 100)[:, None]
    table = (rng.normal(size=(100, 64)) * rows).astype(np.float32)
    tiny_encoder(path, table, rng.normal(size=(64, 128)).astype(np.float32), bias=0.5)


def test_weight_only_int8_is_small_and_close(tmp_path):
    from presslens_training.techniques.quantize import quantize_weights

    src, dst = tmp_path / "fp32.onnx", tmp_path / "int8w.onnx"
    _tiny_encoder(src)
    counts = quantize_weights(src, dst)
    assert counts == {"matmul": 1, "embedding": 1}
    assert dst.stat().st_size < src.stat().st_size / 3
    kinds = {i.name: i.data_type for i in onnx.load(str(dst)).graph.initializer}
    assert kinds["weight_q"] == onnx.TensorProto.INT8 and "weight" not in kinds
    ids = np.array([[0, 5, 99, 42], [7, 7, 1, 2]], dtype=np.int64)
    want, got = _run(src, ids), _run(dst, ids)
    assert got.shape == want.shape
    # One scale per column / row: error within 2% of the largest output.
    assert np.abs(got - want).max() < 0.02 * np.abs(want).max()


def test_dynamic_graph_loses_its_activation_rounding(tmp_path):
    from onnxruntime.quantization import QuantType, quantize_dynamic

    from presslens_training.techniques.quantize import weights_only_from_dynamic

    src, dynamic, weights = (tmp_path / f"{n}.onnx" for n in ("fp32", "int8", "int8w"))
    _tiny_encoder(src)
    quantize_dynamic(str(src), str(dynamic), weight_type=QuantType.QInt8)
    assert weights_only_from_dynamic(dynamic, weights) == 1
    ops = {n.op_type for n in onnx.load(str(weights)).graph.node}
    assert "DynamicQuantizeLinear" not in ops and "MatMulInteger" not in ops
    ids = np.array([[0, 5, 99, 42], [7, 7, 1, 2]], dtype=np.int64)
    want = _run(src, ids)
    error_dynamic = np.abs(_run(dynamic, ids) - want).max()
    error_weights = np.abs(_run(weights, ids) - want).max()
    assert error_weights < error_dynamic  # same int8 weights, float activations


def test_weight_only_graph_gains_activation_rounding_back(tmp_path):
    """``dynamic_from_weights_only``: int8w -> integer MatMuls, the int8 weights kept."""
    from presslens_training.techniques.quantize import (
        dynamic_from_weights_only,
        quantize_weights,
    )

    src, weights, dynamic = (tmp_path / f"{n}.onnx" for n in ("fp32", "int8w", "int8"))
    _tiny_encoder(src)
    quantize_weights(src, weights)
    assert dynamic_from_weights_only(weights, dynamic) == 1
    ops = {n.op_type for n in onnx.load(str(dynamic)).graph.node}
    assert "MatMulInteger" in ops
    ids = np.array([[0, 5, 99, 42], [7, 7, 1, 2]], dtype=np.int64)
    want, got = _run(src, ids), _run(dynamic, ids)
    assert got.shape == want.shape
    assert np.abs(got - want).max() < 0.05 * np.abs(want).max()
