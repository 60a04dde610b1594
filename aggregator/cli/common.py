"""Helpers shared by CLI commands: opening the store with a readable error."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import click
from rich.console import Console

from ..failures import describe_failure
from ..migrations import pending
from ..store import Store

EXIT_BUSY = 75  # another process holds the lock this command needs (EX_TEMPFAIL: try again later)


def open_store(ctx: click.Context, *, must_exist: bool = False, readonly: bool = False) -> Store:
    """The store at ``--db``; commands that only read refuse to create an empty one. A ``readonly`` store is
    opened without writing, so it works on read-only media; one written by an older version is upgraded first."""
    path = ctx.obj["db_path"]
    if must_exist and path != ":memory:" and not Path(path).exists():
        raise click.ClickException(f"no store at {path!r}: run `rumours import` or `rumours crawl` first")
    try:
        if readonly and path != ":memory:":
            store = Store(path, readonly=True)
            if not pending(store.db):
                return store
            store.close()  # an older schema: migrating it needs a writable store
        return Store(path)
    except sqlite3.DatabaseError as exc:
        raise click.ClickException(_why_not_opened(path, exc, readonly)) from None


def _why_not_opened(path: str, exc: sqlite3.DatabaseError, readonly: bool) -> str:
    """One line: a store that could be read but not opened for writing is read-only; else what SQLite said."""
    if not readonly and Path(path).exists():
        try:
            Store(path, readonly=True).close()
        except sqlite3.DatabaseError:
            pass
        else:
            return f"store {path!r} is read-only ({exc}): this command writes to it; commands that only read still work"
    return describe_failure(exc, path) or f"cannot open the store {path!r}: {exc}"


def console() -> Console:
    """Standard output for tables: piped output is not wrapped at 80 columns."""
    return Console(highlight=False, width=None if sys.stdout.isatty() else 200)
