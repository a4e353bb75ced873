"""The techniques stage: quote linking, Repetition from the document, seed and swaps.

Tests that need the shipped model skip when its files are missing; none needs torch.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter

import pytest

from presslens import stages
from presslens.document import Anatomy, Document, Quote, Repetition
from presslens.settings import get_settings
from presslens.stages.techniques import (
    REPETITION,
    TechniquesStage,
    combine,
    layout_copies,
    quote_of,
    sentences_of,
)
from presslens.techniques.model import SHIPPED
from swapping import SEED_SWAP, swapper

HAVE_MODEL = (SHIPPED / "config.json").is_file() and any(SHIPPED.glob("*.onnx"))
needs_model = pytest.mark.skipif(not HAVE_MODEL, reason="techniques model files not present")


def test_stage_declares_its_layers():
    stage = TechniquesStage(get_settings())
    assert (stage.name, stage.adds) == ("techniques", "techniques")
    assert stage.needs == (
        "anatomy",
        "repetitions",
        "quotes",
        "uncredited_quotes",
        "language",
        "manipulation",
    )


def test_quote_of_picks_the_innermost_containing_quote():
    quotes = [
        Quote("q1", "direct", (10, 100), None, None),
        Quote("q2", "direct", (20, 60), None, None),
    ]
    assert quote_of((25, 40), quotes) == "q2"
    assert quote_of((15, 70), quotes) == "q1"
    assert quote_of((5, 30), quotes) is None


def test_repeated_passages_are_not_copied_in_as_repetition():
    model = [((0, 8), REPETITION, 0.95), ((0, 8), "Loaded_Language", 0.7)]
    assert combine(model, designations=[(3, 8)]) == [
        ((0, 8), "Loaded_Language", 0.7),
        ((0, 8), REPETITION, 0.95),
        ((3, 8), "Name_Calling,Labeling", 0.6),
    ]


def test_layout_copies_hold_no_repetition():
    # A standfirst (10, 40) printed again in the body (60, 90); another repeat (100, 110).
    anatomy = Anatomy(headline=(0, 8), standfirst=(10, 40))
    reps = [Repetition(((10, 40), (60, 90))), Repetition(((100, 110), (120, 130)))]
    copies = layout_copies(anatomy, reps)
    assert copies == [(10, 40), (60, 90)]
    model = [
        ((12, 20), REPETITION, 0.8),
        ((65, 70), REPETITION, 0.8),
        ((100, 110), REPETITION, 0.8),
    ]
    model.append(((65, 70), "Loaded_Language", 0.5))
    assert combine(model, copies=copies) == [
        ((65, 70), "Loaded_Language", 0.5),
        ((100, 110), REPETITION, 0.8),
    ]
    assert layout_copies(None, reps) == []


def test_sentences_come_from_anatomy_with_headline():
    doc = Document("Head line\n\nOne. Two.")
    doc.add_layer("anatomy", Anatomy(headline=(0, 9), sentences=((11, 15), (16, 20))))
    assert sentences_of(doc) == [(0, 9), (11, 15), (16, 20)]
    assert sentences_of(Document("One. Two.")) == [(0, 4), (5, 9)]


def _analyse(text: str) -> tuple[Document, list]:
    """Run the stage with whatever of its needs this checkout can build."""
    settings = get_settings()
    doc = Document(text)
    for name in ("anatomy", "repetitions"):
        if stages.is_available(name):
            doc.add_layer(name, stages.build(name, settings).run(doc))
        else:
            doc.add_layer(name, Anatomy() if name == "anatomy" else [])
    doc.add_layer("quotes", [])
    return doc, TechniquesStage(settings).run(doc)


def _covering(text: str, found, phrase: str, labels: set[str]) -> bool:
    hits = [m.start() for m in re.finditer(re.escape(phrase), text)]
    return any(
        t.technique in labels and t.span[0] < h + len(phrase) and h < t.span[1]
        for t in found
        for h in hits
    )


@needs_model
def test_seed_techniques(seed_text):
    _, found = _analyse(seed_text)
    assert found and all(t.technique and 0 <= t.score <= 1 for t in found)
    labelling = {"Name_Calling,Labeling", "Loaded_Language"}
    assert _covering(seed_text, found, "Kiev regime", labelling)
    assert _covering(seed_text, found, "criminal regime", {t.technique for t in found})
    for t in found:  # PTC's boundary rule
        assert seed_text[t.span[0]] not in " \n.,:;" and seed_text[t.span[1] - 1] not in " \n.,:;"


@needs_model
def test_seed_standfirst_copy_is_no_repetition(seed_text):
    doc, found = _analyse(seed_text)
    anatomy = doc.layer("anatomy")
    assert anatomy.standfirst is not None
    # The repetitions layer still reports the standfirst and its copy in the body ...
    first, last = anatomy.standfirst
    copies = [
        r for r in doc.layer("repetitions") if any(a < last and first < b for a, b in r.spans)
    ]
    assert len(copies) == 1 and len(copies[0].spans) == 2
    copy = copies[0]
    # ... but no Repetition technique sits on either of them.
    for t in found:
        if t.technique == REPETITION:
            assert not any(a < t.span[1] and t.span[0] < b for a, b in copy.spans), t


@needs_model
def test_seed_regimes_are_labelling(seed_text):
    _, found = _analyse(seed_text)
    labelling = {"Name_Calling,Labeling", "Loaded_Language"}
    for phrase in ("criminal regime", "Kiev regime"):
        assert _covering(seed_text, found, phrase, labelling), phrase
    # Every occurrence of "the Kiev regime" is labelled, not only one of them.
    labelled = {t.span for t in found if t.technique == "Name_Calling,Labeling"}
    for match in re.finditer("Kiev regime", seed_text):
        assert (match.start(), match.end()) in labelled


@needs_model
def test_seed_party_swap_keeps_labels(seed_text):
    swap = swapper(SEED_SWAP)
    swapped = swap(seed_text)
    _, original = _analyse(seed_text)
    _, mirrored = _analyse(swapped)
    assert Counter(
        (t.technique, swap(seed_text[t.span[0] : t.span[1]])) for t in original
    ) == Counter((t.technique, swapped[t.span[0] : t.span[1]]) for t in mirrored)


@needs_model
def test_inference_runs_without_torch():
    code = (
        "import sys; sys.modules['torch'] = None\n"
        "from presslens.techniques.model import load_predictor\n"
        "from presslens.techniques.windows import split_sentences\n"
        "p = load_predictor()\n"
        "t = 'They are corrupt liars. The so-called experts will destroy everything we love.'\n"
        "print(len(p.analyse(t, split_sentences(t))))\n"
        "assert 'transformers' not in sys.modules\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) >= 0


def test_inference_modules_never_import_torch():
    import ast
    from pathlib import Path

    package = Path(__file__).resolve().parents[1] / "src" / "presslens" / "techniques"
    for path in package.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else ([node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            )
            assert not any(n.split(".")[0] in {"torch", "transformers"} for n in names), path
            assert not any("training" in n for n in names), path


@needs_model
def test_classify_cli_on_invented_articles(tmp_path):
    from typer.testing import CliRunner

    from presslens.cli.main import app

    text = (
        "Town council votes on parking\n\nThe so-called experts at the parking office have "
        "struck again.\nEither we close the library or the town goes bankrupt.\n"
    )
    (tmp_path / "article1.txt").write_text(text, encoding="utf-8")
    a = text.index("so-called experts")
    b = text.index("Either")
    spans = [(a, a + len("so-called experts")), (b, text.index(".", b)), (b, text.index(".", b))]
    lines = [f"1\t?\t{s}\t{e}" for s, e in spans]
    (tmp_path / "spans.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["techniques", "classify", str(tmp_path), str(tmp_path / "spans.txt")]
    )
    assert result.exit_code == 0, result.output
    out = [line.split("\t") for line in result.stdout.strip().splitlines()]
    from presslens.techniques.labels import TECHNIQUES

    assert [(r[0], int(r[2]), int(r[3])) for r in out] == [("1", s, e) for s, e in spans]
    assert all(r[1] in TECHNIQUES for r in out)
    assert out[1][1] != out[2][1]  # a span listed twice gets its two most likely labels


def test_classify_cli_reports_bad_lines(tmp_path):
    from typer.testing import CliRunner

    from presslens.cli.main import app

    (tmp_path / "spans.txt").write_text("1\t?\tx\t4\n", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["techniques", "classify", str(tmp_path), str(tmp_path / "spans.txt")]
    )
    assert result.exit_code == 1
    assert "integers" in result.output


def test_model_config_is_consistent():
    if not HAVE_MODEL:
        pytest.skip("techniques model files not present")
    from presslens.techniques.model import tagger_files

    config = json.loads((SHIPPED / "config.json").read_text(encoding="utf-8"))
    files = config["onnx"][config["default"]]
    classifier = [files["classifier"]] if "classifier" in files else []  # absent in one pass
    names = [*tagger_files(files), *classifier, *config.get("shared_files", [])]
    for name in names:
        assert (SHIPPED / name).is_file()
    # Every shipped file is used: nothing left over from an earlier revision.
    extra = {"config.json", "MODEL_CARD.md", "train.json", "tokenizer.json", config["heads"]}
    extra.add(config["lexical"]["file"])
    assert {p.name for p in SHIPPED.iterdir()} == set(names) | extra
    total = sum(p.stat().st_size for p in SHIPPED.iterdir() if p.is_file())
    assert total <= 50 * 1024 * 1024
