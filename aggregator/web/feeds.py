"""Atom feeds to subscribe to, one per player and one per club: an entry per deal per day with news, newest first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from itertools import groupby
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

from markupsafe import Markup

from ..concepts.stages import furthest
from ..digest.render import deal_day_entry_id
from ..digest.text import clean, fee_range, money, move, safe_url, when
from . import context
from .urls import (
    club_feed_url,
    club_slug,
    club_url,
    deal_url,
    player_feed_url,
    player_key_of,
    player_slug,
    player_url,
)

MAX_ENTRIES = 50
ATOM = "application/atom+xml; charset=utf-8"

_REPORTS_SQL = """SELECT d.id AS deal_id, d.player, d.player_key, d.from_club, d.to_club,
       COALESCE(r.published_at, a.first_seen_at) AS at, a.outlet_id, COALESCE(o.name, a.outlet_id) AS outlet,
       COALESCE(r.title, a.title) AS title, a.url, c.stage, c.fee_eur
FROM deals d JOIN deal_reports dr ON dr.deal_id = d.id JOIN claims c ON c.id = dr.claim_id
JOIN reports r ON r.id = c.report_id JOIN articles a ON a.id = r.article_id LEFT JOIN outlets o ON o.id = a.outlet_id
WHERE {where}
ORDER BY d.id, at, a.url, r.seq"""
PLAYER_REPORTS_SQL = _REPORTS_SQL.format(where="d.player_key = :key")
CLUB_REPORTS_SQL = _REPORTS_SQL.format(
    where="replace(fold(d.from_club), ' ', '-') = :slug OR replace(fold(d.to_club), ' ', '-') = :slug"
)


@dataclass(frozen=True, slots=True)
class FeedReport:
    """One report on a deal, as a feed row reads it."""

    deal_id: str
    player: str
    player_key: str
    from_club: str | None
    to_club: str | None
    at: datetime
    outlet: str
    title: str
    url: str
    stage: str
    fee_eur: float | None

    @classmethod
    def from_row(cls, row: Any) -> FeedReport:
        at = datetime.fromisoformat(row["at"])
        return cls(
            deal_id=row["deal_id"],
            player=clean(row["player"]),
            player_key=row["player_key"],
            from_club=clean(row["from_club"]) or None,
            to_club=clean(row["to_club"]) or None,
            at=at if at.tzinfo else at.replace(tzinfo=UTC),
            outlet=clean(row["outlet"]),
            title=clean(row["title"]),
            url=row["url"],
            stage=row["stage"],
            fee_eur=row["fee_eur"],
        )


@dataclass(frozen=True, slots=True)
class Feed:
    """What a feed is about: its id, title, and where it and its page live (absolute URLs)."""

    feed_id: str
    title: str
    self_url: str
    page_url: str


def deal_days(reports: list[FeedReport], tz: ZoneInfo) -> list[list[FeedReport]]:
    """The reports grouped by deal and local day, newest group first, at most MAX_ENTRIES groups."""

    def key(r: FeedReport) -> tuple[str, date]:
        return r.deal_id, r.at.astimezone(tz).date()

    groups = [list(g) for _, g in groupby(sorted(reports, key=key), key=key)]
    groups.sort(key=lambda g: (max(r.at for r in g), g[0].deal_id), reverse=True)
    return groups[:MAX_ENTRIES]


def _entry_title(reports: list[FeedReport]) -> str:
    first = reports[0]
    stage = furthest([r.stage for r in reports]) or reports[-1].stage
    return f"{first.player}: {move(first.from_club, first.to_club)} ({stage})"


def _entry_html(reports: list[FeedReport]) -> str:
    items = Markup("").join(
        Markup("<li>{} {} · {}{}: {}</li>").format(
            when(r.at.astimezone(UTC).isoformat()),
            r.outlet,
            r.stage,
            f" · {money(r.fee_eur)}" if r.fee_eur is not None else "",
            _link(r.url, r.title or r.url),
        )
        for r in reports
    )
    return str(Markup("<ul>{}</ul>").format(items))


def _link(url: str, text: str) -> Markup:
    href = safe_url(url)
    return Markup('<a href="{}">{}</a>').format(href, text) if href else Markup("{}").format(text)


def render_feed(feed: Feed, reports: list[FeedReport], tz: ZoneInfo, site_url: str) -> str:
    """The Atom feed of ``reports``: one entry per deal per local day (the digest's entry ids), newest first."""
    from feedgen.feed import FeedGenerator  # imported on use: lxml is slow to load

    groups = deal_days(reports, tz)
    fg = FeedGenerator()
    fg.id(feed.feed_id)
    fg.title(clean(feed.title))
    fg.author({"name": "transfer-rumours"})
    fg.link(href=feed.self_url, rel="self")
    fg.link(href=feed.page_url, rel="alternate")
    fg.language("en")
    fg.updated(max(r.at for r in groups[0]) if groups else datetime(1990, 1, 1, tzinfo=UTC))
    for group in reversed(groups):  # feedgen prepends entries: add the oldest first
        first = group[0]
        fees = [r.fee_eur for r in group if r.fee_eur is not None]
        outlets = {r.outlet for r in group}
        fe = fg.add_entry()
        fe.id(deal_day_entry_id(first.deal_id, first.at.astimezone(tz).date()))
        fe.title(_entry_title(group))
        fe.updated(max(r.at for r in group))
        fe.link(href=site_url.rstrip("/") + deal_url(first.deal_id))
        fe.summary(
            f"{len(group)} report{'s' * (len(group) != 1)} from {len(outlets)} outlet{'s' * (len(outlets) != 1)}; "
            + fee_range(min(fees, default=None), max(fees, default=None))
        )
        fe.content(_entry_html(group), type="html")
    return str(fg.atom_str(pretty=True).decode("utf-8"))


async def _reports(datasette: Any, sql: str, params: dict[str, str]) -> list[FeedReport]:
    db = context.store_database(datasette)
    rows = await db.execute(sql, params) if db is not None else []
    return [FeedReport.from_row(row) for row in rows]


def _respond(datasette: Any, request: Any, feed: Feed, reports: list[FeedReport]) -> Any:
    from datasette.utils.asgi import Response

    site = datasette.absolute_url(request, "/")
    return Response(render_feed(feed, reports, context.timezone(datasette), site), content_type=ATOM)


def _not_found(what: str, slug: str) -> Any:
    from datasette.utils.asgi import Response

    return Response.text(f"no {what} {slug!r} in the store", status=404)


async def player_feed(datasette: Any, request: Any) -> Any:
    """``/feeds/player/<slug>.atom``: the player's deals, an entry per deal per day with news."""
    key = player_key_of(request.url_vars["slug"])
    reports = await _reports(datasette, PLAYER_REPORTS_SQL, {"key": key})
    if not reports:
        return _not_found("player", request.url_vars["slug"])
    newest = max(reports, key=lambda r: r.at)
    feed = Feed(
        feed_id=f"urn:transfer-rumours:player:{quote(player_slug(key), safe='')}",
        title=f"Transfer rumours: {newest.player}",
        self_url=datasette.absolute_url(request, player_feed_url(key)),
        page_url=datasette.absolute_url(request, player_url(key)),
    )
    return _respond(datasette, request, feed, reports)


async def club_feed(datasette: Any, request: Any) -> Any:
    """``/feeds/club/<slug>.atom``: deals the club buys or sells in, an entry per deal per day with news."""
    slug = club_slug(request.url_vars["slug"])
    reports = await _reports(datasette, CLUB_REPORTS_SQL, {"slug": slug})
    if not reports:
        return _not_found("club", request.url_vars["slug"])
    names = sorted({c for r in reports for c in (r.from_club, r.to_club) if c and club_slug(c) == slug})
    name = names[0] if names else slug
    feed = Feed(
        feed_id=f"urn:transfer-rumours:club:{quote(slug, safe='')}",
        title=f"Transfer rumours: {name}",
        self_url=datasette.absolute_url(request, club_feed_url(name)),
        page_url=datasette.absolute_url(request, club_url(name)),
    )
    return _respond(datasette, request, feed, reports)
