"""The schedule: no overlapping crawls, one catch-up after downtime, late runs within the grace, clean SIGTERM."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from apscheduler.events import EVENT_JOB_MISSED

from aggregator.config import Config, ConfigError, load_config
from aggregator.scheduler import JOB_CRAWL, JOB_DIGEST, JobFunctions, RumoursScheduler, first_crawl_at, schedule_state
from aggregator.store import Store

NOW = datetime(2024, 6, 3, 12, 0, tzinfo=UTC)


def _config(tmp_path: Path, **kw: object) -> Config:
    base = {"db_path": str(tmp_path / "r.db"), "output_dir": str(tmp_path / "digest"), "log_file": None}
    return Config(**{**base, **kw})  # type: ignore[arg-type]


def _finished_crawl(db: str, finished_at: str) -> None:
    with Store(db) as store, store.transaction() as tx:
        tx.execute(
            """INSERT INTO crawl_runs (outlet, spider, started_at, finished_at, status)
               VALUES ('bbc', 'bbc', ?, ?, 'ok')""",
            [finished_at, finished_at],
        )


class Recorder:
    """Fake job functions that note when they run and how many run at once."""

    def __init__(self, crawl_seconds: float = 0.0) -> None:
        self.crawl_seconds = crawl_seconds
        self.crawls: list[float] = []
        self.aggregates = 0
        self.digests = 0
        self.running = 0
        self.max_running = 0
        self.lock = threading.Lock()

    def crawl(self, config: Config, stop: threading.Event) -> None:
        with self.lock:
            self.running += 1
            self.max_running = max(self.max_running, self.running)
            self.crawls.append(time.monotonic())
        stop.wait(self.crawl_seconds)
        with self.lock:
            self.running -= 1

    def aggregate(self, store: Store, stop: threading.Event) -> None:
        self.aggregates += 1

    def digest(self, store: Store, config: Config, now: datetime) -> None:
        self.digests += 1

    def functions(self) -> JobFunctions:
        return JobFunctions(crawl=self.crawl, aggregate=self.aggregate, digest=self.digest)


def _wait_for(condition, timeout: float = 5.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


# -- pure parts -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("last", "expected"),
    [
        (None, NOW),  # never crawled: now
        ("2024-06-03T09:00:00+00:00", NOW),  # three hours down: catch up now
        ("2024-06-03T11:30:00+00:00", NOW + timedelta(minutes=30)),  # recent: one interval after it
    ],
)
def test_first_crawl_catches_up_only_when_overdue(last: str | None, expected: datetime) -> None:
    assert first_crawl_at(last, NOW, timedelta(hours=1)) == expected


def test_jobs_have_fixed_ids_and_production_settings(tmp_path: Path) -> None:
    sched = RumoursScheduler(
        _config(tmp_path, timezone="Europe/Berlin"), jobs=Recorder().functions(), clock=lambda: NOW
    )
    sched.configure()
    sched.configure()  # replace_existing: configuring twice keeps one job per id
    jobs = {job.id: job for job in sched.scheduler.get_jobs()}
    assert set(jobs) == {JOB_CRAWL, JOB_DIGEST}
    for job in jobs.values():
        assert job.coalesce is True
        assert job.max_instances == 1
        assert job.misfire_grace_time >= 60
    assert str(jobs[JOB_DIGEST].trigger.timezone) == "Europe/Berlin"
    assert jobs[JOB_CRAWL].next_run_time == NOW  # never crawled: catch up at once


def test_config_from_toml_then_environment(tmp_path: Path) -> None:
    toml = tmp_path / "rumours.toml"
    toml.write_text('[rumours]\ninterval_minutes = 30\ntimezone = "Europe/Madrid"\noutlets = ["bbc", "kicker"]\n')
    cfg = load_config(toml, env={"RUMOURS_DIGEST_TIME": "07:15", "RUMOURS_DB": "x.db"})
    assert (cfg.interval_minutes, cfg.timezone, cfg.outlets) == (30, "Europe/Madrid", ("bbc", "kicker"))
    assert (cfg.digest_time, cfg.db_path) == ("07:15", "x.db")
    with pytest.raises(ConfigError, match="RUMOURS_TIMEZONE"):
        load_config(toml, env={"RUMOURS_TIMEZONE": "Mars/Olympus"})
    with pytest.raises(ConfigError, match="unknown keys"):
        toml.write_text("intervall = 3\n")
        load_config(toml, env={})


# -- running schedules with short intervals --------------------------------------------------------------


def test_a_crawl_that_outlasts_the_interval_never_overlaps(tmp_path: Path) -> None:
    rec = Recorder(crawl_seconds=0.6)
    sched = RumoursScheduler(_config(tmp_path, interval_minutes=0.15 / 60), jobs=rec.functions())
    sched.start()
    try:
        assert _wait_for(lambda: len(rec.crawls) >= 3, timeout=6)
    finally:
        sched.shutdown()
    assert rec.max_running == 1
    assert sched.skipped_overlaps >= 1  # the scheduler noticed and skipped instead of overlapping
    gaps = [b - a for a, b in zip(rec.crawls, rec.crawls[1:], strict=False)]
    assert min(gaps) >= 0.55


def test_one_catch_up_run_after_downtime(tmp_path: Path) -> None:
    cfg = _config(tmp_path, interval_minutes=60)
    _finished_crawl(cfg.db_path, (datetime.now(UTC) - timedelta(hours=5)).isoformat(timespec="seconds"))
    rec = Recorder()
    sched = RumoursScheduler(cfg, jobs=rec.functions())
    sched.start()
    try:
        assert _wait_for(lambda: rec.aggregates == 1)
        time.sleep(0.3)
        next_run = sched.scheduler.get_job(JOB_CRAWL).next_run_time
    finally:
        sched.shutdown()
    assert len(rec.crawls) == 1  # five missed hours: one catch-up, not five
    assert next_run - datetime.now(UTC) > timedelta(minutes=59)
    with Store(cfg.db_path) as store:
        state = schedule_state(store)
    assert state[f"{JOB_CRAWL}.last_status"] == "ok"
    assert state[f"{JOB_CRAWL}.next_run"] and state[f"{JOB_DIGEST}.next_run"]


def test_no_catch_up_when_the_last_crawl_is_recent(tmp_path: Path) -> None:
    cfg = _config(tmp_path, interval_minutes=60)
    last = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=10)
    _finished_crawl(cfg.db_path, last.isoformat())
    sched = RumoursScheduler(cfg, jobs=Recorder().functions())
    sched.configure()
    assert sched.scheduler.get_job(JOB_CRAWL).next_run_time == last + timedelta(hours=1)


@pytest.mark.parametrize(("grace", "runs"), [(None, 1), (1, 0)])
def test_a_late_run_still_runs_within_the_grace(tmp_path: Path, grace: int | None, runs: int) -> None:
    """The process is busy (paused) past the digest time: our grace runs it; APScheduler's 1 s default skips it."""
    cfg = _config(tmp_path, interval_minutes=600)
    if grace is not None:
        cfg = Config(**{**cfg.__dict__, "digest_grace_seconds": grace})
    _finished_crawl(cfg.db_path, datetime.now(UTC).isoformat(timespec="seconds"))
    rec = Recorder()
    missed: list[str] = []
    sched = RumoursScheduler(cfg, jobs=rec.functions())
    sched.scheduler.add_listener(lambda e: missed.append(e.job_id), EVENT_JOB_MISSED)
    sched.start(paused=True)
    try:
        sched.scheduler.modify_job(JOB_DIGEST, next_run_time=datetime.now(UTC) + timedelta(seconds=0.1))
        time.sleep(1.6)  # the run falls due while the process cannot act on it
        sched.scheduler.resume()
        _wait_for(lambda: rec.digests + len(missed) > 0)
    finally:
        sched.shutdown()
    assert rec.digests == runs
    assert missed == ([] if runs else [JOB_DIGEST])


