"""The Datasette plugin: plain `datasette store.db` gets what `rumours serve` gets; plumbing hidden, facets, and cells
that read as a desk reads them (fees in €m, outlets by name, deals as links)."""

from __future__ import annotations

import asyncio
import json
import shutil
import sqlite3
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from datasette.app import Datasette
from datasette.plugins import pm

import aggregator.serve
from aggregator.serve import make_datasette
from aggregator.web.cells import fee_cell
from aggregator.web.metadata import QUERIES
from tests.digest_data import DAY
from tests.serve_helpers import filled_site, running_datasette

# What a reader browses; every other table of a store is plumbing and hidden.
PUBLIC_TABLES = {"outlets", "articles", "reports", "claims", "deals", "deal_reports", "crawl_runs"}
EVIL_OUTLET_NAME = "<b>Bild</b> & Co"


def _get(ds: Any, *paths: str) -> list[Any]:
    async def run() -> list[Any]:
        await ds.invoke_startup()
        return [await ds.client.get(p) for p in paths]

    return asyncio.run(run())


@pytest.fixture
def site(tmp_path: Path) -> tuple[Path, Path]:
    db, folder = filled_site(tmp_path)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE outlets SET name = ? WHERE id = 'bild'", [EVIL_OUTLET_NAME])
        conn.execute("UPDATE outlets SET name = 'Sky Sports' WHERE id = 'skysports'")
        conn.execute("UPDATE claims SET fee_eur = 0 WHERE fee_eur = 100e6")  # the Guardian's report: a free move
    return db, folder


@pytest.fixture
def desk(site: tuple[Path, Path], tmp_path: Path) -> Path:
    """The same store under another file name, as a desk might keep it."""
    db = tmp_path / "desk" / "transfers-2024.db"
    db.parent.mkdir()
    shutil.copy(site[0], db)
    shutil.copytree(site[1], db.parent / "digest")  # plain datasette looks for ./digest, as `rumours serve` does
    return db


def test_the_package_registers_the_plugin_once(site: tuple[Path, Path]) -> None:
    """`pip install` puts the module in Datasette's entry points; `rumours serve` does not register it again."""
    make_datasette(*site)
    ours = [name for name, plugin in pm.list_name_plugin() if plugin is aggregator.serve]
    assert ours == ["transfer-rumours"]


def test_plain_datasette_gets_metadata_keyed_to_the_file_name(desk: Path) -> None:
    ds = Datasette(files=[str(desk)])  # no metadata given: all of it comes from the plugin
    meta, deals_page, query = _get(
        ds,
        "/-/metadata.json",
        "/transfers-2024/deals",
        "/transfers-2024/who_broke_it.json?player=rice&_shape=array",
    )
    db_meta = meta.json()["databases"]["transfers-2024"]
    assert set(db_meta["queries"]) == set(QUERIES)
    assert "Reports grouped into deals" in deals_page.text
    assert query.json()[0]["deal_id"] == "declan-rice-arsenal-2024-summer"


def test_a_database_that_is_not_a_store_is_left_alone(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE sales (outlet TEXT, fee_eur REAL)")
        conn.execute("INSERT INTO sales VALUES ('bild', 45e6)")
    meta, table = _get(Datasette(files=[str(other)]), "/-/metadata.json", "/other/sales")
    assert "other" not in (meta.json().get("databases") or {})
    assert "45000000.0" in table.text and "€45m" not in table.text


def test_datasette_command_serves_canned_queries_and_routes(desk: Path) -> None:
    with running_datasette(desk, cwd=desk.parent) as base:
        with urllib.request.urlopen(f"{base}/transfers-2024/todays_deals.json?day={DAY}&_shape=array") as resp:
            assert [d["player"] for d in json.load(resp)] == ["Declan Rice", "Harry Kane"]
        with urllib.request.urlopen(base + "/feeds/player/declan-rice.atom") as resp:
            assert resp.headers["content-type"].startswith("application/atom+xml")
            assert b"Declan Rice" in resp.read()
        with urllib.request.urlopen(base + "/digest/") as resp:
            assert "Transfer digest" in resp.read().decode()


def test_plumbing_tables_are_hidden(site: tuple[Path, Path]) -> None:
    (listing,) = _get(make_datasette(*site), "/rumours.json")
    hidden = {t["name"]: t["hidden"] for t in listing.json()["tables"]}
    with sqlite3.connect(site[0]) as conn:
        every_table = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert set(hidden) == every_table
    assert {name for name, is_hidden in hidden.items() if not is_hidden} == PUBLIC_TABLES
    assert {"report_bands", "regroup_queue", "regroup_windows", "player_keys", "meta"} <= {
        name for name, is_hidden in hidden.items() if is_hidden
    }


def test_facets(site: tuple[Path, Path]) -> None:
    deals, articles = _get(make_datasette(*site), "/rumours/deals.json", "/rumours/articles.json")
    deal_facets = deals.json()["facet_results"]
    assert {"stage", "status", "window", "to_club", "from_club"} <= set(deal_facets)
    assert {v["value"]: v["count"] for v in deal_facets["stage"]["results"]} == {"agreed": 2, "interest": 1}
    outlets = {v["value"]: v["count"] for v in articles.json()["facet_results"]["outlet_id"]["results"]}
    assert outlets["bild"] == 1 and len(outlets) == 6


@pytest.mark.parametrize(
    ("fee", "shown"),
    [(45e6, "€45m"), (1.5e6, "€1.5m"), (105_000_000, "€105m"), (0, "free"), (0.0, "free"), (None, None)],
)
def test_fee_cells(fee: float | None, shown: str | None) -> None:
    assert fee_cell(fee) == shown


def test_pages_show_fees_outlet_names_and_deal_links(site: tuple[Path, Path]) -> None:
    deals, timeline, broke, articles, deal_reports, deal_row = _get(
        make_datasette(*site),
        "/rumours/deals",
        "/rumours/deal_timeline?deal_id=declan-rice-arsenal-2024-summer",
        "/rumours/who_broke_it?player=rice",
        "/rumours/articles",
        "/rumours/deal_reports",
        "/rumours/deals/declan-rice-arsenal-2024-summer",
    )
    assert "€90m" in deals.text and "€105m" in deals.text and "90000000" not in deals.text
    assert "free" in timeline.text and "€105m" in timeline.text
    assert '<a href="/outlet/skysports" title="skysports">Sky Sports</a>' in timeline.text
    escaped = "&lt;b&gt;Bild&lt;/b&gt; &amp; Co"
    for page in (timeline, broke, articles):
        assert f'<a href="/outlet/bild" title="bild">{escaped}</a>' in page.text
        assert EVIL_OUTLET_NAME not in page.text
    deal_link = '<a href="/deal/declan-rice-arsenal-2024-summer">declan-rice-arsenal-2024-summer</a>'
    for page in (broke, deal_reports, deal_row):  # a query's column, a foreign key, a row's own id
        assert deal_link in page.text


def test_json_keeps_raw_values(site: tuple[Path, Path]) -> None:
    (timeline,) = _get(
        make_datasette(*site), "/rumours/deal_timeline.json?deal_id=declan-rice-arsenal-2024-summer&_shape=array"
    )
    assert [(r["outlet"], r["fee_eur"]) for r in timeline.json()] == [
        ("bild", 90e6),
        ("theguardian", 0),
        ("skysports", 105e6),
    ]
