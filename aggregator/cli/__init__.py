"""The ``rumours`` command line: one click group; each command family lives in its own module."""

from __future__ import annotations

import logging

import click

from ..store import default_db_path


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
