"""A full disk or a read-only store file ends a command with one line on stderr and exit 1, nothing half-written."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from aggregator import store as store_module
from tests.conftest import jsonl
from tests.readonly_helpers import read_only_wrap

STORY = "Arsenal have opened talks with Juventus over a move for Federico Chiesa, according to Sky Sports News. "
FIRST = [{"url": "https://x.com/first", "text": STORY, "published_at": "2024-06-01"}]
MANY = [{"url": f"https://x.com/{n}", "text": STORY * 40, "published_at": "2024-06-02"} for n in range(200)]


@pytest.fixture
def disk_nearly_full(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on every store the CLI opens may grow by two pages only (SQLite's max_page_count): the next large
    write finds the disk full, as on a real full disk."""
    real_connect = store_module.connect

    def connect(path: str | Path, **options: Any) -> Any:
        db = real_connect(path, **options)
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages + 2}")
        return db

    monkeypatch.setattr(store_module, "connect", connect)


def rows(db_path: Path, table: str) -> int:
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def assert_one_clear_line(result: Result, words: str) -> None:
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and words in lines[0], result.stderr


def test_import_onto_a_full_disk_is_one_line_and_keeps_the_store(
    cli: Callable[..., Result], db_path: Path, request: pytest.FixtureRequest
) -> None:
    cli("import", "-", input=jsonl(FIRST))
    request.getfixturevalue("disk_nearly_full")
    result = cli("import", "-", input=jsonl(MANY), expect=None)
    assert_one_clear_line(result, "the disk is full")
    assert "rolled back" in result.stderr
    assert rows(db_path, "articles") == 1  # the batch in progress left nothing behind


def test_aggregate_onto_a_full_disk_is_one_line_and_writes_no_deal(
    cli: Callable[..., Result], db_path: Path, request: pytest.FixtureRequest
) -> None:
    cli("import", "-", input=jsonl(FIRST + MANY[:40]))
    request.getfixturevalue("disk_nearly_full")
    result = cli("aggregate", expect=None)
    assert_one_clear_line(result, "the disk is full")
    assert rows(db_path, "deals") == 0 and rows(db_path, "claims") == 0


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to a read-only file anyway")
def test_import_into_a_read_only_store_file_is_one_line(cli: Callable[..., Result], db_path: Path) -> None:
    cli("import", "-", input=jsonl(FIRST))
    db_path.chmod(0o444)
    try:
        result = cli("import", "-", input=jsonl(MANY[:3]), expect=None)
    finally:
        db_path.chmod(0o644)
    assert_one_clear_line(result, "read-only")
    assert rows(db_path, "articles") == 1


@pytest.mark.parametrize("args", [["import", "-"], ["aggregate", "--rebuild"]])
def test_writing_to_a_store_file_on_read_only_media_is_one_line(
    cli: Callable[..., Result], db_path: Path, args: list[str]
) -> None:
    """The folder stays writable (WAL's files can be made), the store file itself is read-only: the write fails
    half-way, after the store opened."""
    cli("import", "-", input=jsonl(FIRST))
    cli("aggregate")
    wrap = read_only_wrap(db_path)
    if wrap is None:
        pytest.skip("needs `unshare` with mount namespaces")
    argv = wrap([sys.executable, "-m", "aggregator", "--db", str(db_path), *args])
    done = subprocess.run(argv, input=jsonl(MANY[:3]), capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert "the store is read-only (attempt to write a readonly database)" in done.stderr
    assert rows(db_path, "articles") == 1 and rows(db_path, "deals") == 1
