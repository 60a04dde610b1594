"""The shared frontier's scheduler: scrapy-redis, plus in-flight tracking, dead-worker reclaim and closing when
every worker's queue is drained."""

from __future__ import annotations

import logging
import time
from typing import Any

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import CloseSpider, DontCloseSpider
from scrapy.utils.asyncio import create_looping_call
from scrapy_redis.scheduler import Scheduler

from aggregator.envelopes import INFLIGHT_SCRIPT, frontier_key
from spiders.distributed import WorkerContext, context

logger = logging.getLogger(__name__)

# Pop the best request and record it as this worker's, in one step: KEYS queue, in-flight hash, sequence.
POP = """
local found = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #found == 0 then return false end
redis.call('ZREM', KEYS[1], found[1])
local field = redis.call('INCR', KEYS[3]) .. ':' .. found[2]
redis.call('HSET', KEYS[2], field, found[1])
return {field, found[1]}
"""
# Mark a request seen and queue it, in one step (a worker dying in between must not leave it seen but unqueued):
# KEYS duplicate filter, queue; ARGV fingerprint ('' for requests that skip the filter), score, request. 1 if queued.
ENQUEUE = """
if ARGV[1] ~= '' and redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
return 1
"""
# Give the requests of workers whose heartbeat expired back to the queue: KEYS queue, workers set; ARGV the key
# prefix of in-flight hashes, of heartbeats, this worker. How many requests went back.
RECLAIM = """
local moved = 0
for _, worker in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  if worker ~= ARGV[3] and redis.call('EXISTS', ARGV[2] .. worker) == 0 then
    local held = redis.call('HGETALL', ARGV[1] .. worker)
    for i = 1, #held, 2 do
      local score = string.match(held[i], ':(.*)$')
      redis.call('ZADD', KEYS[1], tonumber(score) or 0, held[i + 1])
      moved = moved + 1
    end
    redis.call('DEL', ARGV[1] .. worker)
    redis.call('SREM', KEYS[2], worker)
  end
end
return moved
"""


class SharedScheduler(Scheduler):
    """scrapy-redis's scheduler for one outlet's shared queue. Each popped request is held in this worker's
    in-flight hash until the engine is done with it (its callback's requests and items are out); a heartbeat
    key says the worker lives, and survivors put a dead worker's requests back in the queue. The spider closes
    once no worker has anything queued or in flight for RUMOURS_IDLE_CLOSE seconds."""

    crawler: Crawler
    ctx: WorkerContext

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        instance = super().from_crawler(crawler)
        instance.crawler = crawler
        instance.ctx = context(crawler)
        instance.held = {}
        instance.drained_since = None
        settings = crawler.settings
        instance.heartbeat_seconds = settings.getfloat("RUMOURS_HEARTBEAT_SECONDS", 1.0)
        instance.worker_timeout = settings.getfloat("RUMOURS_WORKER_TIMEOUT", 30.0)
        instance.idle_close = settings.getfloat("RUMOURS_IDLE_CLOSE", 3.0)
        crawler.signals.connect(instance.spider_idle, signal=signals.spider_idle)
        return instance

    def _key(self, what: str) -> str:
        return frontier_key(self.ctx.spider, what)

    def open(self, spider: Spider) -> None:
        super().open(spider)
        self.heartbeat()
        self.loop = create_looping_call(self.heartbeat)
        self.loop.start(self.heartbeat_seconds, now=False)
        logger.info("worker %s joins run %s of %s", self.ctx.worker, self.ctx.run_id, spider.name)

    def enqueue_request(self, request: Request) -> bool:
        if self.ctx.stale:
            return False
        fingerprint = "" if request.dont_filter else self.df.request_fingerprint(request)
        data = self.queue._encode_request(request)
        if not self.server.eval(ENQUEUE, 2, self.df.key, self.queue.key, fingerprint, -request.priority, data):
            self.df.log(request, self.spider)  # seen by a worker of this run
            return False
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis")
        return True

    def next_request(self) -> Request | None:
        if self.ctx.stale:
            return None
        keys = (self._key("requests"), self._key(f"inflight:{self.ctx.worker}"), self._key("seq"))
        found = self.server.eval(POP, 3, *keys)
        if not found:
            return None
        field, data = found
        request: Request = self.queue._decode_request(data)
        self.held[request] = field
        if self.stats:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def has_pending_requests(self) -> bool:
        return not self.ctx.stale and len(self) > 0

    # ---- bookkeeping, every heartbeat ---------------------------------------------------------------------
    def heartbeat(self) -> None:
        """Say this worker lives, let go of finished requests, reclaim dead workers' and wake the engine."""
        try:
            pipe = self.server.pipeline()
            pipe.set(self._key(f"alive:{self.ctx.worker}"), 1, px=int(self.worker_timeout * 1000))
            pipe.sadd(self._key("workers"), self.ctx.worker)
            pipe.execute()
            self.release_finished()
            keys = (self._key("requests"), self._key("workers"))
            prefixes = (self._key("inflight:"), self._key("alive:"), self.ctx.worker)
            if moved := self.server.eval(RECLAIM, 2, *keys, *prefixes):
                logger.warning("%s requests of a dead worker of %s put back in the queue", moved, self.ctx.spider)
                if self.stats:
                    self.stats.inc_value("rumours/reclaimed", moved)
        except Exception as exc:  # a Redis hiccup: the next beat tries again
            logger.warning("frontier heartbeat failed: %s", exc)
        slot = getattr(self.crawler.engine, "_slot", None)
        if slot is not None:
            slot.nextcall.schedule()  # an idle worker sees requests other workers queued without delay

    def release_finished(self) -> None:
        """Drop from the in-flight hash the requests the engine no longer holds (downloaded, parsed, their
        requests queued and items pushed; or failed)."""
        slot = getattr(self.crawler.engine, "_slot", None)
        inprogress = slot.inprogress if slot is not None else set()
        done = [request for request in self.held if request not in inprogress]
        if done:
            self.server.hdel(self._key(f"inflight:{self.ctx.worker}"), *(self.held.pop(r) for r in done))

    def spider_idle(self, spider: Spider) -> None:
        if self.ctx.stale:
            raise CloseSpider("stale_run")
        self.release_finished()
        queued = int(self.server.zcard(self._key("requests")))
        inflight = int(self.server.eval(INFLIGHT_SCRIPT, 1, self._key("workers"), self._key("inflight:")))
        now = time.monotonic()
        if queued or inflight:
            self.drained_since = None
            raise DontCloseSpider
        self.drained_since = self.drained_since or now
        if now - self.drained_since < self.idle_close:
            raise DontCloseSpider

    def close(self, reason: str) -> None:
        if getattr(self, "loop", None) is not None and self.loop.running:
            self.loop.stop()
        try:
            self.release_finished()
            inflight = self._key(f"inflight:{self.ctx.worker}")
            held = self.server.hgetall(inflight)
            pipe = self.server.pipeline()
            for field, data in held.items():  # stopped early: what it held goes back for the others
                pipe.zadd(self._key("requests"), {data: float(field.decode().partition(":")[2] or 0)})
            pipe.delete(inflight, self._key(f"alive:{self.ctx.worker}"))
            pipe.srem(self._key("workers"), self.ctx.worker)
            pipe.execute()
            if held:
                logger.info("%s requests in flight put back in the queue of %s", len(held), self.ctx.spider)
        except Exception as exc:
            logger.warning("could not leave the frontier cleanly (the others reclaim it): %s", exc)
        super().close(reason)
