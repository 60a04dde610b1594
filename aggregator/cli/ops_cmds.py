"""CLI commands for running the service: schedule, status, digest, serve, demo."""

from __future__ import annotations

import errno
import json
import logging
import socket
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import click
from rich.table import Table

from ..config import Config, ConfigError, load_config
from ..dates import ImplausibleDate, check_plausible_day
from . import main
from .common import (
    EXIT_BUSY,
    BadChoice,
    check_option,
    chosen_engine,
    chosen_outlets,
    console,
    engine_options,
    exit_on_warnings,
    format_option,
    open_store,
    scrapy_settings_option,
)
from .health_report import all_warnings, outlet_health
from .interrupts import stop_on_signals

logger = logging.getLogger(__name__)

config_option = click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="TOML config (default: $RUMOURS_CONFIG, else ./rumours.toml when present).",
)


def _config(ctx: click.Context, config_path: str | None) -> Config:
    """Config file and environment, with an explicit ``--db`` winning over both."""
    try:
        config = load_config(config_path)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from None
    config = config.with_db(ctx.obj.get("db_explicit"))  # --db before or after the command name
    ctx.obj["db_path"] = config.db_path
    return config


def _dated(value: str | None, today: date) -> date | None:
    """The ``--date`` of a digest: a real day between 1990 and tomorrow."""
    if value is None:
        return None
    try:
        return check_plausible_day(date.fromisoformat(value), today)
    except ImplausibleDate as exc:
        raise click.BadParameter(str(exc), param_hint="--date") from None
    except ValueError:
        raise click.BadParameter(f"not a date (YYYY-MM-DD): {value!r}", param_hint="--date") from None


@main.command("digest")
@click.option("--date", "day", help="The day (YYYY-MM-DD); default: today in the configured time zone.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "html", "json", "atom", "csv"]),
    help="Default: from the -o file's extension (.md .html .json .atom .csv), else md.",
)
@click.option("-o", "--output", type=click.Path(), help="Write to this file (parent folders are created).")
@config_option
@click.pass_context
def digest_cmd(
    ctx: click.Context, day: str | None, fmt: str | None, output: str | None, config_path: str | None
) -> None:
    """The day's deals ranked by heat, with who broke each and links to every report."""
    from ..digest import OutputPathError, build_digest, render, today, write_text

    fmt = fmt or _digest_format(output)
    config = _config(ctx, config_path)
    chosen = _dated(day, today(config.tz))
    with open_store(ctx, must_exist=True, readonly=True) as store:
        digest = build_digest(store, config.tz, chosen)
    text = render(digest, fmt)
    if output in (None, "-"):
        click.echo(text, nl=False)
        return
    try:
        path = write_text(output, text)
    except (OutputPathError, OSError) as exc:
        raise click.ClickException(f"cannot write {output}: {exc}") from None
    deals = f"{len(digest.deals)} deal{'' if len(digest.deals) == 1 else 's'}"
    click.echo(f"{deals} with news {digest.on_day} written to {path}", err=True)


def _digest_format(output: str | None) -> str:
    """The format an ``-o`` file's extension names (md without a file); a one-line error for any other extension."""
    from ..digest.render import EXTENSIONS

    if output in (None, "-"):
        return "md"
    target = Path(output).expanduser()
    if output.endswith("/") or (target.exists() and not target.is_file()):
        return "md"  # no file can be written there: the write refuses it and says why
    suffix = target.suffix.lower().lstrip(".")
    by_extension = {ext: fmt for fmt, ext in EXTENSIONS.items()}
    if suffix not in by_extension:
        known = " ".join(f".{ext}" for ext in by_extension)
        raise click.ClickException(f"cannot tell the format from {output!r}: name it {known} or give --format")
    return by_extension[suffix]


@main.command("schedule")
@config_option
@engine_options
@scrapy_settings_option
@click.pass_context
def schedule_cmd(
    ctx: click.Context,
    config_path: str | None,
    engine: str | None,
    nodes: str | None,
    redis_url: str | None,
    scrapy_settings: dict[str, str],
) -> None:
    """Run forever: crawl + aggregate every interval, write the digest daily; stop with Ctrl-C or SIGTERM."""
    from ..scheduler import RumoursScheduler, setup_logging

    config = _config(ctx, config_path).with_scrapy_settings(scrapy_settings)
    config = chosen_engine(engine, nodes, redis_url, config)
    if config.outlets:  # named as for `crawl`: spider, host or display name; an unknown one refused before start
        config = replace(config, outlets=tuple(chosen_outlets(config.outlets, config.crawl_settings)))
    setup_logging(config.log_file)
    logger.info(
        "schedule: every %g min, digest at %s %s into %s, db %s, engine %s",
        config.interval_minutes,
        config.digest_time,
        config.timezone,
        config.output_dir,
        config.db_path,
        describe_engine(config),
    )
    from ..locks import StoreBusy

    try:
        code = RumoursScheduler(config).run_forever()
    except StoreBusy as exc:
        click.echo(f"Error: {exc}: a second scheduler on one store would crawl every outlet twice", err=True)
        ctx.exit(EXIT_BUSY)
    ctx.exit(code)


