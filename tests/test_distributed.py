"""Distributed crawls: workers sharing a frontier on Redis, politeness across them, one store writer, kills."""

from __future__ import annotations

import itertools
import json
import logging
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from aggregator.crawl import REPO_ROOT, run_crawl
from aggregator.distributed import BackgroundWriter, finish_run, prepare_run, seed_validators
from aggregator.envelopes import BAD, ITEMS, PROCESSING, BadEnvelope, article_record, decode, encode, validators_key
from aggregator.store import Store
from aggregator.store_writer import drain
from spiders.recorded_server import RecordedServer, serve_in_thread
from tests.distributed_helpers import (
    AUBAMEYANG,
    MIRROR,
    REDIS_SERVER,
    articles_table,
    log_tail,
    mirror_site,
    redis_server,
    start_worker,
    wait_all,
    worker_settings,
)
from tests.spiders.crawl_helpers import fast_settings, rows

pytestmark = pytest.mark.skipif(
    REDIS_SERVER is None, reason="redis-server is not on PATH (apt-get install redis-server)"
)
DELAY = 0.2
MIRROR_ARTICLE = MIRROR + "c-4000"
ITEM = {
    "url": "https://www.example-outlet.com/sport/transfer-story-1",
    "outlet": "example-outlet.com",
    "title": "Striker agrees move",
    "text": "A long enough body about a transfer. " * 10,
    "language": "en",
    "published_at": "2025-06-01T10:00:00+00:00",
    "reports": [{"text": "The striker agrees a move.", "title": None, "link": None}],
}


@pytest.fixture()
def redis_url(tmp_path: Path) -> Iterator[str]:
    with redis_server(tmp_path) as url:
        yield url


@pytest.fixture()
def server() -> Iterator[RecordedServer]:
    running = serve_in_thread(mirror_site())
    yield running
    running.stop()


def client(url: str):  # type: ignore[no-untyped-def]
    import redis

    return redis.Redis.from_url(url)


def item(n: int) -> dict[str, object]:
    return {**ITEM, "url": f"{ITEM['url']}-{n}", "title": f"Striker {n} agrees move"}


# ---- the envelope codec ------------------------------------------------------------------------------------
def test_envelopes_round_trip_and_bad_ones_are_refused_in_one_line() -> None:
    envelope = decode(encode("article", "mirror", item=ITEM))
    assert (envelope.kind, envelope.spider, envelope.body) == ("article", "mirror", {"item": ITEM})
    assert json.loads(encode("not_modified", "bbc", url="u"))["v"] == 1
    record = article_record(ITEM)
    assert (record.origin, record.title, record.reports[0].text) == (
        "crawl",
        "Striker agrees move",
        ITEM["reports"][0]["text"],
    )  # type: ignore[index]
    bad = [
        b"not json",
        b"[1, 2]",
        json.dumps({"v": 2, "kind": "article", "spider": "x", "item": {}}).encode(),
        json.dumps({"v": 1, "kind": "party", "spider": "x"}).encode(),
        json.dumps({"v": 1, "kind": "article", "spider": ""}).encode(),
        json.dumps({"v": 1, "kind": "article", "spider": "x"}).encode(),
        b"\xff\xfe",
    ]
    for raw in bad:
        with pytest.raises(BadEnvelope) as caught:
            decode(raw)
        assert "\n" not in str(caught.value)
    for broken in ({**ITEM, "text": 5}, {**ITEM, "url": None}, {**ITEM, "reports": "x"}, [1]):
        with pytest.raises(BadEnvelope):
            article_record(broken)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        encode("party", "x")


# ---- the slot reservation ----------------------------------------------------------------------------------
def test_slot_reservations_space_starts_by_the_delay_and_keep_the_concurrency_budget(redis_url: str) -> None:
    from spiders.shared_slots import release, reserve

    redis = client(redis_url)
    waits = [reserve(redis, "a.example", 0.5, 0, f"t{n}", 5) for n in range(3)]
    assert waits[0] == 0 and waits[1] == pytest.approx(0.5, abs=0.05) and waits[2] == pytest.approx(1.0, abs=0.05)
    assert reserve(redis, "b.example", 0.5, 0, "other", 5) == 0  # another domain has its own budget
    assert reserve(redis, "c.example", 0, 1, "one", 5) == 0
    assert reserve(redis, "c.example", 0, 1, "two", 5) is None  # one at a time: the second waits
    release(redis, "c.example", "one")
    assert reserve(redis, "c.example", 0, 1, "two", 5) == 0
    assert reserve(redis, "d.example", 0, 1, "short", 0.2) == 0
    time.sleep(0.3)
    assert reserve(redis, "d.example", 0, 1, "next", 0.2) == 0  # a lease its holder never released expires


