"""Recorded-outlets server: serves recorded pages under their real URLs on loopback, with feeds, listings,
robots.txt, ETag/Last-Modified (304) and the injectable faults of ``recorded_faults``. For tests and the offline
demo only.

Run: ``python -m spiders.recorded_server [--port 8765] [--faults faults.json]``; crawl with
``-s RUMOURS_RECORDED_SERVER=http://127.0.0.1:8765 -s RUMOURS_ALLOW_PRIVATE_ADDRESSES=1``.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import logging
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from parsel import Selector

from spiders import parsing
from spiders.recorded_faults import FAULTS

logger = logging.getLogger(__name__)
PAGES = Path(__file__).resolve().parent / "recorded" / "pages"
ROBOTS = b"User-agent: *\nDisallow: /search\nDisallow: /private/\n"


def server_url(server: str, real_url: str) -> str:
    """The server URL for a real URL: http://127.0.0.1:PORT/<scheme>/<host>/<path>?<query>."""
    base, real = urlsplit(server), urlsplit(real_url)
    path = f"/{real.scheme}/{real.netloc}{real.path or '/'}"
    return urlunsplit((base.scheme or "http", base.netloc, path, real.query, ""))


def unmap_url(url: str) -> str:
    """The real URL behind a server URL (absolute real URLs pass through)."""
    parts = urlsplit(url)
    if parts.hostname not in ("127.0.0.1", "localhost", "::1"):
        return url
    scheme, _, rest = parts.path.lstrip("/").partition("/")
    host, _, path = rest.partition("/")
    return urlunsplit((scheme, host, "/" + path, parts.query, ""))


@dataclass
class Page:
    url: str
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    last_modified: datetime = field(default_factory=lambda: datetime(2025, 6, 1, tzinfo=UTC))
    title: str = ""
    published: datetime | None = None

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha1(self.body).hexdigest()[:16] + '"'


def describe(url: str, body: bytes) -> tuple[str, datetime | None, datetime | None]:
    """(title, published, modified) of a recorded article, read the way the spiders read it."""
    sel = Selector(text=body.decode("utf-8", "replace"))
    art = parsing.article_jsonld(parsing.jsonld_objects(sel))
    title = parsing.ld_text(art.get("headline")) or parsing.meta(sel, "og:title") or url
    dates = [
        parsing.to_utc(parsing.ld_text(art.get(k)) or parsing.meta(sel, m))
        for k, m in (("datePublished", "article:published_time"), ("dateModified", "article:modified_time"))
    ]
    published, modified = (datetime.fromisoformat(d) if d else None for d in dates)
    return title, published, modified or published


class RecordedSite:
    """Every recorded outlet: article pages, one RSS feed and one listing page per outlet, robots.txt per host."""

    def __init__(self, pages_dir: Path = PAGES, faults: dict[str, list[str]] | None = None) -> None:
        self.pages: dict[str, Page] = {}
        self.outlets: dict[str, list[str]] = {}
        self.faults = {url: list(names) for url, names in (faults or {}).items()}
        self.hits: list[tuple[str, int, float]] = []  # (real URL, status, monotonic time)
        self.lock = threading.Lock()
        self.timeout_seconds = 5.0
        self.oversize_bytes = 2 * 1024 * 1024
        self.huge_bytes = 100 * 1024 * 1024
        self.bomb_bytes = 128 * 1024 * 1024
        for path in sorted(pages_dir.glob("*/*.html.gz")):
            url_file = path.with_name(path.name.removesuffix(".html.gz") + ".url")
            url = url_file.read_text().strip() if url_file.exists() else None
            self.add_article(path.parent.name, gzip.decompress(path.read_bytes()), url)
        self.rebuild_indexes()

    def add_article(self, outlet: str, body: bytes, url: str | None = None) -> Page:
        sel = Selector(text=body.decode("utf-8", "replace"))
        url = url or sel.css("link[rel=canonical]::attr(href)").get() or parsing.meta(sel, "og:url") or ""
        title, published, modified = describe(url, body)
        page = Page(
            url=url,
            body=body,
            title=title,
            published=published,
            last_modified=modified or datetime(2025, 6, 1, tzinfo=UTC),
        )
        self.pages[url] = page
        self.outlets.setdefault(outlet, [])
        if url not in self.outlets[outlet]:
            self.outlets[outlet].append(url)
        return page

    def update_article(self, url: str, body: bytes, when: datetime) -> None:
        """Change a page: new content and a newer Last-Modified; the feed says it changed."""
        with self.lock:
            page = self.pages[url]
            page.body, page.last_modified = body, when
            self.rebuild_indexes()

    def rebuild_indexes(self) -> None:
        from scrapy.spiderloader import SpiderLoader
        from scrapy.utils.project import get_project_settings

        loader = SpiderLoader.from_settings(get_project_settings())
        for outlet, urls in self.outlets.items():
            spider: Any = loader.load(outlet)
            articles = [self.pages[u] for u in urls]
            newest = max(p.last_modified for p in articles)
            for feed in spider.feeds[:1]:
                self.pages[feed] = Page(
                    feed, rss(spider.outlet_name, feed, articles), "application/rss+xml; charset=utf-8", newest
                )
            for listing in spider.listings[:1]:
                self.pages[listing] = Page(listing, listing_html(spider.outlet_name, articles), last_modified=newest)

    def next_fault(self, url: str) -> str | None:
        with self.lock:
            queue = self.faults.get(url)
            return queue.pop(0) if queue else None

    def record(self, url: str, status: int) -> None:
        with self.lock:
            self.hits.append((url, status, time.monotonic()))


