"""Faults injected by the recorded server: the crawl finishes and each failure is recorded with its reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from crawl_helpers import fast_settings, rows

from aggregator.crawl import run_crawls
from spiders.recorded_server import RecordedSite, serve_in_thread

pytestmark = pytest.mark.slow
MIRROR_FEED = "https://www.mirror.co.uk/sport/football/transfer-news/?service=rss"
AUBAMEYANG = "https://www.mirror.co.uk/sport/football/transfer-news/arsenal-aubameyang-transfer-real-madrid-22003093"
LIVE = "https://www.mirror.co.uk/sport/football/transfer-news/transfer-news-live-newcastle-chelsea-35412877"
GOSSIP = "https://www.bbc.com/sport/football/articles/c4gx2n7kd1po"
KICKER = "https://www.kicker.de/bayern-in-gespraechen-mit-stuttgart-ueber-brandtner-1104218/artikel"
ELMUNDO = "https://www.elmundo.es/deportes/futbol/2025/06/18/6852f0a4fdddff0e6c8b4577.html"


def test_faults_are_retried_or_recorded(tmp_path: Path) -> None:
    site = RecordedSite(
        faults={
            MIRROR_FEED: ["malformed_feed"],
            AUBAMEYANG: ["status_500"],
            LIVE: ["status_429"],
            GOSSIP: ["timeout", "timeout"],
            KICKER: ["oversize"],
            ELMUNDO: ["wrong_charset"],
        }
    )
    site.timeout_seconds = 2.5
    server = serve_in_thread(site)
    try:
        db = tmp_path / "rumours.db"
        settings = fast_settings(server, DOWNLOAD_TIMEOUT=1, DOWNLOAD_MAXSIZE=1_000_000)
        results = run_crawls(["mirror", "bbc", "kicker", "elmundo"], db, settings=settings, jobs=4)
    finally:
        server.stop()
    assert all(r.returncode == 0 and r.reason == "finished" for r in results), [r.log_tail for r in results]
    hits = [(url, status) for url, status, _ in site.hits]
    errors = {
        outlet: json.loads(reasons) for outlet, reasons in rows(db, "SELECT spider, error_reasons FROM crawl_runs")
    }

    # 500 then success: retried, stored.
    assert hits.count((AUBAMEYANG, 500)) == 1 and hits.count((AUBAMEYANG, 200)) == 1
    # 429 with Retry-After: 1 -> the retry waits at least that long (backoff base is 0.05 s).
    times = [t for url, _, t in site.hits if url == LIVE]
    assert [s for u, s in hits if u == LIVE] == [429, 200] and times[1] - times[0] >= 0.9
    # Malformed feed: recorded; the listing page still leads to both articles.
    assert {e["url"]: e["reason"].split(":")[0] for e in errors["mirror"]} == {MIRROR_FEED: "malformed feed"}
    assert rows(db, "SELECT COUNT(*) FROM articles WHERE outlet_id = 'mirror.co.uk'") == [(2,)]
    # Timeout on every attempt: recorded with its reason, crawl finished.
    assert [e["url"] for e in errors["bbc"]] == [GOSSIP] and "timeout" in errors["bbc"][0]["reason"].lower()
    # Page over DOWNLOAD_MAXSIZE: cancelled and recorded.
    assert [e["url"] for e in errors["kicker"]] == [KICKER] and "size" in errors["kicker"][0]["reason"]
    # Wrong declared charset: the text is still right, no mojibake stored.
    assert errors["elmundo"] == []
    title, body = rows(db, "SELECT title, body FROM articles WHERE url = ?", ELMUNDO)[0]
    assert "próximos días para pasar el reconocimiento médico" in body and "Ã" not in body + title
