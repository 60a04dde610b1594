"""`rumours digest`: -o takes its format from the file's extension, and a digest of another day says "on D"."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from tests.conftest import jsonl

DAY = "2024-06-03"
STORIES = [
    {
        "url": "https://www.bild.de/sport/kane-bayern",
        "title": "Kane-Poker",
        "text": "Bayern Munich are in talks with Tottenham Hotspur over Harry Kane, with a bid of €100m planned.",
        "published_at": f"{DAY}T08:00:00Z",
    },
    {
        "url": "https://www.theguardian.com/football/kane",
        "title": "Spurs reject Bayern bid",
        "text": "Tottenham Hotspur have rejected a €100m bid from Bayern Munich for Harry Kane, according to Bild.",
        "published_at": f"{DAY}T10:00:00Z",
    },
]


@pytest.fixture
def stored(cli: Callable[..., Result]) -> Callable[..., Result]:
    cli("import", "-", input=jsonl(STORIES))
    cli("aggregate")
    return cli


def _is_md(text: str) -> bool:
    return text.startswith(f"# Transfer digest — {DAY}")


def _is_html(text: str) -> bool:
    return text.startswith("<!DOCTYPE html>")


def _is_json(text: str) -> bool:
    return bool(json.loads(text)["date"] == DAY)


def _is_atom(text: str) -> bool:
    return ET.fromstring(text.encode()).tag == "{http://www.w3.org/2005/Atom}feed"


def _is_csv(text: str) -> bool:
    return next(csv.reader(io.StringIO(text)))[:2] == ["rank", "deal_id"]


IS = {"md": _is_md, "html": _is_html, "json": _is_json, "atom": _is_atom, "csv": _is_csv}


@pytest.mark.parametrize("name", ["d.md", "d.html", "d.json", "d.atom", "d.csv", "D.HTML"])
def test_the_output_extension_names_the_format(stored: Callable[..., Result], tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    stored("digest", "--date", DAY, "-o", str(target))
    assert IS[target.suffix.lower().lstrip(".")](target.read_text(encoding="utf-8"))


def test_format_wins_over_the_extension(stored: Callable[..., Result], tmp_path: Path) -> None:
    target = tmp_path / "digest.html"
    stored("digest", "--date", DAY, "--format", "json", "-o", str(target))
    assert _is_json(target.read_text(encoding="utf-8"))
    assert _is_md(stored("digest", "--date", DAY).stdout)  # no file, no format: Markdown


def test_an_unknown_extension_without_format_is_a_one_line_error(stored: Callable[..., Result], tmp_path: Path) -> None:
    target = tmp_path / "digest.txt"
    refused = stored("digest", "--date", DAY, "-o", str(target), expect=1)
    assert refused.stderr.splitlines() == [
        f"Error: cannot tell the format from '{target}': name it .md .html .json .atom .csv or give --format"
    ]
    assert not target.exists()
    stored("digest", "--date", DAY, "--format", "md", "-o", str(target))  # with --format any name will do
    assert _is_md(target.read_text(encoding="utf-8"))


@pytest.mark.parametrize("fmt", ["md", "html", "atom"])
def test_a_digest_of_another_day_says_on_that_day(stored: Callable[..., Result], tmp_path: Path, fmt: str) -> None:
    text = stored("digest", "--date", DAY, "--format", fmt).stdout
    assert f"with news on {DAY}" in text
    assert "today" not in text
    written = stored("digest", "--date", DAY, "-o", str(tmp_path / f"d.{fmt}"))
    assert written.stderr.startswith(f"1 deal with news on {DAY} written to ")


def test_todays_digest_says_today(cli: Callable[..., Result]) -> None:
    cli("import", "-", input=jsonl([{k: v for k, v in s.items() if k != "published_at"} for s in STORIES]))
    cli("aggregate")  # undated reports first seen today: today's news
    text = cli("digest").stdout
    assert "1 deal with news today" in text and " on 20" not in text


def test_a_path_no_file_can_be_written_to_says_so_before_the_extension(
    stored: Callable[..., Result], tmp_path: Path
) -> None:
    (tmp_path / "folder").mkdir()
    refused = stored("digest", "--date", DAY, "-o", str(tmp_path / "folder"), expect=1)
    assert "is a directory" in refused.stderr
