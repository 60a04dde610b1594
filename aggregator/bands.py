"""The LSH band index of near-duplicate detection: a large sorted table and a small one for recent bands.

Band keys are random, so every batch of new reports touches pages all over a single index, and each commit writes
those pages to the write-ahead log and then to the file again: building a 1,000,000-article store wrote about 20x
its size. New bands go to ``report_bands_recent`` instead, which stays small enough to live in the page cache; once
it holds ``RECENT_ROWS`` rows they are merged into ``report_bands`` in key order, which writes each page of the big
index once per merge. Lookups read both tables and answer exactly as one table would."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from sqlite_utils import Database

from .store import chunked, marks

TABLES = ("report_bands", "report_bands_recent")
# Rows the recent table may hold before a merge: about 50,000 reports' bands, some 10 MB of pages.
RECENT_ROWS = 500_000


def add(db: Database, rows: Sequence[tuple[int, int]]) -> None:
    """Index ``(band, report_id)`` rows; merges the recent table into the main one when it is full."""
    db.conn.executemany("INSERT OR IGNORE INTO report_bands_recent (band, report_id) VALUES (?, ?)", sorted(rows))
    if rows and recent_count(db) >= RECENT_ROWS:
        merge(db)


def recent_count(db: Database) -> int:
    return int(db.execute("SELECT COUNT(*) FROM report_bands_recent").fetchone()[0])


def merge(db: Database) -> None:
    """Move every recent row into the main index, in key order (the caller's transaction holds both steps)."""
    db.execute(
        """INSERT OR IGNORE INTO report_bands (band, report_id)
           SELECT band, report_id FROM report_bands_recent ORDER BY band, report_id"""
    )
    db.execute("DELETE FROM report_bands_recent")


def remove(db: Database, report_ids: Sequence[int]) -> None:
    """Forget the bands of these reports (before they are indexed again)."""
    for chunk in chunked(report_ids):
        for table in TABLES:
            db.execute(f"DELETE FROM {table} WHERE report_id IN ({marks(chunk)})", list(chunk))


def clear(db: Database) -> None:
    for table in TABLES:
        db.execute(f"DELETE FROM {table}")


def bands_of(db: Database, report_ids: Sequence[int]) -> Iterator[tuple[int, int]]:
    """``(report_id, band)`` of every band of these reports."""
    for chunk in chunked(report_ids):
        for table in TABLES:
            yield from db.execute(
                f"SELECT report_id, band FROM {table} WHERE report_id IN ({marks(chunk)})", list(chunk)
            ).fetchall()


def postings(db: Database, wanted: Iterable[int], limit: int) -> dict[int, list[int]]:
    """For each band in ``wanted``, the first ``limit`` report ids (ascending) that have it, from both tables (a row
    in both counts once)."""
    query = """SELECT report_id FROM report_bands WHERE band = ?1
               UNION SELECT report_id FROM report_bands_recent WHERE band = ?1 ORDER BY 1 LIMIT ?2"""
    execute = db.conn.execute
    return {band: [r[0] for r in execute(query, (band, limit))] for band in set(wanted)}


def all_rows(db: Database) -> list[tuple[int, int]]:
    """Every ``(band, report_id)``, sorted: what one table would hold (for checks and tests)."""
    rows: list[tuple[int, int]] = []
    for table in TABLES:
        rows += db.execute(f"SELECT band, report_id FROM {table}").fetchall()
    return sorted(set(rows))
