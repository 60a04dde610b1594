"""Aggregate speed on synthetic reports: throughput, and an incremental run on a large store.

    python bench/aggregate.py [--articles 20000] [--store-size 1000000] [--new 1000] [--cache PATH] [--only 1|2]

1. Throughput: N synthetic articles are stored, then one ``aggregate`` pass is timed (target >= 2,000/s).
2. Incremental: a store of ``--store-size`` aggregated articles (built once and cached, it takes a while) gets
   ``--new`` fresh articles and one incremental ``aggregate`` is timed (target <= 5 s for 1,000 new on 1,000,000),
   side by side with the same 1,000 on a store of 1% that size, so the ratio shows cost follows new work.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from aggregator.aggregate import aggregate
from aggregator.store import Store
from bench.synthetic import articles

BATCH = 5_000


# Section 2 draws players from a pool that grows with the store: one player per this many stored articles.
ARTICLES_PER_PLAYER = 40


def fill(store: Store, count: int, *, seed: int, prefix: str, pool: int | None = None) -> float:
    started = time.perf_counter()
    batch = []
    for article in articles(count, seed=seed, prefix=prefix, pool=pool):
        batch.append(article)
        if len(batch) == BATCH:
            with store.transaction():
                for a in batch:
                    store.upsert_article(a)
            batch.clear()
    with store.transaction():
        for a in batch:
            store.upsert_article(a)
    return time.perf_counter() - started


def build_base(path: Path, size: int) -> None:
    if path.exists():
        with Store(path) as store:
            if store.counts()["articles"] == size:
                # Aggregate is incremental and crash-safe: an interrupted build (or an older extractor) resumes.
                started = time.perf_counter()
                result = aggregate(store)
                took = time.perf_counter() - started
                print(
                    f"  reusing cached base store {path} ({result.reports_extracted:,} reports brought up to date "
                    f"in {took:.0f}s)"
                )
                return
        path.unlink()
    print(f"  building a base store of {size:,} articles at {path} (one-off; cached for later runs)")
    with Store(path) as store:
        took = fill(store, size, seed=1, prefix="base", pool=size // ARTICLES_PER_PLAYER)
        print(f"  stored {size:,} articles in {took:.0f}s ({size / took:,.0f}/s)")
        started = time.perf_counter()
        aggregate(store)
        took = time.perf_counter() - started
        print(f"  aggregated them in {took:.0f}s ({size / took:,.0f}/s)")


def incremental(base: Path, size: int, new: int, workdir: Path) -> tuple[float, int]:
    work = workdir / f"incremental-{base.stem}.db"
    with Store(base) as store:  # the copy must hold everything: fold the write-ahead log into the file first
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(base, work)
    with Store(work) as store:
        fill(store, new, seed=99, prefix="new", pool=size // ARTICLES_PER_PLAYER)
        started = time.perf_counter()
        result = aggregate(store)
        took = time.perf_counter() - started
    work.unlink()
    return took, result.claims_regrouped


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--store-size", type=int, default=1_000_000)
    parser.add_argument("--new", type=int, default=1_000)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "rumours-bench")
    parser.add_argument("--only", choices=("1", "2"), help="run one section")
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        if args.only != "2":
            throughput(tmpdir, args.articles)
        if args.only != "1":
            incremental_section(tmpdir, args)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:,.0f} MB")
    return 0


def throughput(tmpdir: Path, count: int) -> None:
    print(f"1. throughput on {count:,} synthetic articles")
    with Store(tmpdir / "throughput.db") as store:
        took = fill(store, count, seed=3, prefix="t")
        print(f"  store: {count / took:,.0f} articles/s")
        started = time.perf_counter()
        result = aggregate(store)
        took = time.perf_counter() - started
        rate = count / took
        print(
            f"  aggregate: {rate:,.0f} articles/s ({result.claims:,} claims, {result.deals_written:,} deals)"
            f" — target >= 2,000/s: {'met' if rate >= 2000 else 'MISSED'} ({rate / 2000:.2f}x)"
        )


def incremental_section(tmpdir: Path, args: argparse.Namespace) -> None:
    print(f"2. incremental aggregate of {args.new:,} new articles")
    small_size = max(args.store_size // 100, args.new)
    # "pool": players drawn from a pool that grows with the store (older caches used a fixed cast)
    small, large = (args.cache / f"base-{n}-pool.db" for n in (small_size, args.store_size))
    build_base(small, small_size)
    build_base(large, args.store_size)
    t_small, read_small = incremental(small, small_size, args.new, tmpdir)
    t_large, read_large = incremental(large, args.store_size, args.new, tmpdir)
    print(
        f"  on {small_size:,} stored: {t_small:.2f}s ({read_small:,} claims read to regroup); "
        f"on {args.store_size:,} stored: {t_large:.2f}s ({read_large:,} claims read to regroup)"
    )
    print(f"  ratio {t_large / t_small:.2f}x for {args.store_size / small_size:.0f}x the store")
    print(f"  target <= 5 s: {'met' if t_large <= 5 else 'MISSED'}")


if __name__ == "__main__":
    raise SystemExit(main())
