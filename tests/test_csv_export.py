"""`deals` and `outlets --format csv`: text a spreadsheet would run as a formula is disarmed."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

import pytest
from click.testing import Result

from tests.conftest import jsonl

FORMULA_OUTLET = '=HYPERLINK("http://evil.example/","click")'
STORY = {
    "url": "https://www.skysports.com/football/news/chiesa-arsenal",
    "published_at": "2024-06-01T08:00:00+00:00",
    "language": "en",
    "title": "Arsenal in talks with Juventus over Federico Chiesa",
    "text": "Arsenal have opened talks with Juventus over a move for Federico Chiesa, according to Sky Sports News.",
    "outlet": FORMULA_OUTLET,
}


@pytest.fixture
def formula_store(cli: Callable[..., Result]) -> None:
    cli("import", "-", input=jsonl([STORY]))
    cli("aggregate")


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.usefixtures("formula_store")
def test_deals_csv_disarms_a_formula_outlet(cli: Callable[..., Result]) -> None:
    rows = csv_rows(cli("deals", "--format", "csv").output)
    assert [r["player"] for r in rows] == ["Federico Chiesa"]
    assert rows[0]["first_outlet"] == "'" + FORMULA_OUTLET.lower()
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row.values())


@pytest.mark.usefixtures("formula_store")
def test_outlets_csv_disarms_a_formula_outlet(cli: Callable[..., Result]) -> None:
    rows = csv_rows(cli("outlets", "--format", "csv").output)
    assert [r["outlet"] for r in rows] == ["'" + FORMULA_OUTLET.lower()]
    assert rows[0]["reports"] == "1"  # numbers are left as they are
