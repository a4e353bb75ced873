"""The standalone HTML report: segmentation, content, escaping, self-containment."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import sys
import time
import types
from html.parser import HTMLParser
from typing import Any

import pytest

from presslens.report import definitions as report_definitions
from presslens.report import render_report
from presslens.report.segments import clamp, segment
from presslens.report.view import build_view, json_for_script, safe_link

XSS_SCRIPT = "<script>window.__pwned = 1</script>"
XSS_ATTR = '"><img src=x onerror="window.__pwned=2">'
XSS_LINK = "javascript:window.__pwned=3"


def span_of(text: str, needle: str, nth: int = 0) -> list[int]:
    """``[start, end]`` of the ``nth`` occurrence of ``needle`` (fails loudly if absent)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return [start, start + len(needle)]


def seed_analysis(text: str) -> dict[str, Any]:
    """A hand-built contract for the seed dispatch, with overlapping techniques.

    Used where the pipeline's stages may not be ready, and to test interactions
    against known spans.
    """
    s = lambda needle, nth=0: span_of(text, needle, nth)  # noqa: E731
    naryshkin = (
        "according to the information received by the Foreign Intelligence Service, "
        "the consequences of the continuous degradation of Ukraine’s domestic political, "
        "social and economic situation, as well as the repressive administrative methods "
        "employed by the Kiev regime are increasingly affecting the staff of Ukraine’s "
        "representative offices abroad"
    )
    q1 = (
        "We address the employees of Ukrainian diplomatic missions and representative offices "
        "abroad. If you feel a responsibility for the fate of your homeland and for ensuring "
        "peace and stability in Europe, and are under pressure from the criminal regime in "
        "Kiev, which is leading Ukraine to a national catastrophe, come to Moscow. We will "
        "ensure your personal safety and that of your families,"
    )
    q3 = (
        "Mass purges are taking place within Ukrainian diplomatic missions aimed at identifying "
        "those disloyal to the Kiev regime and ensuring that they are sent back home before the "
        "end of their tours of duty,"
    )
    return {
        "schema": "presslens.analysis/1",
        "id": hashlib.sha256(text.encode()).hexdigest(),
        "source": {"path": "seed-dispatch.txt", "url": None, "format": "text"},
        "language": "en",
        "metadata": {"title": None, "outlet": "TASS", "published": "2024-06-20", "authors": []},
        "text": text,
        "anatomy": {
            "headline": s(
                "Russian Foreign Intelligence Service suggests Ukrainian diplomats flee to Moscow"
            ),
            "standfirst": [s("As SVR Director")[0], s('offices abroad"')[1]],
            "dateline": {
                "span": s("MOSCOW, June 20. /TASS/."),
                "place": "MOSCOW",
                "date": "June 20",
                "agency": "TASS",
            },
            "byline": None,
            "boilerplate": [s("All news")],
            "paragraphs": [],
            "sentences": [],
        },
        "entities": [
            {
                "id": "e1",
                "name": "Sergey Naryshkin",
                "type": "PERSON",
                "titles": ["SVR Director"],
                "mentions": [s("Sergey Naryshkin"), s("Sergey Naryshkin", 1)],
            },
            {
                "id": "e2",
                "name": "SVR press office",
                "type": "ORG",
                "titles": [],
                "mentions": [s("SVR press office")],
            },
            {"id": "e3", "name": "TASS", "type": "ORG", "titles": [], "mentions": [s("TASS", 1)]},
        ],
        "quotes": [
            {
                "id": "q1",
                "kind": "direct",
                "span": s(q1),
                "cue": s("said"),
                "speaker": {"span": s("the statement"), "text": "the statement", "entity": None},
                "via": None,
            },
            {
                "id": "q2",
                "kind": "direct",
                "span": s(naryshkin, 1),
                "cue": s("pointed out", 1),
                "speaker": {
                    "span": s("Sergey Naryshkin", 1),
                    "text": "Sergey Naryshkin",
                    "entity": "e1",
                },
                "via": None,
            },
            {
                "id": "q3",
                "kind": "direct",
                "span": s(q3),
                "cue": s("reported"),
                "speaker": {
                    "span": s("the press office", 0),
                    "text": "the press office",
                    "entity": "e2",
                },
                "via": None,
            },
            {
                "id": "q4",
                "kind": "indirect",
                "span": s("employees of Ukrainian diplomatic missions abroad flee to Moscow"),
                "cue": s("told"),
                "speaker": {
                    "span": s("the SVR press office"),
                    "text": "the SVR press office",
                    "entity": "e2",
                },
                "via": "e3",
            },
        ],
        "scare_quotes": [],
        "sourcing": [
            {
                "span": s("Russia’s Foreign Intelligence Service (SVR) has suggested"),
                "basis": "organisation",
                "cue": s("told"),
                "source": "e2",
            },
            {"span": s(naryshkin, 1), "basis": "unverifiable", "cue": None, "source": "e1"},
            {
                "span": s("The Russian SVR is well aware"),
                "basis": "unverifiable",
                "cue": None,
                "source": "e2",
            },
            {
                "span": s("there is a growing trend of representatives"),
                "basis": "organisation",
                "cue": None,
                "source": "e2",
            },
        ],
        "techniques": [
            {
                "span": s("criminal regime in Kiev"),
                "technique": "Name_Calling,Labeling",
                "score": 0.88,
                "quote": "q1",
            },
            {
                "span": s("leading Ukraine to a national catastrophe"),
                "technique": "Appeal_to_fear-prejudice",
                "score": 0.71,
                "quote": "q1",
            },
            {
                "span": s("national catastrophe"),
                "technique": "Loaded_Language",
                "score": 0.93,
                "quote": "q1",
            },
            {
                "span": s("Mass purges"),
                "technique": "Loaded_Language",
                "score": 0.82,
                "quote": "q3",
            },
            {
                "span": s("purges of staff disloyal to the Kiev regime"),
                "technique": "Name_Calling,Labeling",
                "score": 0.64,
                "quote": None,
            },
            {
                "span": s("mass exodus"),
                "technique": "Exaggeration,Minimisation",
                "score": 0.45,
                "quote": None,
            },
            {
                "span": s("The Russian SVR is well aware"),
                "technique": "Appeal_to_Authority",
                "score": 0.52,
                "quote": None,
            },
        ],
        "repetitions": [{"spans": [s(naryshkin, 0), s(naryshkin, 1)]}],
        "stages": ["anatomy", "quotes", "sourcing", "techniques"],
    }


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text of each <script>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in = tag if tag in ("script", "style") else None
        if tag == "script":
            self.scripts.append("")
        if tag == "style":
            self.styles.append("")

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            self.scripts[-1] += data
        elif self._in == "style":
            self.styles[-1] += data


