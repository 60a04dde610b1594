"""The daily digest: a day's deals ranked by heat, rendered as Markdown, HTML, JSON, Atom or CSV."""

from __future__ import annotations

import logging
import os
import tempfile
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from ..store import Store
from .render import EXTENSIONS, FORMATS, render
from .select import Digest, DigestDeal, select_deals, today

__all__ = [
    "FORMATS",
    "Digest",
    "DigestDeal",
    "OutputPathError",
    "build_digest",
    "digest_filename",
    "render",
    "select_deals",
    "today",
    "write_digest_files",
    "write_text",
]

logger = logging.getLogger(__name__)


class OutputPathError(ValueError):
    """An output path the digest refuses to write to."""


def build_digest(store: Store, tz: ZoneInfo, day: date | None = None, *, now: datetime | None = None) -> Digest:
    """The digest of ``day`` (default: today in ``tz``)."""
    return select_deals(store, day or today(tz, now), tz, now=now)


def digest_filename(day: date, fmt: str) -> str:
    return f"digest-{day.isoformat()}.{EXTENSIONS[fmt]}"


def write_text(path: str | Path, text: str) -> Path:
    """Write ``text`` atomically: parent folders are created; a directory (or a path ending in a separator) is
    refused rather than written into, and readers never see a half-written file."""
    raw = str(path)
    target = Path(path).expanduser()
    if raw.endswith((os.sep, "/")) or target.is_dir():
        raise OutputPathError(f"{raw} is a directory; give a file name (e.g. {target / 'digest.html'})")
    if target.exists() and not target.is_file():
        raise OutputPathError(f"{raw} exists and is not a regular file")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def write_digest_files(
    store: Store,
    folder: str | Path,
    tz: ZoneInfo,
    day: date | None = None,
    *,
    formats: tuple[str, ...] = FORMATS,
    now: datetime | None = None,
) -> dict[str, Path]:
    """Every format of the day's digest into ``folder`` as ``digest-<date>.<ext>``, plus ``index.html``
    (the latest HTML digest, what ``rumours serve`` shows at /digest/)."""
    digest = build_digest(store, tz, day, now=now)
    written: dict[str, Path] = {}
    for fmt in formats:
        written[fmt] = write_text(Path(folder) / digest_filename(digest.day, fmt), render(digest, fmt))
    if "html" in written and (day is None or digest.day >= today(tz, now)):
        write_text(Path(folder) / "index.html", written["html"].read_text(encoding="utf-8"))
    logger.info("digest for %s: %d deals, %d files in %s", digest.day, len(digest.deals), len(written), folder)
    return written