# ---- the shared frontier's scheduler -----------------------------------------------------------------------
DYING_ENQUEUE = """
import itertools, json, sys
import redis
from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.utils.project import get_project_settings
from scrapy_redis.scheduler import Scheduler
from aggregator.distributed import prepare_run
from spiders.frontier import SharedScheduler
from spiders.outlets.mirror import MirrorSpider

url, link = sys.argv[1], Request(sys.argv[2])

def scheduler(run):  # a worker's scheduler with its queue and duplicate filter open (no engine, no heartbeat)
    settings = get_project_settings()
    settings.setdict({"RUMOURS_REDIS_URL": url, "RUMOURS_RUN_ID": run})
    crawler = Crawler(MirrorSpider, settings, init_reactor=True)
    crawler._apply_settings()
    found = SharedScheduler.from_crawler(crawler)
    Scheduler.open(found, MirrorSpider.from_crawler(crawler))
    return found

for dies_after in itertools.count(1):
    run = prepare_run(url, "mirror")
    dying, calls = scheduler(run), 0
    real = redis.Redis.execute_command
    def call_then_maybe_die(*args, **kwargs):
        global calls
        result = real(*args, **kwargs)  # the call reaches Redis, then this worker dies
        calls += 1
        if calls == dies_after:
            raise redis.ConnectionError("the worker died here")
        return result
    redis.Redis.execute_command = call_then_maybe_die  # every client of this worker
    try:
        dying.enqueue_request(link.copy())
        finished = True
    except redis.ConnectionError:
        finished = False
    redis.Redis.execute_command = real
    survivor = scheduler(run)  # parses the same page again and queues the link it finds
    survivor.enqueue_request(link.copy())
    queued = redis.Redis.from_url(url).zcard("rumours:mirror:requests")
    popped = survivor.next_request()
    print(json.dumps([dies_after, queued, popped.url if popped else None]))
    if finished:
        break
"""


