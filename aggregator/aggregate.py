"""The aggregate step: extract claims from pending reports, then regroup the players they touched."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from . import bands, families
from .analysis import JOB_COLUMNS, Analyser, Analysis, Job, default_workers
from .concepts.club_sides import sides_to_json
from .copies import relink_copies
from .extract import EXTRACTOR_VERSION
from .locks import StoreLock
from .regroup import regroup_batch
from .store import Store, chunked

logger = logging.getLogger(__name__)

EXTRACT_BATCH = 1000
# A large backlog (a first build, an import) commits every this many batches instead of every batch: each commit
# writes the pages it dirtied to the write-ahead log and then to the file, and a batch's band keys fall at random
# all over the band index, so per-batch commits wrote that whole index again for every 1,000 reports.
COMMIT_BATCHES = 20
# ... or as soon as a group has held the write lock this long: crawls writing meanwhile wait for it (SQLite's busy
# timeout is 30 s), so a group never holds it near that.
COMMIT_SECONDS = 10.0
BULK_CACHE_KIB = 512 * 1024  # page cache while a large backlog is written: a commit's dirty pages stay in memory
# Write-ahead-log pages before a checkpoint while a large backlog is written (SQLite's default is 1,000, so every
# group's commit copied its pages into the file): a page several groups rewrite is copied once. ~100 MB of log.
BULK_CHECKPOINT_PAGES = 25_000


@dataclass
class AggregateResult:
    reports_extracted: int = 0
    reports_failed: int = 0  # reports whose analysis raised: stored with the reason, without claims
    claims: int = 0
    players_regrouped: int = 0
    claims_regrouped: int = 0  # claims read to regroup them: follows the new work, not the store
    deals_written: int = 0
    rebuilt: bool = False
    stopped: bool = False  # asked to stop before the work was done (an incremental run keeps its batches)


def reset_derived(store: Store) -> None:
    """Drop every derived row so the next pass recomputes claims and deals from stored reports."""
    with store.transaction() as db:
        db.execute("DELETE FROM deal_reports")
        db.execute("DELETE FROM deals")
        db.execute("DELETE FROM claims")
        db.execute("DELETE FROM regroup_queue")
        db.execute("DELETE FROM regroup_windows")
        db.execute("DELETE FROM player_key_tokens")
        db.execute("DELETE FROM player_keys")
        bands.clear(db)
        db.execute("UPDATE reports SET extracted_version = NULL, signature = NULL, duplicate_of = NULL")


def aggregate(
    store: Store,
    *,
    rebuild: bool = False,
    workers: int | None = None,
    progress: Callable[[str, int], None] | None = None,
    stop: Callable[[], bool] | None = None,
    wait: float | None = 0,
) -> AggregateResult:
    """Extract what is new since the last run and regroup the players it touched (all of it with rebuild).

    ``workers``: analysis processes beside this one, which writes each batch and then analyses the part of the next
    that they have not started (0: inline; default: the other cores when the backlog is large, else inline).
    ``stop``: polled between batches; when it returns True the run ends at that transaction boundary (a rebuild
    is then rolled back whole). ``wait``: seconds to wait for another aggregate of the same store to finish
    (0: raise StoreBusy at once; None: wait for ever).

    A rebuild (asked for, or because the extractor changed) runs in one transaction: readers keep seeing the old
    claims and deals until the new ones are complete, then see all of them at once."""
    with StoreLock(store.path, "aggregate", wait=wait):
        needs_rebuild = rebuild or store.get_meta("extractor_version") not in (None, EXTRACTOR_VERSION)
        if not needs_rebuild:
            with store.transaction():
                store.set_meta("extractor_version", EXTRACTOR_VERSION)
            return _run(store, AggregateResult(), workers, progress, stop)
        logger.info("rebuilding derived tables (rebuild=%s, extractor %s)", rebuild, EXTRACTOR_VERSION)
        try:
            with store.transaction():
                reset_derived(store)
                store.set_meta("extractor_version", EXTRACTOR_VERSION)
                result = _run(store, AggregateResult(rebuilt=True), workers, progress, stop)
                if result.stopped:
                    raise _RebuildStopped
        except _RebuildStopped:
            logger.info("rebuild stopped before it was complete: the previous claims and deals are kept")
            return AggregateResult(stopped=True)
        return result


class _RebuildStopped(Exception):
    """Unwinds a rebuild's transaction when it is asked to stop."""


def _run(
    store: Store,
    result: AggregateResult,
    workers: int | None,
    progress: Callable[[str, int], None] | None,
    stop: Callable[[], bool] | None,
) -> AggregateResult:
    def stopping() -> bool:
        if stop is not None and stop():
            result.stopped = True
        return result.stopped

    pending = store.db.execute("SELECT COUNT(*) FROM reports WHERE extracted_version IS NULL").fetchone()[0]
    with (
        Analyser(workers if workers is not None else default_workers(pending)) as analyser,
        _bulk_writes(store, pending) as group,
    ):
        jobs = _pending_jobs(store, after=0)
        running = analyser.submit(jobs)
        while jobs and not stopping():
            analyses = running.results()  # computed before the write lock is taken
            upcoming = _pending_jobs(store, after=jobs[-1].report_id)
            # With workers, they start on the next batch while this one is written; this process then joins them.
            running = analyser.submit(upcoming)
            group.begin()
            result.claims += _write_analyses(store, analyses)
            group.written()
            result.reports_extracted += len(jobs)
            result.reports_failed += sum(1 for a in analyses if a.error)
            if progress:
                progress("extracted", len(jobs))
            jobs = upcoming
    while not stopping():
        stats = regroup_batch(store)
        if not stats.families:
            break
        result.players_regrouped += stats.families
        result.deals_written += stats.deals
        result.claims_regrouped += stats.claims_read
        if progress:
            progress("regrouped", stats.families)
    return result


