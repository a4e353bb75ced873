"""The web UI and the standalone report in Debian's Chromium, driven by Playwright.

Few, quick tests: the app runs under uvicorn on 127.0.0.1 in a thread. They check
what only a browser can: that highlights toggle, tooltips and quotes open, that
hostile articles run no script under the real CSP, and that the standalone
report works from a file with the network off. Screenshots go to docs/screenshots/.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from presslens.api.app import create_app
from presslens.api.service import analyze_request
from presslens.report import render_report
from presslens.settings import get_settings
from presslens.store import open_store
from test_api import running_server
from test_report import XSS_ATTR, XSS_LINK, XSS_SCRIPT, seed_analysis

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]
SHOTS = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
VIEWPORT = {"width": 1180, "height": 1000}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("Debian's Chromium is not installed (apt-get install -y chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, seed_text: str) -> Iterator[dict[str, Any]]:
    """A served app over a fresh store holding the hand-built seed analysis."""
    store = open_store(str(tmp_path_factory.mktemp("browser") / "ui.duckdb"))
    settings = get_settings().model_copy(update={"analysis_timeout_s": 120.0})
    app = create_app(settings, store)
    app.state.analyzer = analyze_request  # the real pipeline
    seed_id = store.put_analysis(seed_analysis(seed_text))
    # A small corpus for the dashboard: variants of the seed by other outlets and months.
    for i, (outlet, published, keep) in enumerate(
        [("RIA", "2024-07-02", 3), ("Sputnik", "2024-07-15", 5), ("TASS", "2024-08-01", 2)]
    ):
        variant = seed_analysis(seed_text + " " * (i + 1))
        variant["metadata"].update(outlet=outlet, published=published)
        variant["techniques"] = variant["techniques"][:keep]
        variant["sourcing"] = variant["sourcing"][: i + 1]
        store.put_analysis(variant)
    with running_server(app) as base:
        yield {"base": base, "seed_id": seed_id}
    store.close()


class Watch:
    """Console errors, page errors and dialogs of a page (a dialog means a script ran)."""

    def __init__(self, page: Any):
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))


def new_page(browser: Any, **context: Any) -> tuple[Any, Any, Watch]:
    ctx = browser.new_context(viewport=VIEWPORT, **context)
    page = ctx.new_page()
    return ctx, page, Watch(page)


def test_report_view_toggles_threshold_tooltip_and_quotes(
    browser: Any, site: dict[str, Any]
) -> None:
    ctx, page, watch = new_page(browser)
    page.goto(f"{site['base']}/documents/{site['seed_id']}")
    purges = page.locator("mark", has_text="Mass purges")
    catastrophe = page.locator("mark", has_text=re.compile(r"^national catastrophe$"))
    assert "on" in purges.get_attribute("class")
    assert page.locator("mark.on").count() == 7  # 7 techniques, one split by an overlap
    assert "gradient" in catastrophe.evaluate("e => getComputedStyle(e).backgroundImage")
    stripes = catastrophe.evaluate(
        "e => getComputedStyle(e).backgroundImage.split('gradient').length - 1"
    )
    assert stripes == 2  # Appeal_to_fear-prejudice and Loaded_Language stacked

    page.locator("input[data-tech='Loaded_Language']").uncheck()
    assert "on" not in purges.get_attribute("class").split()
    assert purges.evaluate("e => getComputedStyle(e).backgroundImage") == "none"
    assert (
        catastrophe.evaluate(
            "e => getComputedStyle(e).backgroundImage.split('gradient').length - 1"
        )
        == 1
    )
    assert page.locator("tr[data-tech='Loaded_Language']:visible").count() == 0
    page.locator("input[data-tech='Loaded_Language']").check()
    assert "on" in purges.get_attribute("class").split()

    page.locator("#threshold").fill("0.85")
    assert "on" not in page.locator("mark", has_text="mass exodus").get_attribute("class").split()
    assert "on" in catastrophe.get_attribute("class").split()  # 0.93 stays
    page.locator("#threshold").fill("0")

    page.locator("#threshold").focus()  # keyboard: the next stops are the quote, the highlight
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "qmark"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == (
        "purges of staff disloyal to the Kiev regime"
    )
    assert "outlet's own voice" in page.locator("#tip").inner_text()
    page.evaluate("window.scrollTo(0, 0)")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "report-view.png"))

    catastrophe.focus()
    tip = page.locator("#tip")
    assert tip.is_visible()
    assert "Loaded language" in tip.inner_text()  # the human name, not the PTC id
    assert "in a quote by the statement" in tip.inner_text()
    assert catastrophe.get_attribute("tabindex") == "0"

    quote = page.locator("#quote-2")
    assert quote.get_attribute("open") is None
    page.locator("button.qmark[data-q='2']").click()
    assert quote.get_attribute("open") is not None
    assert quote.locator(".speaker-full").inner_text() == "the press office"
    assert quote.locator(".speaker-full").is_visible()
    assert not watch.errors and not watch.dialogs
    ctx.close()


def test_seed_analysed_through_the_ui_end_to_end(
    browser: Any, site: dict[str, Any], seed_text: str, tmp_path: Path
) -> None:
    upload = tmp_path / "seed-dispatch.txt"  # one more newline: not the stored hand-built one
    upload.write_text(seed_text + "\n", encoding="utf-8")
    ctx, page, watch = new_page(browser)
    page.goto(site["base"] + "/")
    page.locator("#file").set_input_files(str(upload))
    page.locator("#outlet").fill("TASS")
    page.locator("#analyze").click()
    page.wait_for_url(re.compile(r"/documents/[0-9a-f]{64}$"), timeout=90_000)
    assert "Russian Foreign Intelligence Service suggests" in page.locator("h1").inner_text()
    assert "TASS" in page.locator(".dateline").inner_text()
    assert page.locator("details.quote").count() > 0  # the real quotes stage found quotes
    assert page.url.endswith(hashlib.sha256((seed_text + "\n").encode()).hexdigest())
    page.goto(site["base"] + "/documents?outlet=TASS")
    assert page.locator(".results .result").count() >= 1
    page.goto(site["base"] + "/dashboard")
    assert page.locator("figure.chart").count() == 4
    assert not watch.errors and not watch.dialogs
    ctx.close()


def test_hostile_article_runs_no_script(browser: Any, site: dict[str, Any]) -> None:
    ctx, page, watch = new_page(browser)
    page.goto(site["base"] + "/")
    hostile = (
        f'{XSS_SCRIPT} Headline {XSS_ATTR}\n\nBody <a href="{XSS_LINK}">x</a> '
        '<svg onload="window.__pwned=6"></svg> <img src=x onerror=alert(1)> text.'
    )
    page.locator("#text").fill(hostile)
    page.locator("#title").fill(XSS_ATTR)
    page.locator("#outlet").fill(XSS_SCRIPT)
    page.locator("#analyze").click()
    page.wait_for_url(re.compile(r"/documents/[0-9a-f]{64}$"), timeout=90_000)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert XSS_SCRIPT in page.locator("#article").inner_text()
    assert page.locator("#article img, #article svg, #article a").count() == 0
    doc_id = page.url.rsplit("/", 1)[1]
    page.goto(f"{site['base']}/v1/documents/{doc_id}/report")
    page.goto(f"{site['base']}/documents?text=Headline")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert not watch.dialogs
    ctx.close()


def test_standalone_report_works_from_a_file_offline(
    browser: Any, tmp_path: Path, seed_text: str
) -> None:
    path = tmp_path / "report.html"
    analysis = seed_analysis(seed_text)
    analysis["metadata"]["title"] = XSS_SCRIPT
    analysis["source"]["url"] = XSS_LINK
    path.write_text(render_report(analysis), encoding="utf-8")
    ctx, page, watch = new_page(browser, offline=True)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    assert page.locator("mark.on").count() == 7  # its script ran under its own CSP
    page.locator("input[data-tech='Name_Calling,Labeling']").uncheck()
    assert page.locator("mark.on").count() == 5
    page.locator("button.qmark[data-q='1']").click()
    assert page.locator("#quote-1 .speaker-full").inner_text() == "Sergey Naryshkin"
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert [u for u in requests if not u.startswith("file:")] == []
    assert not watch.errors and not watch.dialogs
    ctx.close()


def test_techniques_have_their_own_tint_name_and_keys(browser: Any, site: dict[str, Any]) -> None:
    ctx, page, watch = new_page(browser)
    page.goto(f"{site['base']}/documents/{site['seed_id']}")
    tints = page.evaluate(
        "() => Object.fromEntries([...document.querySelectorAll('mark.on')].map("
        "m => [m.dataset.first, getComputedStyle(m).backgroundColor]))"
    )
    assert len(tints) >= 4 and len(set(tints.values())) == len(tints)  # one tint per technique
    legend = page.locator(".legend .tname").all_inner_texts()
    assert any(t.startswith("Name calling / labelling") for t in legend)
    assert not any("_" in t for t in legend)  # no raw PTC ids

    on = page.locator("mark.on")
    page.keyboard.press("n")
    first = page.evaluate("document.activeElement.textContent")
    assert first == on.nth(0).inner_text()
    page.keyboard.press("n")
    assert page.evaluate("document.activeElement.textContent") == on.nth(1).inner_text()
    page.keyboard.press("p")
    assert page.evaluate("document.activeElement.textContent") == first
    page.locator("#next-hl").click()
    assert page.evaluate("document.activeElement.tagName") == "MARK"

    row = page.locator("#technique-list tbody tr").nth(2)
    index = row.get_attribute("data-i")
    row.locator("button.jump").click()
    focused = page.evaluate("document.activeElement.getAttribute('data-t')").split()
    assert index in focused
    page.locator("#quote-1 summary").click()
    page.locator("#quote-1 button.jump").click()
    assert page.evaluate("document.activeElement.getAttribute('data-q')") == "1"
    assert page.evaluate("document.activeElement.className").startswith("qmark")

    assert not page.locator(".print-legend").is_visible()
    page.emulate_media(media="print")
    assert page.locator(".print-legend").is_visible()
    assert page.locator(".print-legend li").count() == len(legend)
    page.emulate_media(media="screen")
    assert not watch.errors and not watch.dialogs
    ctx.close()


def test_cross_site_form_post_is_refused(browser: Any, site: dict[str, Any]) -> None:
    ctx, page, _ = new_page(browser)
    evil = (
        "<!doctype html><title>evil</title><body>"
        f'<form id="f" method="post" action="{site["base"]}/analyze" enctype="multipart/form-data">'
        '<textarea name="text">Planted by another site: written into your presslens.</textarea>'
        "</form><script>document.getElementById('f').submit()</script></body>"
    )
    page.route(
        "http://evil.example/**",
        lambda route: route.fulfill(status=200, content_type="text/html", body=evil),
    )
    with page.expect_navigation(url=re.compile(r"/analyze$")):
        page.goto("http://evil.example/")
    assert page.locator("h1").inner_text() == "Refused"
    assert "cross-site" in page.locator("#error").inner_text()
    found = page.request.get(f"{site['base']}/v1/documents?text=Planted+by+another+site").json()
    assert found["total"] == 0
    ctx.close()


def test_pasted_text_gets_the_id_of_the_file(
    browser: Any, site: dict[str, Any], seed_path: Path
) -> None:
    ctx, page, watch = new_page(browser)
    page.goto(site["base"] + "/")
    page.locator("#text").fill(seed_path.read_text(encoding="utf-8"))  # sent with CRLF
    page.locator("#analyze").click()
    page.wait_for_url(re.compile(r"/documents/[0-9a-f]{64}$"), timeout=120_000)
    assert page.url.endswith(hashlib.sha256(seed_path.read_bytes()).hexdigest())
    assert not watch.errors and not watch.dialogs
    ctx.close()


def test_document_list_has_facets_snippets_and_counts(browser: Any, site: dict[str, Any]) -> None:
    ctx, page, watch = new_page(browser)
    page.goto(site["base"] + "/documents")
    assert page.locator(".result").count() >= 4
    assert "Foreign Intelligence" in page.locator(".result .snippet").first.inner_text()
    assert "technique span" in page.locator(".result .counts").first.inner_text()
    outlets = page.locator(".facet[data-facet='outlet'] a")
    assert outlets.count() >= 3
    page.locator(".facet[data-facet='outlet'] a", has_text="Sputnik").click()
    page.wait_for_url(re.compile(r"outlet=Sputnik"))
    assert page.locator(".result").count() == 1
    page.locator(".facet[data-facet='technique'] a").first.click()
    page.wait_for_url(re.compile(r"technique="))
    assert page.locator(".result").count() == 1
    page.goto(site["base"] + "/documents?outlet=sputnik&sort=techniques")  # any case
    assert page.locator(".result").count() == 1
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(site["base"] + "/documents?sort=techniques")
    page.screenshot(path=str(SHOTS / "documents.png"))
    assert not watch.errors and not watch.dialogs
    ctx.close()


def test_dashboard_filters_and_clicks_through(browser: Any, site: dict[str, Any]) -> None:
    ctx, page, watch = new_page(browser)
    page.goto(site["base"] + "/dashboard")
    page.wait_for_selector("html[data-charts='ready']", timeout=20_000)
    for details in page.locator("figure.chart details").all():
        details.evaluate("d => { d.open = true; }")
    overflow = page.evaluate(
        "() => [...document.querySelectorAll('figure.chart')]"
        ".filter(f => f.scrollWidth > f.clientWidth + 1).length"
    )
    assert overflow == 0  # tables scroll inside their cards
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(SHOTS / "dashboard.png"), full_page=True)

    page.locator("#d-outlet").fill("ria")
    page.locator("#dash-filters button").click()
    page.wait_for_selector("html[data-charts='ready']", timeout=20_000)
    assert page.locator("#dash-total").inner_text().startswith("1 document ")
    box = page.locator("#chart-techniques").bounding_box()
    point = page.evaluate(
        "() => window.Chart.getChart(document.getElementById('chart-techniques'))"
        ".getDatasetMeta(0).data[0].getCenterPoint()"
    )
    label = page.evaluate(
        "() => window.Chart.getChart(document.getElementById('chart-techniques')).data.labels[0]"
    )
    with page.expect_navigation(url=re.compile(r"/documents\?")):
        page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    assert "outlet=ria" in page.url and "technique=" in page.url
    assert page.locator(".result").count() == 1
    assert label in page.locator("#q-technique option:checked").inner_text()
    assert not watch.errors and not watch.dialogs
    ctx.close()
