"""Downloader middlewares: refuse private and loopback addresses, loops and off-site redirects; conditional requests."""

from __future__ import annotations

import ipaddress
import logging
import re
import socket
from typing import Any, Self

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.redirect import RedirectMiddleware
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.utils.httpobj import urlparse_cached

from spiders.errors import NotModified, RedirectRefused, RefusedAddress

logger = logging.getLogger(__name__)
LOCAL_NAMES = ("localhost", ".localhost", ".local", ".internal", ".lan", ".home.arpa")
# Shorthand IPv4 forms that resolvers accept (127.1, 2130706433, 0x7f.0.0.1, 0177.0.0.1): not host names.
LOOSE_IPV4 = re.compile(r"^(0x[0-9a-f]+|[0-9]+)(\.(0x[0-9a-f]+|[0-9]+)){0,3}$")


def is_private_host(host: str) -> bool:
    """True for loopback, private, link-local, reserved or unspecified IPs and for local host names."""
    host = host.strip("[]").rstrip(".").lower()
    if not host:
        return True
    try:
        addr = ipaddress.ip_address(host)
    except ValueError:
        if LOOSE_IPV4.match(host):
            try:
                addr = ipaddress.ip_address(socket.inet_aton(host))
            except OSError:
                return True  # looks like an address but is none: refuse rather than guess
        else:
            return host == "localhost" or host.endswith(LOCAL_NAMES)
    return not addr.is_global or addr.is_multicast


def private_exceptions(crawler: Crawler) -> set[str]:
    """``host:port`` pairs the guard lets through although they are private (the recorded server in tests)."""
    return {e.strip().lower() for e in crawler.settings.getlist("RUMOURS_PRIVATE_ADDRESS_EXCEPTIONS") if e.strip()}


def _host_port(url_parts: Any) -> str:
    port = url_parts.port or {"http": 80, "https": 443}.get(url_parts.scheme, 0)
    return f"{(url_parts.hostname or '').lower()}:{port}"


class PrivateAddressGuardMiddleware:
    """Refuses requests, redirect targets included, to private or loopback addresses (SSRF guard)."""

    def __init__(self, crawler: Crawler) -> None:
        if crawler.settings.getbool("RUMOURS_ALLOW_PRIVATE_ADDRESSES"):
            raise NotConfigured
        self.crawler = crawler
        self.exceptions = private_exceptions(crawler)

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
