"""``rumours demo``: the main job offline — recorded outlets on loopback, real spiders, aggregate, every digest."""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .config import Config
from .processes import stop_process
from .store import DEFAULT_DB, Store

logger = logging.getLogger(__name__)

# Politeness is for real sites: the loopback server answers at once.
FAST_SETTINGS = {
    "RUMOURS_ALLOW_PRIVATE_ADDRESSES": "True",
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": "False",
    "RETRY_TIMES": 1,
    "DOWNLOAD_TIMEOUT": 10,
}


def recorded_outlets() -> list[str]:
    """Outlets with recorded pages bundled in the spiders package (``spiders/recorded/pages/<outlet>/``)."""
    spec = importlib.util.find_spec("spiders")
    if spec is None or not spec.submodule_search_locations:
        return []
    pages = Path(next(iter(spec.submodule_search_locations))) / "recorded" / "pages"
    return sorted(p.name for p in pages.iterdir() if p.is_dir() and any(p.glob("*.html*"))) if pages.is_dir() else []


@contextmanager
def recorded_server() -> Iterator[str]:
    """The recorded-outlets server in its own process on a free loopback port; yields its URL."""
    log = tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace")  # noqa: SIM115 (closed below)
    proc = subprocess.Popen(
        [sys.executable, "-m", "spiders.recorded_server", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1", "SCRAPY_SETTINGS_MODULE": "spiders.settings"},
        process_group=0,  # a Ctrl-C at the terminal reaches the demo, which stops the server after the crawls
    )
    drain: threading.Thread | None = None
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().strip()
        if not url.startswith("http://127.0.0.1:"):
            proc.wait(timeout=10)
            log.seek(0)
            tail = "\n".join(log.read().splitlines()[-5:])
            raise RuntimeError(f"the recorded-outlets server did not start:\n{tail}")
        drain = threading.Thread(target=proc.stdout.read, daemon=True)
        drain.start()
        yield url
    finally:
        stop_process(proc)
        if drain is not None:
            drain.join(timeout=5)
        if proc.stdout is not None:
            proc.stdout.close()
        log.close()


def run_demo(
    config: Config,
    digest_dir: str | Path,
    *,
    outlets: list[str] | None = None,
    echo: Callable[[str], Any] = print,
    stop: threading.Event | None = None,
    force: threading.Event | None = None,
) -> dict[str, Any]:
    """Crawl the recorded outlets into ``config.db_path``, aggregate, write today's digest in every format.

    Once ``stop`` is set no further outlet is crawled, the running crawls stop (``force``: at once, see
    ``aggregator.crawl.run_crawls``), an aggregate ends at its next batch, and no digest is written; the result
    then has ``stopped`` true."""
    stop = stop or threading.Event()
    from .aggregate import aggregate
    from .crawl import run_crawls
    from .digest import write_digest_files

    names = outlets or recorded_outlets()
    if not names:
        raise RuntimeError("no recorded outlets found in spiders/recorded/pages")
    db = Path(config.db_path).resolve()  # crawl processes run in another working directory
    echo(f"Serving the recorded pages of {len(names)} outlets on loopback: {', '.join(names)}")
    with recorded_server() as url:
        echo(f"  recorded-outlets server at {url}; crawling with the real spiders (one process per outlet) …")
        done = [0]

        def progress(outlet: str, event: dict[str, Any]) -> None:
            if event.get("event") == "closed":
                done[0] += 1
                echo(f"  [{done[0]}/{len(names)}] {outlet}: {event.get('items', 0)} stories, {event.get('reason')}")

        settings = {**FAST_SETTINGS, "RUMOURS_RECORDED_SERVER": url}
        results = run_crawls(names, db, settings=settings, on_progress=progress, jobs=4, stop=stop, force=force)
    if stop.is_set():
        echo(f"Interrupted: crawl stopped ({len([r for r in results if r.not_started])} outlets not started).")
        return {"results": results, "stopped": True}
    failed = [r.outlet for r in results if not r.ok]
    if failed:
        echo(f"  warning: crawl failed for {', '.join(failed)} (see `rumours --db {db} health`)")
    with Store(db) as store:
        result = aggregate(store, stop=stop.is_set)
        if result.stopped:
            echo("Interrupted: aggregate stopped at a batch boundary; no digest written.")
            return {"results": results, "stopped": True}
        files = write_digest_files(store, digest_dir, config.tz)
        counts = store.counts()
    digest = json.loads(files["json"].read_text(encoding="utf-8"))
    outlets_in_digest = sorted({r["outlet"] for d in digest["deals"] for r in d["reports"]})
    echo(
        f"Aggregated: {result.reports_extracted} reports -> {result.claims} claims -> {counts['deals']} deals "
        f"({counts['articles']} articles from {counts['outlets']} outlets)."
    )
    echo(
        f"Today's digest ({digest['date']}, {config.timezone}): {len(digest['deals'])} deals "
        f"reported by {len(outlets_in_digest)} outlets."
    )
    echo("")
    echo(f"Store:   {db}")
    echo(f"Digest:  {Path(digest_dir).resolve()}/")
    for fmt, path in files.items():
        echo(f"  {fmt:<5} {path}")
    given = config.db_path
    rumours = command_name()
    serve = f"{rumours} serve" if given == DEFAULT_DB else f"{rumours} --db {given} serve"
    if str(digest_dir) != config.output_dir:
        serve += f" --digest-dir {digest_dir}"
    echo("")
    echo(f"Browse:  {serve}    then open http://127.0.0.1:8001/ (the digest is at /digest/)")
    db_opt = "" if given == DEFAULT_DB else f"--db {given} "
    echo(f"More:    {rumours} {db_opt}deals  ·  {rumours} {db_opt}first PLAYER  ·  {rumours} {db_opt}status")
    return {"results": results, "files": files, "counts": counts, "stopped": False}


def command_name() -> str:
    """How to type ``rumours`` again: plain when it is on PATH, else as it was run (``.venv/bin/rumours``)."""
    ran = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if ran is None or ran.name != "rumours":
        return "rumours"
    on_path = shutil.which("rumours")
    if on_path and Path(on_path).resolve() == ran.resolve():
        return "rumours"
    try:
        return str(ran.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(ran)
