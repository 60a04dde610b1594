"""Sharing a batch between the caller and worker processes gives the inline analyses, in job order."""

from __future__ import annotations

from concurrent.futures import wait

from aggregator.analysis import Analyser, Job, analyse
from bench.synthetic import articles


def jobs(count: int = 240) -> list[Job]:
    return [Job(i, a.text, a.title or "", a.language, None) for i, a in enumerate(articles(count, seed=21, prefix="a"))]


def test_inline_analyser_analyses_every_job_in_order() -> None:
    batch = jobs(50)
    with Analyser(0) as analyser:
        assert analyser.submit(batch).results() == [analyse(j) for j in batch]


def test_caller_takes_back_chunks_the_pool_has_not_started() -> None:
    batch = jobs()
    expected = [analyse(j) for j in batch]
    assert any(a.claims for a in expected) and any(a.bands for a in expected)
    with Analyser(1) as analyser:
        running = analyser.submit(batch)
        assert running.results() == expected  # straight away: the worker is still starting, the caller takes most
        assert running.taken_back > 0
        assert running.taken_back == sum(f is not None and f.cancelled() for f in running._futures)

        running = analyser.submit(batch)
        wait([f for f in running._futures if f is not None])  # the pool did it all: nothing left to take back
        assert running.results() == expected
        assert running.taken_back == 0

        assert analyser.submit([]).results() == []
        assert analyser.submit(batch[:3]).results() == expected[:3]
