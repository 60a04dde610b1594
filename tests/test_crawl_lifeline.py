"""A crawl whose `rumours crawl` is killed -9 closes itself: its run is recorded interrupted, it crawls no further."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from aggregator.crawl import REPO_ROOT
from spiders.recorded_server import RecordedServer, serve_in_thread
from tests.spiders.crawl_helpers import fast_settings, mirror_with_clones, rows

pytestmark = pytest.mark.slow
CLONES = 60
DELAY = 0.5  # seconds between requests: the whole crawl would take over 30 s


@pytest.fixture()
def server() -> Iterator[RecordedServer]:
    srv = serve_in_thread(mirror_with_clones(CLONES, 30000000))
    yield srv
    srv.stop()


def children(pid: int) -> list[int]:
    """Child processes of every thread of ``pid`` (crawls are started from worker threads)."""
    found = []
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as f:
            found += [int(p) for p in f.read().split()]
    return found


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            return f.read().split(") ", 1)[1][0] != "Z"
    except FileNotFoundError:
        return False


def count(db: Path, sql: str) -> int:
    with contextlib.suppress(sqlite3.OperationalError), sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return int(conn.execute(sql).fetchone()[0])
    return 0


def test_killing_rumours_crawl_ends_its_crawl_process_and_records_the_run_interrupted(
    tmp_path: Path, server: RecordedServer
) -> None:
    db = tmp_path / "r.db"
    settings = fast_settings(server, CONCURRENT_REQUESTS=1, DOWNLOAD_DELAY=DELAY)
    argv = [sys.executable, "-m", "aggregator", "--db", str(db), "crawl", "mirror"]
    argv += [arg for name, value in settings.items() for arg in ("-s", f"{name}={value}")]
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    parent = subprocess.Popen(argv, cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    crawler: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while count(db, "SELECT COUNT(*) FROM articles") < 2:  # the crawl is storing articles
            assert parent.poll() is None and time.monotonic() < deadline, "the crawl never got going"
            time.sleep(0.05)
        crawler = children(parent.pid)
        assert len(crawler) == 1
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=10)
        killed_at = time.monotonic()
        while alive(crawler[0]) and time.monotonic() - killed_at < 20:
            time.sleep(0.1)
        assert not alive(crawler[0]), "the crawl went on after its rumours process was killed"
    finally:
        for pid in crawler:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
    stored = count(db, "SELECT COUNT(*) FROM articles")
    assert stored < CLONES  # it stopped early, not at the end of the outlet
    assert rows(db, "SELECT spider, status FROM crawl_runs") == [("mirror", "interrupted")]
    time.sleep(2 * DELAY)
    assert count(db, "SELECT COUNT(*) FROM articles") == stored
