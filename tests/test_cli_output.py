"""One output scheme for the read commands (`--format table|json|jsonl|csv` on deals, first, outlets), and what
import and deals say about reports still waiting for `rumours aggregate` (on stderr: stdout stays the data)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

import pytest
from click.testing import Result

from tests.conftest import DEAL_JSONL_KEYS, jsonl
from tests.test_deals_cli import STORIES, rows


@pytest.fixture
def aggregated(cli: Callable[..., Result]) -> Callable[..., Result]:
    cli("import", "-", input=jsonl(rows(STORIES)))
    cli("aggregate")
    return cli


@pytest.mark.parametrize("command", [("deals",), ("outlets",), ("first", "chiesa")])
def test_json_is_the_array_of_what_jsonl_prints_one_a_line(aggregated: Callable[..., Result], command: tuple) -> None:
    lines = [json.loads(x) for x in aggregated(*command, "--format", "jsonl").stdout.splitlines()]
    assert lines
    assert json.loads(aggregated(*command, "--format", "json").stdout) == lines
    table = aggregated(*command).stdout  # table is the default
    assert table == aggregated(*command, "--format", "table").stdout
    assert "┃" in table


def test_json_deals_keep_the_jsonl_contract_keys(aggregated: Callable[..., Result]) -> None:
    for deal in json.loads(aggregated("deals", "--format", "json").stdout):
        assert list(deal) == DEAL_JSONL_KEYS


def test_first_json_gives_the_players_deals_each_with_its_reports(aggregated: Callable[..., Result]) -> None:
    deals = json.loads(aggregated("first", "Chiesa", "--format", "json").stdout)
    by_club = {d["to_club"]: d for d in deals}
    assert set(by_club) == {"Arsenal", "Bayern Munich"}
    arsenal = by_club["Arsenal"]
    assert (arsenal["player"], arsenal["from_club"], arsenal["stage"], arsenal["status"]) == (
        "Federico Chiesa",
        "Juventus",
        "agreed",
        "open",
    )
    assert arsenal["first_reported"] == {
        "url": "https://www.skysports.com/football/news/1",
        "outlet": "skysports.com",
        "published_at": "2024-06-01T08:00:00+00:00",
    }
    reports = arsenal["reports"]
    assert [r["outlet"] for r in reports] == ["skysports.com", "kicker.de", "marca.com"]  # earliest first
    assert [r["stage"] for r in reports] == ["talks", "bid", "agreed"]
    assert [r["fee_eur"] for r in reports] == [None, 30_000_000, 30_000_000]
    assert [r["broke_it"] for r in reports] == [True, False, False]
    assert reports[1]["url"] == "https://www.kicker.de/chiesa-2"
    assert reports[1]["published_at"] == "2024-06-03T08:00:00+00:00"
    assert all(isinstance(r["cited_sources"], list) for r in reports) and reports[0]["cited_sources"]
    # jsonl: the same deals, one a line
    assert [json.loads(x) for x in aggregated("first", "Chiesa", "--format", "jsonl").stdout.splitlines()] == deals


def test_first_csv_is_the_timeline_one_report_a_row(aggregated: Callable[..., Result]) -> None:
    table = list(csv.DictReader(io.StringIO(aggregated("first", "Chiesa", "--format", "csv").stdout)))
    assert [r["outlet"] for r in table] == ["skysports.com", "gazzetta.it", "kicker.de", "marca.com"]
    assert [r["published_at"] for r in table] == sorted(r["published_at"] for r in table)
    assert table[0]["to_club"] == "Arsenal" and table[0]["broke_it"] == "True"
    assert table[0]["cited_sources"] == "Sky Sports News"


def test_outlets_csv_has_a_row_per_outlet(aggregated: Callable[..., Result]) -> None:
    table = list(csv.DictReader(io.StringIO(aggregated("outlets", "--format", "csv").stdout)))
    cards = json.loads(aggregated("outlets", "--format", "json").stdout)
    assert [r["outlet"] for r in table] == [c["outlet"] for c in cards]
    assert list(table[0]) == list(cards[0])


def test_import_says_how_many_reports_wait_for_aggregate(cli: Callable[..., Result]) -> None:
    first = cli("import", "-", input=jsonl(rows(STORIES[:3])))
    assert "imported 3, updated 0, unchanged 0, skipped 0; 3 reports wait for `rumours aggregate`" in first.stdout
    second = cli("import", "-", input=jsonl(rows(STORIES[3:4])))
    assert "4 reports wait for `rumours aggregate`" in second.stdout  # what waits, not just what came in
    cli("aggregate")
    third = cli("import", "-", input=jsonl(rows(STORIES)))
    assert "1 report waits for `rumours aggregate`" in third.stdout
    cli("aggregate")
    assert "wait" not in cli("import", "-", input=jsonl(rows(STORIES))).stdout


def test_deals_say_what_waits_on_stderr_and_keep_stdout_clean(cli: Callable[..., Result]) -> None:
    cli("import", "-", input=jsonl(rows(STORIES[:4])))
    before = cli("deals", "--format", "jsonl")
    assert before.stdout == ""
    assert before.stderr == "no deals yet: 4 reports wait for `rumours aggregate`\n"
    cli("aggregate")
    done = cli("deals", "--format", "jsonl")
    assert done.stderr == ""
    cli("import", "-", input=jsonl(rows(STORIES[4:])))
    later = cli("deals", "--format", "jsonl")
    assert [json.loads(x) for x in later.stdout.splitlines()] == [json.loads(x) for x in done.stdout.splitlines()]
    assert "1 report waits for `rumours aggregate`: these deals do not include them yet" in later.stderr
    assert "1 report waits" in cli("deals").stderr  # the table too


def test_deals_on_an_empty_store_say_what_to_run(cli: Callable[..., Result]) -> None:
    cli("import", "-", input="")  # a store with nothing in it
    empty = cli("deals", "--format", "jsonl")
    assert empty.stdout == ""
    assert "the store holds no articles yet: run `rumours import FILE.jsonl` or `rumours crawl`" in empty.stderr
