"""Read models over the store: deals filtered and sorted in the CLI's shape, a player's timeline, pending reports."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from .analysis import JOB_COLUMNS, Job
from .concepts import DEAL_STATUSES, STAGES, UNDATED
from .dates import to_utc_iso
from .digest.select import heat
from .store import Store, fold
from .urls import InvalidURL, canonical_url

_DEAL_COLUMNS = """d.id, d.player, d.from_club, d.to_club, d.stage, d.fee_eur, d.outlets, d.window, d.status,
                   d.latest_stage, d.latest_stage_at, d.fee_min_eur, d.fee_max_eur, d.first_claim_id"""


DEAL_SORTS = ("latest", "heat", "first")
_WINDOW = re.compile(rf"^(\d{{4}}-(summer|winter)|{UNDATED})$")


class FilterError(ValueError):
    """A deal filter that cannot hold: an unknown outlet, a window that is not one; ``option`` names it."""

    def __init__(self, option: str, message: str) -> None:
        super().__init__(message)
        self.option = option


@dataclass(frozen=True, slots=True)
class DealFilter:
    """Which deals ``rumours deals`` lists and in what order; every filter given must hold (AND)."""

    since: str | None = None  # a report published (or first seen) on or after this date
    player: str | None = None  # every word of it in the player's folded name
    club: str | None = None  # either side: every word of it in the folded name, or the club it is an alias of
    stage: str | None = None  # the deal's furthest stage
    status: str | None = None  # open / done / collapsed
    window: str | None = None  # 2024-summer, 2025-winter, undated
    outlet: str | None = None  # an outlet id or name: deals it reported
    sort: str = "latest"  # latest report first; heat as the digest ranks; first reported first
    limit: int | None = None


def _words_filter(column: str, name: str, what: str) -> tuple[str, list[str]]:
    """Every folded word of ``name`` is a word of the folded ``column``."""
    tokens = fold(name).split()
    if not tokens:
        raise ValueError(f"empty {what} name")
    clause = " AND ".join(f"(' ' || fold({column}) || ' ') LIKE ?" for _ in tokens)
    return f"({clause})", [f"% {t} %" for t in tokens]


def _name_filter(name: str) -> tuple[str, list[str]]:
    return _words_filter("d.player", name, "player")


def _club_filter(name: str) -> tuple[str, list[str]]:
    """Either side of the deal: the club's folded name holds every word given, or is the club the name is an
    alias of in the club registry ("Spurs" is Tottenham Hotspur)."""
    from .extract import canonical_club  # the club registry loads only when a club is asked for

    sides, params = [], []
    for column in ("d.from_club", "d.to_club"):
        clause, values = _words_filter(column, name, "club")
        sides.append(clause)
        params.extend(values)
    canonical = canonical_club(name)
    if canonical:
        sides.append("? IN (d.from_club, d.to_club)")
        params.append(canonical)
    return "(" + " OR ".join(sides) + ")", params


def _outlet_ids(store: Store, outlet: str) -> list[str]:
    """The stored outlets ``outlet`` names, by id, name, domain or the domain's name ("Sky Sports", "skysports"
    and "skysports.com" are one); FilterError naming the known ones when none is."""
    wanted = _compact(outlet)
    rows = store.db.execute("SELECT id, name, domain FROM outlets ORDER BY id").fetchall()
    ids = [str(row[0]) for row in rows if wanted and wanted in _outlet_names(*row)]
    if ids:
        return ids
    known = [str(row[0]) for row in rows]
    listed = ", ".join(known[:20]) + (", …" if len(known) > 20 else "")
    raise FilterError("outlet", f"no outlet {outlet!r} in the store" + (f" (outlets: {listed})" if known else ""))


def _compact(name: str | None) -> str:
    return fold(name).replace(" ", "")


def _outlet_names(outlet_id: str, name: str | None, domain: str | None) -> set[str]:
    hosts = [h.removeprefix("www.") for h in (outlet_id, domain or "") if "." in h]
    return {_compact(outlet_id), _compact(name), _compact(domain)} | {_compact(h.split(".")[0]) for h in hosts}


def _where(store: Store, f: DealFilter) -> tuple[list[str], list[Any]]:
    where: list[str] = ["1 = 1"]
    params: list[Any] = []
    for option, value, words in (("player", f.player, _name_filter), ("club", f.club, _club_filter)):
        if value is None:
            continue
        try:
            clause, values = words(value)
        except ValueError as exc:
            raise FilterError(option, str(exc)) from None
        where.append(clause)
        params.extend(values)
    if f.stage:
        if f.stage not in STAGES:
            raise FilterError("stage", f"unknown stage {f.stage!r}; one of {', '.join(STAGES)}")
        where.append("d.stage = ?")
        params.append(f.stage)
    if f.status:
        if f.status not in DEAL_STATUSES:
            raise FilterError("status", f"unknown status {f.status!r}; one of {', '.join(DEAL_STATUSES)}")
        where.append("d.status = ?")
        params.append(f.status)
    if f.window:
        if not _WINDOW.match(f.window):
            raise FilterError(
                "window", f"not a transfer window: {f.window!r} (e.g. 2024-summer, 2025-winter, {UNDATED})"
            )
        where.append("d.window = ?")
        params.append(f.window)
    if f.outlet:
        where.append(
            """EXISTS (SELECT 1 FROM deal_reports dr JOIN claims c ON c.id = dr.claim_id
                       JOIN reports r ON r.id = c.report_id JOIN articles a ON a.id = r.article_id
                       WHERE dr.deal_id = d.id AND a.outlet_id IN (SELECT value FROM json_each(?)))"""
        )
        params.append(json.dumps(_outlet_ids(store, f.outlet)))
    return where, params


def _activity(since: str | None) -> tuple[str, list[Any]]:
    """Per deal, over its reports (those since ``since``, when given): how many, from how many outlets, the
    latest; a deal with no such report has no row, so joining on it is the ``since`` filter."""
    clause, params = "", []
    if since:
        try:
            since_iso = to_utc_iso(since)
        except ValueError as exc:
            raise FilterError("since", str(exc)) from None
        if since_iso is None:
            raise FilterError("since", "empty date")
        clause, params = "WHERE COALESCE(r.published_at, a.first_seen_at) >= ?", [since_iso]
    sql = f"""SELECT dr.deal_id, COUNT(DISTINCT r.id) AS reports, COUNT(DISTINCT a.outlet_id) AS outlets,
                     MAX(COALESCE(r.published_at, a.first_seen_at)) AS latest_at
              FROM deal_reports dr JOIN claims c ON c.id = dr.claim_id JOIN reports r ON r.id = c.report_id
              JOIN articles a ON a.id = r.article_id {clause} GROUP BY dr.deal_id"""
    return sql, params


class _DealRow(NamedTuple):
    """A deal as selected for listing: its columns, then its activity over the reports listed."""

    id: str
    player: str
    from_club: str | None
    to_club: str | None
    stage: str
    fee_eur: float | None
    outlets: int
    window: str | None
    status: str
    latest_stage: str | None
    latest_stage_at: str | None
    fee_min_eur: float | None
    fee_max_eur: float | None
    first_claim_id: int | None
    listed_reports: int
    listed_outlets: int
    first_published_at: str | None
    latest_report_at: str | None


def _ordered(rows: list[_DealRow], sort: str) -> list[_DealRow]:
    """``latest`` report first; ``heat`` as the digest ranks a day's deals, counting the reports listed (those
    since ``--since``); ``first`` reported first (no dated independent report: last). Ties by deal id."""
    by_id = sorted(rows, key=lambda r: r.id)
    if sort == "heat":
        return sorted(by_id, key=lambda r: (-heat(r.listed_reports, r.listed_outlets, r.stage), -r.outlets, r.player))
    if sort == "first":
        return sorted(by_id, key=lambda r: (r.first_published_at is None, r.first_published_at or ""))
    if sort == "latest":  # a stable sort keeps ties in id order, reverse=True too
        dated = sorted((r for r in by_id if r.latest_report_at), key=lambda r: r.latest_report_at or "", reverse=True)
        return dated + [r for r in by_id if not r.latest_report_at]
    raise FilterError("sort", f"unknown sort {sort!r}; one of {', '.join(DEAL_SORTS)}")


def iter_deals(
    store: Store,
    *,
    since: str | None = None,
    player: str | None = None,
    state: bool = False,
    where: DealFilter | None = None,
) -> Iterator[dict[str, Any]]:
    """Deals in the ``rumours deals --format jsonl`` shape, those ``where`` keeps in its order (default: latest
    report first). With ``state``, each also carries its ``state``: window, status (open / done / collapsed),
    latest stage and when, the fee range. FilterError for a filter that cannot hold (an unknown outlet...)."""
    f = where or DealFilter(since=since, player=player)
    conditions, params = _where(store, f)
    activity, activity_params = _activity(f.since)
    sql = f"""SELECT {_DEAL_COLUMNS}, act.reports, act.outlets, d.first_published_at, act.latest_at
              FROM deals d JOIN ({activity}) act ON act.deal_id = d.id
              WHERE {" AND ".join(conditions)}"""
    rows = _ordered([_DealRow(*row) for row in store.db.execute(sql, activity_params + params)], f.sort)
    for row in rows[: f.limit] if f.limit is not None else rows:
        deal = _deal_dict(store, row)
        if state:
            deal["state"] = {
                "window": row.window,
                "status": row.status,
                "latest_stage": row.latest_stage,
                "latest_stage_at": row.latest_stage_at,
                "fee_min_eur": row.fee_min_eur,
                "fee_max_eur": row.fee_max_eur,
            }
        yield deal


def pending_reports(store: Store) -> int:
    """Reports ``rumours aggregate`` has yet to extract: new ones, or all of them when the extractor changed."""
    from .extract import EXTRACTOR_VERSION

    if store.get_meta("extractor_version") not in (None, EXTRACTOR_VERSION):
        return int(store.db.execute("SELECT COUNT(*) FROM reports").fetchone()[0])
    return int(store.db.execute("SELECT COUNT(*) FROM reports WHERE extracted_version IS NULL").fetchone()[0])


def _deal_dict(store: Store, row: _DealRow) -> dict[str, Any]:
    reports = list(_deal_reports(store, row.id))
    first = None
    if row.first_claim_id is not None:
        first = next(
            (
                {"url": r["url"], "outlet": r["outlet"], "published_at": r["published_at"]}
                for r in reports
                if r["claim_id"] == row.first_claim_id
            ),
            None,
        )
    for r in reports:
        del r["claim_id"]
    return {
        "deal_id": row.id,
        "player": row.player,
        "from_club": row.from_club,
        "to_club": row.to_club,
        "stage": row.stage,
        "fee_eur": row.fee_eur,
        "first_reported": first,
        "outlets": row.outlets,
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
                       r.published_at, r.date_precision, r.date_source, a.outlet_id AS outlet, a.url,
                       COALESCE(r.title, a.title) AS title,
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
            f"""SELECT d.id AS deal_id, d.player, d.from_club, d.to_club, d.stage, d.status, d.outlets,
                       fa.outlet_id AS first_outlet, fa.url AS first_url, d.first_published_at,
                       fr.date_precision AS first_date_precision, fr.date_source AS first_date_source,
                       d.originator, oa.outlet_id AS originator_cited_by, ore.published_at AS originator_cited_at,
                       ore.date_precision AS originator_date_precision, ore.date_source AS originator_date_source
                FROM deals d
                LEFT JOIN claims fc ON fc.id = d.first_claim_id
                LEFT JOIN reports fr ON fr.id = fc.report_id LEFT JOIN articles fa ON fa.id = fr.article_id
                LEFT JOIN claims oc ON oc.id = d.originator_claim_id
                LEFT JOIN reports ore ON ore.id = oc.report_id LEFT JOIN articles oa ON oa.id = ore.article_id
                WHERE {clause} ORDER BY d.first_published_at IS NULL, d.first_published_at, d.id""",
            params,
        )
    )


def player_deals(store: Store, player: str) -> list[dict[str, Any]]:
    """The player's deals, first broken first, each with who broke it, the originator later reports credit, and
    every report earliest first: outlet, url, published_at, stage, fee, cited sources, whether it broke the deal
    and which outlet's report it copies."""
    deals: dict[str, dict[str, Any]] = {}
    for chain in deal_chains(store, player):
        first = None
        if chain["first_outlet"]:
            first = {
                "url": chain["first_url"],
                "outlet": chain["first_outlet"],
                "published_at": chain["first_published_at"],
            }
        originator = None
        if chain["originator"]:
            originator = {
                "name": chain["originator"],
                "first_credited_by": chain["originator_cited_by"],
                "first_credited_at": chain["originator_cited_at"],
            }
        deals[chain["deal_id"]] = {
            "deal_id": chain["deal_id"],
            "player": chain["player"],
            "from_club": chain["from_club"],
            "to_club": chain["to_club"],
            "stage": chain["stage"],
            "status": chain["status"],
            "outlets": chain["outlets"],
            "first_reported": first,
            "originator": originator,
            "reports": [],
        }
    for row in player_timeline(store, player):
        deals[row["deal_id"]]["reports"].append(
            {
                "url": row["url"],
                "outlet": row["outlet"],
                "published_at": row["published_at"],
                "date_precision": row["date_precision"],
                "date_source": row["date_source"],
                "stage": row["stage"],
                "fee_eur": row["fee_eur"],
                "cited_sources": json.loads(row["cited_sources"] or "[]"),
                "title": row["title"],
                "broke_it": bool(row["broke_it"]),
                "copy_of": row["copy_of"],
            }
        )
    return list(deals.values())


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
