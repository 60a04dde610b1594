"""Run outlet spiders, each `scrapy crawl` in its own process, and report progress; never imports Scrapy."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .locks import StoreBusy, StoreLock
from .outlet_registry import Outlet

logger = logging.getLogger(__name__)
REPO_ROOT = Path(__file__).resolve().parents[1]
PROGRESS_PREFIX = "RUMOURS-PROGRESS "
SETTINGS_MODULE = "spiders.settings"
STOP_GRACE_SECONDS = 5.0  # a crawl asked to stop that has not closed by then is killed

ProgressCallback = Callable[[str, dict[str, Any]], None]


@dataclass
class CrawlResult:
    """What one outlet's crawl process reported."""

    outlet: str
    returncode: int
    requests: int = 0
    items: int = 0
    dropped: int = 0
    errors: int = 0
    reason: str | None = None
    log_tail: list[str] = field(default_factory=list)
    run_status: str | None = None  # what the run's crawl_runs row says ("ok", "failed"); None: no row written

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and self.reason == "finished" and self.run_status in (None, "ok")

    @property
    def skipped(self) -> bool:
        """Not run: another process was already crawling this outlet into the store."""
        return (self.reason or "").startswith("skipped:")

    @property
    def not_started(self) -> bool:
        """Not run: the crawl was asked to stop before this outlet's turn."""
        return self.returncode == -1 and self.reason == "stopped"

    def describe(self) -> str:
        """The outlet's outcome in one phrase, agreeing with its crawl_runs row: ``ok``, ``failed (shutdown)``."""
        if self.skipped or self.not_started:
            return "not started (stopped)" if self.not_started else str(self.reason)
        if self.ok:
            return "ok"
        if self.run_status == "interrupted":
            return "interrupted (killed before it closed)"
        why = self.reason if self.reason not in (None, "finished") else None
        if why is None and self.returncode < 0:
            why = f"killed by {signal.Signals(-self.returncode).name}"
        elif why is None and self.returncode != 0:
            why = f"exit {self.returncode}"
        if why is None and self.run_status == "failed":
            why = f"{self.errors} errors, no items" if self.errors else "no items"
        return f"failed ({why})" if why else "failed"


def _cwd() -> Path:
    return REPO_ROOT if (REPO_ROOT / "scrapy.cfg").exists() else Path.cwd()


def _env(db_path: str | os.PathLike[str]) -> dict[str, str]:
    env = dict(os.environ)
    # The crawl runs in the repository root: a relative store path must mean the caller's working directory.
    db = str(db_path) if str(db_path) == ":memory:" else str(Path(db_path).resolve())
    env.update(SCRAPY_SETTINGS_MODULE=SETTINGS_MODULE, RUMOURS_DB=db, RUMOURS_PROGRESS="1")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO_ROOT), env.get("PYTHONPATH", "")) if p)
    return env


# Run in a child process (aggregator never imports Scrapy): every spider with its display name and domain.
_REGISTRY_SCRIPT = """
import json, sys
from scrapy.spiderloader import get_spider_loader
from scrapy.utils.project import get_project_settings
settings = get_project_settings()
settings.setdict(json.loads(sys.argv[1]), priority="cmdline")
loader = get_spider_loader(settings)
rows = []
for name in sorted(loader.list()):
    spider = loader.load(name)
    rows.append({"name": name, "display_name": getattr(spider, "outlet_name", "") or "",
                 "domain": getattr(spider, "domain", "") or ""})
print(json.dumps(rows))
"""


