"""The worker processes of a parallel aggregate: killed with SIGKILL, the aggregate leaves none behind; a worker
killed under it costs it nothing."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from aggregator.aggregate import aggregate
from aggregator.queries import iter_deals
from aggregator.store import Store
from bench.synthetic import articles

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table from /proc"),
]
REPORTS = 3_000  # enough that the workers are still analysing when the aggregate is killed
GONE_WITHIN = 20.0  # seconds


def process_table() -> dict[int, tuple[int, str, str]]:
    """pid -> (parent pid, state, start time) of every process, from /proc/<pid>/stat."""
    table = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        with contextlib.suppress(OSError):
            stat = Path(f"/proc/{entry}/stat").read_text()
            fields = stat[stat.rindex(")") + 2 :].split()  # after "pid (command) "
            table[int(entry)] = (int(fields[1]), fields[0], fields[19])
    return table


def descendants(root: int) -> dict[int, int]:
    """Every live descendant of ``root``: pid -> depth (1: a child)."""
    table = process_table()
    found: dict[int, int] = {}
    frontier, depth = {root}, 0
    while frontier:
        depth += 1
        frontier = {pid for pid, (ppid, state, _) in table.items() if ppid in frontier and state != "Z"} - found.keys()
        found.update(dict.fromkeys(frontier, depth))
    return found


def still_running(snapshot: dict[int, str]) -> list[int]:
    """The processes of ``snapshot`` (pid -> start time) still alive: same pid, same start, not a zombie."""
    table = process_table()
    return [pid for pid, start in snapshot.items() if pid in table and table[pid][2] == start and table[pid][1] != "Z"]


@pytest.fixture
def backlog(tmp_path: Path) -> Path:
    db = tmp_path / "rumours.db"
    with Store(db) as store, store.transaction():
        for article in articles(REPORTS, seed=3):
            store.upsert_article(article)
    return db


def parallel_aggregate(db: Path) -> subprocess.Popen[bytes]:
    argv = [sys.executable, "-m", "aggregator", "--db", str(db), "aggregate", "--workers", "2"]
    return subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def workers_of(proc: subprocess.Popen[bytes]) -> dict[int, str]:
    """Wait until two analysis workers run under ``proc``; every descendant of it then: pid -> start time."""
    deadline = time.monotonic() + 120
    # The workers are the forkserver's children, so grandchildren of the aggregate.
    while sum(1 for depth in descendants(proc.pid).values() if depth >= 2) < 2:
        assert proc.poll() is None, "the aggregate ended before its workers were seen"
        assert time.monotonic() < deadline, f"no two workers under the aggregate: {descendants(proc.pid)}"
        time.sleep(0.05)
    table = process_table()
    return {pid: table[pid][2] for pid in descendants(proc.pid) if pid in table}


def cleaned_up(proc: subprocess.Popen[bytes], snapshot: dict[int, str]) -> None:
    if proc.poll() is None:
        proc.kill()
        proc.wait()
    for pid in still_running(snapshot):  # only the processes this test started
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def test_killing_a_parallel_aggregate_ends_its_worker_processes(backlog: Path) -> None:
    proc = parallel_aggregate(backlog)
    snapshot: dict[int, str] = {}
    try:
        snapshot = workers_of(proc)
        assert proc.poll() is None, "the aggregate finished before it could be killed"

        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)

        deadline = time.monotonic() + GONE_WITHIN
        while still_running(snapshot) and time.monotonic() < deadline:
            time.sleep(0.2)
        left = {pid: Path(f"/proc/{pid}/cmdline").read_bytes()[:200] for pid in still_running(snapshot)}
        assert not left, f"still running {GONE_WITHIN} s after the aggregate was killed: {left}"
    finally:
        cleaned_up(proc, snapshot)


def test_a_killed_worker_costs_the_aggregate_nothing(backlog: Path, tmp_path: Path) -> None:
    inline_db = tmp_path / "inline.db"
    inline_db.write_bytes(backlog.read_bytes())
    proc = parallel_aggregate(backlog)
    snapshot: dict[int, str] = {}
    try:
        snapshot = workers_of(proc)
        victim = max(pid for pid, depth in descendants(proc.pid).items() if depth >= 2)
        os.kill(victim, signal.SIGKILL)
        assert proc.wait(timeout=600) == 0
    finally:
        cleaned_up(proc, snapshot)
    with Store(backlog) as pooled, Store(inline_db) as inline:
        assert pooled.db.execute("SELECT COUNT(*) FROM reports WHERE extracted_version IS NULL").fetchone()[0] == 0
        assert pooled.counts()["failed_reports"] == 0
        aggregate(inline, workers=0)
        expected = sorted(iter_deals(inline), key=lambda d: d["deal_id"])
        assert sorted(iter_deals(pooled), key=lambda d: d["deal_id"]) == expected
