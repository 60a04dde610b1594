"""Spider middleware: an unexpected exception while parsing a page becomes a recorded page error, not a silent drop."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any, Self

from scrapy.crawler import Crawler
from scrapy.exceptions import CloseSpider
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError

logger = logging.getLogger(__name__)


class PageErrorMiddleware:
    """Records the page's URL and the exception as a ``parse_error`` in the run's errors (crawl_runs, health);
    what the page yielded before the exception is kept, and the crawl goes on with the other pages."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_spider_exception(self, response: Response, exception: Exception) -> Iterable[Any] | None:
        if isinstance(exception, CloseSpider | HttpError):  # stopping the crawl; HTTP errors have errbacks
            return None
        reason = f"page not parsed: {type(exception).__name__}: {exception}"[:300]
        logger.error("%s: %s", response.url, reason, exc_info=exception)
        spider: Any = self.crawler.spider
        if hasattr(spider, "record_error"):
            spider.record_error(response.url, reason, "parse_error")
        else:
            self.crawler.stats.inc_value("rumours/errors/parse_error")
        return []
