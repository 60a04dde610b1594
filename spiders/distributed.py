"""Distributed mode: an add-on that, when RUMOURS_REDIS_URL is set, shares the frontier on Redis (scrapy-redis)
and sends items to the store writer instead of opening SQLite."""

from __future__ import annotations

import logging
import os
import secrets
import socket
from typing import Any, Self
from weakref import WeakKeyDictionary

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.settings import BaseSettings

from aggregator.envelopes import ITEMS, connect, encode, frontier_key, validators_key

logger = logging.getLogger(__name__)

STORE_PIPELINE = "spiders.pipelines.StorePipeline"
QUEUE_PIPELINE = "spiders.distributed.QueuePipeline"
SLOTS_MIDDLEWARE = "spiders.shared_slots.SharedSlotsMiddleware"

_CONTEXTS: WeakKeyDictionary[Any, WorkerContext] = WeakKeyDictionary()


def _set(settings: BaseSettings, name: str, value: Any) -> None:
    """Set ``name`` at the add-on's priority unless the user set it higher (``-s`` on the command line)."""
    settings.set(name, value, priority="addon")


class RedisFrontier:
    """Scrapy add-on (ADDONS): nothing unless RUMOURS_REDIS_URL is set; then the scrapy-redis scheduler and
    duplicate filter on per-outlet keys, the shared politeness middleware, and the queue pipeline for the store."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def update_settings(self, settings: BaseSettings) -> None:
        url = settings.get("RUMOURS_REDIS_URL")
        if not url:
            return
        try:
            import scrapy_redis  # noqa: F401
        except ImportError:
            raise RuntimeError(
                "RUMOURS_REDIS_URL needs scrapy-redis: pip install 'transfer-rumours[distributed]'"
            ) from None
        _set(settings, "REDIS_URL", url)
        _set(settings, "SCHEDULER", "spiders.frontier.SharedScheduler")
        _set(settings, "DUPEFILTER_CLASS", "scrapy_redis.dupefilter.RFPDupeFilter")
        _set(settings, "SCHEDULER_PERSIST", True)  # the queue outlives any one worker; prepare_run starts afresh
        _set(settings, "SCHEDULER_QUEUE_CLASS", "scrapy_redis.queue.PriorityQueue")
        _set(settings, "SCHEDULER_QUEUE_KEY", frontier_key("%(spider)s", "requests"))
        _set(settings, "SCHEDULER_DUPEFILTER_KEY", frontier_key("%(spider)s", "dupefilter"))
        pipelines = settings["ITEM_PIPELINES"]
        pipelines.set(STORE_PIPELINE, None, priority=max(pipelines.getpriority(STORE_PIPELINE) or 0, 20))
        pipelines.set(QUEUE_PIPELINE, 800, priority="addon")
        settings["DOWNLOADER_MIDDLEWARES"].set(SLOTS_MIDDLEWARE, 990, priority="addon")


class WorkerContext:
    """This worker's identity in the shared frontier: its Redis client, id and run (one per crawler)."""

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        assert crawler.spidercls is not None
        self.spider = crawler.spidercls.name
        self.client = connect(settings.get("RUMOURS_REDIS_URL"))
        default_id = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(2)}"
        self.worker = settings.get("RUMOURS_WORKER_ID") or default_id
        wanted = settings.get("RUMOURS_RUN_ID") or ""
        run_key = frontier_key(self.spider, "run")
        if not wanted:  # no run given: join the outlet's current run, or start its first
            self.client.set(run_key, secrets.token_hex(4), nx=True)
        current = (self.client.get(run_key) or b"").decode()
        self.run_id = wanted or current
        self.stale = bool(wanted) and wanted != current
        if self.stale:
            logger.error("run %s is not the current run of %s (%s): this worker stops", wanted, self.spider, current)

    def push(self, kind: str, **body: Any) -> None:
        self.client.lpush(ITEMS, encode(kind, self.spider, **body))


def context(crawler: Crawler) -> WorkerContext:
    """The crawler's WorkerContext, made on first use."""
    found = _CONTEXTS.get(crawler)
    if found is None:
        found = _CONTEXTS[crawler] = WorkerContext(crawler)
    return found


class RedisStoreView:
    """What spiders and middlewares ask of the store, answered from Redis: validators from the outlet's
    ``rumours:<spider>:validators`` (seeded from the store at each run, kept by the writer), not-modified marks sent
    to the writer. Workers never open the SQLite file."""

    def __init__(self, crawler: Crawler) -> None:
        self.ctx = context(crawler)

    def article_validators(self, url: str) -> dict[str, Any] | None:
        import json

        raw = self.ctx.client.hget(validators_key(self.ctx.spider), url)
        if raw is None:
            return None
        data: dict[str, Any] = json.loads(raw)
        data["url"] = url
        return data

    def mark_not_modified(self, url: str, fetched_at: str | None = None) -> None:
        self.ctx.push("not_modified", url=url, fetched_at=fetched_at)

    def close(self) -> None:
        self.ctx.client.close()


class QueuePipeline:
    """StorePipeline's stand-in: each item and the run's start and end go to ``rumours:items`` as envelopes."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stored = 0
        self.started = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        pipeline = cls(crawler)
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def open_spider(self) -> None:
        spider: Any = self.crawler.spider
        ctx = context(self.crawler)
        if ctx.stale:
            return
        outlet = {
            "id": getattr(spider, "outlet_id", spider.name),
            "name": getattr(spider, "outlet_name", "") or spider.name,
            "domain": getattr(spider, "domain", "") or spider.name,
            "language": getattr(spider, "language", None),
            "country": getattr(spider, "country", None) or None,
        }
        ctx.push("run_start", run=ctx.run_id, worker=ctx.worker, outlet=outlet)
        self.started = True

    def process_item(self, item: Any) -> Any:
        context(self.crawler).push("article", item=item.to_dict())
        self.stored += 1
        self.crawler.stats.inc_value("rumours/queued/article")
        return item

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if not self.started:
            return
        ctx = context(self.crawler)
        stats = self.crawler.stats
        ctx.push(
            "run_end",
            run=ctx.run_id,
            worker=ctx.worker,
            requests=int(stats.get_value("downloader/request_count", 0)),
            items=self.stored,
            errors=list(getattr(spider, "crawl_errors", [])),
            reason=reason,
        )
        logger.info("run %s worker %s: %s items queued for the store, %s", ctx.run_id, ctx.worker, self.stored, reason)
