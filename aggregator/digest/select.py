"""Which deals a day's digest shows and in what order: heat from the day's reports, outlets and stage."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from ..concepts import STAGE_WEIGHT
from ..store import Store
from .text import clean


@dataclass(frozen=True, slots=True)
class ReportRef:
    """One report on a deal: where it was, when, what it said."""

    outlet: str
    url: str
    title: str
    published_at: str | None
    stage: str
    fee_eur: float | None
    cited_sources: tuple[str, ...]
    new: bool  # published (or first seen) on the digest's day
    date_precision: str | None = None  # 'day' or 'month' (of a date inferred from the URL); None when undated
    date_source: str | None = None  # 'given', or inferred from the 'url' or the 'text'


@dataclass(frozen=True, slots=True)
class Source:
    """A report that matters for a deal: the one that broke it, or the earliest crediting the originator."""

    outlet: str
    url: str
    title: str
    published_at: str | None
    date_precision: str | None = None
    date_source: str | None = None


@dataclass(slots=True)
class DigestDeal:
    deal_id: str
    player: str
    from_club: str | None
    to_club: str | None
    stage: str
    fee_eur: float | None
    fee_min_eur: float | None
    fee_max_eur: float | None
    outlets: int
    new_reports: int
    new_outlets: int
    heat: float
    broke_it: Source | None
    originator: str | None
    originator_report: Source | None
    cited_sources: tuple[str, ...]
    latest_at: str | None
    reports: list[ReportRef] = field(default_factory=list)
    rank: int = 0

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["cited_sources"] = list(self.cited_sources)
        for r in out["reports"]:
            r["cited_sources"] = list(r["cited_sources"])
        return out


@dataclass(slots=True)
class Digest:
    day: date
    timezone: str
    generated_at: datetime
    deals: list[DigestDeal]

    @property
    def on_day(self) -> str:
        """How the digest names its day: "today" on the day it is generated (in its time zone), else "on <date>"."""
        generated_on = self.generated_at.astimezone(ZoneInfo(self.timezone)).date()
        return "today" if generated_on == self.day else f"on {self.day.isoformat()}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "date": self.day.isoformat(),
            "timezone": self.timezone,
            "generated_at": self.generated_at.astimezone(UTC).replace(microsecond=0).isoformat(),
            "deals": [d.as_dict() for d in self.deals],
        }


def heat(new_reports: int, new_outlets: int, stage: str) -> float:
    """Many outlets on a deal today count more than one outlet repeating itself; later stages count more."""
    return float(new_reports + 2 * new_outlets + STAGE_WEIGHT.get(stage, 1))


def day_bounds(day: date, tz: ZoneInfo) -> tuple[str, str]:
    """The local day as a half-open UTC interval in the store's ISO format."""
    start = datetime.combine(day, time(0), tzinfo=tz)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz)
    return (
        start.astimezone(UTC).replace(microsecond=0).isoformat(),
        end.astimezone(UTC).replace(microsecond=0).isoformat(),
    )


def today(tz: ZoneInfo, now: datetime | None = None) -> date:
    return (now or datetime.now(UTC)).astimezone(tz).date()


# A report is new on a day when it was published that day or the store first saw it that day (so a story found
# late is not lost between two digests).
# What a report said, in one line: its own title; for an item of a gossip column or a live blog (an article with
# several reports) the start of the item itself rather than the column's headline; else the article's title.
_SAID = """COALESCE(r.title,
                    CASE WHEN EXISTS (SELECT 1 FROM reports r3 WHERE r3.article_id = r.article_id AND r3.seq > 0)
                    THEN SUBSTR(r.text, 1, 220) ELSE a.title END, '')"""

# Is a report new on the day? Published that day, or first seen that day (a story found late still shows once).
_NEW = "((r.published_at >= ? AND r.published_at < ?) OR (a.first_seen_at >= ? AND a.first_seen_at < ?))"


