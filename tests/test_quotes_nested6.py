"""Sentences that hold more than one report (issue 19, nested reports, session 13).

PolNeAR (as presslens reads it) never nests one attribution's cue inside another's
content. A report in the clause another report states ('X said that, according to Y,
Z', 'X said Y told him Z') is annotated as the outer report alone (on the fit articles
the gold has the inner one for about 7 in 100 such clause complements), so the rules
keep the outer one. Three shapes at the end of a content are annotated apart, and the
outer content ends before them: a second verb of saying coordinated with the content's
verb ('announced that X and vowed to Y'), a participle of saying after a comma ('argued
that X, saying Y'), both the outer speaker's, and a relative clause after a comma whose
verb reports ('praised X, which she described as Y'), its own subject's. Two reports
side by side in one sentence ('X denied it, and Y said Z') each keep their own subject.
Sentences invented from how news reports are worded, with invented names.
"""

from __future__ import annotations

from attribution_helpers import attributions as _found
from attribution_helpers import reports as _by_cue


def test_according_to_inside_a_said_clause_stays_in_the_outer_report() -> None:
    text = (
        "The mayor said that, according to the auditor, the city had overspent by two"
        " million dollars."
    )
    assert _found(text) == [
        (
            "said",
            "that, according to the auditor, the city had overspent by two million dollars",
            "The mayor",
        )
    ]


def test_a_told_report_inside_a_said_report_stays_in_it() -> None:
    text = "The senator said a colleague told him the vote would be delayed until June."
    assert _found(text) == [
        ("said", "a colleague told him the vote would be delayed until June", "The senator")
    ]


def test_a_claim_reported_by_officials_stays_in_their_report() -> None:
    text = "Officials said the company claimed the spill had been contained by Friday."
    assert _found(text) == [
        ("said", "the company claimed the spill had been contained by Friday", "Officials")
    ]


def test_two_coordinated_reports_keep_their_own_subjects() -> None:
    text = "The governor denied the charges, and her spokesman said the figures were wrong."
    found = _by_cue(text)
    assert found["said"] == ("the figures were wrong", "her spokesman")


def test_contrasting_reports_joined_by_but_keep_their_own_subjects() -> None:
    text = "Critics argue the plan is too costly, but supporters insist it will pay for itself."
    assert _found(text) == [
        ("argue", "the plan is too costly", "Critics"),
        ("insist", "it will pay for itself", "supporters"),
    ]


def test_a_second_verb_of_saying_after_and_is_the_speakers_own_report() -> None:
    text = (
        "The governor announced that she was leaving office and vowed to finish the budget first."
    )
    assert _found(text) == [
        ("announced", "that she was leaving office", "The governor"),
        ("vowed", "to finish the budget first", "The governor"),
    ]


def test_a_second_report_after_and_takes_the_outer_speaker_not_the_clauses_subject() -> None:
    text = "The minister said the reform had failed and urged lawmakers to start again."
    assert _found(text) == [
        ("said", "the reform had failed", "The minister"),
        ("urged", "to start again", "The minister"),
    ]


def test_a_coordinated_verb_that_is_no_report_stays_in_the_content() -> None:
    text = "He said the company cut its prices and hired new staff."
    assert _found(text) == [("said", "the company cut its prices and hired new staff", "He")]


def test_an_infinitive_coordinated_in_the_content_stays_in_it() -> None:
    text = "The senator said he would sit the minister down and tell him the deal was over."
    assert _found(text) == [
        (
            "said",
            "he would sit the minister down and tell him the deal was over",
            "The senator",
        )
    ]


def test_a_participle_of_saying_after_a_comma_is_the_speakers_own_report() -> None:
    text = "The senator argued that the tariff would hurt farmers, saying it was a tax on exports."
    assert _found(text) == [
        ("argued", "that the tariff would hurt farmers", "The senator"),
        ("saying", "it was a tax on exports", "The senator"),
    ]


def test_a_reporting_relative_clause_after_a_comma_is_a_report_of_its_own() -> None:
    text = "She praised the new library, which she described as a gift to the town."
    assert _found(text) == [
        ("praised", "the new library", "She"),
        ("described", "which she described as a gift to the town", "she"),
    ]


def test_a_relative_clause_whose_subject_reports_is_the_nouns_report() -> None:
    text = "The council thanked the volunteers, who said the cleanup took three days."
    assert _found(text) == [
        ("thanked", "the volunteers", "The council"),
        ("said", "the cleanup took three days", "the volunteers, who"),
    ]


