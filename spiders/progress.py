"""Extension printing one JSON line per crawl event on stdout, read by `rumours crawl` for progress."""

from __future__ import annotations

import json
import os
import resource
import sys
from typing import Any, Self

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

PREFIX = "RUMOURS-PROGRESS "


class ProgressLines:
    """Counts requests, items and errors and prints them as `RUMOURS-PROGRESS {...}` lines."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.counts = {"requests": 0, "responses": 0, "items": 0, "dropped": 0, "errors": 0}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not crawler.settings.getbool("RUMOURS_PROGRESS"):
            raise NotConfigured
        ext = cls(crawler)
        crawler.signals.connect(ext.request_scheduled, signal=signals.request_scheduled)
        crawler.signals.connect(ext.response_received, signal=signals.response_received)
        crawler.signals.connect(ext.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(ext.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def emit(self, event: str, **extra: Any) -> None:
        errors = getattr(self.crawler.spider, "crawl_errors", [])
        self.counts["errors"] = len(errors)
        try:
            sys.stdout.write(PREFIX + json.dumps({"event": event, **self.counts, **extra}) + "\n")
            sys.stdout.flush()
        except BrokenPipeError:
            # Nobody reads the lines any more (the `rumours` process is gone; the lifeline closes the spider):
            # later writes, and the flush at exit, go nowhere instead of raising.
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115  (for the rest of the process's life)

    def request_scheduled(self, request: Any, spider: Spider) -> None:
        self.counts["requests"] += 1
        self.emit("request")

    def response_received(self, response: Any, request: Any, spider: Spider) -> None:
        self.counts["responses"] += 1
        self.emit("response")

    def item_scraped(self, item: Any, response: Any, spider: Spider) -> None:
        self.counts["items"] += 1
        self.emit("item")

    def item_dropped(self, item: Any, response: Any, exception: Exception, spider: Spider) -> None:
        self.counts["dropped"] += 1
        self.emit("dropped")

    def spider_closed(self, spider: Spider, reason: str) -> None:
        peak_mb = peak_rss_mb()
        self.emit("closed", reason=reason, peak_rss_mb=round(peak_mb, 1))


def peak_rss_mb() -> float:
    """This process's own peak resident memory. Linux carries ``ru_maxrss`` over ``exec`` from the parent that
    forked us (a large test runner would be counted), so the memory map's own high-water mark is read first."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
