"""MODEL_CARD.md for an exported techniques model: data, command, split, metrics, hashes."""

from __future__ import annotations

import json
import platform
from collections.abc import Sequence
from pathlib import Path

from presslens.eval.techniques import INTERVAL_WORDS
from presslens.techniques.model import tagger_files
from presslens_training.files import sha256


def file_hashes(directory: Path) -> dict[str, tuple[int, str]]:
    """``name -> (bytes, sha256)`` of the model files the card lists (all but the card)."""
    return {
        p.name: (p.stat().st_size, sha256(p))
        for p in sorted(directory.iterdir())
        if p.is_file() and p.name != "MODEL_CARD.md"
    }


def _row(name: str, prf: dict[str, float], interval: Sequence[float] | None = None) -> str:
    low, high = interval if interval else (prf["f1"], prf["f1"])
    return (
        f"| {name} | {prf['precision']:.3f} | {prf['recall']:.3f} | {prf['f1']:.3f} | "
        f"{low:.3f}-{high:.3f} |"
    )


def _lexical_lines(config: dict) -> list[str]:
    lexical = config.get("lexical")
    if not lexical:
        return []
    info = lexical["trained"]
    return [
        f"- lexical models (`{lexical['file']}`, numpy, float16): token model "
        f"2^{info['token_bits']} hashed buckets (L2 {info['token_l2']}, {info['words']} fit "
        f"words), span model 2^{info['span_bits']} x 14 (L2 {info['span_l2']}, "
        f"{info['spans']} fit spans), {info['steps']} full-batch Adam steps, seed "
        f"{info['seed']} (deterministic: zero init, no sampling), {info['seconds']} s on CPU.",
        f"- mix ({'cross-validated' if config.get('cv') else 'tuned on tune'}): token "
        f"probabilities {_token_mix(lexical)}; technique probabilities = normalised "
        f"{_technique_source(config)}^{1 - lexical['tc_mix']:.2g}"
        f" x lexical^{lexical['tc_mix']:.2g}"
        + ("." if config.get("cv") else f" (tune TC {info['tune_tc_f1']})."),
    ]


def _technique_source(config: dict) -> str:
    if config.get("span_head"):
        return "span head"
    return "technique head" if config.get("cv") else "classifier"


def _tech_head_lines(config: dict) -> list[str]:
    head = config.get("tech_head")
    if not head:
        return []
    return [
        f"- tagger technique head: 14 logistic regressions on {head['fitted_on']} of "
        f"{head['wordpieces']} propaganda wordpieces of fit (L2 {head['l2']}, {head['steps']} "
        f"full-batch Adam steps, numpy), {head['seconds']} s on CPU "
        "(`presslens_training.techniques.tech_head`)."
    ]


def _span_head_lines(config: dict) -> list[str]:
    head = config.get("span_head")
    if not head:
        return []
    table = "; ".join(
        f"C {row['strength']}: TC {row['mean']:.3f} ± {row['sd']:.3f}"
        for row in head["cv"]["table"]
    )
    return [
        f"- span head (names each span's technique): {head['model']} over {head['input']}, "
        f"fitted on {head['rows']} {head['fitted_on']} (one row per span and label), the "
        f"tagger frozen; L2 strength C {head['strength']} chosen by {head['cv']['folds']}-fold "
        f"cross-validation over {head['cv']['articles']} (TC on gold spans, lexical mix chosen "
        f"on the other folds: {table}); {head['seconds']} s on CPU "
        "(`presslens_training.techniques.span_head`).",
    ]


def _ensemble_lines(config: dict, train: dict) -> list[str]:
    second, ensemble = train.get("tagger2"), config.get("ensemble")
    if not second or not ensemble:
        return []
    w1, w2 = ensemble["weights"]
    return [
        f"- second tagger: {second['epochs']} epochs, best epoch {second['best_epoch']} on "
        f"tune, seed {second['seed']}, batch {second['batch_size']}, lr encoder "
        f"{second['lr_encoder']}, device {second['device']}, torch {second['torch']}, word "
        f"embeddings frozen at the first tagger's int8 table, {second['train_seconds']} s "
        "(`presslens_training.techniques.ensemble`).",
        *_self_training_lines(second.get("self_training")),
        f"- ensemble (weight tuned on tune): propaganda probability = {w1:.2g} x tagger + "
        f"{w2:.2g} x second tagger (tune SI {ensemble.get('tune_si_f1')} before the lexical "
        "mix and knobs were retuned); the tagger's states feed the technique head. All "
        "encoders read one int8 word-embedding table (`word_embeddings.bin`, "
        "`presslens_training.techniques.shared_embeddings`).",
    ]


