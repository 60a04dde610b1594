"""Benchmark: articles/s of a distributed crawl (1, 2 and 4 workers on a Redis frontier, local processes and one
Scrapyd node) against a plain local crawl, over the loopback recorded-outlets server, side by side in one run.

Usage: ``python bench/distributed.py [--extra 60] [--repeats 3] [--workers 1,2,4]``; prints the best and the
median of the repeats (articles/s, and seconds per crawl) and each mode's median against the plain local crawl.
Needs redis-server and the ``distributed`` extra. One outlet (Mirror, with ``--extra`` more articles made from a
recorded one) is crawled into a fresh store (and a flushed Redis) by `rumours crawl` as a user runs it (a
subprocess; the time includes start-up, the egg build and deploy for Scrapyd (cached after the first), the idle
close of the shared frontier and the writer draining the queue). Politeness delays are off, per-domain concurrency
stays at the production 2 (shared across workers through Redis): on 2 cores the point is the overhead of the
shared frontier, not scaling.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from aggregator.envelopes import connect
from spiders.recorded_server import serve_in_thread
from tests.distributed_helpers import mirror_site, missing_tools, redis_server, scrapyd_node
from tests.spiders.crawl_helpers import fast_settings

ROOT = Path(__file__).resolve().parents[1]


def crawl(db: Path, args: list[str], settings: dict[str, object]) -> tuple[float, int]:
    """Seconds `rumours crawl` took and the articles it stored."""
    argv = [sys.executable, "-m", "aggregator", "--db", str(db), "crawl", "mirror", *args]
    argv += [arg for name, value in settings.items() for arg in ("-s", f"{name}={value}")]
    started = time.perf_counter()
    done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=600)
    took = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args) or 'local'}: exit {done.returncode}\n{done.stderr[-3000:]}")
    with sqlite3.connect(db) as conn:
        return took, int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extra", type=int, default=60, help="extra Mirror articles (default 60)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--workers", default="1,2,4")
    args = parser.parse_args()
    if why := missing_tools():
        raise SystemExit(f"cannot run: {why}")
    counts = [int(n) for n in args.workers.split(",")]
    server = serve_in_thread(mirror_site(args.extra))
    settings = fast_settings(server, LOG_LEVEL="WARNING")
    with tempfile.TemporaryDirectory(prefix="bench-distributed-") as tmp:
        folder = Path(tmp)
        with redis_server(folder) as redis, scrapyd_node(folder / "node", max_proc=max(counts)) as node:
            modes: dict[str, list[str]] = {"local, plain": []}
            for n in counts:
                modes[f"local, --redis --workers {n}"] = ["--redis", redis, "--workers", str(n)]
            for n in counts:
                modes[f"scrapyd, 1 node, --workers {n}"] = ["--engine", "scrapyd", "--nodes", node, "--redis", redis]
                modes[f"scrapyd, 1 node, --workers {n}"] += ["--workers", str(n)]
            rates: dict[str, list[float]] = {mode: [] for mode in modes}
            seconds: dict[str, list[float]] = {mode: [] for mode in modes}
            stored = 0
            for repeat in range(args.repeats):
                for i, (mode, options) in enumerate(modes.items()):  # interleaved: load drifts hit every mode
                    # a fresh store each time, so a fresh Redis too: its validators would say "already stored"
                    connect(redis).flushdb()
                    took, stored = crawl(folder / f"{repeat}-{i}.db", options, settings)
                    rates[mode].append(stored / took)
                    seconds[mode].append(took)
                    print(f"  run {repeat + 1} {mode}: {stored} articles in {took:.2f} s", file=sys.stderr)
    server.stop()
    base = statistics.median(rates["local, plain"])
    print(f"{stored} articles (Mirror, {args.extra} extra), {args.repeats} repeats: best / median")
    print(f"{'mode':34} {'articles/s':>16} {'seconds':>14} {'vs plain':>9}")
    for mode in modes:
        r, s = rates[mode], seconds[mode]
        rate = f"{max(r):.1f} / {statistics.median(r):.1f}"
        wall = f"{min(s):.1f} / {statistics.median(s):.1f}"
        print(f"{mode:34} {rate:>16} {wall:>14} {statistics.median(r) / base:>8.2f}x")


if __name__ == "__main__":
    main()
