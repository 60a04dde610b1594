"""The aggregate step: extract claims from pending reports, then regroup the players they touched."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from . import dedup, families
from .extract import EXTRACTOR_VERSION, extract_claims
from .grouping import ClaimRow, Deal, group_player
from .store import Store

logger = logging.getLogger(__name__)

EXTRACT_BATCH = 1000
GROUP_BATCH = 500


@dataclass
class AggregateResult:
    reports_extracted: int = 0
    claims: int = 0
    players_regrouped: int = 0
    deals_written: int = 0
    rebuilt: bool = False


def reset_derived(store: Store) -> None:
    """Drop every derived row so the next pass recomputes claims and deals from stored reports."""
    with store.transaction() as db:
        db.execute("DELETE FROM deal_reports")
        db.execute("DELETE FROM deals")
        db.execute("DELETE FROM claims")
        db.execute("DELETE FROM regroup_queue")
        db.execute("DELETE FROM player_key_tokens")
        db.execute("DELETE FROM player_keys")
        db.execute("DELETE FROM report_bands")
        db.execute("UPDATE reports SET extracted_version = NULL, signature = NULL, duplicate_of = NULL")


def aggregate(
    store: Store, *, rebuild: bool = False, progress: Callable[[str, int], None] | None = None
) -> AggregateResult:
    """Extract what is new since the last run and regroup the players it touched (all of it with rebuild)."""
    result = AggregateResult()
    if rebuild or store.get_meta("extractor_version") not in (None, EXTRACTOR_VERSION):
        logger.info("rebuilding derived tables (rebuild=%s, extractor %s)", rebuild, EXTRACTOR_VERSION)
        reset_derived(store)
        result.rebuilt = True
    with store.transaction():
        store.set_meta("extractor_version", EXTRACTOR_VERSION)
    while True:
        done, claims = _extract_batch(store)
        if not done:
            break
        result.reports_extracted += done
        result.claims += claims
        if progress:
            progress("extracted", done)
    while True:
        players, deals = _regroup_batch(store)
        if not players:
            break
        result.players_regrouped += players
        result.deals_written += deals
        if progress:
            progress("regrouped", players)
    return result


def _extract_batch(store: Store) -> tuple[int, int]:
    rows = store.db.execute(
        """SELECT r.id, r.text, r.title, r.cited_source, a.title, a.language,
                  (SELECT COUNT(*) FROM reports r2 WHERE r2.article_id = r.article_id) AS siblings
           FROM reports r JOIN articles a ON a.id = r.article_id
           WHERE r.extracted_version IS NULL ORDER BY r.id LIMIT ?""",
        [EXTRACT_BATCH],
    ).fetchall()
    if not rows:
        return 0, 0
    written = 0
    with store.transaction() as db:
        signed: list[int] = []
        new_keys: set[str] = set()
        for report_id, text, item_title, cited, article_title, language, siblings in rows:
            db.execute("DELETE FROM report_bands WHERE report_id = ?", [report_id])
            sig = dedup.signature(text)
            db.execute("UPDATE reports SET signature = ? WHERE id = ?", [sig.to_bytes() if sig else None, report_id])
            if sig is not None:
                db.conn.executemany(
                    "INSERT OR IGNORE INTO report_bands (band, report_id) VALUES (?, ?)",
                    [(band, report_id) for band in sig.bands()],
                )
                signed.append(report_id)
            # A gossip item is about its own rumour: the column's headline would mislead extraction.
            title = item_title or (article_title if siblings == 1 else "") or ""
            claims = extract_claims(text, title=title, language=language, cited_source=cited)
            db.execute(
                """INSERT OR IGNORE INTO regroup_queue (player_key)
                   SELECT pk.family FROM claims c JOIN player_keys pk ON pk.player_key = c.player_key
                   WHERE c.report_id = ?""",
                [report_id],
            )
            db.execute("DELETE FROM claims WHERE report_id = ?", [report_id])
            for seq, claim in enumerate(claims):
                db.execute(
                    """INSERT INTO claims (report_id, seq, player, player_key, from_club, to_club, fee_eur,
                       fee_text, stage, cited_sources) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    [
                        report_id,
                        seq,
                        claim.player,
                        claim.player_key,
                        claim.from_club,
                        claim.to_club,
                        claim.fee_eur,
                        claim.fee_text,
                        claim.stage,
                        json.dumps(list(claim.cited_sources), ensure_ascii=False),
                    ],
                )
                if claim.player_key:
                    new_keys.add(claim.player_key)
                written += 1
            db.execute("UPDATE reports SET extracted_version = ? WHERE id = ?", [EXTRACTOR_VERSION, report_id])
        touched = families.register(db, new_keys)
        marks = ",".join("?" * len(new_keys))
        touched.update(
            r[0] for r in db.execute(f"SELECT family FROM player_keys WHERE player_key IN ({marks})", sorted(new_keys))
        )
        db.conn.executemany("INSERT OR IGNORE INTO regroup_queue (player_key) VALUES (?)", [(f,) for f in touched])
        _link_copies(store, signed)
    return len(rows), written