def _self_training_lines(source: dict | None) -> list[str]:
    if not source:
        return []
    return [
        f"- self-training: besides the gold fit windows, the second tagger learned from "
        f"{len(source['articles'])} unlabelled news articles ({source['windows']} windows "
        f"from `{_data_relative(source['folder'])}`; their names are in `train.json`, their "
        f"texts are not shipped), with soft targets from {source['teacher']}: its "
        "per-wordpiece propaganda probabilities and its technique head's outputs "
        "(`presslens_training.techniques.self_training`)."
    ]


def _data_relative(folder: str) -> str:
    """``folder`` as ``../shared/data/...`` when it lies in the corpus folder (no local paths)."""
    from presslens.corpora import data_root

    root = data_root(required=False)
    if root is not None and Path(folder).resolve().is_relative_to(root.resolve()):
        return "../shared/data/" + Path(folder).resolve().relative_to(root.resolve()).as_posix()
    return folder


def _token_mix(lexical: dict) -> str:
    mix = lexical["tag_mix"]
    if lexical.get("tag_mode") == "logodds":
        return (
            f"= sigmoid(logit(tagger) + {mix:.2g} x (logit(lexical) - logit(prior "
            f"{lexical.get('tag_prior', 0.124)})))"
        )
    return f"= {1 - mix:.2g} x tagger + {mix:.2g} x lexical"


def _encoder_words(config: dict) -> str:
    files = config["onnx"][config["default"]]
    taggers = tagger_files(files)
    if "classifier" not in files and config.get("span_head"):
        return (
            "one token tagger, whose states pooled over each span name its technique: "
            "one encoder pass"
        )
    if "classifier" not in files:
        return "one token tagger, whose technique head also names the spans: one encoder pass"
    if len(taggers) > 1:
        return f"{len(taggers)} token taggers, ensembled, and a span classifier"
    return "a token tagger and a span classifier"


def _variant_words(config: dict) -> str:
    if config["default"] == "int8w":
        return (
            "default `int8w`: int8 weights, activations in float; "
            "`int8` also rounds activations (onnxruntime dynamic quantisation)"
        )
    if config["default"] == "int8":
        return (
            "default `int8`: int8 weights and activations, onnxruntime dynamic quantisation, "
            "one scale per tensor"
        )
    return f"default `{config['default']}`"


def existing_notes(model_dir: Path) -> str:
    """The ``## Notes`` section of the card in ``model_dir`` (empty if none)."""
    path = model_dir / "MODEL_CARD.md"
    if not path.is_file():
        return ""
    text = path.read_text(encoding="utf-8")
    marker = "\n## Notes\n\n"
    return text.split(marker, 1)[1].rstrip("\n") if marker in text else ""


def _cv_lines(config: dict) -> list[str]:
    """The cross-validation table of ``config["cv"]`` (written by ``--one-pass``)."""
    cv = config.get("cv")
    if not cv:
        return []
    results = cv["results"]
    k = cv["folds"]
    lines = [
        "",
        f"## Cross-validation ({k} folds by article over {cv['articles']}, the articles the "
        "encoder never trained on)",
        "",
        f"`presslens eval techniques --cv {k}` (fold seed {cv['fold_seed']}). Per fold: F1; "
        "last column: mean ± standard deviation over folds. 'tuned per fold': knobs tuned "
        "on the other folds, scored on the fold.",
        "",
        "| system | score | " + " | ".join(f"fold {i + 1}" for i in range(k)) + " | mean ± sd |",
        "|---|---|" + "---|" * (k + 1),
    ]
    names = {"si": "SI", "tc": "TC micro", "joint": "joint"}
    for result in results:
        for score, name in names.items():
            folds = " | ".join(f"{fold[score]:.3f}" for fold in result["folds"])
            lines.append(
                f"| {result['name'] if score == 'si' else ''} | {name} | {folds} | "
                f"{result['mean'][score]:.3f} ± {result['sd'][score]:.3f} |"
            )
    return lines


