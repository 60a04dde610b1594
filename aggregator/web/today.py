"""Which day the home page shows: today's deals as the digest ranks them, else the latest day that had some."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from ..digest.select import Digest, select_deals, today
from ..store import Store


@dataclass(slots=True)
class HomeDay:
    digest: Digest
    is_today: bool
    today: date


def latest_news_day(store: Store, tz: ZoneInfo) -> date | None:
    """The latest local day on which a report in a deal was published or first seen."""
    published, seen = store.db.execute(
        """SELECT MAX(r.published_at), MAX(a.first_seen_at)
           FROM deal_reports dr JOIN claims c ON c.id = dr.claim_id JOIN reports r ON r.id = c.report_id
           JOIN articles a ON a.id = r.article_id"""
    ).fetchone()
    stamps = [datetime.fromisoformat(s) for s in (published, seen) if s]
    return max(stamps).astimezone(tz).date() if stamps else None


def home_day(store: Store, tz: ZoneInfo, day: date | None = None, *, now: datetime | None = None) -> HomeDay:
    """The digest of ``day`` when given, else of today, else of the latest day with deals."""
    current = today(tz, now)
    digest = select_deals(store, day or current, tz, now=now)
    if digest.deals or day is not None:
        return HomeDay(digest, digest.day == current, current)
    latest = latest_news_day(store, tz)
    if latest is None or latest == current:
        return HomeDay(digest, True, current)
    return HomeDay(select_deals(store, latest, tz, now=now), False, current)
