"""Helpers for tests that run `rumours serve`: a filled store with a digest, a free port, wait for the server."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from zoneinfo import ZoneInfo

from aggregator.digest import write_digest_files
from aggregator.processes import stop_process
from aggregator.store import Store
from tests.digest_data import fill


def filled_site(tmp_path: Path) -> tuple[Path, Path]:
    """A store with deals and today's digest in every format: (db, digest folder)."""
    db, folder = tmp_path / "rumours.db", tmp_path / "digest"
    with Store(db) as store:
        fill(store)
        write_digest_files(store, folder, ZoneInfo("UTC"))
    return db, folder


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running_server(db: Path, folder: Path) -> Iterator[str]:
    """`rumours serve` in a subprocess on a free loopback port; yields the base URL."""
    port = free_port()
    argv = [
        sys.executable,
        "-m",
        "aggregator",
        "--db",
        str(db),
        "serve",
        "--port",
        str(port),
        "--digest-dir",
        str(folder),
    ]
    with _serving(argv, port, "rumours serve") as base:
        yield base


@contextmanager
def running_datasette(db: Path, cwd: Path) -> Iterator[str]:
    """Plain `datasette DB` (no metadata, no plugins directory) in a subprocess in ``cwd``; yields the base URL."""
    port = free_port()
    argv = [sys.executable, "-m", "datasette", "serve", str(db), "--host", "127.0.0.1", "--port", str(port)]
    with _serving(argv, port, "datasette", cwd=cwd) as base:
        yield base


@contextmanager
def _serving(argv: list[str], port: int, what: str, cwd: Path | None = None) -> Iterator[str]:
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=2).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    err = proc.stderr.read() if proc.stderr else ""
                    raise RuntimeError(f"{what} did not start: {err}") from None
                time.sleep(0.1)
        yield base
    finally:
        stop_process(proc)
        if proc.stderr:
            proc.stderr.close()
