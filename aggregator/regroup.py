"""Regrouping: turn the claims of queued player families into deals, replacing the families' old deals."""

from __future__ import annotations

import json
from collections.abc import Iterable

from .grouping import ClaimRow, Deal, group_player
from .store import Store

GROUP_BATCH = 500


def load_claim_rows(store: Store, family_keys: Iterable[str]) -> dict[str, list[ClaimRow]]:
    """Every claim of the given player families, keyed by family (a claim's ``player_key`` becomes its family)."""
    keys = list(family_keys)
    out: dict[str, list[ClaimRow]] = {k: [] for k in keys}
    if not keys:
        return out
    marks = ",".join("?" * len(keys))
    cursor = store.db.execute(
        f"""SELECT c.id, a.url || '#' || r.seq || '.' || c.seq, c.player, pk.family, c.from_club,
                   c.to_club, c.stage, c.fee_eur, r.published_at, a.outlet_id, a.url, c.cited_sources,
                   r.duplicate_of
            FROM player_keys pk JOIN claims c ON c.player_key = pk.player_key
            JOIN reports r ON r.id = c.report_id JOIN articles a ON a.id = r.article_id
            WHERE pk.family IN ({marks}) AND c.player IS NOT NULL""",
        keys,
    )
    for row in cursor:
        claim = ClaimRow(
            claim_id=row[0],
            ref=row[1],
            player=row[2],
            player_key=row[3],
            from_club=row[4],
            to_club=row[5],
            stage=row[6],
            fee_eur=row[7],
            published_at=row[8],
            outlet=row[9],
            url=row[10],
            cited_sources=tuple(json.loads(row[11] or "[]")),
            duplicate_of=row[12],
        )
        out[claim.player_key].append(claim)
    return out


def regroup_batch(store: Store) -> tuple[int, int]:
    keys = [r[0] for r in store.db.execute("SELECT player_key FROM regroup_queue LIMIT ?", [GROUP_BATCH])]
    if not keys:
        return 0, 0
    claims_by_player = load_claim_rows(store, keys)
    deals: list[Deal] = []
    for key in keys:
        deals.extend(group_player(claims_by_player[key]))
    marks = ",".join("?" * len(keys))
    with store.transaction() as db:
        db.execute(f"DELETE FROM deals WHERE player_key IN ({marks})", keys)
        for deal in deals:
            _write_deal(store, deal)
        db.execute(f"DELETE FROM regroup_queue WHERE player_key IN ({marks})", keys)
    return len(keys), len(deals)


def _write_deal(store: Store, deal: Deal) -> None:
    row = {
        "id": deal.deal_id,
        "player": deal.player,
        "player_key": deal.player_key,
        "from_club": deal.from_club,
        "to_club": deal.to_club,
        "window": deal.window,
        "stage": deal.stage,
        "latest_stage": deal.latest_stage,
        "latest_stage_at": deal.latest_stage_at,
        "fee_eur": deal.fee_eur,
        "fee_min_eur": deal.fee_min_eur,
        "fee_max_eur": deal.fee_max_eur,
        "outlets": deal.outlets,
        "reports": len(deal.claims),
        "first_claim_id": deal.first.claim_id if deal.first else None,
        "first_published_at": deal.first.published_at if deal.first else None,
        "status": deal.status,
        "originator": deal.originator,
        "originator_claim_id": deal.originator_first.claim_id if deal.originator_first else None,
    }
    columns = ", ".join(row)
    store.db.execute(f"INSERT INTO deals ({columns}) VALUES ({', '.join('?' * len(row))})", list(row.values()))
    store.db.conn.executemany(
        "INSERT INTO deal_reports (deal_id, claim_id) VALUES (?, ?)",
        [(deal.deal_id, c.claim_id) for c in deal.claims],
    )