class _CommitGroup:
    """Batches written in one transaction: ``COMMIT_BATCHES`` of them (fewer once it is ``COMMIT_SECONDS`` old), or
    each alone (``size`` 1)."""

    def __init__(self, store: Store, size: int) -> None:
        self.store, self.size, self.count = store, size, 0
        self.open = False
        self.opened_at = 0.0

    def begin(self) -> None:
        if self.size > 1 and not self.open and not self.store.db.conn.in_transaction:
            self.store.db.conn.execute("BEGIN IMMEDIATE")
            self.open, self.count, self.opened_at = True, 0, time.monotonic()

    def written(self) -> None:
        self.count += 1
        if self.open and (self.count >= self.size or time.monotonic() - self.opened_at >= COMMIT_SECONDS):
            self.commit()

    def commit(self) -> None:
        if self.open:
            self.open = False
            if self.store.db.conn.in_transaction:  # not when SQLite itself has rolled back after an error
                self.store.db.conn.execute("COMMIT")


@contextmanager
def _bulk_writes(store: Store, pending: int) -> Iterator[_CommitGroup]:
    """For a large backlog: batches committed in groups, with a page cache big enough to hold a group's dirty
    pages (restored afterwards). A stop or an error ends the group at its last complete batch: a batch is written
    under a savepoint, so one that fails is undone alone and the batches before it are kept, as when each batch
    committed by itself. Inside a rebuild's transaction only the cache changes."""
    bulk = pending >= COMMIT_BATCHES * EXTRACT_BATCH
    group = _CommitGroup(store, COMMIT_BATCHES if bulk else 1)
    conn = store.db.conn
    previous = conn.execute("PRAGMA cache_size").fetchone()[0]
    checkpoint = conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
    if bulk:
        conn.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
        conn.execute(f"PRAGMA wal_autocheckpoint = {BULK_CHECKPOINT_PAGES}")
    try:
        yield group
    finally:
        group.commit()
        conn.execute(f"PRAGMA cache_size = {previous}")
        conn.execute(f"PRAGMA wal_autocheckpoint = {checkpoint}")


def _pending_jobs(store: Store, *, after: int) -> list[Job]:
    rows = store.db.execute(
        f"""SELECT {JOB_COLUMNS} FROM reports r JOIN articles a ON a.id = r.article_id
           WHERE r.extracted_version IS NULL AND r.id > ? ORDER BY r.id LIMIT ?""",
        [after, EXTRACT_BATCH],
    ).fetchall()
    return [Job.from_row(row) for row in rows]


def _inferred_columns(analysis: Analysis) -> tuple[str | None, str | None, str | None]:
    """(published_at, date_source, date_precision) of a report without a given date."""
    inferred = analysis.inferred_date
    if inferred is None:
        return None, None, None
    return inferred.published_at, inferred.source, inferred.precision


def _write_analyses(store: Store, analyses: Sequence[Analysis]) -> int:
    """Store one batch of analyses in one transaction: claims, signatures and bands, families, copies."""
    ids = [a.report_id for a in analyses]
    claim_rows = [
        (
            a.report_id,
            seq,
            c.player,
            c.player_key,
            c.from_club,
            c.to_club,
            c.fee_eur,
            c.fee_text,
            c.stage,
            json.dumps(list(c.cited_sources), ensure_ascii=False),
            sides_to_json(c.clubs),
        )
        for a in analyses
        for seq, c in enumerate(a.claims)
    ]
    band_rows = [(band, a.report_id) for a in analyses for band in a.bands]
    new_keys = {c.player_key for a in analyses for c in a.claims if c.player_key}
    with store.transaction() as db:
        bands.remove(db, ids)
        for chunk in chunked(ids):
            marks = ",".join("?" * len(chunk))
            db.execute(f"DELETE FROM claims WHERE report_id IN ({marks})", chunk)
        # Before the claims: their insert trigger takes each claim's window from its report's date. A date the
        # report was given stays; any other is the one inferred now, or none.
        db.conn.executemany(
            """UPDATE reports SET signature = ?, extracted_version = ?, extract_error = ?,
                 published_at = CASE WHEN date_source = 'given' THEN published_at ELSE ? END,
                 date_source = CASE WHEN date_source = 'given' THEN date_source ELSE ? END,
                 date_precision = CASE WHEN date_source = 'given' THEN date_precision ELSE ? END
               WHERE id = ?""",
            [(a.signature, EXTRACTOR_VERSION, a.error, *_inferred_columns(a), a.report_id) for a in analyses],
        )
        db.conn.executemany(
            """INSERT INTO claims (report_id, seq, player, player_key, from_club, to_club, fee_eur, fee_text, stage,
               cited_sources, clubs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            claim_rows,
        )
        bands.add(db, band_rows)
        # Claims written and removed queue their (player, window) by trigger; a family whose members changed is
        # regrouped whole.
        touched = families.register(db, new_keys)
        db.conn.executemany("INSERT OR IGNORE INTO regroup_queue (player_key) VALUES (?)", [(f,) for f in touched])
        relink_copies(store, ids)
    return len(claim_rows)
