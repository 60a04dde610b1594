"""The recorded-outlets server's fault table: what it does instead of serving a page normally, one behaviour per
queued fault name (error statuses, stalls, dropped and truncated bodies, bombs, wrong charsets, redirects)."""

from __future__ import annotations

import functools
import time
import zlib
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spiders.recorded_server import Handler, Page


def _status(code: int, extra: dict[str, str] | None = None) -> Callable[[Handler, Page | None], None]:
    return lambda h, page: h.reply(code, b"recorded fault", {"Content-Type": "text/plain", **(extra or {})})


def _body(h: Handler, page: Page | None) -> bytes:
    return page.body if page else b"<!DOCTYPE html><html><body><p>recorded fault</p></body></html>"


def _headers(h: Handler, status: int, headers: dict[str, str]) -> None:
    """Start a response by hand (for faults that break it on purpose); the hit is recorded with its status."""
    h.send_response(status)
    for key, value in headers.items():
        h.send_header(key, value)
    h.end_headers()
    h.server.site.record(h.real_url, status)


def _write(h: Handler, data: bytes) -> bool:
    try:
        h.wfile.write(data)
        h.wfile.flush()
        return True
    except OSError:  # the client gave up: that is the point of most faults
        return False


def _timeout(h: Handler, page: Page | None) -> None:
    time.sleep(h.server.site.timeout_seconds)
    h.close_connection = True


def _slow_body(h: Handler, page: Page | None) -> None:
    body = _body(h, page)
    _headers(h, 200, {"Content-Type": "text/html; charset=utf-8", "Content-Length": str(len(body))})
    if _write(h, body[:1024]):
        time.sleep(h.server.site.timeout_seconds)
        _write(h, body[1024:])
    h.close_connection = True


def _dropped(h: Handler, page: Page | None) -> None:
    h.server.site.record(h.real_url, 0)
    h.close_connection = True  # the socket closes with no response at all


def _truncated(h: Handler, page: Page | None) -> None:
    body = _body(h, page)
    _headers(h, 200, {"Content-Type": "text/html; charset=utf-8", "Content-Length": str(len(body))})
    _write(h, body[: len(body) // 2])
    h.close_connection = True


def _bad_chunks(h: Handler, page: Page | None) -> None:
    _headers(h, 200, {"Content-Type": "text/html; charset=utf-8", "Transfer-Encoding": "chunked"})
    _write(h, b"10\r\n<!DOCTYPE html><ht\r\nzz\r\nnot a chunk size\r\n")
    h.close_connection = True


@functools.cache
def gzip_bomb(expanded: int = 128 * 1024 * 1024) -> bytes:
    """A gzip body of about 130 KB that expands to `expanded` bytes of zeros."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = bytes(1024 * 1024)
    parts = [packer.compress(block) for _ in range(expanded // len(block))]
    return b"".join([*parts, packer.flush()])


def _gzip_bomb(h: Handler, page: Page | None) -> None:
    bomb = gzip_bomb(h.server.site.bomb_bytes)
    h.reply(200, bomb, {"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip"})


def _oversize(h: Handler, page: Page | None) -> None:
    from spiders.recorded_server import Page  # the server imports this table

    body = page.body if page else b"<html></html>"
    padding = b"<!-- " + b"x" * h.server.site.oversize_bytes + b" -->"
    h.serve(page or Page(h.real_url, body), body=body.replace(b"</body>", padding + b"</body>", 1))


def _huge_stream(h: Handler, page: Page | None) -> None:
    """A page of `huge_bytes` (100 MB) with no Content-Length: the client has to count while it reads."""
    _headers(h, 200, {"Content-Type": "text/html; charset=utf-8", "Connection": "close"})
    h.close_connection = True
    block = b"<p>" + b"x" * (64 * 1024 - 7) + b"</p>"
    _write(h, b"<!DOCTYPE html><html><body>")
    for _ in range(h.server.site.huge_bytes // len(block)):
        if not _write(h, block):
            return


def _wrong_charset(h: Handler, page: Page | None) -> None:
    if page is None:
        h.reply(404)
        return
    h.serve(page, content_type="text/html; charset=iso-8859-1")


def _cp1252_declared_utf8(h: Handler, page: Page | None) -> None:
    if page is None:
        h.reply(404)
        return
    body = page.body.decode("utf-8").encode("cp1252", "xmlcharrefreplace")
    h.serve(page, content_type="text/html; charset=utf-8", body=body)


def _malformed_feed(h: Handler, page: Page | None) -> None:
    h.reply(
        200,
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>broken</tit',
        {"Content-Type": "application/rss+xml"},
    )


def _malformed_sitemap(h: Handler, page: Page | None) -> None:
    # What a CDN error page served as a sitemap looks like: XML-ish, but neither a urlset nor a sitemap index.
    h.reply(200, b"<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1>", {"Content-Type": "application/xml"})


def _redirect(target: Callable[[Handler], str]) -> Callable[[Handler, Page | None], None]:
    return lambda h, page: h.reply(302, b"", {"Location": target(h)})


def _to(url: str) -> Callable[[Handler], str]:
    return lambda h: url


# Fault name -> what the server does instead of serving the page normally (once per queued name). Redirect
# targets are real-world URLs: the recorded handler fetches only from this server, so nothing else is contacted.
FAULTS: dict[str, Callable[[Handler, Page | None], None]] = {
    "status_500": _status(500),
    "status_502": _status(502),
    "status_503": _status(503),
    "status_429": _status(429, {"Retry-After": "1"}),
    "timeout": _timeout,  # nothing at all until past the client's timeout
    "slow_body": _slow_body,  # headers and 1 KB, then a stall past the timeout
    "dropped": _dropped,  # connection closed without a response
    "truncated": _truncated,  # half the Content-Length, then closed
    "bad_chunks": _bad_chunks,  # chunked encoding with an unreadable chunk size
    "gzip_bomb": _gzip_bomb,  # ~130 KB of gzip expanding to `bomb_bytes`
    "oversize": _oversize,  # the page padded past `oversize_bytes`, with its Content-Length
    "huge": _huge_stream,  # 100 MB, no Content-Length
    "wrong_charset": _wrong_charset,  # UTF-8 bytes declared ISO-8859-1
    "cp1252_as_utf8": _cp1252_declared_utf8,  # Windows-1252 bytes declared UTF-8
    "malformed_feed": _malformed_feed,
    "malformed_sitemap": _malformed_sitemap,
    "redirect_loop": _redirect(lambda h: h.real_url),
    "redirect_offsite": _redirect(_to("https://www.rumour-mill.example/stolen/transfer-story-10000001")),
    "redirect_loopback": _redirect(_to("http://127.0.0.1:9/admin")),  # loopback, another port
    "redirect_loopback_short": _redirect(_to("http://127.1:9/admin")),  # 127.0.0.1 written short
    "redirect_ipv6_loopback": _redirect(_to("http://[::1]:9/admin")),
    "redirect_private_10": _redirect(_to("http://10.0.0.1/admin")),
    "redirect_private_192": _redirect(_to("http://192.168.1.1/admin")),
    "redirect_metadata": _redirect(_to("http://169.254.169.254/latest/meta-data/")),  # cloud metadata service
}