def test_a_worker_dying_at_any_point_of_queueing_a_link_leaves_it_for_the_others(redis_url: str) -> None:
    """A worker that dies after any of its Redis calls while queueing a link it found leaves that link either
    queued or unseen, so the survivor that parses the same page again queues it. Marked seen but never queued,
    the article was lost (the SIGKILL test's 9 of 10)."""
    done = subprocess.run(
        [sys.executable, "-c", DYING_ENQUEUE, redis_url, MIRROR_ARTICLE],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    outcomes = [json.loads(line) for line in done.stdout.splitlines()]
    assert outcomes and all(out[1:] == [1, MIRROR_ARTICLE] for out in outcomes), outcomes


# ---- the store writer --------------------------------------------------------------------------------------
def test_a_malformed_envelope_goes_to_the_bad_list_and_the_writer_goes_on(
    tmp_path: Path, redis_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    redis = client(redis_url)
    bad = [
        b"not json",
        encode("article", "x", item={**ITEM, "text": 7}),
        encode("article", "x", item={**ITEM, "text": " "}),
    ]
    redis.lpush(
        ITEMS, bad[0], encode("article", "x", item=item(1)), bad[1], bad[2], encode("article", "x", item=item(2))
    )
    with caplog.at_level(logging.ERROR), Store(tmp_path / "r.db") as store:
        stats = drain(redis_url, store, idle_exit=0)
        assert store.counts()["articles"] == 2
    assert (stats.written, stats.bad) == (2, 3)
    assert sorted(redis.lrange(BAD, 0, -1)) == sorted(bad)  # kept as they came, for a human to look at
    assert redis.llen(ITEMS) == redis.llen(PROCESSING) == 0
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 3 and all("\n" not in e and "bad envelope" in e for e in errors)
    assert json.loads(redis.hget(validators_key("x"), item(1)["url"]))["content_hash"]  # the writer keeps validators


def test_a_killed_writer_loses_nothing_and_its_restart_writes_the_rest_once(tmp_path: Path, redis_url: str) -> None:
    redis = client(redis_url)
    redis.lpush(PROCESSING, encode("article", "x", item=item(0)))  # taken by an earlier writer, never committed
    redis.lpush(ITEMS, *(encode("article", "x", item=item(n)) for n in range(1, 401)))
    db = tmp_path / "r.db"
    Store(db).close()
    argv = [sys.executable, "-m", "aggregator", "--db", str(db), "store-writer", "--redis", redis_url]
    writer = subprocess.Popen(argv, cwd=REPO_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while rows(db, "SELECT COUNT(*) FROM articles")[0][0] < 30 and time.monotonic() < deadline:
        time.sleep(0.02)
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=10)
    assert 0 < redis.llen(ITEMS) < 400, "the writer was killed mid-queue"
    again = subprocess.run([*argv, "--until-empty"], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    assert rows(db, "SELECT COUNT(*), COUNT(DISTINCT url) FROM articles") == [(401, 401)]
    assert redis.llen(ITEMS) == redis.llen(PROCESSING) == redis.llen(BAD) == 0


def test_the_store_writer_holds_its_lock_and_stops_cleanly_on_sigterm(tmp_path: Path, redis_url: str) -> None:
    db = tmp_path / "r.db"
    argv = [sys.executable, "-m", "aggregator", "--db", str(db), "store-writer", "--redis", redis_url]
    writer = subprocess.Popen(argv, cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while not Path(f"{db}.store-writer.lock").exists() or not Path(f"{db}.store-writer.lock").read_text():
            assert time.monotonic() < deadline and writer.poll() is None
            time.sleep(0.05)
        second = subprocess.run(argv, cwd=REPO_ROOT, capture_output=True, text=True, timeout=60)
        assert second.returncode == 75 and "another store-writer holds the store" in second.stderr
        client(redis_url).lpush(ITEMS, encode("article", "x", item=item(1)))
        while rows(db, "SELECT COUNT(*) FROM articles")[0][0] < 1:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        writer.send_signal(signal.SIGTERM)
        _, err = writer.communicate(timeout=30)
    finally:
        writer.kill()
    assert writer.returncode == 143, err
    assert "1 written, 0 bad" in err and "Traceback" not in err


# ---- workers on one outlet ---------------------------------------------------------------------------------
def crawl_with_workers(
    tmp_path: Path, redis_url: str, server: RecordedServer, workers: int, name: str
) -> tuple[Path, str, list[int]]:
    """``workers`` processes crawling mirror into a fresh store through the writer; (store, run id, exit codes)."""
    db = tmp_path / f"{name}.db"
    Store(db).close()
    run = prepare_run(redis_url, "mirror")
    settings = worker_settings(server, redis_url, run, DOWNLOAD_DELAY=DELAY)
    writer = BackgroundWriter(redis_url, db).start()
    logs = [tmp_path / f"{name}-{n}.log" for n in range(workers)]
    try:
        codes = wait_all([start_worker("mirror", db, settings, log) for log in logs])
    finally:
        writer.close()
    assert codes == [0] * workers, [log_tail(log) for log in logs]
    assert writer.error is None
    return db, run, codes


@pytest.mark.slow
def test_workers_share_the_frontier_fetch_each_url_once_keep_the_delay_and_store_what_a_local_crawl_does(
    tmp_path: Path, redis_url: str, server: RecordedServer
) -> None:
    hits = server.site.hits
    db, run, _ = crawl_with_workers(tmp_path, redis_url, server, 3, "distributed")
    assert finish_run(redis_url, db, "mirror", run) == "ok"
    served = list(hits)
    pages = Counter(url for url, _, _ in served if not url.endswith("/robots.txt"))
    assert pages and max(pages.values()) == 1, pages  # feeds, listing and articles: once each, by some worker
    starts = sorted(t for _, _, t in served)  # every request is to www.mirror.co.uk, robots.txt included
    assert {urlsplit(u).hostname for u, _, _ in served} == {"www.mirror.co.uk"}
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    # One delay across the three workers, not one each (that would make gaps of about DELAY / 3); a start can be
    # a little late when its worker's reactor is busy, hence the tolerance.
    assert min(gaps) >= DELAY - 0.05 and starts[-1] - starts[0] >= (len(starts) - 1) * DELAY * 0.95, gaps
    articles = rows(db, "SELECT COUNT(*), COUNT(DISTINCT url) FROM articles")[0]
    assert articles == (10, 10)
    assert rows(db, "SELECT spider, status, items FROM crawl_runs") == [("mirror", "ok", 10)]

    local = tmp_path / "local.db"
    assert run_crawl("mirror", local, settings=fast_settings(server)).ok
    assert articles_table(db) == articles_table(local)

    # A new run reads the feed and the listing again (once), skips stored unchanged articles, and asks for a
    # changed-looking one conditionally: validators come from Redis, seeded from the store.
    with Store(db) as store:
        assert seed_validators(store, redis_url, "mirror", "mirror.co.uk") == 10
    page = server.site.pages[server.site.outlets["mirror"][0]]
    page.last_modified += timedelta(days=1)  # the feed says it changed; its content (and ETag) did not
    server.site.rebuild_indexes()
    before, fetched = len(hits), rows(db, "SELECT fetched_at FROM articles WHERE url = ?", page.url)
    time.sleep(1.0)  # fetch times have whole seconds
    crawl_with_workers(tmp_path, redis_url, server, 2, "distributed")
    again = Counter((url, status) for url, status, _ in hits[before:] if not url.endswith("/robots.txt"))
    assert again == {(MIRROR_FEED, 200): 1, (MIRROR_LISTING, 200): 1, (page.url, 304): 1}, again
    assert rows(db, "SELECT fetched_at FROM articles WHERE url = ?", page.url) > fetched  # marked by the writer
    assert rows(db, "SELECT status FROM crawl_runs ORDER BY id") == [("ok",), ("ok",)]


MIRROR_FEED = "https://www.mirror.co.uk/sport/football/transfer-news/?service=rss"
MIRROR_LISTING = "https://www.mirror.co.uk/sport/football/transfer-news/"


@pytest.mark.slow
def test_a_killed_worker_leaves_its_requests_to_the_others_and_every_article_still_lands(
    tmp_path: Path, redis_url: str, server: RecordedServer
) -> None:
    db = tmp_path / "r.db"
    Store(db).close()
    redis = client(redis_url)
    run = prepare_run(redis_url, "mirror")
    writer = BackgroundWriter(redis_url, db).start()
    logs = [tmp_path / f"w{n}.log" for n in range(3)]
    try:
        procs = [
            start_worker(
                "mirror",
                db,
                worker_settings(server, redis_url, run, DOWNLOAD_DELAY=DELAY, RUMOURS_WORKER_ID=f"w{n}"),
                log,
            )
            for n, log in enumerate(logs)
        ]
        deadline = time.monotonic() + 60
        victim = None
        while victim is None:  # a worker holding requests popped from the shared queue, while another lives
            assert time.monotonic() < deadline and all(p.poll() is None for p in procs), [log_tail(x) for x in logs]
            holding = [n for n in range(3) if redis.hlen(f"rumours:mirror:inflight:w{n}")]
            alive = [n for n in range(3) if redis.exists(f"rumours:mirror:alive:w{n}")]
            victim = next((n for n in holding if set(alive) - {n}), None)
            time.sleep(0.01)
        held = redis.hlen(f"rumours:mirror:inflight:w{victim}")
        procs[victim].send_signal(signal.SIGKILL)
        codes = wait_all(procs)
    finally:
        writer.close()
    assert codes == [-signal.SIGKILL if n == victim else 0 for n in range(3)], [log_tail(log) for log in logs]
    assert held >= 1
    assert rows(db, "SELECT COUNT(*), COUNT(DISTINCT url) FROM articles")[0] == (10, 10)
    assert any("put back in the queue" in log.read_text() for n, log in enumerate(logs) if n != victim)
    assert finish_run(redis_url, db, "mirror", run) == "ok"  # the survivors drained the frontier
    [(status, reasons)] = rows(db, "SELECT status, error_reasons FROM crawl_runs")
    assert status == "ok" and [e["kind"] for e in json.loads(reasons)] == ["worker_lost"]
    assert redis.zcard("rumours:mirror:requests") == 0 and not redis.keys("rumours:mirror:inflight:*")


@pytest.mark.slow
def test_rumours_crawl_with_redis_runs_workers_and_the_writer_and_reports_like_a_local_crawl(
    tmp_path: Path, redis_url: str, server: RecordedServer
) -> None:
    from click.testing import CliRunner

    from aggregator.cli import main

    db = tmp_path / "r.db"
    settings = {**fast_settings(server), "RUMOURS_IDLE_CLOSE": 1.0, "RUMOURS_HEARTBEAT_SECONDS": 0.2}
    args = [arg for name, value in settings.items() for arg in ("-s", f"{name}={value}")]
    result = CliRunner().invoke(
        main, ["--db", str(db), "crawl", "mirror", "--redis", redis_url, "--workers", "2", *args]
    )
    assert result.exit_code == 0, result.output
    assert any(line.startswith("│ mirror ") and "│ ok" in line for line in result.output.splitlines()), result.output
    assert rows(db, "SELECT spider, status, items FROM crawl_runs") == [("mirror", "ok", 10)]
    assert rows(db, "SELECT COUNT(*) FROM articles") == [(10,)]

    hash_sql = "SELECT fetched_at FROM articles WHERE url = ?"
    before = rows(db, hash_sql, AUBAMEYANG)
    server.site.update_article(
        AUBAMEYANG, server.site.pages[AUBAMEYANG].body.replace(b"Aubameyang", b"Auba", 1), datetime.now(UTC)
    )
    with BackgroundWriter(redis_url, db).start() as writer:  # a `rumours store-writer` already running
        again = CliRunner().invoke(main, ["--db", str(db), "crawl", "mirror", "--redis", redis_url, *args])
    assert again.exit_code == 0, again.output
    assert writer.error is None
    assert rows(db, "SELECT status, items FROM crawl_runs ORDER BY id") == [("ok", 10), ("ok", 1)]
    assert rows(db, hash_sql, AUBAMEYANG) != before  # the changed page was fetched again and written


@pytest.mark.slow
def test_a_new_store_on_a_redis_that_served_another_store_gets_every_article(
    tmp_path: Path, redis_url: str, server: RecordedServer
) -> None:
    from click.testing import CliRunner

    from aggregator.cli import main

    settings = {**fast_settings(server), "RUMOURS_IDLE_CLOSE": 1.0, "RUMOURS_HEARTBEAT_SECONDS": 0.2}
    args = [arg for name, value in settings.items() for arg in ("-s", f"{name}={value}")]
    for db in (tmp_path / "first.db", tmp_path / "second.db"):  # the second store is empty: nothing is stored yet
        result = CliRunner().invoke(main, ["--db", str(db), "crawl", "mirror", "--redis", redis_url, *args])
        assert result.exit_code == 0, result.output
        assert rows(db, "SELECT COUNT(*) FROM articles") == [(10,)]
    with Store(tmp_path / "empty.db") as store:
        assert seed_validators(store, redis_url, "mirror") == 0
    assert not client(redis_url).exists(validators_key("mirror"))


def test_rumours_crawl_refuses_workers_without_redis_and_an_unreachable_redis_in_one_line(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from aggregator.cli import main
    from tests.distributed_helpers import free_port

    db = str(tmp_path / "r.db")
    result = CliRunner().invoke(main, ["--db", db, "crawl", "mirror", "--workers", "2"])
    assert result.exit_code == 2 and "needs --redis" in result.output
    down = CliRunner().invoke(main, ["--db", db, "crawl", "mirror", "--redis", f"redis://127.0.0.1:{free_port()}/0"])
    assert down.exit_code == 1 and "cannot reach Redis" in down.output and "Traceback" not in down.output
    assert not Path(db).exists()


@pytest.mark.slow
def test_a_worker_of_another_run_stops_at_once_and_fetches_nothing(
    tmp_path: Path, redis_url: str, server: RecordedServer
) -> None:
    prepare_run(redis_url, "mirror", "current")
    log = tmp_path / "stale.log"
    [code] = wait_all([start_worker("mirror", tmp_path / "r.db", worker_settings(server, redis_url, "old"), log)])
    assert code == 0 and "'finish_reason': 'stale_run'" in log.read_text(), log_tail(log)
    assert not [url for url, _, _ in server.site.hits if not url.endswith("/robots.txt")]
    assert client(redis_url).zcard("rumours:mirror:requests") == 0 and not (tmp_path / "r.db").exists()


def test_without_the_redis_packages_crawl_redis_is_one_clear_line(tmp_path: Path) -> None:
    script = (
        "import sys; sys.modules['redis'] = sys.modules['scrapy_redis'] = None; from aggregator.cli import main; main()"
    )
    argv = [sys.executable, "-c", script, "--db", str(tmp_path / "r.db"), "crawl", "mirror", "--redis", "redis://x"]
    done = subprocess.run(argv, cwd=REPO_ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "Error: distributed crawls need scrapy-redis: pip install 'transfer-rumours[distributed]'"
    ]
