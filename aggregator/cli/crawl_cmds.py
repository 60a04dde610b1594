"""CLI commands `crawl` (one scrapy process per outlet, live progress) and `health` (per-outlet crawl state)."""

from __future__ import annotations

import json
from typing import Any

import click
from rich.console import Console
from rich.live import Live
from rich.table import Table

from ..config import Config
from ..crawl import CrawlResult, run_crawls
from ..dates import to_utc_iso
from ..distributed_crawl import run_distributed_crawls
from . import main
from .common import (
    EXIT_BUSY,
    EXIT_FAILED,
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
from .distributed_cmds import check_distributed
from .health_report import all_warnings, outlet_health
from .interrupts import Interruption, stop_on_signals


def _progress_table(state: dict[str, dict[str, Any]]) -> Table:
    table = Table(title="crawl", expand=False)
    for column in ("outlet", "status", "requests", "items", "dropped", "errors"):
        table.add_column(column, justify="left" if column in ("outlet", "status") else "right")
    for outlet, row in state.items():
        table.add_row(outlet, row["status"], *(str(row.get(k, 0)) for k in ("requests", "items", "dropped", "errors")))
    return table


@main.command("crawl")
@click.argument("outlets", nargs=-1)
@click.option("--since", help="Skip stories published before this date (ISO 8601).")
@click.option("--jobs", default=2, show_default=True, type=click.IntRange(min=1), help="Outlets crawled at once.")
@engine_options
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(min=1),
    help="With --redis: crawl processes per outlet (per node with --engine scrapyd), sharing its frontier.",
)
@scrapy_settings_option
@click.pass_context
def crawl_cmd(
    ctx: click.Context,
    outlets: tuple[str, ...],
    since: str | None,
    jobs: int,
    engine: str | None,
    nodes: str | None,
    redis_url: str | None,
    workers: int,
    scrapy_settings: dict[str, str],
) -> None:
    """Crawl OUTLETS (all when none given), each in its own scrapy process, into the store.

    Exit status: 0 every outlet ok, 1 some outlet failed, 75 an outlet was skipped because another process is
    crawling it, 130 stopped by Ctrl-C (143 by SIGTERM)."""
    redis_url = redis_url or scrapy_settings.pop("RUMOURS_REDIS_URL", None) or None  # `-s` means the same
    chosen = chosen_engine(engine, nodes, redis_url)
    if workers > 1 and not chosen.redis_url:
        raise click.BadParameter("more than one worker per outlet needs --redis", param_hint="--workers")
    names = chosen_outlets(outlets, scrapy_settings)
    if since:
        try:
            since = to_utc_iso(since)
        except ValueError:
            raise click.BadParameter(f"not a date: {since!r}", param_hint="--since") from None
    deployment = deploy_to_nodes(chosen) if chosen.engine == "scrapyd" else None  # every node answers first
    if chosen.redis_url:
        check_distributed(chosen.redis_url)
    state: dict[str, dict[str, Any]] = {name: {"status": "waiting"} for name in names}
    console = Console(stderr=True)
    with (
        stop_on_signals() as interruption,
        Live(_progress_table(state), console=console, refresh_per_second=4, transient=False) as live,
    ):

        def on_progress(outlet: str, event: dict[str, Any]) -> None:
            status = "closing" if event.get("event") == "closed" else "crawling"
            state[outlet].update(event, status=event.get("status") or status)
            live.update(_progress_table(state))

        db = ctx.obj["db_path"]
        stop, force = interruption.stop, interruption.force
        if chosen.engine == "scrapyd":
            crawl = (since, scrapy_settings, on_progress, workers, interruption)
            results = scrapyd_crawls(chosen, deployment, names, db, *crawl)
        elif chosen.redis_url:
            results = run_distributed_crawls(
                names, db, chosen.redis_url, workers, since=since, settings=scrapy_settings,
                on_progress=on_progress, jobs=jobs, stop=stop, force=force,
            )  # fmt: skip
        else:
            results = run_crawls(names, db, since, scrapy_settings, on_progress, jobs=jobs, stop=stop, force=force)
        for result in results:
            state[result.outlet]["status"] = result.describe()
        live.update(_progress_table(state))
    _explain_failures(console, results, interrupted=interruption.stop.is_set())
    code = crawl_exit_code(results, interruption.exit_code)
    if code:
        ctx.exit(code)


