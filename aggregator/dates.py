"""Publication dates: anything date-like in, UTC ISO-8601 out, and the range a real story's date falls in."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, tzinfo

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_MONTH = re.compile(r"^\d{4}-\d{2}$")
# How much of a publication date is known: the day, or only its month (stored as the 1st at 00:00 UTC).
DATE_PRECISIONS = ("day", "month")

# No transfer story in the store predates the web outlets it comes from, and none is dated far ahead: a clock a day
# ahead covers every time zone. Dates outside are typos or placeholders (0001-01-01, 9999-12-31), not news.
EARLIEST_DAY = date(1990, 1, 1)
FUTURE_SLACK = timedelta(days=1)


class ImplausibleDate(ValueError):
    """A real date, but not one a transfer story can carry: before 1990 or more than a day ahead."""


def plausible_days(today: date) -> tuple[date, date]:
    """The first and last day a story, or a digest, can be dated when it is ``today``."""
    return EARLIEST_DAY, today + FUTURE_SLACK


def check_plausible_day(day: date, today: date) -> date:
    """``day`` itself, or ``ImplausibleDate`` saying the range it must fall in."""
    first, last = plausible_days(today)
    if not first <= day <= last:
        raise ImplausibleDate(f"{day.isoformat()} is out of range ({first.isoformat()} to {last.isoformat()})")
    return day


def check_plausible(moment: datetime, now: datetime) -> datetime:
    """``moment`` itself when it is from 1990 on and at most a day after ``now``; else ``ImplausibleDate``."""
    first, _ = plausible_days(now.date())
    last = now + FUTURE_SLACK
    if not datetime.combine(first, datetime.min.time(), UTC) <= moment <= last:
        raise ImplausibleDate(
            f"{moment.date().isoformat()} is out of range ({first.isoformat()} to {last.date().isoformat()})"
        )
    return moment


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


def to_utc_dated(value: str | datetime | date, precision: str | None = None) -> tuple[datetime, str]:
    """``to_utc`` with how much of the date is known: ``"2024-06"`` (or any date with ``precision`` "month") is
    the month, as its first day at 00:00 UTC; anything else the day. Raises ``ValueError`` for a non-date."""
    if isinstance(value, str) and _ISO_MONTH.match(value.strip()):
        value, precision = f"{value.strip()}-01", "month"
    moment = to_utc(value)
    if precision == "month":
        return moment.replace(day=1, hour=0, minute=0, second=0, microsecond=0), "month"
    return moment, "day"


def to_utc_iso(value: str | datetime | date | None, default_tz: tzinfo = UTC) -> str | None:
    """``to_utc`` formatted as ``YYYY-MM-DDTHH:MM:SS+00:00``; None stays None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return to_utc(value, default_tz).replace(microsecond=0).isoformat()


def utc_now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def plausible_iso(iso: str | None, now: datetime) -> str | None:
    """An ISO-8601 time as it is when ``check_plausible`` lets it through, else None: no date beats a wrong one."""
    if iso is None:
        return None
    try:
        check_plausible(to_utc(iso), now)
    except ImplausibleDate:
        return None
    return iso
