"""Sharing a batch between the caller and worker processes gives the inline analyses, in job order."""

from __future__ import annotations

from concurrent.futures import wait
from pathlib import Path

import pytest

from aggregator import aggregate as aggregate_module
from aggregator.analysis import Analyser, Job, analyse
from aggregator.store import Store
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


def derived(store: Store) -> list[list[object]]:
    rows: list[list[object]] = []
    for query in (
        "SELECT id, report_id, seq, player, player_key, from_club, to_club, fee_eur, fee_text, stage, cited_sources"
        " FROM claims ORDER BY id",
        "SELECT id, signature, duplicate_of, extracted_version FROM reports ORDER BY id",
        "SELECT band, report_id FROM report_bands UNION ALL SELECT band, report_id FROM report_bands_recent"
        " ORDER BY band, report_id",
        "SELECT * FROM deals ORDER BY id",
        "SELECT deal_id, claim_id FROM deal_reports ORDER BY deal_id, claim_id",
    ):
        rows.extend(list(r) for r in store.db.execute(query))
    return rows


def test_many_batches_shared_with_a_worker_store_what_inline_analysis_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(aggregate_module, "EXTRACT_BATCH", 70)  # many batches: the next analysed while one is written
    stores = []
    for name, workers in (("inline", 0), ("shared", 1)):
        store = Store(tmp_path / f"{name}.db")
        with store.transaction():
            for article in articles(500, seed=23, prefix="b"):
                store.upsert_article(article)
        result = aggregate_module.aggregate(store, workers=workers)
        assert result.reports_extracted >= 500
        stores.append(store)
    inline, shared = (derived(s) for s in stores)
    assert inline and shared == inline
    for store in stores:
        store.close()