def parse(html: str) -> Tags:
    parser = Tags()
    parser.feed(html)
    return parser


def assert_inert(html: str, allowed_scripts: int) -> None:
    """No tag, attribute or link in ``html`` that the hostile input could have made."""
    tags = parse(html)
    names = [t for t, _ in tags.tags]
    assert "img" not in names and "iframe" not in names
    assert names.count("script") == allowed_scripts
    for tag, attrs in tags.tags:
        for key, value in attrs.items():
            assert not key.startswith("on"), (tag, key)
            assert not (value or "").strip().lower().startswith("javascript:"), (tag, key, value)
    assert "window.__pwned = 1</script>" not in html


def test_segments_cut_at_every_boundary_and_keep_overlaps() -> None:
    segs = segment(12, [(2, 8), (4, 6), (4, 10), None])
    assert [(s.start, s.end) for s in segs] == [(0, 2), (2, 4), (4, 6), (6, 8), (8, 10), (10, 12)]
    assert [sorted(s.covering) for s in segs] == [[], [0], [0, 1, 2], [0, 2], [2], []]
    assert segment(0, [(0, 1)]) == []


@pytest.mark.parametrize("junk", [None, [1], [5, 2], ["a", 3], [True, 4], (3, 3), "0,4"])
def test_clamp_drops_junk_spans(junk: Any) -> None:
    assert clamp(junk, 10) is None
    assert clamp([-5, 99], 10) == (0, 10)


