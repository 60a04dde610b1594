"""CLI commands over the store: import, aggregate, deals, first, outlets, explain."""

from __future__ import annotations

import csv
import json
import sys
import tempfile
from typing import IO, Any

import click
from rich.table import Table

from ..importer import NotUTF8Error, import_jsonl
from ..queries import deal_chains, iter_deals, player_timeline, report_jobs
from . import main
from .common import EXIT_BUSY, console, open_store


def _spooled(stream: IO[bytes]) -> IO[bytes]:
    """Standard input cannot be read twice: spool it so the UTF-8 check and the import both see it."""
    spool = tempfile.SpooledTemporaryFile(max_size=64 * 1024 * 1024)  # noqa: SIM115 (returned open)
    for chunk in iter(lambda: stream.read(1 << 20), b""):
        spool.write(chunk)
    spool.seek(0)
    return spool  # type: ignore[return-value]


@main.command("import")
@click.argument("file", type=click.File("rb"))
@click.pass_context
def import_cmd(ctx: click.Context, file: IO[bytes]) -> None:
    """Import articles from a JSONL FILE (- for stdin): url and text required; upsert by canonical URL."""
    stream = _spooled(file) if not file.seekable() else file
    with open_store(ctx) as store:
        try:
            summary = import_jsonl(
                store,
                stream,
                on_problem=lambda n, why: click.echo(f"line {n}: skipped: {why}", err=True),
                on_warning=lambda n, why: click.echo(f"line {n}: warning: {why}", err=True),
            )
        except NotUTF8Error as exc:
            raise click.ClickException(str(exc)) from None
    click.echo(
        f"imported {summary.imported}, updated {summary.updated}, unchanged {summary.unchanged}, "
        f"skipped {summary.skipped}"
    )


@main.command("aggregate")
@click.option("--rebuild", is_flag=True, help="Recompute every claim and deal from the stored articles.")
@click.option(
    "--wait",
    "wait_seconds",
    type=click.FloatRange(min=0),
    default=0,
    show_default=True,
    help="Seconds to wait when another aggregate holds the store (else exit 75 at once).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    help="Analysis processes beside this one (0: none). Default: the other cores for a large backlog, else none.",
)
@click.pass_context
def aggregate_cmd(ctx: click.Context, rebuild: bool, wait_seconds: float, workers: int | None) -> None:
    """Extract claims from new reports and group them into deals (one aggregate per store at a time)."""
    from ..aggregate import aggregate  # the extraction registries load only when needed
    from ..locks import StoreBusy

    with open_store(ctx) as store:
        try:
            result = aggregate(store, rebuild=rebuild, workers=workers, wait=wait_seconds)
        except StoreBusy as exc:
            click.echo(f"Error: {exc}; try again later or pass --wait SECONDS", err=True)
            ctx.exit(EXIT_BUSY)
        counts = store.counts()
    failed = f", {result.reports_failed} failed" if result.reports_failed else ""
    click.echo(
        f"{'rebuilt: ' if result.rebuilt else ''}extracted {result.reports_extracted} reports "
        f"({result.claims} claims{failed}), regrouped {result.players_regrouped} players into "
        f"{result.deals_written} deals; store holds {counts['articles']} articles, {counts['deals']} deals"
    )


def _fee_range(fee: float | None, low: float | None, high: float | None) -> str:
    """The deal's fee, with the range reported when outlets disagree."""
    if low is not None and high is not None and low != high:
        return f"{_fee(fee)} ({_fee(low)}–{_fee(high)})"
    return _fee(fee)


def _fee(value: float | None) -> str:
    if value is None:
        return ""
    return "free" if value == 0 else f"€{value / 1e6:.1f}m"


@main.command("deals")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
@click.option("--since", help="Only deals with a report published on or after this date (ISO).")
@click.option("--player", help="Only deals of this player (any part of the name, accents ignored).")
@click.pass_context
def deals_cmd(ctx: click.Context, fmt: str, since: str | None, player: str | None) -> None:
    """List deals: player, from -> to, stage, fee, who broke it, how many outlets."""
    with open_store(ctx, must_exist=True, readonly=True) as store:
        try:
            deals = list(iter_deals(store, since=since, player=player, state=fmt != "jsonl"))
        except ValueError as exc:
            raise click.BadParameter(str(exc)) from None
    if fmt == "jsonl":
        for deal in deals:
            click.echo(json.dumps(deal, ensure_ascii=False))
    elif fmt == "csv":
        _write_csv(deals, sys.stdout)
    else:
        _print_table(deals)


def _write_csv(deals: list[dict[str, Any]], out: IO[str]) -> None:
    from ..digest.render import csv_cell

    writer = csv.writer(out)
    writer.writerow(
        [
            "deal_id",
            "player",
            "from_club",
            "to_club",
            "stage",
            "status",
            "latest_stage",
            "latest_stage_at",
            "window",
            "fee_eur",
            "fee_min_eur",
            "fee_max_eur",
            "outlets",
            "reports",
            "first_url",
            "first_outlet",
            "first_published_at",
        ]
    )
    for d in deals:
        first = d["first_reported"] or {}
        row = [
            d["deal_id"],
            d["player"],
            d["from_club"],
            d["to_club"],
            d["stage"],
            d["state"]["status"],
            d["state"]["latest_stage"],
            d["state"]["latest_stage_at"],
            d["state"]["window"],
            d["fee_eur"],
            d["state"]["fee_min_eur"],
            d["state"]["fee_max_eur"],
            d["outlets"],
            len(d["reports"]),
            first.get("url"),
            first.get("outlet"),
            first.get("published_at"),
        ]
        writer.writerow([csv_cell(v) for v in row])


