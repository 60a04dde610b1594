"""Regrouping: the deals of queued work, written in place of the deals they replace.

Two queues feed it. ``regroup_windows`` holds the (player key, transfer window) pairs that claims written or
removed touched (a trigger fills it); such a window is regrouped from its own claims plus the family's undated
ones, so an incremental aggregate reads what the new reports touch, not a star player's whole history.
``regroup_queue`` holds families whose membership changed; those are regrouped whole. Both give the deals a
full regroup would (``grouping.group_windows``), which is what makes incremental runs equal a rebuild.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass, field

from .concepts import UNDATED
from .concepts.club_sides import sides_from_json
from .grouping import ClaimRow, Deal, RunSummary, group_player, group_windows
from .store import Store, marks

GROUP_BATCH = 500  # families a batch
WHOLE = "*"  # queued for all windows
WHOLE_FROM = 6  # a family with this many queued windows is regrouped whole (a rebuild, a first import)


@dataclass
class RegroupStats:
    families: int = 0
    deals: int = 0
    claims_read: int = 0
    windows: int = 0


@dataclass
class _Work:
    windows: set[str] = field(default_factory=set)
    queued: list[tuple[str, str]] = field(default_factory=list)  # regroup_windows rows this work consumes


_CLAIM_SQL = """
    SELECT c.id, a.url || '#' || r.seq || '.' || c.seq, c.player, pk.family, c.from_club, c.to_club, c.stage,
           c.fee_eur, r.published_at, a.outlet_id, a.url, c.cited_sources, r.duplicate_of,
           c.clubs, r.date_precision
    FROM player_keys pk JOIN claims c ON c.player_key = pk.player_key
    JOIN reports r ON r.id = c.report_id JOIN articles a ON a.id = r.article_id
    WHERE pk.family = ? AND c.player IS NOT NULL"""


def load_claims(store: Store, family: str, windows: Collection[str] | None = None) -> list[ClaimRow]:
    """The claims of one player family (all of them, or those of the given windows); each claim's
    ``player_key`` becomes its family."""
    sql, params = _CLAIM_SQL, [family]
    if windows is not None:
        if not windows:
            return []
        sql += f" AND c.window IN ({marks(windows)})"
        params.extend(sorted(windows))
    return [
        ClaimRow(
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
            clubs=sides_from_json(row[13]),
            date_precision=row[14],
        )
        for row in store.db.execute(sql, params)
    ]


def _pending(store: Store, limit: int) -> dict[str, _Work]:
    """Up to ``limit`` families with queued work, each with everything queued for it."""
    db = store.db
    work: dict[str, _Work] = {}
    for (family,) in db.execute("SELECT player_key FROM regroup_queue LIMIT ?", [limit]):
        work[family] = _Work({WHOLE})
    if len(work) < limit:
        families = {
            r[0]
            for r in db.execute(
                """SELECT COALESCE(pk.family, rw.player_key) FROM regroup_windows rw
                   LEFT JOIN player_keys pk ON pk.player_key = rw.player_key LIMIT ?""",
                [4 * limit],
            )
        }
        for family in sorted(families)[: limit - len(work)]:
            work.setdefault(family, _Work())
    if not work:
        return work
    chosen = sorted(work)
    by_family = db.execute(
        f"""SELECT pk.family, rw.player_key, rw.window FROM player_keys pk
            JOIN regroup_windows rw ON rw.player_key = pk.player_key WHERE pk.family IN ({marks(chosen)})""",
        chosen,
    ).fetchall()
    unknown = db.execute(  # keys with no family row yet queue under their own name
        f"""SELECT rw.player_key, rw.player_key, rw.window FROM regroup_windows rw
            WHERE rw.player_key IN ({marks(chosen)})
              AND NOT EXISTS (SELECT 1 FROM player_keys pk WHERE pk.player_key = rw.player_key)""",
        chosen,
    ).fetchall()
    for family, key, window in by_family + unknown:
        work[family].windows.add(window)
        work[family].queued.append((key, window))
    return work


def _stored_runs(store: Store, family: str, loaded: Collection[str]) -> list[RunSummary]:
    """The family's dated runs in windows that are not being regrouped, as their deals sum them up."""
    rows = store.db.execute(
        "SELECT to_club, window, run_summary FROM deals WHERE player_key = ? AND run_summary IS NOT NULL", [family]
    )
    return [RunSummary.from_json(text, to_club, window) for to_club, window, text in rows if window not in loaded]


def _regroup_windows(store: Store, family: str, windows: set[str], stats: RegroupStats) -> tuple[list[Deal], set[str]]:
    """The family's deals in ``windows`` (grown to every window an undated claim lands in) and its undated-only
    deals; returns them with the windows they replace."""
    dated = windows - {UNDATED}
    dated.update(
        r[0]
        for r in store.db.execute(
            "SELECT DISTINCT window FROM deals WHERE player_key = ? AND undated_claims > 0 AND window != ?",
            [family, UNDATED],
        )
    )
    undated = load_claims(store, family, [UNDATED])
    claims = load_claims(store, family, dated)
    while True:
        others = _stored_runs(store, family, dated) if undated else []
        deals, outside = group_windows(claims + undated, others)
        if not outside:
            break
        claims += load_claims(store, family, outside)  # an undated claim landed in a window not loaded yet
        dated |= outside
    stats.claims_read += len(claims) + len(undated)
    stats.windows += len(dated) + 1
    return deals, dated | {UNDATED}


def regroup_batch(store: Store) -> RegroupStats:
    """Regroup one batch of queued families; an empty result means nothing was queued."""
    stats = RegroupStats()
    work = _pending(store, GROUP_BATCH)
    if not work:
        return stats
    replaced: dict[str, tuple[list[Deal], set[str] | None]] = {}
    for family, item in sorted(work.items()):
        if WHOLE in item.windows or len(item.windows) >= WHOLE_FROM:
            claims = load_claims(store, family)
            stats.claims_read += len(claims)
            replaced[family] = (group_player(claims), None)
        else:
            replaced[family] = _regroup_windows(store, family, item.windows, stats)
    with store.transaction() as db:
        for family, (deals, windows) in replaced.items():
            if windows is None:
                db.execute("DELETE FROM deals WHERE player_key = ?", [family])
            else:
                db.execute(
                    f"DELETE FROM deals WHERE player_key = ? AND window IN ({marks(windows)})",
                    [family, *sorted(windows)],
                )
            for deal in deals:
                _write_deal(store, deal)
            stats.deals += len(deals)
        whole = [f for f, item in work.items() if WHOLE in item.windows]
        db.execute(f"DELETE FROM regroup_queue WHERE player_key IN ({marks(whole)})", whole)
        db.conn.executemany(
            "DELETE FROM regroup_windows WHERE player_key = ? AND window = ?",
            [row for item in work.values() for row in item.queued],
        )
    stats.families = len(work)
    return stats


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
        "undated_claims": deal.undated_claims,
        "run_summary": deal.run.to_json() if deal.run else None,
    }
    columns = ", ".join(row)
    store.db.execute(f"INSERT INTO deals ({columns}) VALUES ({marks(row)})", list(row.values()))
    store.db.conn.executemany(
        "INSERT INTO deal_reports (deal_id, claim_id) VALUES (?, ?)",
        [(deal.deal_id, c.claim_id) for c in deal.claims],
    )
