"""Extension ending a crawl whose `rumours` parent is gone (killed, however): its stdin pipe reaches end of file."""

from __future__ import annotations

import logging
import os
import sys
import threading
from typing import Self

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from twisted.internet import reactor

logger = logging.getLogger(__name__)
REASON = "parent_gone"  # the close reason, recorded by the store pipeline as an interrupted run


class ParentLifeline:
    """`rumours crawl` starts each crawl with a pipe on its stdin and never writes to it. The kernel closes the pipe
    when that process dies, kill -9 and the OOM killer included; the crawl then closes its spider as on SIGTERM
    (in-flight items stored, the run recorded) instead of crawling on unseen beside the next crawl of its outlet.

    Only with ``RUMOURS_LIFELINE`` set (by `rumours crawl`): a plain ``scrapy crawl`` leaves stdin alone."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.gone = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not crawler.settings.getbool("RUMOURS_LIFELINE"):
            raise NotConfigured
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        return ext

    def spider_opened(self, spider: Spider) -> None:
        fd = os.dup(sys.stdin.fileno())
        threading.Thread(target=self._wait_for_end, args=(fd,), name="parent-lifeline", daemon=True).start()

    def _wait_for_end(self, fd: int) -> None:
        # Raw reads: a daemon thread blocked in the buffered reader would abort the interpreter's shutdown.
        try:
            while os.read(fd, 4096):
                pass  # nothing is sent; anything that is, is ignored
        except OSError:
            pass  # unreadable: the pipe is gone too
        reactor.callFromThread(self.parent_gone)  # type: ignore[attr-defined]

    def parent_gone(self) -> None:
        engine, spider = self.crawler.engine, self.crawler.spider
        if self.gone or engine is None or spider is None or not engine.running:
            return
        self.gone = True
        logger.warning("the rumours process that started this crawl is gone: closing the spider")
        engine.close_spider(spider, REASON)