def _print_table(deals: list[dict[str, Any]]) -> None:
    table = Table(title=f"{len(deals)} deals")
    for column in ("player", "from → to", "stage", "status", "fee", "outlets", "reports", "first reported"):
        table.add_column(column)
    for d in deals:
        first = d["first_reported"]
        broke = f"{first['outlet']} {first['published_at'][:16]}" if first and first["published_at"] else "-"
        table.add_row(
            d["player"],
            f"{d['from_club'] or '?'} → {d['to_club'] or '(exit)'}",
            d["stage"],
            d["state"]["status"],
            _fee_range(d["fee_eur"], d["state"]["fee_min_eur"], d["state"]["fee_max_eur"]),
            str(d["outlets"]),
            str(len(d["reports"])),
            broke,
        )
    console().print(table)


@main.command("first")
@click.argument("player")
@click.pass_context
def first_cmd(ctx: click.Context, player: str) -> None:
    """Who reported what on PLAYER's deals, earliest first."""
    with open_store(ctx, must_exist=True, readonly=True) as store:
        try:
            rows = player_timeline(store, player)
        except ValueError as exc:
            raise click.BadParameter(str(exc)) from None
    if not rows:
        raise click.ClickException(f"no deals found for {player!r}")
    table = Table(title=f"{rows[0]['player']}: {len(rows)} reports")
    for column in ("when (UTC)", "outlet", "deal", "stage", "fee", "cited", "said"):
        table.add_column(column, overflow="fold")
    for r in rows:
        cited = ", ".join(json.loads(r["cited_sources"] or "[]"))
        mark = " ★ first" if r["broke_it"] else (f" (copy of {r['copy_of']})" if r["copy_of"] else "")
        table.add_row(
            (r["published_at"] or "undated")[:16],
            r["outlet"] + mark,
            f"{r['deal_from'] or '?'} → {r['deal_to'] or '(exit)'}",
            r["stage"],
            _fee(r["fee_eur"]),
            cited,
            (r["title"] or r["snippet"] or "")[:120],
        )
    out = console()
    out.print(table)
    with open_store(ctx, must_exist=True, readonly=True) as store:
        chains = deal_chains(store, player)
    for deal in chains:
        line = f"{deal['from_club'] or '?'} → {deal['to_club'] or '(exit)'} [{deal['stage']}, {deal['status']}]: "
        if deal["first_outlet"]:
            line += f"broken by {deal['first_outlet']} at {deal['first_published_at'][:16]} UTC"
        else:
            line += "no dated report yet"
        if deal["originator"]:
            cited = deal["originator_cited_by"]
            when = (deal["originator_cited_at"] or "undated")[:16]
            line += f"; originator {deal['originator']} (first credited by {cited}, {when})"
        out.print(line, markup=False)


@main.command("outlets")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
@click.pass_context
def outlets_cmd(ctx: click.Context, fmt: str) -> None:
    """Outlet scorecards: reports, deals broken first, median lead time, hit and collapse rates."""
    from ..scorecards import outlet_scorecards

    with open_store(ctx, must_exist=True, readonly=True) as store:
        cards = [c.as_dict() for c in outlet_scorecards(store)]
    if fmt == "jsonl":
        for card in cards:
            click.echo(json.dumps(card, ensure_ascii=False))
        return
    columns = ["outlet", "reports", "deals", "broke_first", "median_lead_hours", "hit_rate", "collapse_rate"]
    if fmt == "csv":
        from ..digest.render import csv_cell

        writer = csv.DictWriter(sys.stdout, fieldnames=columns)
        writer.writeheader()
        writer.writerows({k: csv_cell(v) for k, v in card.items()} for card in cards)
        return
    table = Table(title=f"{len(cards)} outlets")
    for column in columns:
        table.add_column(column.replace("_", " "), justify="left" if column == "outlet" else "right")
    for card in cards:
        table.add_row(*("-" if card[c] is None else str(card[c]) for c in columns))
    console().print(table)


@main.command("explain")
@click.argument("url")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
def explain_cmd(ctx: click.Context, url: str, fmt: str) -> None:
    """Why the stored report at URL was read as it was: its mentions, each club's role with the evidence,
    the stage cues, the fee chosen and why, and the resulting claims (one section per report of a gossip
    column or live blog)."""
    from ..extract import read_report
    from ..extract.explain import explanation, render_text

    with open_store(ctx, must_exist=True, readonly=True) as store:
        jobs = report_jobs(store, url)
    if not jobs:
        raise click.ClickException(f"no stored article at {url!r}: `rumours deals` lists the reports it holds")
    sections = []
    for seq, link, job in jobs:
        reading = read_report(job.text, title=job.title, language=job.language, cited_source=job.cited_source)
        sections.append((seq, link, job, reading))
    if fmt == "json":
        for seq, link, job, reading in sections:
            record = {"url": url, "report": seq, "link": link, "title": job.title, **explanation(reading)}
            click.echo(json.dumps(record, ensure_ascii=False))
        return
    for seq, link, job, reading in sections:
        head = f"report {seq}" + (f" ({link})" if link else "") + (f": {job.title}" if job.title else "")
        click.echo(head)
        click.echo(render_text(reading))
        click.echo()
