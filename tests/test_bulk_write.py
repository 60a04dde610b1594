"""Writing a large backlog: integer band keys (m010) on upgraded stores, and batches committed in groups."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import numpy as np
import pytest

from aggregator import aggregate as aggregate_module
from aggregator import dedup
from aggregator.aggregate import aggregate
from aggregator.bands import all_rows as all_bands
from aggregator.store import Store, connect
from bench.synthetic import articles


def derived(store: Store) -> list[list[object]]:
    """What a user sees of an aggregate: claims, which report copies which, deals and their reports."""
    rows: list[list[object]] = []
    for query in (
        "SELECT id, report_id, seq, player, player_key, from_club, to_club, fee_eur, stage, cited_sources, window"
        " FROM claims ORDER BY id",
        "SELECT id, duplicate_of, extracted_version FROM reports ORDER BY id",
        "SELECT * FROM deals ORDER BY id",
        "SELECT deal_id, claim_id FROM deal_reports ORDER BY deal_id, claim_id",
    ):
        rows.extend(list(r) for r in store.db.execute(query))
    return rows


def fill(store: Store, count: int, *, seed: int, prefix: str) -> None:
    with store.transaction():
        for article in articles(count, seed=seed, prefix=prefix, pool=count // 20):
            store.upsert_article(article)


def old_band(blob: bytes, band: int) -> str:
    """A band as stores before m010 keyed it: ``"<band>:<hex of its 8-byte BLAKE2b>"``."""
    values = np.frombuffer(blob, dtype="<u4")[band * dedup.ROWS : (band + 1) * dedup.ROWS]
    return f"{band}:{hashlib.blake2b(values.tobytes(), digest_size=8).hexdigest()}"


def downgrade_bands(path: Path) -> None:
    """Turn an aggregated store into one written before m010: text band keys, m010 not applied."""
    db = connect(path)
    with db.conn:
        rows = db.execute("SELECT id, signature FROM reports WHERE signature IS NOT NULL").fetchall()
        db.execute("DROP TABLE report_bands")
        db.execute("DROP TABLE report_bands_recent")
        db.execute(
            """CREATE TABLE report_bands (band TEXT NOT NULL,
               report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
               PRIMARY KEY (band, report_id)) WITHOUT ROWID"""
        )
        db.execute("CREATE INDEX idx_report_bands_report ON report_bands(report_id)")
        db.conn.executemany(
            "INSERT INTO report_bands VALUES (?, ?)",
            [(old_band(blob, b), rid) for rid, blob in rows for b in range(dedup.BANDS)],
        )
        db.execute("DELETE FROM _sqlite_migrations WHERE name IN ('m010_integer_bands', 'm011_recent_bands')")
    db.close()


def test_an_upgraded_store_finds_the_same_copies_and_deals_as_a_new_one(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.db"
    with Store(fresh) as store:
        fill(store, 600, seed=5, prefix="old")
        aggregate(store, workers=0)
        bands = all_bands(store.db)
    upgraded = tmp_path / "upgraded.db"
    shutil.copyfile(fresh, upgraded)
    downgrade_bands(upgraded)
    with Store(upgraded) as store:  # m010 converts the text keys
        assert all_bands(store.db) == bands
        assert store.db.execute("SELECT typeof(band) FROM report_bands GROUP BY 1").fetchall() == [("integer",)]
    results = []
    for path in (fresh, upgraded):  # new reports, wire copies of old ones among them, link to the old ones alike
        with Store(path) as store:
            fill(store, 300, seed=5, prefix="new")
            aggregate(store, workers=0)
            results.append(derived(store))
    assert results[0] == results[1]
    assert any(row[1] is not None for row in results[0] if len(row) == 3)  # copies were found


@pytest.mark.parametrize("group", [1, 3])
def test_grouped_commits_store_what_batch_by_batch_commits_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, group: int
) -> None:
    monkeypatch.setattr(aggregate_module, "EXTRACT_BATCH", 50)
    reference = tmp_path / "reference.db"
    with Store(reference) as store:
        fill(store, 400, seed=9, prefix="g")
    work = tmp_path / f"work-{group}.db"
    shutil.copyfile(reference, work)
    monkeypatch.setattr(aggregate_module, "COMMIT_BATCHES", 1)
    with Store(reference) as store:
        aggregate(store, workers=0)
        expected = derived(store)
    monkeypatch.setattr(aggregate_module, "COMMIT_BATCHES", group)
    with Store(work) as store:
        aggregate(store, workers=0)
        assert derived(store) == expected
        assert not store.db.conn.in_transaction


def test_a_stop_in_a_group_keeps_the_batches_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(aggregate_module, "EXTRACT_BATCH", 50)
    monkeypatch.setattr(aggregate_module, "COMMIT_BATCHES", 4)
    path = tmp_path / "stop.db"
    with Store(path) as store:
        fill(store, 400, seed=9, prefix="s")
        polls = iter(range(100))
        result = aggregate(store, workers=0, stop=lambda: next(polls) >= 6)  # mid-group
        assert result.stopped and result.reports_extracted == 6 * 50
    with Store(path) as store:  # committed: another connection sees them
        done = store.db.execute("SELECT COUNT(*) FROM reports WHERE extracted_version IS NOT NULL").fetchone()[0]
        assert done == 6 * 50


def test_a_group_commits_once_it_has_held_the_write_lock_long_enough(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crawl writing during a large aggregate waits at most about one group: the group is cut by time too."""
    monkeypatch.setattr(aggregate_module, "EXTRACT_BATCH", 50)
    monkeypatch.setattr(aggregate_module, "COMMIT_BATCHES", 4)
    monkeypatch.setattr(aggregate_module, "COMMIT_SECONDS", 0.0)  # every batch is already "long enough"
    path = tmp_path / "timed.db"
    with Store(path) as store:
        fill(store, 400, seed=9, prefix="t")
        commits: list[str] = []
        store.db.conn.set_trace_callback(lambda sql: commits.append(sql) if sql.strip() == "COMMIT" else None)
        aggregate(store, workers=0)
        store.db.conn.set_trace_callback(None)
        batches = -(-store.db.execute("SELECT COUNT(*) FROM reports").fetchone()[0] // 50)
    assert len(commits) >= batches  # one commit per batch at least, not one per group of four


def test_bands_merged_from_the_recent_table_find_the_copies_one_table_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """New bands go to a small table merged into the big index when full: copies, deals and the bands themselves
    are what a store that never merges holds, however many merges happen on the way (incremental runs too)."""
    from aggregator import bands

    monkeypatch.setattr(aggregate_module, "EXTRACT_BATCH", 50)
    results, merges = [], []
    for limit in (10**9, 700):  # never merged; merged every ~70 reports
        monkeypatch.setattr(bands, "RECENT_ROWS", limit)
        with Store(tmp_path / f"bands-{limit}.db") as store:
            fill(store, 500, seed=21, prefix="b")
            aggregate(store, workers=0)
            fill(store, 300, seed=21, prefix="later")  # wire copies of the first among them
            aggregate(store, workers=0)
            results.append((derived(store), all_bands(store.db)))
            merges.append(store.db.execute("SELECT COUNT(*) FROM report_bands").fetchone()[0])
            assert bands.recent_count(store.db) < limit
    assert results[0] == results[1]
    assert merges[0] == 0 and merges[1] > 0  # the first store never merged, the second did
    assert any(row[1] is not None for row in results[0][0] if len(row) == 3)  # copies were found


def test_a_large_backlog_checkpoints_the_log_less_often_and_restores_the_setting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(aggregate_module, "EXTRACT_BATCH", 50)
    monkeypatch.setattr(aggregate_module, "COMMIT_BATCHES", 3)  # a backlog of 150 or more is "large"
    with Store(tmp_path / "ckpt.db") as store:
        fill(store, 400, seed=9, prefix="k")
        seen: list[int] = []

        def progress(kind: str, count: int) -> None:
            if kind == "extracted":
                seen.append(store.db.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0])

        aggregate(store, workers=0, progress=progress)
        assert set(seen) == {aggregate_module.BULK_CHECKPOINT_PAGES}
        assert store.db.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000  # SQLite's default again