def _link_copies(store: Store, report_ids: list[int]) -> None:
    """Point every near-duplicate of the given reports at the earliest copy; queue the players affected."""
    if not report_ids:
        return
    db = store.db
    signatures: dict[int, dedup.Signature] = {}

    def sig_of(rid: int) -> dedup.Signature | None:
        if rid not in signatures:
            row = db.execute("SELECT signature FROM reports WHERE id = ?", [rid]).fetchone()
            if not row or row[0] is None:
                return None
            signatures[rid] = dedup.Signature.from_bytes(row[0])
        return signatures[rid]

    pairs: list[tuple[int, int]] = []
    nodes: set[int] = set()
    for rid in report_ids:
        own = sig_of(rid)
        if own is None:
            continue
        candidates = db.execute(
            """SELECT DISTINCT b2.report_id FROM report_bands b1 JOIN report_bands b2 ON b2.band = b1.band
               WHERE b1.report_id = ? AND b2.report_id != ?""",
            [rid, rid],
        ).fetchall()
        for (other,) in candidates:
            other_sig = sig_of(other)
            if other_sig is not None and own.jaccard(other_sig) >= dedup.THRESHOLD:
                pairs.append((rid, other))
                nodes.update((rid, other))
    if not pairs:
        return
    # Existing clusters the new copies join come along whole, so the earliest copy is chosen over all of them.
    for node in list(nodes):
        for (member,) in db.execute(
            """SELECT id FROM reports WHERE duplicate_of = (SELECT COALESCE(duplicate_of, id) FROM reports
               WHERE id = ?) OR id = (SELECT duplicate_of FROM reports WHERE id = ?)""",
            [node, node],
        ).fetchall():
            pairs.append((node, member))
            nodes.add(member)
    for cluster in dedup.clusters(pairs, sorted(nodes)):
        members = sorted(cluster)
        marks = ",".join("?" * len(members))
        ordered = db.execute(
            f"""SELECT r.id FROM reports r JOIN articles a ON a.id = r.article_id WHERE r.id IN ({marks})
                ORDER BY r.published_at IS NULL, r.published_at, a.url, r.seq""",
            members,
        ).fetchall()
        original = ordered[0][0]
        db.execute("UPDATE reports SET duplicate_of = NULL WHERE id = ?", [original])
        db.execute(
            f"UPDATE reports SET duplicate_of = ? WHERE id IN ({marks}) AND id != ?",
            [original, *members, original],
        )
        db.execute(
            f"""INSERT OR IGNORE INTO regroup_queue (player_key) SELECT DISTINCT pk.family FROM claims c
                JOIN player_keys pk ON pk.player_key = c.player_key WHERE c.report_id IN ({marks})""",
            members,
        )


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


def _regroup_batch(store: Store) -> tuple[int, int]:
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