def rss(name: str, feed_url: str, articles: list[Page]) -> bytes:
    items = "".join(
        f"<item><title>{escape(p.title)}</title><link>{escape(p.url)}</link>"
        f'<guid isPermaLink="true">{escape(p.url)}</guid>'
        f"<pubDate>{format_datetime(p.published or p.last_modified, usegmt=True)}</pubDate>"
        f"<dc:date>{p.last_modified.isoformat()}</dc:date></item>"
        for p in articles
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<channel><title>{escape(name)}</title><link>{escape(feed_url)}</link>"
        f"<description>{escape(name)} transfer news</description>{items}</channel></rss>"
    ).encode()


def listing_html(name: str, articles: list[Page]) -> bytes:
    links = "".join(f'<li><a href="{escape(p.url)}">{escape(p.title)}</a></li>' for p in articles)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{escape(name)}: transfers</title></head>"
        f"<body><h1>Transfers</h1><ul>{links}</ul></body></html>"
    ).encode()


class Handler(BaseHTTPRequestHandler):
    server: RecordedServer
    protocol_version = "HTTP/1.1"
    real_url: str = ""  # the outlet URL behind the request path, set by do_GET

    def log_message(self, format: str, *args: object) -> None:
        logger.debug(format, *args)

    def reply(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if status != 304 and self.command != "HEAD":
            self.wfile.write(body)
        self.server.site.record(self.real_url, status)

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        site = self.server.site
        self.real_url = unmap_url(f"http://127.0.0.1{self.path}")
        if fault := site.next_fault(self.real_url):
            FAULTS[fault](self, site.pages.get(self.real_url))
            return
        if urlsplit(self.real_url).path == "/robots.txt":
            self.reply(200, ROBOTS, {"Content-Type": "text/plain"})
            return
        page = site.pages.get(self.real_url)
        if page is None:
            self.reply(404, b"not recorded", {"Content-Type": "text/plain"})
            return
        self.serve(page)

    def serve(self, page: Page, content_type: str | None = None, body: bytes | None = None) -> None:
        headers = {
            "Content-Type": content_type or page.content_type,
            "ETag": page.etag,
            "Last-Modified": format_datetime(page.last_modified, usegmt=True),
        }
        if self.headers.get("If-None-Match") == page.etag:
            self.reply(304, headers=headers)
            return
        since = self.headers.get("If-Modified-Since")
        if since and not self.headers.get("If-None-Match"):
            try:
                if page.last_modified.replace(microsecond=0) <= parsedate_to_datetime(since):
                    self.reply(304, headers=headers)
                    return
            except (TypeError, ValueError):
                pass
        self.reply(200, page.body if body is None else body, headers)


class RecordedServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, site: RecordedSite, port: int = 0) -> None:
        super().__init__(("127.0.0.1", port), Handler)
        self.site = site

    def handle_error(self, request: object, client_address: object) -> None:
        logger.debug("client %s went away (cancelled download)", client_address)

    def stop(self) -> None:
        self.shutdown()
        self.server_close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


def serve_in_thread(site: RecordedSite | None = None, port: int = 0) -> RecordedServer:
    """Start a server on a background thread; call .stop() when done."""
    server = RecordedServer(site or RecordedSite(), port)
    threading.Thread(target=server.serve_forever, daemon=True, name="recorded-server").start()
    return server


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--faults", type=Path, help="JSON object: real URL -> list of fault names")
    args = parser.parse_args(argv)
    faults = json.loads(args.faults.read_text()) if args.faults else None
    server = RecordedServer(RecordedSite(faults=faults), args.port)
    print(server.url, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        server.shutdown()


if __name__ == "__main__":
    main()
