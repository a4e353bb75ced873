"""The quotes stage on small invented dispatches, one quotation layout each."""

from __future__ import annotations

from typing import Any

import pytest

import presslens
from presslens.document import Quote


def analyse(text: str) -> tuple[list[Quote], dict[str, Any]]:
    a = presslens.analyze(text, stages=["quotes", "scare_quotes", "sourcing"])
    return list(a.document.layer("quotes")), a.to_dict()


def show(text: str, q: Quote) -> tuple[str, str, str | None, str | None]:
    cue = text[q.cue[0] : q.cue[1]] if q.cue else None
    speaker = q.speaker.text if q.speaker else None
    return (q.kind, text[q.span[0] : q.span[1]], cue, speaker)


def find(quotes: list[Quote], text: str, fragment: str) -> Quote:
    for q in quotes:
        if fragment in text[q.span[0] : q.span[1]]:
            return q
    raise AssertionError(f"no quote containing {fragment!r}: {[show(text, q) for q in quotes]}")


def test_quote_then_cue() -> None:
    text = '"The harbour will reopen on Monday," the port authority said.'
    quotes, _ = analyse(text)
    assert [show(text, q)[:3] for q in quotes] == [
        ("direct", "The harbour will reopen on Monday", "said")
    ]
    assert (
        quotes[0].speaker is not None and "port authority" in text[slice(*quotes[0].speaker.span)]
    )


def test_cue_then_colon_quote() -> None:
    text = "Mayor Ellen Brandt told the council: “We have no money left for the bridge.”"
    quotes, _ = analyse(text)
    q = find(quotes, text, "no money left")
    assert q.kind == "direct" and text[slice(*q.cue)] == "told"
    assert q.speaker is not None and q.speaker.text.endswith("Brandt")


def test_interrupted_quote_is_one_event() -> None:
    text = '"The dam is safe," the engineer said, "but the road is not."'
    quotes, _ = analyse(text)
    assert len(quotes) == 1
    q = quotes[0]
    assert q.kind == "direct"
    assert text[q.span[0] : q.span[1]].startswith("The dam is safe")
    assert text[q.span[0] : q.span[1]].endswith("the road is not.")
    assert text[slice(*q.cue)] == "said"


def test_follow_on_quote_joins_the_event() -> None:
    text = '"We are leaving," the pilot said. "Nobody will stop us."\n\nThe flight left at noon.'
    quotes, _ = analyse(text)
    assert len(quotes) == 1 and text[slice(*quotes[0].span)].endswith("stop us.")


def test_quote_over_two_paragraphs() -> None:
    text = (
        "The rector gave a long speech.\n\n"
        '"The university will stay open all summer.\n\n'
        '"Students who need the library will have it," the rector said.'
    )
    quotes, _ = analyse(text)
    q = find(quotes, text, "stay open")
    assert text[q.span[0] : q.span[1]].endswith("will have it")
    assert text[slice(*q.cue)] == "said"


def test_speaker_after_said_and_apposition() -> None:
    text = '"The water is clean," said Hugh Hill, a doctor at the clinic.'
    quotes, _ = analyse(text)
    q = find(quotes, text, "water is clean")
    assert q.speaker is not None and "Hugh Hill" in text[slice(*q.speaker.span)]


def test_as_x_pointed_out_quote() -> None:
    text = 'As Mayor Anna Berg pointed out, "the budget cannot cover the new stadium."'
    quotes, _ = analyse(text)
    q = find(quotes, text, "budget cannot")
    assert q.kind == "direct" and text[slice(*q.cue)] == "pointed out"
    assert q.speaker is not None and q.speaker.text.endswith("Berg")


def test_indirect_that_clause() -> None:
    text = "The ministry pointed out that the new rules would take effect in May."
    quotes, _ = analyse(text)
    q = find(quotes, text, "new rules")
    assert q.kind == "indirect"
    assert text[slice(*q.cue)] == "pointed out"
    assert q.speaker is not None and "ministry" in text[slice(*q.speaker.span)]


def test_content_first_then_speaker() -> None:
    text = "The talks collapsed late on Friday, two officials said."
    quotes, _ = analyse(text)
    q = find(quotes, text, "talks collapsed")
    assert q.kind == "indirect" and text[slice(*q.cue)] == "said"
    assert q.speaker is not None and "officials" in text[slice(*q.speaker.span)]


def test_according_to() -> None:
    text = "According to the harbour master, three ships sank in the storm."
    quotes, _ = analyse(text)
    q = find(quotes, text, "three ships sank")
    assert text[slice(*q.cue)] == "According to"
    assert q.speaker is not None and "harbour master" in text[slice(*q.speaker.span)]


def test_partial_quote_inside_reported_speech_is_mixed() -> None:
    text = 'The senator said the plan was "a total disaster" for farmers.'
    quotes, d = analyse(text)
    assert len(quotes) == 1
    assert quotes[0].kind == "mixed"
    assert d["scare_quotes"] == []


def test_scare_quote_is_not_a_quotation() -> None:
    text = 'The so-called "reform" passed the chamber on Tuesday by a wide margin.'
    quotes, d = analyse(text)
    assert quotes == []
    assert [text[s:e] for s, e in d["scare_quotes"]] == ["reform"]


def test_speaker_in_next_sentence() -> None:
    text = '"Everything is under control." The captain said this twice.'
    quotes, _ = analyse(text)
    q = find(quotes, text, "under control")
    assert q.speaker is not None and "captain" in q.speaker.text.lower()