def test_report_shows_anatomy_quotes_sourcing_entities_and_voice(seed_text: str) -> None:
    html = render_report(seed_analysis(seed_text))
    assert '<h1 id="headline">Russian Foreign Intelligence Service suggests' in html
    assert "MOSCOW · June 20 · TASS" in " ".join(html.split())
    for name in (
        "Name_Calling,Labeling",
        "Appeal_to_fear-prejudice",
        "Loaded_Language",
        "Exaggeration,Minimisation",
        "Appeal_to_Authority",
    ):
        assert f'data-tech="{name}"' in html
    view = build_view(seed_analysis(seed_text))
    assert [q.speaker for q in view.quotes] == [
        "the statement",
        "Sergey Naryshkin",
        "the press office",
        "the SVR press office",
    ]
    assert view.quotes[3].via == "TASS" and view.quotes[3].cue == "told"
    voices = {(t.name, t.voice) for t in view.techniques}
    assert ("Loaded_Language", "in a quote by the press office") in voices
    assert ("Exaggeration,Minimisation", "outlet's own voice") in voices
    naryshkin = next(e for e in view.entities if e.name == "Sergey Naryshkin")
    assert naryshkin.titles == ["SVR Director"] and naryshkin.mentions == 2
    assert view.repetitions[0].count == 2
    assert abs(sum(s.share for s in view.shares) - 1.0) < 1e-9
    assert {s.basis for s in view.shares} == {"organisation", "unverifiable", "none"}
    assert sorted(view.basis_sentences) == ["organisation", "unverifiable"]


def test_overlapping_techniques_stack_on_one_segment(seed_text: str) -> None:
    html = render_report(seed_analysis(seed_text))
    # "national catastrophe" is covered by Appeal_to_fear-prejudice (1) and Loaded_Language (2),
    # both inside quote q1 (0).
    assert re.search(
        r'<mark class="seg q hl" tabindex="0" data-t="1 2" data-q="0" '
        r'aria-label="[^"]*Appeal to fear or prejudice[^"]*Loaded language[^"]*">'
        r"national catastrophe</mark>",
        html,
    )
    assert html.count('class="qmark"') == 4


def test_sourcing_share_counts_overlapping_spans_once() -> None:
    text = "x" * 100
    analysis = {
        "text": text,
        "sourcing": [
            {"span": [0, 50], "basis": "named"},
            {"span": [25, 75], "basis": "named"},
            {"span": [80, 90], "basis": "anonymous"},
            {"span": [0, 5], "basis": "bogus"},
        ],
    }
    shares = {s.basis: round(s.share, 3) for s in build_view(analysis).shares}
    assert shares == {"named": 0.75, "anonymous": 0.1, "none": 0.15}


def hostile_analysis(seed_text: str) -> dict[str, Any]:
    text = f"{XSS_SCRIPT} Headline {XSS_ATTR}\n\nBody with {XSS_LINK} link </textarea></title>."
    analysis = seed_analysis(seed_text)
    analysis.update(text=text, id="f" * 64, quotes=[], sourcing=[], repetitions=[])
    analysis["anatomy"] = {
        "headline": [0, 50],
        "dateline": {"place": XSS_ATTR, "date": XSS_SCRIPT, "agency": XSS_LINK},
    }
    analysis["metadata"] = {
        "title": XSS_SCRIPT,
        "outlet": XSS_ATTR,
        "published": XSS_LINK,
        "authors": [XSS_SCRIPT],
    }
    analysis["source"] = {"path": XSS_ATTR, "url": XSS_LINK, "format": XSS_SCRIPT}
    analysis["language"] = '"><script>window.__pwned=4</script>'
    analysis["entities"] = [
        {
            "id": "e1",
            "name": XSS_SCRIPT,
            "type": XSS_ATTR,
            "titles": [XSS_LINK],
            "mentions": [[0, 5]],
        }
    ]
    analysis["techniques"] = [
        {
            "span": [0, 40],
            "technique": "</script><script>window.__pwned=5</script>",
            "score": 0.9,
            "quote": None,
        },
        {"span": [10, 60], "technique": XSS_ATTR, "score": 0.8, "quote": None},
    ]
    analysis["quotes"] = [
        {
            "id": XSS_ATTR,
            "kind": XSS_SCRIPT,
            "span": [20, 70],
            "cue": [0, 8],
            "speaker": {"span": None, "text": XSS_SCRIPT, "entity": None},
            "via": XSS_LINK,
        }
    ]
    return analysis


