"""Turn download failures into (kind, reason) pairs and repair pages whose declared charset is wrong."""

from __future__ import annotations

from scrapy.exceptions import DownloadFailedError, IgnoreRequest, ResponseDataLossError
from scrapy.http import TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import (
    ConnectionDone,
    ConnectionLost,
    ConnectionRefusedError,
    DNSLookupError,
    TCPTimedOutError,
    TimeoutError,
)
from twisted.python.failure import Failure
from twisted.web.client import ResponseFailed

from spiders.parsing import looks_mojibake


class NotModified(IgnoreRequest):
    """The server answered 304: the stored copy is current, nothing to parse."""


class RefusedAddress(IgnoreRequest):
    """The request (or a redirect) points at a private, loopback or link-local address."""


class ResolvedToPrivate(RefusedAddress):
    """A host name resolves to a private, loopback or link-local address (found when connecting)."""


class UnresolvableHost(RefusedAddress):
    """A host name that does not resolve (or has no IPv4 address): refused, with the resolver's reason."""


class RedirectRefused(IgnoreRequest):
    """A redirect loop, or an article redirected off its outlet's domain."""


def describe_failure(failure: Failure) -> tuple[str, str]:
    """A stats-friendly kind and a human reason for a failed request."""
    exc = failure.value
    if isinstance(exc, NotModified):
        return "not_modified", "not modified"
    if isinstance(exc, UnresolvableHost):
        return "unresolvable", str(exc)
    if isinstance(exc, RefusedAddress):
        return "refused_address", str(exc)
    if isinstance(exc, HttpError):
        status = exc.response.status
        return (
            f"http_{status}",
            f"HTTP {status} after retries" if status >= 500 or status == 429 else f"HTTP {status}",
        )
    if isinstance(exc, TimeoutError | TCPTimedOutError) or "Timeout" in type(exc).__name__:
        return "timeout", f"timeout: {exc}"
    if isinstance(exc, DNSLookupError | ConnectionRefusedError):
        return "connection", f"connection failed: {exc}"
    if isinstance(exc, RedirectRefused):
        return "redirect", str(exc)
    name = type(exc).__name__
    message = str(exc)
    if "maxsize" in message.lower() or "larger than" in message or "Cancelled" in name:
        return "too_large", f"download cancelled (size limit): {message}"[:300]
    # Scrapy >= 2.13 wraps Twisted's ResponseFailed in DownloadFailedError or ResponseDataLossError.
    inner = exc.__cause__ if isinstance(exc.__cause__, ResponseFailed) else exc
    if isinstance(inner, ResponseFailed) or isinstance(exc, DownloadFailedError | ResponseDataLossError):
        reasons = getattr(inner, "reasons", [])
        causes = " ".join(type(r.value).__name__ for r in reasons if isinstance(r, Failure)) or message or name
        if "Chunked" in causes:
            return "bad_chunks", f"chunked encoding error: {causes}"[:300]
        if "DataLoss" in causes or isinstance(exc, ResponseDataLossError):
            return "truncated", f"truncated body (connection closed early): {causes}"[:300]
        return "dropped", f"connection dropped: {causes}"[:300]
    if isinstance(exc, ConnectionLost | ConnectionDone):
        return "dropped", f"connection dropped: {name}"
    if isinstance(exc, IgnoreRequest):
        return "ignored", message or name
    return name.lower(), f"{name}: {message}"[:300]


def repair_charset(response: TextResponse) -> TextResponse | None:
    """The response, or a copy decoded with the charset its bytes really use; None when text stays garbled.

    A body that is valid UTF-8 with non-ASCII bytes is UTF-8 whatever the header says (single-byte text almost
    never is); a body declared UTF-8 that is not valid UTF-8 is read as Windows-1252.
    """
    body = response.body
    declared = (response.encoding or "").lower().replace("_", "-")
    fixed = response
    if not body.isascii():
        valid_utf8 = _valid_utf8(response, declared)
        if valid_utf8 and declared not in {"utf-8", "utf8"}:
            fixed = response.replace(encoding="utf-8")
        elif not valid_utf8 and declared in {"utf-8", "utf8"}:
            fixed = response.replace(encoding="cp1252")
    assert isinstance(fixed, TextResponse)
    return None if looks_mojibake(fixed.text) else fixed


def _valid_utf8(response: TextResponse, declared: str) -> bool:
    """Whether the body is valid UTF-8; for a page declared UTF-8, read off the text it decodes to anyway."""
    # Scrapy decodes with errors="replace": text without U+FFFD came from valid UTF-8 (only a literal U+FFFD in the
    # page needs the second decode below).
    if declared in {"utf-8", "utf8"} and "\ufffd" not in response.text:
        return True
    try:
        response.body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
