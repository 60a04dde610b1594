"""Aggregate speed on synthetic reports: throughput and bytes written, and an incremental run on a large store.

    python bench/aggregate.py [--articles 20000] [--store-size 1000000] [--new 1000] [--real 20000] [--repeats 1]
                              [--cache PATH] [--only 1|2|3]

1. Throughput: N synthetic articles are stored, then one ``aggregate`` pass is timed (target >= 2,000/s) and the
   bytes it writes are counted (``/proc/self/io`` write_bytes: the analysis workers write nothing) against the
   final store size (target <= 10x). Side by side: batches committed one by one (as before issue 15) and in groups
   of ``COMMIT_BATCHES``; each on a fresh copy of the same stored articles, min/median over ``--repeats``.
2. Incremental: a store of ``--store-size`` aggregated articles (built once and cached, it takes a while) gets
   ``--new`` fresh articles and one incremental ``aggregate`` is timed (target <= 5 s for 1,000 new on 1,000,000),
   side by side with the same 1,000 on a store of 1% that size, so the ratio shows cost follows new work.
3. Real-length texts: the development set's texts (``/work/shared/eval/dev.jsonl``; only text, title and language
   are used) replicated under new URLs to ``--real`` articles, measured as in 1 (skipped without the file).
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from aggregator import aggregate as aggregate_module
from aggregator.aggregate import aggregate
from aggregator.records import ArticleRecord
from aggregator.store import Store
from bench.synthetic import articles

DEV_SET = Path("/work/shared/eval/dev.jsonl")

BATCH = 5_000


# Section 2 draws players from a pool that grows with the store: one player per this many stored articles.
ARTICLES_PER_PLAYER = 40


def fill(
    store: Store, count: int, *, seed: int, prefix: str, pool: int | None = None, source: Iterable[ArticleRecord] = ()
) -> float:
    started = time.perf_counter()
    batch = []
    for article in source or articles(count, seed=seed, prefix=prefix, pool=pool):
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
        started, before = time.perf_counter(), written_bytes()
        aggregate(store)
        took, written = time.perf_counter() - started, written_bytes() - before
    final = store_bytes(path)
    print(
        f"  aggregated them in {took:.0f}s ({size / took:,.0f}/s; target >= 2,000/s); wrote {written / 1e9:.2f} GB "
        f"= {written / size / 1e3:.1f} kB per article = {written / final:.1f}x the {final / 1e6:,.0f} MB store "
        "(target <= 10x)"
    )


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
    parser.add_argument("--real", type=int, default=20_000, help="articles of replicated real texts (section 3)")
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "rumours-bench")
    parser.add_argument("--only", choices=("1", "2", "3"), help="run one section")
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        if args.only in (None, "1"):
            print(f"1. throughput on {args.articles:,} synthetic articles")
            throughput(tmpdir, args.articles, args.repeats)
        if args.only in (None, "2"):
            incremental_section(tmpdir, args)
        if args.only in (None, "3"):
            if DEV_SET.exists():
                print(f"3. throughput on {args.real:,} articles of real-length texts (the dev set's, replicated)")
                throughput(tmpdir, args.real, args.repeats, source=real_texts)
            else:
                print(f"3. skipped: no {DEV_SET}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:,.0f} MB")
    return 0


def written_bytes() -> int:
    """Bytes this process has sent towards the disk so far (``write_bytes`` of ``/proc/self/io``)."""
    for line in Path("/proc/self/io").read_text().splitlines():
        if line.startswith("write_bytes:"):
            return int(line.split()[1])
    raise RuntimeError("no write_bytes in /proc/self/io")


def real_texts(count: int) -> Iterator[ArticleRecord]:
    """``count`` articles whose texts are the dev set's, in turn, each under a new URL and a day of its own."""
    rows = [json.loads(line) for line in DEV_SET.read_text().splitlines() if line.strip()]
    start = datetime(2023, 1, 1, tzinfo=UTC)
    for n in range(count):
        row = rows[n % len(rows)]
        yield ArticleRecord(
            url=f"https://real{n % 7}.example/r/{n}",
            text=row["text"],
            title=row.get("title"),
            outlet=f"real{n % 7}.example",
            language=row.get("language"),
            published_at=(start + timedelta(hours=n % 17_000)).isoformat(),
        )


def store_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())


# Variants measured side by side: batches committed one by one (before issue 15) and in groups.
VARIANTS = {"per batch": 1, "grouped": aggregate_module.COMMIT_BATCHES}


def throughput(
    tmpdir: Path, count: int, repeats: int, source: Callable[[int], Iterator[ArticleRecord]] | None = None
) -> None:
    template = tmpdir / "template.db"
    with Store(template) as store:
        made = source(count) if source else ()
        took = fill(store, count, seed=3, prefix="t", source=made)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    print(f"  store: {count / took:,.0f} articles/s ({store_bytes(template) / 1e6:,.0f} MB of articles)")
    for name, group in VARIANTS.items():
        rates, per_article, ratios = [], [], []
        for _ in range(repeats):
            work = tmpdir / "throughput.db"
            shutil.copyfile(template, work)
            aggregate_module.COMMIT_BATCHES = group
            try:
                with Store(work) as store:
                    before, started = written_bytes(), time.perf_counter()
                    result = aggregate(store)
                    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # what is still in the log is written too
                    took, written = time.perf_counter() - started, written_bytes() - before
            finally:
                aggregate_module.COMMIT_BATCHES = VARIANTS["grouped"]
            size = store_bytes(work)
            work.unlink()
            rates.append(count / took)
            per_article.append(written / count)
            ratios.append(written / size)
        rate = statistics.median(rates)
        print(
            f"  {name:>9}: aggregate {min(rates):,.0f}/{rate:,.0f} articles/s (min/median of {repeats}); "
            f"written {min(per_article) / 1e3:,.1f}/{statistics.median(per_article) / 1e3:,.1f} kB per article, "
            f"{min(ratios):.1f}/{statistics.median(ratios):.1f}x the final store ({size / 1e6:,.0f} MB); "
            f"{result.claims:,} claims, {result.deals_written:,} deals"
        )
    print(
        f"  targets (grouped): >= 2,000 articles/s {'met' if rate >= 2000 else 'MISSED'} ({rate / 2000:.2f}x); "
        f"<= 10x the store written {'met' if statistics.median(ratios) <= 10 else 'MISSED'}"
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