@main.command("status")
@format_option("table", "json")
@check_option
@config_option
@click.pass_context
def status_cmd(ctx: click.Context, fmt: str, as_json: bool, check: bool, config_path: str | None) -> None:
    """Last and next runs, per-outlet crawl health and store counts."""
    from ..scheduler import JOB_CRAWL, JOB_DIGEST, schedule_state

    config = _config(ctx, config_path)  # picks the database
    with open_store(ctx, must_exist=True, readonly=True) as store:
        state = schedule_state(store)
        last_crawl = store.last_successful_crawl()
        health = outlet_health(store.crawl_health())
        counts = store.counts()
    jobs = {"crawl": JOB_CRAWL, "digest": JOB_DIGEST}
    runs: dict[str, Any] = {"last_successful_crawl": last_crawl}
    for job, job_id in jobs.items():
        runs[job] = {k: state.get(f"{job_id}.{k}") for k in ("last_run", "last_status", "next_run")}
    runs["scheduler_heartbeat"] = state.get("heartbeat")
    runs["engine"] = {
        "engine": config.engine,
        "scrapyd_nodes": list(config.scrapyd_nodes),
        "redis_url": config.redis_url,
    }
    warnings = all_warnings(health, {job: runs[job] for job in jobs})
    if as_json or fmt == "json":
        report = {"runs": runs, "outlets": health, "counts": counts, "warnings": warnings}
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        _print_status(runs, health, counts, warnings)
    exit_on_warnings(ctx, check, warnings)


def _print_status(
    runs: dict[str, Any], health: list[dict[str, Any]], counts: dict[str, int], warnings: list[str]
) -> None:
    out = console()
    out.print(f"last successful crawl: {runs['last_successful_crawl'] or 'never'}", markup=False)
    for job in ("crawl", "digest"):
        r = runs[job]
        out.print(
            f"{job}: last run {r['last_run'] or 'never'} ({r['last_status'] or '-'}), next run {r['next_run'] or '-'}",
            markup=False,
        )
    out.print(f"scheduler last seen: {runs['scheduler_heartbeat'] or 'never (is `rumours schedule` running?)'}")
    out.print(f"crawl engine: {describe_engine(runs['engine'])}", markup=False)
    table = Table(title="outlets")
    for column in ("outlet", "last finished", "status", "items", "errors", "articles", "no date", "no body"):
        table.add_column(column)
    for row in health:
        table.add_row(
            row["outlet"],
            (row["last_finished"] or "-")[:19],
            row["status"] or "never crawled",
            *(str(row[k]) for k in ("items", "errors", "articles", "articles_without_date", "articles_without_body")),
        )
    out.print(table)
    out.print("store: " + ", ".join(f"{v} {k}" for k, v in counts.items()), markup=False)
    for warning in warnings:
        out.print(f"warning: {warning}", markup=False)


def describe_engine(config: Config | dict[str, Any]) -> str:
    """``local``, or ``scrapyd on http://a:6800/, http://b:6800/, frontier redis://r:6379/0``."""
    values = (
        config
        if isinstance(config, dict)
        else {k: getattr(config, k) for k in ("engine", "scrapyd_nodes", "redis_url")}
    )
    text = str(values["engine"])
    if values["engine"] == "scrapyd":
        text += f" on {', '.join(values['scrapyd_nodes'])}"
    if values["redis_url"]:
        text += f", frontier {values['redis_url']}"
    return text


def cannot_listen(host: str, port: int) -> str | None:
    """Why a server could not listen on ``host``:``port`` (the port taken, the host unknown), or None."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
    except socket.gaierror as exc:
        return f"unknown host {host!r} ({exc.strerror})"
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server will: TIME_WAIT is no obstacle
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return f"port {port} is already in use (another server? try --port)"
            return exc.strerror or str(exc)
    return None


@main.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("-p", "--port", default=8001, show_default=True, type=int)
@click.option("--digest-dir", type=click.Path(file_okay=False), help="Digest folder to publish at /digest/.")
@config_option
@click.pass_context
def serve_cmd(ctx: click.Context, host: str, port: int, digest_dir: str | None, config_path: str | None) -> None:
    """Browse the store read-only in Datasette, with canned queries and the digest at /digest/."""
    from ..serve import serve

    config = _config(ctx, config_path)
    if not Path(config.db_path).exists():
        raise click.ClickException(f"no store at {config.db_path!r}: run `rumours demo` or `rumours crawl` first")
    if why := cannot_listen(host, port):
        raise click.ClickException(f"cannot serve at http://{host}:{port}/: {why}")
    serve(config.db_path, digest_dir or config.output_dir, host=host, port=port, tz=config.timezone)


@main.command("demo")
@click.option("--digest-dir", default=None, type=click.Path(file_okay=False), help="Default: ./digest.")
@click.option("--outlets", default=None, help="Comma-separated outlets (default: every recorded outlet).")
@config_option
@click.pass_context
def demo_cmd(ctx: click.Context, digest_dir: str | None, outlets: str | None, config_path: str | None) -> None:
    """The main job offline: crawl the bundled recorded outlets, aggregate, write today's digest in every format.

    Ctrl-C stops it at once (exit 130)."""
    from ..demo import recorded_outlets, run_demo

    config = _config(ctx, config_path)
    chosen = None
    if outlets:
        chosen = chosen_outlets(o for o in outlets.split(",") if o.strip())
        recorded = recorded_outlets()
        if missing := [name for name in chosen if name not in recorded]:
            raise BadChoice(f"no recorded pages for {', '.join(missing)}; recorded: {', '.join(recorded)}")
    with stop_on_signals() as interruption:
        run_demo(
            config,
            digest_dir or config.output_dir,
            outlets=chosen,
            echo=click.echo,
            stop=interruption.stop,
            force=interruption.force,
        )
    if interruption.exit_code:
        ctx.exit(interruption.exit_code)
