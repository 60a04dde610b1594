"""How the read commands print: one ``--format`` scheme (table, json, jsonl, csv) and each command's columns."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import click
from rich.table import Table

from ..digest.render import csv_cell
from ..pubdates import describe
from .common import console

OUTPUT_FORMATS = ("table", "json", "jsonl", "csv")


def format_option(*formats: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--format`` with the formats a command offers (of table, json, jsonl, csv); table, for people, first."""
    chosen = formats or OUTPUT_FORMATS
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(chosen),
        default=chosen[0],
        show_default=True,
        help="table for reading; json (one array), jsonl (one record a line) or csv for programs.",
    )


def emit_json(records: Iterable[Any]) -> None:
    """One JSON array of the records jsonl would print one a line."""
    click.echo(json.dumps(list(records), ensure_ascii=False, indent=2))


def emit_jsonl(records: Iterable[Any]) -> None:
    for record in records:
        click.echo(json.dumps(record, ensure_ascii=False))


def emit_csv(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """A header and one row a record; cells a spreadsheet would run as a formula are disarmed (``csv_cell``)."""
    writer = csv.writer(sys.stdout)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])


def emit_table(title: str, columns: Sequence[str], rows: Iterable[Sequence[str]], **column: Any) -> None:
    table = Table(title=title)
    for name in columns:
        table.add_column(name, **column)
    for row in rows:
        table.add_row(*row)
    console().print(table)


def fee(value: float | None) -> str:
    if value is None:
        return ""
    return "free" if value == 0 else f"€{value / 1e6:.1f}m"


def fee_range(value: float | None, low: float | None, high: float | None) -> str:
    """The deal's fee, with the range reported when outlets disagree."""
    if low is not None and high is not None and low != high:
        return f"{fee(value)} ({fee(low)}–{fee(high)})"
    return fee(value)


def move(from_club: str | None, to_club: str | None) -> str:
    return f"{from_club or '?'} → {to_club or '(exit)'}"


# deals ------------------------------------------------------------------------------------------------------------

DEAL_CSV_COLUMNS = (
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
)


def deal_csv_row(d: dict[str, Any]) -> list[Any]:
    first = d["first_reported"] or {}
    state = d["state"]
    return [
        d["deal_id"],
        d["player"],
        d["from_club"],
        d["to_club"],
        d["stage"],
        state["status"],
        state["latest_stage"],
        state["latest_stage_at"],
        state["window"],
        d["fee_eur"],
        state["fee_min_eur"],
        state["fee_max_eur"],
        d["outlets"],
        len(d["reports"]),
        first.get("url"),
        first.get("outlet"),
        first.get("published_at"),
    ]


def print_deals(deals: list[dict[str, Any]]) -> None:
    def row(d: dict[str, Any]) -> list[str]:
        first = d["first_reported"]
        broke = f"{first['outlet']} {first['published_at'][:16]}" if first and first["published_at"] else "-"
        state = d["state"]
        return [
            d["player"],
            move(d["from_club"], d["to_club"]),
            d["stage"],
            state["status"],
            state["window"] or "-",
            fee_range(d["fee_eur"], state["fee_min_eur"], state["fee_max_eur"]),
            str(d["outlets"]),
            str(len(d["reports"])),
            broke,
        ]

    columns = ("player", "from → to", "stage", "status", "window", "fee", "outlets", "reports", "first reported")
    emit_table(f"{len(deals)} deals", columns, map(row, deals))


# first ------------------------------------------------------------------------------------------------------------

TIMELINE_CSV_COLUMNS = (
    "published_at",
    "outlet",
    "url",
    "deal_id",
    "from_club",
    "to_club",
    "stage",
    "fee_eur",
    "cited_sources",
    "broke_it",
    "copy_of",
    "title",
    "date_precision",
    "date_source",
)


def timeline_csv_row(r: dict[str, Any]) -> list[Any]:
    """One report on the player's deals, as the table lists it."""
    return [
        r["published_at"],
        r["outlet"],
        r["url"],
        r["deal_id"],
        r["deal_from"],
        r["deal_to"],
        r["stage"],
        r["fee_eur"],
        "; ".join(json.loads(r["cited_sources"] or "[]")),
        bool(r["broke_it"]),
        r["copy_of"],
        r["title"] or r["snippet"],
        r["date_precision"],
        r["date_source"],
    ]


def print_timeline(rows: list[dict[str, Any]], chains: list[dict[str, Any]]) -> None:
    """The player's reports earliest first (★ on the one that broke a deal), then who broke each deal."""

    def row(r: dict[str, Any]) -> list[str]:
        mark = " ★ first" if r["broke_it"] else (f" (copy of {r['copy_of']})" if r["copy_of"] else "")
        return [
            _stamp(r["published_at"], r["date_source"], r["date_precision"]),
            r["outlet"] + mark,
            move(r["deal_from"], r["deal_to"]),
            r["stage"],
            fee(r["fee_eur"]),
            ", ".join(json.loads(r["cited_sources"] or "[]")),
            (r["title"] or r["snippet"] or "")[:120],
        ]

    columns = ("when (UTC)", "outlet", "deal", "stage", "fee", "cited", "said")
    emit_table(f"{rows[0]['player']}: {len(rows)} reports", columns, map(row, rows), overflow="fold")
    out = console()
    for deal in chains:
        line = f"{move(deal['from_club'], deal['to_club'])} [{deal['stage']}, {deal['status']}]: "
        if deal["first_outlet"]:
            at = _stamp(deal["first_published_at"], deal["first_date_source"], deal["first_date_precision"], utc=True)
            line += f"broken by {deal['first_outlet']} at {at}"
        else:
            line += "no dated report yet"
        if deal["originator"]:
            cited = (deal[f"originator_{k}"] for k in ("cited_at", "date_source", "date_precision"))
            when = _stamp(*cited)
            line += f"; originator {deal['originator']} (first credited by {deal['originator_cited_by']}, {when})"
        out.print(line, markup=False)


def _stamp(published_at: str | None, source: str | None, precision: str | None, *, utc: bool = False) -> str:
    """``2024-06-12T09:30`` (`` UTC`` added with ``utc``) for a given day, ``2024-06 (month, from URL)`` for an
    inferred or month-only date, ``undated``."""
    if not published_at:
        return "undated"
    return describe(published_at, source, precision) or published_at[:16] + (" UTC" if utc else "")


# outlets ----------------------------------------------------------------------------------------------------------

OUTLET_COLUMNS = ("outlet", "reports", "deals", "broke_first", "median_lead_hours", "hit_rate", "collapse_rate")


def print_outlets(cards: list[dict[str, Any]]) -> None:
    table = Table(title=f"{len(cards)} outlets")
    for column in OUTLET_COLUMNS:
        table.add_column(column.replace("_", " "), justify="left" if column == "outlet" else "right")
    for card in cards:
        table.add_row(*("-" if card[c] is None else str(card[c]) for c in OUTLET_COLUMNS))
    console().print(table)
