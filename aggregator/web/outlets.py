"""What an outlet's page shows: its scorecard (the one definition, aggregator/scorecards.py) and its lead times."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..digest.text import clean
from ..scorecards import Scorecard, outlet_scorecards
from ..store import Store
from .data import DealSummary, deals_where


@dataclass(frozen=True, slots=True)
class Lead:
    """A deal the outlet broke and how long before the next independent outlet it had it (None: nobody followed)."""

    deal: DealSummary
    hours: float | None
    next_outlet: str | None


@dataclass(slots=True)
class OutletPage:
    outlet_id: str
    name: str
    domain: str
    language: str | None
    country: str | None
    scorecard: Scorecard | None
    leads: list[Lead]
    deals: list[DealSummary]


def leads_of(store: Store, outlet_id: str) -> list[Lead]:
    """On each deal the outlet broke: hours from its first independent report to the first of any other outlet,
    counted as the scorecard counts it (copies of syndicated stories left out)."""
    rows = store.db.execute(
        """SELECT d.id, a.outlet_id, COALESCE(o.name, a.outlet_id), MIN(r.published_at)
           FROM deals d JOIN claims fc ON fc.id = d.first_claim_id JOIN reports fr ON fr.id = fc.report_id
           JOIN articles fa ON fa.id = fr.article_id
           JOIN deal_reports dr ON dr.deal_id = d.id JOIN claims c ON c.id = dr.claim_id
           JOIN reports r ON r.id = c.report_id JOIN articles a ON a.id = r.article_id
           LEFT JOIN outlets o ON o.id = a.outlet_id
           WHERE fa.outlet_id = ? AND r.duplicate_of IS NULL
           GROUP BY d.id, a.outlet_id""",
        [outlet_id],
    ).fetchall()
    firsts: dict[str, list[tuple[str, str, str | None]]] = {}
    for deal_id, outlet, name, first_at in rows:
        firsts.setdefault(deal_id, []).append((outlet, clean(name), first_at))
    deals = {d.deal_id: d for d in deals_where(store, f"d.id IN ({','.join('?' * len(firsts))})", list(firsts))}
    leads = []
    for deal_id, outlets in firsts.items():
        won_at = next((at for o, _, at in outlets if o == outlet_id), None)
        others = sorted((at, name) for o, name, at in outlets if o != outlet_id and at)
        hours = None
        if won_at and others:
            hours = (datetime.fromisoformat(others[0][0]) - datetime.fromisoformat(won_at)).total_seconds() / 3600
        leads.append(Lead(deals[deal_id], hours, others[0][1] if others else None))
    leads.sort(key=lambda lead: (lead.deal.first_published_at or "", lead.deal.deal_id))
    return leads


def outlet_page(store: Store, outlet_id: str) -> OutletPage | None:
    sql = "SELECT id, name, domain, language, country FROM outlets WHERE id = ?"
    row = store.db.execute(sql, [outlet_id]).fetchone()
    if row is None:
        return None
    oid, name, domain, language, country = row
    card = next((c for c in outlet_scorecards(store) if c.outlet == oid), None)
    reported = deals_where(
        store,
        """d.id IN (SELECT dr.deal_id FROM deal_reports dr JOIN claims c ON c.id = dr.claim_id
                    JOIN reports r ON r.id = c.report_id JOIN articles a ON a.id = r.article_id
                    WHERE a.outlet_id = ?)""",
        [oid],
    )
    return OutletPage(oid, clean(name) or oid, clean(domain), language, country, card, leads_of(store, oid), reported)
