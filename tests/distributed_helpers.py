"""Real redis-server and Scrapyd processes on loopback for the distributed-crawl tests and bench; each is stopped."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

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
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def missing_tools() -> str | None:
    """Why the distributed tests cannot run here, or None."""
    if shutil.which("redis-server") is None:
        return "redis-server is not installed (apt-get install redis-server)"
    scrapyd = Path(sys.executable).with_name("scrapyd")
    if not scrapyd.exists() and shutil.which("scrapyd") is None:
        return "scrapyd is not installed (pip install 'transfer-rumours[distributed]')"
    for module in ("scrapyd_client", "requests"):
        try:
            __import__(module)
        except ImportError:
            return f"{module} is not installed (pip install 'transfer-rumours[distributed]')"
    return None


def _wait_for(check: object, proc: subprocess.Popen[bytes], what: str, log: Path, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{what} exited {proc.returncode}: {log.read_text(errors='replace')[-2000:]}")
        with contextlib.suppress(OSError, ValueError):
            if check():  # type: ignore[operator]
                return
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not start in {timeout:.0f} s: {log.read_text(errors='replace')[-2000:]}")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)


@contextlib.contextmanager
def redis_server(folder: Path) -> Iterator[str]:
    """A throw-away redis-server on a free loopback port (no persistence); yields its ``redis://`` URL."""
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log = folder / "redis.log"
    argv = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    argv += ["--dir", str(folder), "--logfile", str(log)]
    proc = subprocess.Popen(argv, cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, process_group=0)
    log.touch()

    def answers() -> bool:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")

    try:
        _wait_for(answers, proc, "redis-server", log)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        _stop(proc)


@contextlib.contextmanager
def scrapyd_node(folder: Path, max_proc: int = 4, env: dict[str, str] | None = None) -> Iterator[str]:
    """A Scrapyd instance on a free loopback port, configured by a scrapyd.conf in ``folder``; yields its URL.
    Its crawl processes run in its process group, so stopping it stops them too."""
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    (folder / "scrapyd.conf").write_text(SCRAPYD_CONF.format(port=port, root=folder, max_proc=max_proc))
    log = folder / "scrapyd.log"
    scrapyd = Path(sys.executable).with_name("scrapyd")
    argv = [str(scrapyd) if scrapyd.exists() else "scrapyd", "--logfile", str(log), "--pidfile", ""]
    with log.open("wb") as out:
        proc = subprocess.Popen(
            argv, cwd=folder, stdout=out, stderr=subprocess.STDOUT, process_group=0, env={**os.environ, **(env or {})}
        )
    url = f"http://127.0.0.1:{port}/"

    def answers() -> bool:
        with urllib.request.urlopen(url + "daemonstatus.json", timeout=2) as response:
            return bool(json.load(response).get("status") == "ok")

    try:
        _wait_for(answers, proc, "scrapyd", log)
        yield url
    finally:
        _stop(proc)
