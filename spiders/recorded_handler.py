"""Download handler fetching outlet URLs from the recorded-outlets server; responses keep the real URLs."""

from __future__ import annotations

from urllib.parse import urlsplit

from scrapy import Request
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.settings import BaseSettings

from spiders.recorded_server import server_url, unmap_url

HANDLER = "spiders.recorded_handler.RecordedOutletsDownloadHandler"


class RecordedOutletsDownloadHandler(HTTP11DownloadHandler):
    """HTTP/1.1 over loopback to the recorded server, which holds every outlet's pages under their real URLs.

    Enabled by OutletSpider.update_settings only when RUMOURS_RECORDED_SERVER is set together with an explicit
    opt-in (see ``recorded_server_allowed``): tests and the offline demo.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.server = crawler.settings.get("RUMOURS_RECORDED_SERVER")
        if not recorded_server_allowed(crawler.settings):
            raise NotConfigured("the recorded server needs RUMOURS_ALLOW_PRIVATE_ADDRESSES or an address exception")
        self.netloc = urlsplit(self.server).netloc
        super().__init__(crawler)

    async def download_request(self, request: Request) -> Response:
        mapped = request.replace(url=server_url(self.server, request.url))
        response = await super().download_request(mapped)
        if location := response.headers.get(b"Location"):
            target = location.decode("latin-1")
            # Only the server's own URLs are mapped back; any other address is left for the guard to judge.
            if urlsplit(target).netloc == self.netloc:
                response.headers[b"Location"] = unmap_url(target)
        return response.replace(url=request.url)


def recorded_server_allowed(settings: BaseSettings) -> bool:
    """True when RUMOURS_RECORDED_SERVER is set and opted into: every private address allowed, or exactly the
    server's own ``host:port`` listed in RUMOURS_PRIVATE_ADDRESS_EXCEPTIONS (the guard stays on for the rest)."""
    server = settings.get("RUMOURS_RECORDED_SERVER")
    if not server:
        return False
    if settings.getbool("RUMOURS_ALLOW_PRIVATE_ADDRESSES"):
        return True
    parts = urlsplit(server)
    own = f"{(parts.hostname or '').lower()}:{parts.port or 80}"
    return own in {e.strip().lower() for e in settings.getlist("RUMOURS_PRIVATE_ADDRESS_EXCEPTIONS")}
