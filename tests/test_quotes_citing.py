"""'X reported, citing Y, that C' (issue 19): wire copy's commonest layered report.

The one who cites is who reports: 'reported' has its 'that' clause as content and X as
speaker, and 'citing' has Y as content (PolNeAR marks 'citing X' so), X as speaker.
The parse hangs the participle and the clause on whatever verb it reads as the main
one ('collapsed' of the reported clause), which gave 'the deal' as the speaker of
'citing ...' and no report of 'reported' at all. Written before the change.
"""

from __future__ import annotations

import pytest

import presslens


def _quotes(text: str) -> list[tuple[str | None, str, str]]:
    a = presslens.analyze(text).to_dict()
    out = []
    for q in a["quotes"]:
        speaker = (q["speaker"] or {}).get("text")
        cue = text[q["cue"][0] : q["cue"][1]] if q["cue"] else ""
        out.append((speaker, cue, text[q["span"][0] : q["span"][1]]))
    return out


@pytest.mark.parametrize("agency", ["Bloomberg", "Reuters", "Interfax", "Ukrinform"])
@pytest.mark.parametrize(
    ("verb", "cited", "clause"),
    [
        ("reported", "people familiar with the matter", "the deal collapsed at the last minute"),
        ("said", "two officials", "the talks would resume next week"),
    ],
)
def test_the_reporter_cites_and_reports(agency: str, verb: str, cited: str, clause: str) -> None:
    text = f"Deal\n\n{agency} {verb}, citing {cited}, that {clause}.\n"
    quotes = _quotes(text)
    assert (agency, verb, f"that {clause}") in quotes
    assert (agency, "citing", cited) in quotes
    (sourcing,) = [
        s for s in presslens.analyze(text).to_dict()["sourcing"] if s["basis"] != "unattributed"
    ]
    assert sourcing["basis"] == "anonymous"


def test_citing_before_the_verb_is_as_before() -> None:
    text = (
        "Deal\n\nThe Journal, citing internal documents, reported that the campaign is"
        " spending more than it takes in.\n"
    )
    quotes = _quotes(text)
    assert any(c == "reported" and (s or "").endswith("Journal") for s, c, _ in quotes)
    assert any(c == "citing" and q == "internal documents" for _, c, q in quotes)
