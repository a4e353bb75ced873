"""The speaker before a cue whose parse gives the cue no subject (issue 19)."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from presslens.attribution.frames import find_frame_cue


def test_speaker_hung_on_a_verb_inside_the_quotation() -> None:
    # '"It is over," Jane Doe, a top adviser, said.' with the name parsed as an attribute
    # of the quotation's verb and the cue a root with no subject (as the parser does).
    words = ['"', "It", "is", "over", ",", '"', "Jane", "Doe", ",", "a", "top", "adviser"]
    words += [",", "said", "."]
    spaces = [False, True, True, False, False, True, True, False, True, True, True, False]
    spaces += [True, False, False]
    heads = [2, 2, 2, 2, 2, 2, 7, 2, 7, 11, 11, 7, 7, 13, 13]
    deps = ["punct", "nsubj", "ROOT", "acomp", "punct", "punct", "compound", "attr"]
    deps += ["punct", "det", "amod", "appos", "punct", "ROOT", "punct"]
    pos = ["PUNCT", "PRON", "AUX", "ADJ", "PUNCT", "PUNCT", "PROPN", "PROPN", "PUNCT", "DET"]
    pos += ["ADJ", "NOUN", "PUNCT", "VERB", "PUNCT"]
    lemmas = [w.lower() for w in words]
    lemmas[13] = "say"
    doc = Doc(Vocab(), words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    text = doc.text
    close = text.index('" Jane') + 1
    fc = find_frame_cue(text, doc, (0, close), 0, len(text), [(1, close - 2)])
    assert fc is not None and fc.speaker is not None
    assert text[fc.speaker[0] : fc.speaker[1]].startswith("Jane Doe")
