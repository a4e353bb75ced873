"""Reports the rules find and must keep: a report not dropped for another's, and the right
one of two (issue #19, hosts7). Invented sentences only."""

from __future__ import annotations

from attribution_helpers import reports


def test_as_clause_report_with_noun_root_keeps_main_clause() -> None:
    text = (
        "As the weekly paper has reported, rents in the old harbor district rose sharply last year."
    )
    got = reports(text)
    assert "reported" in got, got
    content, speaker = got["reported"]
    assert "rents in the old harbor district rose sharply" in content
    assert speaker == "the weekly paper"


def test_plain_report_kept() -> None:
    text = "The mayor said the bridge would reopen in the spring."
    got = reports(text)
    assert got["said"] == ("the bridge would reopen in the spring", "The mayor")


# Written after reading the rules: a report whose content ends in a relative clause after
# a comma that holds another report (indirect.before_relatives).


def test_impression_cut_before_relative_clause_with_its_own_report() -> None:
    text = (
        "The donors appear to have ties to a large charity network, "
        "which has said it will close its offices."
    )
    got = reports(text)
    assert got["appear"][0] == "The donors appear to have ties to a large charity network", got
    assert got["said"][0] == "it will close its offices", got


def test_according_to_cut_before_relative_clause_with_its_own_report() -> None:
    text = (
        "According to the port authority, the new rules favor the big shipping firms, "
        "which have argued that smaller ports should close."
    )
    got = reports(text)
    assert got["According to"] == (
        "the new rules favor the big shipping firms",
        "the port authority",
    )
    assert got["argued"][0] == "that smaller ports should close", got


def test_restrictive_relative_clause_stays_in_content() -> None:
    text = "The council appears to favor the plan that the mayor proposed in May."
    got = reports(text)
    contents = [c for c, _ in got.values()]
    assert any("the plan that the mayor proposed in May" in c for c in contents), got
    assert "proposed" not in got, got


# Hearsay ('reportedly') keeps the clause it marks, inner reports and all
# (indirect._yielding).


def test_hearsay_keeps_clause_with_inner_report() -> None:
    text = (
        "The company has reportedly taken heat from a consumer group "
        "demanding that it close two plants."
    )
    got = reports(text)
    assert "reportedly" in got, got
    content, speaker = got["reportedly"]
    assert content.endswith("demanding that it close two plants"), got
    assert speaker is None
    assert "demanding" not in got, got


def test_hearsay_leaves_a_named_report_alone() -> None:
    text = "The mayor has reportedly told aides that she will run again."
    got = reports(text)
    assert got["told"] == ("that she will run again", "The mayor"), got
