"""Publication dates: anything date-like in, UTC ISO-8601 out."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, tzinfo

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def to_utc(value: str | datetime | date, default_tz: tzinfo = UTC) -> datetime:
    """Parse an ISO date or datetime (any ISO form); a value without a zone is in ``default_tz``.

    Raises ``ValueError`` for anything that is not a date.
    """
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, date):
        dt = datetime(value.year, value.month, value.day)
    else:
        text = str(value).strip()
        if not text:
            raise ValueError("empty date")
        if _ISO_DATE.match(text):
            dt = datetime.fromisoformat(text)
        else:
            normalised = text.replace("Z", "+00:00").replace("z", "+00:00")
            normalised = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", normalised)  # +0100 -> +01:00
            try:
                dt = datetime.fromisoformat(normalised)
            except ValueError:
                raise ValueError(f"not a date: {text[:80]!r}") from None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=default_tz)
    return dt.astimezone(UTC)


def to_utc_iso(value: str | datetime | date | None, default_tz: tzinfo = UTC) -> str | None:
    """``to_utc`` formatted as ``YYYY-MM-DDTHH:MM:SS+00:00``; None stays None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return to_utc(value, default_tz).replace(microsecond=0).isoformat()


def utc_now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()
