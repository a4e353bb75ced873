"""Multi-task fine-tuning of the one-pass tagger's encoder (issue #15).

The shipped one-pass model names spans with a span head over the tagger's frozen
states; the three-encoder model's better TC came from an encoder fine-tuned for span
classification. This continues the shipped tagger's encoder with both heads on it:
the propaganda tagging head (plus its auxiliary per-token technique head) and the
span classifier head (pooled states over each gold span of ``fit``), joint loss
(:func:`.train.train` with ``task="both"``), names masked as in training.

The shipped encoder exists only as an int8 ONNX graph (the fp32 export was not kept),
so :func:`recover_state` reads its weights back, dequantised (int8 value x scale), into a
:class:`.net.TechniqueNet` state dict. :func:`refit` then exports the new encoder as
the shipped one is (int8 weights, then int8 activations), refits the span head on the
new states and scores the folder with the same ``k``-fold cross-validation, the shipped
model on the same folds.
"""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger("presslens.train.techniques")


def _dequantised(inits: dict, q: str, scale: str, zero: str | None) -> np.ndarray:
    from onnx import numpy_helper

    value = numpy_helper.to_array(inits[q]).astype(np.float32)
    s = numpy_helper.to_array(inits[scale]).astype(np.float32)
    z = numpy_helper.to_array(inits[zero]).astype(np.float32) if zero else np.float32(0)
    return (value - z) * s


def recover_state(onnx_path: Path) -> dict[str, np.ndarray]:
    """Float weights of an exported int8 tagger, keyed as :class:`.net.TechniqueNet`'s
    state dict (``encoder.*``, ``prop.*``). Works on ``int8`` (dynamic) and ``int8w``
    graphs: int8 weights come back as int8 value x scale (the exact values the int8w
    graph computes with)."""
    import onnx
    from onnx import numpy_helper

    from presslens_training.techniques.quantize import consumers_of, weights_only_from_dynamic

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "int8w.onnx"
        model = onnx.load(str(onnx_path))
        if any(n.op_type == "MatMulInteger" for n in model.graph.node):
            weights_only_from_dynamic(onnx_path, path)
            model = onnx.load(str(path))
    graph = model.graph
    inits = {i.name: i for i in graph.initializer}
    consumers = consumers_of(graph)
    state: dict[str, np.ndarray] = {}
    for name, init in inits.items():
        floating = init.data_type == onnx.TensorProto.FLOAT
        if floating and name.startswith("net.") and name.endswith(("bias", "LayerNorm.weight")):
            state[name.removeprefix("net.")] = numpy_helper.to_array(init).astype(np.float32)
    for node in graph.node:
        if node.op_type != "DequantizeLinear" or node.input[0] not in inits:
            continue
        zero = node.input[2] if len(node.input) > 2 else None
        value = _dequantised(inits, node.input[0], node.input[1], zero)
        uses = consumers.get(node.output[0], [])
        if uses and all(u.op_type == "Gather" for u in uses):  # an embedding table
            key = node.input[0]
            if key.startswith("shared.") or "word_embeddings" in key:
                state["encoder.embeddings.word_embeddings.weight"] = value
            else:
                state[key.removeprefix("net.").removesuffix("_quantized")] = value
            continue
        matmul = next(u for u in uses if u.op_type == "MatMul")
        add = next(u for u in consumers[matmul.output[0]] if u.op_type == "Add")
        bias = next(i for i in add.input if i in inits)
        state[bias.removeprefix("net.").removesuffix("bias") + "weight"] = value.T.copy()
    # Embedding tables stored int8, gathered first and dequantised after the Gather.
    for name in inits:  # one scale per row (:func:`.quantize.quantize_weights`)
        if name.startswith("net.") and name.endswith("weight_q"):
            base = name.removesuffix("_q")
            rows = numpy_helper.to_array(inits[name]).astype(np.float32)
            if base + "_scale" in inits:
                scale = numpy_helper.to_array(inits[base + "_scale"]).astype(np.float32)
            else:  # the scales themselves rounded to 8 bits by ``quantize_dynamic``
                q = base + "_scale"
                scale = _dequantised(inits, q + "_quantized", q + "_scale", q + "_zero_point")
            state[base.removeprefix("net.")] = rows * scale.reshape(-1, 1)
    if "shared.word_embeddings" in inits:  # the shared table (:mod:`.shared_embeddings`)
        state["encoder.embeddings.word_embeddings.weight"] = _dequantised(
            inits,
            "shared.word_embeddings",
            "shared.word_embeddings.scale",
            "shared.word_embeddings.zero",
        )
    for name in inits:
        if name.endswith("weight_quantized") and name.startswith("net."):
            key = name.removeprefix("net.").removesuffix("_quantized")
            if key not in state:
                base = name.removesuffix("_quantized")
                state[key] = _dequantised(inits, name, base + "_scale", base + "_zero_point")
    return state


