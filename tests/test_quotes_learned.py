"""The learned English attribution model: its gate, its linking, its meeting with the rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from presslens.attribution import learned
from presslens.attribution.found import Found
from presslens.attribution.learned_features import is_candidate, sentence_features
from presslens.spacy_models import spacy_pipeline


def _doc(text: str):
    from presslens.stages.syntax import parse

    return parse(text)


def test_gate_needs_a_cue_a_mark_a_colon_or_a_dash() -> None:
    sdoc = _doc(
        "The bridge opened in 1932. The minister said it was safe. "
        "He called it “a marvel” then. Critics had one word: unsafe. "
        "Trump's plan failed."
    )
    sents = [[t for t in s if not t.is_space] for s in sdoc.sents]
    assert [is_candidate(s) for s in sents] == [False, True, True, True, False]
    # A cue lemma learned from the data widens the gate; the apostrophe never does.
    assert is_candidate(sents[4], frozenset({"fail"}))


def test_speech_verbs_added_after_training_are_no_feature_of_the_model() -> None:
    from presslens.attribution.cues import SPEECH_VERBS
    from presslens.attribution.learned_features import cue_class

    sdoc = _doc("The governor touted the new plant. The governor praised the new plant.")
    touted, praised = (t for t in sdoc if t.lower_ in ("touted", "praised"))
    assert "tout" in SPEECH_VERBS  # the rules read it
    assert cue_class(touted) is None and cue_class(praised) == "speech"


def test_features_say_where_the_reporting_word_is() -> None:
    sdoc = _doc("The minister said the plan would cut taxes.")
    toks = [t for t in sdoc if not t.is_space]
    feats = sentence_features(toks, [])
    said = next(k for k, t in enumerate(toks) if t.text == "said")
    minister = next(k for k, t in enumerate(toks) if t.text == "minister")
    assert "cue=speech" in feats[said]
    assert "up=nsubj" in feats[minister]
    assert any(f.startswith("up=ccomp") for f in feats[minister + 3])  # "plan", inside


def _unit(sdoc, start: int = 0) -> learned.Unit:
    toks = tuple(t for t in sdoc if not t.is_space and t.idx >= start)
    return learned.Unit(toks, (0, len(sdoc.text)))


def test_link_gives_a_shared_source_to_both_cues() -> None:
    text = "Smith said taxes would rise and warned that jobs would go."
    sdoc = _doc(text)
    unit = _unit(sdoc)
    words = [t.text for t in unit.tokens]
    labels = ["O"] * len(words)
    labels[words.index("Smith")] = "B-SRC"
    labels[words.index("said")] = "B-CUE"
    labels[2:5] = ["B-CONT", "I-CONT", "I-CONT"]  # taxes would rise
    labels[words.index("warned")] = "B-CUE"
    at = words.index("that")
    labels[at : at + 4] = ["B-CONT", "I-CONT", "I-CONT", "I-CONT"]  # that jobs would go
    found = learned.link(text, [(0, unit, labels)], [])
    shown = [
        (f.kind, text[slice(*f.span)], text[slice(*f.cue)], text[slice(*f.speaker)]) for f in found
    ]
    assert shown == [
        ("indirect", "taxes would rise", "said", "Smith"),
        ("indirect", "that jobs would go", "warned", "Smith"),
    ]


def test_cue_less_sentence_before_joins_the_next_attribution() -> None:
    text = "“We will win. We always win,” she said."
    sdoc = _doc(text)
    sents = list(sdoc.sents)
    assert len(sents) == 2, [s.text for s in sents]
    units = [learned.Unit(tuple(t for t in s if not t.is_space), (0, len(text))) for s in sents]
    first = ["O"] + ["B-CONT"] + ["I-CONT"] * (len(units[0].tokens) - 2)
    words = [t.text for t in units[1].tokens]
    second = ["I-CONT" if k else "B-CONT" for k in range(len(words))]
    second[words.index("she")] = "B-SRC"
    second[words.index("said")] = "B-CUE"
    second[words.index("said") + 1] = "O"
    second[words.index("she") - 1] = "O"  # the closing mark
    second[words.index("she") - 2] = "O"  # the comma
    found = learned.link(text, [(0, units[0], first), (1, units[1], second)], [(1, 27)])
    assert len(found) == 1
    assert found[0].kind == "direct"
    assert text[slice(*found[0].span)] == "We will win. We always win"
    assert text[slice(*found[0].speaker)] == "she"


def _found(kind: str, span: tuple[int, int], speaker: tuple[int, int] | None = None) -> Found:
    return Found(kind, span, (span,), (0, 1), speaker)  # type: ignore[arg-type]


def test_combine_modes() -> None:
    rule = _found("direct", (40, 60))
    model_same = _found("mixed", (30, 70), (0, 5))
    model_new = _found("indirect", (100, 140), (90, 95))
    assert learned.combine([rule], [model_same, model_new], "rules") == [rule]
    assert learned.combine([rule], [model_same, model_new], "model") == [model_same, model_new]
    added = learned.combine([rule], [model_same, model_new], "add")
    assert added == [rule, model_new]  # the rule event wins where both found it
    with_speaker = learned.combine([rule], [model_same], "add+speaker")
    assert with_speaker[0].speaker == (0, 5) and with_speaker[0].span == (40, 60)
    mixed = learned.combine([rule], [model_same], "add+mixed")
    assert (mixed[0].kind, mixed[0].span) == ("mixed", (30, 70))
    first = learned.combine([rule, _found("direct", (200, 230))], [model_same], "model+rules")
    assert [f.span for f in first] == [(30, 70), (200, 230)]


def test_kind_of_by_quotation_marks() -> None:
    assert learned.kind_of([(10, 20)], [(9, 21)]) == "direct"
    assert learned.kind_of([(0, 40)], [(9, 21)]) == "mixed"
    assert learned.kind_of([(0, 40)], []) == "indirect"


@pytest.mark.skipif(learned.shipped() is None, reason="model files not built")
def test_shipped_model_finds_indirect_speech_the_rules_leave() -> None:
    import presslens

    text = (
        "WASHINGTON — The governor believes the new budget will leave rural hospitals short "
        "of money next year, according to two aides familiar with his thinking.\n\n"
        "The budget passed on Tuesday."
    )
    a = presslens.analyze(text, stages=["quotes"])
    quotes = list(a.document.layer("quotes"))
    assert any("rural hospitals" in text[slice(*q.span)] for q in quotes)
    # Nothing is found in the sentence with no cue, mark, colon or dash.
    assert not any("passed on Tuesday" in text[slice(*q.span)] for q in quotes)


def test_model_files_are_small_and_carded() -> None:
    folder = learned.MODEL_DIR
    if not (folder / "crf.npz").exists():
        pytest.skip("model files not built")
    files = [p for p in folder.iterdir() if p.is_file()]
    # The CRF and open-cue files; the fine-tuned tagger's layers are sized in
    # test_quotes_neural.py.
    assert sum(p.stat().st_size for p in files if p.suffix != ".onnx") < 5_000_000
    card = (folder / "MODEL_CARD.md").read_text(encoding="utf-8")
    for needed in ("PolNeAR", "presslens train quotes", "sha256", "Seed"):
        assert needed in card


def test_gold_labels_are_bio_over_polnear(shared_data: Path) -> None:
    if not (shared_data / "quotes" / "polnear").is_dir():
        pytest.skip("PolNeAR not in the corpus folder")
    from presslens.corpora.polnear import load_split
    from presslens_training.quotes.data import gold_labels, prepare

    article = next(iter(load_split("dev", 1)))
    prep = prepare(article, _doc(article.text))
    labels = [lab for u in prep.units for lab in gold_labels(article, u)]
    assert {"B-CUE", "B-CONT", "I-CONT", "B-SRC"} <= set(labels)
    for prev, lab in zip(["O", *labels], labels, strict=False):
        if lab.startswith("I-"):
            assert prev[2:] == lab[2:], (prev, lab)
    assert spacy_pipeline() is not None


def test_the_attribution_model_is_opt_in(monkeypatch: pytest.MonkeyPatch) -> None:
    """Off by default (it passes the name-swap bar, not the speed budget: see the setting);
    the setting runs the learned model (the fine-tuned tagger where bundled, else the CRF)
    and keeps every attribution of the rules. The bundled example's "Defence Ministry
    rejected the claims", the CRF's to add once, the rules find now (a report verb's short
    object)."""
    from pathlib import Path

    import presslens
    from presslens.attribution import neural
    from presslens.ingest.reader import read
    from presslens.pipeline import Pipeline
    from presslens.settings import get_settings

    if learned.shipped() is None and neural.shipped() is None:
        pytest.skip("no attribution model files")
    module, name = (neural, "find_neural") if neural.shipped() else (learned, "find_learned")
    calls: list[int] = []
    real = getattr(module, name)

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)

    def cues(text: str, on: bool) -> set[int]:
        settings = get_settings(attribution_model=on)
        doc = Pipeline.default(settings, exclude=["techniques", "manipulation"])(read(text=text))
        return {q.cue[0] for q in doc.layer("quotes") if q.cue is not None}

    text = "Residents fear for their homes. The mayor said the plan would fail."
    off = cues(text, False)
    assert not calls
    assert cues(text, True) >= off and calls
    example = (Path(presslens.__file__).parent / "examples" / "dispatch.txt").read_text("utf-8")
    assert example.index("rejected the claims") in cues(example, False)


def test_run_time_path_reads_the_features_training_writes() -> None:
    """The stage's token table and weight rows give what :func:`sentence_features` (used
    to train) and :func:`learned.units` / :func:`learned.candidates` give, and the tags."""
    from presslens.attribution.learned_features import FlatColumns, TokenTable
    from presslens.attribution.marks import find_quotes

    model = learned.shipped()
    if model is None:
        pytest.skip("no bundled attribution model")
    text = (
        "WASHINGTON (AP) — The minister said on Tuesday that the plan “would cut taxes” for "
        "most families. “It is a disaster,” Smith told reporters, according to two aides.\n\n"
        "Critics had one word: unsafe. Jones, who (reportedly) leads the GOP caucus, thinks "
        "the bill — which passed — is fine. The bridge opened in 1932.\n\n"
        "“We will win. We always do,” he added. She seems to refer to 'the deal'."
    )
    sdoc = _doc(text)
    regions = [(0, len(text))]
    quoted = [q.span for q in find_quotes(text, regions)]
    table = TokenTable(sdoc)
    spans = learned.unit_ids(sdoc, table, regions)
    units = learned.units(sdoc, regions)
    assert spans == [(tuple(t.i for t in u.tokens), u.region) for u in units]
    extra = learned.shipped_cue_lemmas()
    picked = [k for k, (ids, _) in enumerate(spans) if table.is_candidate(ids, extra)]
    assert picked == learned.candidates(units, extra)
    columns = FlatColumns(model.column)
    for ids, _ in spans:
        rows: list[int] = []
        counts: list[int] = []
        columns.sentence(table, ids, quoted, rows, counts)
        feats = sentence_features([sdoc[i] for i in ids], quoted, "flat")
        assert counts == [len(f) for f in feats]
        assert rows == [model.column(f) for fs in feats for f in fs]
        lengths = [len(ids)]
        assert model.tag_columns(rows, counts, lengths) == [model.tag(feats)]
    fast = learned.find_learned(text, sdoc, regions, model, keep="flat")
    feats = [sentence_features(units[k].tokens, quoted, "flat") for k in picked]
    tagged = [
        (k, units[k], labels)
        for k, labels in zip(picked, model.tag_many(feats), strict=True)
        if any(label != "O" for label in labels)
    ]
    assert fast == learned.link(text, tagged, quoted)