def test_a_restrictive_relative_clause_stays_in_the_content() -> None:
    text = "Officials criticized the plan that the mayor described as reckless."
    assert _found(text) == [
        ("criticized", "the plan that the mayor described as reckless", "Officials")
    ]


def test_an_if_clause_after_asked_is_the_question_not_a_condition() -> None:
    text = "The senator visited the plant and asked workers if they expected layoffs this year."
    assert _found(text) == [("asked", "if they expected layoffs this year", "The senator")]


def test_a_whether_clause_after_wondered_is_what_was_wondered() -> None:
    text = "Voters wondered whether the council would ever fix the bridge."
    assert _found(text) == [("wondered", "whether the council would ever fix the bridge", "Voters")]


def test_a_report_in_an_after_phrase_on_an_object_report_is_the_speakers_own() -> None:
    text = "Police charged the driver after determining that the brakes had been cut."
    assert _found(text) == [
        ("charged", "the driver", "Police"),
        ("determining", "that the brakes had been cut", "Police"),
    ]


def test_a_stance_before_another_stance_is_two_reports() -> None:
    text = "The union endorsed the mayor before backing her rival in the runoff."
    assert _found(text) == [
        ("endorsed", "the mayor", "The union"),
        ("backing", "her rival in the runoff", "The union"),
    ]


def test_an_after_phrase_in_a_said_clause_stays_in_it() -> None:
    text = "The minister said the talks had failed after refusing to meet the envoy."
    assert _found(text) == [
        ("said", "the talks had failed after refusing to meet the envoy", "The minister")
    ]


def test_an_as_clause_of_reporting_holds_a_main_clause_that_reports_an_object() -> None:
    text = (
        "The mayor voiced support for the plan in a 2002 interview, as the newspaper"
        " first reported."
    )
    assert _found(text) == [
        (
            "reported",
            "The mayor voiced support for the plan in a 2002 interview",
            "the newspaper",
        )
    ]


def test_a_leading_as_clause_of_reporting_holds_the_main_clause() -> None:
    text = "As the newspaper first reported, the mayor voiced support for the plan in 2002."
    assert _found(text) == [
        ("reported", "the mayor voiced support for the plan in 2002", "the newspaper")
    ]


def test_an_as_clause_leaves_a_main_verb_that_reports_a_clause_its_own() -> None:
    text = "As he noted, the mayor said that the fees would rise."
    assert _found(text) == [("said", "that the fees would rise", "the mayor")]


def test_a_participle_of_saying_after_a_comma_and_a_no_break_space() -> None:
    text = (
        "The senator argued that the tariff would hurt farmers,\u00a0saying it was a tax"
        " on exports."
    )
    assert _found(text) == [
        ("argued", "that the tariff would hurt farmers", "The senator"),
        ("saying", "it was a tax on exports", "The senator"),
    ]


def test_a_participle_of_saying_after_a_comma_inside_closing_quote_marks() -> None:
    text = "The senator argued that the tariff was a 'tax on farmers,' saying it would cut exports."
    assert _found(text) == [
        ("argued", "that the tariff was a 'tax on farmers", "The senator"),
        ("saying", "it would cut exports", "The senator"),
    ]


def test_a_row_of_verbs_with_one_subject_gives_each_its_own_content() -> None:
    text = (
        "She has also promised to cut fees for small farms, opposed the new dam and"
        " questioned the cost of the bridge."
    )
    assert _found(text) == [
        ("promised", "to cut fees for small farms", "She"),
        ("opposed", "the new dam", "She"),
        ("questioned", "the cost of the bridge", "She"),
    ]


def test_a_clause_before_a_subjectless_verb_of_saying_is_its_first_conjunct() -> None:
    text = (
        "The mayor pledged to be the city's best builder and cast doubt on the audit,"
        " suggested that the real deficit could be twice as high."
    )
    assert _found(text) == [
        ("pledged", "to be the city's best builder", "The mayor"),
        ("suggested", "that the real deficit could be twice as high", "The mayor"),
    ]


def test_a_clause_before_a_cue_with_its_own_subject_stays_its_content() -> None:
    text = "The harvest will be late this year, the minister said."
    assert _found(text) == [("said", "The harvest will be late this year", "the minister")]
