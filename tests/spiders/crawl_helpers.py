"""Helpers for crawl tests: fast settings for crawling the recorded-outlets server from subprocesses."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from spiders.recorded_server import RecordedServer


def fast_settings(server: RecordedServer, **extra: Any) -> dict[str, Any]:
    """Settings that let a test crawl the loopback server quickly; politeness delays off."""
    return {
        "RUMOURS_RECORDED_SERVER": server.url,
        "RUMOURS_ALLOW_PRIVATE_ADDRESSES": "True",
        "DOWNLOAD_DELAY": 0,
        "DOWNLOAD_DELAY_JITTER": 0,
        "AUTOTHROTTLE_ENABLED": "False",
        "RETRY_TIMES": 1,
        "RUMOURS_RETRY_BACKOFF_BASE": 0.05,
        "DOWNLOAD_TIMEOUT": 5,
        "LOG_LEVEL": "INFO",
        **extra,
    }


def rows(db: Path, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, args).fetchall()


def article_hits(server: RecordedServer, since: int = 0) -> list[tuple[str, int]]:
    """(URL, status) of article requests served after hit number `since` (not robots, feeds or listings)."""
    articles = {url for urls in server.site.outlets.values() for url in urls}
    return [(url, status) for url, status, _ in server.site.hits[since:] if url in articles]


MIRROR = "https://www.mirror.co.uk/sport/football/transfer-news/"
AUBAMEYANG = MIRROR + "arsenal-aubameyang-transfer-real-madrid-22003093"


def mirror_with_clones(count: int, first_id: int) -> Any:
    """The recorded sites with ``count`` more Mirror articles: the Aubameyang page under new URLs
    (``…/c-<first_id + n>``), each with its own headline, so a crawl of Mirror has that many more pages."""
    from spiders.recorded_server import RecordedSite

    site = RecordedSite()
    base = site.pages[AUBAMEYANG].body
    for n in range(count):
        site.add_article(
            "mirror", base.replace(b"Aubameyang", f"Aubameyang {n}".encode(), 1), f"{MIRROR}c-{first_id + n}"
        )
    site.rebuild_indexes()
    return site
