"""A test-only outlet on made-up host names, and the stub resolver that maps those names to addresses."""

from __future__ import annotations

import logging
import socket
from typing import Any, Self

from spiders.errors import RefusedAddress, UnresolvableHost
from spiders.outlets.mirror import MirrorSpider
from spiders.resolver import GuardedResolver

logger = logging.getLogger(__name__)
ARTICLE_PATH = "/sport/football/transfer-news/{slug}-aubameyang-transfer-{number}"
# What each test name resolves to. Only the outlet's own name is let through (as a private-address exception).
DNS = {
    "outlet.test": ["127.0.0.1"],
    "loopback.test": ["127.0.0.1"],
    "metadata.test": ["169.254.169.254"],
    "nat64.test": ["64:ff9b::7f00:1"],  # NAT64 of 127.0.0.1, AAAA only
    "sixtofour.test": ["2002:7f00:1::1"],  # 6to4 of 127.0.0.1
    "mapped.test": ["::ffff:127.0.0.1"],
    "dual.test": ["93.184.215.14", "64:ff9b::a9fe:a9fe"],  # a public IPv4 and NAT64 of 169.254.169.254
    # nowhere.test: not in the table, so it does not resolve
}
ARTICLE_HOSTS = ["outlet.test", "loopback.test", "metadata.test", "nat64.test", "sixtofour.test", "dual.test"]
TRIPWIRE = "tripwire: the test resolver would have connected off loopback to"


def url(host: str, port: int, path: str) -> str:
    return f"http://{host}:{port}{path}"


def article_url(host: str, port: int, number: int) -> str:
    return url(host, port, ARTICLE_PATH.format(slug=host.split(".")[0], number=22003100 + number))


class StubResolver(GuardedResolver):
    """The production resolver with a lookup table instead of DNS; it never connects anywhere but 127.0.0.1
    (an address the guard let through by mistake is refused with TRIPWIRE instead)."""

    def lookup(self, name: str) -> list[str]:
        logger.info("stub lookup: %s", name)
        if name not in DNS:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return DNS[name]

    def _judge(self, found: list[str] | UnresolvableHost, name: str, port: int | None) -> list[str]:
        addresses = super()._judge(found, name, port)
        if any(address != "127.0.0.1" for address in addresses):
            self.refusals[name.lower()] = refusal = RefusedAddress(f"{TRIPWIRE} {', '.join(addresses)}")
            raise refusal
        return addresses


class GuardedMirrorSpider(MirrorSpider):
    """The Mirror's parsing, with feeds, sitemaps and listings on the test names (port from GUARD_TEST_PORT)."""

    name = "mirror_guarded"

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        port = crawler.settings.getint("GUARD_TEST_PORT")
        spider.feeds = [url("outlet.test", port, "/feed.xml"), url("nat64.test", port, "/feed.xml")]
        spider.sitemaps = [
            url("outlet.test", port, "/redirect-to-loopback.xml"),
            url("mapped.test", port, "/sitemap.xml"),
        ]
        spider.listings = [url("outlet.test", port, "/listing"), url("metadata.test", port, "/listing")]
        return spider
