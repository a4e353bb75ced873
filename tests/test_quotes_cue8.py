"""A report on the second of two coordinated objects is the releaser's (#19).

'The council published a map and a survey showing that ...': the survey is what the
council put out, as the map is; the words it shows are credited to the council, as they
are for a single object ('released an ad that urges ...'). Invented sentences only.
"""

from __future__ import annotations

from attribution_helpers import reports


def test_second_coordinated_object_is_the_releasers() -> None:
    text = (
        "The council published a map and a survey showing that most residents wanted a new bridge."
    )
    content, speaker = reports(text)["showing"]
    assert content == "that most residents wanted a new bridge"
    assert speaker == "The council"


def test_second_coordinated_object_with_a_longer_content() -> None:
    text = "The union circulated a letter and a chart showing that wages had stalled for a decade."
    content, speaker = reports(text)["showing"]
    assert content == "that wages had stalled for a decade"
    assert speaker == "The union"


def test_single_object_still_the_releasers() -> None:
    text = "The campaign released an ad that urges voters to reject the new tax on fuel."
    _, speaker = reports(text)["urges"]
    assert speaker == "The campaign"
