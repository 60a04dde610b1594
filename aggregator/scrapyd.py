"""Scrapyd nodes as the crawl workers' process manager: build and deploy the egg, schedule, follow and cancel jobs."""

from __future__ import annotations

import hashlib
import logging
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

logger = logging.getLogger(__name__)
PROJECT = "transfer_rumours"  # the project name on every node, as scrapy.cfg [deploy] names it
PACKAGES = ("aggregator", "spiders")  # what the egg carries (spiders import aggregator's records, urls and dates)
PROJECT_FILES = ("scrapy.cfg", "pyproject.toml", "README.md")
# pyproject.toml names the settings module in the egg's `scrapy` entry point: Scrapyd's runner reads it from there.
SETUP_PY = "from setuptools import setup\n\nsetup()\n"
REQUEST_TIMEOUT = 10.0  # one HTTP call to a node
POLL_MIN, POLL_MAX = 0.25, 2.0  # listjobs.json polling: starts fast, backs off to this bound
NODE_SILENCE_SECONDS = 30.0  # a node that has not answered for this long is reported lost, not waited on
CANCEL_GRACE_SECONDS = 15.0  # after cancel.json, how long the jobs get to close before they are left


class ScrapydError(RuntimeError):
    """A node or a deploy that cannot be used; the message is one line, naming the node."""


class NodeUnreachable(ScrapydError):
    pass


class DeployRefused(ScrapydError):
    pass


class NotDeployable(ScrapydError):
    pass


def _requests() -> Any:
    try:
        import requests
    except ImportError:  # pragma: no cover - the [distributed] extra brings it
        raise ScrapydError("the scrapyd engine needs `pip install 'transfer-rumours[distributed]'`") from None
    return requests


def parse_nodes(text: str | Iterable[str]) -> list[str]:
    """Scrapyd base URLs from ``http://a:6800,http://b:6800`` (or a list), each ending in one slash."""
    items = text.split(",") if isinstance(text, str) else list(text)
    nodes = []
    for item in (i.strip() for i in items):
        if not item:
            continue
        parts = urlsplit(item if "://" in item else f"http://{item}")
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"not a Scrapyd URL: {item!r} (expected http://HOST:PORT)")
        nodes.append(f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}/")
    if not nodes:
        raise ValueError("no Scrapyd node given (expected http://HOST:PORT[,http://HOST:PORT...])")
    return list(dict.fromkeys(nodes))


class Node:
    """One Scrapyd instance, spoken to over its JSON API; every failure is a one-line ScrapydError."""

    def __init__(self, url: str, timeout: float = REQUEST_TIMEOUT) -> None:
        self.url = url if url.endswith("/") else url + "/"
        self.timeout = timeout
        self.session = _requests().Session()

    def __repr__(self) -> str:
        return f"Node({self.url!r})"

    @property
    def name(self) -> str:
        return self.url.rstrip("/")

    def call(self, endpoint: str, data: Any = None, files: Any = None, params: Any = None) -> dict[str, Any]:
        """GET (no ``data``) or POST ``endpoint`` (``schedule.json``); Scrapyd's own error message is raised."""
        requests = _requests()
        url = urljoin(self.url, endpoint)
        try:
            if data is None and files is None:
                response = self.session.get(url, params=params, timeout=self.timeout)
            else:
                response = self.session.post(url, data=data, files=files, timeout=self.timeout)
        except requests.RequestException as exc:
            raise NodeUnreachable(f"scrapyd node {self.name}: unreachable ({_reason(exc)})") from None
        try:
            body = response.json()
        except ValueError:
            raise NodeUnreachable(
                f"scrapyd node {self.name}: {endpoint} answered HTTP {response.status_code}, not Scrapyd's JSON"
            ) from None
        if body.get("status") != "ok":
            lines = [line.strip() for line in str(body.get("message") or body).splitlines() if line.strip()]
            raise ScrapydError(f"scrapyd node {self.name}: {endpoint}: {(lines or ['error'])[-1][:300]}")
        return dict(body)

    def text(self, path: str) -> str:
        """A file the node serves (a job's log), or "" when it cannot be had."""
        try:
            response = self.session.get(urljoin(self.url, path.lstrip("/")), timeout=self.timeout)
        except _requests().RequestException:
            return ""
        return str(response.text) if response.ok else ""


def _reason(exc: Exception) -> str:
    text = str(exc)
    for pattern in (r"\[Errno -?\d+\] ([^'\")]+)", r"(timed out)", r"(Connection refused)"):
        if found := re.search(pattern, text):
            return found.group(1).strip()
    return type(exc).__name__


# -- the egg ----------------------------------------------------------------------------------------------------


