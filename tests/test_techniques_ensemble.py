"""Two taggers, one word-embedding table (``shared_embeddings``, ``model.Ensemble``).

Tiny ONNX graphs shaped like the exported encoders' embedding lookup (``tiny_onnx``),
so these run in CI without torch.
"""

from __future__ import annotations

import numpy as np
import pytest

onnx = pytest.importorskip("onnx")

from tiny_onnx import run_tiny, tiny_encoder  # noqa: E402

IDS = np.array([[0, 5, 99, 42], [7, 7, 1, 2]], dtype=np.int64)


def _encoder(path, table: np.ndarray, seed: int) -> None:
    weight = np.random.default_rng(seed).normal(size=(table.shape[1], 32)).astype(np.float32)
    tiny_encoder(path, table, weight, bias=0.1)


def _run(path) -> np.ndarray:
    return run_tiny(path, IDS)


@pytest.fixture(params=["dynamic", "per-row"])
def two_encoders(tmp_path, request):
    """An int8 first encoder (dynamic quantisation's one scale, or one scale per row, as
    ``presslens train techniques`` exports) and a weight-only int8 second one."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    from presslens_training.techniques.quantize import quantize_weights

    rng = np.random.default_rng(0)
    table = rng.normal(size=(100, 64)).astype(np.float32)
    drifted = table + rng.normal(scale=1e-3, size=table.shape).astype(np.float32)
    _encoder(tmp_path / "first.fp32.onnx", table, 1)
    _encoder(tmp_path / "second.fp32.onnx", drifted, 2)
    if request.param == "dynamic":
        quantize_dynamic(
            str(tmp_path / "first.fp32.onnx"),
            str(tmp_path / "first.onnx"),
            weight_type=QuantType.QInt8,
            op_types_to_quantize=["Gather", "MatMul"],
        )
    else:
        quantize_weights(tmp_path / "first.fp32.onnx", tmp_path / "first.onnx", min_elements=1)
    quantize_weights(tmp_path / "second.fp32.onnx", tmp_path / "second.onnx", min_elements=1)
    return tmp_path


def test_shared_table_is_stored_once_and_read_by_both(two_encoders):
    from presslens_training.techniques.shared_embeddings import TABLE, read_table, share_table

    d = two_encoders
    first_before, second_before = _run(d / "first.onnx"), _run(d / "second.onnx")
    sizes = {n: (d / f"{n}.onnx").stat().st_size for n in ("first", "second")}
    table = read_table(d / "first.onnx")
    assert share_table(d / "first.onnx", [d / "second.onnx"], d) == table.size
    assert (d / TABLE).stat().st_size == table.size  # one byte per weight, written once
    for name in ("first", "second"):
        assert (d / f"{name}.onnx").stat().st_size < sizes[name] - table.size // 2
    # The first encoder computes exactly what it did; the second now reads its table.
    np.testing.assert_array_equal(_run(d / "first.onnx"), first_before)
    np.testing.assert_array_equal(read_table(d / "second.onnx"), table)
    assert (
        np.abs(_run(d / "second.onnx") - second_before).max() < 0.05 * np.abs(second_before).max()
    )
    # Sharing again changes nothing.
    share_table(d / "first.onnx", [d / "second.onnx"], d)
    np.testing.assert_array_equal(_run(d / "first.onnx"), first_before)


def test_table_must_be_int8(two_encoders):
    from presslens_training.techniques.shared_embeddings import read_table

    with pytest.raises(ValueError, match="int8 table"):
        read_table(two_encoders / "first.fp32.onnx")


def test_ensemble_weights_probabilities_and_keeps_first_states():
    from presslens.errors import ModelError
    from presslens.techniques.model import Ensemble

    hidden = np.ones((1, 3, 4), np.float32)

    def one(ids, mask):
        return np.full(ids.shape, 0.2, np.float32), hidden

    def two(ids, mask):
        return np.full(ids.shape, 0.8, np.float32), hidden * 5

    ids = np.zeros((1, 3), np.int64)
    prob, states = Ensemble([one, two], [0.75, 0.25])(ids, ids)
    np.testing.assert_allclose(prob, 0.35, rtol=1e-6)
    assert states is hidden
    with pytest.raises(ModelError):
        Ensemble([one, two], [1.0])
