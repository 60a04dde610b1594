"""The ``rumours`` command line: one click group; each command family lives in its own module."""

from __future__ import annotations

import logging
import sqlite3
from typing import Any

import click

from ..failures import describe_failure
from ..store import default_db_path


class RumoursGroup(click.Group):
    """The command group; a full disk or a read-only store ends any command with one line on stderr, exit 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (sqlite3.Error, OSError) as exc:
            message = describe_failure(exc, (ctx.obj or {}).get("db_path"))
            if message is None:
                raise
            raise click.ClickException(message) from None


@click.group(cls=RumoursGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="SQLite store (default: $RUMOURS_DB or ./rumours.db).",
)
@click.option("-v", "--verbose", count=True, help="More logging on stderr (-vv for debug).")
@click.version_option(package_name="transfer-rumours")
@click.pass_context
def main(ctx: click.Context, db_path: str | None, verbose: int) -> None:
    """Football transfer rumours: crawl outlets, group reports into deals, see who had it first."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    ctx.ensure_object(dict)
    ctx.obj["db_path"] = db_path or default_db_path()


# Each module registers its commands on `main` when imported.
from . import (  # noqa: E402
    crawl_cmds,  # noqa: F401  crawl, health
    ops_cmds,  # noqa: F401  schedule, status, digest, serve, demo
    store_cmds,  # noqa: F401  import, aggregate, deals, first, outlets
)
