"""Hostile input: XSS never runs (digest, Atom, Datasette, in Chromium), no SQL injection, safe -o, fuzzed parsers."""

from __future__ import annotations

import contextlib
import json
import urllib.parse
import urllib.request
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from click.testing import Result
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from parsel import Selector
from scrapy.http import HtmlResponse

from aggregator.digest import write_digest_files
from aggregator.extract import extract_claims
from aggregator.records import OutletRecord
from aggregator.store import Store
from spiders import discovery, parsing, reports
from spiders.errors import repair_charset
from spiders.outlets.bbc import BBCSpider
from spiders.outlets.mirror import MirrorSpider
from tests.conftest import jsonl
from tests.serve_helpers import running_server

DAY = "2024-06-03"
PAYLOADS = [
    "<script>alert('title')</script>",
    '"><img src=x onerror=alert("attr")>',
    "'><svg onload=alert('svg')>",
    '<iframe src="javascript:alert(`frame`)"></iframe>',
    "</title><script>alert('close')</script>",
    '<script xmlns="http://www.w3.org/1999/xhtml">alert("xhtml")</script>',
]
EVIL_OUTLET = '<img src=x onerror=alert("outlet")>'
EVIL_URL = "https://www.bild.de/sport/kane?q=<script>alert('url')</script>&x=\"><img src=x onerror=alert(1)>"
STORY = (
    "Bayern Munich are in talks with Tottenham Hotspur over Harry Kane, with a bid of €100m planned, "
    "according to Bild. {payload}"
)
# Installed before any page script: every way of "proving" an XSS ends up in window.__xss instead of a dialog.
TRAP = """
window.__xss = [];
for (const name of ["alert", "confirm", "prompt", "print"]) {
  window[name] = (...args) => { window.__xss.push(name + ":" + args.join(",")); };
}
"""


def hostile_rows() -> list[dict[str, Any]]:
    found = [
        {
            "url": f"https://www.theguardian.com/football/kane-{n}",
            "title": f"{payload} Kane bid",
            "text": STORY.format(payload=payload),
            "published_at": f"{DAY}T{8 + n:02d}:00:00Z",
            "outlet": "theguardian",
        }
        for n, payload in enumerate(PAYLOADS)
    ]
    found.append(
        {
            "url": EVIL_URL,
            "title": "Kane: Bayern bid",
            "text": STORY.format(payload="<b onmouseover=alert('body')>hover</b>"),
            "published_at": f"{DAY}T07:00:00Z",
            "outlet": "bild",
        }
    )
    return found


