"""`rumours aggregate` + `rumours deals`: the JSONL contract, incremental runs equal a rebuild, copies."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from tests.conftest import DEAL_JSONL_KEYS, jsonl

STORIES = [
    (
        "https://www.skysports.com/football/news/1",
        "2024-06-01T08:00:00+00:00",
        "en",
        "Arsenal in talks with Juventus over Federico Chiesa",
        "Arsenal have opened talks with Juventus over a move for Federico Chiesa, according to Sky Sports News.",
    ),
    (
        "https://www.kicker.de/chiesa-2",
        "2024-06-03T10:00:00+02:00",
        "de",
        "Arsenal bietet für Chiesa",
        "Der FC Arsenal hat laut Sky ein Angebot über 30 Millionen Euro für Federico Chiesa von Juventus abgegeben.",
    ),
    (
        "https://www.marca.com/futbol/chiesa-3",
        "2024-06-05T12:00:00+00:00",
        "es",
        "Acuerdo entre Arsenal y Juventus por Chiesa",
        "El Arsenal ha llegado a un acuerdo con la Juventus para fichar a Federico Chiesa a cambio de 30 millones "
        "de euros, según Marca.",
    ),
    (
        "https://www.gazzetta.it/calciomercato/chiesa-4",
        "2024-06-02T09:00:00+00:00",
        "it",
        "Il Bayern Monaco su Chiesa",
        "Il Bayern Monaco è interessato a Federico Chiesa della Juventus, secondo Sky Sport.",
    ),
    (
        "https://www.lequipe.fr/football/kolo-5",
        "2024-06-04T15:00:00+00:00",
        "fr",
        "Randal Kolo Muani vers la Juventus",
        "Selon L'Équipe, Randal Kolo Muani quitte le Paris Saint-Germain pour la Juventus, un transfert de "
        "50 millions d'euros.",
    ),
]


def rows(stories: list[tuple[str, str, str, str, str]]) -> list[dict[str, Any]]:
    return [{"url": u, "published_at": p, "language": lang, "title": t, "text": x} for u, p, lang, t, x in stories]


def deals(cli: Callable[..., Result]) -> list[dict[str, Any]]:
    return [json.loads(line) for line in cli("deals", "--format", "jsonl").output.splitlines() if line.strip()]


def test_deals_jsonl_has_exactly_the_contract_keys_and_types(cli: Callable[..., Result]) -> None:
    cli("import", "-", input=jsonl(rows(STORIES)))
    cli("aggregate")
    out = deals(cli)
    assert out, "no deals found"
    for deal in out:
        assert list(deal) == DEAL_JSONL_KEYS
        assert isinstance(deal["deal_id"], str) and isinstance(deal["player"], str)
        assert deal["fee_eur"] is None or isinstance(deal["fee_eur"], int | float)
        assert isinstance(deal["outlets"], int) and deal["outlets"] >= 1
        assert deal["first_reported"] is None or set(deal["first_reported"]) == {"url", "outlet", "published_at"}
        for report in deal["reports"]:
            assert list(report) == ["url", "outlet", "published_at", "stage", "fee_eur", "cited_sources"]
            assert isinstance(report["cited_sources"], list)
            assert all(isinstance(s, str) for s in report["cited_sources"])


def test_chiesa_to_arsenal_is_one_deal_and_bayern_another(cli: Callable[..., Result]) -> None:
    cli("import", "-", input=jsonl(rows(STORIES)))
    cli("aggregate")
    chiesa = [d for d in deals(cli) if "Chiesa" in d["player"]]
    by_club = {d["to_club"]: d for d in chiesa}
    assert set(by_club) == {"Arsenal", "Bayern Munich"}
    arsenal = by_club["Arsenal"]
    assert arsenal["outlets"] == 3
    assert arsenal["first_reported"]["url"] == "https://www.skysports.com/football/news/1"
    assert arsenal["stage"] == "agreed"
    assert arsenal["fee_eur"] == 30_000_000


def test_incremental_runs_give_the_same_deals_as_rebuild_in_any_order(
    cli: Callable[..., Result], db_path: Path
) -> None:
    stories = rows(STORIES)
    random.Random(4).shuffle(stories)
    for story in stories:  # one article per aggregate run
        cli("import", "-", input=jsonl([story]))
        cli("aggregate")
    incremental = deals(cli)
    cli("aggregate", "--rebuild")
    assert deals(cli) == incremental


def test_wire_copy_is_kept_but_never_counted_as_an_outlet_or_a_scoop(cli: Callable[..., Result]) -> None:
    wire = (
        "Juventus have completed the signing of Randal Kolo Muani from Paris Saint-Germain for 50 million euros. "
        "The French striker passed his medical in Turin on Tuesday morning and signed a contract until 2029, the "
        "club announced in a statement, ending weeks of negotiations between the two clubs over the forward."
    )
    copies = [
        {"url": "https://agency.example/wire/1", "published_at": "2024-06-10T10:00:00+00:00", "text": wire},
        {"url": "https://mirror-a.example/sport/1", "published_at": "2024-06-10T09:00:00+00:00", "text": wire},
        {"url": "https://mirror-b.example/sport/1", "published_at": "2024-06-10T11:00:00+00:00", "text": wire},
    ]
    cli("import", "-", input=jsonl(copies))
    cli("aggregate")
    (deal,) = [d for d in deals(cli) if d["to_club"] == "Juventus"]
    assert len(deal["reports"]) == 3
    assert deal["outlets"] == 1
    assert deal["first_reported"]["url"] == "https://mirror-a.example/sport/1"
    timeline = cli("first", "Kolo Muani").output
    assert "mirror-a.example ★ first" in timeline
    assert timeline.count("(copy of mirror-a.example)") == 2


def test_filters_and_formats(cli: Callable[..., Result]) -> None:
    cli("import", "-", input=jsonl(rows(STORIES)))
    cli("aggregate")
    kolo = cli("deals", "--format", "jsonl", "--player", "kolo muani").output.splitlines()
    assert [json.loads(x)["to_club"] for x in kolo] == ["Juventus"]
    assert cli("deals", "--format", "jsonl", "--player", "CHIÉSA").output.count("deal_id") == 2  # accents, case
    recent = [json.loads(x) for x in cli("deals", "--format", "jsonl", "--since", "2024-06-04").output.splitlines()]
    assert any("Kolo Muani" in d["player"] for d in recent)
    assert all(any(r["published_at"] >= "2024-06-04" for r in d["reports"]) for d in recent)
    csv_out = cli("deals", "--format", "csv").output.splitlines()
    assert csv_out[0].startswith("deal_id,player,from_club,to_club,stage,status,latest_stage")
    assert len(csv_out) == 1 + len(deals(cli))
    bad = cli("deals", "--since", "next week", expect=2)
    assert "not a date" in bad.output


def test_read_commands_refuse_a_missing_store(cli: Callable[..., Result], db_path: Path) -> None:
    result = cli("deals", expect=1)
    assert "no store at" in result.output
    assert not db_path.exists()


TEMPLATE = (
    "{club} have completed the signing of {player} from {seller} on a five-year contract, the club announced "
    "on Tuesday. The fee was not disclosed. The player passed a medical at the training ground in the morning "
    "and will wear the number eight shirt. The manager said he was delighted with the signing and expects "
    "the player to be available for the opening match of the season."
)


@pytest.mark.parametrize(
    ("first", "second"),
    [("Jonas Berglund", "Kwame Mensah"), ("Marco Berglund", "Marco Mensah")],  # nothing, or a first name, shared
)
def test_one_template_about_two_players_is_not_a_copy(cli: Callable[..., Result], first: str, second: str) -> None:
    stories = [
        {
            "url": "https://club-a.example/news/1",
            "published_at": "2024-07-01T10:00:00Z",
            "text": TEMPLATE.format(club="Aston Villa", player=first, seller="Malmo"),
        },
        {
            "url": "https://club-b.example/news/2",
            "published_at": "2024-07-02T10:00:00Z",
            "text": TEMPLATE.format(club="Brighton", player=second, seller="Nordsjaelland"),
        },
    ]
    cli("import", "-", input=jsonl(stories))
    cli("aggregate")
    out = deals(cli)
    assert {d["player"] for d in out} == {first, second}
    assert all(d["first_reported"] is not None for d in out)  # each is its own scoop, neither a copy
    assert "(copy of" not in cli("first", "Mensah").output
