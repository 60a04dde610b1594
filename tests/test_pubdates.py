"""Publication dates of undated articles: read from the URL or a dateline cue, stored with their source and precision
by `rumours aggregate` (and redone by a rebuild), shown by `rumours first`."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from aggregator.pubdates import InferredDate, describe, infer_date
from tests.conftest import jsonl

TODAY = date(2024, 7, 1)
BODY = "Tottenham Hotspur are in talks with Everton over a move for striker Callum Brayford."


def inferred(url: str, text: str = BODY, language: str | None = "en") -> InferredDate | None:
    return infer_date(url, text, language, TODAY)


def test_a_full_date_in_the_url_is_the_day() -> None:
    assert inferred("https://www.example.com/football/2024/06/12/brayford-talks") == InferredDate(
        "2024-06-12T00:00:00+00:00", "url", "day"
    )


def test_a_year_a_month_abbreviation_and_a_day_in_the_path_is_the_day() -> None:
    assert inferred("https://www.theguardian.com/football/2024/jun/14/brayford-everton-talks") == InferredDate(
        "2024-06-14T00:00:00+00:00", "url", "day"
    )
    assert inferred("https://www.theguardian.com/football/2024/feb/30/brayford") is None  # no such day
    assert inferred("https://www.theguardian.com/football/2024/jul/brayford") is None  # a month word, no day


def test_a_year_and_month_in_the_path_is_the_first_of_that_month() -> None:
    assert inferred("https://www.example.com/news/2024/6/brayford-talks") == InferredDate(
        "2024-06-01T00:00:00+00:00", "url", "month"
    )
    assert inferred("https://www.example.com/news/2024/06/") == InferredDate(
        "2024-06-01T00:00:00+00:00", "url", "month"
    )


@pytest.mark.parametrize(
    "url",
    [
        "https://www.example.com/news/brayford-talks-123456",
        "https://www.example.com/news/2024/brayford",  # a year alone
        "https://www.example.com/news/2024/13/brayford",  # no month 13
        "https://www.example.com/top-10/2024-25-season",  # a season, not a month
        "https://www.example.com/news/brayford?id=2024/06/12",  # the query is not the path
    ],
)
def test_a_url_without_a_month_gives_no_date(url: str) -> None:
    assert inferred(url) is None


@pytest.mark.parametrize(
    ("language", "text", "day"),
    [
        ("de", "Stand: 14.06.2024, 18:05 Uhr\nDer VfL Wolfsburg verhandelt mit Mainz über Timo Kessler.", "2024-06-14"),
        ("de", "Aktualisiert am 09.06.2024 | Lesezeit 2 Minuten\nWolfsburg bietet für Timo Kessler.", "2024-06-09"),
        ("en", "Published: 11 June 2024, 07:45 BST\nEverton want £30m for Callum Brayford.", "2024-06-11"),
        ("es", "Actualizado: 10/06/2024 - 12:30\nEl Sevilla negocia con el Betis por Álvaro Quintela.", "2024-06-10"),
        ("fr", "Publié le 8 juin 2024 à 17h20\nLe Stade Rennais discute avec Lens pour Hugo Marchal.", "2024-06-08"),
        (
            "it",
            "Pubblicato il 7 giugno 2024 alle 09:10\nIl Torino tratta con il Genoa per Marco Bellandi.",
            "2024-06-07",
        ),
    ],
)
def test_a_date_after_a_publication_cue_is_the_day(language: str, text: str, day: str) -> None:
    assert inferred("https://www.example.com/a", text, language) == InferredDate(f"{day}T00:00:00+00:00", "text", "day")


def test_a_cue_reads_its_own_language_when_the_article_has_none() -> None:
    text = "Veröffentlicht am 05.06.2024\nDer Hamburger SV holt Leon Brandauer."
    assert inferred("https://www.example.com/a", text, None) == InferredDate("2024-06-05T00:00:00+00:00", "text", "day")


def test_a_trailing_byline_counts_and_the_publication_beats_the_update() -> None:
    text = BODY + " " + "Everton have set their price. " * 40 + "Published 3 June 2024. Updated 5 June 2024."
    assert inferred("https://www.example.com/a", text) == InferredDate("2024-06-03T00:00:00+00:00", "text", "day")


def test_a_cue_with_only_a_month_gives_the_month() -> None:
    text = "Aggiornato: giugno 2024\nIl Torino insiste per Marco Bellandi."
    assert inferred("https://www.example.com/a", text, "it") == InferredDate(
        "2024-06-01T00:00:00+00:00", "text", "month"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Updated: 2 March 2031\n" + BODY,  # ahead of the day the article was seen
        "Published: 4 May 1987\n" + BODY,  # before 1990
        "Updated 3 days ago\n" + BODY,  # relative to a clock
    ],
)
def test_an_implausible_or_relative_cue_date_gives_no_date(text: str) -> None:
    assert inferred("https://www.example.com/a", text) is None
    assert inferred("https://www.example.com/2031/03/02/a") is None


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Callum Brayford signed a contract until 30 June 2027 after joining Everton on 12 May 2021."),
        ("de", "Timo Kessler war am 12. Mai 2021 von Mainz nach Wolfsburg gewechselt, sein Vertrag läuft bis 2027."),
        ("en", "Tottenham have updated their offer on 12 June 2024 for Callum Brayford."),  # a verb, not a dateline
        ("de", "14.06.2024\nDer VfL Wolfsburg verhandelt mit Mainz über Timo Kessler."),  # a bare leading date
    ],
)
def test_a_date_in_the_body_without_a_cue_is_ignored(language: str, text: str) -> None:
    assert inferred("https://www.example.com/a", text, language) is None


def test_a_day_in_the_url_beats_the_text() -> None:
    text = "Updated: 14 June 2024\n" + BODY
    assert inferred("https://www.example.com/2024/06/12/brayford", text) == InferredDate(
        "2024-06-12T00:00:00+00:00", "url", "day"
    )


def test_a_day_in_the_text_beats_a_month_in_the_url_of_that_month() -> None:
    url = "https://www.example.com/2024/06/brayford"
    assert inferred(url, "Updated: 14 June 2024\n" + BODY) == InferredDate("2024-06-14T00:00:00+00:00", "text", "day")
    # A day of another month is an update, or not the article's: the URL's month stands.
    assert inferred(url, "Updated: 2 July 2024\n" + BODY) == InferredDate("2024-06-01T00:00:00+00:00", "url", "month")


def test_inferred_dates_are_described_with_their_precision_and_source() -> None:
    assert describe("2024-06-01T00:00:00+00:00", "url", "month") == "2024-06 (month, from URL)"
    assert describe("2024-06-12T00:00:00+00:00", "text", "day") == "2024-06-12 (from text)"
    assert describe("2024-06-12T09:30:00+00:00", "given", "day") is None
    assert describe(None, None, None) is None


def test_no_cue_costs_little() -> None:
    from timeit import timeit

    text = (BODY + " Everton want £30m, and Spurs have offered £25m plus add-ons. ") * 12
    seconds = timeit(lambda: infer_date("https://www.example.com/news/brayford-123", text, "en", TODAY), number=2000)
    assert seconds / 2000 < 0.001  # about 0.01 ms on a 2 GHz core; an aggregate reads ~1,000 reports a second


# -- through the CLI -------------------------------------------------------------------------------------------------


def stories() -> list[dict[str, Any]]:
    return [
        {
            "url": "https://www.example-sport.com/news/2024/06/brayford-spurs-talks",
            "text": BODY,
            "title": "Spurs in talks for Brayford",
            "language": "en",
        },
        {
            "url": "https://www.example-sport.com/news/brayford-spurs-bid",
            "text": "Published: 11 June 2024\nTottenham Hotspur have made a £30m bid to Everton for Callum Brayford.",
            "title": "Spurs bid for Brayford",
            "language": "en",
        },
        {
            "url": "https://www.other-sport.com/2024/06/brayford-agreed",
            "text": "Tottenham Hotspur have agreed a £32m fee with Everton for Callum Brayford.",
            "title": "Spurs agree Brayford fee",
            "language": "en",
            "published_at": "2024-06-13T08:30:00Z",
        },
    ]


def dates(db_path: Path) -> dict[str, tuple[Any, ...]]:
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute(
            """SELECT a.url, r.published_at, r.date_source, r.date_precision, a.published_at
               FROM reports r JOIN articles a ON a.id = r.article_id"""
        ).fetchall()
    return {url.rsplit("/", 1)[1]: tuple(rest) for url, *rest in rows}


def windows(db_path: Path) -> set[str]:
    with sqlite3.connect(db_path) as conn:
        return {w for (w,) in conn.execute("SELECT window FROM claims")}


EXPECTED = {
    "brayford-spurs-talks": ("2024-06-01T00:00:00+00:00", "url", "month", None),
    "brayford-spurs-bid": ("2024-06-11T00:00:00+00:00", "text", "day", None),
    "brayford-agreed": ("2024-06-13T08:30:00+00:00", "given", "day", "2024-06-13T08:30:00+00:00"),
}


@pytest.fixture
def aggregated(cli: Callable[..., Result], db_path: Path) -> Callable[..., Result]:
    cli("import", "-", input=jsonl(stories()))
    assert {v[1] for v in dates(db_path).values()} == {None, "given"}  # import stores only the given date
    cli("aggregate")
    return cli


def test_aggregate_stores_dates_from_the_url_and_the_text_beside_the_given_one(
    aggregated: Callable[..., Result], db_path: Path
) -> None:
    assert dates(db_path) == EXPECTED
    assert windows(db_path) == {"2024-summer"}  # the claims' window follows the inferred dates


def test_a_rebuild_infers_the_same_dates(aggregated: Callable[..., Result], db_path: Path) -> None:
    aggregated("aggregate", "--rebuild")
    assert dates(db_path) == EXPECTED


def test_first_shows_how_precise_an_inferred_date_is_and_where_it_was_read(aggregated: Callable[..., Result]) -> None:
    table = aggregated("first", "brayford").stdout
    assert "2024-06 (month, from URL)" in table
    assert "2024-06-11 (from text)" in table
    assert "2024-06-13T08:30" in table and "2024-06-13 (" not in table  # a given date shows as it is
    (deal,) = json.loads(aggregated("first", "brayford", "--format", "json").stdout)
    by_url = {r["url"].rsplit("/", 1)[1]: (r["date_precision"], r["date_source"]) for r in deal["reports"]}
    assert by_url == {
        "brayford-spurs-talks": ("month", "url"),
        "brayford-spurs-bid": ("day", "text"),
        "brayford-agreed": ("day", "given"),
    }
    csv_header = aggregated("first", "brayford", "--format", "csv").stdout.splitlines()[0]
    assert csv_header.endswith("date_precision,date_source")


def test_a_date_imported_later_replaces_the_inferred_one(aggregated: Callable[..., Result], db_path: Path) -> None:
    later = {**stories()[0], "published_at": "2024-06-20T10:00:00Z"}
    out = aggregated("import", "-", input=jsonl([later]))
    assert "updated 1" in out.output
    aggregated("aggregate")
    given = ("2024-06-20T10:00:00+00:00", "given", "day", "2024-06-20T10:00:00+00:00")
    assert dates(db_path)["brayford-spurs-talks"] == given
    aggregated("aggregate", "--rebuild")
    assert dates(db_path)["brayford-spurs-talks"] == given


def test_an_inferred_date_sets_the_claims_window(cli: Callable[..., Result], db_path: Path) -> None:
    winter = {**stories()[0], "url": "https://www.example-sport.com/news/2024/01/brayford-spurs-talks"}
    cli("import", "-", input=jsonl([winter]))
    cli("aggregate")
    assert windows(db_path) == {"2024-winter"}
    deals = [json.loads(line) for line in cli("deals", "--format", "jsonl").stdout.splitlines()]
    assert [d["deal_id"].rsplit("-", 2)[1:] for d in deals] == [["2024", "winter"]]
