"""Per-report analysis (claims + MinHash signature): pure work, run inline or spread over worker processes."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from types import TracebackType

from . import dedup
from .extract import Claim, extract_claims

# Below this many pending reports, starting worker processes costs more than it saves.
PARALLEL_FROM = 2_000
CHUNK = 64


@dataclass(frozen=True, slots=True)
class Job:
    report_id: int
    text: str
    title: str
    language: str | None
    cited_source: str | None


@dataclass(frozen=True, slots=True)
class Analysis:
    report_id: int
    claims: tuple[Claim, ...]
    signature: bytes | None


def analyse(job: Job) -> Analysis:
    claims = extract_claims(job.text, title=job.title, language=job.language, cited_source=job.cited_source)
    sig = dedup.signature(job.text)
    return Analysis(job.report_id, tuple(claims), sig.to_bytes() if sig else None)


class Analyser:
    """Maps jobs to analyses, in order: inline with ``workers=0``, else in a pool of processes started once per
    run (the caller writes one batch while the pool analyses the next).

    Only this module's own results cross the process boundary (fetched text goes in, claims come back)."""

    def __init__(self, workers: int = 0) -> None:
        self.workers = max(0, workers)
        self._pool: Executor | None = None
        if self.workers > 0:
            # forkserver: no fork of a process holding SQLite connections and threads.
            context = multiprocessing.get_context("forkserver")
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context)

    def map(self, jobs: Sequence[Job]) -> Iterator[Analysis]:
        if self._pool is None or len(jobs) < CHUNK:
            return map(analyse, jobs)
        return self._pool.map(analyse, jobs, chunksize=max(1, min(CHUNK, len(jobs) // (4 * self.workers))))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Analyser:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def default_workers(pending: int) -> int:
    """For a large backlog (a rebuild, a first import) one worker per core but the one that writes; inline
    otherwise."""
    if pending < PARALLEL_FROM:
        return 0
    return max(1, min((os.cpu_count() or 1) - 1, 8))