def init_checkpoint(model_dir: Path, out: Path) -> Path:
    """``out/init.pt``: the shipped tagger's recovered weights plus its per-token
    technique head (``heads.npz``), the start of :func:`train_multitask`."""
    import torch

    config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    tagger = model_dir / config["onnx"][config["default"]]["tagger"]
    state = {k: torch.from_numpy(v) for k, v in recover_state(tagger).items()}
    with np.load(model_dir / config["heads"]) as heads:
        if "tag_tech_w" in heads.files:
            state["tech.weight"] = torch.from_numpy(heads["tag_tech_w"].astype(np.float32))
            state["tech.bias"] = torch.from_numpy(heads["tag_tech_b"].astype(np.float32))
    out.mkdir(parents=True, exist_ok=True)
    path = out / "init.pt"
    torch.save({"state": state, "summary": {"recovered_from": str(tagger)}}, path)
    return path


def check_recovery(model_dir: Path, init: Path, n: int = 2) -> float:
    """Largest gap between the recovered torch net's propaganda probabilities and the
    int8w graph's (float activations, so they should agree to float rounding)."""
    import onnxruntime as ort
    import torch

    from presslens_training.techniques.net import TechniqueNet, load_encoder
    from presslens_training.techniques.quantize import weights_only_from_dynamic
    from presslens_training.techniques.train import default_encoder

    config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    tagger = model_dir / config["onnx"][config["default"]]["tagger"]
    net = TechniqueNet(load_encoder(default_encoder()))
    missing, unexpected = net.load_state_dict(torch.load(init)["state"], strict=False)
    missing = [m for m in missing if not m.startswith("span.") and "position_ids" not in m]
    if missing or unexpected:
        raise RuntimeError(f"recovery: missing {missing[:5]}, unexpected {unexpected[:5]}")
    net.eval()
    rng = np.random.default_rng(0)
    ids = rng.integers(1000, 30000, size=(n, 64)).astype(np.int64)
    ids[:, 0] = 101
    mask = np.ones_like(ids)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "w.onnx"
        weights_only_from_dynamic(tagger, path)
        options = ort.SessionOptions()  # float MatMuls: no integer kernel fused in
        options.add_session_config_entry("session.disable_quant_qdq", "1")
        session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        feeds = {i.name: x for i, x in zip(session.get_inputs(), (ids, mask), strict=True)}
        ref = session.run(None, feeds)[0]
    with torch.no_grad():
        h = net.hidden(torch.from_numpy(ids), torch.from_numpy(mask))
        prob = torch.sigmoid(net.prop(h).squeeze(-1)).numpy()
    return float(np.abs(prob - ref).max())


def train_multitask(
    model_dir: Path,
    out: Path,
    *,
    epochs: int = 1,
    seed: int = 13,
    lr_encoder: float = 2e-5,
    batch_size: int = 32,
    init: Path | None = None,
) -> dict[str, Any]:
    """Continue the shipped tagger's encoder with tagging + span-classification heads
    (:func:`.train.train`, ``task="both"``); the best epoch on ``tune`` (SI + TC) is
    ``out/checkpoint.pt``. ``init``: an earlier run's checkpoint to continue instead."""
    from presslens_training.techniques.train import train

    gap = 0.0
    if init is not None:  # its state alone (``train`` loads weights only)
        import torch

        state = torch.load(init, map_location="cpu", weights_only=False)["state"]
        out.mkdir(parents=True, exist_ok=True)
        init = out / "init.pt"
        torch.save({"state": state}, init)
    else:
        init = init_checkpoint(model_dir, out)
        gap = check_recovery(model_dir, init)
        log.info("recovered weights: largest probability gap to the int8w graph %.2e", gap)
        if gap > 1e-4:
            raise RuntimeError(f"recovered weights differ from the graph (gap {gap:.3g})")
    summary = train(
        out,
        epochs=epochs,
        seed=seed,
        task="both",
        init=init,
        lr_encoder=lr_encoder,
        batch_size=batch_size,
    )
    summary["recovery_gap"] = gap
    return summary


