"""Atom feeds per player and per club: an entry per deal per day (the digest's ids), stable, escaped, capped."""

from __future__ import annotations

import asyncio
import sqlite3
import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import feedparser
import pytest
from click.testing import Result

from aggregator.digest import build_digest
from aggregator.digest.render import entry_id
from aggregator.serve import make_datasette
from aggregator.store import Store
from aggregator.web.feeds import MAX_ENTRIES, Feed, FeedReport, render_feed
from aggregator.web.urls import club_feed_url, player_feed_url
from tests.conftest import jsonl
from tests.digest_data import DAY, XSS_TITLE
from tests.serve_helpers import filled_site

ATOM = "{http://www.w3.org/2005/Atom}"
RICE = "declan-rice-arsenal-2024-summer"
EVIL_PLAYER = "<script>alert('player')</script> Declan Rice"


def _get(ds: Any, *paths: str) -> list[Any]:
    async def run() -> list[Any]:
        await ds.invoke_startup()
        return [await ds.client.get(p) for p in paths]

    return asyncio.run(run())


def _ids(text: str) -> list[str]:
    return [e.findtext(f"{ATOM}id") or "" for e in ET.fromstring(text.encode()).findall(f"{ATOM}entry")]


@pytest.fixture
def site(tmp_path: Path) -> tuple[Path, Path]:
    return filled_site(tmp_path)


def test_player_feed_has_an_entry_per_deal_day_with_the_digests_ids(site: tuple[Path, Path]) -> None:
    first, again = _get(make_datasette(*site), "/feeds/player/declan-rice.atom", "/feeds/player/Declan-Rice.atom")
    assert first.status_code == 200 and first.headers["content-type"].startswith("application/atom+xml")
    with Store(site[0], readonly=True) as store:
        digest = build_digest(store, ZoneInfo("UTC"), date.fromisoformat(DAY))
    (rice,) = [d for d in digest.deals if d.deal_id == RICE]
    # Newest first: the Guardian's and Sky's reports of 3 June, then Bild's of 2 June.
    assert _ids(first.text) == [entry_id(rice, digest), f"urn:transfer-rumours:digest:2024-06-02:{RICE}"]
    assert again.text == first.text  # the same bytes on every request: nothing depends on the clock
    feed = feedparser.parse(first.text)
    assert not feed.bozo
    assert feed.feed.title == "Transfer rumours: Declan Rice"
    assert feed.entries[0].title == "Declan Rice: West Ham United → Arsenal (agreed)"
    assert feed.entries[0].link == f"http://localhost/deal/{RICE}"
    assert feed.entries[0].summary == "2 reports from 2 outlets; €100m–€105m"


def test_club_feed_covers_the_clubs_deals_as_buyer_and_seller(site: tuple[Path, Path]) -> None:
    arsenal, west_ham, bayern, unknown_club, unknown_player = _get(
        make_datasette(*site),
        club_feed_url("Arsenal"),
        "/feeds/club/west-ham-united.atom",
        club_feed_url("Bayern Munich"),
        "/feeds/club/nowhere-fc.atom",
        "/feeds/player/nobody.atom",
    )
    assert _ids(arsenal.text) == _ids(west_ham.text) and len(_ids(arsenal.text)) == 2
    assert feedparser.parse(west_ham.text).feed.title == "Transfer rumours: West Ham United"
    assert [i.rsplit(":", 1)[1] for i in _ids(bayern.text)] == ["harry-kane-bayern-munich-2024-summer"]
    assert "javascript:" not in bayern.text  # a report at a javascript: URL is listed, never linked
    assert unknown_club.status_code == 404 and unknown_player.status_code == 404


def test_hostile_titles_and_names_stay_text(site: tuple[Path, Path]) -> None:
    with sqlite3.connect(site[0]) as conn:
        conn.execute("UPDATE deals SET player = ? WHERE id = ?", [EVIL_PLAYER, RICE])
        conn.execute("UPDATE articles SET title = title || ?", ["\x00\x0b"])  # characters XML forbids
    (resp,) = _get(make_datasette(*site), "/feeds/player/declan-rice.atom")
    root = ET.fromstring(resp.text.encode())  # well-formed despite the control characters
    titles = [e.findtext(f"{ATOM}title") for e in root.findall(f"{ATOM}entry")]
    assert titles[0] == f"{EVIL_PLAYER}: West Ham United → Arsenal (agreed)"  # a text title: shown, not run
    assert "<script>" not in resp.text  # the raw document never holds the markup itself
    contents = "".join(e.findtext(f"{ATOM}content") or "" for e in root.findall(f"{ATOM}entry"))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in contents and XSS_TITLE not in contents  # escaped HTML
    assert 'href="https://www.bild.de/sport/rice-1"' in contents


STORIES = [
    {
        "url": "https://www.skysports.com/news/ortega-1",
        "published_at": "2024-06-01T08:00:00+00:00",
        "language": "en",
        "title": "Arsenal in talks for Ortega",
        "text": "Arsenal are in talks with Brighton & Hove Albion over Jamal Ortega.",
    },
    {
        "url": "https://www.bbc.com/sport/ortega-2",
        "published_at": "2024-06-02T10:00:00+00:00",
        "language": "en",
        "title": "Arsenal agree Ortega fee",
        "text": "Arsenal have agreed a €45m fee with Brighton & Hove Albion for Jamal Ortega.",
    },
]
LATER = {
    "url": "https://www.theguardian.com/football/ortega-3",
    "published_at": "2024-06-05T12:00:00+00:00",
    "language": "en",
    "title": "Ortega joins Arsenal",
    "text": "Arsenal have completed the signing of Jamal Ortega from Brighton & Hove Albion for €45m.",
}


def test_entry_ids_survive_aggregates_and_rebuilds(cli: Callable[..., Result], db_path: Path) -> None:
    cli("import", "-", input=jsonl(STORIES))
    cli("aggregate")
    with sqlite3.connect(db_path) as conn:
        (key,) = conn.execute("SELECT player_key FROM deals WHERE player = 'Jamal Ortega'").fetchone()

    def feed_ids() -> list[str]:
        (resp,) = _get(make_datasette(db_path, db_path.parent / "digest"), player_feed_url(key))
        return _ids(resp.text)

    before = feed_ids()
    assert len(before) == 2
    cli("import", "-", input=jsonl([LATER]))
    cli("aggregate")
    after = feed_ids()
    assert after[1:] == before and "2024-06-05" in after[0]  # the new day's entry on top, the others unchanged
    cli("aggregate", "--rebuild")
    assert feed_ids() == after


def test_feeds_are_capped_newest_first() -> None:
    start = datetime(2024, 1, 1, 9, tzinfo=UTC)
    reports = [
        FeedReport(
            deal_id=f"deal-{n % 3}",
            player="Jamal Ortega",
            player_key="jamal ortega",
            from_club="Brighton",
            to_club="Arsenal",
            at=start + timedelta(days=n),
            outlet="BBC Sport",
            title=f"report {n}",
            url=f"https://www.bbc.com/{n}",
            stage="talks",
            fee_eur=None,
        )
        for n in range(MAX_ENTRIES + 10)
    ]
    feed = Feed("urn:test", "Ortega", "http://x/feed.atom", "http://x/player")
    entries = feedparser.parse(render_feed(feed, reports, ZoneInfo("UTC"), "http://x/")).entries
    assert len(entries) == MAX_ENTRIES
    assert entries[0].title and "report 59" in entries[0].content[0].value
    stamps = [e.updated_parsed for e in entries]
    assert stamps == sorted(stamps, reverse=True)
