"""Speakers of reports whose cue is not the finite verb of its own subject (issue 19).

Written from the speaker error classes of ``bench/quotes_speaker_errors.py`` on the fit
articles of PolNeAR train: a cue that is an infinitive, a gerund or a second conjunct
takes its speaker from the subject higher up; a report with no one reporting (a passive
or an impersonal 'it') has no speaker; an ad or a letter that claims something speaks for
whoever put it out.  All sentences are invented.
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from attribution_helpers import reports
from presslens.attribution.indirect import subject


def speaker_of(text: str, words: str) -> str | None:
    """The speaker of the one report whose content holds ``words``."""
    found = [spk for content, spk in reports(text).values() if words in content]
    assert len(found) == 1, reports(text)
    return found[0]


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        (
            "The governor met with reporters on Monday and said that the budget was balanced.",
            "said",
            "The governor",
        ),
        (
            "The union leader stood on the steps of the capitol, insisting that the strike "
            "would go on.",
            "insisting",
            "The union leader",
        ),
    ],
)
def test_a_nonfinite_or_second_conjunct_cue_takes_the_subject_above(
    text: str, cue: str, speaker: str
) -> None:
    assert reports(text)[cue][1] == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "The senator wants to argue that the tax cut helped working families.",
            "the tax cut helped",
            "The senator",
        ),
        (
            "The mayor refused to say whether she would run for a second term.",
            "she would run",
            "The mayor",
        ),
    ],
)
def test_an_infinitive_takes_the_subject_of_its_verb(text: str, words: str, speaker: str) -> None:
    assert speaker_of(text, words) == speaker


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("It was reported on Friday that the factory would close.", "reported"),
        ("It is widely believed that the minister will resign.", "believed"),
    ],
)
def test_an_impersonal_report_has_no_speaker(text: str, cue: str) -> None:
    found = reports(text)
    if cue in found:
        assert found[cue][1] is None


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        (
            "The campaign released an ad on Tuesday claiming that the senator had voted "
            "against veterans.",
            "claiming",
            "The campaign",
        ),
    ],
)
def test_an_ad_speaks_for_whoever_put_it_out(text: str, cue: str, speaker: str) -> None:
    assert reports(text)[cue][1] == speaker


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        (
            "The campaign manager rejected the idea that the candidate would be a drag on "
            "the ticket, saying the crowds at his rallies prove otherwise.",
            "saying",
            "The campaign manager",
        ),
        (
            "The spokesman denied the notion that a shakeup is coming, explaining that he "
            "had been on holiday all week.",
            "explaining",
            "The spokesman",
        ),
        (
            "The senator made it clear to reporters on Monday that she has their backs, "
            "touting a message of unity and hard work.",
            "touting",
            "The senator",
        ),
        (
            "The governor was adamant that the state and the unions keep talking, telling "
            "reporters that a deal was close.",
            "telling",
            "The governor",
        ),
    ],
)
def test_a_participle_closing_a_complement_clause_goes_with_who_reports_it(
    text: str, cue: str, speaker: str
) -> None:
    assert reports(text)[cue][1] == speaker


def test_a_participle_after_an_adjunct_clause_keeps_its_subject() -> None:
    # 'when' opens an adjunct, not what anyone said: the participle is the protesters'.
    text = (
        "The trouble came when protesters interrupted the mayor's speech, shouting that "
        "the budget was a fraud."
    )
    assert reports(text)["shouting"][1] == "protesters"


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        ("Will wrote that the governor should resign before the summer.", "wrote", "Will"),
        (
            "In his weekly column, Will argued that the governor had failed the state.",
            "argued",
            "Will",
        ),
        ("He will argue that the plan failed the state's farmers.", "argue", "He"),
    ],
)
def test_a_name_read_as_a_modal_is_the_subject(text: str, cue: str, speaker: str) -> None:
    assert reports(text)[cue][1] == speaker


def test_a_contracted_has_is_no_passive() -> None:
    found = reports("He's said he will fight all the way to the convention.")
    assert found["said"][1] == "He"


def test_an_impersonal_contracted_is_stays_without_speaker() -> None:
    found = reports("It's said that the mayor will resign before the vote.")
    assert found.get("said", ("", None))[1] is None


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        (
            "Asked what a firm commitment looks like, the adviser replied that it was far off.",
            "Asked",
        ),
        ("Asked whether he would back the nominee, the governor demurred.", "Asked"),
        ("The senator, when asked about the budget, said that it was a mess.", "asked about"),
    ],
)
def test_who_is_asked_is_not_the_asker(text: str, cue: str) -> None:
    assert reports(text)[cue][1] is None


def test_an_active_asking_verb_keeps_its_subject() -> None:
    found = reports("The mayor paused and asked whether the council would vote.")
    assert found["asked"][1] == "The mayor"


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        ("The governor paused, then revealed why the plan had failed.", "revealed", "The governor"),
        (
            "The agency repeatedly hid facts, admitted it withheld emails, and delayed its "
            "findings.",
            "admitted",
            "The agency",
        ),
        (
            "On Sunday, the pastor stood at his pulpit in the small town, and, citing "
            "scripture, endorsed the senator, urging his flock to vote for him.",
            "urging",
            "the pastor",
        ),
        (
            'The senator summed up the plan as "terrible," denounced its author and said she '
            "should not run again.",
            "said",
            "The senator",
        ),
    ],
)
def test_a_later_conjunct_shares_the_first_ones_subject(text: str, cue: str, speaker: str) -> None:
    assert reports(text)[cue][1] == speaker


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        (
            "The senator is going to vote for him but has withheld her endorsement, meaning "
            "she will not campaign with him - essentially conceding that she is uneasy.",
            "conceding",
            "The senator",
        ),
        (
            "The mayor denied the notion that a shakeup was coming, adding, \u201cWe are "
            "staying the course.\u201d",
            "adding",
            "The mayor",
        ),
    ],
)
def test_a_participle_after_a_dash_or_a_quote_goes_with_who_reports(
    text: str, cue: str, speaker: str
) -> None:
    assert reports(text)[cue][1] == speaker


def test_the_subject_of_a_superlative_reports_in_its_gerund() -> None:
    text = (
        "At the same time, the governor has been the most aggressive in the field in "
        "denouncing the press, the old arbiter of fact."
    )
    assert reports(text)["denouncing"][1] == "the governor"


def test_a_comparison_lends_no_speaker_to_its_gerund() -> None:
    text = "That is not the same as saying a judge from another state cannot be fair."
    found = reports(text)
    assert found.get("saying", ("", None))[1] is None


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        (
            "The magazine shot back in an article stating that the city was the capital "
            "of billionaires.",
            "stating",
            "The magazine",
        ),
        (
            "A nurse from the suburbs is among those who say they will never back the mayor.",
            "say",
            "A nurse from the suburbs",
        ),
        (
            "The chairman was among those supporting the director amid the scandal.",
            "supporting",
            "The chairman",
        ),
    ],
)
def test_a_report_on_a_noun_after_a_preposition_speaks_for_the_subject(
    text: str, cue: str, speaker: str
) -> None:
    assert reports(text)[cue][1] == speaker


def test_a_document_with_its_owner_named_keeps_it() -> None:
    text = "In her statement condemning the test, the senator defended her record."
    assert reports(text)["condemning"][1] != "the senator"


def test_a_possessive_after_a_preposition_of_time_holds_its_noun() -> None:
    text = (
        "I met the senator in his office two days after his endorsement of the governor "
        "to talk about the race."
    )
    assert reports(text)["endorsement of"][1] == "his"


def test_a_possessive_the_subject_repeats_gives_way_to_it() -> None:
    text = "The senator made his support for the new trade deal clear on Monday."
    assert reports(text)["support for"][1] == "The senator"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "According to \u201cThe Fixers: A Studio History,\u201d by Ann Doe, the studio paid "
            "the police.",
            "The Fixers: A Studio History",
        ),
        (
            "The plan would cost about a trillion dollars a year, according to the \u201cCare "
            "for all\u201d document he released.",
            "the \u201cCare for all\u201d document he released",
        ),
    ],
)
def test_according_to_a_quoted_title_names_it(text: str, speaker: str) -> None:
    assert reports(text)["according to" if "according" in text else "According to"][1] == speaker


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        (
            "The tycoon prevented his first wife from writing about their partnership.",
            "writing about",
            "his first wife",
        ),
        (
            "The council talked the mayor into calling for a recount.",
            "calling for",
            "the mayor",
        ),
        (
            "Her children have sold him on supporting the senator in the primary.",
            "supporting",
            "him",
        ),
        ("The senator refrained from criticizing the governor.", "criticizing", "The senator"),
    ],
)
def test_the_object_before_a_gerunds_preposition_does_it(text: str, cue: str, speaker: str) -> None:
    assert reports(text)[cue][1] == speaker


def test_a_subject_read_as_the_object_of_after_speaks() -> None:
    text = (
        "The staff made the announcement after Chairman Roe earlier in the day touted the "
        "progress the panel has made."
    )
    assert reports(text)["touted"][1] == "Chairman Roe"


def _parsed(rows: list[tuple[str, int, str, str, str]]) -> Any:
    """A hand-made parse (word, head, relation, tag, part of speech): the shape a parser
    produces on some sentences and not on others."""
    words, heads, deps, tags, pos = (list(col) for col in zip(*rows, strict=True))
    return Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos)


def test_a_verb_hung_on_a_participle_read_as_main_takes_its_subject() -> None:
    # 'Doe, channeling his roots, responded by saying that he won.', parsed with the
    # participle as the root and 'responded' as its unlabelled dependent.
    doc = _parsed(
        [
            ("Doe", 2, "nsubj", "NNP", "PROPN"),
            (",", 2, "punct", ",", "PUNCT"),
            ("channeling", 2, "ROOT", "VBG", "VERB"),
            ("his", 4, "poss", "PRP$", "PRON"),
            ("roots", 2, "dobj", "NNS", "NOUN"),
            (",", 2, "punct", ",", "PUNCT"),
            ("responded", 2, "dep", "VBD", "VERB"),
            ("by", 6, "prep", "IN", "ADP"),
            ("saying", 7, "pcomp", "VBG", "VERB"),
            ("that", 11, "mark", "IN", "SCONJ"),
            ("he", 11, "nsubj", "PRP", "PRON"),
            ("won", 8, "ccomp", "VBD", "VERB"),
            (".", 2, "punct", ".", "PUNCT"),
        ]
    )
    span, _ = subject(doc[8], doc[8].sent, [])
    assert span is not None and doc.text[span[0] : span[1]] == "Doe"


def test_a_participle_of_a_state_of_mind_belongs_to_the_clauses_subject() -> None:
    text = (
        "Worried the nation might miss its target to cut emissions, the government proposed "
        "a steep levy last year."
    )
    assert reports(text)["Worried"][1] == "the government"
