"""One writer at a time: a second aggregate, scheduler or crawl of an outlet on one store waits or says who holds it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from aggregator.aggregate import aggregate
from aggregator.crawl import REPO_ROOT, run_crawl
from aggregator.locks import StoreBusy, StoreLock
from aggregator.store import Store
from bench.synthetic import articles

RUMOURS = [sys.executable, "-m", "aggregator"]

HOLDER = textwrap.dedent(
    """
    import sys, time
    from aggregator.locks import StoreLock
    lock = StoreLock(sys.argv[1], sys.argv[2])
    lock.acquire()
    print("held", flush=True)
    time.sleep(600)
    """
)


def _filled(db: Path, count: int) -> None:
    with Store(db) as store, store.transaction():
        for article in articles(count):
            store.upsert_article(article)


def _hold(db: Path, name: str) -> subprocess.Popen[str]:
    """Another process holding ``name`` on the store, as a running aggregate or scheduler does."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db), name], cwd=REPO_ROOT, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "held"
    return proc


def _stop(proc: subprocess.Popen[str]) -> None:
    proc.kill()
    proc.wait()
    if proc.stdout is not None:
        proc.stdout.close()


def _deals(db: Path) -> list[tuple[object, ...]]:
    with Store(db) as store:
        return store.db.execute(
            """SELECT d.id, d.player_key, d.from_club, d.to_club, d.stage, d.reports, d.outlets, d.fee_eur, d.status,
                 (SELECT a.outlet_id FROM claims c JOIN reports r ON r.id = c.report_id
                  JOIN articles a ON a.id = r.article_id WHERE c.id = d.first_claim_id) AS first_outlet
               FROM deals d ORDER BY d.id"""
        ).fetchall()


def test_a_second_aggregate_exits_at_once_naming_the_holder(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    _filled(db, 40)
    holder = _hold(db, "aggregate")
    try:
        run = subprocess.run(
            [*RUMOURS, "--db", str(db), "aggregate"], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120
        )
    finally:
        _stop(holder)
    assert run.returncode == 75
    assert "another aggregate holds the store since 20" in run.stderr
    assert f"pid {holder.pid}" in run.stderr
    assert "Traceback" not in run.stderr
    with Store(db) as store:  # nothing was extracted behind the holder's back
        assert store.db.execute("SELECT COUNT(*) FROM claims").fetchone()[0] == 0


def test_a_lock_left_by_a_killed_aggregate_is_taken_over(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    _filled(db, 40)
    holder = _hold(db, "aggregate")
    holder.send_signal(signal.SIGKILL)  # as kill -9 would: no chance to release the lock
    _stop(holder)
    run = subprocess.run(
        [*RUMOURS, "--db", str(db), "aggregate"], cwd=REPO_ROOT, capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stderr
    assert "taken over" in run.stderr
    assert _deals(db)


@pytest.mark.slow
def test_two_aggregates_at_once_give_the_deals_of_one(tmp_path: Path) -> None:
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    for db in (one, two):
        _filled(db, 1500)
    with Store(one) as store:
        aggregate(store, workers=0)
    runs = [
        subprocess.Popen(
            [*RUMOURS, "--db", str(two), "aggregate", "--wait", "300"],
            cwd=REPO_ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=600) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    extracted = sorted(int(out.split("extracted ")[1].split()[0]) for out, _ in outputs)
    assert extracted[0] == 0 and extracted[1] > 0  # the second waited, then found nothing left to do
    assert _deals(two) == _deals(one)


def test_the_store_lock_is_a_no_op_in_memory_and_exclusive_on_a_file(tmp_path: Path) -> None:
    with StoreLock(":memory:", "aggregate"), StoreLock(":memory:", "aggregate"):
        pass
    db = tmp_path / "r.db"
    with StoreLock(db, "aggregate"):
        with pytest.raises(StoreBusy, match=r"another aggregate holds the store since .*, pid \d+"):
            StoreLock(db, "aggregate").acquire()
        with StoreLock(db, "crawl-bbc"):  # other locks are independent
            pass
    with StoreLock(db, "aggregate"):
        pass


def test_a_crawl_of_an_outlet_being_crawled_is_skipped_with_the_reason(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    Store(db).close()
    with StoreLock(db, "crawl-bbc"):
        result = run_crawl("bbc", db, timeout=60)
    assert not result.ok
    assert result.reason is not None
    assert result.reason.startswith("skipped: another crawl of bbc holds the store since")
    assert result.requests == 0
    with Store(db) as store:  # no crawl process started: no run recorded
        assert store.db.execute("SELECT COUNT(*) FROM crawl_runs").fetchone()[0] == 0


def test_a_second_scheduler_on_one_store_refuses_to_start(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    Store(db).close()
    holder = _hold(db, "schedule")
    try:
        run = subprocess.run(
            [*RUMOURS, "--db", str(db), "schedule"],
            cwd=REPO_ROOT,
            env={**os.environ, "RUMOURS_LOG_FILE": "off"},
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        _stop(holder)
    assert run.returncode == 75
    assert "another schedule holds the store since" in run.stderr
    assert f"pid {holder.pid}" in run.stderr
    with Store(db) as store:
        assert store.db.execute("SELECT COUNT(*) FROM crawl_runs").fetchone()[0] == 0


def test_an_aggregate_run_in_process_meets_the_same_lock(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    _filled(db, 20)
    with StoreLock(db, "aggregate"), Store(db) as store:
        with pytest.raises(StoreBusy):
            aggregate(store, workers=0)
        assert os.path.exists(str(db) + ".aggregate.lock")
    with Store(db) as store:
        started = time.monotonic()
        assert aggregate(store, workers=0, wait=5).reports_extracted == 20
        assert time.monotonic() - started < 60