def write_card(
    model_dir: Path,
    reports: dict[str, dict],
    command: str,
    notes: str = "",
    cv: list[dict] | None = None,
) -> Path:
    """Write ``MODEL_CARD.md`` from ``train.json``, ``config.json`` and eval ``reports``.

    ``reports`` maps a variant name to ``TechniquesReport.to_dict()`` (what
    ``presslens eval techniques --json`` prints); the cross-validation table comes from
    ``config.json``'s ``cv`` entry (``cv`` overrides its results).
    """
    config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    if cv is not None and config.get("cv"):
        config["cv"] = {**config["cv"], "results": cv}
    one_pass = "classifier" not in config["onnx"][config["default"]]
    train = json.loads((model_dir / "train.json").read_text(encoding="utf-8"))
    tagger, classifier = train["tagger"], train["classifier"]
    n_split = {k: len(v) for k, v in tagger["split"].items()}
    lines = [
        "# presslens techniques model",
        "",
        "Persuasion-technique span detection and classification (PTC labels, SemEval-2020",
        "Task 11) for `presslens.techniques`. all-MiniLM-L6-v2 encoders fine-tuned on PTC",
        f"train articles ({_encoder_words(config)}), exported to ONNX",
        f"(opset {config['opset']}) with int8 weights ({_variant_words(config)}), mixed with two",
        "hashed-feature logistic regressions (`lexical.npz`: a token model and a span model,",
        "`presslens.techniques.lexical`). Inference needs onnxruntime, tokenizers and numpy",
        "only. Training texts are not shipped.",
        "",
        "## Reproduce",
        "```",
        command,
        "presslens eval techniques --split val",
        "presslens eval techniques --split val --variant fp32 --model DIR  # fp32 kept by train",
        "```",
        "",
        "## Data and split",
        "- PTC v2 train (371 articles, 6,129 technique spans), from `../shared/data/ptc`",
        "  (research use; see its SOURCE.md). The organisers' dev gold is withheld.",
        f"- Split by article, seeded shuffle of sorted ids (seed {tagger['split_seed']}):",
        f"  fit {n_split['fit']} articles (trained on), tune {n_split['tune']} (epoch choice "
        f"and decoding knobs), val {n_split['val']} (never trained or tuned on; reported below).",
        f"- val article ids: {' '.join(tagger['split']['val'])}",
        f"- tune article ids: {' '.join(tagger['split']['tune'])}",
        "- Names are masked before the encoder (capitalised non-function words -> [MASK],",
        "  `presslens.techniques.masking`) in training and inference, so labels do not depend",
        "  on which country, city or person a text names.",
        "",
        "## Training",
        f"- tagger: {tagger['epochs']} epochs, best epoch {tagger['best_epoch']} on tune, "
        f"seed {tagger['seed']}, batch {tagger['batch_size']}, lr encoder "
        f"{tagger['lr_encoder']} / heads {tagger['lr_heads']}, device {tagger['device']}, "
        f"torch {tagger['torch']}, windows of {tagger.get('max_len', 128)} wordpieces, "
        f"{tagger['train_seconds']} s.",
        (
            "- span classifier (trained with the tagger, no longer shipped): "
            if one_pass
            else "- span classifier: "
        )
        + f"{classifier['epochs']} epochs, best epoch "
        f"{classifier['best_epoch']} on tune, seed {classifier['seed']}, device "
        f"{classifier['device']}, {classifier['train_seconds']} s"
        + (
            f" (reused as it was from {classifier['reused_from']}, not retrained in this run)."
            if classifier.get("reused_from")
            else "."
        ),
        *([] if one_pass else _ensemble_lines(config, train)),
        *_lexical_lines(config),
        *_tech_head_lines(config),
        *_span_head_lines(config),
        (
            f"- decoding (tuned on all {config['cv']['articles']} articles, the procedure "
            "cross-validated below): "
            if config.get("cv")
            else f"- decoding (tuned on tune with the {config['default']} model): "
        )
        + f"`{json.dumps(config['decode'])}`",
        *_cv_lines(config),
        "",
        "## Metrics (val split)" + (", a check read once" if config.get("cv") else ""),
    ]
    for variant, report in reports.items():
        intervals = report.get("intervals") or {}
        lines += [
            "",
            f"### {variant} ({report['articles']} articles, {report['gold_spans']} gold spans, "
            f"{report['predicted_spans']} predicted, {report['seconds']} s)",
            "| score | P | R | F1 | F1 interval |",
            "|---|---|---|---|---|",
            _row("SI span identification", report["si"], intervals.get("si")),
            _row("TC micro-F1 on gold spans", report["tc_micro"], intervals.get("tc_micro")),
            _row("joint span + technique", report["joint"], intervals.get("joint")),
            "",
            f"F1 interval: {INTERVAL_WORDS}.",
        ]
    for variant, report in list(reports.items())[:1]:
        lines += [
            "",
            f"Per technique ({variant}): TC on gold spans, and joint F1.",
            "",
            "| technique | gold | TC P | TC R | TC F1 | joint F1 |",
            "|---|---|---|---|---|---|",
        ]
        per = report["tc_per_technique"]
        for name, prf in sorted(per.items(), key=lambda kv: -kv[1]["support"]):
            joint = report["joint_per_technique"].get(name, {"f1": 0.0})
            lines.append(
                f"| {name} | {prf['support']} | {prf['precision']:.3f} | {prf['recall']:.3f} | "
                f"{prf['f1']:.3f} | {joint['f1']:.3f} |"
            )
    lines += ["", "## Files", "", "| file | bytes | sha256 |", "|---|---|---|"]
    for name, (size, digest) in file_hashes(model_dir).items():
        lines.append(f"| {name} | {size} | `{digest}` |")
    lines += ["", f"Card written on {platform.machine()} / Python {platform.python_version()}."]
    if notes:
        lines += ["", "## Notes", "", notes]
    path = model_dir / "MODEL_CARD.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
