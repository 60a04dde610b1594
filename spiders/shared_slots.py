"""Politeness across workers: one delay and one concurrency budget per domain, reserved atomically in Redis."""

from __future__ import annotations

import logging
import secrets
from typing import Any, Self

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.task import deferLater

from spiders.distributed import context

logger = logging.getLogger(__name__)
META = "rumours_slot_lease"
BUSY_RETRY_SECONDS = 0.05

# KEYS: the domain's last reserved start, its leases (sorted set: token -> expiry); ARGV: delay, concurrency,
# token, lease seconds. Redis's own clock, so that workers on machines whose clocks differ agree. Returns
# {seconds to wait, "1"} once reserved, {"0", "0"} when the concurrency budget is spent (ask again later).
RESERVE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local delay, concurrency, lease = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', string.format('%.6f', now))
if concurrency > 0 and redis.call('ZCARD', KEYS[2]) >= concurrency then
  return {'0', '0'}
end
local start = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0') + delay)
local keep = math.ceil((start - now + delay + lease) * 1000) + 60000
redis.call('SET', KEYS[1], string.format('%.6f', start), 'PX', keep)
redis.call('ZADD', KEYS[2], string.format('%.6f', start + lease), ARGV[3])
redis.call('PEXPIRE', KEYS[2], keep)
return {string.format('%.6f', start - now), '1'}
"""


def slot_keys(slot: str) -> tuple[str, str]:
    """The Redis keys of one download slot (a host name): its last start, its leases."""
    return f"rumours:slot:{slot}", f"rumours:slot:{slot}:leases"


def reserve(client: Any, slot: str, delay: float, concurrency: int, token: str, lease: float) -> float | None:
    """Reserve the next start of a request to ``slot``: seconds to wait until it (at least ``delay`` after the
    previous reservation, by any worker), or None while ``concurrency`` requests already hold a lease."""
    wait, reserved = client.eval(RESERVE, 2, *slot_keys(slot), delay, concurrency, token, lease)
    return float(wait) if reserved == b"1" else None


def release(client: Any, slot: str, token: str) -> None:
    """The request holding ``token`` is done: its concurrency lease is free."""
    client.zrem(slot_keys(slot)[1], token)


class SharedSlotsMiddleware:
    """Downloader middleware (distributed mode only, next to the downloader): each request waits, without blocking
    the reactor, for a start reserved in Redis at least the slot's delay (DOWNLOAD_DELAY, or AutoThrottle's current
    delay) after the previous request to its domain from any worker, and within CONCURRENT_REQUESTS_PER_DOMAIN
    requests at a time across workers."""

    def __init__(self, crawler: Crawler) -> None:
        if not crawler.settings.get("RUMOURS_REDIS_URL"):
            raise NotConfigured
        self.crawler = crawler
        self.client = context(crawler).client
        self.concurrency = crawler.settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN")
        # A lease ends with its download (response or error), or by itself once the download would have timed
        # out: a worker killed mid-download blocks its share of the budget no longer than that.
        self.lease = crawler.settings.getfloat("DOWNLOAD_TIMEOUT", 180) + 1

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def _delay(self, slot_key: str) -> float:
        downloader = self.crawler.engine.downloader if self.crawler.engine else None
        slot = downloader.slots.get(slot_key) if downloader is not None else None
        if slot is not None:
            return float(slot.delay)
        spider = self.crawler.spider
        return float(getattr(spider, "download_delay", self.crawler.settings.getfloat("DOWNLOAD_DELAY")))

    async def process_request(self, request: Request) -> None:
        from twisted.internet import reactor

        assert self.crawler.engine is not None
        slot = self.crawler.engine.downloader.get_slot_key(request)
        token = secrets.token_hex(8)
        while True:
            wait = reserve(self.client, slot, self._delay(slot), self.concurrency, token, self.lease)
            if wait is not None:
                break
            await maybe_deferred_to_future(deferLater(reactor, BUSY_RETRY_SECONDS, lambda: None))  # type: ignore[arg-type]
        request.meta[META] = (slot, token)
        if wait > 0:
            self.crawler.stats.inc_value("rumours/shared_slots/waited")
            await maybe_deferred_to_future(deferLater(reactor, wait, lambda: None))  # type: ignore[arg-type]

    def _release(self, request: Request) -> None:
        lease = request.meta.pop(META, None)
        if lease:
            try:
                release(self.client, *lease)
            except Exception as exc:  # the lease expires by itself
                logger.warning("could not release a download slot lease: %s", exc)

    def process_response(self, request: Request, response: Response) -> Response:
        self._release(request)
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        self._release(request)
