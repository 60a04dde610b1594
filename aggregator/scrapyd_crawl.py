"""The scrapyd crawl engine: outlets crawled by jobs on Scrapyd nodes sharing a Redis frontier, one store writer."""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from . import scrapyd
from .crawl import REPO_ROOT, CrawlResult, ProgressCallback, _query, prepare_store
from .distributed import finish_run, items_pending, prepare_run, seed_validators, start_writer
from .envelopes import connect
from .locks import StoreBusy, StoreLock
from .scrapyd import Job, Node
from .store_writer import run_row

logger = logging.getLogger(__name__)
DRAIN_STALL_SECONDS = 120.0  # items queued but none written for this long: the writer is gone, stop waiting


def _job_status(jobs: list[Job]) -> str:
    """``running 2/2``, ``pending 1/2``...: the outlet's jobs in one phrase for the progress table."""
    states = [job.state for job in jobs]
    for state in ("running", "pending"):
        if state in states:
            return f"{state} {states.count(state)}/{len(states)}"
    return "closing"


def _result(outlet: str, jobs: list[Job], run_status: str | None, row: tuple[Any, ...] | None) -> CrawlResult:
    """The outlet's CrawlResult, as a local crawl reports it: counts from its crawl_runs row (the sums of every
    worker's report), the close reason and dropped items from the jobs' logs."""
    result = CrawlResult(outlet=outlet, returncode=0, run_status=run_status)
    reasons = [job.stats.get("lost") or job.stats.get("reason") for job in jobs]
    bad = [r for r in reasons if r != "finished"]
    for job in jobs:
        if job.state == "lost":
            logger.error("crawl of %s: job %s on %s lost: %s", outlet, job.jobid, job.node.name, job.stats["lost"])
    if run_status == "ok" or not bad:  # the other workers drained the frontier: the run is done (as local workers)
        result.reason = "finished"
    else:  # a job whose log never says the spider closed died or was lost
        result.returncode, result.reason = 1, bad[0] or "no close in the job's log"
    result.dropped = sum(int(job.stats.get("dropped", 0)) for job in jobs)
    if row is not None:
        result.requests, result.items, result.errors = (int(v or 0) for v in row)
    else:
        result.requests = sum(int(job.stats.get("requests", 0)) for job in jobs)
        result.items = sum(int(job.stats.get("items", 0)) for job in jobs)
    tails = [job.stats.get("log_tail") or [] for job in jobs if job.stats.get("reason") != "finished"]
    result.log_tail = next((t for t in tails if t), [])
    return result


def _run_row(db_path: str | os.PathLike[str], crawl_run: int | None) -> tuple[Any, ...] | None:
    if crawl_run is None:
        return None
    rows = _query(db_path, "SELECT requests, items, errors FROM crawl_runs WHERE id = ?", crawl_run)
    return tuple(rows[0]) if rows else None


def _wait_written(redis_url: str, writer: Any) -> bool:
    """Until every envelope the workers pushed is in the store; False when the writer stalls or dies first."""
    last, since = items_pending(redis_url), time.monotonic()
    while last:
        if writer is not None and not writer.alive:
            return False
        if time.monotonic() - since >= DRAIN_STALL_SECONDS:
            logger.error("%s envelopes still queued and none written for %.0f s", last, DRAIN_STALL_SECONDS)
            return False
        time.sleep(0.1)
        pending = items_pending(redis_url)
        if pending < last:
            since = time.monotonic()
        last = pending
    return True


class Deployment(NamedTuple):
    """The nodes this checkout's egg was deployed to, and its version there."""

    nodes: list[Node]
    version: str


def deploy_project(nodes: Iterable[str], root: Path = REPO_ROOT) -> Deployment:
    """Check that every node answers, then build the egg and deploy it to each (ScrapydError, one line)."""
    servers = [Node(url) for url in nodes]
    for node in servers:
        node.call("daemonstatus.json")
    version = scrapyd.content_version(root)
    scrapyd.deploy(servers, scrapyd.cached_egg(root, version), version)
    return Deployment(servers, version)


