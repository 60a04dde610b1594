"""Candidate copies: every pair of reports sharing an LSH band, except through boilerplate bands."""

from __future__ import annotations

from collections.abc import Sequence

from aggregator.aggregate import aggregate
from aggregator.copies import COMMON_BAND, candidate_pairs
from aggregator.dedup import BAND_DIGEST_BITS
from aggregator.store import Store
from bench.synthetic import articles


def one_query_per_band(store: Store, report_ids: Sequence[int]) -> set[tuple[int, int]]:
    """The plain definition: for each band of each report, the band's first COMMON_BAND + 1 reports."""
    pairs: set[tuple[int, int]] = set()
    every = "(SELECT band, report_id FROM report_bands UNION SELECT band, report_id FROM report_bands_recent)"
    for rid in report_ids:
        for (band,) in store.db.execute(f"SELECT band FROM {every} WHERE report_id = ?", [rid]).fetchall():
            posting = [
                r[0]
                for r in store.db.execute(
                    f"SELECT report_id FROM {every} WHERE band = ? ORDER BY report_id LIMIT ?", [band, COMMON_BAND + 1]
                )
            ]
            if len(posting) <= COMMON_BAND:
                pairs.update((rid, other) for other in posting if other != rid)
    return pairs


def test_candidate_pairs_follow_shared_bands_but_not_boilerplate(store: Store) -> None:
    with store.transaction():
        for article in articles(400, seed=17, prefix="c"):
            store.upsert_article(article)
    aggregate(store, workers=0)
    ids = [r[0] for r in store.db.execute("SELECT id FROM reports ORDER BY id")]
    footer, few = 15 << BAND_DIGEST_BITS, (15 << BAND_DIGEST_BITS) + 1  # keys of a band number no signature has
    with store.transaction() as db:  # a footer shared by too many reports, and one shared by a few
        db.conn.executemany("INSERT INTO report_bands (band, report_id) VALUES (?, ?)", [(footer, i) for i in ids])
        db.conn.executemany("INSERT INTO report_bands (band, report_id) VALUES (?, ?)", [(few, i) for i in ids[:3]])
    expected = one_query_per_band(store, ids)
    assert (ids[0], ids[1]) in expected and (ids[2], ids[0]) in expected
    assert not any(a == b for a, b in expected)
    assert candidate_pairs(store, ids) == expected
    assert candidate_pairs(store, ids[100:350]) == one_query_per_band(store, ids[100:350])
    assert candidate_pairs(store, []) == set()