def _copy_project(root: Path, dest: Path) -> None:
    missing = [name for name in (*PROJECT_FILES, *PACKAGES) if not (root / name).exists()]
    if missing:
        raise NotDeployable(f"project not deployable: {root} has no {', '.join(missing)} (deploy from a checkout)")
    for name in PROJECT_FILES:
        shutil.copy2(root / name, dest / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.db", "*.db-*")
    for package in PACKAGES:
        shutil.copytree(root / package, dest / package, ignore=ignore)
    (dest / "setup.py").write_text(SETUP_PY, encoding="utf-8")


def content_version(root: Path) -> str:
    """The package version and a hash of every file the egg carries: the same sources deploy the same version."""
    digest = hashlib.sha256()
    for name in PROJECT_FILES:
        digest.update(name.encode() + b"\0" + (root / name).read_bytes())
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    try:
        base = metadata.version("transfer-rumours")
    except metadata.PackageNotFoundError:
        base = "0"
    return f"{base}+{digest.hexdigest()[:12]}"


def build_egg(root: Path, dest: Path) -> Path:
    """Build the project egg with scrapyd-client (``scrapyd-deploy --build-egg``) from a copy of the project, so the
    checkout gets no setup.py or build folders; the egg holds both packages, the recorded pages and the entry point
    naming ``spiders.settings``."""
    egg = dest / "transfer-rumours.egg"
    with tempfile.TemporaryDirectory(prefix="rumours-egg-") as tmp:
        _copy_project(root, Path(tmp))
        try:
            done = subprocess.run(
                [sys.executable, "-m", "scrapyd_client.deploy", "--build-egg", str(egg)],
                cwd=tmp,
                capture_output=True,
                text=True,
                timeout=300,
            )
        except (OSError, subprocess.SubprocessError) as exc:
            raise NotDeployable(f"project not deployable: building the egg failed: {exc}") from None
    if done.returncode != 0 or not egg.is_file():
        tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or [f"exit {done.returncode}"]
        if "No module named" in tail[0] and "scrapyd_client" in tail[0]:
            tail = ["scrapyd-client is not installed: pip install 'transfer-rumours[distributed]'"]
        raise NotDeployable(f"project not deployable: building the egg failed: {tail[0]}")
    return egg


def cached_egg(root: Path, version: str, cache: Path | None = None) -> Path:
    """The egg of this ``version`` (a hash of its sources), built once and kept in the temp folder's cache."""
    folder = cache or Path(tempfile.gettempdir()) / "transfer-rumours-eggs"
    egg = folder / f"{version}.egg"
    if not egg.is_file():
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=folder) as tmp:
            built = build_egg(root, Path(tmp))
            built.replace(egg)  # atomic: a concurrent build of the same version writes the same bytes
    return egg


def deploy(nodes: Iterable[Node], egg: Path, version: str) -> None:
    """Upload the egg to every node that does not have this version yet (``addversion.json``); a node that
    refuses it raises with Scrapyd's message."""
    payload = egg.read_bytes()
    for node in nodes:
        try:
            if version in node.call("listversions.json", params={"project": PROJECT}).get("versions", []):
                logger.info("%s %s is on %s already", PROJECT, version, node.name)
                continue
        except NodeUnreachable:
            raise
        except ScrapydError:
            pass  # an older Scrapyd or no such project yet: deploy
        try:
            answer = node.call("addversion.json", data={"project": PROJECT, "version": version}, files={"egg": payload})
        except NodeUnreachable:
            raise
        except ScrapydError as exc:
            raise DeployRefused(f"deploy refused: {exc}") from None
        if not answer.get("spiders"):
            raise DeployRefused(f"deploy refused: scrapyd node {node.name} finds no spider in the egg")
        logger.info("deployed %s %s to %s: %s spiders", PROJECT, version, node.name, answer.get("spiders"))


# -- jobs -------------------------------------------------------------------------------------------------------


@dataclass
class Job:
    """One scheduled crawl of one outlet on one node, and what is known of it."""

    node: Node
    outlet: str
    jobid: str
    state: str = "pending"  # pending, running, finished, lost (the node stopped answering or forgot the job)
    log_url: str | None = None
    cancelled: bool = False
    stats: dict[str, Any] = field(default_factory=dict)

    @property
    def done(self) -> bool:
        return self.state in ("finished", "lost")


def schedule(
    node: Node,
    outlet: str,
    jobid: str,
    version: str,
    settings: Mapping[str, Any],
    spider_args: Mapping[str, str] | None = None,
) -> Job:
    """``schedule.json``: one job crawling ``outlet`` with these Scrapy settings (``setting=NAME=VALUE``)."""
    data: list[tuple[str, str]] = [("project", PROJECT), ("spider", outlet), ("_version", version), ("jobid", jobid)]
    data += [("setting", f"{key}={value}") for key, value in settings.items()]
    data += [(key, str(value)) for key, value in (spider_args or {}).items()]
    node.call("schedule.json", data=data)
    return Job(node, outlet, jobid)