def _clean_row(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """Scraped strings without the control characters XML forbids."""
    return tuple(clean(v) if isinstance(v, str) else v for v in row)


def _source(store: Store, claim_id: int | None) -> Source | None:
    if claim_id is None:
        return None
    row = store.db.execute(
        f"""SELECT a.outlet_id, a.url, {_SAID}, r.published_at, r.date_precision, r.date_source
           FROM claims c JOIN reports r ON r.id = c.report_id JOIN articles a ON a.id = r.article_id
           WHERE c.id = ?""",
        [claim_id],
    ).fetchone()
    return Source(*_clean_row(row)) if row else None


def _reports(store: Store, deal_id: str, start: str, end: str) -> list[ReportRef]:
    rows = store.db.execute(
        f"""SELECT a.outlet_id, a.url, {_SAID}, r.published_at, c.stage, c.fee_eur,
                   c.cited_sources, {_NEW}, r.date_precision, r.date_source
            FROM deal_reports dr JOIN claims c ON c.id = dr.claim_id JOIN reports r ON r.id = c.report_id
            JOIN articles a ON a.id = r.article_id WHERE dr.deal_id = ?
            ORDER BY r.published_at IS NULL, r.published_at, a.url, r.seq, c.seq""",
        [start, end, start, end, deal_id],
    ).fetchall()
    out: list[ReportRef] = []
    seen: set[tuple[str, str]] = set()
    for outlet, url, title, published_at, stage, fee, cited, new, precision, source in map(_clean_row, rows):
        if (url, title) in seen:  # several claims of one report: list the report once
            continue
        seen.add((url, title))
        sources = tuple(json.loads(cited or "[]"))
        out.append(ReportRef(outlet, url, title, published_at, stage, fee, sources, bool(new), precision, source))
    return out


def select_deals(store: Store, day: date, tz: ZoneInfo, *, now: datetime | None = None) -> Digest:
    """Deals with at least one report on ``day`` (local to ``tz``), hottest first, ranked 1..n."""
    start, end = day_bounds(day, tz)
    rows = store.db.execute(
        """SELECT d.id, d.player, d.from_club, d.to_club, d.stage, d.fee_eur, d.fee_min_eur, d.fee_max_eur,
                   d.outlets, d.first_claim_id, d.originator, d.originator_claim_id, d.latest_stage_at,
                   COUNT(DISTINCT r.id), COUNT(DISTINCT a.outlet_id)
            FROM (SELECT id FROM reports WHERE published_at >= ? AND published_at < ?
                  UNION
                  SELECT r2.id FROM articles a2 JOIN reports r2 ON r2.article_id = a2.id
                  WHERE a2.first_seen_at >= ? AND a2.first_seen_at < ?) AS day
            JOIN reports r ON r.id = day.id JOIN articles a ON a.id = r.article_id
            JOIN claims c ON c.report_id = r.id JOIN deal_reports dr ON dr.claim_id = c.id
            JOIN deals d ON d.id = dr.deal_id
            GROUP BY d.id""",
        [start, end, start, end],
    ).fetchall()
    deals: list[DigestDeal] = []
    for row in map(_clean_row, rows):
        (deal_id, player, from_club, to_club, stage, fee, fee_min, fee_max, outlets) = row[:9]
        first_claim, originator, originator_claim, latest_at, new_reports, new_outlets = row[9:]
        reports = _reports(store, deal_id, start, end)
        cited = sorted({s for r in reports for s in r.cited_sources} | ({originator} if originator else set()))
        deals.append(
            DigestDeal(
                deal_id=deal_id,
                player=player,
                from_club=from_club,
                to_club=to_club,
                stage=stage,
                fee_eur=fee,
                fee_min_eur=fee_min,
                fee_max_eur=fee_max,
                outlets=outlets,
                new_reports=new_reports,
                new_outlets=new_outlets,
                heat=heat(new_reports, new_outlets, stage),
                broke_it=_source(store, first_claim),
                originator=originator,
                originator_report=_source(store, originator_claim),
                cited_sources=tuple(cited),
                latest_at=latest_at,
                reports=reports,
            )
        )
    deals.sort(key=lambda d: (-d.heat, -d.outlets, d.player, d.deal_id))
    for i, deal in enumerate(deals, 1):
        deal.rank = i
    return Digest(day=day, timezone=tz.key, generated_at=now or datetime.now(UTC), deals=deals)
