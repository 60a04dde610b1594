"""Retry middleware with exponential backoff that honours Retry-After (seconds or an HTTP date)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Self

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.response import response_status_message
from twisted.internet import reactor
from twisted.internet.task import deferLater

logger = logging.getLogger(__name__)


def retry_after_seconds(value: bytes | None, now: datetime | None = None) -> float | None:
    """Seconds asked for by a Retry-After header, or None when absent or unreadable."""
    if not value:
        return None
    text = value.decode("latin-1").strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class BackoffRetryMiddleware(RetryMiddleware):
    """RetryMiddleware waiting base * 2**attempt seconds (or Retry-After, if longer) before each retry."""

    backoff_base: float = 2.0
    backoff_max: float = 120.0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        mw = super().from_crawler(crawler)
        mw.backoff_base = crawler.settings.getfloat("RUMOURS_RETRY_BACKOFF_BASE", 2.0)
        mw.backoff_max = crawler.settings.getfloat("RUMOURS_RETRY_BACKOFF_MAX", 120.0)
        return mw

    def delay_for(self, request: Request, response: Response | None) -> float:
        attempt = request.meta.get("retry_times", 0)
        delay = self.backoff_base * (2**attempt)
        if response is not None and (asked := retry_after_seconds(response.headers.get(b"Retry-After"))):
            delay = max(delay, asked)
            self.crawler.stats.inc_value("rumours/retry/retry_after")
        return min(delay, self.backoff_max)

    async def _wait(self, seconds: float) -> None:
        if seconds > 0:
            await maybe_deferred_to_future(deferLater(reactor, seconds, lambda: None))  # type: ignore[arg-type]

    async def process_response(self, request: Request, response: Response) -> Request | Response:  # type: ignore[override]
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        delay = self.delay_for(request, response)
        logger.debug("waiting %.1fs before retrying %s (HTTP %s)", delay, request.url, response.status)
        await self._wait(delay)
        return retry

    async def process_exception(  # type: ignore[override]
        self, request: Request, exception: Exception
    ) -> Request | Response | None:
        if not isinstance(exception, self.exceptions_to_retry) or request.meta.get("dont_retry", False):
            return None
        retry = self._retry(request, exception)
        if retry is None:
            return None
        await self._wait(self.delay_for(request, None))
        return retry
