"""The long-running schedule (APScheduler 3.x): crawl + aggregate every interval, the digest daily, clean shutdown."""

from __future__ import annotations

import logging
import logging.handlers
import os
import signal
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import FrameType
from typing import Any

from apscheduler.events import (
    EVENT_JOB_ERROR,
    EVENT_JOB_EXECUTED,
    EVENT_JOB_MAX_INSTANCES,
    EVENT_JOB_MISSED,
    JobExecutionEvent,
    SchedulerEvent,
)
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from .config import Config
from .locks import StoreBusy, StoreLock
from .store import Store

logger = logging.getLogger(__name__)

JOB_CRAWL = "crawl-and-aggregate"
JOB_DIGEST = "daily-digest"
META_PREFIX = "schedule."


def utc_now() -> datetime:
    return datetime.now(UTC)


def _parse(iso: str | None) -> datetime | None:
    if not iso:
        return None
    when = datetime.fromisoformat(iso)
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def first_crawl_at(last_success: str | None, now: datetime, interval: timedelta) -> datetime:
    """When the crawl should first run after start: now (a catch-up) when the last successful crawl is older than
    the interval or there was none, else one interval after it, so restarts do not crawl more often."""
    last = _parse(last_success)
    if last is None or now - last >= interval:
        return now
    return last + interval


def default_crawl(config: Config, stop: threading.Event) -> list[Any]:
    """Crawl every enabled outlet, each in its own process (aggregator.crawl), two at a time.

    A failing outlet is logged and the others go on; once ``stop`` is set no further outlet starts, and the
    running ones get SIGTERM: Scrapy closes them gracefully and records their runs (each is still bounded by
    ``crawl_timeout_seconds``).
    """
    from concurrent.futures import ThreadPoolExecutor

    from . import crawl  # imported on use: the spiders helper's module

    settings = config.crawl_settings
    outlets = list(config.outlets) or [outlet.name for outlet in crawl.outlet_registry(settings)]
    crawl.prepare_store(config.db_path)
    if config.engine == "scrapyd":
        return scrapyd_crawl(config, outlets, stop)

    def one(outlet: str) -> Any:
        if stop.is_set():
            logger.info("crawl of %s skipped: shutting down", outlet)
            return None
        try:
            return crawl.run_crawl(
                outlet, config.db_path, settings=settings, timeout=config.crawl_timeout_seconds, stop=stop
            )
        except Exception:
            logger.exception("crawl of %s failed", outlet)
            return None

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(one, outlets))
    done = [r for r in results if r is not None]
    failed = [r.outlet for r in done if not r.ok]
    logger.info("crawl finished: %d outlets ok, failed: %s", len(done) - len(failed), ", ".join(failed) or "none")
    return done


def scrapyd_crawl(config: Config, outlets: list[str], stop: threading.Event) -> list[Any]:
    """The crawl on the configured Scrapyd nodes; a node, deploy or Redis failure fails every outlet, logged."""
    from .crawl import CrawlResult
    from .scrapyd_crawl import run_scrapyd_crawls

    assert config.redis_url is not None
    try:
        return run_scrapyd_crawls(
            outlets,
            config.db_path,
            config.scrapyd_nodes,
            config.redis_url,
            settings=config.crawl_settings,
            stop=stop,
            timeout=config.crawl_timeout_seconds,
        )
    except Exception as exc:  # a node down must not take the scheduler down: the next interval tries again
        reason = " ".join(str(exc).split())[:200] or type(exc).__name__
        logger.error("crawl on the Scrapyd nodes failed: %s", reason)
        return [CrawlResult(outlet=name, returncode=1, reason=reason) for name in outlets]


def every_outlet_failed(results: Any) -> str | None:
    """``failed: every outlet's crawl failed (bbc, kicker)`` when the crawl job's outlets all failed, else None
    (outlets skipped because another process was crawling them did not fail)."""
    if not isinstance(results, list) or not results:
        return None
    failed = [r.outlet for r in results if not getattr(r, "ok", True) and not getattr(r, "skipped", False)]
    return f"failed: every outlet's crawl failed ({', '.join(failed)})" if len(failed) == len(results) else None


def default_aggregate(store: Store, stop: threading.Event) -> Any:
    """Aggregate, ending at the next transaction boundary once ``stop`` is set (a rebuild then rolls back whole)."""
    from .aggregate import aggregate

    return aggregate(store, stop=stop.is_set)


def default_digest(store: Store, config: Config, now: datetime) -> Any:
    from .digest import write_digest_files

    return write_digest_files(store, config.output_dir, config.tz, now=now)


@dataclass
class JobFunctions:
    """What the scheduled jobs do; tests inject fakes."""

    crawl: Callable[[Config, threading.Event], Any] = default_crawl
    aggregate: Callable[[Store, threading.Event], Any] = default_aggregate
    digest: Callable[[Store, Config, datetime], Any] = default_digest