SIGTERM_SCRIPT = textwrap.dedent(
    """
    import sys, threading, time
    from aggregator.config import Config
    from aggregator.records import ArticleRecord, ReportRecord
    from aggregator.scheduler import JobFunctions, RumoursScheduler
    from aggregator.store import Store

    def crawl(config, stop):
        # like a spider's pipeline: one crawl run, one article (with its reports) per transaction
        with Store(config.db_path) as store:
            run = store.start_crawl_run("slow", "slow")
            n = 0
            while not stop.is_set():
                n += 1
                reports = [ReportRecord(text=f"Report {n}.{k}: Rice to Arsenal, talks.") for k in range(20)]
                store.upsert_article(ArticleRecord(url=f"https://slow.example/{n}", text="body " * 50,
                                                   title=f"story {n}", outlet="slow", reports=reports))
                if n == 5:
                    print("crawling", flush=True)
            store.finish_crawl_run(run, requests=n, items=n, status="interrupted")

    sched = RumoursScheduler(Config(db_path=sys.argv[1], log_file=None),
                             jobs=JobFunctions(crawl=crawl, aggregate=lambda s, stop: None, digest=lambda *a: None))
    sched.run_forever()
    print("stopped cleanly", flush=True)
    """
)


def test_sigterm_mid_crawl_leaves_the_store_consistent(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    proc = subprocess.Popen(
        [sys.executable, "-c", SIGTERM_SCRIPT, str(db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "crawling"
        time.sleep(0.2)
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    assert "stopped cleanly" in out
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    articles = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    assert articles >= 5
    # every article came with all its reports, or not at all
    partial = conn.execute(
        "SELECT COUNT(*) FROM articles a WHERE (SELECT COUNT(*) FROM reports r WHERE r.article_id = a.id) != 20"
    ).fetchone()[0]
    assert partial == 0
    assert conn.execute("SELECT status FROM crawl_runs").fetchall() == [("interrupted",)]
    fts = conn.execute("SELECT COUNT(*) FROM articles_fts").fetchone()[0]
    assert fts == articles


def test_status_shows_runs_health_and_counts(tmp_path: Path, cli, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    _finished_crawl(str(db_path), "2024-06-03T11:00:00+00:00")
    sched = RumoursScheduler(_config(tmp_path, db_path=str(db_path)), jobs=Recorder().functions(), clock=lambda: NOW)
    sched.start(paused=True)  # jobs get their next run times; nothing runs
    sched.record(JOB_CRAWL, status="ok", ran_at=NOW)
    sched.record_next_runs()
    sched.shutdown()
    data = json.loads(cli("status", "--json").output)
    assert data["runs"]["last_successful_crawl"] == "2024-06-03T11:00:00+00:00"
    assert data["runs"]["crawl"] == {
        "last_run": "2024-06-03T12:00:00+00:00",
        "last_status": "ok",
        "next_run": "2024-06-03T12:00:00+00:00",  # overdue: the catch-up run
    }
    assert data["runs"]["digest"]["next_run"]
    assert [o["outlet"] for o in data["outlets"]] == ["bbc"] and data["counts"]["crawl_runs"] == 1
    text = cli("status").output
    assert "crawl: last run 2024-06-03T12:00:00+00:00 (ok)" in text and "bbc" in text and "1 crawl_runs" in text
