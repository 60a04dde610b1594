"""Dates a story cannot carry: implausible imported dates are dropped with a warning, free-form dates need a day."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import Result

from spiders.parsing import to_utc
from tests.conftest import jsonl

STORY = "Arsenal have opened talks with Juventus over a move for Federico Chiesa, according to Sky Sports News."


def stored_dates(db_path: Path) -> dict[str, str | None]:
    with sqlite3.connect(db_path) as conn:
        return dict(conn.execute("SELECT url, published_at FROM articles").fetchall())


def test_implausible_publication_dates_are_dropped_with_a_warning(cli: Callable[..., Result], db_path: Path) -> None:
    now = datetime.now(UTC)
    dates = {
        "https://x.com/far-future": "9999-12-31",
        "https://x.com/before-the-web": "1899-05-01T10:00:00Z",
        "https://x.com/next-week": (now + timedelta(days=7)).isoformat(),
        "https://x.com/in-twelve-hours": (now + timedelta(hours=12)).isoformat(),
        "https://x.com/1990": "1990-01-01",
    }
    rows = [{"url": url, "text": STORY, "published_at": when} for url, when in dates.items()]
    result = cli("import", "-", input=jsonl(rows))
    assert "imported 5, updated 0, unchanged 0, skipped 0" in result.output
    for line in (1, 2, 3):
        assert f"line {line}: warning: published_at " in result.output
    assert "line 1: warning: published_at 9999-12-31 is out of range (1990-01-01 to " in result.output
    assert "imported without a date" in result.output
    # each problem on one line of its own, however long, so that `grep line` finds all of it
    assert re.search(
        r"^line 1: warning: published_at 9999-12-31 is out of range \(.*\): imported without a date$",
        result.output,
        re.M,
    )
    assert "line 4:" not in result.output and "line 5:" not in result.output
    stored = stored_dates(db_path)
    assert [url for url, when in stored.items() if when is None] == list(dates)[:3]
    assert stored["https://x.com/1990"] == "1990-01-01T00:00:00+00:00"


def test_a_far_future_date_makes_no_deal_in_year_10000(cli: Callable[..., Result]) -> None:
    cli("import", "-", input=jsonl([{"url": "https://x.com/a", "text": STORY, "published_at": "9999-12-31"}]))
    cli("aggregate")
    deals = [json.loads(line) for line in cli("deals", "--format", "jsonl").output.splitlines()]
    assert [d["player"] for d in deals] == ["Federico Chiesa"]
    assert "10000" not in deals[0]["deal_id"] and deals[0]["first_reported"] is None


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1989-12-31"])
def test_digest_of_an_implausible_day_is_a_clear_error(cli: Callable[..., Result], day: str) -> None:
    cli("import", "-", input=jsonl([{"url": "https://x.com/a", "text": STORY, "published_at": "2024-06-01"}]))
    result = cli("digest", "--date", day, expect=2)
    assert f"{day} is out of range (1990-01-01 to " in result.output
    assert "Traceback" not in result.output


def test_digest_of_a_plausible_past_day_still_works(cli: Callable[..., Result]) -> None:
    cli("import", "-", input=jsonl([{"url": "https://x.com/a", "text": STORY, "published_at": "2024-06-01"}]))
    cli("aggregate")
    assert "Chiesa" in cli("digest", "--date", "2024-06-01").output


@pytest.mark.parametrize("text", ["ab", "mar", "Tuesday", "de", "12:30", "March 2024", "9999-12-31", "1850-03-01"])
def test_crawled_dates_that_are_no_real_date_are_no_date(text: str) -> None:
    assert to_utc(text, "Europe/London") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("3 June 2024", "2024-06-03T00:00:00+00:00"), ("12 mars 2024 14:05", "2024-03-12T14:05:00+00:00")],
)
def test_crawled_free_form_dates_with_a_day_and_month_are_read(text: str, expected: str) -> None:
    assert to_utc(text) == expected
