"""Readers during writes: `rumours serve` and CLI reads while a crawl and an aggregate write; nothing is locked out."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

import pytest

from aggregator.crawl import REPO_ROOT, run_crawls
from aggregator.store import Store
from bench.synthetic import articles
from spiders.recorded_server import RecordedSite, serve_in_thread
from tests.serve_helpers import filled_site, running_server
from tests.spiders.crawl_helpers import fast_settings, rows

pytestmark = pytest.mark.slow
MIRROR = "https://www.mirror.co.uk/sport/football/transfer-news/"
AUBAMEYANG = MIRROR + "arsenal-aubameyang-transfer-real-madrid-22003093"
PAGES = [
    "/rumours/deals.json?_size=20",
    "/rumours/articles.json?_size=5&_sort_desc=id",
    "/rumours.json?sql=select+count(*)+from+articles",
    "/rumours/todays_deals.json?day=2024-06-03",
    "/rumours/search.json?q=Arsenal",
    "/rumours/outlet_scorecard.json",
]
CLI_READS = [["deals", "--format", "jsonl"], ["status", "--json"], ["deals", "--player", "rice"]]


class Readers:
    """Threads reading over HTTP and through the CLI until stopped; every failure is kept."""

    def __init__(self, base: str, db: Path) -> None:
        self.base, self.db = base, db
        self.stop = threading.Event()
        self.errors: list[str] = []
        self.done: Counter[str] = Counter()
        self.threads = [threading.Thread(target=self.http, args=(n,), daemon=True) for n in range(2)] + [
            threading.Thread(target=self.cli, daemon=True)
        ]

    def http(self, offset: int) -> None:
        n = offset
        while not self.stop.is_set():
            path = PAGES[n % len(PAGES)]
            n += 1
            try:
                with urllib.request.urlopen(self.base + path, timeout=30) as response:
                    body = response.read()
                if b"database is locked" in body:
                    self.errors.append(f"{path}: database is locked")
                self.done["http"] += 1
            except (urllib.error.URLError, OSError) as exc:
                detail = exc.read()[:300] if isinstance(exc, urllib.error.HTTPError) else b""
                self.errors.append(f"{path}: {exc} {detail!r}")

    def cli(self) -> None:
        env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
        n = 0
        while not self.stop.is_set():
            args = CLI_READS[n % len(CLI_READS)]
            n += 1
            done = subprocess.run(
                [sys.executable, "-m", "aggregator", "--db", str(self.db), *args],
                capture_output=True,
                text=True,
                timeout=120,
                env=env,
            )
            if done.returncode != 0 or "locked" in done.stderr:
                self.errors.append(f"rumours {' '.join(args)}: exit {done.returncode}: {done.stderr[-300:]}")
            self.done["cli"] += 1

    def __enter__(self) -> Readers:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=150)


def test_reads_while_crawling_and_aggregating(tmp_path: Path) -> None:
    db, folder = filled_site(tmp_path)
    with Store(db) as store, store.transaction():
        for article in articles(1_500, seed=11):
            store.upsert_article(article)
    site = RecordedSite()
    body = site.pages[AUBAMEYANG].body
    for n in range(60):
        site.add_article("mirror", body.replace(b"Aubameyang", f"Aubameyang {n}".encode(), 1), f"{MIRROR}c-{3000 + n}")
    site.rebuild_indexes()
    server = serve_in_thread(site)
    try:
        with running_server(db, folder) as base, Readers(base, db) as readers:
            time.sleep(1.0)  # readers under way before the writers start
            started = time.perf_counter()
            results = run_crawls(["mirror", "bbc", "kicker", "elmundo"], db, settings=fast_settings(server), jobs=2)
            crawl_seconds = time.perf_counter() - started
            pending = rows(db, "SELECT COUNT(*) FROM reports WHERE extracted_version IS NULL")[0][0]
            started = time.perf_counter()
            aggregate = subprocess.run(
                [sys.executable, "-m", "aggregator", "--db", str(db), "aggregate"],
                capture_output=True,
                text=True,
                timeout=300,
                env=dict(os.environ, PYTHONPATH=str(REPO_ROOT)),
            )
            aggregate_seconds = time.perf_counter() - started
            time.sleep(0.5)
    finally:
        server.stop()

    assert all(r.ok for r in results), [r.log_tail for r in results]
    assert aggregate.returncode == 0, aggregate.stderr[-2000:]
    items = sum(r.items for r in results)
    print(
        f"\nwriters: crawl {items} articles in {crawl_seconds:.1f}s ({items / crawl_seconds:.1f} articles/s, "
        f"2 crawl processes); aggregate {pending} reports in {aggregate_seconds:.1f}s "
        f"({pending / aggregate_seconds:,.0f} reports/s, process start included)"
        f"\nreaders meanwhile: {readers.done['http']} HTTP reads, {readers.done['cli']} CLI reads, "
        f"{len(readers.errors)} errors"
    )
    assert readers.errors == []
    assert readers.done["http"] > 20 and readers.done["cli"] >= 3
    assert items >= 60
