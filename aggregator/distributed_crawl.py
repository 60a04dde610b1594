"""The local multi-worker engine of `rumours crawl --redis`: N scrapy processes per outlet on one shared frontier,
the store writer on a thread (or an already running `rumours store-writer`); never imports Scrapy."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from .crawl import CrawlResult, ProgressCallback, _run_process, prepare_store
from .distributed import finish_run, prepare_run, seed_validators, start_writer, wait_drained
from .envelopes import connect
from .locks import StoreBusy, StoreLock

logger = logging.getLogger(__name__)
COUNTS = ("requests", "items", "dropped", "errors")
WRITER_WAIT_SECONDS = 300.0  # how long the workers' envelopes may take to be written once they have exited


def outlet_id(domain: str, spider: str) -> str:
    """The store's outlet id of a spider (OutletSpider.outlet_id): its domain without ``www.``."""
    domain = domain.lower()
    return domain[4:] if domain.startswith("www.") else (domain or spider)


def _summed_progress(outlet: str, workers: int, on_progress: ProgressCallback | None) -> list[ProgressCallback]:
    """One progress callback per worker, reporting the outlet's sums to ``on_progress``."""
    latest: list[dict[str, Any]] = [{} for _ in range(workers)]
    lock = threading.Lock()

    def make(index: int) -> ProgressCallback:
        def report(_: str, event: dict[str, Any]) -> None:
            if on_progress is None:
                return
            with lock:
                latest[index] = event
                summed: dict[str, Any] = {k: sum(int(e.get(k, 0)) for e in latest) for k in COUNTS}
                closed = all(e.get("event") == "closed" for e in latest)
                summed["event"] = "closed" if closed else event.get("event", "progress")
                on_progress(outlet, summed)

        return report

    return [make(i) for i in range(workers)]


def run_distributed_crawl(
    outlet: str,
    db_path: str | os.PathLike[str],
    redis_url: str,
    workers: int,
    *,
    domain: str = "",
    since: str | None = None,
    settings: Mapping[str, Any] | None = None,
    on_progress: ProgressCallback | None = None,
    timeout: float | None = None,
    stop: threading.Event | None = None,
    force: threading.Event | None = None,
    stop_grace: float = 5.0,
) -> CrawlResult:
    """Crawl one outlet with ``workers`` local processes sharing its frontier on Redis; the outcome as a local
    crawl reports it (the run's crawl_runs row is written by the store writer)."""
    result = CrawlResult(outlet=outlet, returncode=-1)
    if stop is not None and stop.is_set():
        result.reason = "stopped"
        return result
    try:
        with StoreLock(db_path, f"crawl-{outlet}"):
            return _crawl(result, db_path, redis_url, workers, domain, since, settings, on_progress, timeout, stop,
                          force, stop_grace)  # fmt: skip
    except StoreBusy as exc:
        result.reason = f"skipped: {exc}"
        logger.warning("crawl of %s skipped: %s", outlet, exc)
        return result


def _crawl(
    result: CrawlResult,
    db_path: str | os.PathLike[str],
    redis_url: str,
    workers: int,
    domain: str,
    since: str | None,
    settings: Mapping[str, Any] | None,
    on_progress: ProgressCallback | None,
    timeout: float | None,
    stop: threading.Event | None,
    force: threading.Event | None,
    stop_grace: float,
) -> CrawlResult:
    from .store import Store

    outlet = result.outlet
    run_id = prepare_run(redis_url, outlet)
    with Store(Path(db_path)) as store:  # the outlet's id: from its domain, or from its last run (else all)
        row = store.db.execute("SELECT outlet FROM crawl_runs WHERE spider = ? ORDER BY id DESC LIMIT 1", [outlet])
        last = row.fetchone()
        seeded = seed_validators(
            store, redis_url, outlet, outlet_id(domain, outlet) if domain else (last[0] if last else None)
        )
    logger.info("run %s of %s: %s validators seeded, %s workers", run_id, outlet, seeded, workers)
    worker_settings = {**(settings or {}), "RUMOURS_REDIS_URL": redis_url, "RUMOURS_RUN_ID": run_id}
    parts = [CrawlResult(outlet=outlet, returncode=-1) for _ in range(workers)]
    callbacks = _summed_progress(outlet, workers, on_progress)
    threads = [
        threading.Thread(
            target=_run_process,
            args=(part, outlet, db_path, since, worker_settings, callback, timeout, (stop, force, stop_grace)),
            name=f"crawl-{outlet}-{i}",
        )
        for i, (part, callback) in enumerate(zip(parts, callbacks, strict=True))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for key in COUNTS:
        setattr(result, key, sum(getattr(p, key) for p in parts))
    if not wait_drained(redis_url, items=True, timeout=WRITER_WAIT_SECONDS, stop=force):
        logger.warning("crawl of %s: its items were not all written to the store in time", outlet)
    result.run_status = finish_run(redis_url, db_path, outlet, run_id)
    failing = next((p for p in parts if p.returncode != 0 or p.reason != "finished"), None)
    if result.run_status == "ok" or failing is None:  # the survivors drained the frontier: the run is done
        result.returncode, result.reason = 0, "finished"
    else:
        result.returncode, result.reason, result.log_tail = failing.returncode, failing.reason, failing.log_tail
    if not result.ok:
        logger.warning("crawl of %s: %s", outlet, result.describe())
    return result


def run_distributed_crawls(
    outlets: Iterable[str],
    db_path: str | os.PathLike[str],
    redis_url: str,
    workers: int,
    *,
    domains: Mapping[str, str] | None = None,
    since: str | None = None,
    settings: Mapping[str, Any] | None = None,
    on_progress: ProgressCallback | None = None,
    jobs: int = 2,
    timeout: float | None = None,
    stop: threading.Event | None = None,
    force: threading.Event | None = None,
) -> list[CrawlResult]:
    """Crawl several outlets, ``jobs`` at a time, each with ``workers`` processes; the store writer runs on a
    thread here unless another process already holds the store's writer lock (then its queue is waited for)."""
    names = list(outlets)
    connect(redis_url).ping()  # a wrong URL or a Redis that is down: one clear error before anything starts
    prepare_store(db_path)
    writer = start_writer(redis_url, db_path)
    try:
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            futures = [
                pool.submit(
                    run_distributed_crawl,
                    name,
                    db_path,
                    redis_url,
                    workers,
                    domain=(domains or {}).get(name, ""),
                    since=since,
                    settings=settings,
                    on_progress=on_progress,
                    timeout=timeout,
                    stop=stop,
                    force=force,
                )
                for name in names
            ]
            return [f.result() for f in futures]
    finally:
        if writer is not None:
            writer.close(wait_empty=True)
            if writer.error is not None:
                logger.error("the store writer failed: %s", writer.error)
