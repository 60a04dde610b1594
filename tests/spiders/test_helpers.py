"""Table-driven tests of the spiders' pure helpers: filter, citations, dates, feeds, charset, guards, retry."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse

from spiders import discovery
from spiders.errors import repair_charset
from spiders.items import ArticleItem
from spiders.middlewares import is_private_host
from spiders.parsing import looks_mojibake, to_utc
from spiders.pipelines import problems
from spiders.recorded_server import server_url, unmap_url
from spiders.reports import split_citation
from spiders.retry import retry_after_seconds
from spiders.transfer_filter import is_transfer_story, maybe_transfer


@pytest.mark.parametrize(
    ("url", "title", "text", "expected"),
    [
        ("https://x.com/sport/football/transfer-news/a-1", "Arsenal news", "", True),
        ("https://x.com/a", "Football gossip: Isak, Wirtz", "", True),
        ("https://x.com/a", "BVB vor Wechsel von Führich", "", True),
        ("https://x.com/a", "El Madrid cierra el fichaje de Huijsen", "", True),
        ("https://x.com/a", "Calciomercato: Osimhen, la Juve ci prova", "", True),
        ("https://x.com/a", "Mercato : le PSG proche d'un accord", "", True),
        ("https://x.com/a", "Liverpool verliert bei Everton", "Das 0:2 im Derby kostet Punkte im Titelkampf.", False),
        ("https://x.com/a", "Chelsea beat Tottenham", "Chelsea won 2-0 with goals from Chalobah and Jackson.", False),
        ("https://x.com/a", "Kerkez latest", "Liverpool are in talks over a £45m deal; a contract is agreed.", True),
    ],
)
def test_transfer_filter(url: str, title: str, text: str, expected: bool) -> None:
    assert is_transfer_story(url, title, None, (), text) is expected


def test_discovery_check_is_cheap_and_lenient() -> None:
    assert maybe_transfer("https://x.com/a", "Chelsea bid for Osimhen")
    assert not maybe_transfer("https://x.com/a", "Weather warning for London")


@pytest.mark.parametrize(
    ("text", "story", "source"),
    [
        (
            "Bayern have opened talks over Florian Wirtz. (Bild - in German)",
            "Bayern have opened talks over Florian Wirtz.",
            "Bild",
        ),
        ("Isak wants to leave. (Telegraph - subscription required)", "Isak wants to leave.", "Telegraph"),
        ("Tottenham will listen to offers. (Sun)", "Tottenham will listen to offers.", "Sun"),
        ("Zubimendi prefers Arsenal, according to Marca.", "Zubimendi prefers Arsenal, according to Marca.", "Marca"),
        ("He scored twice (both headers)", "He scored twice (both headers)", None),
    ],
)
def test_split_citation(text: str, story: str, source: str | None) -> None:
    assert split_citation(text) == (story, source)


@pytest.mark.parametrize(
    ("value", "tz", "expected"),
    [
        ("2024-04-26T15:24:10+02:00", None, "2024-04-26T13:24:10+00:00"),
        ("2025-01-05T03:56:38+0100", None, "2025-01-05T02:56:38+00:00"),
        ("2024-07-18T11:48", "Europe/London", "2024-07-18T10:48:00+00:00"),
        ("2024-01-18T11:48", "Europe/Berlin", "2024-01-18T10:48:00+00:00"),
        ("Sat, 09 May 2020 22:30:00 +0100", None, "2020-05-09T21:30:00+00:00"),
        ("2024-12-02T01:20:33Z", None, "2024-12-02T01:20:33+00:00"),
        ("not a date at all, really", None, None),
        (None, None, None),
    ],
)
def test_dates_become_utc(value: str | None, tz: str | None, expected: str | None) -> None:
    assert to_utc(value, tz) == expected


def test_malformed_feed_raises_and_good_feed_parses() -> None:
    with pytest.raises(discovery.MalformedFeed):
        discovery.feed_candidates(b'<?xml version="1.0"?><rss><channel><title>broken</tit')
    rss = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>Transfer news</title>'
        b"<link>https://x.com/transfer/a</link><pubDate>Wed, 28 May 2025 05:48:10 GMT</pubDate></item></channel></rss>"
    )
    [cand] = discovery.feed_candidates(rss)
    assert (cand.url, cand.published_at) == ("https://x.com/transfer/a", "2025-05-28T05:48:10+00:00")


def test_news_sitemap_gives_titles_and_dates() -> None:
    xml = (
        b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        b'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>https://x.com/a</loc>'
        b"<news:news><news:publication_date>2025-06-01T10:00:00+02:00</news:publication_date>"
        b"<news:title>Wechsel perfekt</news:title></news:news></url></urlset>"
    )
    children, [cand] = discovery.sitemap_candidates(xml)
    assert children == [] and cand.title == "Wechsel perfekt" and cand.lastmod == "2025-06-01T08:00:00+00:00"


def test_wrong_declared_charset_is_repaired_not_stored_as_mojibake() -> None:
    body = "<html><body><p>Cláusula de rescisión für Führich</p></body></html>".encode()
    wrong = HtmlResponse("https://x.com/a", body=body, headers={"Content-Type": "text/html; charset=iso-8859-1"})
    assert looks_mojibake(wrong.text)
    fixed = repair_charset(wrong)
    assert fixed is not None and "Cláusula de rescisión für Führich" in fixed.text


@pytest.mark.parametrize(
    ("host", "private"),
    [
        ("127.0.0.1", True),
        ("10.1.2.3", True),
        ("169.254.169.254", True),
        ("[::1]", True),
        ("localhost", True),
        ("printer.local", True),
        ("www.bbc.com", False),
        ("93.184.216.34", False),
    ],
)
def test_private_addresses_are_refused(host: str, private: bool) -> None:
    assert is_private_host(host) is private


def test_retry_after_seconds_and_http_date() -> None:
    now = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)
    assert retry_after_seconds(b"7") == 7.0
    assert retry_after_seconds(b"Sun, 01 Jun 2025 12:00:30 GMT", now) == 30.0
    assert retry_after_seconds(b"soon") is None


def test_recorded_server_urls_round_trip() -> None:
    real = "https://www.mirror.co.uk/sport/football/transfer-news/?service=rss"
    assert unmap_url(server_url("http://127.0.0.1:8765", real)) == real


def test_validation_names_every_problem() -> None:
    item = ArticleItem(url="https://x.com/a", outlet="x", title=None, text="short")
    assert problems(item) == ["no_title", "no_body", "no_date"]


def test_the_mojibake_check_agrees_with_its_full_pattern_on_every_recorded_page() -> None:
    from spiders.parsing import _MOJIBAKE

    pages = sorted(Path(__file__).resolve().parents[2].glob("spiders/recorded/pages/*/*.html.gz"))
    assert len(pages) >= 20
    samples = [gzip.decompress(p.read_bytes()).decode("utf-8", "replace") for p in pages]
    samples += [s.encode("utf-8").decode("cp1252", "replace") for s in samples[:5]]  # garbled on purpose
    samples += ["Ã¼ber", "Ã¼ber den Â»WechselÂ«", "Itâ€™s done, â€œhere we goâ€", "Mbappé à Madrid"]
    for text in samples:
        assert looks_mojibake(text) == (len(_MOJIBAKE.findall(text)) >= 2)
    assert looks_mojibake(samples[len(pages)])  # a garbled real page is still caught


def test_no_outlet_callback_is_a_generator_returning_a_value() -> None:
    # What Scrapy's WARN_ON_GENERATOR_RETURN_VALUE checks on every response, checked here once (it is off in
    # spiders/settings.py: its per-response source parsing cost ~0.5 ms an article).
    from scrapy.spiderloader import SpiderLoader
    from scrapy.utils.misc import is_generator_with_return_value
    from scrapy.utils.project import get_project_settings

    settings = get_project_settings()
    assert settings.getbool("WARN_ON_GENERATOR_RETURN_VALUE") is False
    loader = SpiderLoader.from_settings(settings)
    callbacks = [
        getattr(loader.load(name), method)
        for name in loader.list()
        for method in ("parse_article", "parse_feed", "parse_sitemap", "parse_listing", "on_error")
    ]
    assert len(callbacks) >= 5 * 14
    assert not any(is_generator_with_return_value(callback) for callback in callbacks)
