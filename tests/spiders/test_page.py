"""ArticlePage reads a page once and finds what the per-query helpers would have found."""

from __future__ import annotations

import gzip
import random

import pytest
from lxml import etree
from outlet_expectations import fixture_pages
from parsel import Selector
from scrapy.http import HtmlResponse, TextResponse

from spiders import parsing
from spiders.page import ArticlePage, page_selector, read_head

URL = "https://www.bild.de/sport/a.bild.html"
KEYS = [
    "og:title",
    "twitter:title",
    "article:published_time",
    "datePublished",
    "date",
    "article:modified_time",
    "og:updated_time",
    "dateModified",
    "author",
    "article:author",
    "article:section",
    "news_keywords",
    "keywords",
    "description",
]


def _tree(response: TextResponse) -> bytes:
    return etree.tostring(response.selector.root)


@pytest.mark.parametrize(
    "body",
    [
        b"<html><body><p>plain</p></body></html>",
        "<html><body><p>Gerücht: Wechsel für 50 Mio. €</p></body></html>".encode(),
        b"\xef\xbb\xbf<html><body><p>bom</p></body></html>",
        "\u00a0<html><body><p>leading no-break space</p></body></html>\u3000".encode(),
        b"<html><body><p>nul\x00byte</p></body></html>",
        b"<html><body><p>invalid \xff utf-8</p></body></html>",
        b"  \n<p>fragment</p>  ",
        b"",
    ],
)
@pytest.mark.parametrize("content_type", ["text/html; charset=utf-8", "text/html; charset=iso-8859-1", "text/html"])
def test_page_selector_builds_the_tree_the_response_selector_would(body: bytes, content_type: str) -> None:
    def response() -> HtmlResponse:
        return HtmlResponse(url=URL, body=body, headers={"Content-Type": content_type})

    root = page_selector(response()).root
    assert etree.tostring(root) == _tree(response())
    assert type(root) is etree._Element  # no lxml.html element class lookup (a Python call per element touched)


def test_page_selector_leaves_non_html_responses_to_scrapy() -> None:
    response = TextResponse(url=URL, body=b"<html><p>x</p></html>", encoding="utf-8")
    assert page_selector(response) is response.selector


@pytest.mark.parametrize("page", fixture_pages()[::3], ids=lambda p: f"{p.parent.name}/{p.name.split('.')[0]}")
def test_read_head_finds_what_parsing_meta_finds(page: Selector) -> None:
    sel = Selector(text=gzip.decompress(page.read_bytes()).decode("utf-8", "replace"))
    article = ArticlePage(HtmlResponse(url=URL, body=gzip.decompress(page.read_bytes())))
    for key in KEYS:
        assert article.meta(key) == parsing.meta(sel, key), key


def test_read_head_first_tag_with_content_wins_for_each_attribute() -> None:
    sel = Selector(
        text='<meta name="author"><meta property="og:title" name="title" content="One">'
        '<meta itemprop="og:title" content="Two"><meta name="author" content="">'
    )
    assert read_head(sel)[0] == {"og:title": "One", "title": "One", "author": ""}
    assert parsing.meta(sel, "author", "title") == "One"


def test_node_texts_are_read_once_per_node() -> None:
    body = b"<html><body><article><p>First paragraph.</p><p>Second <b>one</b>.</p></article></body></html>"
    page = ArticlePage(HtmlResponse(url=URL, body=body))
    assert page.paragraphs(["article p"], []) == ["First paragraph.", "Second one."]
    assert page.nodes("article p") is page.nodes("article p")
    assert page.css("article p").getall() == Selector(body=body).css("article p").getall()
    assert len(page._texts) == 2
    assert page.paragraphs(["article p"], ["b"]) == ["First paragraph.", "Second one."]
    assert page.paragraphs(["article p"], ["article"]) == []


@pytest.mark.parametrize(
    "markup",
    [
        "<p>a<b>b</b>c<br>d<!-- no -->e<script>no</script>f<style>no</style>g<br/></p>",
        "<p><span>in<br>line</span>  tail \n<i>x</i></p><noscript><p>shown</p></noscript>",
        "<div>" + "<span>deep " * 2000 + "end" + "</span>" * 2000 + "</div>",  # deeper than Python's recursion limit
    ],
)
def test_node_text_reads_what_the_xpath_did(markup: str) -> None:
    sel = Selector(text=markup)
    for node in sel.xpath("//*")[:20]:
        assert parsing.node_text(node) == parsing._node_text_xpath(node)


@pytest.mark.parametrize("page", fixture_pages()[::3], ids=lambda p: f"{p.parent.name}/{p.name.split('.')[0]}")
def test_read_head_finds_the_jsonld_blocks_read_jsonld_reads(page: Selector) -> None:
    sel = Selector(text=gzip.decompress(page.read_bytes()).decode("utf-8", "replace"))
    assert read_head(sel)[1] == sel.xpath(parsing.JSONLD_XPATH).getall()


def test_looks_mojibake_counts_the_marks_the_regex_finds() -> None:
    rng = random.Random(15)
    alphabet = ["Ã", "Â", "â", "€", "¼", "\u2019", "a", " ", "Ÿ", "\u00bf", "\u0080", "ü"]
    texts = ["Âgé de 21 ans", "FÃ¼r MÃ¼nchen", "â€™ and â€œ", "Ã alone", "50 Mio. € and â"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8))) for _ in range(5000)]
    for text in texts:
        assert parsing.looks_mojibake(text) == (len(parsing._MOJIBAKE.findall(text)) >= 2), text


def test_node_text_of_an_element_inside_script_or_style_is_empty() -> None:
    # The HTML parser never nests elements in <script> or <style>; a tree built otherwise keeps the rule.
    sel = Selector(text="<html><body><script></script><style></style><div></div></body></html>")
    for container in ("script", "style", "div"):
        p = etree.SubElement(etree.SubElement(sel.css(container)[0].root, "span"), "p")
        p.text = "hidden" if container != "div" else "shown"
    nodes = sel.xpath("//p")
    assert [parsing.node_text(n) for n in nodes] == [parsing._node_text_xpath(n) for n in nodes] == ["", "", "shown"]