class RumoursScheduler:
    """The crawl-and-aggregate job every ``interval_minutes`` and the digest job daily at ``digest_time``."""

    def __init__(
        self,
        config: Config,
        *,
        jobs: JobFunctions | None = None,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self.config = config
        self.jobs = jobs or JobFunctions()
        self.clock = clock
        self.stop_event = threading.Event()
        self.scheduler = BackgroundScheduler(
            timezone=config.tz,
            executors={"default": ThreadPoolExecutor(max_workers=2)},
            job_defaults={"coalesce": True, "max_instances": 1},
        )
        self.scheduler.add_listener(self._on_event, EVENT_JOB_EXECUTED | EVENT_JOB_ERROR | EVENT_JOB_MISSED)
        self.scheduler.add_listener(self._on_overlap, EVENT_JOB_MAX_INSTANCES)
        self.skipped_overlaps = 0
        self.outcomes: dict[str, str] = {}  # a job's own account of a run that did not simply succeed
        self.jobs_ended = threading.Event()  # the main thread then records the next run times
        self.failure: str | None = None  # why the scheduler stopped by itself (exit status 1)
        self.lock = StoreLock(config.db_path, "schedule")
        self._store_identity: tuple[int, int] | None = None

    @property
    def interval(self) -> timedelta:
        return timedelta(minutes=self.config.interval_minutes)

    # -- jobs -----------------------------------------------------------------------------------------

    def configure(self) -> None:
        """Add both jobs under fixed ids (replacing any previous definition), the crawl catching up if overdue."""
        with Store(self.config.db_path) as store:
            last = store.last_successful_crawl()
        now = self.clock()
        first = first_crawl_at(last, now, self.interval)
        if first <= now:
            logger.info("last successful crawl %s is older than %s: catching up now", last or "never", self.interval)
        self.scheduler.add_job(
            self.crawl_and_aggregate,
            IntervalTrigger(seconds=self.interval.total_seconds(), timezone=self.config.tz),
            id=JOB_CRAWL,
            name="crawl every outlet, then aggregate",
            replace_existing=True,
            coalesce=True,
            max_instances=1,
            misfire_grace_time=self.config.crawl_grace_seconds,
            next_run_time=first,
        )
        at = self.config.digest_at
        self.scheduler.add_job(
            self.write_digest,
            CronTrigger(hour=at.hour, minute=at.minute, timezone=self.config.tz),
            id=JOB_DIGEST,
            name="write the daily digest",
            replace_existing=True,
            coalesce=True,
            max_instances=1,
            misfire_grace_time=self.config.digest_grace_seconds,
        )

    def crawl_and_aggregate(self) -> None:
        """Never calls the scheduler itself: a shutdown holds its locks while it waits for this job."""
        if not self._store_is_there():
            return
        logger.info("crawl: outlets %s", ", ".join(self.config.outlets) or "all")
        crawl_failure = every_outlet_failed(self.jobs.crawl(self.config, self.stop_event))
        if crawl_failure and not self.stop_event.is_set():
            self.outcomes[JOB_CRAWL] = crawl_failure  # aggregate still runs: imported articles may await it
        if self.stop_event.is_set():
            logger.info("shutting down: aggregate is left to the next run (it is incremental)")
            self.outcomes[JOB_CRAWL] = "stopped: shutting down after the crawl, before aggregate"
            return
        if not self._store_is_there():
            return
        try:
            with Store(self.config.db_path, create=False) as store:
                result = self.jobs.aggregate(store, self.stop_event)
        except StoreBusy as exc:
            logger.warning("aggregate skipped: %s", exc)
            self.outcomes[JOB_CRAWL] = f"skipped aggregate: {exc}"
            return
        if getattr(result, "stopped", False):
            self.outcomes[JOB_CRAWL] = "stopped: shutting down during aggregate (finished batches kept)"
        logger.info("aggregate: %s", result)

    def write_digest(self) -> None:
        if not self._store_is_there():
            return
        with Store(self.config.db_path, create=False) as store:
            written = self.jobs.digest(store, self.config, self.clock())
        logger.info("digest written: %s", written)

    def _store_is_there(self) -> bool:
        """False (and the scheduler stops) when the store file was deleted or replaced since the start: opening
        it would silently create an empty store."""
        if self._store_identity is None or self.failure is not None:
            return self.failure is None
        try:
            st = os.stat(self.config.db_path)
            same = (st.st_dev, st.st_ino) == self._store_identity
        except OSError:
            same = False
        if not same:
            self.failure = f"the store {self.config.db_path} was deleted or replaced while the scheduler ran"
            logger.error("%s: stopping", self.failure)
            self.stop_event.set()
        return same

    # -- events ---------------------------------------------------------------------------------------

    def _on_event(self, event: SchedulerEvent) -> None:
        assert isinstance(event, JobExecutionEvent)
        if event.code == EVENT_JOB_ERROR:
            logger.error("job %s failed: %r", event.job_id, event.exception, exc_info=event.exception)
            status = f"error: {event.exception!r}"[:300]
        elif event.code == EVENT_JOB_MISSED:
            logger.warning(
                "job %s missed its run at %s (later than the grace time)", event.job_id, event.scheduled_run_time
            )
            status = "missed"
        else:
            status = self.outcomes.pop(event.job_id, "ok")
        self.record(event.job_id, status=status, ran_at=self.clock())
        self.jobs_ended.set()

    def _on_overlap(self, event: SchedulerEvent) -> None:
        self.skipped_overlaps += 1
        logger.warning(
            "job %s still running: this run is skipped, not started alongside", getattr(event, "job_id", "?")
        )

    def record(self, job_id: str, *, status: str, ran_at: datetime) -> None:
        """A job's last run and outcome, in the store's meta table, for ``rumours status``.

        Called from event listeners, which APScheduler runs while holding its locks: no scheduler calls here.
        """
        self._write_meta(
            {
                f"{job_id}.last_status": status,
                f"{job_id}.last_run": ran_at.astimezone(UTC).isoformat(timespec="seconds"),
            }
        )

    def record_next_runs(self) -> None:
        """Each job's next run time (from a job or the main thread, never from a listener)."""
        values = {}
        for job in self.scheduler.get_jobs():
            nxt = getattr(job, "next_run_time", None)  # pending jobs (scheduler not started) have none yet
            values[f"{job.id}.next_run"] = nxt.astimezone(UTC).isoformat(timespec="seconds") if nxt else ""
        self._write_meta(values)

    def _write_meta(self, values: dict[str, str]) -> None:
        if not self._store_is_there():
            return  # the store is gone: opening it would create an empty one
        values = {
            "heartbeat": self.clock().astimezone(UTC).isoformat(timespec="seconds"),
            "pid": str(os.getpid()),
        } | values
        try:
            with Store(self.config.db_path, create=False) as store, store.transaction():
                for key, value in values.items():
                    store.set_meta(META_PREFIX + key, value)
        except Exception:  # status bookkeeping must never take the scheduler down
            logger.exception("could not record the schedule state")

    # -- life cycle -----------------------------------------------------------------------------------

    def start(self, *, paused: bool = False) -> None:
        """Take the store's schedule lock (StoreBusy when another scheduler runs on it), add the jobs, start."""
        self.lock.acquire()
        self.configure()
        if self.config.db_path != ":memory:":
            st = os.stat(self.config.db_path)
            self._store_identity = (st.st_dev, st.st_ino)
        self.scheduler.start(paused=paused)
        self.record_next_runs()
        for job in self.scheduler.get_jobs():
            logger.info("job %s: next run %s", job.id, job.next_run_time)

    def request_stop(self, signum: int | None = None, frame: FrameType | None = None) -> None:
        if self.stop_event.is_set():
            logger.warning("still shutting down: waiting for the running job to reach a safe point")
        else:
            logger.info(
                "%s: finishing the running job, then stopping", signal.Signals(signum).name if signum else "stop"
            )
        self.stop_event.set()

    def shutdown(self) -> None:
        """Wait for the running job (the crawl stops at a safe point once ``stop_event`` is set), then stop."""
        self.stop_event.set()
        if self.scheduler.running:
            self.scheduler.shutdown(wait=True)
        self.lock.release()
        logger.info("scheduler stopped")

    def run_forever(self) -> int:
        """Start, then block until SIGINT or SIGTERM; shut down cleanly (no write is cut off mid-transaction).

        Returns the exit status: 0 after a requested stop, 1 when the scheduler had to stop by itself."""
        previous = {sig: signal.signal(sig, self.request_stop) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            self.start()
            while not self.stop_event.wait(1.0):
                if not self._store_is_there():  # noticed within a second, even while a long job runs
                    break
                if self.jobs_ended.is_set():
                    self.jobs_ended.clear()
                    self.record_next_runs()
        finally:
            self.shutdown()
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        if self.failure:
            logger.error("scheduler stopped: %s", self.failure)
            return 1
        return 0


def setup_logging(log_file: str | None, *, level: int = logging.INFO) -> None:
    """Logs to stderr and, when ``log_file`` is set, a rotating file (1 MB x 5)."""
    root = logging.getLogger()
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    if not any(
        isinstance(h, logging.StreamHandler) and getattr(h, "stream", None) is sys.stderr for h in root.handlers
    ):
        stream = logging.StreamHandler(sys.stderr)
        stream.setFormatter(fmt)
        root.addHandler(stream)
    if log_file:
        Path(log_file).parent.mkdir(parents=True, exist_ok=True)
        rotating = logging.handlers.RotatingFileHandler(log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
        rotating.setFormatter(fmt)
        root.addHandler(rotating)
    root.setLevel(min(root.level or level, level))


def schedule_state(store: Store) -> dict[str, str]:
    """What the scheduler last recorded: ``crawl-and-aggregate.last_run`` and friends."""
    rows = store.db.execute("SELECT key, value FROM meta WHERE key LIKE ?", [META_PREFIX + "%"]).fetchall()
    return {key[len(META_PREFIX) :]: value for key, value in rows}


def last_digest_day(folder: str | Path) -> date | None:
    days = sorted(p.stem.removeprefix("digest-") for p in Path(folder).glob("digest-*.html"))
    try:
        return date.fromisoformat(days[-1]) if days else None
    except ValueError:
        return None
