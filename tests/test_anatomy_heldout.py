"""Anatomy on openings written apart from the rules (by another author, after them).

``openings.jsonl`` was written alongside the anatomy rules and scores 1.0 on
them; ``heldout.jsonl`` was written by someone who had not read the rules, so
it is the better estimate of how the rules generalise.
"""

from __future__ import annotations

from pathlib import Path

from presslens.eval.anatomy import default_path, evaluate, load_openings

HELDOUT = Path(default_path()).with_name("heldout.jsonl")


def test_heldout_place_and_agency_meet_the_target():
    report = evaluate(load_openings(HELDOUT))
    assert report.overall.accuracy("place") >= 0.95
    assert report.overall.accuracy("agency") >= 0.95
    assert report.overall.accuracy("headline") >= 0.9
