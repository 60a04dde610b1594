"""`rumours schedule` passes Scrapy settings (`-s`, the config's `scrapy_settings`) to every crawl, so it can run
against the recorded-outlets server; `status` reports a crawl job whose outlets all failed as failed."""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from aggregator.cli import main
from aggregator.config import ConfigError, load_config
from aggregator.crawl import REPO_ROOT
from spiders.recorded_server import RecordedServer, RecordedSite, serve_in_thread
from tests.spiders.crawl_helpers import fast_settings, rows

pytestmark = pytest.mark.slow
CRAWL_STATUS = "schedule.crawl-and-aggregate.last_status"


@pytest.fixture()
def server() -> Iterator[RecordedServer]:
    running = serve_in_thread(RecordedSite())
    yield running
    running.stop()


def write_config(tmp_path: Path, settings: dict[str, object] | None = None) -> Path:
    lines = [
        "[rumours]",
        'outlets = ["bbc"]',
        "interval_minutes = 600",
        'log_file = "off"',
        f'output_dir = "{tmp_path / "digest"}"',
    ]
    if settings:
        lines.append("[rumours.scrapy_settings]")
        lines += [f"{name} = {json.dumps(value)}" for name, value in settings.items()]
    path = tmp_path / "rumours.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def schedule_until_the_crawl_job_ends(db: Path, config: Path, *extra: str) -> str:
    """Run `rumours schedule` until its catch-up crawl job has recorded its outcome, then SIGTERM it."""
    argv = [sys.executable, "-m", "aggregator", "--db", str(db), "schedule", "--config", str(config), *extra]
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    proc = subprocess.Popen(argv, cwd=config.parent, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        began = time.monotonic()
        while (status := job_status(db)) is None:
            assert proc.poll() is None and time.monotonic() - began < 120, proc.communicate()
            time.sleep(0.2)
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=30)
    finally:
        proc.kill()
        proc.communicate()
    return status


def job_status(db: Path) -> str | None:
    try:
        found = rows(db, "SELECT value FROM meta WHERE key = ?", CRAWL_STATUS) if db.exists() else []
    except sqlite3.OperationalError:  # the store is being created
        return None
    return found[0][0] if found else None


def test_the_config_scrapy_settings_reach_every_crawl(tmp_path: Path, server: RecordedServer) -> None:
    db = tmp_path / "r.db"
    config = write_config(tmp_path, fast_settings(server))
    assert schedule_until_the_crawl_job_ends(db, config) == "ok"
    assert rows(db, "SELECT spider, status FROM crawl_runs") == [("bbc", "ok")]
    assert rows(db, "SELECT COUNT(*) FROM articles WHERE outlet_id = 'bbc.com'")[0][0] > 0


def test_a_crawl_job_whose_outlets_all_failed_is_failed_in_status(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{sock.getsockname()[1]}"  # nothing listens there once released
    config = write_config(tmp_path)
    settings = {"RUMOURS_RECORDED_SERVER": dead, "RUMOURS_ALLOW_PRIVATE_ADDRESSES": "True", "RETRY_TIMES": "0"}
    flags = [arg for name, value in settings.items() for arg in ("-s", f"{name}={value}")]
    status = schedule_until_the_crawl_job_ends(db, config, *flags)
    assert status == "failed: every outlet's crawl failed (bbc)"
    assert rows(db, "SELECT spider, status FROM crawl_runs") == [("bbc", "failed")]
    report = CliRunner().invoke(main, ["--db", str(db), "status", "--config", str(config), "--format", "json"])
    assert json.loads(report.output)["runs"]["crawl"]["last_status"] == status
    checked = CliRunner().invoke(main, ["--db", str(db), "status", "--config", str(config), "--check"])
    assert checked.exit_code == 1 and f"warning: crawl job: {status}" in checked.output


def test_a_setting_on_the_command_line_wins_over_the_config(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path, {"DOWNLOAD_DELAY": 2, "RETRY_TIMES": 1}), env={})
    assert config.crawl_settings == {"DOWNLOAD_DELAY": "2", "RETRY_TIMES": "1"}
    assert config.with_scrapy_settings({"RETRY_TIMES": "0"}).crawl_settings == {
        "DOWNLOAD_DELAY": "2",
        "RETRY_TIMES": "0",
    }


def test_scrapy_settings_that_are_not_a_table_of_values_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "rumours.toml"
    path.write_text('[rumours]\nscrapy_settings = "DOWNLOAD_DELAY=0"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="scrapy_settings = 'DOWNLOAD_DELAY=0': expected a table"):
        load_config(path, env={})
    path.write_text("[rumours.scrapy_settings]\nITEM_PIPELINES = {a = 1}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="ITEM_PIPELINES: expected a single value"):
        load_config(path, env={})


def test_schedule_refuses_an_unknown_configured_outlet_before_starting(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    env = {"RUMOURS_OUTLETS": "bbc,nosuchpaper", "RUMOURS_LOG_FILE": "off"}
    result = CliRunner().invoke(main, ["--db", str(db), "schedule"], env=env)
    assert result.exit_code == 2
    assert "unknown outlet(s): nosuchpaper" in result.output
    assert not db.exists()  # nothing started, no store made


def test_schedule_knows_configured_outlets_by_host_or_display_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from aggregator.scheduler import RumoursScheduler

    started: list[tuple[str, ...]] = []
    monkeypatch.setattr(RumoursScheduler, "run_forever", lambda self: started.append(self.config.outlets) or 0)
    env = {"RUMOURS_OUTLETS": "BBC Sport,kicker.de,www.mirror.co.uk", "RUMOURS_LOG_FILE": "off"}
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "r.db"), "schedule"], env=env)
    assert result.exit_code == 0, result.output
    assert started == [("bbc", "kicker", "mirror")]
