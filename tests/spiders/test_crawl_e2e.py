"""End to end: crawl the recorded-outlets server twice; the second run fetches only what changed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from crawl_helpers import article_hits, fast_settings, rows

from aggregator.crawl import run_crawls
from spiders.recorded_server import RecordedServer, RecordedSite, serve_in_thread

pytestmark = pytest.mark.slow
AUBAMEYANG = "https://www.mirror.co.uk/sport/football/transfer-news/arsenal-aubameyang-transfer-real-madrid-22003093"
OUTLETS = ["bbc", "mirror"]


@pytest.fixture()
def server() -> Iterator[RecordedServer]:
    srv = serve_in_thread(RecordedSite())
    yield srv
    srv.stop()


def test_second_crawl_downloads_only_what_changed(server: RecordedServer, tmp_path: Path) -> None:
    db = tmp_path / "rumours.db"
    settings = fast_settings(server)

    first = run_crawls(OUTLETS, db, settings=settings, jobs=2)
    assert all(r.ok for r in first), [r.log_tail for r in first]
    assert sorted(url for url, _ in article_hits(server)) == sorted(
        u for outlet in OUTLETS for u in server.site.outlets[outlet]
    )
    assert rows(db, "SELECT COUNT(*) FROM articles") == [(4,)]
    # two gossip columns: 5 items each; live blog: 3 entries; ordinary article: 1 report
    assert rows(db, "SELECT COUNT(*) FROM reports") == [(14,)]
    assert rows(db, "SELECT cited_source FROM reports WHERE cited_source IS NOT NULL ORDER BY 1")[:3] == [
        ("Bild",),
        ("Bild",),
        ("Corriere dello Sport",),
    ]
    first_requests = dict(rows(db, "SELECT spider, requests FROM crawl_runs"))

    page = server.site.pages[AUBAMEYANG]
    changed = page.body.replace(
        b"Real Madrid have set Arsenal a June 15 deadline", b"Real Madrid have set Arsenal a June 30 deadline"
    )
    assert changed != page.body
    server.site.update_article(AUBAMEYANG, changed, datetime.now(UTC))
    seen = len(server.site.hits)

    second = run_crawls(OUTLETS, db, settings=settings, jobs=2)
    assert all(r.ok for r in second)
    assert article_hits(server, seen) == [(AUBAMEYANG, 200)]
    runs = rows(db, "SELECT spider, requests, items FROM crawl_runs ORDER BY id")
    assert len(runs) == 4
    second_requests = {outlet: requests for outlet, requests, _ in runs[2:]}
    assert second_requests["bbc"] == first_requests["bbc"] - 2  # robots x2, feed, listing; neither column
    assert second_requests["mirror"] == first_requests["mirror"] - 1  # one of two articles
    assert rows(db, "SELECT COUNT(*), COUNT(DISTINCT url) FROM articles") == [(4, 4)]
    assert rows(db, "SELECT COUNT(*) FROM reports") == [(14,)]
    assert "June 30 deadline" in rows(db, "SELECT body FROM articles WHERE url = ?", AUBAMEYANG)[0][0]

    # The feed says the page changed again but the content is the same: a conditional request, 304, no parse.
    server.site.update_article(AUBAMEYANG, changed, datetime.now(UTC))
    seen = len(server.site.hits)
    third = run_crawls(["mirror"], db, settings=settings)
    assert third[0].ok and third[0].items == 0
    assert article_hits(server, seen) == [(AUBAMEYANG, 304)]
