"""HTML pages: the article without the page's chrome, its metadata, and the layout."""

from __future__ import annotations

import pytest

from presslens.errors import InputError
from presslens.ingest import read_bytes
from presslens.ingest.html import decode_html, document_from_html, paragraphs

# An invented page: cookie banner, navigation, breadcrumbs, share links, an inline
# advertisement, a related-stories aside, comments and a footer around an article.
ARTICLE_PARAGRAPHS = [
    "The Harbour Authority of Eastport said on Tuesday that the northern ferry pier would "
    "close for repairs from June 24, after inspectors found corrosion in two support beams.",
    "Ferries to Gull Island will leave from the southern terminal during the works, which "
    "are expected to last six weeks, authority spokeswoman Mara Lind told reporters.",
    "\u201cPassenger safety comes first, and we will keep the timetable as close to normal as "
    "we can,\u201d Lind said, adding that extra buses would link the two terminals.",
    "Local shop owners near the pier said the closure would hurt trade during the busiest "
    "weeks of the summer season, and asked the city council for support.",
]
PAGE = f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Eastport ferry pier to close for repairs | Eastport Evening Post</title>
  <meta property="og:site_name" content="Eastport Evening Post">
  <meta name="author" content="Jane Doe">
  <meta property="article:published_time" content="2024-06-20T09:30:00Z">
  <link rel="canonical" href="https://news.example.org/eastport/ferry-pier-repairs">
  <meta name="description" content="The northern pier closes for six weeks.">
</head>
<body>
  <div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience.
    <button>Accept all cookies</button></div>
  <header><nav class="main-nav"><ul><li><a href="/">Home</a></li>
    <li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li>
    <li><a href="/weather">Weather</a></li></ul></nav></header>
  <div class="breadcrumbs"><a href="/">Home</a> &gt; <a href="/eastport">Eastport</a></div>
  <main>
    <article>
      <h1>Eastport ferry pier to close for repairs</h1>
      <p class="byline">By <span class="author">Jane Doe</span>,
        <time datetime="2024-06-20">June 20, 2024</time></p>
      <div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
      <p>{ARTICLE_PARAGRAPHS[0]}</p>
      <p>{ARTICLE_PARAGRAPHS[1]}</p>
      <div class="advertisement ad-slot">ADVERTISEMENT Buy the new SuperPhone today, 20% off
        with code SUMMER</div>
      <p>{ARTICLE_PARAGRAPHS[2]}</p>
      <p>{ARTICLE_PARAGRAPHS[3]}</p>
    </article>
    <aside class="related"><h2>Related stories</h2><ul>
      <li><a href="/a">Council approves new harbour budget for next year</a></li>
      <li><a href="/b">Storm damage closes coastal road near Gull Island</a></li></ul></aside>
    <section id="comments" class="comments"><h2>Comments</h2>
      <div class="comment"><p>Reader42: This pier has needed work for years, about time.</p></div>
      <div class="comment"><p>SeaDog: Typical council, always in the summer season!</p></div>
    </section>
  </main>
  <footer>Copyright 2024 Eastport Evening Post. All rights reserved. Privacy policy.</footer>
</body>
</html>
"""
CHROME = [
    "cookies",
    "Home",
    "Share on",
    "ADVERTISEMENT",
    "SuperPhone",
    "Related stories",
    "Council approves",
    "Reader42",
    "SeaDog",
    "Copyright",
    "Privacy",
]


@pytest.fixture(scope="module")
def doc():
    return document_from_html(PAGE, path="pier.html")


def test_body_is_the_article_without_chrome(doc):
    start, end = doc.metadata.extra["body_span"]
    body = doc.text[start:end]
    assert paragraphs(body) == ARTICLE_PARAGRAPHS
    for chrome in CHROME:
        assert chrome not in doc.text, chrome


def test_layout_headline_blank_line_paragraphs(doc):
    title = "Eastport ferry pier to close for repairs"
    assert doc.text == title + "\n\n" + "\n\n".join(ARTICLE_PARAGRAPHS)
    assert doc.metadata.extra["title_span"] == (0, len(title))
    assert doc.metadata.extra["body_span"] == (len(title) + 2, len(doc.text))


def test_metadata(doc):
    meta = doc.metadata
    assert meta.title == "Eastport ferry pier to close for repairs"  # " | site" stripped
    assert meta.outlet == "Eastport Evening Post"
    assert meta.authors == ("Jane Doe",)
    assert meta.published == "2024-06-20"
    assert meta.url == "https://news.example.org/eastport/ferry-pier-repairs"
    assert meta.extra["declared_language"] == "en"
    assert meta.extra["description"] == "The northern pier closes for six weeks."
    assert doc.source.path == "pier.html"
    assert doc.source.format == "html"


def test_bytes_with_declared_charset():
    page = PAGE.replace('charset="utf-8"', 'charset="windows-1251"').replace(
        ARTICLE_PARAGRAPHS[3], "Владельцы магазинов у причала попросили совет города о помощи."
    )
    doc = read_bytes(page.encode("cp1251"), name="ru.html")
    assert "Владельцы магазинов" in doc.text


def test_decode_html_ignores_a_wrong_declaration():
    data = '<meta charset="nonsense-enc"><p>Café</p>'.encode()
    assert decode_html(data) == '<meta charset="nonsense-enc"><p>Café</p>'


def test_page_without_article_is_an_html_error():
    page = (
        "<html><head><title>Gallery</title><script>var a = 1;</script></head>"
        "<body><img src='a.png'><script>var b = 2;</script></body></html>"
    )
    with pytest.raises(InputError) as exc:
        read_bytes(page.encode(), name="menu.html")
    assert exc.value.kind == "html"
    assert str(exc.value) == "menu.html: html: no article text found in the page"


def test_blank_html_string_is_empty():
    with pytest.raises(InputError) as exc:
        document_from_html("   ")
    assert exc.value.kind == "empty"


def test_oversized_html_string_refused():
    from presslens.settings import Settings

    with pytest.raises(InputError) as exc:
        document_from_html(PAGE, settings=Settings(max_input_bytes=100))
    assert exc.value.kind == "too-large"


def test_repeated_h1_not_duplicated_in_body(doc):
    assert doc.text.count("Eastport ferry pier to close for repairs") == 1


def test_valid_utf8_wins_over_a_stale_declaration():
    data = '<meta charset="iso-8859-1"><p>Café – “quoted”</p>'.encode()
    assert decode_html(data).endswith("<p>Café – “quoted”</p>")


def test_declared_legacy_charset_used_when_not_utf8():
    data = '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><p>Привет</p>'
    assert decode_html(data.encode("koi8-r")).endswith("<p>Привет</p>")
