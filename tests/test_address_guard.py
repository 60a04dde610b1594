"""The private-address guard judges host names by the addresses they resolve to, embedded IPv4 unwrapped."""

from __future__ import annotations

import gzip
import json
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from aggregator.crawl import run_crawls
from spiders.errors import ResolvedToPrivate, UnresolvableHost
from spiders.middlewares import is_private_host
from spiders.recorded_server import PAGES
from spiders.resolver import connectable_addresses
from tests.spiders.crawl_helpers import rows
from tests.spiders.guard_outlet import ARTICLE_HOSTS, DNS, TRIPWIRE, article_url, url

AUBAMEYANG = gzip.decompress((PAGES / "mirror" / "2020-05-09-aubameyang-deadline.html.gz").read_bytes())


@pytest.mark.parametrize(
    "host",
    [
        "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
        "[64:ff9b::a9fe:a9fe]",  # NAT64 of 169.254.169.254
        "64:ff9b::10.0.0.1",
        "2002:7f00:1::1",  # 6to4 of 127.0.0.1
        "2002:a9fe:a9fe::",  # 6to4 of 169.254.169.254
        "[::ffff:10.0.0.1]",  # IPv4-mapped
        "::127.0.0.1",  # IPv4-compatible (deprecated)
    ],
)
def test_ipv6_forms_of_private_ipv4_are_private(host: str) -> None:
    assert is_private_host(host)


@pytest.mark.parametrize("host", ["64:ff9b::808:808", "2002:808:808::1", "::ffff:93.184.215.14", "2a00:1450::1"])
def test_ipv6_forms_of_public_ipv4_are_public(host: str) -> None:
    assert not is_private_host(host)


@pytest.mark.parametrize(
    ("addresses", "private"),
    [
        (["127.0.0.1"], "127.0.0.1"),
        (["169.254.169.254"], "169.254.169.254"),
        (["64:ff9b::7f00:1"], "64:ff9b::7f00:1"),
        (["93.184.215.14", "10.0.0.7"], "10.0.0.7"),  # one private answer among public ones is enough
        (["93.184.215.14", "2002:a9fe:a9fe::1"], "2002:a9fe:a9fe::1"),
    ],
)
def test_a_name_resolving_to_any_private_address_is_refused(addresses: list[str], private: str) -> None:
    with pytest.raises(ResolvedToPrivate, match=f"refused news.example: resolves to private address {private}"):
        connectable_addresses("news.example", addresses)


def test_a_public_name_connects_to_all_its_addresses() -> None:
    public = ["2a00:1450::1", "93.184.215.14", "64:ff9b::808:808"]
    assert connectable_addresses("news.example", public) == public
    with pytest.raises(UnresolvableHost, match=r"cannot resolve news\.example: no address"):
        connectable_addresses("news.example", [])


class GuardSite(BaseHTTPRequestHandler):
    """Serves the test outlet whatever the Host header says, and remembers which host:port each request named."""

    hits: list[tuple[str, str]]
    port: int

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.hits.append((self.headers.get("Host", ""), self.path))
        port = self.port
        body, status, headers = b"", 200, {"Content-Type": "text/html; charset=utf-8"}
        if self.path == "/feed.xml":
            links = [article_url(h, port, n) for n, h in enumerate(ARTICLE_HOSTS)] + [
                article_url("nowhere.test", port, 9)
            ]
            items = "".join(f"<item><title>Aubameyang transfer</title><link>{u}</link></item>" for u in links)
            body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode()
            headers["Content-Type"] = "application/rss+xml"
        elif self.path == "/redirect-to-loopback.xml":
            status, headers["Location"] = 302, url("loopback.test", port, "/sitemap.xml")
        elif self.path == "/sitemap.xml":
            loc = article_url("outlet.test", port, 50)
            body = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{loc}</loc></url></urlset>'.encode()
            headers["Content-Type"] = "application/xml"
        elif self.path == "/listing":
            body = f'<html><body><a href="{article_url("outlet.test", port, 60)}">Aubameyang</a></body></html>'.encode()
        elif self.path.startswith("/sport/football/transfer-news/"):
            body = AUBAMEYANG
        else:
            status = 404
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def guard_site() -> Iterator[tuple[int, list[tuple[str, str]]]]:
    hits: list[tuple[str, str]] = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), GuardSite)
    port = server.server_address[1]
    GuardSite.hits, GuardSite.port = hits, port
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield port, hits
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.slow
def test_names_resolving_to_private_addresses_are_never_fetched(
    tmp_path: Path, guard_site: tuple[int, list[tuple[str, str]]]
) -> None:
    port, hits = guard_site
    db, log = tmp_path / "rumours.db", tmp_path / "crawl.log"
    settings = {
        "SPIDER_MODULES": "tests.spiders.guard_outlet",
        "TWISTED_DNS_RESOLVER": "tests.spiders.guard_outlet.StubResolver",
        "GUARD_TEST_PORT": port,
        # The production guard, letting through exactly the outlet's own name on the test server's port.
        "RUMOURS_PRIVATE_ADDRESS_EXCEPTIONS": f"outlet.test:{port}",
        "DOWNLOAD_DELAY": 0,
        "AUTOTHROTTLE_ENABLED": "False",
        "RETRY_TIMES": 1,
        "RUMOURS_RETRY_BACKOFF_BASE": 0.05,
        "DOWNLOAD_TIMEOUT": 5,
        "LOG_FILE": log,
    }
    [result] = run_crawls(["mirror_guarded"], db, settings=settings, timeout=120)
    assert result.ok, log.read_text()[-3000:]

    assert {host for host, _ in hits} == {f"outlet.test:{port}"}  # nothing asked of any other name
    stored = [u for (u,) in rows(db, "SELECT url FROM articles")]
    assert sorted(stored) == sorted([article_url("outlet.test", port, 0), article_url("outlet.test", port, 60)])

    [(status, errors_json)] = rows(db, "SELECT status, error_reasons FROM crawl_runs")
    errors = {e["url"]: e["reason"] for e in json.loads(errors_json)}
    refused = {article_url(h, port, n): h for n, h in enumerate(ARTICLE_HOSTS) if h != "outlet.test"}
    refused[url("nat64.test", port, "/feed.xml")] = "nat64.test"  # a feed
    refused[url("mapped.test", port, "/sitemap.xml")] = "mapped.test"  # a sitemap
    refused[url("metadata.test", port, "/listing")] = "metadata.test"  # a listing
    refused[url("outlet.test", port, "/redirect-to-loopback.xml")] = "loopback.test"  # a redirect target
    unresolvable = article_url("nowhere.test", port, 9)
    assert set(errors) == {*refused, unresolvable}, json.dumps(errors, indent=1)
    for page, host in refused.items():
        assert f"refused {host}: resolves to private address" in errors[page], errors[page]
    assert "169.254.169.254" in errors[url("metadata.test", port, "/listing")]
    assert "cannot resolve nowhere.test" in errors[unresolvable]
    assert TRIPWIRE not in errors_json
    assert status == "ok"

    text = log.read_text()
    refusals = int(re.search(r"'rumours/refused/private_address': (\d+)", text)[1])  # type: ignore[index]
    assert refusals >= len(refused)
    assert re.search(r"'rumours/refused/unresolvable': [1-9]", text)
    # One lookup per name for the whole crawl, however many requests (robots.txt, pages) named it.
    looked_up = re.findall(r"stub lookup: (\S+)", text)
    assert sorted(looked_up) == sorted([*DNS, "nowhere.test"]), looked_up
