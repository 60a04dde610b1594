"""`rumours import`: idempotent upserts, every kind of bad line reported and skipped, non-UTF-8 refused."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from aggregator import importer
from tests.conftest import jsonl

GOOD = [
    {
        "url": "https://www.bbc.com/sport/football/1?at_medium=RSS",
        "text": "Arsenal agree fee for Declan Rice.",
        "title": "Rice deal agreed",
        "published_at": "2023-06-28T19:00:00+01:00",
        "language": "en",
    },
    {
        "url": "https://www.kicker.de/2",
        "body": "Der Wechsel von Itakura ist perfekt.",
        "published_at": "2022-07-02",
    },
]


def dump(db_path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            "SELECT url, outlet_id, title, body, language, published_at, content_hash FROM articles ORDER BY url"
        ).fetchall()


def test_import_twice_changes_nothing(cli: Callable[..., Result], db_path: Path, tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(jsonl(GOOD), encoding="utf-8")
    first = cli("import", str(source))
    assert "imported 2, updated 0" in first.output
    before = dump(db_path)
    second = cli("import", str(source))
    assert "imported 0, updated 0, unchanged 2, skipped 0" in second.output
    assert dump(db_path) == before


def test_import_fields_urls_dates_and_outlet_default(cli: Callable[..., Result], db_path: Path) -> None:
    cli("import", "-", input=jsonl(GOOD))
    rows = dump(db_path)
    assert rows[0][:2] == ("https://www.bbc.com/sport/football/1", "bbc.com")
    assert rows[0][5] == "2023-06-28T18:00:00+00:00"  # offset converted to UTC
    assert rows[1][5] == "2022-07-02T00:00:00+00:00"  # a bare date is UTC midnight
    assert rows[1][3] == "Der Wechsel von Itakura ist perfekt."  # `body` is an alias of `text`


def test_each_bad_line_is_reported_with_its_number(cli: Callable[..., Result], db_path: Path) -> None:
    lines = (
        jsonl(GOOD[:1])
        + "\n".join(
            [
                "{not json",
                '{"text": "no url here"}',
                '{"url": "https://x.com/a"}',
                '{"url": "https://x.com/b", "text": "   "}',
                '{"url": "https://x.com/c", "text": "t", "published_at": "last tuesday"}',
                '{"url": "ftp://x.com/d", "text": "t"}',
                "[1, 2]",
            ]
        )
        + "\n"
        + jsonl(GOOD[1:])
    )
    result = cli("import", "-", input=lines)
    assert "imported 2, updated 0, unchanged 0, skipped 7" in result.output
    for number, reason in [
        (2, "not JSON"),
        (3, "no url"),
        (4, "no text"),
        (5, "no text"),
        (6, "not a date"),
        (7, "http"),
        (8, "not a JSON object"),
    ]:
        assert f"line {number}: skipped: " in result.output
        assert reason in result.output.split(f"line {number}: skipped: ")[1].splitlines()[0]
    assert len(dump(db_path)) == 2


def test_non_utf8_file_is_a_clear_error_and_keeps_the_store(
    cli: Callable[..., Result], db_path: Path, tmp_path: Path
) -> None:
    cli("import", "-", input=jsonl(GOOD))
    latin1 = tmp_path / "latin1.jsonl"
    latin1.write_bytes(
        jsonl([{"url": "https://x.com/z", "text": "ok"}]).encode()
        + '{"url": "https://x.com/ü", "text": "Müller"}\n'.encode("latin-1")
    )
    result = cli("import", str(latin1), expect=1)
    assert "not UTF-8" in result.output and "line 2" in result.output
    assert "Traceback" not in result.output
    assert len(dump(db_path)) == 2  # nothing lost, nothing half-imported


def test_bom_and_blank_lines_are_fine(cli: Callable[..., Result], db_path: Path) -> None:
    result = cli("import", "-", input="\ufeff" + jsonl(GOOD[:1]) + "\n\n")
    assert "imported 1" in result.output and "skipped 0" in result.output


def test_missing_file_is_a_usage_error(cli: Callable[..., Result], tmp_path: Path) -> None:
    result = cli("import", str(tmp_path / "nope.jsonl"), expect=2)
    assert "No such file" in result.output


def test_a_deeply_nested_line_costs_that_line_only(cli: Callable[..., Result], db_path: Path) -> None:
    nested = '{"a": ' * 100_000 + "1" + "}" * 100_000
    deep_object = '{"url": "https://x.com/deep", "text": "t", "extra": ' + nested + "}"
    lines = jsonl(GOOD[:1]) + "[" * 100_000 + "\n" + deep_object + "\n" + jsonl(GOOD[1:])
    started = time.monotonic()
    result = cli("import", "-", input=lines)
    assert time.monotonic() - started < 20
    assert "imported 2, updated 0, unchanged 0, skipped 2" in result.output
    assert "line 2: skipped: JSON nested too deeply" in result.output
    assert "line 3: skipped: JSON nested too deeply" in result.output
    assert [row[0] for row in dump(db_path)] == ["https://www.bbc.com/sport/football/1", "https://www.kicker.de/2"]


def test_brackets_inside_strings_are_text_not_nesting(cli: Callable[..., Result], db_path: Path) -> None:
    text = "Rice [" * 1000 + ' a "quoted [[[ \\" {{{'
    result = cli("import", "-", input=jsonl([{"url": "https://x.com/brackets", "text": text}]))
    assert "imported 1" in result.output and "skipped 0" in result.output


def test_an_unexpected_error_on_a_line_costs_that_line_only(
    cli: Callable[..., Result], db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the nesting cap out of the way, json.loads itself raises RecursionError: still one skipped line."""
    monkeypatch.setattr(importer, "MAX_JSON_DEPTH", 10**9, raising=False)
    result = cli("import", "-", input=jsonl(GOOD[:1]) + "[" * 200_000 + "\n" + jsonl(GOOD[1:]))
    assert "imported 2, updated 0, unchanged 0, skipped 1" in result.output
    assert "line 2: skipped: unexpected error (RecursionError" in result.output
    assert len(dump(db_path)) == 2


