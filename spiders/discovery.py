"""Find article URLs in RSS/Atom feeds, (news) sitemaps and section listing pages; pure functions."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import feedparser
from parsel import Selector

from spiders.parsing import clean, to_utc

MAX_FEED_BYTES = 10 * 1024 * 1024
MAX_LINKS = 2000


@dataclass(slots=True, frozen=True)
class Candidate:
    """An article URL found during discovery, with what the feed or sitemap said about it."""

    url: str
    title: str | None = None
    lastmod: str | None = None  # UTC ISO-8601
    published_at: str | None = None


class MalformedFeed(ValueError):
    """The document is not a usable feed or sitemap."""


def _struct_to_iso(value: object) -> str | None:
    if value is None:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), tz=UTC).isoformat()  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return None


def feed_candidates(body: bytes) -> list[Candidate]:
    """Entries of an RSS or Atom document; raises MalformedFeed when nothing usable is in it."""
    if len(body) > MAX_FEED_BYTES:
        raise MalformedFeed(f"feed larger than {MAX_FEED_BYTES} bytes")
    parsed = feedparser.parse(body, sanitize_html=False, resolve_relative_uris=False)
    entries = parsed.get("entries") or []
    if not entries:
        problem = parsed.get("bozo_exception")
        raise MalformedFeed(f"no entries ({problem})" if problem else "no entries")
    found = []
    for entry in entries[:MAX_LINKS]:
        link = entry.get("link")
        if not link:
            continue
        published = _struct_to_iso(entry.get("published_parsed"))
        # dict.get bypasses feedparser's deprecated updated -> published fallback
        updated = _struct_to_iso(dict.get(entry, "updated_parsed")) or published
        found.append(
            Candidate(url=link, title=clean(entry.get("title")) or None, lastmod=updated, published_at=published)
        )
    return found


def sitemap_candidates(body: bytes) -> tuple[list[str], list[Candidate]]:
    """(child sitemaps, article candidates) of a sitemap index, urlset or Google News sitemap."""
    if not body.strip():
        raise MalformedFeed("empty document")
    try:
        sel = Selector(body=body[:MAX_FEED_BYTES], type="xml")
    except ValueError as exc:  # parsel refuses some bodies outright
        raise MalformedFeed(f"not an XML sitemap ({exc})") from exc
    if not sel.xpath("/*"):
        raise MalformedFeed("not an XML sitemap")
    children = [clean(x) for x in sel.xpath("//*[local-name()='sitemap']/*[local-name()='loc']/text()").getall()]
    found = []
    for url in sel.xpath("//*[local-name()='url']")[:MAX_LINKS]:
        loc = clean(url.xpath("./*[local-name()='loc']/text()").get())
        if not loc:
            continue
        title = clean(url.xpath(".//*[local-name()='news']/*[local-name()='title']/text()").get()) or None
        published = to_utc(url.xpath(".//*[local-name()='publication_date']/text()").get())
        lastmod = to_utc(url.xpath("./*[local-name()='lastmod']/text()").get()) or published
        found.append(Candidate(url=loc, title=title, lastmod=lastmod, published_at=published))
    if not children and not found and sel.xpath("local-name(/*)").get() not in {"urlset", "sitemapindex"}:
        raise MalformedFeed("neither a urlset nor a sitemap index")
    return children, found


def listing_candidates(sel: Selector, base_url: str, link_css: str, article_pattern: str | None) -> list[Candidate]:
    """Links on a section page that look like articles of the same site."""
    host = urlsplit(base_url).hostname or ""
    site = host.removeprefix("www.")
    pattern = re.compile(article_pattern) if article_pattern else None
    seen: set[str] = set()
    found = []
    for link in sel.css(link_css)[: MAX_LINKS * 4]:
        href = link.xpath("@href").get()  # not .attrib: one odd attribute name elsewhere on the tag raises
        if not href or href.startswith(("#", "mailto:", "javascript:")):
            continue
        url = urljoin(base_url, href).split("#", 1)[0]
        linked_host = urlsplit(url).hostname or ""
        if not linked_host.endswith(site) or url in seen:
            continue
        if pattern and not pattern.search(url):
            continue
        seen.add(url)
        found.append(Candidate(url=url, title=clean("".join(link.xpath(".//text()").getall())) or None))
    return found[:MAX_LINKS]
