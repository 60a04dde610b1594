"""Outlet scorecards: reports, deals broken first, median lead over the pack, hit and collapse rates."""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from .store import Store


@dataclass
class Scorecard:
    outlet: str
    reports: int
    deals: int
    broke_first: int
    median_lead_hours: float | None  # over the next independent outlet, on the deals it broke
    hit_rate: float | None  # share of its deals that reached done
    collapse_rate: float | None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _hours(a: str, b: str) -> float:
    return (datetime.fromisoformat(b) - datetime.fromisoformat(a)).total_seconds() / 3600


def outlet_scorecards(store: Store) -> list[Scorecard]:
    """One scorecard per outlet with reports in deals; copies of syndicated stories count for nobody."""
    rows = store.db.execute(
        """SELECT d.id, d.status, fa.outlet_id, a.outlet_id, MIN(r.published_at), COUNT(*)
           FROM deals d JOIN deal_reports dr ON dr.deal_id = d.id JOIN claims c ON c.id = dr.claim_id
           JOIN reports r ON r.id = c.report_id JOIN articles a ON a.id = r.article_id
           LEFT JOIN claims fc ON fc.id = d.first_claim_id LEFT JOIN reports fr ON fr.id = fc.report_id
           LEFT JOIN articles fa ON fa.id = fr.article_id
           WHERE r.duplicate_of IS NULL
           GROUP BY d.id, a.outlet_id"""
    ).fetchall()
    per_deal: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    breaker: dict[str, str | None] = {}
    status: dict[str, str] = {}
    reports: dict[str, int] = defaultdict(int)
    deals: dict[str, set[str]] = defaultdict(set)
    for deal_id, deal_status, first_outlet, outlet, first_at, count in rows:
        per_deal[deal_id].append((outlet, first_at))
        breaker[deal_id] = first_outlet
        status[deal_id] = deal_status
        reports[outlet] += count
        deals[outlet].add(deal_id)
    broke: dict[str, int] = defaultdict(int)
    leads: dict[str, list[float]] = defaultdict(list)
    for deal_id, outlets in per_deal.items():
        winner = breaker[deal_id]
        if winner is None:
            continue
        broke[winner] += 1
        won_at = next((at for o, at in outlets if o == winner), None)
        others = sorted(at for o, at in outlets if o != winner and at)
        if won_at and others:
            leads[winner].append(_hours(won_at, others[0]))
    cards = []
    for outlet in sorted(reports):
        mine = deals[outlet]
        cards.append(
            Scorecard(
                outlet=outlet,
                reports=reports[outlet],
                deals=len(mine),
                broke_first=broke[outlet],
                median_lead_hours=round(statistics.median(leads[outlet]), 1) if leads[outlet] else None,
                hit_rate=round(sum(status[d] == "done" for d in mine) / len(mine), 3) if mine else None,
                collapse_rate=round(sum(status[d] == "collapsed" for d in mine) / len(mine), 3) if mine else None,
            )
        )
    cards.sort(key=lambda c: (-c.broke_first, -c.reports, c.outlet))
    return cards
