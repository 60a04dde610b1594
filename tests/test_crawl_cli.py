"""`rumours crawl` as a user runs it: outcomes that agree with crawl_runs, exit codes, Ctrl-C, outlet names."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from aggregator.cli import main
from aggregator.crawl import REPO_ROOT
from aggregator.locks import StoreLock
from spiders.recorded_server import RecordedServer, RecordedSite, serve_in_thread
from tests.spiders.crawl_helpers import fast_settings, rows

pytestmark = pytest.mark.slow
OUTLETS = ["bbc", "kicker", "mirror", "theguardian", "bild"]


def settings_args(settings: dict[str, object]) -> list[str]:
    return [arg for name, value in settings.items() for arg in ("-s", f"{name}={value}")]


def free_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture()
def server() -> Iterator[RecordedServer]:
    running = serve_in_thread(RecordedSite())
    yield running
    running.stop()


def test_a_crawl_with_no_reachable_outlet_says_failed_like_crawl_runs_and_exits_1(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    settings = {
        "RUMOURS_RECORDED_SERVER": f"http://127.0.0.1:{free_port()}",
        "RUMOURS_ALLOW_PRIVATE_ADDRESSES": "True",
        "RETRY_TIMES": 0,
        "DOWNLOAD_DELAY": 0,
        "AUTOTHROTTLE_ENABLED": "False",
    }
    result = CliRunner().invoke(main, ["--db", str(db), "crawl", "bbc", "kicker", *settings_args(settings)])
    assert result.exit_code == 1, result.output
    assert rows(db, "SELECT spider, status FROM crawl_runs ORDER BY spider") == [
        ("bbc", "failed"),
        ("kicker", "failed"),
    ]
    table_rows = [line for line in result.output.splitlines() if line.startswith(("│ bbc ", "│ kicker "))]
    assert len(table_rows) == 2 and all("│ failed" in line for line in table_rows), result.output
    assert "│ ok" not in result.output
    assert "bbc: crawl failed" in result.output


def test_a_good_crawl_says_ok_and_exits_0_and_an_outlet_being_crawled_is_skipped_with_75(
    tmp_path: Path, server: RecordedServer
) -> None:
    db = tmp_path / "r.db"
    args = ["--db", str(db), "crawl", "BBC Sport", *settings_args(fast_settings(server))]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert rows(db, "SELECT spider, status FROM crawl_runs") == [("bbc", "ok")]
    assert any(line.startswith("│ bbc ") and "│ ok" in line for line in result.output.splitlines()), result.output

    with StoreLock(db, "crawl-bbc"):  # another process crawling bbc into this store
        busy = CliRunner().invoke(main, args)
    assert busy.exit_code == 75, busy.output
    assert "bbc: skipped: another crawl of bbc holds the store" in busy.output
    assert rows(db, "SELECT COUNT(*) FROM crawl_runs") == [(1,)]


@pytest.mark.parametrize(
    ("spelling", "spider"),
    [
        ("bbc", "bbc"),
        ("BBC", "bbc"),
        ("www.bbc.com", "bbc"),
        ("bbc.com", "bbc"),
        ("BBC Sport", "bbc"),
        ("Kicker.DE", "kicker"),
    ],
)
def test_an_outlet_is_known_by_spider_host_or_display_name(
    tmp_path: Path, server: RecordedServer, spelling: str, spider: str
) -> None:
    db = tmp_path / "r.db"
    result = CliRunner().invoke(main, ["--db", str(db), "crawl", spelling, *settings_args(fast_settings(server))])
    assert result.exit_code == 0, result.output
    assert rows(db, "SELECT spider FROM crawl_runs") == [(spider,)]


def test_an_unknown_outlet_is_refused_in_one_line_before_anything_starts(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    result = CliRunner().invoke(main, ["--db", str(db), "crawl", "bbc", "the-onion"])
    assert result.exit_code == 2
    [line] = result.output.splitlines()
    assert line.startswith("Error: unknown outlet(s): the-onion; known: ")
    assert "bbc (BBC Sport, bbc.com)" in line and "kicker" in line
    assert not db.exists()  # nothing crawled, no store created


def test_a_setting_without_a_value_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "r.db"), "crawl", "bbc", "-s", "DOWNLOAD_DELAY"])
    assert result.exit_code == 2
    assert "expected NAME=VALUE, got 'DOWNLOAD_DELAY'" in result.output


def test_ctrl_c_stops_the_crawl_at_once_and_starts_no_other_outlet(tmp_path: Path, server: RecordedServer) -> None:
    db = tmp_path / "r.db"
    server.site.timeout_seconds = 60  # each outlet's feed hangs: the crawl is surely running at the signal
    settings = fast_settings(server, DOWNLOAD_TIMEOUT=60)
    for outlet in OUTLETS:
        server.site.faults.update({url: ["timeout"] for url in feeds_of(outlet)})
    argv = [sys.executable, "-m", "aggregator", "--db", str(db), "crawl", *OUTLETS, "--jobs", "2"]
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    proc = subprocess.Popen(
        [*argv, *settings_args(settings)], cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        began = time.monotonic()
        while running_runs(db) < 2:
            assert proc.poll() is None and time.monotonic() - began < 60, proc.communicate()
            time.sleep(0.1)
        signalled_at = datetime.now(UTC).isoformat(timespec="seconds")
        proc.send_signal(signal.SIGINT)
        sent = time.monotonic()
        _, err = proc.communicate(timeout=30)
        took = time.monotonic() - sent
    finally:
        proc.kill()
        proc.communicate()
    assert proc.returncode == 130, err.decode()
    assert took < 15, took
    runs = rows(db, "SELECT spider, status, started_at, finished_at FROM crawl_runs ORDER BY id")
    assert len(runs) == 2, runs  # the two running when Ctrl-C came; the other three never started
    # their feeds hang, so each was killed once the grace after SIGTERM ran out, and marked so
    assert all(status == "interrupted" and finished for _, status, _, finished in runs), runs
    assert all(started[:19] <= signalled_at[:19] for _, _, started, _ in runs), (runs, signalled_at)
    assert "not started: " in err.decode() and "not started (stopped)" in err.decode()


def feeds_of(outlet: str) -> list[str]:
    from scrapy.spiderloader import get_spider_loader
    from scrapy.utils.project import get_project_settings

    spider = get_spider_loader(get_project_settings()).load(outlet)
    return [*spider.feeds, *spider.listings, *getattr(spider, "sitemaps", [])]


def running_runs(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        return rows(db, "SELECT COUNT(*) FROM crawl_runs WHERE status = 'running'")[0][0]
    except Exception:  # the store is being created
        return 0
