"""A page that cannot be parsed, wholly or in part, is a recorded page error with its URL; the others are kept."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from scrapy.http import HtmlResponse

from aggregator.crawl import run_crawls
from spiders.outlets.kicker import KickerSpider
from spiders.recorded_server import RecordedSite, serve_in_thread
from tests.spiders.crawl_helpers import fast_settings, rows

FIXTURES = Path(__file__).parent / "fixtures" / "outlets"
KICKER = FIXTURES / "kicker" / "2024-04-26-schubert-msv"  # a real kicker.de page (shared fixtures, MANIFEST)
MIRROR = "https://www.mirror.co.uk/sport/football/transfer-news/"
AUBAMEYANG = MIRROR + "arsenal-aubameyang-transfer-real-madrid-22003093"
LIVE = MIRROR + "transfer-news-live-newcastle-chelsea-35412877"
DEEP = 100_000
NESTED_LISTS = "[" * DEEP + "]" * DEEP
NESTED_OBJECTS = '{"@type": "NewsArticle", "headline": "x", "a": ' + '{"a": ' * DEEP + "1" + "}" * (DEEP + 1)
HOSTILE_JSONLD = "".join(
    f'<script type="application/ld+json">{block}</script>' for block in (NESTED_LISTS, NESTED_OBJECTS)
)


def with_hostile_jsonld(body: bytes) -> bytes:
    return body.replace(b"</head>", HOSTILE_JSONLD.encode() + b"</head>", 1)


def test_nested_jsonld_is_skipped_and_the_page_keeps_its_facts() -> None:
    url = KICKER.with_suffix(".url").read_text().strip()
    expected = json.loads(KICKER.with_suffix(".json").read_text())
    body = with_hostile_jsonld(gzip.decompress(KICKER.with_suffix(".html.gz").read_bytes()))
    assert body.count(b"application/ld+json") >= 3  # the page's own JSON-LD and the two hostile blocks

    item = KickerSpider().parse_page(HtmlResponse(url=url, body=body))

    # Title, date and author come from the page's own JSON-LD block, which is still read.
    assert (item.title, item.published_at, item.author) == (
        expected["title"],
        expected["published_at"],
        expected["author"],
    )
    assert item.text.startswith(expected["body_start"]) and len(item.text) == expected["body_length"]


@pytest.mark.slow
def test_a_page_that_fails_to_parse_is_a_recorded_error_and_health_says_so(
    tmp_path: Path, db_path: Path, cli: Callable[..., Result]
) -> None:
    site = RecordedSite()
    site.pages[LIVE].body = with_hostile_jsonld(site.pages[LIVE].body)
    server = serve_in_thread(site)
    try:
        settings = fast_settings(server, SPIDER_MODULES="spiders.outlets,tests.spiders.broken_outlet")
        [result] = run_crawls(["mirror_broken_byline"], db_path, settings=settings, timeout=120)
    finally:
        server.stop()
    assert result.ok, result.log_tail

    # The live blog is stored with its entries: its own JSON-LD is read, the hostile blocks skipped.
    [(url, title)] = rows(db_path, "SELECT url, title FROM articles")
    assert url == LIVE and title.startswith("Transfer news LIVE")
    assert rows(db_path, "SELECT COUNT(*) FROM reports") == [(3,)]
    [(status, errors_json)] = rows(db_path, "SELECT status, error_reasons FROM crawl_runs")
    errors = json.loads(errors_json)
    assert sorted((e["url"], e["reason"]) for e in errors) == [
        (AUBAMEYANG, "page not parsed: SelectorSyntaxError: Expected an argument, got <EOF at 23>"),
        (LIVE, "JSON-LD block skipped: nested deeper than 64 levels"),
        (LIVE, "JSON-LD block skipped: nested deeper than 64 levels"),
    ]
    assert status == "ok"  # a page was stored; the errors are listed with the run

    [outlet] = json.loads(cli("health", "--json").output)
    assert outlet["errors"] == 3
    assert outlet["warnings"] == ["1 page not parsed (spider error)", "1 page with hostile JSON-LD skipped"]
    assert "1 page not parsed (spider error)" in cli("health").output  # the table, instead of "ok"
