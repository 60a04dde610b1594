"""Clean shutdowns: SIGTERM during each scheduled job stops within 30 s with its outcome recorded; a rebuild keeps
the old deals visible until the new ones are complete; a store deleted under the scheduler stops it."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from aggregator.aggregate import aggregate
from aggregator.crawl import REPO_ROOT
from aggregator.store import Store
from bench.synthetic import articles

pytestmark = pytest.mark.slow

SCHEDULER = textwrap.dedent(
    """
    import sys, time
    from datetime import datetime, timezone
    from aggregator.config import Config
    from aggregator.scheduler import JOB_DIGEST, JobFunctions, RumoursScheduler, default_aggregate

    job = sys.argv[2]

    def say(name):  # one write per line: the jobs run on two threads
        if name == job:
            sys.stdout.write(f"in {name}\\n")
            sys.stdout.flush()

    def crawl(config, stop):
        say("crawl")
        if job == "crawl":
            while not stop.wait(0.1):
                pass

    def aggregate(store, stop):
        say("aggregate")
        return default_aggregate(store, stop)

    def digest(store, config, now):
        say("digest")
        time.sleep(3)  # a digest is not interruptible; it is short
        return []

    sched = RumoursScheduler(Config(db_path=sys.argv[1], log_file=None),
                             jobs=JobFunctions(crawl=crawl, aggregate=aggregate, digest=digest))
    if job == "digest":
        sched.configure = lambda: (RumoursScheduler.configure(sched),
                                   sched.scheduler.modify_job(JOB_DIGEST, next_run_time=datetime.now(timezone.utc)))
    code = sched.run_forever()
    print(f"stopped with {code}", flush=True)
    sys.exit(code)
    """
)


def _filled(db: Path, count: int) -> None:
    with Store(db) as store, store.transaction():
        for article in articles(count):
            store.upsert_article(article)


def _start(db: Path, job: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", SCHEDULER, str(db), job],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _status(db: Path, job_id: str) -> str | None:
    conn = sqlite3.connect(db)
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", [f"schedule.{job_id}.last_status"]).fetchone()
    finally:
        conn.close()
    return row[0] if row else None


@pytest.mark.parametrize(
    ("job", "size", "status"),
    [
        ("crawl", 0, "stopped: shutting down after the crawl, before aggregate"),
        ("aggregate", 12000, "stopped: shutting down during aggregate (finished batches kept)"),
        ("digest", 0, "ok"),
    ],
)
def test_sigterm_during_each_job_stops_within_30_seconds(tmp_path: Path, job: str, size: int, status: str) -> None:
    db = tmp_path / "r.db"
    _filled(db, size)
    proc = _start(db, job)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if line.strip() != f"in {job}":
            proc.kill()
            pytest.fail(f"the {job} job never started: {line!r} {proc.communicate()}")
        time.sleep(1.0)
        proc.send_signal(signal.SIGTERM)
        started = time.monotonic()
        out, err = proc.communicate(timeout=30)
        assert time.monotonic() - started < 30
    finally:
        proc.kill()
        proc.communicate()
    assert proc.returncode == 0, err
    assert "stopped with 0" in out
    job_id = "daily-digest" if job == "digest" else "crawl-and-aggregate"
    assert _status(db, job_id) == status
    if job == "aggregate":
        conn = sqlite3.connect(db)
        extracted = conn.execute("SELECT COUNT(*) FROM reports WHERE extracted_version IS NOT NULL").fetchone()[0]
        total = conn.execute("SELECT COUNT(*) FROM reports").fetchone()[0]
        conn.close()
        assert extracted % 1000 == 0 and extracted < total  # stopped at a batch boundary, the batches done kept


def test_a_store_deleted_under_the_scheduler_stops_it_and_is_not_recreated(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    _filled(db, 10)
    proc = _start(db, "crawl")
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "in crawl"
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        _, err = proc.communicate(timeout=30)  # no signal: the scheduler notices by itself and stops the crawl
    finally:
        proc.kill()
        proc.communicate()
    assert proc.returncode == 1
    assert "was deleted or replaced while the scheduler ran" in err
    assert not db.exists()


def test_readers_see_the_old_deals_for_the_whole_rebuild(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    _filled(db, 6000)
    with Store(db) as store:
        aggregate(store, workers=0)
        before = store.db.execute("SELECT COUNT(*) FROM deals").fetchone()[0]
    assert before > 0
    seen: list[int] = []
    done = threading.Event()

    def read() -> None:
        conn = sqlite3.connect(db)
        while not done.is_set():
            seen.append(conn.execute("SELECT COUNT(*) FROM deals").fetchone()[0])
            time.sleep(0.05)
        conn.close()

    reader = threading.Thread(target=read)
    reader.start()
    try:
        run = subprocess.run(
            [sys.executable, "-m", "aggregator", "--db", str(db), "aggregate", "--rebuild"],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            timeout=600,
        )
    finally:
        done.set()
        reader.join()
    assert run.returncode == 0, run.stderr
    assert len(seen) > 20  # the reader really read during the rebuild
    assert min(seen) == before  # never an empty or half-built table


def test_a_rebuild_asked_to_stop_keeps_every_old_claim_and_deal(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    _filled(db, 2500)
    with Store(db) as store:
        aggregate(store, workers=0)
        deals = store.db.execute("SELECT * FROM deals ORDER BY id").fetchall()
        claims = store.db.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
        polls = iter(range(100))
        result = aggregate(store, rebuild=True, workers=0, stop=lambda: next(polls) >= 1)
        assert result.stopped and not result.rebuilt
        assert store.db.execute("SELECT * FROM deals ORDER BY id").fetchall() == deals
        assert store.db.execute("SELECT COUNT(*) FROM claims").fetchone()[0] == claims
        assert store.db.execute("SELECT COUNT(*) FROM reports WHERE extracted_version IS NULL").fetchone()[0] == 0