@pytest.fixture
def hostile(cli: Callable[..., Result], db_path: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A store filled through `rumours import` + `aggregate`, its outlet names hostile too; digest files written."""
    cli("import", "-", input=jsonl(hostile_rows()))
    cli("aggregate")
    folder = tmp_path / "digest"
    with Store(db_path) as store:
        store.upsert_outlet(OutletRecord(id="bild", name=EVIL_OUTLET, domain="bild.de"))
        write_digest_files(store, folder, ZoneInfo("UTC"), date.fromisoformat(DAY))
    return db_path, folder


# -- in the browser -------------------------------------------------------------------------------------------


def assert_inert(page: Any, url: str, fired: list[str]) -> None:
    page.goto(url, wait_until="load")
    page.mouse.move(5, 5)
    for link in page.locator("a").all()[:40]:  # hovering fires any injected mouseover handler
        if link.is_visible():
            link.hover(timeout=2000)
    fired.extend(page.evaluate("window.__xss"))
    live = page.evaluate(
        """() => [...document.querySelectorAll('*')].flatMap(el => [...el.attributes]
             .filter(a => a.name.startsWith('on') || /^\\s*javascript:/i.test(a.value))
             .map(a => el.tagName + ' ' + a.name + '=' + a.value))"""
    )
    assert live == [], (url, live)
    assert page.locator("iframe, svg[onload], img[onerror]").count() == 0, url


@pytest.mark.browser
@pytest.mark.slow
def test_xss_never_runs_in_the_browser(hostile: tuple[Path, Path], browser: Any) -> None:
    db, folder = hostile
    fired: list[str] = []
    with running_server(db, folder) as base:
        page = browser.new_page()
        page.add_init_script(TRAP)
        page.on("dialog", lambda d: (fired.append("dialog:" + d.message), d.dismiss()))
        html = f"{base}/digest/digest-{DAY}.html"
        assert_inert(page, html, fired)
        assert page.get_by_text(PAYLOADS[0], exact=False).first.is_visible()  # shown as text
        assert_inert(page, f"{base}/digest/digest-{DAY}.atom", fired)
        quoted = urllib.parse.quote(PAYLOADS[1])
        for path in [
            "/",
            "/rumours/articles",
            "/rumours/articles/1",
            "/rumours/outlets",
            "/rumours/deals",
            "/rumours/who_broke_it?player=kane",
            f"/rumours/search?q={quoted}",
            f"/rumours/search?q={urllib.parse.quote('img')}",
            "/rumours/crawl_runs",
        ]:
            assert_inert(page, base + path, fired)
        page.goto(base + "/rumours/outlets", wait_until="load")
        assert page.get_by_text(EVIL_OUTLET).first.is_visible()
        page.goto(base + "/rumours/articles?_sort=published_at", wait_until="load")
        assert page.get_by_text("alert('title')", exact=False).first.is_visible()
    assert fired == []


# -- SQL injection --------------------------------------------------------------------------------------------


INJECTIONS = ["x' OR 1=1 --", "x%' OR '1'='1", "'; DROP TABLE deals; --", '" OR ""="', "%", "_", "\\"]


@pytest.mark.parametrize("player", INJECTIONS)
def test_cli_arguments_are_data_not_sql(hostile: tuple[Path, Path], cli: Callable[..., Result], player: str) -> None:
    everything = cli("deals", "--format", "jsonl").output.splitlines()
    assert everything  # there are deals to leak
    found = cli("deals", "--format", "jsonl", "--player", player, expect=None)
    # Either no deal matches the literal text, or a name with no letters at all is refused as a usage error.
    assert (found.exit_code, found.output) == (0, "") or (found.exit_code == 2 and "empty player name" in found.output)
    first = cli("first", player, expect=None)
    assert (first.exit_code == 1 and "no deals found" in first.output) or first.exit_code == 2
    assert cli("deals", "--format", "jsonl").output.splitlines() == everything  # nothing dropped


FTS = ['" OR 1=1 --', 'Kane" OR "x', "Kane NEAR Bayern", "*", '"', "NOT Kane", "Kane AND", "title:Kane", "a'b"]


@pytest.mark.slow
def test_search_terms_are_phrases_not_fts_syntax(hostile: tuple[Path, Path]) -> None:
    db, folder = hostile
    with running_server(db, folder) as base:

        def search(q: str) -> list[Any]:
            url = f"{base}/rumours/search.json?_shape=array&q={urllib.parse.quote(q)}"
            with urllib.request.urlopen(url, timeout=30) as response:
                assert response.status == 200
                return list(json.load(response))

        assert len(search("Harry Kane")) == len(hostile_rows())
        for q in FTS:
            assert search(q) == [], q  # a phrase nobody wrote: no error, no rows
        sql = urllib.parse.quote("DELETE FROM deals")
        try:
            urllib.request.urlopen(f"{base}/rumours.json?sql={sql}", timeout=30).close()
            refused = False
        except urllib.error.HTTPError:
            refused = True
    assert refused and Store(db, readonly=True).counts()["deals"] > 0


# -- -o paths -------------------------------------------------------------------------------------------------


def test_output_paths_are_handled_safely(
    hostile: tuple[Path, Path], cli: Callable[..., Result], tmp_path: Path
) -> None:
    (tmp_path / "plain-file").write_text("keep me")
    refused = cli("digest", "--date", DAY, "-o", str(tmp_path / "plain-file" / "d.html"), expect=1)
    assert "cannot write" in refused.output and (tmp_path / "plain-file").read_text() == "keep me"
    refused = cli("digest", "--date", DAY, "-o", "/dev/null", expect=1)  # not a regular file: left alone
    assert "not a regular file" in refused.output
    assert cli("digest", "--date", "../../etc/passwd", expect=2).exit_code == 2
    odd = tmp_path / "$(touch pwned)" / "--help" / "dïgest\n.md"
    cli("digest", "--date", DAY, "-o", str(odd))
    assert odd.is_file() and not (tmp_path / "pwned").exists()
    assert not list(odd.parent.glob(".*.tmp"))  # the atomic write leaves no temporary file behind


# -- fuzzing the parsers --------------------------------------------------------------------------------------

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TAGS = st.sampled_from(
    [
        "<rss>", "</rss>", "<channel>", "<item>", "</item>", "<link>", "</link>", "<title>", "<guid>", "<pubDate>",
        "<feed xmlns='http://www.w3.org/2005/Atom'>", "<entry>", "<urlset>", "<url>", "<loc>", "</loc>",
        "<sitemapindex>", "<sitemap>", "<lastmod>", "<news:publication_date>", "<![CDATA[", "]]>", "<!DOCTYPE x [",
        "<!ENTITY a '&a;&a;'>", "&a;", "&#0;", "\x00", "<?xml version='1.0' encoding='utf-16'?>", "https://x.y/z",
        "javascript:alert(1)", "2024-02-30T25:61:00+99:00", "Mon, 32 Foo 2024", "<p>", "</p>", "<time datetime=",
        "<script type='application/ld+json'>", "{\"@type\": \"NewsArticle\", \"datePublished\": ", "[", "]", "}",
        "<article>", "<h2>", "(Bild - in German)", "<a href='", "'>", "</a>", "é", "🚨", "\u202e",
    ]
)  # fmt: skip
MARKUP = st.one_of(st.lists(TAGS | st.text(max_size=20), max_size=60).map("".join), st.text(max_size=500))


@FUZZ
@given(MARKUP)
def test_feed_and_sitemap_parsers_raise_only_malformed(doc: str) -> None:
    for body in (doc.encode("utf-8", "surrogatepass"), doc.encode("latin-1", "replace")):
        for parse in (discovery.feed_candidates, discovery.sitemap_candidates):
            with contextlib.suppress(discovery.MalformedFeed):
                parse(body)


@FUZZ
@given(MARKUP, st.sampled_from(["https://www.bbc.com/sport/football/gossip", "https://www.mirror.co.uk/x"]))
@example("<a href='<a href='\x08<rss>", "https://www.bbc.com/sport/football/gossip")  # a control char in a name
@example(
    "<article id='x' \x08a='1'><h2>T</h2><time datetime='2024-06-01' \x08b='2'></time>"
    "<p>Some text long enough to be a report of its own.</p></article>",
    "https://www.mirror.co.uk/x",
)
def test_article_parsers_never_raise(doc: str, url: str) -> None:
    sel = Selector(text=doc or "<html></html>")
    discovery.listing_candidates(sel, url, "a[href]", r"-\d+$")
    parsing.article_jsonld(parsing.jsonld_objects(sel))
    reports.gossip_reports(sel.css("p"), url, None)
    reports.liveblog_html_reports(sel, "article", "h2", "time", "p", url, "Europe/London")
    for value in sel.css("time::attr(datetime)").getall()[:5]:
        parsing.to_utc(value, "Europe/Berlin")
    for spider in (BBCSpider(), MirrorSpider()):
        response = HtmlResponse(url=url, body=doc.encode("utf-8", "replace"), encoding="utf-8")
        fixed = repair_charset(response) or response
        item = spider.parse_page(fixed)
        assert item.url == url


@FUZZ
@given(st.binary(max_size=2000), st.sampled_from(["utf-8", "iso-8859-1", "cp1252", "shift_jis", ""]))
def test_charset_repair_never_raises(body: bytes, declared: str) -> None:
    headers = {"Content-Type": f"text/html; charset={declared}" if declared else "text/html"}
    repair_charset(HtmlResponse(url="https://www.bild.de/a", body=body, headers=headers))


@FUZZ
@given(MARKUP, MARKUP, st.sampled_from(["en", "de", "es", "it", "fr", None, "xx"]))
def test_extractors_take_hostile_markup(text: str, title: str, language: str | None) -> None:
    extract_claims(text, title=title, language=language, cited_source="<script>alert(1)</script>")
