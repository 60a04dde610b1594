"""The one store writer of distributed crawls: moves envelopes from Redis into SQLite reliably; no Scrapy here."""

from __future__ import annotations

import json
import logging
import threading
import time
from dataclasses import dataclass
from typing import Any

from .dates import utc_now_iso
from .envelopes import (
    BAD,
    CRAWL_RUNS,
    ITEMS,
    PROCESSING,
    BadEnvelope,
    Envelope,
    connect,
    decode,
    run_workers_key,
    validators_json,
    validators_key,
    write_article,
)
from .records import OutletRecord
from .urls import canonical_url

logger = logging.getLogger(__name__)
WRITER_LOCK = "store-writer"  # the StoreLock name: one writer per store
BLOCK_SECONDS = 0.5  # how long one wait for an envelope blocks: how soon a stop is noticed


@dataclass
class DrainStats:
    """What one ``drain`` did."""

    written: int = 0
    bad: int = 0
    recovered: int = 0


def drain(
    redis_url: str | Any,
    store: Any,
    *,
    stop: threading.Event | None = None,
    idle_exit: float | None = None,
    block: float = BLOCK_SECONDS,
) -> DrainStats:
    """Write every envelope queued on ``rumours:items`` to ``store`` until ``stop`` is set, or until the queue has
    been empty for ``idle_exit`` seconds (0: as soon as it is empty; None: never).

    Each envelope is moved to ``rumours:items:processing`` (LMOVE), written and committed, then removed from there:
    envelopes a killed writer had taken are written first on the next start (a repeated upsert changes nothing).
    An unreadable envelope is logged on one line and moved to ``rumours:items:bad``. A store error propagates with
    the envelope left in processing, for the next start."""
    client = connect(redis_url) if isinstance(redis_url, str) else redis_url
    stats = DrainStats()
    for raw in reversed(client.lrange(PROCESSING, 0, -1)):  # oldest first: taken from the right, pushed left
        if stop is not None and stop.is_set():
            return stats
        _handle(client, store, raw, stats)
        stats.recovered += 1
    if stats.recovered:
        logger.info("store writer: %s envelopes left by an earlier writer written", stats.recovered)
    empty_since: float | None = None
    while stop is None or not stop.is_set():
        if idle_exit is not None and idle_exit <= 0:
            raw = client.lmove(ITEMS, PROCESSING, "RIGHT", "LEFT")
        else:
            raw = client.blmove(ITEMS, PROCESSING, block, "RIGHT", "LEFT")
        if raw is None:
            now = time.monotonic()
            empty_since = empty_since or now
            if idle_exit is not None and now - empty_since >= idle_exit:
                break
            continue
        empty_since = None
        _handle(client, store, raw, stats)
    return stats


def _handle(client: Any, store: Any, raw: bytes, stats: DrainStats) -> None:
    try:
        envelope = decode(raw)
        apply(client, store, envelope)
    except (BadEnvelope, ValueError, TypeError, KeyError) as exc:  # the envelope's fault, not the store's
        reason = " ".join(str(exc).split())[:200] or type(exc).__name__
        logger.error("store writer: bad envelope moved to %s: %s: %r", BAD, reason, raw[:80])
        client.pipeline().lpush(BAD, raw).lrem(PROCESSING, 1, raw).execute()
        stats.bad += 1
        return
    client.lrem(PROCESSING, 1, raw)
    stats.written += 1


def apply(client: Any, store: Any, envelope: Envelope) -> None:
    """Write one event to the store (each store method commits its own transaction)."""
    body = envelope.body
    if envelope.kind == "article":
        status = write_article(store, body["item"])
        url = canonical_url(body["item"]["url"])
        if (validators := validators_json(store.article_validators(url))) is not None:
            client.hset(validators_key(envelope.spider), url, validators)
        logger.debug("store writer: %s %s", status, url)
    elif envelope.kind == "not_modified":
        url = canonical_url(str(body["url"]))
        store.mark_not_modified(url, body.get("fetched_at") or utc_now_iso())
        if (validators := validators_json(store.article_validators(url))) is not None:
            client.hset(validators_key(envelope.spider), url, validators)
    elif envelope.kind == "run_start":
        _run_start(client, store, envelope)
    else:
        _run_end(client, store, envelope)


def run_row(client: Any, spider: str, run_id: str) -> int | None:
    """The crawl_runs id of a distributed run, once its first worker's start was written."""
    value = client.hget(CRAWL_RUNS, f"{spider}:{run_id}")
    return int(value) if value is not None else None


def _run_start(client: Any, store: Any, envelope: Envelope) -> None:
    body, spider = envelope.body, envelope.spider
    run_id, worker = str(body["run"]), str(body["worker"])
    outlet = body.get("outlet") or {}
    outlet_id = str(outlet.get("id") or spider)
    store.upsert_outlet(
        OutletRecord(
            id=outlet_id,
            name=str(outlet.get("name") or spider),
            domain=str(outlet.get("domain") or spider),
            language=outlet.get("language"),
            country=outlet.get("country") or None,
        )
    )
    if run_row(client, spider, run_id) is None:
        row = store.start_crawl_run(outlet_id, spider)
        client.hset(CRAWL_RUNS, f"{spider}:{run_id}", row)
    client.hsetnx(run_workers_key(spider, run_id), worker, "started")


def _run_end(client: Any, store: Any, envelope: Envelope) -> None:
    body, spider = envelope.body, envelope.spider
    run_id, worker = str(body["run"]), str(body.get("worker") or "?")
    report = {k: body.get(k) for k in ("requests", "items", "errors", "reason")}
    if not isinstance(report["errors"] or [], list):
        raise BadEnvelope("run_end errors is not a list")
    client.hset(run_workers_key(spider, run_id), worker, json.dumps(report))
    summarise_run(client, store, spider, run_id, final=False)


def summarise_run(client: Any, store: Any, spider: str, run_id: str, *, final: bool, drained: bool = False) -> str:
    """Write the sums of the run's worker reports into its crawl_runs row; the status written.

    Until every worker that started has reported the row stays ``running``. ``final`` (the engine, once every
    worker process has exited): a worker that never reported was killed; its requests went back to the queue, so
    the run is ``ok`` when the frontier ``drained`` and the others finished well, with the loss among its errors."""
    row = run_row(client, spider, run_id)
    if row is None:
        return "missing"
    workers = client.hgetall(run_workers_key(spider, run_id))
    reports, lost = [], []
    for worker, value in sorted(workers.items()):
        if value == b"started":
            lost.append(worker.decode(errors="replace"))
        else:
            reports.append(json.loads(value))
    errors = [e for r in reports for e in (r.get("errors") or [])]
    errors += [{"url": "", "reason": f"worker {w} ended without closing its run", "kind": "worker_lost"} for w in lost]
    requests = sum(int(r.get("requests") or 0) for r in reports)
    items = sum(int(r.get("items") or 0) for r in reports)
    finished = bool(reports) and all(r.get("reason") == "finished" for r in reports)
    if lost and not final:
        return "running"  # the row keeps its start until every worker has reported
    status = "ok" if finished and (items or not errors) else "failed"
    if lost and not drained:
        status = "interrupted"
    store.finish_crawl_run(row, requests=requests, items=items, errors=errors, status=status)
    logger.info("crawl run %s (%s %s): %s items, %s errors, %s", row, spider, run_id, items, len(errors), status)
    return status
