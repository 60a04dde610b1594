"""CLI commands `crawl` (one scrapy process per outlet, live progress) and `health` (per-outlet crawl state)."""

from __future__ import annotations

import json
from typing import Any

import click
from rich.console import Console
from rich.live import Live
from rich.table import Table

from ..crawl import CrawlResult, list_outlets, run_crawls
from ..dates import to_utc_iso
from . import main
from .common import console, open_store


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
@click.option("--jobs", default=2, show_default=True, help="Outlets crawled at the same time.")
@click.option("-s", "--set", "overrides", multiple=True, metavar="NAME=VALUE", help="Extra Scrapy setting.")
@click.pass_context
def crawl_cmd(
    ctx: click.Context, outlets: tuple[str, ...], since: str | None, jobs: int, overrides: tuple[str, ...]
) -> None:
    """Crawl OUTLETS (all when none given), each in its own scrapy process, into the store."""
    known = list_outlets()
    unknown = sorted(set(outlets) - set(known))
    if unknown:
        raise click.UsageError(f"unknown outlet(s): {', '.join(unknown)}; known: {', '.join(known)}")
    if since:
        try:
            since = to_utc_iso(since)
        except ValueError:
            raise click.BadParameter(f"not a date: {since!r}", param_hint="--since") from None
    settings = dict(item.split("=", 1) for item in overrides if "=" in item)
    names = list(outlets) or known
    state: dict[str, dict[str, Any]] = {name: {"status": "waiting"} for name in names}
    console = Console(stderr=True)
    with Live(_progress_table(state), console=console, refresh_per_second=4, transient=False) as live:

        def on_progress(outlet: str, event: dict[str, Any]) -> None:
            state[outlet].update(event, status="done" if event.get("event") == "closed" else "crawling")
            live.update(_progress_table(state))

        results = run_crawls(names, ctx.obj["db_path"], since, settings, on_progress, jobs=jobs)
        for result in results:
            state[result.outlet]["status"] = "ok" if result.ok else f"failed ({result.reason or result.returncode})"
        live.update(_progress_table(state))
    _explain_failures(console, results)
    if not any(r.ok for r in results):
        raise SystemExit(1)


def _explain_failures(console: Console, results: list[CrawlResult]) -> None:
    for result in results:
        if not result.ok:
            console.print(f"[red]{result.outlet}[/red]: crawl process failed; last log lines:")
            for line in result.log_tail[-5:]:
                console.print(f"  {line}", markup=False, highlight=False)


# Page errors that mean the crawl read a page wrongly (not that the site was down): health names them.
PAGE_FAULTS = {"parse_error": "not parsed (spider error)", "bad_jsonld": "with hostile JSON-LD skipped"}


def health_warnings(row: dict[str, Any]) -> list[str]:
    """Why an outlet's crawl looks broken (its markup probably changed), from one crawl_health() row."""
    warnings = []
    if not row.get("last_started"):
        return ["never crawled"]
    if not row.get("last_finished"):
        warnings.append("last run did not finish")
    if row.get("status") == "failed":
        warnings.append("last run failed")
    if not row.get("items"):
        warnings.append("last run yielded no items")
    reasons = json.loads(row.get("error_reasons") or "[]")
    dropped = " ".join(r.get("reason", "") for r in reasons)
    if row.get("articles_without_date") or "no_date" in dropped:
        warnings.append("items without dates")
    if row.get("articles_without_body") or "no_body" in dropped:
        warnings.append("items without bodies")
    for kind, what in PAGE_FAULTS.items():
        if pages := len({r.get("url") for r in reasons if r.get("kind") == kind}):
            warnings.append(f"{pages} {'page' if pages == 1 else 'pages'} {what}")
    return warnings


@main.command("health")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_context
def health_cmd(ctx: click.Context, as_json: bool) -> None:
    """Per outlet: last crawl, items, failures, and warnings when an outlet looks broken."""
    with open_store(ctx, must_exist=True, readonly=True) as store:
        rows = [dict(r) for r in store.crawl_health()]
    for row in rows:
        row["warnings"] = health_warnings(row)
    if as_json:
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
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
    console().print(table)
