"""Download handler fetching outlet URLs from the recorded-outlets server; responses keep the real URLs."""

from __future__ import annotations

from scrapy import Request
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response

from spiders.recorded_server import server_url, unmap_url

HANDLER = "spiders.recorded_handler.RecordedOutletsDownloadHandler"


class RecordedOutletsDownloadHandler(HTTP11DownloadHandler):
    """HTTP/1.1 over loopback to the recorded server, which holds every outlet's pages under their real URLs.

    Enabled by OutletSpider.update_settings only when RUMOURS_RECORDED_SERVER is set together with the
    explicit RUMOURS_ALLOW_PRIVATE_ADDRESSES (tests and the offline demo).
    """

    def __init__(self, crawler: Crawler) -> None:
        self.server = crawler.settings.get("RUMOURS_RECORDED_SERVER")
        if not self.server or not crawler.settings.getbool("RUMOURS_ALLOW_PRIVATE_ADDRESSES"):
            raise NotConfigured("the recorded server needs RUMOURS_ALLOW_PRIVATE_ADDRESSES")
        super().__init__(crawler)

    async def download_request(self, request: Request) -> Response:
        mapped = request.replace(url=server_url(self.server, request.url))
        response = await super().download_request(mapped)
        if location := response.headers.get(b"Location"):
            response.headers[b"Location"] = unmap_url(location.decode("latin-1"))
        return response.replace(url=request.url)
