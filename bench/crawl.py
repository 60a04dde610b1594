"""Benchmark: articles/s parsed by the outlet spiders vs a bare fetch-only spider and trafilatura.extract.

Usage: ``python bench/crawl.py [--repeat 20]``. Every pass runs in one process and one reactor over the same
loopback server, which serves every recorded article page `repeat` times: ``spiders`` hands each response to its
outlet spider's production callback, ``OutletSpider.parse_article`` (charset check, JSON-LD, dates, body, reports,
transfer filter; the spider bound to the crawler, its items yielded to Scrapy; no item pipelines in any pass);
``fetch-only`` yields one item per page without parsing (the ceiling Scrapy itself sets); ``dom-only`` builds the
page's DOM as the spiders do (``page_selector``) and yields one item (the ceiling for any parser on that DOM);
``trafilatura`` calls ``trafilatura.extract`` in the callback. CPU ms per page is the reactor thread's own CPU time
(the server runs on another thread).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import scrapy
import trafilatura
from scrapy.crawler import CrawlerRunner
from scrapy.http import TextResponse
from scrapy.spiderloader import SpiderLoader
from scrapy.utils.log import configure_logging
from scrapy.utils.project import get_project_settings
from twisted.internet import defer

from spiders.base import OutletSpider
from spiders.page import page_selector
from spiders.recorded_handler import HANDLER
from spiders.recorded_server import RecordedSite, serve_in_thread


class BenchSpider(scrapy.Spider):
    name = "bench"

    def __init__(self, pages: dict[str, str], repeat: int, mode: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.pages = pages
        self.outlets: dict[str, OutletSpider] = {}
        self.repeat, self.mode = repeat, mode
        self.done = 0
        self.chars = 0
        self.started = self.finished = 0.0
        self.cpu_started = self.cpu_finished = 0.0

    async def start(self) -> Any:
        # Each outlet's spider bound to this crawler, as in production: its settings and stats are the crawl's.
        loader = SpiderLoader.from_settings(self.crawler.settings)
        spiders = {name: loader.load(name).from_crawler(self.crawler) for name in set(self.pages.values())}
        self.outlets = {url: spiders[outlet] for url, outlet in self.pages.items()}
        self.started = time.perf_counter()
        self.cpu_started = time.thread_time()
        for _ in range(self.repeat):
            for url in self.outlets:
                yield scrapy.Request(url, callback=self.parse, dont_filter=True)

    def parse(self, response: TextResponse) -> Any:
        if self.mode == "fetch-only":
            yield {"url": response.url, "bytes": len(response.body)}
            self.chars += len(response.body)
        elif self.mode == "dom-only":
            root = page_selector(response).root
            yield {"url": response.url, "bytes": len(response.body)}
            self.chars += len(root)
        elif self.mode == "spiders":
            for item in self.outlets[response.url].parse_article(response):  # the production callback
                self.chars += len(item.text)
                yield item
        else:
            text = trafilatura.extract(response.text, url=response.url) or ""
            self.chars += len(text)
        self.done += 1
        self.finished = time.perf_counter()
        self.cpu_finished = time.thread_time()


@defer.inlineCallbacks
def run_both(runner: CrawlerRunner, pages: dict[str, str], repeat: int, results: dict[str, BenchSpider]) -> Any:
    for mode in ("spiders", "fetch-only", "dom-only", "trafilatura"):
        crawler = runner.create_crawler(BenchSpider)
        yield runner.crawl(crawler, pages=pages, repeat=repeat, mode=mode)
        results[mode] = crawler.spider
    from twisted.internet import reactor

    reactor.stop()  # type: ignore[attr-defined]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20, help="times each recorded page is fetched per pass")
    args = parser.parse_args()
    site = RecordedSite()
    pages = {url: outlet for outlet, urls in site.outlets.items() for url in urls}
    server = serve_in_thread(site)
    settings = get_project_settings()
    settings.setdict(
        {
            "RUMOURS_RECORDED_SERVER": server.url,
            "RUMOURS_ALLOW_PRIVATE_ADDRESSES": True,
            "DOWNLOAD_HANDLERS": {"http": HANDLER, "https": HANDLER},
            "ROBOTSTXT_OBEY": False,
            "DOWNLOAD_DELAY": 0,
            "AUTOTHROTTLE_ENABLED": False,
            "CONCURRENT_REQUESTS": 16,
            "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
            "ITEM_PIPELINES": {},
            "EXTENSIONS": {},
            "LOG_LEVEL": "WARNING",
        },
        priority="cmdline",
    )
    configure_logging(settings)
    from scrapy.utils.reactor import install_reactor

    install_reactor(settings["TWISTED_REACTOR"])
    from twisted.internet import reactor

    results: dict[str, BenchSpider] = {}
    run_both(CrawlerRunner(settings), pages, args.repeat, results)
    reactor.run()  # type: ignore[attr-defined]
    server.stop()
    rates = {}
    for mode, spider in results.items():
        seconds = spider.finished - spider.started
        rates[mode] = spider.done / seconds if seconds else 0.0
        cpu_ms = (spider.cpu_finished - spider.cpu_started) * 1000 / max(spider.done, 1)
        unit = {"fetch-only": "bytes of page", "dom-only": "children of the root"}.get(mode, "chars of text")
        print(
            f"{mode:12s} {spider.done:5d} articles in {seconds:6.2f} s = {rates[mode]:7.1f} articles/s, "
            f"{cpu_ms:5.2f} CPU ms per page ({spider.chars // max(spider.done, 1)} {unit} per article)"
        )
    for other in ("fetch-only", "trafilatura"):
        if rates.get(other):
            print(
                f"ratio spiders/{other}: {rates['spiders'] / rates[other]:.2f}x "
                f"({len(pages)} distinct recorded pages x {args.repeat})"
            )
    if rates.get("fetch-only"):
        print(f"ceiling dom-only/fetch-only: {rates['dom-only'] / rates['fetch-only']:.2f}x (any parse on one DOM)")


if __name__ == "__main__":
    main()
