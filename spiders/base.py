"""OutletSpider: discovery from feeds, sitemaps and listings; article parsing shared by all outlets."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import Any, ClassVar

import scrapy
from scrapy.http import Response, TextResponse
from scrapy.settings import BaseSettings
from twisted.python.failure import Failure

from spiders import discovery, parsing, reports
from spiders.items import ArticleItem
from spiders.page import ArticlePage
from spiders.transfer_filter import is_transfer_story, maybe_transfer

logger = logging.getLogger(__name__)

GENERIC_BODY = ["article p", "main p", "[itemprop=articleBody] p"]
GENERIC_TITLE = ["h1"]


def _primary_language(value: str | None) -> str | None:
    if not value:
        return None
    return value.replace("_", "-").split("-")[0].strip().lower() or None


class OutletSpider(scrapy.Spider):
    """Subclass with attributes only; see spiders/outlets/*.py."""

    # who
    name: str = ""
    outlet_name: ClassVar[str] = ""
    domain: ClassVar[str] = ""
    language: ClassVar[str] = "en"
    country: ClassVar[str] = ""
    timezone: ClassVar[str | None] = None  # for naive local times on the outlet's pages
    delay: ClassVar[float] = 2.0  # seconds between requests to this outlet
    # where to look
    feeds: ClassVar[list[str]] = []
    sitemaps: ClassVar[list[str]] = []
    listings: ClassVar[list[str]] = []  # transfer / gossip section pages
    listing_link_css: ClassVar[str] = "a[href]"
    article_pattern: ClassVar[str | None] = None  # regex an article URL matches
    # how to read an article
    title_selectors: ClassVar[list[str]] = []
    body_selectors: ClassVar[list[str]] = []
    body_exclude: ClassVar[list[str]] = []
    author_selectors: ClassVar[list[str]] = []
    live_entry_css: ClassVar[str | None] = None
    live_title_css: ClassVar[str] = "h2, h3"
    live_time_css: ClassVar[str] = "time"
    live_body_css: ClassVar[str] = "p"
    gossip_min_items: ClassVar[int] = 3

    def __init__(self, *args: Any, since: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.since = parsing.to_utc(since) if since else None
        if since and not self.since:
            raise ValueError(f"unreadable --since date {since!r}")
        self.crawl_errors: list[dict[str, str]] = []

    @classmethod
    def update_settings(cls, settings: BaseSettings) -> None:
        super().update_settings(settings)
        settings.set("DOWNLOAD_DELAY", cls.delay, priority="spider")
        from spiders.recorded_handler import HANDLER, recorded_server_allowed

        if recorded_server_allowed(settings):
            settings.set("DOWNLOAD_HANDLERS", {"http": HANDLER, "https": HANDLER}, priority="spider")

    @property
    def outlet_id(self) -> str:
        """The outlet's id in the store: its domain, as an imported article from the same site would have."""
        domain = self.domain.lower()
        return domain[4:] if domain.startswith("www.") else (domain or self.name)

    # ---- bookkeeping -------------------------------------------------------------------------------------
    def record_error(self, url: str, reason: str, kind: str = "error") -> None:
        """Remember a failure for this run's crawl_runs row."""
        self.crawl_errors.append({"url": url, "reason": reason, "kind": kind})
        if getattr(self, "crawler", None):
            self.crawler.stats.inc_value(f"rumours/errors/{kind}")
        logger.warning("%s: %s", url, reason)

    def _stat(self, key: str) -> None:
        if getattr(self, "crawler", None):
            self.crawler.stats.inc_value(f"rumours/{key}")

    def on_error(self, failure: Failure) -> None:
        from spiders.errors import describe_failure

        request = getattr(failure, "request", None)
        # A refused redirect is the fault of the page that redirected: record that page's URL.
        url = (request.meta.get("redirect_urls") or [request.url])[0] if request is not None else "?"
        kind, reason = describe_failure(failure)
        if kind == "not_modified":
            return
        self.record_error(url, reason, kind)

    # ---- discovery -----------------------------------------------------------------------------------------
    async def start(self) -> AsyncIterator[Any]:
        for url in self.feeds:
            yield scrapy.Request(url, callback=self.parse_feed, errback=self.on_error, meta={"rumours_kind": "feed"})
        for url in self.sitemaps:
            yield scrapy.Request(url, callback=self.parse_sitemap, errback=self.on_error)
        for url in self.listings:
            yield scrapy.Request(url, callback=self.parse_listing, errback=self.on_error)

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        try:
            found = discovery.feed_candidates(response.body)
        except discovery.MalformedFeed as exc:
            self.record_error(response.url, f"malformed feed: {exc}", "malformed_feed")
            return
        yield from self.follow_candidates(found, from_listing=False)

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        try:
            children, found = discovery.sitemap_candidates(response.body)
        except discovery.MalformedFeed as exc:
            self.record_error(response.url, f"malformed sitemap: {exc}", "malformed_feed")
            return
        for child in children:
            yield scrapy.Request(child, callback=self.parse_sitemap, errback=self.on_error)
        yield from self.follow_candidates(found, from_listing=False)

    def parse_listing(self, response: Response) -> Iterator[scrapy.Request]:
        if not isinstance(response, TextResponse):
            self.record_error(response.url, "listing page is not text", "not_text")
            return
        found = discovery.listing_candidates(
            response.selector, response.url, self.listing_link_css, self.article_pattern
        )
        yield from self.follow_candidates(found, from_listing=True)

    def follow_candidates(self, found: list[discovery.Candidate], from_listing: bool) -> Iterator[scrapy.Request]:
        """Requests for the candidates worth fetching: transfer-looking, new, or changed since stored."""
        for cand in found:
            if not from_listing and not maybe_transfer(cand.url, cand.title):
                self._stat("skipped/not_transfer_link")
                continue
            if self.since and cand.published_at and cand.published_at < self.since:
                self._stat("skipped/before_since")
                continue
            validators = self.stored_validators(cand.url)
            if validators and not self._changed(cand, validators):
                self._stat("skipped/unchanged")
                continue
            yield scrapy.Request(
                cand.url,
                callback=self.parse_article,
                errback=self.on_error,
                meta={"rumours_article": True, "rumours_validators": validators},
            )

    def stored_validators(self, url: str) -> dict[str, Any] | None:
        if not getattr(self, "crawler", None):
            return None
        from aggregator.urls import canonical_url
        from spiders.storage import get_store

        result: dict[str, Any] | None = get_store(self.crawler).article_validators(canonical_url(url))
        return result

    @staticmethod
    def _changed(cand: discovery.Candidate, validators: dict[str, Any]) -> bool:
        """Only a feed or sitemap date newer than what is stored says a stored article changed."""
        if not cand.lastmod:
            return False
        known = validators.get("modified_at") or validators.get("fetched_at")
        return not known or cand.lastmod > known

    # ---- articles ------------------------------------------------------------------------------------------
    def parse_article(self, response: Response) -> Iterator[ArticleItem]:
        from spiders.errors import repair_charset

        if not isinstance(response, TextResponse):
            self.record_error(response.url, "article is not text", "not_text")
            return
        fixed = repair_charset(response)
        if fixed is None:
            self.record_error(response.url, f"undecodable text (declared {response.encoding})", "charset")
            return
        if fixed is not response:
            self._stat("charset/repaired")
        page = ArticlePage(fixed)
        for reason in page.jsonld.skipped:  # the rest of the page still makes the article
            self.record_error(fixed.url, reason, "bad_jsonld")
        item = self.parse_page(fixed, page)
        if self.since and item.published_at and item.published_at < self.since:
            self._stat("skipped/before_since")
            return
        if not self.is_transfer(item, page):
            self._stat("filtered/not_transfer")
            return
        yield item

    def is_transfer(self, item: ArticleItem, page: ArticlePage) -> bool:
        """The transfer filter's verdict on a parsed page."""
        return is_transfer_story(item.url, item.title, item.section, page.keywords(), item.text)

    def _keywords(self, response: TextResponse, page: ArticlePage | None = None) -> list[str]:
        return (page or ArticlePage(response)).keywords()

    def parse_page(self, response: TextResponse, page: ArticlePage | None = None) -> ArticleItem:
        """Everything the page says about itself (``page``: the response already read); no filtering, no I/O."""
        page = page or ArticlePage(response)
        sel, art = page.sel, page.article
        title = (
            page.first_text(self.title_selectors)
            or parsing.ld_text(art.get("headline"))
            or page.meta("og:title", "twitter:title")
            or page.first_text(GENERIC_TITLE)
            or parsing.clean(sel.css("title::text").get())
            or None
        )
        tz = self.timezone
        published = parsing.to_utc(parsing.ld_text(art.get("datePublished")), tz) or parsing.to_utc(
            page.meta("article:published_time", "og:article:published_time", "datePublished", "date")
            or sel.css("time::attr(datetime)").get(),
            tz,
        )
        modified = parsing.to_utc(parsing.ld_text(art.get("dateModified")), tz) or parsing.to_utc(
            page.meta("article:modified_time", "og:updated_time", "dateModified"), tz
        )
        authors = parsing.ld_authors(art.get("author"))
        if not authors and (byline := page.first_text(self.author_selectors)):
            authors = [byline]
        if not authors and (meta_author := page.meta("author", "article:author")):
            authors = [meta_author]
        language = _primary_language(
            parsing.ld_text(art.get("inLanguage")) or sel.xpath("/html/@lang").get() or self.language
        )
        section = parsing.ld_text(art.get("articleSection")) or page.meta("article:section")
        paras = page.paragraphs(self.body_selectors, self.body_exclude)
        if not paras and (ld_body := parsing.ld_text(art.get("articleBody"))):
            paras = [ld_body]
        if not paras:
            paras = page.paragraphs(GENERIC_BODY, self.body_exclude)
        max_chars = self.settings.getint("RUMOURS_MAX_BODY_CHARS", 200_000) if hasattr(self, "settings") else 200_000
        item = ArticleItem(
            url=response.url,
            outlet=self.outlet_id,
            title=title,
            text="\n\n".join(paras)[:max_chars],
            language=language,
            published_at=published,
            modified_at=modified,
            author=", ".join(dict.fromkeys(authors)) or None,
            section=section,
            fetched_at=datetime.now(UTC).replace(microsecond=0).isoformat(),
            etag=_header(response, b"ETag"),
            last_modified=_header(response, b"Last-Modified"),
        )
        item.reports = self.parse_reports(page, published)
        return item

    def parse_reports(self, page: ArticlePage, published: str | None) -> list[Any]:
        """Live-blog entries or gossip items, one report each; [] for an ordinary article."""
        art, url = page.article, page.url
        if "LiveBlogPosting" in parsing.ld_types(art) and (found := reports.liveblog_jsonld_reports(art, url)):
            return found
        if self.live_entry_css and (
            found := reports.liveblog_html_reports(
                page.sel,
                self.live_entry_css,
                self.live_title_css,
                self.live_time_css,
                self.live_body_css,
                url,
                self.timezone,
            )
        ):
            return found
        for css in self.body_selectors or GENERIC_BODY:
            gossip = reports.gossip_reports(page.css(css), url, published, page.text)
            if len(gossip) >= self.gossip_min_items:
                return gossip
        return []


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None
