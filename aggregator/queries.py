"""Read models over the store: deals as the CLI contract shapes them, and a player's timeline."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from .analysis import JOB_COLUMNS, Job
from .dates import to_utc_iso
from .store import Store, fold
from .urls import InvalidURL, canonical_url

_DEAL_COLUMNS = """d.id, d.player, d.from_club, d.to_club, d.stage, d.fee_eur, d.outlets, d.window, d.status,
                   d.latest_stage, d.latest_stage_at, d.fee_min_eur, d.fee_max_eur, d.first_claim_id"""


def _name_filter(name: str) -> tuple[str, list[str]]:
    tokens = fold(name).split()
    if not tokens:
        raise ValueError("empty player name")
    clause = " AND ".join("(' ' || fold(d.player) || ' ') LIKE ?" for _ in tokens)
    return clause, [f"% {t} %" for t in tokens]


def iter_deals(
    store: Store, *, since: str | None = None, player: str | None = None, state: bool = False
) -> Iterator[dict[str, Any]]:
    """Deals in the ``rumours deals --format jsonl`` shape, most recently active first. With ``state``, each also
    carries its ``state``: window, status (open / done / collapsed), latest stage and when, the fee range."""
    where, params = ["1 = 1"], []
    if player:
        clause, values = _name_filter(player)
        where.append(clause)
        params.extend(values)
    if since:
        since_iso = to_utc_iso(since)
        assert since_iso is not None
        where.append(
            """EXISTS (SELECT 1 FROM deal_reports dr JOIN claims c ON c.id = dr.claim_id
                       JOIN reports r ON r.id = c.report_id JOIN articles a ON a.id = r.article_id
                       WHERE dr.deal_id = d.id AND COALESCE(r.published_at, a.first_seen_at) >= ?)"""
        )
        params.append(since_iso)
    sql = f"""SELECT {_DEAL_COLUMNS} FROM deals d WHERE {" AND ".join(where)}
              ORDER BY COALESCE(d.latest_stage_at, '') DESC, d.id"""
    for row in store.db.execute(sql, params).fetchall():
        deal = _deal_dict(store, row)
        if state:
            window, status, latest, latest_at, fee_min, fee_max = row[7:13]
            deal["state"] = {
                "window": window,
                "status": status,
                "latest_stage": latest,
                "latest_stage_at": latest_at,
                "fee_min_eur": fee_min,
                "fee_max_eur": fee_max,
            }
        yield deal


def _deal_dict(store: Store, row: tuple[Any, ...]) -> dict[str, Any]:
    deal_id, player, from_club, to_club, stage, fee_eur, outlets = row[:7]
    first_claim_id = row[13]
    reports = list(_deal_reports(store, deal_id))
    first = None
    if first_claim_id is not None:
        first = next(
            (
                {"url": r["url"], "outlet": r["outlet"], "published_at": r["published_at"]}
                for r in reports
                if r["claim_id"] == first_claim_id
            ),
            None,
        )
    for r in reports:
        del r["claim_id"]
    return {
        "deal_id": deal_id,
        "player": player,
        "from_club": from_club,
        "to_club": to_club,
        "stage": stage,
        "fee_eur": fee_eur,
        "first_reported": first,
        "outlets": outlets,
        "reports": reports,
    }


def _deal_reports(store: Store, deal_id: str) -> Iterator[dict[str, Any]]:
    cursor = store.db.execute(
        """SELECT c.id, a.url, a.outlet_id, r.published_at, c.stage, c.fee_eur, c.cited_sources
           FROM deal_reports dr JOIN claims c ON c.id = dr.claim_id JOIN reports r ON r.id = c.report_id
           JOIN articles a ON a.id = r.article_id WHERE dr.deal_id = ?
           ORDER BY r.published_at IS NULL, r.published_at, a.url, r.seq, c.seq""",
        [deal_id],
    )
    for claim_id, url, outlet, published_at, stage, fee_eur, cited in cursor:
        yield {
            "claim_id": claim_id,
            "url": url,
            "outlet": outlet,
            "published_at": published_at,
            "stage": stage,
            "fee_eur": fee_eur,
            "cited_sources": json.loads(cited or "[]"),
        }


def player_timeline(store: Store, player: str) -> list[dict[str, Any]]:
    """Every report on the player's deals, earliest first (unknown dates last)."""
    clause, params = _name_filter(player)
    return list(
        store.db.query(
            f"""SELECT d.id AS deal_id, d.player, d.from_club AS deal_from, d.to_club AS deal_to,
                       r.published_at, a.outlet_id AS outlet, a.url, COALESCE(r.title, a.title) AS title,
                       SUBSTR(r.text, 1, 240) AS snippet, c.stage, c.fee_eur, c.cited_sources,
                       (d.first_claim_id = c.id) AS broke_it,
                       (SELECT oa.outlet_id FROM reports o JOIN articles oa ON oa.id = o.article_id
                        WHERE o.id = r.duplicate_of) AS copy_of
                FROM deals d JOIN deal_reports dr ON dr.deal_id = d.id JOIN claims c ON c.id = dr.claim_id
                JOIN reports r ON r.id = c.report_id JOIN articles a ON a.id = r.article_id
                WHERE {clause}
                ORDER BY r.published_at IS NULL, r.published_at, a.url, r.seq""",
            params,
        )
    )


def deal_chains(store: Store, player: str) -> list[dict[str, Any]]:
    """Per deal of the player: who broke it, and the originator later reports credit with its first citer."""
    clause, params = _name_filter(player)
    return list(
        store.db.query(
            f"""SELECT d.id AS deal_id, d.from_club, d.to_club, d.stage, d.status, d.outlets,
                       fa.outlet_id AS first_outlet, d.first_published_at, d.originator,
                       oa.outlet_id AS originator_cited_by, ore.published_at AS originator_cited_at
                FROM deals d
                LEFT JOIN claims fc ON fc.id = d.first_claim_id
                LEFT JOIN reports fr ON fr.id = fc.report_id LEFT JOIN articles fa ON fa.id = fr.article_id
                LEFT JOIN claims oc ON oc.id = d.originator_claim_id
                LEFT JOIN reports ore ON ore.id = oc.report_id LEFT JOIN articles oa ON oa.id = ore.article_id
                WHERE {clause} ORDER BY d.first_published_at IS NULL, d.first_published_at, d.id""",
            params,
        )
    )


def report_jobs(store: Store, url: str) -> list[tuple[int, str | None, Job]]:
    """The stored reports of the article at ``url`` (any spelling of it) as extraction reads them:
    (seq, the report's own link, job), in order; [] when no such article is stored."""
    try:
        canonical = canonical_url(url)
    except InvalidURL:
        canonical = url
    rows = store.db.execute(
        f"""SELECT r.seq, r.link, {JOB_COLUMNS} FROM reports r JOIN articles a ON a.id = r.article_id
            WHERE a.url IN (?, ?) ORDER BY r.seq""",
        [canonical, url],
    ).fetchall()
    return [(seq, link, Job.from_row(rest)) for seq, link, *rest in rows]
