"""Run outlet spiders, each `scrapy crawl` in its own process, and report progress; never imports Scrapy."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .locks import StoreBusy, StoreLock

logger = logging.getLogger(__name__)
REPO_ROOT = Path(__file__).resolve().parents[1]
PROGRESS_PREFIX = "RUMOURS-PROGRESS "
SETTINGS_MODULE = "spiders.settings"

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

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and self.reason == "finished"


def _cwd() -> Path:
    return REPO_ROOT if (REPO_ROOT / "scrapy.cfg").exists() else Path.cwd()


def _env(db_path: str | os.PathLike[str]) -> dict[str, str]:
    env = dict(os.environ)
    # The crawl runs in the repository root: a relative store path must mean the caller's working directory.
    db = str(db_path) if str(db_path) == ":memory:" else str(Path(db_path).resolve())
    env.update(SCRAPY_SETTINGS_MODULE=SETTINGS_MODULE, RUMOURS_DB=db, RUMOURS_PROGRESS="1")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO_ROOT), env.get("PYTHONPATH", "")) if p)
    return env


def list_outlets() -> list[str]:
    """Spider names, as `scrapy list` prints them."""
    done = subprocess.run(
        [sys.executable, "-m", "scrapy", "list"],
        cwd=_cwd(),
        env=_env(os.environ.get("RUMOURS_DB", "rumours.db")),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return [line.strip() for line in done.stdout.splitlines() if line.strip()]


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


def _stop_on(stop: threading.Event, proc: subprocess.Popen[str], done: threading.Event) -> None:
    """SIGTERM the crawl once ``stop`` is set: Scrapy closes the spider gracefully and the crawl_runs row is
    still written (``timeout``, when given, still kills a process that does not finish)."""
    while not done.is_set():
        if stop.wait(0.2):
            break
    else:
        return
    if proc.poll() is None:
        logger.info("stopping the crawl process %s", proc.pid)
        proc.terminate()


def run_crawl(
    outlet: str,
    db_path: str | os.PathLike[str],
    since: str | None = None,
    settings: Mapping[str, Any] | None = None,
    on_progress: ProgressCallback | None = None,
    timeout: float | None = None,
    stop: threading.Event | None = None,
) -> CrawlResult:
    """Crawl one outlet in a fresh process (a new Twisted reactor each time) and wait for it.

    When ``stop`` is set the process gets SIGTERM (Scrapy finishes in-flight work and closes the spider, the
    pipeline records the run); a crawl asked to stop before it starts is not started (returncode -1,
    reason "stopped").
    """
    result = CrawlResult(outlet=outlet, returncode=-1)
    if stop is not None and stop.is_set():
        result.reason = "stopped"
        return result
    try:
        with StoreLock(db_path, f"crawl-{outlet}"):  # one crawl of an outlet per store at a time
            _run_process(result, outlet, db_path, since, settings, on_progress, timeout, stop)
    except StoreBusy as exc:
        result.reason = f"skipped: {exc}"
        logger.warning("crawl of %s skipped: %s", outlet, exc)
        return result
    if not result.ok:
        logger.warning("crawl of %s ended with code %s (%s)", outlet, result.returncode, result.reason)
    return result


def _run_process(
    result: CrawlResult,
    outlet: str,
    db_path: str | os.PathLike[str],
    since: str | None,
    settings: Mapping[str, Any] | None,
    on_progress: ProgressCallback | None,
    timeout: float | None,
    stop: threading.Event | None,
) -> None:
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace") as log:
        with subprocess.Popen(
            crawl_command(outlet, since, settings),
            cwd=_cwd(),
            env=_env(db_path),
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
            encoding="utf-8",
            errors="replace",
        ) as proc:
            timer = threading.Timer(timeout, proc.kill) if timeout else None
            if timer:
                timer.start()
            finished = threading.Event()
            if stop is not None:
                threading.Thread(target=_stop_on, args=(stop, proc, finished), daemon=True).start()
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
) -> list[CrawlResult]:
    """Crawl several outlets, at most `jobs` processes at a time; results in the order given.

    Setting ``stop`` terminates the running crawls (gracefully, see ``run_crawl``) and starts no further outlet.
    """
    names = list(outlets)
    prepare_store(db_path)
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = [pool.submit(run_crawl, n, db_path, since, settings, on_progress, timeout, stop) for n in names]
        return [f.result() for f in futures]
