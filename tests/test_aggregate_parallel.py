"""Analysis in worker processes gives exactly the deals of inline analysis, and rebuild equals incremental."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from aggregator.aggregate import aggregate
from aggregator.queries import iter_deals
from aggregator.store import Store
from bench.synthetic import articles


def stored(path: Path, count: int = 300) -> Store:
    store = Store(path)
    with store.transaction():
        for article in articles(count, seed=11):
            store.upsert_article(article)
    return store


def all_deals(store: Store) -> list[dict[str, Any]]:
    return sorted(iter_deals(store), key=lambda d: d["deal_id"])


def test_worker_processes_give_the_same_deals_as_inline(tmp_path: Path) -> None:
    with stored(tmp_path / "inline.db") as inline, stored(tmp_path / "pool.db") as pooled:
        aggregate(inline, workers=0)
        result = aggregate(pooled, workers=1)
        assert result.reports_extracted == 300
        expected = all_deals(inline)
        assert expected, "the synthetic reports produced no deals"
        assert all_deals(pooled) == expected


@pytest.mark.parametrize("seed", [5, 6, 7])
def test_batches_of_new_articles_then_rebuild(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    with Store(tmp_path / "inc.db") as store:
        pending = list(articles(250, seed=seed))
        while pending:  # incremental runs over batches of random size
            size = rng.randint(1, 80)
            batch, pending = pending[:size], pending[size:]
            with store.transaction():
                for a in batch:
                    store.upsert_article(a)
            aggregate(store, workers=0)
        incremental = all_deals(store)
        aggregate(store, rebuild=True, workers=0)
        assert all_deals(store) == incremental
