"""JSONL import: one article per line into the store, bad lines reported by number and skipped."""

from __future__ import annotations

import codecs
import json
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import IO, Any

from .dates import DATE_PRECISIONS, ImplausibleDate, check_plausible, to_utc_dated, to_utc_iso
from .failures import is_store_failure
from .records import ArticleRecord
from .store import Store
from .urls import InvalidURL, canonical_url, outlet_from_url

logger = logging.getLogger(__name__)

BATCH = 500
MAX_LINE_BYTES = 16 * 1024 * 1024
MAX_JSON_DEPTH = 64  # an article is an object of strings: anything deeper is not one, and json.loads would recurse
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_JSON_BRACKET = re.compile(r"[\[\]{}]")


class NotUTF8Error(ValueError):
    """The input is not UTF-8; nothing was imported."""


@dataclass
class ImportSummary:
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    problems: list[tuple[int, str]] = field(default_factory=list)
    warnings: list[tuple[int, str]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.imported + self.updated + self.unchanged + self.skipped


class BadLine(ValueError):
    pass


def nested_too_deeply(raw: str, limit: int) -> bool:
    """True when the JSON text opens more than ``limit`` arrays or objects inside each other (strings ignored)."""
    depth = 0
    for bracket in _JSON_BRACKET.finditer(_JSON_STRING.sub('""', raw)):
        if bracket.group() in "[{":
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False


def parse_line(raw: str, now: datetime) -> tuple[ArticleRecord, list[str]]:
    """One JSONL line to an ``ArticleRecord`` and what was dropped from it (a publication date outside the plausible
    range is a warning: the article is kept without it); raises ``BadLine`` with a reader-friendly reason."""
    if nested_too_deeply(raw, MAX_JSON_DEPTH):
        raise BadLine(f"JSON nested too deeply (more than {MAX_JSON_DEPTH} levels)")
    try:
        data: Any = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise BadLine(f"not JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(data, dict):
        raise BadLine("not a JSON object")
    url = data.get("url")
    if not isinstance(url, str) or not url.strip():
        raise BadLine("no url")
    try:
        url = canonical_url(url)
    except InvalidURL as exc:
        raise BadLine(str(exc)) from None
    text = data.get("text", data.get("body"))
    if not isinstance(text, str) or not text.strip():
        raise BadLine("no text (or body)")
    published = data.get("published_at")
    if isinstance(published, str):
        published = published.strip()
    precision = data.get("date_precision")
    if precision is not None and precision not in DATE_PRECISIONS:
        raise BadLine(f"date_precision must be one of {', '.join(DATE_PRECISIONS)}: {str(precision)[:20]!r}")
    try:
        moment, precision = to_utc_dated(published, precision) if published not in (None, "") else (None, None)
    except (ValueError, TypeError, OverflowError):
        raise BadLine(f"published_at is not a date: {str(published)[:60]!r}") from None
    warnings = []
    if moment is not None:
        try:
            check_plausible(moment, now)
        except ImplausibleDate as exc:
            warnings.append(f"published_at {exc}: imported without a date")
            moment = None
    optional = {}
    for key in ("title", "language", "outlet"):
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise BadLine(f"{key} must be a string")
        optional[key] = value.strip() if isinstance(value, str) and value.strip() else None
    return ArticleRecord(
        url=url,
        text=text.strip(),
        title=optional["title"],
        language=(optional["language"] or None) and optional["language"].lower(),  # type: ignore[union-attr]
        outlet=(optional["outlet"] or outlet_from_url(url)).lower(),
        published_at=to_utc_iso(moment),
        date_precision=precision if moment is not None else None,
        fetched_at=to_utc_iso(now),
        origin="import",
    ), warnings


def line_failure_reason(exc: Exception) -> str:
    """Why a line was skipped, in one line: the message of a known kind of bad input, else the error's type too."""
    if isinstance(exc, ValueError):
        return str(exc)
    return f"unexpected error ({type(exc).__name__}: {str(exc)[:200]})"


def check_utf8(stream: IO[bytes]) -> None:
    """Read the whole stream once; raise ``NotUTF8Error`` naming the first bad line."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    line_no = 1
    for chunk in iter(lambda: stream.read(1 << 20), b""):
        try:
            decoder.decode(chunk)
        except UnicodeDecodeError as exc:
            line_no += chunk.count(b"\n", 0, exc.start)
            raise NotUTF8Error(
                f"input is not UTF-8 (first bad byte on line {line_no}); convert it with "
                f"`iconv -f <encoding> -t UTF-8` and import again. Nothing was imported."
            ) from None
        line_no += chunk.count(b"\n")
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise NotUTF8Error(f"input is not UTF-8 (truncated character at the end, line {line_no})") from None


def iter_lines(stream: IO[bytes]) -> Iterator[tuple[int, str | None]]:
    """Numbered decoded lines; ``None`` stands for a line over ``MAX_LINE_BYTES``."""
    for number, raw in enumerate(stream, start=1):
        if len(raw) > MAX_LINE_BYTES:
            yield number, None
            continue
        yield number, raw.decode("utf-8-sig" if number == 1 else "utf-8")


def import_jsonl(
    store: Store,
    stream: IO[bytes],
    *,
    on_problem: Callable[[int, str], None] | None = None,
    on_warning: Callable[[int, str], None] | None = None,
) -> ImportSummary:
    """Import a seekable byte stream of JSONL into ``store``. Bad lines are skipped and reported; a line imported
    without part of it (an implausible date) is reported through ``on_warning``."""
    check_utf8(stream)
    stream.seek(0)
    summary = ImportSummary()
    lines = iter_lines(stream)
    while True:
        batch = [item for _, item in zip(range(BATCH), lines, strict=False)]
        if not batch:
            break
        with store.transaction():
            for number, raw in batch:
                if raw is not None and not raw.strip():
                    continue
                try:
                    if raw is None:
                        raise BadLine(f"line longer than {MAX_LINE_BYTES} bytes")
                    article, warnings = parse_line(raw, datetime.now(UTC))
                    status = store.upsert_article(article)
                except Exception as exc:
                    if is_store_failure(exc):
                        raise  # the disk, not the line: the batch rolls back and the import stops
                    reason = line_failure_reason(exc)
                    logger.debug("line %d skipped: %s", number, reason, exc_info=not isinstance(exc, ValueError))
                    summary.skipped += 1
                    summary.problems.append((number, reason))
                    if on_problem:
                        on_problem(number, reason)
                    continue
                for warning in warnings:
                    summary.warnings.append((number, warning))
                    if on_warning:
                        on_warning(number, warning)
                if status == "inserted":
                    summary.imported += 1
                elif status == "updated":
                    summary.updated += 1
                else:
                    summary.unchanged += 1
    return summary
