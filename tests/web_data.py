"""Test data for the desk's web pages: a store filled by `rumours import` + `aggregate` from real-looking stories."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from aggregator.cli import main
from aggregator.records import OutletRecord
from aggregator.store import Store

AGREED = (
    "Lukas Brandtner will join Bayern Munich from VfB Stuttgart for €50m after the clubs agreed a fee, dpa reports. "
    "The midfielder will undergo a medical next week before signing a five-year contract with the German champions, "
    "who have been tracking him since the winter."
)
STORIES: list[dict[str, Any]] = [
    {
        "url": "https://www.bild.de/sport/brandtner-1",
        "published_at": "2024-06-10T07:30:00Z",
        "title": "Bayern in talks with Stuttgart over Lukas Brandtner",
        "text": "Bayern Munich are in talks with VfB Stuttgart over Lukas Brandtner. The fee would be €45m, Bild "
        "understands.",
    },
    {
        "url": "https://www.kicker.de/brandtner-2",
        "published_at": "2024-06-12T09:00:00Z",
        "title": "Bayern bid for Brandtner",
        "text": "Bayern Munich have made a bid of €40m for VfB Stuttgart midfielder Lukas Brandtner, according to "
        "Bild.",
    },
    {  # syndicated: the next story is a copy of this one
        "url": "https://www.sportschau.de/brandtner-3",
        "published_at": "2024-06-15T10:00:00Z",
        "title": "Bayern and Stuttgart agree Brandtner fee",
        "text": AGREED,
    },
    {
        "url": "https://www.abendzeitung-muenchen.de/brandtner-4",
        "published_at": "2024-06-15T11:00:00Z",
        "title": "Bayern and Stuttgart agree Brandtner fee",
        "text": AGREED,
    },
    {  # no date: listed apart from the timeline
        "url": "https://www.theguardian.com/football/brandtner-5",
        "title": "Brandtner: Bayern interest confirmed",
        "text": "Bayern Munich are in talks with VfB Stuttgart over Lukas Brandtner.",
    },
    {
        "url": "https://news.sky.com/holmgaard-1",
        "published_at": "2024-06-11T18:00:00Z",
        "title": "Chelsea bid for Rasmus Holmgaard",
        "text": "Chelsea have made a bid of €58m for Benfica striker Rasmus Holmgaard.",
    },
    {
        "url": "https://www.mirror.co.uk/holmgaard-2",
        "published_at": "2024-06-13T18:00:00Z",
        "title": "Newcastle in talks over Rasmus Holmgaard",
        "text": "Newcastle United are in talks with Benfica over Rasmus Holmgaard, with a fee of €60m discussed.",
    },
    {
        "url": "https://www.theguardian.com/football/holmgaard-3",
        "published_at": "2024-06-14T08:00:00Z",
        "title": "Newcastle bid for Holmgaard",
        "text": "Newcastle United have made a bid of €62m for Benfica's Rasmus Holmgaard, according to the Mirror.",
    },
]
# What a crawl would record about each outlet: its display name.
OUTLET_NAMES = {
    "bild.de": "BILD",
    "kicker.de": "kicker",
    "sportschau.de": "Sportschau",
    "abendzeitung-muenchen.de": "Abendzeitung München",
    "theguardian.com": "The Guardian",
    "news.sky.com": "Sky News",
    "mirror.co.uk": "The Mirror",
}
BRANDTNER = "brandtner-lukas-bayern-munich-2024-summer"
CHELSEA = "holmgard-rasmus-chelsea-2024-summer"
NEWCASTLE = "holmgard-rasmus-newcastle-united-2024-summer"

PAYLOAD_TITLE = "<script>alert('title')</script> Brandtner latest"
PAYLOAD_OUTLET = '<img src=x onerror=alert("outlet")>'
PAYLOAD_PLAYER = '"><img src=x onerror=alert("player")>'
PAYLOAD_CLUB = "<svg onload=alert('club')>"


def imported_store(path: Path, *, hostile: bool = False) -> Path:
    """`rumours import` + `aggregate` of STORIES into ``path``; outlets get their display names. ``hostile`` puts
    script payloads in a report title, an outlet name, the player's name and a club's name."""
    stories = [dict(s) for s in STORIES]
    if hostile:
        stories[1]["title"] = PAYLOAD_TITLE
    lines = "".join(json.dumps(s, ensure_ascii=False) + "\n" for s in stories)
    runner = CliRunner()
    for args in (["import", "-"], ["aggregate"]):
        result = runner.invoke(main, ["--db", str(path), *args], input=lines, catch_exceptions=False)
        assert result.exit_code == 0, result.output
    with Store(path) as store:
        for outlet_id, name in OUTLET_NAMES.items():
            store.upsert_outlet(OutletRecord(id=outlet_id, name=name, domain=outlet_id))
        if hostile:
            store.upsert_outlet(OutletRecord(id="kicker.de", name=PAYLOAD_OUTLET, domain="kicker.de"))
            with store.transaction() as db:
                db.execute("UPDATE deals SET player = ? WHERE id = ?", [PAYLOAD_PLAYER, BRANDTNER])
                db.execute("UPDATE deals SET to_club = ? WHERE id = ?", [PAYLOAD_CLUB, CHELSEA])
    return path


def get(ds: Any, *paths: str) -> list[Any]:
    """Responses of the in-process Datasette app to ``paths``."""

    async def run() -> list[Any]:
        await ds.invoke_startup()
        return [await ds.client.get(p) for p in paths]

    return asyncio.run(run())
