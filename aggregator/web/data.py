"""What the deal, player and club pages show: deals and their reports read from the store, outlets by name."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..digest.select import _SAID  # what a report said in one line: the digest's definition
from ..digest.text import clean
from ..store import Store
from .urls import club_slug


@dataclass(frozen=True, slots=True)
class DealSummary:
    """One deal as the pages list it."""

    deal_id: str
    player: str
    player_key: str
    from_club: str | None
    to_club: str | None
    window: str | None
    stage: str
    status: str
    fee_eur: float | None
    fee_min_eur: float | None
    fee_max_eur: float | None
    outlets: int
    reports: int
    first_published_at: str | None
    latest_stage_at: str | None
    first_claim_id: int | None
    originator: str | None


@dataclass(frozen=True, slots=True)
class ReportLine:
    """One report on a deal: who, when, what it said, and whether it is a copy or the one that broke the deal."""

    report_id: int
    claim_id: int
    outlet_id: str
    outlet: str  # the outlet's display name
    url: str
    title: str
    published_at: str | None
    stage: str
    fee_eur: float | None
    cited_sources: tuple[str, ...]
    copy_of: int | None
    first: bool
    date_source: str | None = None  # given, url or text (None: undated)
    date_precision: str | None = None  # day or month

    @property
    def is_copy(self) -> bool:
        return self.copy_of is not None


@dataclass(slots=True)
class DealPage:
    deal: DealSummary
    reports: list[ReportLine]
    broke_it: ReportLine | None = None

    @property
    def dated(self) -> list[ReportLine]:
        return [r for r in self.reports if r.published_at]

    @property
    def undated(self) -> list[ReportLine]:
        return [r for r in self.reports if not r.published_at]


@dataclass(slots=True)
class WindowDeals:
    """A player's deals in one transfer window; several destinations there are rival suitors."""

    window: str
    deals: list[DealSummary] = field(default_factory=list)

    @property
    def rivals(self) -> bool:
        return len({d.to_club for d in self.deals if d.to_club}) > 1


_DEAL_COLUMNS = """d.id, d.player, d.player_key, d.from_club, d.to_club, d.window, d.stage, d.status, d.fee_eur,
    d.fee_min_eur, d.fee_max_eur, d.outlets, d.reports, d.first_published_at, d.latest_stage_at, d.first_claim_id,
    d.originator"""


def _clean(row: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(clean(v) if isinstance(v, str) else v for v in row)


def deals_where(store: Store, where: str, params: list[Any]) -> list[DealSummary]:
    rows = store.db.execute(
        f"""SELECT {_DEAL_COLUMNS} FROM deals d WHERE {where}
            ORDER BY d.window IS NULL, d.window DESC, COALESCE(d.first_published_at, '') DESC, d.id""",
        params,
    ).fetchall()
    return [DealSummary(*_clean(row)) for row in rows]


def deal_reports(store: Store, deal: DealSummary) -> list[ReportLine]:
    """Every report on the deal, earliest first (undated last); several claims of one report list it once."""
    rows = store.db.execute(
        f"""SELECT r.id, c.id, a.outlet_id, COALESCE(o.name, a.outlet_id), a.url, {_SAID}, r.published_at, c.stage,
                   c.fee_eur, c.cited_sources, r.duplicate_of, r.date_source, r.date_precision
            FROM deal_reports dr JOIN claims c ON c.id = dr.claim_id JOIN reports r ON r.id = c.report_id
            JOIN articles a ON a.id = r.article_id LEFT JOIN outlets o ON o.id = a.outlet_id
            WHERE dr.deal_id = ?
            ORDER BY r.published_at IS NULL, r.published_at, a.url, r.seq, c.seq""",
        [deal.deal_id],
    ).fetchall()
    out: list[ReportLine] = []
    seen: set[int] = set()
    for report_id, claim_id, outlet_id, outlet, url, title, at, stage, fee, cited, copy_of, source, precision in map(
        _clean, rows
    ):
        if report_id in seen:
            continue
        seen.add(report_id)
        cited_sources = tuple(json.loads(cited or "[]"))
        first = claim_id == deal.first_claim_id
        line = ReportLine(
            report_id,
            claim_id,
            outlet_id,
            outlet,
            url,
            title,
            at,
            stage,
            fee,
            cited_sources,
            copy_of,
            first,
            source,
            precision,
        )
        out.append(line)
    return out


def deal_page(store: Store, deal_id: str) -> DealPage | None:
    found = deals_where(store, "d.id = ?", [deal_id])
    if not found:
        return None
    deal = found[0]
    reports = deal_reports(store, deal)
    return DealPage(deal, reports, next((r for r in reports if r.first), None))


def player_windows(store: Store, player_key: str) -> list[WindowDeals]:
    """The player's deals by transfer window, latest window first."""
    windows: dict[str, WindowDeals] = {}
    for deal in deals_where(store, "d.player_key = ?", [player_key]):
        window = deal.window or "undated"
        windows.setdefault(window, WindowDeals(window)).deals.append(deal)
    return list(windows.values())


@dataclass(slots=True)
class ClubDeals:
    name: str
    incoming: list[DealSummary]
    outgoing: list[DealSummary]


def club_deals(store: Store, slug: str) -> ClubDeals | None:
    """Deals into and out of the club whose path segment is ``slug`` (None when no deal names it)."""
    folded = slug.replace("-", " ")
    deals = deals_where(store, "fold(d.from_club) = ? OR fold(d.to_club) = ?", [folded, folded])
    incoming = [d for d in deals if d.to_club and club_slug(d.to_club) == slug]
    outgoing = [d for d in deals if d.from_club and club_slug(d.from_club) == slug]
    if not incoming and not outgoing:
        return None
    names: dict[str, int] = defaultdict(int)  # the spelling most deals use
    for d in incoming:
        names[d.to_club or ""] += 1
    for d in outgoing:
        names[d.from_club or ""] += 1
    return ClubDeals(max(sorted(names), key=names.__getitem__), incoming, outgoing)


def outlet_names(store: Store) -> dict[str, str]:
    """Outlet id -> display name (outlets.name)."""
    return {oid: clean(name) or oid for oid, name in store.db.execute("SELECT id, name FROM outlets")}
