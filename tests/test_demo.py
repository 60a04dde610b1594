"""`rumours demo` offline: recorded outlets on loopback, real spiders, aggregate, a digest in every format."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from aggregator.cli import main
from aggregator.crawl import REPO_ROOT
from aggregator.demo import recorded_outlets
from aggregator.digest import FORMATS
from tests.spiders.crawl_helpers import rows

pytestmark = pytest.mark.slow


def test_demo_produces_a_digest_with_deals_from_several_outlets(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)  # the defaults: ./rumours.db and ./digest/
    monkeypatch.delenv("RUMOURS_DB", raising=False)
    monkeypatch.delenv("RUMOURS_CONFIG", raising=False)
    result = CliRunner().invoke(main, ["demo"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "rumours.db").is_file()
    files = sorted((tmp_path / "digest").glob("digest-*"))
    assert {f.suffix.lstrip(".") for f in files} == set(FORMATS)
    digest = json.loads(next(f for f in files if f.suffix == ".json").read_text(encoding="utf-8"))
    outlets = {r["outlet"] for d in digest["deals"] for r in d["reports"]}
    assert len(digest["deals"]) >= 3 and len(outlets) >= 3, (digest["deals"], result.output)
    assert len(outlets) >= len(recorded_outlets()) // 2
    ET.fromstring(next(f for f in files if f.suffix == ".atom").read_bytes())
    assert "rumours serve" in result.output and str(tmp_path / "digest") in result.output


def test_demo_outlets_are_known_by_spider_host_or_display_name(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    args = ["--db", str(db), "demo", "--digest-dir", str(tmp_path / "d"), "--outlets", "BBC Sport, www.kicker.de"]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "Serving the recorded pages of 2 outlets on loopback: bbc, kicker" in result.output
    assert rows(db, "SELECT spider, status FROM crawl_runs ORDER BY spider") == [("bbc", "ok"), ("kicker", "ok")]


def test_demo_refuses_an_unknown_outlet_in_one_line_before_starting(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    result = CliRunner().invoke(main, ["--db", str(db), "demo", "--outlets", "bbc,the-onion"])
    assert result.exit_code == 2
    [line] = result.output.splitlines()
    assert line.startswith("Error: unknown outlet(s): the-onion; known: ") and "bbc (BBC Sport, bbc.com)" in line
    assert not db.exists()


def test_ctrl_c_stops_the_demo_at_once_without_aggregating(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    argv = [sys.executable, "-m", "aggregator", "--db", str(db), "demo", "--digest-dir", str(tmp_path / "d")]
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    proc = subprocess.Popen(argv, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        while "crawling with the real spiders" not in (line := proc.stdout.readline()):
            assert line, proc.communicate()
        began = time.monotonic()
        while not crawl_runs(db):
            assert time.monotonic() - began < 60
            time.sleep(0.05)
        proc.send_signal(signal.SIGINT)
        sent = time.monotonic()
        out, err = proc.communicate(timeout=30)
        took = time.monotonic() - sent
    finally:
        proc.kill()
        proc.communicate()
    assert proc.returncode == 130, err
    assert took < 15, took
    assert "Interrupted: crawl stopped" in out
    runs = rows(db, "SELECT status, finished_at FROM crawl_runs")
    assert 0 < len(runs) <= 4 < len(recorded_outlets())  # the four running at the signal (jobs=4); no other
    assert all(status != "running" and finished for status, finished in runs), runs  # closed, or killed and marked
    assert rows(db, "SELECT COUNT(*) FROM deals") == [(0,)]  # no aggregate after the signal
    assert not (tmp_path / "d").exists()  # no digest


def crawl_runs(db: Path) -> int:
    """Rows in crawl_runs; 0 while the store is still being created."""
    try:
        return rows(db, "SELECT COUNT(*) FROM crawl_runs")[0][0] if db.exists() else 0
    except sqlite3.OperationalError:
        return 0


def test_the_demo_tells_how_to_type_rumours_when_it_is_not_on_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from aggregator.demo import command_name

    script = tmp_path / ".venv" / "bin" / "rumours"
    script.parent.mkdir(parents=True)
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.argv", [str(script), "demo"])
    monkeypatch.setenv("PATH", "/usr/bin:/bin")
    assert command_name() == ".venv/bin/rumours"  # as run from a fresh clone's virtual environment
    monkeypatch.setenv("PATH", f"{script.parent}:/usr/bin:/bin")
    assert command_name() == "rumours"  # activated: on PATH
