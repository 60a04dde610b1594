"""The ``rumours`` command line: one click group; each command family lives in its own module."""

from __future__ import annotations

import logging
import sqlite3
from typing import Any

import click

from ..failures import describe_failure
from ..store import default_db_path

DB_HELP = "SQLite store (default: $RUMOURS_DB or ./rumours.db)."
VERBOSE_HELP = "More logging on stderr (-vv for debug)."


def set_verbosity(verbose: int) -> None:
    """Log level on stderr: warnings, -v info, -vv debug."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger().setLevel(level)


def _db_after_command(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    """``--db`` given after the command name: it wins over one given before."""
    if value is not None:
        ctx.ensure_object(dict)
        ctx.obj.update(db_path=value, db_explicit=value)


def _verbose_after_command(ctx: click.Context, param: click.Parameter, value: int) -> None:
    """``-v`` given after the command name adds to any given before."""
    if value:
        ctx.ensure_object(dict)
        ctx.obj["verbose"] = ctx.obj.get("verbose", 0) + value
        set_verbosity(ctx.obj["verbose"])


def global_options() -> list[click.Option]:
    """``--db`` and ``-v``, as every command also accepts them after its name (``rumours deals --db x.db``)."""
    return [
        click.Option(
            ["--db"],
            type=click.Path(dir_okay=False),
            default=None,
            expose_value=False,
            is_eager=True,
            callback=_db_after_command,
            help=DB_HELP,
        ),
        click.Option(
            ["-v", "--verbose"],
            count=True,
            expose_value=False,
            is_eager=True,
            callback=_verbose_after_command,
            help=VERBOSE_HELP,
        ),
    ]


class RumoursGroup(click.Group):
    """The command group; a full disk or a read-only store ends any command with one line on stderr, exit 1.
    Every command it holds accepts the group's ``--db`` and ``-v`` after its own name too."""

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        taken = {opt for param in cmd.params for opt in getattr(param, "opts", [])}
        cmd.params.extend(option for option in global_options() if not taken & set(option.opts))
        super().add_command(cmd, name)

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
    help=DB_HELP,
)
@click.option("-v", "--verbose", count=True, help=VERBOSE_HELP)
@click.version_option(package_name="transfer-rumours")
@click.pass_context
def main(ctx: click.Context, db_path: str | None, verbose: int) -> None:
    """Football transfer rumours: crawl outlets, group reports into deals, see who had it first."""
    set_verbosity(verbose)
    ctx.ensure_object(dict)
    ctx.obj.update(db_path=db_path or default_db_path(), db_explicit=db_path, verbose=verbose)


# Each module registers its commands on `main` when imported.
from . import (  # noqa: E402
    crawl_cmds,  # noqa: F401  crawl, health
    distributed_cmds,  # noqa: F401  store-writer
    ops_cmds,  # noqa: F401  schedule, status, digest, serve, demo
    store_cmds,  # noqa: F401  import, aggregate, deals, first, outlets
)