def cancel(jobs: Iterable[Job], signal: str = "INT") -> None:
    """``cancel.json`` for every job not done: SIGINT lets Scrapy close the spider; a second one forces it."""
    for job in jobs:
        if job.done:
            continue
        try:
            job.node.call("cancel.json", data={"project": PROJECT, "job": job.jobid, "signal": signal})
            job.cancelled = True
        except ScrapydError as exc:
            logger.warning("cannot cancel job %s of %s: %s", job.jobid, job.outlet, exc)


OnJobs = Callable[[list[Job]], None]


def follow(
    jobs: list[Job],
    stop: threading.Event | None = None,
    force: threading.Event | None = None,
    on_change: OnJobs | None = None,
    silence: float = NODE_SILENCE_SECONDS,
    grace: float = CANCEL_GRACE_SECONDS,
    timeout: float | None = None,
) -> list[Job]:
    """Poll ``listjobs.json`` on each node until every job is finished or lost. A node that does not answer for
    ``silence`` seconds has its jobs marked lost; once ``stop`` is set every job is cancelled (SIGINT: Scrapy closes
    the spider), when ``force`` is set too they are killed, and jobs still running ``grace`` seconds later are lost.
    Jobs still running ``timeout`` seconds after the start are cancelled the same way."""
    deadline = None if timeout is None else time.monotonic() + timeout
    nodes = {job.node.url: job.node for job in jobs}
    last_answer = dict.fromkeys(nodes, time.monotonic())
    interval, cancelled_at, forced = POLL_MIN, None, False
    while not all(job.done for job in jobs):
        late = deadline is not None and time.monotonic() >= deadline
        if (late or (stop is not None and stop.is_set())) and cancelled_at is None:
            logger.warning("cancelling the crawl jobs: %s", "timed out" if late else "asked to stop")
            cancel(jobs)
            cancelled_at = time.monotonic()
        if force is not None and force.is_set() and not forced:
            cancel(jobs, signal="KILL")
            forced = True
        changed = False
        for url, node in nodes.items():
            mine = [job for job in jobs if job.node.url == url and not job.done]
            if not mine:
                continue
            try:
                listing = node.call("listjobs.json", params={"project": PROJECT})
            except ScrapydError as exc:
                if time.monotonic() - last_answer[url] >= silence:
                    logger.error("%s: its jobs are lost", exc)
                    for job in mine:
                        job.state, job.stats["lost"] = "lost", f"node {node.name} stopped answering"
                    changed = True
                continue
            last_answer[url] = time.monotonic()
            changed |= _update(mine, listing)
        if cancelled_at is not None and time.monotonic() - cancelled_at >= grace:
            for job in jobs:
                if not job.done:
                    job.state, job.stats["lost"] = "lost", "still running after cancel"
            changed = True
        if changed and on_change:
            on_change(jobs)
        interval = POLL_MIN if changed else min(POLL_MAX, interval * 1.5)
        if stop is not None and not stop.is_set():
            stop.wait(interval)
        else:
            time.sleep(min(interval, 1.0))
    for job in jobs:
        if job.state == "finished" and job.log_url:
            job.stats.update(parse_log(job.node.text(job.log_url)))
    return jobs


def _update(jobs: list[Job], listing: Mapping[str, Any]) -> bool:
    states = {
        row["id"]: (state, row.get("log_url"))
        for state in ("pending", "running", "finished")
        for row in listing.get(state, [])
    }
    changed = False
    for job in jobs:
        state, log_url = states.get(job.jobid, (None, None))
        if state is None:  # between Scrapyd's queue and its process table for a moment; gone for good if it stays so
            job.stats["absent"] = job.stats.get("absent", 0) + 1
            if job.stats["absent"] < 3:
                continue
            state, job.stats["lost"] = "lost", f"node {job.node.name} no longer knows the job (restarted?)"
        if state != job.state:
            job.state, job.log_url, changed = state, log_url or job.log_url, True
    return changed


_STATS = {
    "requests": r"'downloader/request_count': (\d+)",
    "items": r"'item_scraped_count': (\d+)",
    "dropped": r"'item_dropped_count': (\d+)",
    "log_errors": r"'log_count/ERROR': (\d+)",
}


def parse_log(text: str) -> dict[str, Any]:
    """What a finished job's Scrapy log says: its close reason and counts (from the final stats dump)."""
    found: dict[str, Any] = {}
    if closed := re.findall(r"Spider closed \((\w+)\)", text):
        found["reason"] = closed[-1]
    dump = text.rsplit("Dumping Scrapy stats:", 1)[-1] if "Dumping Scrapy stats:" in text else ""
    for key, pattern in _STATS.items():
        if match := re.search(pattern, dump):
            found[key] = int(match.group(1))
    found["log_tail"] = text.splitlines()[-20:]
    return found
