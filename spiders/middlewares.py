"""Downloader middlewares: refuse private and loopback addresses, send conditional requests."""

from __future__ import annotations

import ipaddress
import logging
from typing import Any, Self

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.utils.httpobj import urlparse_cached

from spiders.errors import NotModified, RefusedAddress

logger = logging.getLogger(__name__)
LOCAL_NAMES = ("localhost", ".localhost", ".local", ".internal", ".lan", ".home.arpa")


def is_private_host(host: str) -> bool:
    """True for loopback, private, link-local, reserved or unspecified IPs and for local host names."""
    host = host.strip("[]").rstrip(".").lower()
    if not host:
        return True
    try:
        addr = ipaddress.ip_address(host)
    except ValueError:
        return host == "localhost" or host.endswith(LOCAL_NAMES)
    return not addr.is_global or addr.is_multicast


class PrivateAddressGuardMiddleware:
    """Refuses requests, redirect targets included, to private or loopback addresses (SSRF guard)."""

    def __init__(self, crawler: Crawler) -> None:
        if crawler.settings.getbool("RUMOURS_ALLOW_PRIVATE_ADDRESSES"):
            raise NotConfigured
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        parts = urlparse_cached(request)
        if parts.scheme not in ("http", "https") or is_private_host(parts.hostname or ""):
            self.crawler.stats.inc_value("rumours/refused/private_address")
            raise RefusedAddress(f"refused private or non-http address {request.url[:200]}")


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
