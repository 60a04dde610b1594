"""The desk's pages as Datasette routes: home, deal, player, club and outlet pages, and a 404 for unknown ones."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any
from urllib.parse import unquote
from zoneinfo import ZoneInfo

from ..store import Store
from . import context
from .data import club_deals, deal_page, outlet_names, player_windows
from .outlets import outlet_page
from .pictures import lead_chart, timeline
from .render import render_page
from .today import home_day
from .urls import player_key_of

Page = tuple[int, str]  # (status, HTML)


def _not_found(db: str, message: str) -> Page:
    return 404, render_page("not_found.html", db=db, message=message)


def home(store: Store, db: str, tz: ZoneInfo, day: date | None = None) -> Page:
    shown = home_day(store, tz, day)
    digest = shown.digest
    return 200, render_page(
        "home.html",
        db=db,
        home=shown,
        day=digest.day.isoformat(),
        timezone=digest.timezone,
        deals=digest.deals,
        outlet_names=outlet_names(store),
    )


def deal(store: Store, db: str, deal_id: str) -> Page:
    page = deal_page(store, deal_id)
    if page is None:
        return _not_found(db, f"No deal has the id “{deal_id}”.")
    return 200, render_page("deal.html", db=db, page=page, timeline=timeline(page.reports))


def player(store: Store, db: str, slug: str) -> Page:
    key = player_key_of(slug)
    windows = player_windows(store, key)
    if not windows:
        return _not_found(db, f"No deal is about a player “{slug}”.")
    name = windows[0].deals[0].player
    return 200, render_page("player.html", db=db, player=name, player_key=key, windows=windows)


def club(store: Store, db: str, slug: str) -> Page:
    found = club_deals(store, slug)
    if found is None:
        return _not_found(db, f"No deal names a club “{slug}”.")
    return 200, render_page("club.html", db=db, club=found)


def outlet(store: Store, db: str, outlet_id: str) -> Page:
    page = outlet_page(store, outlet_id)
    if page is None:
        return _not_found(db, f"No outlet has the id “{outlet_id}”.")
    return 200, render_page("outlet.html", db=db, page=page, chart=lead_chart(page.leads))


def _day(request: Any) -> date | None:
    try:
        return date.fromisoformat(request.args.get("day") or "")
    except ValueError:
        return None


Builder = Callable[[Store, str, Any, Any, dict[str, str]], Page]


def _route(build: Builder) -> Callable[[Any, Any], Awaitable[Any]]:
    """A Datasette view: opens the store read-only in a worker thread and renders ``build``'s page there.
    Path segments arrive percent-encoded (Datasette routes on the raw path) and are decoded here."""

    async def view(datasette: Any, request: Any) -> Any:
        from datasette.utils.asgi import Response

        database = context.store_database(datasette) or datasette.get_database()
        segments = {name: unquote(value) for name, value in request.url_vars.items()}

        def render() -> Page:
            with Store(database.path, readonly=True) as store:
                return build(store, database.name, datasette, request, segments)

        status, html = await asyncio.to_thread(render)
        return Response.html(html, status=status)

    return view


ROUTES: list[tuple[str, Any]] = [
    (r"^/$", _route(lambda s, db, ds, rq, _: home(s, db, context.timezone(ds), _day(rq)))),
    (r"^/deal/(?P<deal_id>[^/]+)$", _route(lambda s, db, ds, rq, seg: deal(s, db, seg["deal_id"]))),
    (r"^/player/(?P<slug>[^/]+)$", _route(lambda s, db, ds, rq, seg: player(s, db, seg["slug"]))),
    (r"^/club/(?P<slug>[^/]+)$", _route(lambda s, db, ds, rq, seg: club(s, db, seg["slug"]))),
    (r"^/outlet/(?P<outlet_id>[^/]+)$", _route(lambda s, db, ds, rq, seg: outlet(s, db, seg["outlet_id"]))),
]
