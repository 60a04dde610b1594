"""Downloader middlewares: refuse private and loopback addresses, loops and off-site redirects; conditional requests."""

from __future__ import annotations

import logging
from typing import Any, Self

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.redirect import RedirectMiddleware
from scrapy.exceptions import CannotResolveHostError, NotConfigured
from scrapy.http import Response
from scrapy.settings import BaseSettings
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.error import DNSLookupError

from spiders.addresses import is_private_host
from spiders.errors import NotModified, RedirectRefused, RefusedAddress, UnresolvableHost
from spiders.resolver import GuardedResolver

logger = logging.getLogger(__name__)
__all__ = ["is_private_host"]  # re-exported: the guard's verdict on a URL's host


def private_exceptions(settings: BaseSettings) -> set[str]:
    """``host:port`` pairs the guard lets through although they are private (the recorded server in tests)."""
    return {e.strip().lower() for e in settings.getlist("RUMOURS_PRIVATE_ADDRESS_EXCEPTIONS") if e.strip()}


def _host_port(url_parts: Any) -> str:
    port = url_parts.port or {"http": 80, "https": 443}.get(url_parts.scheme, 0)
    return f"{(url_parts.hostname or '').lower()}:{port}"


class PrivateAddressGuardMiddleware:
    """Refuses requests, redirect targets included, to private or loopback addresses (SSRF guard).

    Here: addresses written in the URL and local names. Names are judged by what they resolve to when the
    download connects (spiders.resolver.GuardedResolver); those refusals are counted here.
    """

    def __init__(self, crawler: Crawler) -> None:
        if crawler.settings.getbool("RUMOURS_ALLOW_PRIVATE_ADDRESSES"):
            raise NotConfigured
        self.crawler = crawler
        self.exceptions = private_exceptions(crawler.settings)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        parts = urlparse_cached(request)
        if parts.scheme in ("http", "https") and _host_port(parts) in self.exceptions:
            return
        if parts.scheme not in ("http", "https") or is_private_host(parts.hostname or ""):
            self.crawler.stats.inc_value("rumours/refused/private_address")
            raise RefusedAddress(f"refused private or non-http address {request.url[:200]}")


class ResolverRefusalMiddleware:
    """Turns a failed lookup that the guarded resolver refused into the refusal with its reason (Twisted only
    says "no results"), before any retry: a refused address is not retried."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_exception(self, request: Request, exception: Exception) -> None:
        if not isinstance(exception, CannotResolveHostError | DNSLookupError):
            return
        from twisted.internet import reactor

        resolver = getattr(reactor, "nameResolver", None)
        refusal = (
            resolver.refusal(urlparse_cached(request).hostname or "") if isinstance(resolver, GuardedResolver) else None
        )
        if refusal is None:
            return
        kind = "unresolvable" if isinstance(refusal, UnresolvableHost) else "private_address"
        self.crawler.stats.inc_value(f"rumours/refused/{kind}")
        raise type(refusal)(str(refusal)) from exception


class OutletRedirectMiddleware(RedirectMiddleware):
    """Scrapy's redirects, refusing loops (a request back to a URL of its own chain, which the duplicate filter
    would otherwise drop without a trace) and article redirects off the outlet's domain."""

    def process_response(self, request: Request, response: Response) -> Request | Response:  # type: ignore[override]
        result = super().process_response(request, response)
        if not isinstance(result, Request) or result is request:
            return result
        if result.url in (*request.meta.get("redirect_urls", ()), request.url):
            self.crawler.stats.inc_value("rumours/refused/redirect_loop")
            raise RedirectRefused(f"redirect loop: {request.url[:200]} -> {result.url[:200]}")
        if request.meta.get("rumours_article") and not self._on_site(request, result):
            self.crawler.stats.inc_value("rumours/refused/offsite_redirect")
            raise RedirectRefused(f"redirect off the outlet's domain: {request.url[:200]} -> {result.url[:200]}")
        return result

    def _on_site(self, request: Request, redirected: Request) -> bool:
        host = (urlparse_cached(redirected).hostname or "").lower()
        first = urlparse_cached(Request(request.meta.get("redirect_urls", [request.url])[0]))
        domain = (getattr(self.crawler.spider, "domain", "") or "").lower()
        start = (first.hostname or "").lower()
        return host == start or (bool(domain) and (host == domain or host.endswith("." + domain)))


class ConditionalRequestMiddleware:
    """Adds If-None-Match / If-Modified-Since to stored articles; a 304 ends the request without a parse."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        validators: dict[str, Any] | None = request.meta.get("rumours_validators")
        if not validators:
            return
        if validators.get("etag") and b"If-None-Match" not in request.headers:
            request.headers[b"If-None-Match"] = validators["etag"]
        if validators.get("last_modified") and b"If-Modified-Since" not in request.headers:
            request.headers[b"If-Modified-Since"] = validators["last_modified"]

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status != 304:
            return response
        self.crawler.stats.inc_value("rumours/not_modified")
        if request.meta.get("rumours_article"):
            from aggregator.dates import utc_now_iso
            from spiders.storage import get_store

            get_store(self.crawler).mark_not_modified(request.url, utc_now_iso())
        raise NotModified(f"not modified: {request.url}")
