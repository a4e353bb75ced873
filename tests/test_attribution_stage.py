"""The quotes stage on layers put on a Document by hand, and coreference-lite rules."""

from __future__ import annotations

from presslens.attribution.coref import History, resolve_speaker
from presslens.document import Document, Entity
from presslens.spacy_models import spacy_pipeline
from presslens.stages.quotes import QuotesStage
from presslens.stages.scare_quotes import ScareQuotesStage
from presslens.stages.sourcing import SourcingStage


def test_no_parse_no_quotes() -> None:
    doc = Document('"Nous restons," a dit le maire.')
    doc.add_layer("syntax", None)
    doc.add_layer("entities", [])
    doc.add_layer("anatomy", None)
    assert QuotesStage().run(doc) == []
    doc.add_layer("quotes", [])
    assert ScareQuotesStage().run(doc) == []
    rows = SourcingStage().run(doc)
    assert [r.basis for r in rows] == ["unattributed"]


def test_stage_with_hand_layers_links_speaker_and_route() -> None:
    text = "The Harbour Board will close the port, the board's press office told Nordic Wire."
    doc = Document(text)
    doc.add_layer("syntax", spacy_pipeline()(text))
    board = Entity("e1", "Harbour Board", "ORG", ((4, 17), (43, 48)))
    wire = Entity("e2", "Nordic Wire", "ORG", ((69, 80),))
    doc.add_layer("entities", [board, wire])
    doc.add_layer("anatomy", None)
    quotes = QuotesStage().run(doc)
    assert len(quotes) == 1
    q = quotes[0]
    assert q.kind == "indirect" and text[slice(*q.cue)] == "told"
    assert q.speaker is not None and q.speaker.entity == "e1"
    assert q.speaker.text == "Harbour Board"
    assert q.via == "e2"


def _head(sdoc, text: str, word: str):  # type: ignore[no-untyped-def]
    start = text.index(word)
    return next(t for t in sdoc if t.idx == start)


def test_coref_pronoun_nominal_and_anonymous() -> None:
    text = (
        "Anna Berg met the Port Authority. She said no. The press office agreed. "
        "Officials disagreed."
    )
    sdoc = spacy_pipeline()(text)
    people = [
        Entity("p1", "Anna Berg", "PERSON", ((0, 9),)),
        Entity("o1", "Port Authority", "ORG", ((18, 32),)),
    ]
    history = History()
    she = (text.index("She"), text.index("She") + 3)
    assert resolve_speaker(she, _head(sdoc, text, "She"), text, people, history) == "p1"
    office = (text.index("The press office"), text.index("The press office") + 16)
    assert resolve_speaker(office, _head(sdoc, text, "office"), text, people, history) == "o1"
    officials = (text.index("Officials"), text.index("Officials") + 9)
    head = _head(sdoc, text, "Officials")
    assert resolve_speaker(officials, head, text, people, history) is None


def test_target_of_accusation_is_not_a_route() -> None:
    text = "The Harbour Board accused Nordic Wire of spreading false reports about the port."
    doc = Document(text)
    doc.add_layer("syntax", spacy_pipeline()(text))
    board = Entity("e1", "Harbour Board", "ORG", ((4, 17),))
    wire = Entity("e2", "Nordic Wire", "ORG", ((26, 37),))
    doc.add_layer("entities", [board, wire])
    doc.add_layer("anatomy", None)
    quotes = QuotesStage().run(doc)
    assert quotes and quotes[0].speaker is not None and quotes[0].speaker.entity == "e1"
    assert all(q.via is None for q in quotes)
