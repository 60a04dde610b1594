"""Item pipelines: validate articles (drops carry reasons), then upsert them and record the crawl run."""

from __future__ import annotations

import logging
from typing import Any, Self

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from spiders.items import ArticleItem
from spiders.lifeline import REASON as LIFELINE_REASON
from spiders.parsing import looks_mojibake

logger = logging.getLogger(__name__)
MIN_BODY_CHARS = 150


def problems(item: ArticleItem) -> list[str]:
    """Why an item cannot be stored; [] when it is fine. Pure, for tests and the pipeline alike."""
    found = []
    if not item.title:
        found.append("no_title")
    if len(item.text.strip()) < MIN_BODY_CHARS and not item.reports:
        found.append("no_body")
    if not item.published_at:
        found.append("no_date")
    if looks_mojibake(f"{item.title or ''} {item.text[:5000]}"):
        found.append("mojibake")
    return found


class ValidatePipeline:
    """Drops items without title, body or date, or with garbled text; stats under rumours/dropped/<reason>."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, ArticleItem):
            raise DropItem(f"unexpected item type {type(item).__name__}")
        found = problems(item)
        if not found:
            return item
        for reason in found:
            self.crawler.stats.inc_value(f"rumours/dropped/{reason}")
        spider: Any = self.crawler.spider
        if hasattr(spider, "record_error"):
            spider.record_error(item.url, "dropped: " + ", ".join(found), "dropped")
        raise DropItem(f"{item.url}: {', '.join(found)}")


class StorePipeline:
    """Upserts articles with their reports; one crawl_runs row per outlet per run."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.run_id: int | None = None
        self.stored = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        pipeline = cls(crawler)
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    @property
    def store(self) -> Any:
        from spiders.storage import get_store

        return get_store(self.crawler)

    def open_spider(self) -> None:
        from aggregator.records import OutletRecord

        spider = self.crawler.spider
        assert spider is not None
        domain = getattr(spider, "domain", "") or spider.name
        outlet_id = getattr(spider, "outlet_id", spider.name)
        self.store.upsert_outlet(
            OutletRecord(
                id=outlet_id,
                name=getattr(spider, "outlet_name", "") or spider.name,
                domain=domain,
                language=getattr(spider, "language", None),
                country=getattr(spider, "country", None) or None,
            )
        )
        self.run_id = self.store.start_crawl_run(outlet_id, spider.name)

    def process_item(self, item: ArticleItem) -> ArticleItem:
        from aggregator.envelopes import write_article

        status = write_article(self.store, item.to_dict())
        self.stored += 1
        self.crawler.stats.inc_value(f"rumours/stored/{status}")
        return item

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.run_id is None:
            return
        from spiders.storage import close_store

        stats = self.crawler.stats
        errors = list(getattr(spider, "crawl_errors", []))
        if reason == LIFELINE_REASON:
            status = "interrupted"  # its `rumours crawl` was killed: nobody waits for this run's outcome
        else:
            status = "ok" if reason == "finished" and (self.stored or not errors) else "failed"
        self.store.finish_crawl_run(
            self.run_id,
            requests=int(stats.get_value("downloader/request_count", 0)),
            items=self.stored,
            errors=errors,
            status=status,
        )
        logger.info("crawl run %s: %s items, %s errors, %s", self.run_id, self.stored, len(errors), status)
        close_store(self.crawler)


def to_record(item: ArticleItem) -> Any:
    """The store's ArticleRecord for a crawled item (the store writer builds the same from an envelope)."""
    from aggregator.envelopes import article_record

    return article_record(item.to_dict())
