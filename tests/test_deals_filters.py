"""`rumours deals` filters and sorts: club, stage, status, window, outlet, limit, sort; they combine (AND) in every
format, and a filter that cannot hold is a one-line usage error that changes nothing stored."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

import pytest
from click.testing import Result

from aggregator.digest.select import heat
from tests.conftest import jsonl
from tests.test_deals_cli import STORIES, rows

# Kolo Muani's move is reported three times on one day, the last two after Chiesa's scoop but before the
# Arsenal deal's latest report: heat, latest report and first report then give three different orders.
KOLO_DONE = [
    {
        "url": "https://www.bbc.co.uk/sport/football/kolo-6",
        "published_at": "2024-06-04T16:00:00+00:00",
        "language": "en",
        "title": "Kolo Muani completes Juventus move",
        "text": "Juventus have completed the signing of Randal Kolo Muani from Paris Saint-Germain for 50 million "
        "euros, the Italian club confirmed on Tuesday.",
    },
    {
        "url": "https://www.theguardian.com/football/kolo-7",
        "published_at": "2024-06-04T18:00:00+00:00",
        "language": "en",
        "title": "Juventus confirm Kolo Muani",
        "text": "Randal Kolo Muani has joined Juventus from Paris Saint-Germain. The France striker signed a "
        "five-year contract after passing a medical in Turin.",
    },
]
WINTER = {
    "url": "https://www.skysports.com/football/news/winter-1",
    "published_at": "2024-12-10T09:00:00+00:00",
    "language": "en",
    "title": "Tottenham in talks over Marco Berglund",
    "text": "Tottenham Hotspur have opened talks with Brighton over a January move for Marco Berglund, "
    "according to Sky Sports News.",
}


@pytest.fixture
def desk(cli: Callable[..., Result]) -> Callable[..., Result]:
    cli("import", "-", input=jsonl([*rows(STORIES), *KOLO_DONE, WINTER]))
    cli("aggregate")
    return cli


def listed(cli: Callable[..., Result], *args: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in cli("deals", "--format", "jsonl", *args).stdout.splitlines()]


def moves(deals: list[dict[str, Any]]) -> list[tuple[str, str | None]]:
    return [(d["player"].split()[-1], d["to_club"]) for d in deals]


def test_club_matches_either_side_by_folded_name_or_alias(desk: Callable[..., Result]) -> None:
    juventus = {("Chiesa", "Arsenal"), ("Chiesa", "Bayern Munich"), ("Muani", "Juventus")}  # sold by or joining
    assert set(moves(listed(desk, "--club", "JUVÉNTUS"))) == juventus
    assert set(moves(listed(desk, "--club", "juve"))) == juventus  # an alias of the club registry
    assert moves(listed(desk, "--club", "bayern")) == [("Chiesa", "Bayern Munich")]
    assert moves(listed(desk, "--club", "Spurs")) == [("Berglund", "Tottenham Hotspur")]
    assert listed(desk, "--club", "Real Madrid") == []


def test_stage_status_and_window(desk: Callable[..., Result]) -> None:
    assert moves(listed(desk, "--stage", "done")) == [("Muani", "Juventus")]
    assert moves(listed(desk, "--status", "done")) == [("Muani", "Juventus")]
    assert {d["stage"] for d in listed(desk, "--status", "open")} == {"agreed", "interest", "talks"}
    assert moves(listed(desk, "--window", "2025-winter")) == [("Berglund", "Tottenham Hotspur")]
    assert len(listed(desk, "--window", "2024-summer")) == 3
    assert listed(desk, "--window", "2023-summer") == []


def test_outlet_keeps_the_deals_it_reported_by_id_name_or_domain(desk: Callable[..., Result]) -> None:
    assert moves(listed(desk, "--outlet", "kicker.de")) == [("Chiesa", "Arsenal")]
    assert moves(listed(desk, "--outlet", "kicker")) == [("Chiesa", "Arsenal")]
    assert set(moves(listed(desk, "--outlet", "Sky Sports"))) == {
        ("Chiesa", "Arsenal"),
        ("Berglund", "Tottenham Hotspur"),
    }


def test_sorts_heat_latest_and_first(desk: Callable[..., Result]) -> None:
    summer = ("--window", "2024-summer")
    latest = listed(desk, *summer)  # the default: latest report first
    assert moves(latest) == [("Chiesa", "Arsenal"), ("Muani", "Juventus"), ("Chiesa", "Bayern Munich")]
    assert listed(desk, *summer, "--sort", "latest") == latest
    first = listed(desk, *summer, "--sort", "first")
    assert moves(first) == [("Chiesa", "Arsenal"), ("Chiesa", "Bayern Munich"), ("Muani", "Juventus")]
    assert [d["first_reported"]["published_at"] for d in first] == sorted(
        d["first_reported"]["published_at"] for d in first
    )
    hottest = listed(desk, *summer, "--sort", "heat")
    assert moves(hottest) == [("Muani", "Juventus"), ("Chiesa", "Arsenal"), ("Chiesa", "Bayern Munich")]
    # heat as the digest computes it, over the deal's reports listed
    heats = [heat(len(d["reports"]), len({r["outlet"] for r in d["reports"]}), d["stage"]) for d in hottest]
    assert heats == sorted(heats, reverse=True) and heats[0] > heats[1]


def test_since_narrows_what_heat_counts(desk: Callable[..., Result]) -> None:
    # since 4 June the Arsenal deal has one report (Marca) and Kolo Muani's three: Kolo is hotter still, and
    # the Bayern deal (2 June) is gone
    assert moves(listed(desk, "--since", "2024-06-04", "--sort", "heat", "--window", "2024-summer")) == [
        ("Muani", "Juventus"),
        ("Chiesa", "Arsenal"),
    ]


def test_limit_applies_after_sorting(desk: Callable[..., Result]) -> None:
    assert moves(listed(desk, "--sort", "heat", "--limit", "1")) == [("Muani", "Juventus")]
    assert moves(listed(desk, "--sort", "first", "--limit", "2")) == [
        ("Chiesa", "Arsenal"),
        ("Chiesa", "Bayern Munich"),
    ]


def test_filters_combine_in_every_format(desk: Callable[..., Result]) -> None:
    args = ("--club", "juventus", "--status", "open", "--outlet", "gazzetta", "--window", "2024-summer")
    assert moves(listed(desk, *args)) == [("Chiesa", "Bayern Munich")]
    (as_json,) = json.loads(desk("deals", "--format", "json", *args).stdout)
    assert as_json["deal_id"] == listed(desk, *args)[0]["deal_id"]
    table = list(csv.DictReader(io.StringIO(desk("deals", "--format", "csv", *args).stdout)))
    assert [(r["player"], r["to_club"], r["status"]) for r in table] == [("Federico Chiesa", "Bayern Munich", "open")]
    shown = desk("deals", *args).stdout
    assert "1 deals" in shown and "Bayern Munich" in shown and "Arsenal" not in shown


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("--window", "2024-summr"), "not a transfer window: '2024-summr'"),
        (("--outlet", "nowhere"), "no outlet 'nowhere' in the store (outlets: bbc.co.uk, gazzetta.it"),
        (("--club", "  "), "empty club name"),
        (("--stage", "rumour"), "'rumour' is not one of"),
        (("--status", "closed"), "'closed' is not one of"),
        (("--sort", "hot"), "'hot' is not one of"),
        (("--limit", "0"), "0 is not in the range"),
    ],
)
def test_a_filter_that_cannot_hold_is_a_usage_error(
    desk: Callable[..., Result], args: tuple[str, ...], says: str
) -> None:
    before = listed(desk)
    refused = desk("deals", *args, expect=2)
    assert says in refused.stderr
    assert [line for line in refused.stderr.splitlines() if line.startswith("Error")] == [
        next(line for line in refused.stderr.splitlines() if says in line)
    ]
    assert refused.stdout == ""
    assert listed(desk) == before
