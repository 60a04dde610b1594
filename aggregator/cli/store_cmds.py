"""CLI commands over the store: import, aggregate, deals, first, outlets, explain."""

from __future__ import annotations

import json
import tempfile
from typing import IO

import click

from ..concepts import DEAL_STATUSES, STAGES
from ..importer import NotUTF8Error, import_jsonl
from ..queries import (
    DEAL_SORTS,
    DealFilter,
    FilterError,
    deal_chains,
    iter_deals,
    pending_reports,
    player_deals,
    player_timeline,
    report_jobs,
)
from . import main
from .common import EXIT_BUSY, open_store
from .output import (
    DEAL_CSV_COLUMNS,
    OUTLET_COLUMNS,
    TIMELINE_CSV_COLUMNS,
    deal_csv_row,
    emit_csv,
    emit_json,
    emit_jsonl,
    format_option,
    print_deals,
    print_outlets,
    print_timeline,
    timeline_csv_row,
)


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
        pending = pending_reports(store)
    waiting = f"; {_reports(pending)} for `rumours aggregate`" if pending else ""
    click.echo(
        f"imported {summary.imported}, updated {summary.updated}, unchanged {summary.unchanged}, "
        f"skipped {summary.skipped}{waiting}"
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


SORT_HELP = "latest: latest report first; heat: as the digest ranks deals; first: first reported first."


@main.command("deals")
@format_option("table", "json", "jsonl", "csv")
@click.option("--since", help="Only deals with a report published on or after this date (ISO).")
@click.option("--player", help="Only deals of this player (any part of the name, accents ignored).")
@click.option("--club", help="Only deals with this club on either side (any part of the name, or an alias).")
@click.option("--stage", type=click.Choice(STAGES), help="Only deals whose furthest stage is this one.")
@click.option("--status", type=click.Choice(DEAL_STATUSES), help="Only open, done or collapsed deals.")
@click.option("--window", help="Only deals of this transfer window: 2024-summer, 2025-winter, undated.")
@click.option("--outlet", help="Only deals this outlet reported (its id, e.g. skysports, or its name).")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many deals, after sorting.")
@click.option("--sort", type=click.Choice(DEAL_SORTS), default="latest", show_default=True, help=SORT_HELP)
@click.pass_context
def deals_cmd(ctx: click.Context, fmt: str, sort: str, limit: int | None, **filters: str | None) -> None:
    """List deals: player, from -> to, stage, fee, who broke it, how many outlets; every filter given must hold."""
    where = DealFilter(sort=sort, limit=limit, **filters)
    with open_store(ctx, must_exist=True, readonly=True) as store:
        try:
            deals = list(iter_deals(store, state=fmt not in ("jsonl", "json"), where=where))
        except FilterError as exc:
            raise click.BadParameter(str(exc), param_hint=f"--{exc.option}") from None
        counts = store.counts()
        pending = pending_reports(store)
    if fmt == "jsonl":
        emit_jsonl(deals)
    elif fmt == "json":
        emit_json(deals)
    elif fmt == "csv":
        emit_csv(DEAL_CSV_COLUMNS, map(deal_csv_row, deals))
    else:
        print_deals(deals)
    for note in _deal_notes(counts, pending):
        click.echo(note, err=True)


def _deal_notes(counts: dict[str, int], pending: int) -> list[str]:
    """What the listing leaves out, on stderr (stdout stays the data): an empty store, reports not aggregated."""
    if not counts["articles"]:
        return ["the store holds no articles yet: run `rumours import FILE.jsonl` or `rumours crawl`"]
    notes = []
    if pending and not counts["deals"]:
        notes.append(f"no deals yet: {_reports(pending)} for `rumours aggregate`")
    elif pending:
        notes.append(f"{_reports(pending)} for `rumours aggregate`: these deals do not include them yet")
    elif not counts["deals"]:
        notes.append("no report in the store is about a transfer: no deals")
    return notes


def _reports(count: int) -> str:
    return f"{count} report waits" if count == 1 else f"{count} reports wait"


@main.command("first")
@click.argument("player")
@format_option("table", "json", "jsonl", "csv")
@click.pass_context
def first_cmd(ctx: click.Context, player: str, fmt: str) -> None:
    """Who reported what on PLAYER's deals, earliest first. json/jsonl give each deal with its reports."""
    with open_store(ctx, must_exist=True, readonly=True) as store:
        try:
            rows = player_timeline(store, player)
        except ValueError as exc:
            raise click.BadParameter(str(exc)) from None
        if not rows:
            raise click.ClickException(f"no deals found for {player!r}")
        if fmt in ("json", "jsonl"):
            deals = player_deals(store, player)
            (emit_json if fmt == "json" else emit_jsonl)(deals)
        elif fmt == "csv":
            emit_csv(TIMELINE_CSV_COLUMNS, map(timeline_csv_row, rows))
        else:
            print_timeline(rows, deal_chains(store, player))


@main.command("outlets")
@format_option("table", "json", "jsonl", "csv")
@click.pass_context
def outlets_cmd(ctx: click.Context, fmt: str) -> None:
    """Outlet scorecards: reports, deals broken first, median lead time, hit and collapse rates."""
    from ..scorecards import outlet_scorecards

    with open_store(ctx, must_exist=True, readonly=True) as store:
        cards = [c.as_dict() for c in outlet_scorecards(store)]
    if fmt == "jsonl":
        emit_jsonl(cards)
    elif fmt == "json":
        emit_json(cards)
    elif fmt == "csv":
        emit_csv(OUTLET_COLUMNS, ([card[c] for c in OUTLET_COLUMNS] for card in cards))
    else:
        print_outlets(cards)


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
    from ..report_facts import report_facts

    with open_store(ctx, must_exist=True, readonly=True) as store:
        jobs = report_jobs(store, url)
        facts = {job.report_id: report_facts(store, job.report_id) for _, _, job in jobs}
    if not jobs:
        raise click.ClickException(f"no stored article at {url!r}: `rumours deals` lists the reports it holds")
    sections = []
    for seq, link, job in jobs:
        reading = read_report(job.text, title=job.title, language=job.language, cited_source=job.cited_source)
        sections.append((seq, link, job, reading))
    if fmt == "json":
        for seq, link, job, reading in sections:
            record = {"url": url, "report": seq, "link": link, "title": job.title, **explanation(reading)}
            record["stored"] = facts[job.report_id].as_dict()
            click.echo(json.dumps(record, ensure_ascii=False))
        return
    for seq, link, job, reading in sections:
        head = f"report {seq}" + (f" ({link})" if link else "") + (f": {job.title}" if job.title else "")
        click.echo(head)
        stored = facts[job.report_id]
        click.echo(f"date: {stored.date_text}")
        click.echo(render_text(reading))
        for place in stored.claims:
            if place.deal_id is None:
                continue
            line = f"claim {place.seq + 1} is in deal {place.deal_id}"
            if place.reread:
                line += f": read with the player's other reports, its destination is {place.deal_to_club or 'none'}"
            click.echo(line)
        click.echo()
