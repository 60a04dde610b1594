"""Shared fixtures: an in-memory or temporary store and a CLI runner bound to a temporary database."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from aggregator.cli import main
from aggregator.store import Store

# The keys of one `rumours deals --format jsonl` line, in order: the contract the held-out evaluation reads.
DEAL_JSONL_KEYS = [
    "deal_id",
    "player",
    "from_club",
    "to_club",
    "stage",
    "fee_eur",
    "first_reported",
    "outlets",
    "reports",
]


@pytest.fixture
def store() -> Iterator[Store]:
    with Store(":memory:") as s:
        yield s


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "rumours.db"


@pytest.fixture
def cli(db_path: Path) -> Callable[..., Result]:
    """Run ``rumours --db <tmp> ARGS`` in-process; ``input`` feeds stdin."""

    def run(*args: str, input: str | bytes | None = None, expect: int | None = 0) -> Result:
        result = CliRunner().invoke(main, ["--db", str(db_path), *args], input=input, catch_exceptions=False)
        if expect is not None:
            assert result.exit_code == expect, result.output
        return result

    return run


def jsonl(rows: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


# Debian's system Chromium, driven by Playwright (never a downloaded browser); .ci/run installs it.
CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's chromium at /usr/bin/chromium (see .ci/run)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()
