"""kill -9 of a crawl or of an aggregate at random points: after a rerun the store is whole and the deals the same."""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from aggregator.crawl import REPO_ROOT, crawl_command, prepare_store
from aggregator.store import Store
from bench.synthetic import articles
from spiders.recorded_server import RecordedServer, serve_in_thread
from tests.spiders.crawl_helpers import fast_settings, mirror_with_clones, rows

pytestmark = pytest.mark.slow
CLONES = 40
SYNTHETIC_ARTICLES = 2_400  # above aggregate's PARALLEL_FROM: worker processes are killed too


def start(argv: list[str], db: Path) -> subprocess.Popen[bytes]:
    """A child in its own process group, so that kill -9 takes its worker processes with it."""
    env = dict(os.environ, RUMOURS_DB=str(db), SCRAPY_SETTINGS_MODULE="spiders.settings", PYTHONPATH=str(REPO_ROOT))
    return subprocess.Popen(
        argv, cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )


def kill_group(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)


def run(argv: list[str], db: Path, timeout: float = 120) -> str:
    """Run to the end; the child's stdout."""
    env = dict(os.environ, RUMOURS_DB=str(db), SCRAPY_SETTINGS_MODULE="spiders.settings", PYTHONPATH=str(REPO_ROOT))
    done = subprocess.run(argv, cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def killed_at_random(argv: list[str], db: Path, seed: int, window: float, when: str | None) -> float:
    """Start; once the store shows `when` (an SQL condition; None: at once) wait a seeded random time within the
    rest of an uninterrupted run (`window` s), then kill -9 the whole group. Returns the seconds it ran."""
    rng = random.Random(seed)
    started = time.monotonic()
    proc = start(argv, db)
    try:
        while when and proc.poll() is None and time.monotonic() - started < 60:
            with contextlib.suppress(sqlite3.OperationalError), sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
                if c.execute(when).fetchone()[0]:
                    break
            time.sleep(0.02)
        ran = time.monotonic() - started
        extra = rng.uniform(0, 0.3) if when else rng.uniform(0.4 * window, 0.98 * window)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=extra)  # finished before the kill: the rerun must still be right
    finally:
        kill_group(proc)
    return ran + extra


def aggregate_argv(db: Path) -> list[str]:
    return [sys.executable, "-m", "aggregator", "--db", str(db), "aggregate"]


def deals_jsonl(db: Path) -> str:
    return run([sys.executable, "-m", "aggregator", "--db", str(db), "deals", "--format", "jsonl"], db)


def assert_whole(db: Path) -> None:
    assert rows(db, "PRAGMA integrity_check") == [("ok",)]
    assert rows(db, "PRAGMA foreign_key_check") == []
    assert rows(db, "SELECT COUNT(*) = COUNT(DISTINCT url) FROM articles") == [(1,)]


# -- the crawl ----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server() -> Iterator[RecordedServer]:
    """The recorded Mirror with 40 more articles (the Aubameyang page under new URLs), served slowly enough
    that a kill lands while articles are being written."""
    srv = serve_in_thread(mirror_with_clones(CLONES, 20000000))
    yield srv
    srv.stop()


def crawl_argv(server: RecordedServer) -> list[str]:
    settings = fast_settings(server, CONCURRENT_REQUESTS=2, DOWNLOAD_DELAY=0.03, RUMOURS_PROGRESS="False")
    return crawl_command("mirror", settings=settings)


def stored(db: Path) -> list[tuple[str, ...]]:
    return rows(
        db,
        """SELECT a.url, a.title, a.content_hash, r.seq, r.text FROM articles a JOIN reports r ON r.article_id = a.id
           ORDER BY a.url, r.seq""",
    )


@pytest.fixture(scope="module")
def crawled_once(server: RecordedServer, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, float]:
    db = tmp_path_factory.mktemp("reference") / "rumours.db"
    prepare_store(db)
    started = time.monotonic()
    run(crawl_argv(server), db)
    took = time.monotonic() - started
    run(aggregate_argv(db), db)
    return db, took


@pytest.mark.parametrize(
    ("seed", "when"),
    [
        (1, "SELECT COUNT(*) > 0 FROM articles"),  # the first articles are being written
        (2, "SELECT COUNT(*) >= 20 FROM articles"),  # half-way
        (3, None),  # any time
    ],
)
def test_crawl_killed_then_rerun(
    seed: int, when: str | None, server: RecordedServer, crawled_once: tuple[Path, float], tmp_path: Path
) -> None:
    reference, took = crawled_once
    db = tmp_path / "rumours.db"
    prepare_store(db)
    delay = killed_at_random(crawl_argv(server), db, seed, took, when)
    partial = rows(db, "SELECT COUNT(*) FROM articles")[0][0]
    assert_whole(db)
    run(crawl_argv(server), db)
    assert_whole(db)
    print(f"seed {seed}: killed after {delay:.2f}s of {took:.2f}s with {partial} articles stored; rerun completed")
    assert stored(db) == stored(reference)  # nothing lost, nothing twice
    run(aggregate_argv(db), db)
    assert deals_jsonl(db) == deals_jsonl(reference)


# -- the aggregate ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("imported") / "base.db"
    with Store(db) as store, store.transaction():
        for article in articles(SYNTHETIC_ARTICLES, seed=5):
            store.upsert_article(article)
    return db


@pytest.fixture(scope="module")
def aggregated_once(imported: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, float]:
    db = tmp_path_factory.mktemp("aggregated") / "rumours.db"
    shutil.copyfile(imported, db)
    started = time.monotonic()
    run(aggregate_argv(db), db)
    return deals_jsonl(db), time.monotonic() - started


@pytest.mark.parametrize(
    ("seed", "when"),
    [
        (1, "SELECT COUNT(*) > 0 FROM reports WHERE extracted_version IS NOT NULL"),  # extracting
        (2, "SELECT COUNT(*) = 0 FROM reports WHERE extracted_version IS NULL"),  # extracted: grouping starts
        (3, None),  # any time
    ],
)
def test_aggregate_killed_then_rerun(
    seed: int, when: str | None, imported: Path, aggregated_once: tuple[str, float], tmp_path: Path
) -> None:
    expected, took = aggregated_once
    db = tmp_path / "rumours.db"
    shutil.copyfile(imported, db)
    delay = killed_at_random(aggregate_argv(db), db, seed, took, when)
    with sqlite3.connect(db) as conn:
        pending = conn.execute("SELECT COUNT(*) FROM reports WHERE extracted_version IS NULL").fetchone()[0]
        queued = conn.execute("SELECT COUNT(*) FROM regroup_queue").fetchone()[0]
    assert_whole(db)
    run(aggregate_argv(db), db)
    assert_whole(db)
    print(f"seed {seed}: killed after {delay:.2f}s of {took:.2f}s ({pending} reports pending, {queued} queued)")
    assert rows(db, "SELECT COUNT(*) FROM articles") == [(SYNTHETIC_ARTICLES,)]
    actual = deals_jsonl(db)
    assert actual.count("\n") == expected.count("\n")
    assert actual == expected
