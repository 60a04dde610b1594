"""Helpers shared by CLI commands: opening the store with a readable error, options several commands take."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console

from ..failures import describe_failure
from ..migrations import pending
from ..outlet_registry import UnknownOutlets, resolve_outlets
from ..store import Store

EXIT_FAILED = 1  # the command ran, and something it did failed (an outlet's crawl, a --check with warnings)
EXIT_BUSY = 75  # another process holds the lock this command needs (EX_TEMPFAIL: try again later)

F = TypeVar("F", bound=Callable[..., Any])


class BadChoice(click.ClickException):
    """A value the command cannot use, refused before it starts: one line on stderr, exit 2 like a usage error."""

    exit_code = 2


def scrapy_settings_option(function: F) -> F:
    """``-s NAME=VALUE`` (repeatable): a Scrapy setting for every crawl the command runs."""
    return click.option(
        "-s",
        "--set",
        "scrapy_settings",
        multiple=True,
        metavar="NAME=VALUE",
        callback=_parse_settings,
        help="A Scrapy setting for the crawls (repeatable).",
    )(function)


def engine_options(function: F) -> F:
    """``--engine``, ``--nodes`` and ``--redis``: who runs the crawl processes, and the frontier they share."""
    from ..config import ENGINES

    for option in reversed(
        [
            click.option(
                "--engine",
                type=click.Choice(ENGINES),
                default=None,
                help="local: scrapy processes on this machine (default); scrapyd: jobs on the --nodes.",
            ),
            click.option("--nodes", metavar="URL,URL", help="Scrapyd nodes for --engine scrapyd (needs --redis)."),
            click.option(
                "--redis", "redis_url", metavar="URL", help="Redis frontier and items queue: redis://HOST:PORT/DB."
            ),
        ]
    ):
        function = option(function)
    return function


def chosen_engine(engine: str | None, nodes: str | None, redis_url: str | None, config: Any = None) -> Any:
    """The Config with these options on top of ``config`` (default: the engine settings of the environment);
    options that do not fit together are refused in one line (exit 2)."""
    from ..config import ConfigError, engine_config

    try:
        return (config or engine_config()).with_engine(engine, nodes, redis_url)
    except ConfigError as exc:
        raise BadChoice(str(exc)) from None


def _parse_settings(ctx: click.Context, param: click.Parameter, values: Iterable[str]) -> dict[str, str]:
    settings: dict[str, str] = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"expected NAME=VALUE, got {item!r}", ctx=ctx, param=param)
        settings[name.strip()] = value
    return settings


def chosen_outlets(given: Iterable[str], settings: dict[str, Any] | None = None) -> list[str]:
    """The spider names the user means (spider name, host or display name, any case), all when none is given;
    an unknown one is refused (one line, exit 2) listing the known outlets."""
    from ..crawl import outlet_registry

    try:
        registry = outlet_registry(settings)
    except (subprocess.SubprocessError, OSError, ValueError) as exc:
        tail = (getattr(exc, "stderr", None) or str(exc)).strip().splitlines()[-1:]
        raise click.ClickException(f"cannot list the outlet spiders: {' '.join(tail)}") from None
    wanted = list(given)
    if not wanted:
        return [outlet.name for outlet in registry]
    try:
        return resolve_outlets(wanted, registry)
    except UnknownOutlets as exc:
        raise BadChoice(str(exc)) from None


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


def format_option(*choices: str) -> Callable[[F], F]:
    """``--format`` with these choices, the first the default; ``--json`` stays as the alias of ``--format json``."""

    def decorate(function: F) -> F:
        function = click.option("--json", "as_json", is_flag=True, help="Same as --format json.")(function)
        return click.option(
            "--format", "fmt", type=click.Choice(choices), default=choices[0], show_default=True, help="Output format."
        )(function)

    return decorate


def check_option(function: F) -> F:
    """``--check``: exit 1 when the command reports warnings, for cron and monitoring."""
    return click.option("--check", is_flag=True, help="Exit 1 when there are warnings (for cron and monitoring).")(
        function
    )


def exit_on_warnings(ctx: click.Context, check: bool, warnings: list[str]) -> None:
    """With ``--check``: the number of warnings on stderr and exit 1 when there are any."""
    if check and warnings:
        click.echo(f"check: {len(warnings)} warning{'s' if len(warnings) > 1 else ''}: {warnings[0]}", err=True)
        ctx.exit(EXIT_FAILED)