def _report_dates(db_path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            """SELECT a.url, r.published_at, r.date_source, r.date_precision FROM reports r
               JOIN articles a ON a.id = r.article_id ORDER BY a.url"""
        ).fetchall()


MONTH_ONLY = {
    "url": "https://www.example-sport.co.uk/football/ortega-month",
    "text": "Arsenal are in talks with Brighton over midfielder Jamal Ortega.",
    "published_at": "2025-07",
}


def test_a_date_known_only_to_the_month_is_imported_as_such(cli: Callable[..., Result], db_path: Path) -> None:
    day = {
        "url": "https://www.example-sport.co.uk/football/ortega-day",
        "text": "Arsenal have made a bid for Brighton midfielder Jamal Ortega.",
        "published_at": "2025-07-14T08:00:00Z",
    }
    result = cli("import", "-", input=jsonl([MONTH_ONLY, day]))
    assert "imported 2" in result.output
    assert _report_dates(db_path) == [
        (day["url"], "2025-07-14T08:00:00+00:00", "given", "day"),
        (MONTH_ONLY["url"], "2025-07-01T00:00:00+00:00", "given", "month"),
    ]
    cli("aggregate")
    first = cli("first", "Jamal Ortega").output
    assert "2025-07 (month)" in first
    broke = json.loads(cli("first", "Jamal Ortega", "--format", "json").output)
    assert broke[0]["first_reported"]["url"] == day["url"]  # the month-only report is never first


def test_a_day_in_that_month_replaces_a_month_only_date_and_not_the_other_way(
    cli: Callable[..., Result], db_path: Path
) -> None:
    cli("import", "-", input=jsonl([MONTH_ONLY]))
    dated = dict(MONTH_ONLY, published_at="2025-07-20")
    assert "updated 1" in cli("import", "-", input=jsonl([dated])).output
    assert _report_dates(db_path)[0][1:] == ("2025-07-20T00:00:00+00:00", "given", "day")
    assert "unchanged 1" in cli("import", "-", input=jsonl([MONTH_ONLY])).output
    assert _report_dates(db_path)[0][1:] == ("2025-07-20T00:00:00+00:00", "given", "day")


def test_a_date_precision_field_says_how_much_of_the_date_is_known(cli: Callable[..., Result], db_path: Path) -> None:
    lines = [
        dict(MONTH_ONLY, published_at="2025-07-09", date_precision="month"),
        dict(MONTH_ONLY, url="https://www.example-sport.co.uk/football/ortega-week", date_precision="week"),
    ]
    result = cli("import", "-", input=jsonl(lines))
    assert "line 2: skipped: date_precision must be one of day, month: 'week'" in result.output
    assert _report_dates(db_path) == [(MONTH_ONLY["url"], "2025-07-01T00:00:00+00:00", "given", "month")]
