"""A crawl over every fault in the recorded server's table finishes: good pages stored once, bad ones recorded."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from aggregator.crawl import run_crawls
from spiders.recorded_faults import FAULTS, gzip_bomb
from spiders.recorded_server import Page, RecordedSite, serve_in_thread
from tests.spiders.crawl_helpers import fast_settings, rows
from tests.spiders.fault_outlet import BROKEN_SITEMAP, PRIVATE_REDIRECTS, REDIRECTING_SITEMAPS, SITEMAP

pytestmark = pytest.mark.slow
MIRROR = "https://www.mirror.co.uk/sport/football/transfer-news/"
FEED = MIRROR + "?service=rss"
AUBAMEYANG = MIRROR + "arsenal-aubameyang-transfer-real-madrid-22003093"
LIVE = MIRROR + "transfer-news-live-arsenal-chelsea-35291337"
PEAK_RSS_MB = 300

# Pages that fail once, then load: retried and stored.
RECOVERS = {"status_502": AUBAMEYANG, "dropped": LIVE, "status_503": MIRROR + "fault-recovers-503-10000001"}
# Pages that fail every time, and the reason crawl_runs must give.
FAILS = {
    "status_502": "HTTP 502",
    "status_503": "HTTP 503",
    "dropped": "connection dropped",
    "timeout": "timeout",
    "slow_body": "timeout",
    "truncated": "truncated body",
    "bad_chunks": "chunked encoding error",
    "gzip_bomb": "size limit",
    "huge": "size limit",
    "redirect_loop": "redirect loop",
    "redirect_offsite": "redirect off the outlet's domain",
    # An article redirected to a private address is refused as off-site before the guard even sees it.
    **dict.fromkeys(PRIVATE_REDIRECTS, "redirect off the outlet's domain"),
}
REFUSED = "refused private or non-http address"  # the guard, for the sitemaps redirecting to private addresses


def fault_url(name: str) -> str:
    return f"{MIRROR}fault-{name.replace('_', '-')}-{10000100 + sorted(FAULTS).index(name)}"


def clone(site: RecordedSite, url: str, marker: str) -> None:
    """Another Mirror article: the recorded Aubameyang page under a new URL and headline."""
    body = site.pages[AUBAMEYANG].body.replace(b"Aubameyang", f"Aubameyang ({marker})".encode(), 1)
    site.add_article("mirror", body, url)


def sitemap(urls: list[str]) -> bytes:
    locs = "".join(f"<url><loc>{u}</loc><lastmod>2025-06-01T10:00:00Z</lastmod></url>" for u in urls)
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{locs}</urlset>"
    ).encode()


def test_a_crawl_over_every_fault(tmp_path: Path) -> None:
    site = RecordedSite()
    site.timeout_seconds = 2.0
    cp1252 = MIRROR + "fault-cp1252-declared-utf8-10000002"
    faults: dict[str, list[str]] = {FEED: ["malformed_feed"], BROKEN_SITEMAP: ["malformed_sitemap"]}
    faults[cp1252] = ["cp1252_as_utf8"]
    faults |= {url: [fault] for url, fault in REDIRECTING_SITEMAPS.items()}
    clone(site, cp1252, "cp1252")
    for fault, url in RECOVERS.items():
        if url not in site.pages:
            clone(site, url, fault)
        faults[url] = [fault]
    for fault in FAILS:
        clone(site, fault_url(fault), fault)
        faults[fault_url(fault)] = [fault] * 4  # more than the crawl's attempts
    site.rebuild_indexes()
    site.faults = faults
    gzip_bomb(site.bomb_bytes)  # built once, before the clock of a 1 s download timeout starts
    good = [u for u in site.outlets["mirror"] if not u.startswith(tuple(fault_url(f) for f in FAILS))]
    site.pages[SITEMAP] = Page(SITEMAP, sitemap(site.outlets["mirror"]), "application/xml")

    server = serve_in_thread(site)
    closed: list[dict[str, Any]] = []
    try:
        db = tmp_path / "rumours.db"
        settings = fast_settings(
            server,
            # The production guard, letting through exactly the recorded server's own address.
            RUMOURS_ALLOW_PRIVATE_ADDRESSES="False",
            RUMOURS_PRIVATE_ADDRESS_EXCEPTIONS=server.url.removeprefix("http://"),
            SPIDER_MODULES="spiders.outlets,tests.spiders.fault_outlet",
            DOWNLOAD_TIMEOUT=1,
            CONCURRENT_REQUESTS_PER_DOMAIN=2,  # the production per-outlet concurrency, as is the memory limit
            DOWNLOAD_MAXSIZE=32 * 1024 * 1024,  # the production limit
        )
        results = run_crawls(
            ["mirror_faults"],
            db,
            settings=settings,
            timeout=120,
            on_progress=lambda outlet, event: closed.append(event) if event["event"] == "closed" else None,
        )
    finally:
        server.stop()

    assert [r.ok for r in results] == [True], results[0].log_tail
    stored = rows(db, "SELECT url, body FROM articles")
    assert sorted(url for url, _ in stored) == sorted(good)  # every good page stored, exactly once
    bodies = dict(stored)
    assert bodies[cp1252] == bodies[MIRROR + "fault-recovers-503-10000001"]  # cp1252 read right, no mojibake

    [(status, errors_json)] = rows(db, "SELECT status, error_reasons FROM crawl_runs")
    errors = {e["url"]: e["reason"] for e in json.loads(errors_json)}
    expected = {fault_url(f): reason for f, reason in FAILS.items()}
    expected |= {FEED: "malformed feed", BROKEN_SITEMAP: "malformed sitemap"}
    expected |= dict.fromkeys(REDIRECTING_SITEMAPS, REFUSED)
    assert set(errors) == set(expected), json.dumps(errors, indent=1)
    for url, reason in expected.items():
        assert reason in errors[url], (url, errors[url])
    assert status == "ok"
    # Nothing was ever fetched for a refused address: the server saw no request for one.
    assert not [url for url, _, _ in site.hits if "rumour-mill" in url or "/admin" in url or "meta-data" in url]
    peak = closed[-1]["peak_rss_mb"]
    print(f"crawl process peak RSS: {peak:.0f} MB")
    assert peak < PEAK_RSS_MB


@pytest.mark.parametrize(
    "host",
    ["127.1", "2130706433", "0x7f000001", "0177.0.0.1", "127.0.0.1.", "[::ffff:127.0.0.1]", "10.1", "169.254.169.254"],
)
def test_guard_reads_every_spelling_of_a_private_address(host: str) -> None:
    from spiders.middlewares import is_private_host

    assert is_private_host(host)


@pytest.mark.parametrize("host", ["www.mirror.co.uk", "93.184.215.14", "1e100.net", "0x.example"])
def test_guard_lets_public_hosts_through(host: str) -> None:
    from spiders.middlewares import is_private_host

    assert not is_private_host(host)


def test_peak_memory_is_the_crawl_process_own_not_its_parents() -> None:
    """Linux carries ru_maxrss over exec: a crawl started by a large process must not report the parent's peak."""
    import subprocess
    import sys

    ballast = bytearray(300 * 1024 * 1024)  # this process now holds 300 MB
    ballast[::4096] = b"x" * len(ballast[::4096])
    child = subprocess.run(
        [sys.executable, "-c", "from spiders.progress import peak_rss_mb; print(peak_rss_mb())"],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert float(child.stdout) < 200, child.stdout
    del ballast
