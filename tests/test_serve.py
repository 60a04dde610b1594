"""`rumours serve`: Datasette over the store, read-only, with descriptions, canned queries and the digest."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from aggregator.serve import QUERIES, TABLES, make_datasette
from tests.digest_data import DAY, XSS_TITLE
from tests.serve_helpers import filled_site, running_server


def _get(ds: Any, *paths: str) -> list[Any]:
    async def run() -> list[Any]:
        await ds.invoke_startup()
        return [await ds.client.get(p) for p in paths]

    return asyncio.run(run())


@pytest.fixture
def site(tmp_path: Path) -> tuple[Path, Path]:
    return filled_site(tmp_path)


def test_descriptions_and_canned_queries(site: tuple[Path, Path]) -> None:
    ds = make_datasette(*site)
    (meta,) = _get(ds, "/-/metadata.json")
    db_meta = meta.json()["databases"]["rumours"]
    assert set(db_meta["queries"]) == {"todays_deals", "who_broke_it", "deal_timeline", "outlet_scorecard", "search"}
    assert db_meta["tables"]["deals"]["columns"]["first_claim_id"]
    for table in ("outlets", "articles", "reports", "claims", "deals", "crawl_runs"):
        assert TABLES[table]["description"]


def test_canned_queries_answer(site: tuple[Path, Path]) -> None:
    ds = make_datasette(*site)
    today, day, broke, timeline, scorecard, search = (
        r.json()
        for r in _get(
            ds,
            "/rumours/todays_deals.json?day=&_shape=array",
            f"/rumours/todays_deals.json?day={DAY}&_shape=array",
            "/rumours/who_broke_it.json?player=RICE&_shape=array",
            "/rumours/deal_timeline.json?deal_id=declan-rice-arsenal-2024-summer&_shape=array",
            "/rumours/outlet_scorecard.json?_shape=array",
            "/rumours/search.json?q=Kane-Poker%22%20OR&_shape=array",  # FTS syntax in the input is just text
        )
    )
    assert len(today) == 3  # everything was first seen today
    assert [d["player"] for d in day] == ["Declan Rice", "Harry Kane"]
    assert broke[0]["broke_it"] == "bild" and broke[0]["title"] == XSS_TITLE
    assert [r["outlet"] for r in timeline] == ["bild", "theguardian", "skysports"] and timeline[0]["broke_it"] == 1
    assert {r["outlet"]: r["broke_first"] for r in scorecard}["bild"] == 1
    assert search == [] or all(r["outlet"] == "kicker" for r in search)
    (plain,) = _get(ds, "/rumours/search.json?q=Kane-Poker&_shape=array")
    assert [r["outlet"] for r in plain.json()] == ["kicker"]
    assert len(QUERIES) == 5


def test_pages_escape_scraped_text(site: tuple[Path, Path]) -> None:
    ds = make_datasette(*site)
    table, query = _get(ds, "/rumours/articles", "/rumours/who_broke_it?player=rice")
    for page in (table.text, query.text):
        assert XSS_TITLE not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_read_only(site: tuple[Path, Path]) -> None:
    ds = make_datasette(*site)
    (write,) = _get(ds, "/rumours.json?sql=DELETE+FROM+deals")
    assert write.status_code == 400
    assert sqlite3.connect(site[0]).execute("SELECT COUNT(*) FROM deals").fetchone()[0] == 3


def test_digest_routes(site: tuple[Path, Path]) -> None:
    ds = make_datasette(*site)
    latest, files, home, traversal, other = _get(
        ds, "/digest/", "/digest/files", "/", "/digest/..%2Frumours.db", "/digest/rumours.db"
    )
    assert latest.status_code == 200 and "Transfer digest" in latest.text and "Declan Rice" in latest.text
    assert ".atom" in files.text and ".csv" in files.text
    assert 'href="/digest/"' in home.text
    assert traversal.status_code == 404 and other.status_code == 404


def test_serve_command_runs_datasette(site: tuple[Path, Path]) -> None:
    with running_server(*site) as base:
        with urllib.request.urlopen(base + "/rumours/deals.json?_shape=array", timeout=10) as resp:
            assert len(json.load(resp)) == 3
        with urllib.request.urlopen(base + "/digest/", timeout=10) as resp:
            assert "Transfer digest" in resp.read().decode()


def test_serve_refuses_a_missing_store(cli: Any) -> None:
    assert "no store" in cli("serve", expect=1).output
