"""Per-report analysis (claims + MinHash signature): pure work, run inline or shared with worker processes.

With workers, a batch is cut into small chunks that are all submitted to the pool at once; when the caller wants
the results it takes back every chunk the pool has not started yet, from the end, and analyses those itself. So
the process that writes batch *i* spends what is left of its time analysing batch *i+1* beside the workers, and
every core stays busy whatever the split between writing and analysing. Results come back in job order.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import date
from types import TracebackType
from typing import Any

from . import dedup
from .concepts import MAX_TEXT_CHARS, MAX_TITLE_CHARS
from .extract import Claim, extract_claims
from .processes import Lifeline, exit_with_parent
from .pubdates import InferredDate, infer_date

logger = logging.getLogger(__name__)

# Below this many pending reports, starting worker processes costs more than it saves.
PARALLEL_FROM = 2_000
# Jobs per pooled chunk: small, so the caller and the workers finish a batch close together (the caller waits for
# at most the chunks a worker has already taken), large enough that passing a chunk costs little.
CHUNK = 16
MAX_ERROR_CHARS = 500  # of a failed analysis's reason, as stored


# What extraction reads of a stored report (``reports r JOIN articles a``), in ``Job.from_row``'s order: only the
# part of a text and a headline that is read is loaded, however much the store holds.
JOB_COLUMNS = f"""r.id, substr(r.text, 1, {MAX_TEXT_CHARS}), substr(r.title, 1, {MAX_TITLE_CHARS}), r.cited_source,
    substr(a.title, 1, {MAX_TITLE_CHARS}), a.language,
    (SELECT COUNT(*) FROM reports r2 WHERE r2.article_id = r.article_id) AS siblings,
    a.url, r.date_source, substr(a.first_seen_at, 1, 10)"""


@dataclass(frozen=True, slots=True)
class Job:
    report_id: int
    text: str
    title: str
    language: str | None
    cited_source: str | None
    url: str = ""
    date_given: bool = True  # the report has a date from its outlet or its import: none is inferred
    seen_on: date | None = None  # the day the store first saw the article: no inferred date comes after it

    @classmethod
    def from_row(cls, row: Sequence[Any]) -> Job:
        """A job from a row of ``JOB_COLUMNS``. A gossip item is about its own rumour: the column's headline
        would mislead extraction, so an article's title heads its report only when it has one report."""
        rid, text, item_title, cited, article_title, language, siblings, url, date_source, seen_on = row
        title = item_title or (article_title if siblings == 1 else "") or ""
        given = date_source == "given"
        return cls(rid, text, title, language, cited, url, given, date.fromisoformat(seen_on) if seen_on else None)


@dataclass(frozen=True, slots=True)
class Analysis:
    report_id: int
    claims: tuple[Claim, ...]
    signature: bytes | None
    bands: tuple[int, ...]  # the signature's LSH band keys (``dedup.Signature.bands``), empty without a signature
    error: str | None = None  # why the analysis failed (then no claims and no signature)
    inferred_date: InferredDate | None = None  # for a report without a given date: its URL's or its text's


def analyse(job: Job) -> Analysis:
    """The report's claims and signature; a report whose analysis raises (MemoryError too) comes back failed, with
    the reason, so it never stops the others."""
    try:
        return _analysed(job)
    except Exception as exc:
        logger.warning("report %d: analysis failed: %r", job.report_id, exc)
        return Analysis(job.report_id, (), None, (), error=f"{type(exc).__name__}: {exc}"[:MAX_ERROR_CHARS])


def _analysed(job: Job) -> Analysis:
    claims = extract_claims(job.text, title=job.title, language=job.language, cited_source=job.cited_source)
    inferred = None
    if not job.date_given and job.seen_on is not None:
        inferred = infer_date(job.url, job.text, job.language, job.seen_on)
    sig = dedup.signature(job.text)
    if sig is None:
        return Analysis(job.report_id, tuple(claims), None, (), inferred_date=inferred)
    return Analysis(job.report_id, tuple(claims), sig.to_bytes(), tuple(sig.bands()), inferred_date=inferred)


def analyse_chunk(jobs: Sequence[Job]) -> list[Analysis]:
    return [analyse(job) for job in jobs]


class Batch:
    """A batch under analysis: chunks handed to the pool (``None``: analysed by the caller)."""

    def __init__(self, chunks: list[Sequence[Job]], futures: list[Future[list[Analysis]] | None]) -> None:
        self._chunks = chunks
        self._futures = futures
        self.taken_back = 0  # pooled chunks the caller analysed itself

    def results(self) -> list[Analysis]:
        """Every job's analysis, in job order (call once). Chunks the pool has not started are cancelled there and
        analysed here, last first; the pool takes chunks first to last, so the two meet in between."""
        done: list[list[Analysis] | None] = [None] * len(self._chunks)
        for i in reversed(range(len(self._chunks))):
            future = self._futures[i]
            if future is not None:
                if not future.cancel():
                    break  # the pool holds this chunk and, taking them in order, every one before it
                self.taken_back += 1
            done[i] = analyse_chunk(self._chunks[i])
        out: list[Analysis] = []
        for i, chunk_result in enumerate(done):
            if chunk_result is None:
                future = self._futures[i]
                assert future is not None
                try:
                    chunk_result = future.result()
                except BrokenProcessPool:  # a worker was killed (the OOM killer, kill -9): redo its part here
                    logger.warning("an analysis worker died: analysing its reports in the main process")
                    chunk_result = analyse_chunk(self._chunks[i])
            out.extend(chunk_result)
        return out


def _submitted(pool: Executor, chunk: Sequence[Job]) -> Future[list[Analysis]] | None:
    """The chunk handed to the pool, or None (analysed by the caller) once a dead worker has broken the pool."""
    try:
        return pool.submit(analyse_chunk, chunk)
    except BrokenProcessPool:
        return None


class Analyser:
    """Analyses batches of jobs: inline with ``workers=0``, else shared between this process and a pool of
    processes started once per run (``submit`` a batch, write the previous one, then take its ``results``).

    Only this module's own results cross the process boundary (fetched text goes in, claims come back). A worker
    that dies (kill -9, the OOM killer) breaks the pool: what it held and the rest of the run are analysed here."""

    def __init__(self, workers: int = 0) -> None:
        self.workers = max(0, workers)
        self._pool: Executor | None = None
        self._lifeline: Lifeline | None = None
        if self.workers > 0:
            # forkserver: no fork of a process holding SQLite connections and threads.
            context = multiprocessing.get_context("forkserver")
            # Workers wait on their task queue forever if this process is killed: the lifeline ends them.
            self._lifeline = Lifeline(context)
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=context,
                initializer=exit_with_parent,
                initargs=(self._lifeline.child_end,),
            )

    def submit(self, jobs: Sequence[Job]) -> Batch:
        """Start analysing ``jobs`` in the pool (nothing starts inline until ``results``)."""
        chunks = [jobs[i : i + CHUNK] for i in range(0, len(jobs), CHUNK)]
        pool = self._pool
        if pool is None or len(chunks) < 2:
            return Batch(chunks, [None] * len(chunks))
        return Batch(chunks, [_submitted(pool, chunk) for chunk in chunks])

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
        if self._lifeline is not None:
            self._lifeline.close()
            self._lifeline = None

    def __enter__(self) -> Analyser:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def default_workers(pending: int) -> int:
    """For a large backlog (a rebuild, a first import) one worker per core but this one, which shares the analysis
    with them between writes; inline otherwise."""
    if pending < PARALLEL_FROM:
        return 0
    return max(1, min((os.cpu_count() or 1) - 1, 8))
