"""Engine-independent pieces of distributed crawls: new runs, validators for workers, drain waits, the writer loop."""

from __future__ import annotations

import logging
import os
import secrets
import threading
import time
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .envelopes import INFLIGHT_SCRIPT, ITEMS, PROCESSING, connect, frontier_key, validators_json, validators_key
from .locks import StoreBusy, StoreLock
from .store_writer import WRITER_LOCK, drain, run_row, summarise_run

logger = logging.getLogger(__name__)
SEED_BATCH = 1000


def new_run_id() -> str:
    """A run id that sorts by time: ``20250601T101500-3fa2c1``."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(3)


def prepare_run(redis_url: str | Any, outlet: str, run_id: str | None = None) -> str:
    """Start a new run of ``outlet`` (its spider name): clear its queue, duplicate filter and worker bookkeeping,
    and make ``run_id`` (a new one when None) the outlet's current run. Workers started with
    ``RUMOURS_RUN_ID=<run id>`` join it; feeds and listings are fetched again, once, in every run."""
    client = connect(redis_url) if isinstance(redis_url, str) else redis_url
    run_id = run_id or new_run_id()
    workers = [w.decode() for w in client.smembers(frontier_key(outlet, "workers"))]
    stale = [frontier_key(outlet, k) for k in ("requests", "dupefilter", "workers", "seq", "drained")]
    stale += [frontier_key(outlet, f"{kind}:{w}") for w in workers for kind in ("inflight", "alive")]
    pipe = client.pipeline()
    pipe.delete(*stale)
    pipe.set(frontier_key(outlet, "run"), run_id)
    pipe.execute()
    logger.info("new distributed run %s of %s", run_id, outlet)
    return run_id


def current_run(redis_url: str | Any, outlet: str) -> str | None:
    """The outlet's current run id, or None before its first run."""
    client = connect(redis_url) if isinstance(redis_url, str) else redis_url
    value = client.get(frontier_key(outlet, "run"))
    return value.decode() if value is not None else None


def seed_validators(store: Any, redis_url: str | Any, spider: str, outlet: str | None = None) -> int:
    """Replace the validators hash ``spider``'s workers read with the stored articles' conditional-request
    validators (of the store's outlet id ``outlet``, or all): whatever an earlier run, or another store, left there
    is gone, all at once (built aside, then renamed over it). How many."""
    client = connect(redis_url) if isinstance(redis_url, str) else redis_url
    sql = "SELECT url, etag, last_modified, modified_at, content_hash, fetched_at FROM articles"
    rows = store.db.query(sql + (" WHERE outlet_id = ?" if outlet else ""), [outlet] if outlet else [])
    target = validators_key(spider)
    aside = f"{target}:seeding:{secrets.token_hex(8)}"
    count, batch = 0, {}
    try:
        for row in rows:
            batch[row["url"]] = validators_json(row)
            if len(batch) >= SEED_BATCH:
                client.hset(aside, mapping=batch)
                count, batch = count + len(batch), {}
        if batch:
            client.hset(aside, mapping=batch)
            count += len(batch)
        if count:
            client.rename(aside, target)
        else:
            client.delete(target)
    finally:
        client.delete(aside)  # only left over when seeding failed half-way
    return count


def frontier_state(redis_url: str | Any, outlet: str) -> tuple[int, int]:
    """(queued requests, requests in flight at any worker) of the outlet's frontier."""
    client = connect(redis_url) if isinstance(redis_url, str) else redis_url
    queued = int(client.zcard(frontier_key(outlet, "requests")))
    inflight = int(client.eval(INFLIGHT_SCRIPT, 1, frontier_key(outlet, "workers"), frontier_key(outlet, "inflight:")))
    return queued, inflight


def items_pending(redis_url: str | Any) -> int:
    """Envelopes not yet written to the store (queued or taken by a writer)."""
    client = connect(redis_url) if isinstance(redis_url, str) else redis_url
    return int(client.llen(ITEMS)) + int(client.llen(PROCESSING))


def wait_drained(
    redis_url: str | Any,
    outlets: Iterable[str] = (),
    *,
    items: bool = True,
    timeout: float | None = None,
    stop: threading.Event | None = None,
    poll: float = 0.2,
) -> bool:
    """Wait until the frontiers of ``outlets`` are drained in their current run (a worker has started it, nothing
    is queued, nothing in flight) and, with ``items``, every envelope is written. False when ``timeout`` passed or
    ``stop`` was set first. Workers send their run's end as they close: to close a run, wait for the worker processes
    (or jobs) to exit, then for the items (``outlets=()``), then call ``finish_run``."""
    client = connect(redis_url) if isinstance(redis_url, str) else redis_url
    names = list(outlets)
    deadline = None if timeout is None else time.monotonic() + timeout

    def drained(name: str) -> bool:
        return bool(client.exists(frontier_key(name, "dupefilter"))) and frontier_state(client, name) == (0, 0)

    while True:
        if all(drained(n) for n in names) and (not items or items_pending(client) == 0):
            return True
        if (deadline is not None and time.monotonic() >= deadline) or (stop is not None and stop.is_set()):
            return False
        time.sleep(poll)


def finish_run(redis_url: str | Any, db_path: str | os.PathLike[str], outlet: str, run_id: str) -> str | None:
    """Once every worker of the run has exited and its envelopes are written: close the run's crawl_runs row
    (workers killed before reporting are counted as lost). The row's status, None when no worker ever started."""
    from .store import Store

    client = connect(redis_url) if isinstance(redis_url, str) else redis_url
    if run_row(client, outlet, run_id) is None:
        return None
    drained = frontier_state(client, outlet) == (0, 0)
    with Store(Path(db_path)) as store:
        return summarise_run(client, store, outlet, run_id, final=True, drained=drained)


class BackgroundWriter:
    """The store writer loop on a thread of this process, holding the store's writer lock (``start`` raises
    StoreBusy when another writer, e.g. `rumours store-writer`, holds it: that one does the writing then)."""

    def __init__(self, redis_url: str, db_path: str | os.PathLike[str]) -> None:
        self.redis_url, self.db_path = redis_url, db_path
        self.lock = StoreLock(db_path, WRITER_LOCK)
        self.stop = threading.Event()
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="store-writer", daemon=True)

    def start(self) -> BackgroundWriter:
        self.lock.acquire()
        self.thread.start()
        return self

    def _run(self) -> None:
        from .store import Store

        try:
            with Store(Path(self.db_path)) as store:
                drain(self.redis_url, store, stop=self.stop)
        except BaseException as exc:  # reported by close(); the envelope stays in processing for the next writer
            logger.error("store writer stopped: %s", exc)
            self.error = exc

    def __enter__(self) -> BackgroundWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def alive(self) -> bool:
        return self.thread.is_alive()

    def close(self, *, wait_empty: bool = True, timeout: float | None = 60.0) -> None:
        """Stop the loop, once every queued envelope is written when ``wait_empty``; release the lock."""
        try:
            if wait_empty and self.alive:
                deadline = None if timeout is None else time.monotonic() + timeout
                while self.alive and items_pending(self.redis_url):
                    if deadline is not None and time.monotonic() >= deadline:
                        break
                    time.sleep(0.1)
            self.stop.set()
            self.thread.join(timeout=30)
        finally:
            self.lock.release()


def start_writer(redis_url: str, db_path: str | os.PathLike[str]) -> BackgroundWriter | None:
    """A running BackgroundWriter, or None when another writer holds the store."""
    try:
        return BackgroundWriter(redis_url, db_path).start()
    except StoreBusy as exc:
        logger.info("store writer not started here: %s", exc)
        return None
