"""Multi-task tooling (``presslens_training.techniques.multitask``): an int8 tagger's
weights read back into torch give the int8w graph's outputs (needs torch)."""

from __future__ import annotations

import numpy as np
import pytest


def test_recovered_weights_match_the_int8_graph(tmp_path):
    torch = pytest.importorskip("torch")
    pytest.importorskip("transformers")
    ort = pytest.importorskip("onnxruntime")
    from transformers import BertConfig, BertModel

    from presslens_training.techniques.export import export_onnx
    from presslens_training.techniques.multitask import recover_state
    from presslens_training.techniques.net import TechniqueNet
    from presslens_training.techniques.quantize import (
        dynamic_from_weights_only,
        quantize_weights,
        weights_only_from_dynamic,
    )

    torch.manual_seed(0)
    config = BertConfig(
        vocab_size=4000,
        hidden_size=64,
        num_hidden_layers=2,
        num_attention_heads=4,
        intermediate_size=128,
        max_position_embeddings=64,
    )
    config._attn_implementation = "eager"
    net = TechniqueNet(BertModel(config, add_pooling_layer=False)).eval()
    with torch.no_grad():  # no two equal tensors (the exporter would share them)
        for param in net.parameters():
            param.add_(0.05 * torch.randn_like(param))
    fp32, int8w, int8 = (tmp_path / f"{n}.onnx" for n in ("fp32", "int8w", "int8"))
    export_onnx(net, fp32)
    quantize_weights(fp32, int8w)
    dynamic_from_weights_only(int8w, int8)  # as the shipped tagger.int8.onnx is made

    state = recover_state(int8)
    fresh = TechniqueNet(BertModel(config, add_pooling_layer=False)).eval()
    missing, unexpected = fresh.load_state_dict(
        {k: torch.from_numpy(v) for k, v in state.items()}, strict=False
    )
    assert not unexpected
    assert not [m for m in missing if not m.startswith(("span.", "tech.")) and "position" not in m]
    for key, value in state.items():  # int8 value x scale: close to the float weights
        want = net.state_dict()[key].numpy()
        assert value.shape == want.shape, key
        assert np.abs(value - want).max() <= 0.02 * np.abs(want).max() + 1e-6, key

    weights_only_from_dynamic(int8, tmp_path / "back.onnx")
    options = ort.SessionOptions()
    options.add_session_config_entry("session.disable_quant_qdq", "1")
    session = ort.InferenceSession(str(tmp_path / "back.onnx"), options)
    ids = np.array([[101, 5, 2999, 42, 7, 102], [101, 9, 9, 1, 2, 102]], dtype=np.int64)
    mask = np.ones_like(ids)
    _, hidden = session.run(None, {"input_ids": ids, "attention_mask": mask})
    with torch.no_grad():
        h = fresh.hidden(torch.from_numpy(ids), torch.from_numpy(mask)).numpy()
    assert np.abs(h - hidden).max() < 1e-4