def refit(checkpoint: Path, shipped: Path, out: Path, k: int = 5) -> list:
    """``out``: ``shipped`` with its tagger replaced by ``checkpoint``'s encoder (int8
    weights one scale per column, then int8 activations, as shipped), the span head
    refitted on the new states (strength by ``k``-fold CV), the lexical mix and decoding
    knobs tuned on the held-out articles; returns the cross-validation rows of the new
    folder and of ``shipped`` as it is, on the same folds."""
    import dataclasses

    from presslens.techniques.labels import TECHNIQUES
    from presslens.techniques.model import N_FEATURES, load_predictor
    from presslens_training.techniques import cv
    from presslens_training.techniques.export import export_onnx, load_checkpoint
    from presslens_training.techniques.quantize import dynamic_from_weights_only, quantize_weights
    from presslens_training.techniques.span_head import add_span_head

    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(shipped, out)
    net, _ = load_checkpoint(checkpoint)
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "tagger.fp32.onnx"
        int8w = Path(tmp) / "tagger.int8w.onnx"
        export_onnx(net, fp32)
        quantize_weights(fp32, int8w)
        dynamic_from_weights_only(int8w, out / "tagger.int8.onnx")
    config_path = out / "config.json"
    config = json.loads(config_path.read_text(encoding="utf-8"))
    heads_path = out / config["heads"]
    heads = {
        "tag_tech_w": net.tech.weight.detach().numpy().astype(np.float32),
        "tag_tech_b": net.tech.bias.detach().numpy().astype(np.float32),
    }
    np.savez(heads_path, **heads)
    states = load_predictor(out, threads=2)
    width = 4 * states.tech_w.shape[1] + N_FEATURES
    states.pool_w = np.zeros((len(TECHNIQUES), width), np.float32)  # keep the states
    states.pool_b = np.zeros(len(TECHNIQUES), np.float32)
    add_span_head(out, states, k)
    config = json.loads(config_path.read_text(encoding="utf-8"))
    predictor = load_predictor(out, threads=2)
    articles = cv.heldout_articles()
    outputs = cv.collect(predictor, articles)
    system = "multi-task encoder, one pass, span head, int8"
    results = cv.cross_validate(
        predictor,
        outputs,
        k,
        {
            f"{system}, knobs tuned per fold, + designations": ("designations",),
            f"{system}, knobs tuned per fold, model alone": (),
        },
    )
    before = load_predictor(shipped, threads=2)
    joint, tc = cv.fixed_predictions(before, articles)
    results.append(cv.fixed_result("shipped model as it is, + designations", outputs, joint, tc, k))
    knobs, tuned = cv.tune(predictor, outputs)
    params = dataclasses.asdict(knobs.params)
    config["decode"] = {**params, **{f"heldout_{key}_f1": value for key, value in tuned.items()}}
    config["lexical"].update(tag_mode="linear", tag_mix=knobs.tag_mix, tc_mix=knobs.tc_mix)
    config["cv"] = {
        "folds": k,
        "fold_seed": cv.FOLD_SEED,
        "articles": "+".join(cv.HELDOUT),
        "results": [r.to_dict() for r in results],
    }
    config_path.write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
    return results


def main(argv: list[str] | None = None) -> None:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m presslens_training.techniques.multitask")
    parser.add_argument("step", choices=("check", "train", "refit"))
    parser.add_argument("--model", type=Path, required=True, help="the shipped model folder")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--lr-encoder", type=float, default=2e-5)
    parser.add_argument("--checkpoint", type=Path, help="refit: the checkpoint to export")
    parser.add_argument("--init", type=Path, help="train: continue this checkpoint")
    parser.add_argument("--cv", type=int, default=5)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    if args.step == "check":
        init = init_checkpoint(args.model, args.out)
        print(json.dumps({"gap": check_recovery(args.model, init)}))
    elif args.step == "train":
        summary = train_multitask(
            args.model,
            args.out,
            epochs=args.epochs,
            seed=args.seed,
            lr_encoder=args.lr_encoder,
            init=args.init,
        )
        print(json.dumps({k: summary[k] for k in ("best_epoch", "train_seconds")}))
    else:
        checkpoint = args.checkpoint or args.out / "checkpoint.pt"
        for r in refit(checkpoint, args.model, args.out / "model", args.cv):
            print(json.dumps(r.to_dict()))


if __name__ == "__main__":
    main()
