"""A store on read-only media: every command that only reads works (serve too); writing ones fail in one line."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from aggregator.cli import main
from aggregator.processes import stop_process
from tests.conftest import jsonl
from tests.readonly_helpers import Wrap, read_only_wrap
from tests.serve_helpers import free_port

STORY = {
    "url": "https://www.skysports.com/football/news/chiesa-arsenal",
    "published_at": "2024-06-01T08:00:00+00:00",
    "language": "en",
    "title": "Arsenal in talks with Juventus over Federico Chiesa",
    "text": "Arsenal have opened talks with Juventus over a move for Federico Chiesa, according to Sky Sports News.",
}
# Commands that only read, and what each must print.
READERS = [
    (["deals", "--format", "jsonl"], '"player": "Federico Chiesa"'),
    (["outlets", "--format", "csv"], "skysports.com,1,1,1"),
    (["first", "Chiesa"], "broken by skysports.com"),
    (["explain", STORY["url"]], "Federico Chiesa"),
    (["health", "--json"], '"outlet": "skysports.com"'),
    (["status", "--json"], '"articles": 1'),
    (["digest", "--date", "2024-06-01", "--format", "json"], '"player": "Federico Chiesa"'),
]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A store with one deal, filled through the CLI while its folder is writable."""
    path = tmp_path / "store" / "rumours.db"
    for args, stdin in ((["import", "-"], jsonl([STORY])), (["aggregate"], None)):
        result = CliRunner().invoke(main, ["--db", str(path), *args], input=stdin, catch_exceptions=False)
        assert result.exit_code == 0, result.output
    left = sorted(p.name for p in path.parent.iterdir() if not p.name.endswith(".lock"))  # writer locks stay
    assert left == ["rumours.db"]  # closed: no -wal or -shm left
    return path


@pytest.fixture(params=["read-only file system", "read-only folder and file"])
def read_only(request: pytest.FixtureRequest, db: Path) -> Iterator[Wrap]:
    """How to run a command while the store's folder cannot be written."""
    folder = db.parent
    if request.param == "read-only file system":
        wrap = read_only_wrap(folder)
        if wrap is None:
            pytest.skip("needs `unshare` with mount namespaces")
        yield wrap
        return
    if os.geteuid() == 0:
        pytest.skip("root writes to a read-only folder anyway")
    db.chmod(0o444)
    folder.chmod(0o555)
    try:
        yield lambda argv: argv
    finally:
        folder.chmod(0o755)
        db.chmod(0o644)


def snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def rumours_argv(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "aggregator", "--db", str(db), *args]


def run(wrap: Wrap, db: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        wrap(rumours_argv(db, *args)), cwd=db.parent.parent, input=stdin, capture_output=True, text=True, timeout=120
    )


def test_commands_that_only_read_work_on_a_read_only_store(read_only: Wrap, db: Path) -> None:
    before = snapshot(db.parent)
    for args, expected in READERS:
        done = run(read_only, db, *args)
        assert done.returncode == 0, (args, done.stderr)
        assert expected in done.stdout, (args, done.stdout)
    assert snapshot(db.parent) == before


@pytest.mark.parametrize(
    ("args", "stdin"),
    [(["import", "-"], jsonl([{**STORY, "url": "https://x.com/new"}])), (["aggregate", "--rebuild"], "")],
)
def test_commands_that_write_fail_in_one_line_on_a_read_only_store(
    read_only: Wrap, db: Path, args: list[str], stdin: str
) -> None:
    before = snapshot(db.parent)
    done = run(read_only, db, *args, stdin=stdin)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [done.stderr.strip()]
    assert "read-only" in done.stderr and "Traceback" not in done.stderr
    assert snapshot(db.parent) == before


def test_serve_browses_a_read_only_store(read_only: Wrap, db: Path) -> None:
    port = free_port()
    argv = read_only(rumours_argv(db, "serve", "--port", str(port), "--digest-dir", str(db.parent)))
    proc = subprocess.Popen(argv, cwd=db.parent.parent, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                url = f"http://127.0.0.1:{port}/rumours/deals.json?_shape=array"
                with urllib.request.urlopen(url, timeout=5) as resp:
                    deals = json.load(resp)
                break
            except OSError:
                assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
                assert time.monotonic() < deadline, "rumours serve did not answer"
                time.sleep(0.2)
    finally:
        stop_process(proc)
        if proc.stderr:
            proc.stderr.close()
    assert [d["player"] for d in deals] == ["Federico Chiesa"]