def test_hostile_text_and_metadata_render_as_text(seed_text: str) -> None:
    html = render_report(hostile_analysis(seed_text), title=XSS_ATTR)
    assert_inert(html, allowed_scripts=2)  # the JSON data block and the report's own script
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert "<code>javascript:window.__pwned=3</code>" in html  # shown, not linked
    tags = parse(html)
    data = json.loads(tags.scripts[0])
    assert "<" not in tags.scripts[0] and ">" not in tags.scripts[0]
    assert "</script><script>window.__pwned=5</script>" in data["styles"]


def test_json_for_script_escapes_markup_characters() -> None:
    out = str(json_for_script({"a": "</script><b>&\u2028"}))
    assert "<" not in out and ">" not in out and "&" not in out and "\u2028" not in out
    assert json.loads(out) == {"a": "</script><b>&\u2028"}


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://tass.com/world/1", True),
        ("http://a.example/x", True),
        ("javascript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("java\nscript:x", False),
        ("data:text/html,x", False),
        ("//evil.example", False),
        ("https://", False),
        (None, False),
    ],
)
def test_only_http_links_are_links(url: str | None, linked: bool) -> None:
    assert (safe_link(url) is not None) is linked


def test_report_is_self_contained_and_its_csp_allows_only_its_own_blocks(seed_text: str) -> None:
    html = render_report(seed_analysis(seed_text))
    tags = parse(html)
    for tag, attrs in tags.tags:
        assert not (tag == "script" and "src" in attrs), tag
        assert tag != "link" or (attrs.get("rel"), attrs.get("href")) == ("icon", "data:,")
        assert "src" not in attrs or (attrs["src"] or "").startswith("data:")
    assert "@import" not in html and "url(" not in tags.styles[0]
    csp = next(
        a["content"] for t, a in tags.tags if a.get("http-equiv") == "Content-Security-Policy"
    )

    def sha(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    assert f"style-src {sha(tags.styles[0])};" in csp
    assert f"script-src {sha(tags.scripts[1])};" in csp
    assert "default-src 'none'" in csp


def test_definitions_come_from_the_techniques_package(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = types.ModuleType("presslens.techniques.definitions")
    fake.DEFINITIONS = {"Doubt": {"definition": "Questioning credibility.", "example": "Is he?"}}
    monkeypatch.setitem(sys.modules, "presslens.techniques.definitions", fake)
    report_definitions._source.cache_clear()
    try:
        view = build_view(
            {
                "text": "Is he honest?",
                "techniques": [
                    {"span": [0, 13], "technique": "Doubt", "score": 0.7, "quote": None}
                ],
            }
        )
    finally:
        report_definitions._source.cache_clear()
    assert view.legend[0].definition == "Questioning credibility."
    assert view.legend[0].example == "Is he?"
    assert json.loads(str(view.data_json))["styles"]["Doubt"]["def"] == "Questioning credibility."


def test_empty_and_partial_contracts_render() -> None:
    for analysis in (
        {},
        {"text": ""},
        {"text": "Only text.", "anatomy": None, "quotes": None},
        {"text": "x", "techniques": [{"span": [0, 1]}], "entities": ["junk"]},
    ):
        assert render_report(analysis).startswith("<!doctype html>")


def test_huge_layers_are_bounded() -> None:
    text = "word " * 20_000
    many = [{"span": [0, len(text)], "technique": "Doubt", "score": 0.5, "quote": None}] * 20_000
    started = time.perf_counter()
    view = build_view({"text": text, "techniques": many})
    assert len(view.techniques) == 5000
    assert time.perf_counter() - started < 2
