"""Regenerate docs/screenshots/*.png: the deal and player pages of a demo store in headless Chromium.

Run from the repository root: ``python docs/screenshots.py [--db STORE] [--out docs/screenshots]``. Without
``--db`` it builds the offline demo store in a temporary folder first (``rumours demo``, ~20 s). Needs Debian's
chromium at /usr/bin/chromium and Playwright (installed with the ``test`` extra)."""

from __future__ import annotations

import argparse
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from aggregator.web.urls import deal_url, player_url

CHROMIUM = "/usr/bin/chromium"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def showcase(db: Path) -> dict[str, str]:
    """Page paths worth a picture: the deal with the most reports, the player with most deals in one window."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    (deal_id,) = conn.execute("SELECT id FROM deals ORDER BY reports DESC, outlets DESC, id LIMIT 1").fetchone()
    (player_key,) = conn.execute(
        "SELECT player_key FROM deals GROUP BY player_key, window ORDER BY COUNT(*) DESC, player_key LIMIT 1"
    ).fetchone()
    conn.close()
    return {"deal": deal_url(deal_id), "player": player_url(player_key), "home": "/"}


def serve(db: Path, digest: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    cmd = [sys.executable, "-m", "aggregator", "--db", str(db), "serve", "--port", str(port)]
    proc = subprocess.Popen([*cmd, "--digest-dir", str(digest)], stdout=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=2).close()
            return proc, base
        except OSError:
            time.sleep(0.1)
    proc.terminate()
    raise SystemExit("rumours serve did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a store to show (default: a fresh demo store)")
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--all", action="store_true", help="also save the home page")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db, digest = args.db, Path(tmp) / "digest"
        if db is None:
            db = Path(tmp) / "rumours.db"
            demo = [sys.executable, "-m", "aggregator", "--db", str(db), "demo", "--digest-dir", str(digest)]
            subprocess.run(demo, check=True, stdout=subprocess.DEVNULL)
        pages = showcase(db)
        if not args.all:
            pages.pop("home")
        from playwright.sync_api import sync_playwright

        proc, base = serve(db, digest)
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
                page = browser.new_page(viewport={"width": 900, "height": 900}, device_scale_factor=1)
                args.out.mkdir(parents=True, exist_ok=True)
                for name, path in pages.items():
                    page.goto(base + path, wait_until="load")
                    page.screenshot(path=str(args.out / f"{name}.png"), full_page=True)
                    print(f"{args.out / name}.png  <- {path}")
                browser.close()
        finally:
            proc.terminate()
            proc.wait(timeout=10)


if __name__ == "__main__":
    main()