def test_pronoun_speaker_resolves_to_person() -> None:
    text = 'Mayor Ellen Brandt visited the port on Monday.\n\n"The cranes are too old," she said.'
    quotes, d = analyse(text)
    q = find(quotes, text, "cranes")
    assert q.speaker is not None and q.speaker.entity is not None
    names = {e["id"]: e["name"] for e in d["entities"]}
    assert "Brandt" in names[q.speaker.entity]


def test_press_office_told_agency_gives_via() -> None:
    text = (
        "OSLO, May 2. /NTB/. The Norwegian Coastal Administration has closed the fjord "
        "to tankers, the administration's press office told NTB."
    )
    quotes, d = analyse(text)
    q = find(quotes, text, "closed the fjord")
    names = {e["id"]: e["name"] for e in d["entities"]}
    assert q.via is not None and names[q.via] == "NTB"


def test_no_quotes_in_plain_narrative() -> None:
    text = "The ferry left the harbour at noon and arrived in the evening."
    quotes, _ = analyse(text)
    assert quotes == []


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("„Wir bleiben hier“, sagte der Bürgermeister.", None),
        ("«We stay here,» the mayor said.", "We stay here"),
    ],
)
def test_guillemets_and_low_marks(text: str, fragment: str | None) -> None:
    quotes, _ = analyse(text)
    if fragment is not None:
        assert find(quotes, text, fragment).kind == "direct"


def test_interrupted_quote_has_its_exact_parts() -> None:
    x, y = "The dam is safe", "but the road is not."
    text = f'"{x}," the engineer said, "{y}"'
    quotes, d = analyse(text)
    (q,) = quotes
    assert [text[s:e] for s, e in q.parts] == [x, y]
    assert d["quotes"][0]["parts"] == [list(p) for p in q.parts]


def test_single_piece_quote_has_no_parts() -> None:
    quotes, _ = analyse('"The harbour will reopen on Monday," the port authority said.')
    assert quotes and quotes[0].parts == ()


def _pieces(q: Quote) -> tuple[tuple[int, int], ...]:
    return q.parts or (q.span,)


def _within_one_paragraph(text: str, piece: tuple[int, int]) -> bool:
    return "\n\n" not in text[piece[0] : piece[1]].replace("\r", "")


HEADLINED = (
    "Latest news\n\n"
    "Harbour Authority suggests Lornish ferries sail to Port Ebb\n\n"
    'As Harbour Master Ada Quill pointed out, "the storm season has begun early"\n\n'
    "PORT EBB, May 2 (Coastwire) — The Harbour Authority has suggested that ferry crews "
    "sail to Port Ebb to ensure their safety, the authority's press office told Coastwire.\n\n"
    "The ferries sailed on Monday."
)


@pytest.mark.parametrize("name", ["seed", "example", "headlined"])
def test_content_stays_in_its_paragraph_and_out_of_the_dateline(
    name: str, seed_text: str, example_path: Any
) -> None:
    text = {
        "seed": seed_text,
        "example": example_path.read_text(encoding="utf-8"),
        "headlined": HEADLINED,
    }[name]
    quotes, d = analyse(text)
    assert quotes
    dateline = d["anatomy"]["dateline"]
    for q in quotes:
        for piece in _pieces(q):
            assert _within_one_paragraph(text, piece), show(text, q)
            if dateline is not None:
                s, e = dateline["span"]
                assert piece[1] <= s or e <= piece[0], show(text, q)


def test_headline_report_ends_with_the_headline() -> None:
    quotes, _ = analyse(HEADLINED)
    q = find(quotes, HEADLINED, "ferries sail")
    assert HEADLINED[slice(*q.span)] == "Lornish ferries sail to Port Ebb"
    assert HEADLINED[slice(*q.cue)] == "suggests"
    body = find(quotes, HEADLINED, "ferry crews")
    assert HEADLINED[slice(*body.span)].startswith("The Harbour Authority has suggested")


def test_parse_across_paragraphs_is_cut_at_blank_lines() -> None:
    """Even with one paragraph for the whole text (no anatomy), content never runs
    over a blank line unless it is one quotation over several paragraphs."""
    from presslens.attribution.quotes import attributed_quotes

    a = presslens.analyze(HEADLINED, stages=["syntax"])
    sdoc = a.document.layer("syntax")
    found = attributed_quotes(HEADLINED, sdoc, [(0, len(HEADLINED))])
    assert found
    for f in found:
        for piece in f.parts or (f.span,):
            assert _within_one_paragraph(HEADLINED, piece), HEADLINED[slice(*piece)]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # The small model lemmatises "hopes" as "hop": the cue must survive it.
        (
            "The mayor hopes that the bridge will reopen before winter.",
            "hopes",
            "the bridge will reopen before winter",
        ),
        (
            "The senator defended the decision to close the naval base.",
            "defended",
            "the decision to close the naval base",
        ),
    ],
)
def test_long_tail_cue_verbs(text: str, cue: str, content: str) -> None:
    quotes, _ = analyse(text)
    q = find(quotes, text, content)
    assert text[slice(*q.cue)] == cue and q.kind == "indirect"


def test_colon_headline_reports_what_follows() -> None:
    text = (
        "Poll: Harbour workers back the new contract\n\n"
        "Most dock workers support the deal, the union said on Monday."
    )
    quotes, _ = analyse(text)
    q = find(quotes, text, "Harbour workers back")
    assert text[slice(*q.span)] == "Harbour workers back the new contract"
    assert text[slice(*q.cue)] == ":" and q.speaker is not None and q.speaker.text == "Poll"


def test_colon_before_running_text_is_not_a_report() -> None:
    text = (
        "Correction: An earlier version of this story misstated the date. "
        "The vote was held on Tuesday.\n\nThe council met again on Friday."
    )
    quotes, _ = analyse(text)
    assert not any(q.cue and text[slice(*q.cue)] == ":" for q in quotes)