def run_scrapyd_crawls(
    outlets: Iterable[str],
    db_path: str | os.PathLike[str],
    nodes: Iterable[str] | Deployment,
    redis_url: str,
    since: str | None = None,
    settings: Mapping[str, Any] | None = None,
    on_progress: ProgressCallback | None = None,
    workers: int = 1,
    stop: threading.Event | None = None,
    force: threading.Event | None = None,
    timeout: float | None = None,
    root: Path = REPO_ROOT,
) -> list[CrawlResult]:
    """Crawl ``outlets`` on the Scrapyd ``nodes``: deploy this checkout's egg to each (unless ``nodes`` is a
    Deployment already made), schedule ``workers`` jobs per outlet per node (all of an outlet's jobs share its
    frontier in Redis), follow them to the end while the items they push reach the store (through the writer loop
    run here, or a `rumours store-writer` holding the store's writer lock), then close each outlet's crawl_runs row.
    Results in the order given.

    Raises ScrapydError (one line) when a node cannot be reached or refuses the egg, before any outlet starts.
    Once ``stop`` is set, or ``timeout`` seconds have passed, the jobs are cancelled (Scrapy closes the spiders and
    they report their runs)."""
    names = list(outlets)
    servers, version = nodes if isinstance(nodes, Deployment) else deploy_project(nodes, root)
    prepare_store(db_path)
    results: dict[str, CrawlResult] = {}
    with contextlib.ExitStack() as held:
        running: list[str] = []
        for name in names:  # one crawl of an outlet per store at a time, whichever engine runs it
            if stop is not None and stop.is_set():
                results[name] = CrawlResult(outlet=name, returncode=-1, reason="stopped")
                continue
            try:
                held.enter_context(StoreLock(db_path, f"crawl-{name}"))
                running.append(name)
            except StoreBusy as exc:
                results[name] = CrawlResult(outlet=name, returncode=-1, reason=f"skipped: {exc}")
                logger.warning("crawl of %s skipped: %s", name, exc)
        if running:
            crawl = (since, settings, on_progress, workers, stop, force, timeout)
            results.update(_crawl(running, db_path, servers, version, redis_url, *crawl))
    for result in results.values():
        if not (result.ok or result.skipped or result.not_started):
            logger.warning("crawl of %s: %s", result.outlet, result.describe())
    return [results[name] for name in names]


def _crawl(
    names: list[str],
    db_path: str | os.PathLike[str],
    servers: list[Node],
    version: str,
    redis_url: str,
    since: str | None,
    settings: Mapping[str, Any] | None,
    on_progress: ProgressCallback | None,
    workers: int,
    stop: threading.Event | None,
    force: threading.Event | None,
    timeout: float | None,
) -> dict[str, CrawlResult]:
    """New runs of ``names`` (locked), their jobs followed to the end with the writer loop beside them."""
    from .store import Store

    def changed(all_jobs: list[Job]) -> None:
        for name in names if on_progress else ():
            mine = [job for job in all_jobs if job.outlet == name]
            on_progress(name, {"event": "jobs", "status": _job_status(mine)})  # type: ignore[misc]

    writer = start_writer(redis_url, db_path)  # None: a running `rumours store-writer` holds the store
    try:
        with Store(Path(db_path)) as store:
            for name in names:
                seed_validators(store, redis_url, name)
        runs = {name: prepare_run(redis_url, name) for name in names}
        jobs = _schedule_all(servers, runs, version, redis_url, since, settings or {}, workers)
        changed(jobs)
        scrapyd.follow(jobs, stop, force, on_change=changed, timeout=timeout)
        written = _wait_written(redis_url, writer)
    finally:
        if writer is not None:
            writer.close(wait_empty=False)
    problem = None if written and (writer is None or writer.error is None) else _writer_problem(writer)
    client = connect(redis_url)
    results = {}
    for name in names:
        status = finish_run(redis_url, db_path, name, runs[name]) if problem is None else None
        row = _run_row(db_path, run_row(client, name, runs[name]))
        result = _result(name, [job for job in jobs if job.outlet == name], status, row)
        if problem is not None:
            result.returncode, result.reason = 1, problem
        results[name] = result
    return results


def _writer_problem(writer: Any) -> str:
    error = getattr(writer, "error", None)
    if error is not None:
        return f"items left in Redis: the store writer stopped ({' '.join(str(error).split())[:200]})"
    return "items left in Redis: the store writer wrote none for a while (is `rumours store-writer` running?)"


def _schedule_all(
    servers: list[Node],
    runs: Mapping[str, str],
    version: str,
    redis_url: str,
    since: str | None,
    settings: Mapping[str, Any],
    workers: int,
) -> list[Job]:
    """``workers`` jobs per outlet on every node; a node that fails here cancels what was already scheduled."""
    jobs: list[Job] = []
    try:
        for name, run_id in runs.items():
            job_settings = {**settings, "RUMOURS_REDIS_URL": redis_url, "RUMOURS_RUN_ID": run_id}
            for n, node in enumerate(servers):
                for k in range(max(1, workers)):
                    jobid = f"{name}-{run_id}-{n}-{k}"
                    jobs.append(
                        scrapyd.schedule(node, name, jobid, version, job_settings, {"since": since} if since else None)
                    )
    except scrapyd.ScrapydError:
        scrapyd.cancel(jobs)
        raise
    return jobs
