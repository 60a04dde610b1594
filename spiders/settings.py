"""Scrapy settings: politeness, limits, pipelines and middlewares for every outlet spider."""

from __future__ import annotations

import os

BOT_NAME = "transfer-rumours"
SPIDER_MODULES = ["spiders.outlets"]
NEWSPIDER_MODULE = "spiders.outlets"

# Honest identification: who we are and where to read about us.
USER_AGENT = (
    "transfer-rumours/0.1 (football transfer news aggregator; +https://github.com/transfer-rumours/transfer-rumours)"
)

# Politeness.
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0  # per outlet: an OutletSpider may override with its `download_delay` attribute
DOWNLOAD_DELAY_JITTER = 0.5  # ±50% around the per-outlet delay
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

# Limits: scraped pages are hostile input.
DOWNLOAD_MAXSIZE = 32 * 1024 * 1024
DOWNLOAD_WARNSIZE = 8 * 1024 * 1024
DOWNLOAD_TIMEOUT = 30
REDIRECT_MAX_TIMES = 5
DEPTH_LIMIT = 3
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False

# Retries with exponential backoff that honours Retry-After (spiders.retry.BackoffRetryMiddleware).
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
RUMOURS_RETRY_BACKOFF_BASE = 2.0  # seconds; doubles per attempt
RUMOURS_RETRY_BACKOFF_MAX = 120.0  # never wait longer than this, whatever Retry-After says

# 304 must reach the conditional-request middleware; other errors go to errbacks.
HTTPERROR_ALLOWED_CODES = [304]

DOWNLOADER_MIDDLEWARES = {
    "spiders.middlewares.PrivateAddressGuardMiddleware": 50,
    "spiders.middlewares.ConditionalRequestMiddleware": 560,
    "spiders.middlewares.ResolverRefusalMiddleware": 590,  # a refused lookup's reason, before any retry
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "spiders.retry.BackoffRetryMiddleware": 550,
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    "spiders.middlewares.OutletRedirectMiddleware": 600,  # refuses redirect loops and off-site article redirects
}
SPIDER_MIDDLEWARES = {
    "spiders.page_errors.PageErrorMiddleware": 950,  # next to the spider: a page whose parse raises is an error
}
ITEM_PIPELINES = {
    "spiders.pipelines.ValidatePipeline": 100,
    "spiders.pipelines.StorePipeline": 800,
}
# Distributed mode (spiders.distributed): with RUMOURS_REDIS_URL=redis://host:port/db set, workers share one
# frontier on Redis and send items to the store writer (`rumours store-writer`); without it, nothing changes.
ADDONS = {
    "spiders.distributed.RedisFrontier": 0,
}
RUMOURS_REDIS_URL = ""
RUMOURS_RUN_ID = ""  # the run a worker joins (aggregator.distributed.prepare_run); empty: the outlet's current run
RUMOURS_IDLE_CLOSE = 3.0  # seconds the shared queue must stay empty, nothing in flight anywhere, before closing
RUMOURS_HEARTBEAT_SECONDS = 1.0  # how often a worker says it lives and reclaims dead workers' requests
RUMOURS_WORKER_TIMEOUT = 30.0  # a worker silent this long is dead: its requests in flight go back to the queue
EXTENSIONS = {
    "spiders.progress.ProgressLines": 500,
    "spiders.lifeline.ParentLifeline": 510,
}

# Scrapy re-reads a generator callback's source (inspect + ast.parse) to warn about `return value` in it, on most
# responses: its cache holds each request's bound method weakly (0.3-0.8 ms a page in bench/crawl.py). The check
# runs once over every outlet callback in tests/spiders/test_helpers.py instead.
WARN_ON_GENERATOR_RETURN_VALUE = False

# Where articles go.
RUMOURS_DB = os.environ.get("RUMOURS_DB", "rumours.db")

# Recorded-outlets server (tests and `rumours demo` only): when set, the download handler sends requests for
# outlet hosts to this loopback server and responses keep the real URLs (spiders.recorded_handler).
RUMOURS_RECORDED_SERVER = os.environ.get("RUMOURS_RECORDED_SERVER", "")
# Private, loopback and link-local addresses are refused (also as redirect targets) unless this is true.
RUMOURS_ALLOW_PRIVATE_ADDRESSES = False
# Or, with the guard left on for everything else: exactly these private `host:port` pairs are let through (the
# recorded server's own address, so that tests run the production guard). Never set in production.
RUMOURS_PRIVATE_ADDRESS_EXCEPTIONS: list[str] = []
# Host names are judged by every address they resolve to, when the download connects (NAT64, 6to4 and
# IPv4-mapped addresses by the IPv4 they carry); one verdict per host per crawl.
TWISTED_DNS_RESOLVER = "spiders.resolver.GuardedResolver"
# Print one JSON progress line per event on stdout (used by `rumours crawl`).
RUMOURS_PROGRESS = os.environ.get("RUMOURS_PROGRESS", "") == "1"
# Set by `rumours crawl`, which holds the other end of this process's stdin: end of file means it is gone.
RUMOURS_LIFELINE = os.environ.get("RUMOURS_LIFELINE", "") == "1"
# Largest article body kept, in characters.
RUMOURS_MAX_BODY_CHARS = 200_000

LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"