def deploy_to_nodes(config: Config) -> Any:
    """This checkout deployed to the Scrapyd nodes, before any outlet starts; one line when a node fails."""
    from ..scrapyd import ScrapydError
    from ..scrapyd_crawl import deploy_project

    try:
        return deploy_project(config.scrapyd_nodes)
    except ScrapydError as exc:
        raise click.ClickException(str(exc)) from None


def scrapyd_crawls(
    config: Config,
    deployment: Any,
    names: list[str],
    db_path: str,
    since: str | None,
    settings: dict[str, str],
    on_progress: Any,
    workers: int,
    interruption: Interruption,
) -> list[CrawlResult]:
    """The crawl on the Scrapyd nodes; a node, deploy or Redis failure ends the command with one line."""
    from ..scrapyd import ScrapydError
    from ..scrapyd_crawl import run_scrapyd_crawls

    assert config.redis_url is not None
    try:
        return run_scrapyd_crawls(
            names,
            db_path,
            deployment,
            config.redis_url,
            since,
            settings,
            on_progress,
            workers=workers,
            stop=interruption.stop,
            force=interruption.force,
        )
    except ScrapydError as exc:
        raise click.ClickException(str(exc)) from None
    except Exception as exc:
        if type(exc).__module__.split(".")[0] != "redis" and type(exc).__name__ != "MissingRedis":
            raise
        raise click.ClickException(f"redis {config.redis_url}: {' '.join(str(exc).split())[:200]}") from None


def crawl_exit_code(results: list[CrawlResult], signalled: int | None) -> int:
    """130 (128 + the signal) when stopped by a signal, else 1 when an outlet failed, else 75 when one was
    skipped because another process was crawling it, else 0."""
    if signalled is not None:
        return signalled
    if any(not r.ok and not r.skipped for r in results):
        return EXIT_FAILED
    return EXIT_BUSY if any(r.skipped for r in results) else 0


def _explain_failures(console: Console, results: list[CrawlResult], *, interrupted: bool) -> None:
    if interrupted:
        stopped = [r.outlet for r in results if r.not_started]
        console.print(f"interrupted: running crawls stopped; not started: {', '.join(stopped) or 'none'}")
        return
    for result in results:
        if result.ok:
            continue
        if result.skipped:
            console.print(f"[yellow]{result.outlet}[/yellow]: {result.reason}", highlight=False)
        elif result.returncode == 0:  # the run ended normally and recorded why it failed
            console.print(f"[red]{result.outlet}[/red]: crawl {result.describe()}: see `rumours health`")
        else:
            console.print(f"[red]{result.outlet}[/red]: crawl {result.describe()}; last log lines:", highlight=False)
            for line in result.log_tail[-5:]:
                console.print(f"  {line}", markup=False, highlight=False)


@main.command("health")
@format_option("table", "json", "jsonl")
@check_option
@click.pass_context
def health_cmd(ctx: click.Context, fmt: str, as_json: bool, check: bool) -> None:
    """Per outlet: last crawl, items, failures, and warnings when an outlet looks broken."""
    with open_store(ctx, must_exist=True, readonly=True) as store:
        rows = outlet_health(store.crawl_health())
    fmt = "json" if as_json else fmt
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    elif fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    else:
        console().print(_health_table(rows))
    exit_on_warnings(ctx, check, all_warnings(rows))


def _health_table(rows: list[dict[str, Any]]) -> Table:
    table = Table(title="crawl health")
    for column in ("outlet", "last run", "status", "requests", "items", "errors", "articles", "warnings"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            row["outlet"],
            row.get("last_finished") or row.get("last_started") or "-",
            row.get("status") or "-",
            str(row.get("requests", 0)),
            str(row.get("items", 0)),
            str(row.get("errors", 0)),
            str(row.get("articles", 0)),
            "[yellow]" + "; ".join(row["warnings"]) + "[/yellow]" if row["warnings"] else "ok",
        )
    return table
