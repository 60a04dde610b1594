"""Helpers shared by CLI commands: opening the store with a readable error."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import click
from rich.console import Console

from ..store import Store

EXIT_BUSY = 75  # another process holds the lock this command needs (EX_TEMPFAIL: try again later)


def open_store(ctx: click.Context, *, must_exist: bool = False) -> Store:
    """The store at ``--db``; commands that only read refuse to create an empty one."""
    path = ctx.obj["db_path"]
    if must_exist and path != ":memory:" and not Path(path).exists():
        raise click.ClickException(f"no store at {path!r}: run `rumours import` or `rumours crawl` first")
    try:
        return Store(path)
    except sqlite3.DatabaseError as exc:
        raise click.ClickException(f"cannot open the store {path!r}: {exc}") from None


def console() -> Console:
    """Standard output for tables: piped output is not wrapped at 80 columns."""
    return Console(highlight=False, width=None if sys.stdout.isatty() else 200)