def outlet_registry(settings: Mapping[str, Any] | None = None) -> list[Outlet]:
    """Every spider Scrapy's loader finds (with these settings, e.g. another ``SPIDER_MODULES``), by name."""
    done = subprocess.run(
        [sys.executable, "-c", _REGISTRY_SCRIPT, json.dumps({k: str(v) for k, v in (settings or {}).items()})],
        cwd=_cwd(),
        env=_env(os.environ.get("RUMOURS_DB", "rumours.db")),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return [Outlet(**row) for row in json.loads(done.stdout)]


def list_outlets() -> list[str]:
    """Spider names, as `scrapy list` prints them."""
    return [outlet.name for outlet in outlet_registry()]


def crawl_command(outlet: str, since: str | None = None, settings: Mapping[str, Any] | None = None) -> list[str]:
    """The argv that crawls one outlet."""
    argv = [sys.executable, "-m", "scrapy", "crawl", outlet]
    if since:
        argv += ["-a", f"since={since}"]
    for key, value in (settings or {}).items():
        argv += ["-s", f"{key}={value}"]
    return argv


def _read_progress(result: CrawlResult, line: str, on_progress: ProgressCallback | None) -> None:
    if not line.startswith(PROGRESS_PREFIX):
        return
    try:
        event = json.loads(line[len(PROGRESS_PREFIX) :])
    except ValueError:
        return
    result.requests, result.items = event.get("requests", 0), event.get("items", 0)
    result.dropped, result.errors = event.get("dropped", 0), event.get("errors", 0)
    result.reason = event.get("reason", result.reason)
    if on_progress:
        on_progress(result.outlet, event)


def _stop_on(
    stop: threading.Event,
    force: threading.Event | None,
    grace: float,
    proc: subprocess.Popen[str],
    done: threading.Event,
) -> None:
    """SIGTERM the crawl once ``stop`` is set: Scrapy closes the spider and the crawl_runs row is written. Scrapy
    waits for the downloads in flight, which on a slow site takes up to DOWNLOAD_TIMEOUT: after ``grace`` seconds,
    or at once when ``force`` is set, the process is killed instead (SQLite keeps every finished transaction, and
    the caller then marks the run interrupted)."""
    while not done.is_set():
        if stop.wait(0.2):
            break
    else:
        return
    if proc.poll() is None:
        logger.info("stopping the crawl process %s", proc.pid)
        proc.terminate()
    deadline = time.monotonic() + grace
    while not done.wait(0.1):
        if time.monotonic() >= deadline or (force is not None and force.is_set()):
            if proc.poll() is None:
                logger.warning("killing the crawl process %s: it did not close in time", proc.pid)
                proc.kill()
            return


def _last_run_id(db_path: str | os.PathLike[str]) -> int | None:
    """The newest crawl_runs id in the store (0 when there is none), or None when the store cannot be read."""
    rows = _query(db_path, "SELECT COALESCE(MAX(id), 0) FROM crawl_runs")
    return rows[0][0] if rows else None


def _run_status(db_path: str | os.PathLike[str], spider: str, after_id: int | None) -> str | None:
    """The status the crawl process recorded for its run of ``spider`` (a row newer than ``after_id``)."""
    if after_id is None:
        return None
    sql = "SELECT status FROM crawl_runs WHERE spider = ? AND id > ? ORDER BY id DESC LIMIT 1"
    rows = _query(db_path, sql, spider, after_id)
    return rows[0][0] if rows else None


def _query(db_path: str | os.PathLike[str], sql: str, *args: Any) -> list[Any] | None:
    if str(db_path) == ":memory:" or not Path(db_path).exists():
        return None
    try:
        with contextlib.closing(sqlite3.connect(f"{Path(db_path).resolve().as_uri()}?mode=ro", uri=True)) as conn:
            conn.execute("PRAGMA busy_timeout = 30000")
            return conn.execute(sql, args).fetchall()
    except sqlite3.Error:
        return None


def run_crawl(
    outlet: str,
    db_path: str | os.PathLike[str],
    since: str | None = None,
    settings: Mapping[str, Any] | None = None,
    on_progress: ProgressCallback | None = None,
    timeout: float | None = None,
    stop: threading.Event | None = None,
    force: threading.Event | None = None,
    stop_grace: float = STOP_GRACE_SECONDS,
) -> CrawlResult:
    """Crawl one outlet in a fresh process (a new Twisted reactor each time) and wait for it.

    When ``stop`` is set the process gets SIGTERM (Scrapy finishes in-flight work and closes the spider, the
    pipeline records the run); a crawl asked to stop before it starts is not started (returncode -1,
    reason "stopped"); a process that has not closed ``stop_grace`` seconds later, or at once when ``force`` is
    set, is killed, and its run marked interrupted. The process runs in its own process
    group, so a Ctrl-C at the terminal reaches only the caller, which decides what the crawl gets.
    """
    result = CrawlResult(outlet=outlet, returncode=-1)
    if stop is not None and stop.is_set():
        result.reason = "stopped"
        return result
    try:
        with StoreLock(db_path, f"crawl-{outlet}"):  # one crawl of an outlet per store at a time
            before = _last_run_id(db_path)
            _run_process(result, outlet, db_path, since, settings, on_progress, timeout, (stop, force, stop_grace))
            result.run_status = _run_status(db_path, outlet, before)
            if result.run_status == "running":  # killed (timeout, or a stop it did not finish in time)
                result.run_status = "interrupted"
                _mark_interrupted(db_path, outlet)
    except StoreBusy as exc:
        result.reason = f"skipped: {exc}"
        logger.warning("crawl of %s skipped: %s", outlet, exc)
        return result
    if not result.ok:
        logger.warning("crawl of %s: %s", outlet, result.describe())
    return result


def _run_process(
    result: CrawlResult,
    outlet: str,
    db_path: str | os.PathLike[str],
    since: str | None,
    settings: Mapping[str, Any] | None,
    on_progress: ProgressCallback | None,
    timeout: float | None,
    stopping: tuple[threading.Event | None, threading.Event | None, float],
) -> None:
    stop, force, grace = stopping
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace") as log:
        with subprocess.Popen(
            crawl_command(outlet, since, settings),
            cwd=_cwd(),
            env={**_env(db_path), "RUMOURS_LIFELINE": "1"},
            stdin=subprocess.PIPE,  # the lifeline: never written; the crawl closes when it ends (we died)
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
            encoding="utf-8",
            errors="replace",
            process_group=0,
        ) as proc:
            timer = threading.Timer(timeout, proc.kill) if timeout else None
            if timer:
                timer.start()
            finished = threading.Event()
            if stop is not None:
                threading.Thread(target=_stop_on, args=(stop, force, grace, proc, finished), daemon=True).start()
            try:
                assert proc.stdout is not None
                for line in proc.stdout:
                    _read_progress(result, line, on_progress)
                result.returncode = proc.wait()
            finally:
                finished.set()
                if timer:
                    timer.cancel()
        log.seek(0)
        result.log_tail = log.read().splitlines()[-20:]


def _mark_interrupted(db_path: str | os.PathLike[str], spider: str) -> None:
    from .store import Store

    try:
        with Store(Path(db_path)) as store:
            store.mark_crawl_interrupted(spider)
    except sqlite3.Error as exc:
        logger.warning("could not mark the killed crawl of %s interrupted: %s", spider, exc)


def prepare_store(db_path: str | os.PathLike[str]) -> None:
    """Create and migrate the store once, so parallel crawl processes never race to do it."""
    from .store import Store

    Store(Path(db_path)).close()


def run_crawls(
    outlets: Iterable[str],
    db_path: str | os.PathLike[str],
    since: str | None = None,
    settings: Mapping[str, Any] | None = None,
    on_progress: ProgressCallback | None = None,
    jobs: int = 2,
    timeout: float | None = None,
    stop: threading.Event | None = None,
    force: threading.Event | None = None,
) -> list[CrawlResult]:
    """Crawl several outlets, at most `jobs` processes at a time; results in the order given.

    Setting ``stop`` terminates the running crawls (gracefully, see ``run_crawl``) and starts no further outlet;
    setting ``force`` too kills them.
    """
    names = list(outlets)
    prepare_store(db_path)
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = [
            pool.submit(run_crawl, n, db_path, since, settings, on_progress, timeout, stop, force) for n in names
        ]
        return [f.result() for f in futures]
