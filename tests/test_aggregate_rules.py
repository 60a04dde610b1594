"""Deal rules end to end through the CLI: several deals in one article, citation chains, first-to-break after
updates, outlet scorecards and the `first` timeline."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from click.testing import Result

from aggregator import analysis
from aggregator.extract import Claim
from tests.conftest import jsonl


def deals(cli: Callable[..., Result]) -> list[dict[str, Any]]:
    return [json.loads(x) for x in cli("deals", "--format", "jsonl").output.splitlines() if x.strip()]


PALHINHA = [
    {
        "url": "https://www.kicker.de/palhinha-1",
        "published_at": "2024-06-02T08:00:00+00:00",
        "language": "de",
        "title": "Bayern verhandelt mit Fulham",
        "text": "Laut Bild verhandelt der FC Bayern mit dem FC Fulham über einen Wechsel von João Palhinha.",
    },
    {
        "url": "https://www.skysports.com/palhinha-2",
        "published_at": "2024-06-01T18:00:00+00:00",
        "language": "en",
        "title": "Bayern in talks for Palhinha",
        "text": "Bild are reporting that Bayern Munich are in talks with Fulham over João Palhinha.",
    },
    {
        "url": "https://www.marca.com/palhinha-3",
        "published_at": "2024-06-03T10:00:00+00:00",
        "language": "en",
        "title": "Bayern agree Palhinha fee",
        "text": "Bayern Munich have agreed a €50 million fee with Fulham for João Palhinha, according to Sky Sports.",
    },
]


def test_several_deals_in_one_article_contribute_to_each(
    cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    def two_deals(text: str, **_: object) -> list[Claim]:
        return [
            Claim("Pedro Neto", "neto pedro", "Wolverhampton Wanderers", "Chelsea", 60e6, "€60m", "done", ()),
            Claim("Conor Gallagher", "conor gallagher", "Chelsea", "Atletico Madrid", 42e6, "€42m", "done", ()),
        ]

    monkeypatch.setattr(analysis, "extract_claims", two_deals)
    cli(
        "import",
        "-",
        input=jsonl(
            [
                {
                    "url": "https://www.bbc.com/sport/deadline",
                    "text": "Deadline day round-up",
                    "published_at": "2024-08-30T23:00:00Z",
                }
            ]
        ),
    )
    cli("aggregate")
    out = deals(cli)
    assert sorted((d["player"], d["to_club"]) for d in out) == [
        ("Conor Gallagher", "Atletico Madrid"),
        ("Pedro Neto", "Chelsea"),
    ]
    assert all(d["reports"][0]["url"] == "https://www.bbc.com/sport/deadline" for d in out)


def test_citation_chain_names_the_uncrawled_originator_and_its_first_citer(cli: Callable[..., Result]) -> None:
    cli("import", "-", input=jsonl(PALHINHA))
    cli("aggregate")
    (deal,) = [d for d in deals(cli) if d["to_club"] == "Bayern Munich"]
    assert deal["first_reported"]["url"] == "https://www.skysports.com/palhinha-2"
    timeline = cli("first", "Palhinha").output
    assert "originator Bild (first credited by skysports.com, 2024-06-01T18:00)" in timeline
    assert "★ first" in timeline
    # Earliest first: the Sky Sports report comes before kicker's and Marca's.
    assert timeline.index("skysports.com") < timeline.index("kicker.de") < timeline.index("marca.com")


def test_an_updated_article_keeps_its_first_publication_time(cli: Callable[..., Result]) -> None:
    cli("import", "-", input=jsonl(PALHINHA))
    cli("aggregate")
    updated = dict(
        PALHINHA[1],
        published_at="2024-06-04T09:00:00+00:00",
        text=PALHINHA[1]["text"] + " Update: a medical is planned for Monday.",
    )
    result = cli("import", "-", input=jsonl([updated]))
    assert "updated 1" in result.output
    cli("aggregate")
    (deal,) = [d for d in deals(cli) if d["to_club"] == "Bayern Munich"]
    assert deal["first_reported"] == {
        "url": "https://www.skysports.com/palhinha-2",
        "outlet": "skysports.com",
        "published_at": "2024-06-01T18:00:00+00:00",
    }


def test_outlet_scorecards(cli: Callable[..., Result]) -> None:
    cli("import", "-", input=jsonl(PALHINHA))
    cli("aggregate")
    cards = {c["outlet"]: c for c in map(json.loads, cli("outlets", "--format", "jsonl").output.splitlines())}
    assert cards["skysports.com"]["broke_first"] == 1
    assert cards["skysports.com"]["median_lead_hours"] == 14.0  # kicker followed 14 hours later
    assert cards["kicker.de"]["broke_first"] == 0
    assert cards["marca.com"]["hit_rate"] == 0.0  # agreed, not done yet
    table = cli("outlets").output
    assert "skysports.com" in table and "broke" in table
