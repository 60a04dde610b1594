"""One scorecard definition: `rumours outlets` and Datasette's outlet_scorecard canned query give the same rows."""

from __future__ import annotations

import asyncio
import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from click.testing import Result

from aggregator.serve import make_datasette
from tests.conftest import jsonl


def _story(url: str, at: str, title: str, text: str) -> dict[str, Any]:
    return {"url": url, "published_at": at, "language": "en", "title": title, "text": text}


# Ortega's move is done, Lindqvist's collapsed, Fonseca's is open; BBC breaks two deals (leads of 30 and 10 hours).
STORIES = [
    _story(
        "https://www.skysports.com/news/ortega-1",
        "2024-06-01T08:00:00+00:00",
        "Arsenal in talks for Ortega",
        "Arsenal are in talks with Brighton & Hove Albion over Jamal Ortega.",
    ),
    _story(
        "https://www.bbc.com/sport/ortega-2",
        "2024-06-02T10:00:00+00:00",
        "Arsenal agree Ortega fee",
        "Arsenal have agreed a €45m fee with Brighton & Hove Albion for Jamal Ortega.",
    ),
    _story(
        "https://www.theguardian.com/football/ortega-3",
        "2024-06-05T12:00:00+00:00",
        "Ortega joins Arsenal",
        "Arsenal have completed the signing of Jamal Ortega from Brighton & Hove Albion for €45m.",
    ),
    _story(
        "https://www.bbc.com/sport/lindqvist-1",
        "2024-06-03T09:00:00+00:00",
        "Chelsea bid for Lindqvist",
        "Chelsea have made a €30m bid to Everton for Erik Lindqvist.",
    ),
    _story(
        "https://www.skysports.com/news/lindqvist-2",
        "2024-06-04T15:00:00+00:00",
        "Lindqvist move collapses",
        "Chelsea's move for Everton's Erik Lindqvist has collapsed after talks broke down.",
    ),
    _story(
        "https://www.theguardian.com/football/lindqvist-3",
        "2024-06-06T15:00:00+00:00",
        "Lindqvist stays",
        "Erik Lindqvist's proposed transfer from Everton to Chelsea has collapsed.",
    ),
    _story(
        "https://www.bbc.com/sport/fonseca-1",
        "2024-06-10T10:00:00+00:00",
        "Liverpool talk to Porto",
        "Liverpool are in talks with Porto over Tiago Fonseca.",
    ),
    _story(
        "https://www.skysports.com/news/fonseca-2",
        "2024-06-10T20:00:00+00:00",
        "Liverpool and Porto talk Fonseca",
        "Liverpool are in talks with Porto over Tiago Fonseca.",
    ),
]


def _canned(db: Path) -> list[dict[str, Any]]:
    ds = make_datasette(db, db.parent / "digest")

    async def run() -> Any:
        await ds.invoke_startup()
        return (await ds.client.get("/rumours/outlet_scorecard.json?_shape=array")).json()

    return list(asyncio.run(run()))


def test_canned_query_and_cli_agree(cli: Callable[..., Result], db_path: Path) -> None:
    cli("import", "-", input=jsonl(STORIES))
    cli("aggregate")
    statuses = {d["player"]: d["status"] for d in csv.DictReader(io.StringIO(cli("deals", "--format", "csv").output))}
    assert statuses == {"Jamal Ortega": "done", "Erik Lindqvist": "collapsed", "Tiago Fonseca": "open"}
    cards = [json.loads(line) for line in cli("outlets", "--format", "jsonl").output.splitlines()]
    assert _canned(db_path) == cards
    by_outlet = {c["outlet"]: c for c in cards}
    assert by_outlet["bbc.com"] == {
        "outlet": "bbc.com",
        "reports": 3,
        "deals": 3,
        "broke_first": 2,
        "median_lead_hours": 20.0,  # the median of 30 and 10 hours
        "hit_rate": 0.333,
        "collapse_rate": 0.333,
    }
    assert by_outlet["theguardian.com"]["collapse_rate"] == 0.5 and by_outlet["theguardian.com"]["hit_rate"] == 0.5
    assert [c["outlet"] for c in cards] == ["bbc.com", "skysports.com", "theguardian.com"]
