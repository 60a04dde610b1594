"""Stopping crawls early: running crawl processes get SIGTERM, close gracefully, record their run; none starts after."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from aggregator import crawl

SLOW_CHILD = """
import signal, sys, time
def closed(*_):
    print('RUMOURS-PROGRESS {"event": "closed", "reason": "shutdown", "requests": 1, "items": 0}', flush=True)
    sys.exit(0)
signal.signal(signal.SIGTERM, closed)
print('RUMOURS-PROGRESS {"event": "opened", "requests": 0, "items": 0}', flush=True)
time.sleep(60)
"""


@pytest.fixture()
def slow_crawls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each "crawl" is a child that runs for a minute unless SIGTERMed, and then reports a graceful close."""
    started: list[str] = []

    def command(outlet: str, since: str | None = None, settings: Any = None) -> list[str]:
        started.append(outlet)
        return [sys.executable, "-c", SLOW_CHILD]

    monkeypatch.setattr(crawl, "crawl_command", command)
    monkeypatch.setattr(crawl, "prepare_store", lambda db_path: None)
    return started


def test_stop_terminates_running_crawls_and_starts_no_more(slow_crawls: list[str], tmp_path: Path) -> None:
    stop = threading.Event()
    threading.Timer(1.0, stop.set).start()
    began = time.monotonic()
    results = crawl.run_crawls(["a", "b", "c", "d"], tmp_path / "db", jobs=2, stop=stop)
    assert time.monotonic() - began < 20
    assert sorted(slow_crawls) == ["a", "b"]  # two workers start them in either order; the other two never started
    assert [(r.outlet, r.returncode, r.reason) for r in results] == [
        ("a", 0, "shutdown"),
        ("b", 0, "shutdown"),
        ("c", -1, "stopped"),
        ("d", -1, "stopped"),
    ]


def test_a_crawl_finishing_on_its_own_ignores_a_later_stop(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(crawl, "crawl_command", lambda *a, **k: [sys.executable, "-c", "print('done')"])
    stop = threading.Event()
    result = crawl.run_crawl("a", tmp_path / "db", stop=stop)
    stop.set()
    assert result.returncode == 0 and result.reason is None


def test_scheduler_crawl_passes_its_stop_event(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from aggregator.config import Config
    from aggregator.scheduler import default_crawl

    seen: list[threading.Event | None] = []

    def fake_run_crawl(outlet: str, db_path: Any, **kwargs: Any) -> crawl.CrawlResult:
        seen.append(kwargs.get("stop"))
        return crawl.CrawlResult(outlet=outlet, returncode=0, reason="finished")

    monkeypatch.setattr(crawl, "run_crawl", fake_run_crawl)
    monkeypatch.setattr(crawl, "prepare_store", lambda db_path: None)
    stop = threading.Event()
    config = Config(db_path=str(tmp_path / "db"), outlets=("a",))
    assert [r.outlet for r in default_crawl(config, stop)] == ["a"]
    assert seen == [stop]
