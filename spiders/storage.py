"""One aggregator Store per crawler, shared by the spider, the middlewares and the pipeline."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)
_STORES: WeakKeyDictionary[Any, Any] = WeakKeyDictionary()


def get_store(crawler: Crawler) -> Any:
    """The crawler's Store, opened on first use at the RUMOURS_DB path; in distributed mode (RUMOURS_REDIS_URL)
    a view of what the store writer keeps in Redis instead, so that workers never open the SQLite file."""
    store = _STORES.get(crawler)
    if store is None and crawler.settings.get("RUMOURS_REDIS_URL"):
        from spiders.distributed import RedisStoreView

        store = _STORES[crawler] = RedisStoreView(crawler)
    if store is None:
        from aggregator.store import Store

        path = crawler.settings.get("RUMOURS_DB")
        logger.info("opening store %s", path)
        store = Store(path)
        _STORES[crawler] = store
    return store


def close_store(crawler: Crawler) -> None:
    store = _STORES.pop(crawler, None)
    if store is not None:
        store.close()
