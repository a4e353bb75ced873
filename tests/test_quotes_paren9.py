"""Content boundaries of reports around asides and lead-in clauses (#19).

A reporting aside (', they said,' / ', he added,') inside a sentence must neither stop
the content early nor let it swallow the clause after it; a lead-in clause ('When asked
about X, she said ...', 'Asked whether ...') is not part of what is said; a participle
cue with a prepositional phrase before a colon ('saying in a post online: ...') still
reads the colon's words as its content; and a content does not run into the next
sentence's report. Invented sentences only.
"""

from __future__ import annotations

from attribution_helpers import attributions, reports


def test_when_asked_clause_is_not_content() -> None:
    text = "When asked about the delay, the mayor said the contract had been signed too late."
    content, speaker = reports(text)["said"]
    assert content == "the contract had been signed too late"
    assert speaker == "the mayor"


def test_asked_whether_clause_is_not_content() -> None:
    text = "Asked whether he would resign, the minister said he had no such plans."
    content, speaker = reports(text)["said"]
    assert content == "he had no such plans"
    assert speaker == "the minister"


def test_participle_with_prepositional_phrase_before_colon() -> None:
    text = (
        "The senator criticised the ruling on Friday, saying in a post online: "
        '"This decision will hurt working families."'
    )
    found = attributions(text)
    contents = [c for _, c, _ in found]
    assert any("This decision will hurt working families" in c for c in contents)


def test_content_stops_at_sentence_end() -> None:
    text = (
        "The governor said the budget would be balanced by June. "
        "Critics said the plan relied on one-off savings."
    )
    found = attributions(text)
    assert ("said", "the budget would be balanced by June", "The governor") in found
    assert all("Critics" not in c for _, c, _ in found)


def test_quotation_after_saying_is_the_participles_not_the_objects() -> None:
    text = 'The mayor noted her years on the council, saying "we faced hard choices together."'
    found = reports(text)
    assert found["noted"][0] == "her years on the council"
    assert found["saying"] == ("we faced hard choices together.", "The mayor")


def test_quotation_after_adding_leaves_the_told_content() -> None:
    text = (
        'The mayor told reporters that the plan "had a budget which was reckless," '
        'adding, "He lost the vote."'
    )
    found = reports(text)
    assert found["told"][0] == 'that the plan "had a budget which was reckless'
    assert found["adding"] == ("He lost the vote.", "The mayor")


def test_stating_after_a_clause_takes_its_own_quotation() -> None:
    text = 'The mayor said the schools were safe, stating that they are "well run and well funded."'
    found = reports(text)
    assert found["said"][0] == "the schools were safe"
    assert found["stating"][1] == "The mayor"


def test_second_coordinated_cue_with_a_quotation_keeps_the_first_speaker() -> None:
    text = (
        "The senator said the tax plan would give money to landlords, "
        'and called him "the leading voice for higher rents."'
    )
    found = reports(text)
    assert found["said"][0] == "the tax plan would give money to landlords"
    assert found["called"][1] == "The senator"


def test_verb_in_the_cues_tense_after_the_content_is_not_content() -> None:
    text = "She said she admires his determination and highlighted their shared goals on wages."
    assert reports(text)["said"][0] == "she admires his determination"


def test_modal_content_then_a_verb_in_the_cues_tense() -> None:
    text = "The mayor says she will not be voting for the senator and considers him a fraud."
    found = reports(text)
    assert found["says"][0] == "she will not be voting for the senator"
    assert found["considers"] == ("him a fraud", "The mayor")


def test_perfect_then_past_stays_one_content() -> None:
    text = "The veteran said he has been impressed by the mayor and liked the way she answered."
    assert reports(text)["said"][0] == (
        "he has been impressed by the mayor and liked the way she answered"
    )


def test_participle_after_an_object_is_not_the_objects_content() -> None:
    text = (
        "The senator continued his attack on the governor on Sunday, "
        "casting him as a false reformer and questioning his judgment."
    )
    assert reports(text)["continued"][0] == "his attack on the governor on Sunday"


def test_participle_of_intent_after_an_object_is_its_own_report() -> None:
    text = (
        "The minister rejected a push by the environment agency, "
        "hoping to postpone the decision until next year."
    )
    found = reports(text)
    assert found["rejected"][0] == "a push by the environment agency"
    assert found["hoping"] == ("to postpone the decision until next year", "The minister")


def test_reporting_clause_before_a_quotation_does_not_reach_back() -> None:
    text = (
        "He said he had not seen the fight in the park, and when asked whether he was "
        'encouraging the crowd, he said, "I hope not."'
    )
    found = attributions(text)
    contents = [c for _, c, _ in found]
    assert "I hope not." in contents
    assert all(not c.startswith("He said") for c in contents)
    assert any(c.startswith("he had not seen the fight") for c in contents)


def test_aside_inside_a_clause_keeps_the_subject_before_it() -> None:
    text = "The plan, officials said, would cost more than expected."
    content, speaker = reports(text)["said"]
    assert content.startswith("The plan")
    assert content.endswith("would cost more than expected")
    assert speaker == "officials"


def test_when_asked_before_a_quotation_is_not_its_content() -> None:
    text = 'When asked about the strike, the mayor said, "We are ready to talk."'
    assert reports(text)["said"] == ("We are ready to talk.", "the mayor")


def test_apposition_after_the_object_is_not_content() -> None:
    text = (
        "The senator cited the case of the hacker, a group that officials say is tied "
        "to a foreign service."
    )
    found = attributions(text)
    assert ("cited", "the case of the hacker", "The senator") in found


def test_apposition_after_a_dash_is_not_content() -> None:
    text = (
        "The party predicted an overwhelming victory in the elections \u2013 a landslide "
        "that prompted rivals to concede."
    )
    assert reports(text)["predicted"][0] == "an overwhelming victory in the elections"


def test_apposition_inside_a_clause_content_stays() -> None:
    text = "The mayor said the contract went to the builder, a firm from the north."
    assert reports(text)["said"][0] == "the contract went to the builder, a firm from the north"


def test_by_phrase_report_after_an_object_is_its_own() -> None:
    text = (
        "The mayor dismissed the charges by pointing out that she had not always "
        "supported the plan herself."
    )
    found = reports(text)
    assert found["dismissed"][0] == "the charges"
    assert found["pointing out"] == (
        "that she had not always supported the plan herself",
        "The mayor",
    )
