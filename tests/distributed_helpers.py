"""Helpers for the distributed-crawl tests and bench: throwaway redis-server and Scrapyd nodes, worker processes."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from aggregator.crawl import _cwd, _env, crawl_command
from spiders.recorded_server import RecordedServer, RecordedSite
from tests.spiders.crawl_helpers import fast_settings

MIRROR = "https://www.mirror.co.uk/sport/football/transfer-news/"
AUBAMEYANG = MIRROR + "arsenal-aubameyang-transfer-real-madrid-22003093"
REDIS_SERVER = shutil.which("redis-server")
ARTICLE_COLUMNS = (
    "url, outlet_id, title, body, language, author, section, published_at, modified_at, content_hash, origin, "
    "etag, last_modified"
)
SCRAPYD_CONF = """[scrapyd]
bind_address = 127.0.0.1
http_port = {port}
eggs_dir = {root}/eggs
logs_dir = {root}/logs
dbs_dir = {root}/dbs
items_dir =
max_proc = {max_proc}
poll_interval = 0.2
finished_to_keep = 200
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def redis_server(folder: Path) -> Iterator[str]:
    """A private redis-server on a free loopback port, no persistence; its URL. Killed on exit."""
    import redis

    assert REDIS_SERVER is not None
    port = free_port()
    argv = [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    proc = subprocess.Popen([*argv, "--dir", str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/0"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                redis.Redis.from_url(url).ping()
                break
            except redis.ConnectionError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.05)
        yield url
    finally:
        proc.kill()
        proc.wait(timeout=10)


def mirror_site(extra: int = 8) -> RecordedSite:
    """The recorded outlets, with ``extra`` more Mirror articles (feed, listing and articles on one host)."""
    site = RecordedSite()
    body = site.pages[AUBAMEYANG].body
    for n in range(extra):
        site.add_article("mirror", body.replace(b"Aubameyang", f"Aubameyang {n}".encode(), 1), f"{MIRROR}c-{4000 + n}")
    site.rebuild_indexes()
    return site


def worker_settings(server: RecordedServer, redis_url: str, run_id: str, **extra: Any) -> dict[str, Any]:
    """Fast settings for one distributed worker (short heartbeats and idle close)."""
    return fast_settings(
        server,
        RUMOURS_REDIS_URL=redis_url,
        RUMOURS_RUN_ID=run_id,
        RUMOURS_IDLE_CLOSE=1.0,
        RUMOURS_HEARTBEAT_SECONDS=0.2,
        RUMOURS_WORKER_TIMEOUT=1.5,
        **extra,
    )


def start_worker(outlet: str, db: Path, settings: dict[str, Any], log: Path) -> subprocess.Popen[bytes]:
    """`scrapy crawl <outlet>` in distributed mode; its output in ``log``."""
    env = {**_env(db), "RUMOURS_PROGRESS": "0"}
    with open(log, "wb") as out:
        return subprocess.Popen(crawl_command(outlet, None, settings), cwd=_cwd(), env=env, stdout=out, stderr=out)


def wait_all(procs: list[subprocess.Popen[bytes]], timeout: float = 120) -> list[int]:
    deadline = time.monotonic() + timeout
    codes = []
    for proc in procs:
        try:
            codes.append(proc.wait(timeout=max(0.1, deadline - time.monotonic())))
        except subprocess.TimeoutExpired:
            proc.kill()
            codes.append(proc.wait())
    return codes


def articles_table(db: Path) -> list[tuple[Any, ...]]:
    """The articles (and their reports) as rows, without fetch times: what two crawls of the same pages share."""
    with sqlite3.connect(db) as conn:
        found = conn.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY url").fetchall()
        found += conn.execute(
            """SELECT a.url, r.seq, r.title, r.text, r.link, r.cited_source, r.published_at
               FROM reports r JOIN articles a ON a.id = r.article_id ORDER BY a.url, r.seq"""
        ).fetchall()
    return found


def log_tail(path: Path, lines: int = 30) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""


def environment_without(name: str) -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != name}


def missing_tools() -> str | None:
    """Why the Scrapyd tests cannot run here, or None."""
    if REDIS_SERVER is None:
        return "redis-server is not installed (apt-get install redis-server)"
    if not _scrapyd_command():
        return "scrapyd is not installed (pip install 'transfer-rumours[distributed]')"
    for module in ("scrapyd_client", "requests", "redis", "scrapy_redis"):
        try:
            __import__(module)
        except ImportError:
            return f"{module} is not installed (pip install 'transfer-rumours[distributed]')"
    return None


def _scrapyd_command() -> str | None:
    beside = Path(sys.executable).with_name("scrapyd")
    return str(beside) if beside.exists() else shutil.which("scrapyd")


def _stop_group(proc: subprocess.Popen[bytes]) -> None:
    """SIGTERM the process group (Scrapyd and the crawls it started), SIGKILL what is left after 10 s."""
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)


@contextmanager
def scrapyd_node(folder: Path, max_proc: int = 4, env: dict[str, str] | None = None) -> Iterator[str]:
    """A Scrapyd instance on a free loopback port, configured by a scrapyd.conf in ``folder``; yields its URL.
    Its crawl processes run in its process group, so stopping it stops them too."""
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    (folder / "scrapyd.conf").write_text(SCRAPYD_CONF.format(port=port, root=folder, max_proc=max_proc))
    log = folder / "scrapyd.log"
    argv = [_scrapyd_command() or "scrapyd", "--logfile", str(log), "--pidfile", ""]
    with log.open("wb") as out:
        proc = subprocess.Popen(
            argv, cwd=folder, stdout=out, stderr=subprocess.STDOUT, process_group=0, env={**os.environ, **(env or {})}
        )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 30
        while True:
            with (
                contextlib.suppress(OSError, ValueError),
                urllib.request.urlopen(url + "daemonstatus.json", timeout=2) as response,
            ):
                if json.load(response).get("status") == "ok":
                    break
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"scrapyd did not start: {log_tail(log)}")
            time.sleep(0.1)
        yield url
    finally:
        _stop_group(proc)
