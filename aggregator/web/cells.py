"""How a store's cells read in Datasette: fees as "€45m", outlets by name linking to their page, deal ids as links."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Any

from markupsafe import Markup

from ..digest.text import money
from . import context
from .urls import deal_url, outlet_url

FEE_COLUMNS = frozenset({"fee_eur", "fee_min_eur", "fee_max_eur"})
# Columns holding an outlet id: the articles' own, and what the canned queries call it.
OUTLET_COLUMNS = frozenset({"outlet_id", "outlet", "broke_it"})


def fee_cell(value: Any) -> str | None:
    """A fee in euros as the digest writes it; None (Datasette's own blank) for a missing fee."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return money(float(value))


def deal_cell(deal_id: str) -> Markup:
    return Markup('<a href="{}">{}</a>').format(deal_url(deal_id), deal_id)


def outlet_cell(outlet_id: str, name: str) -> Markup:
    return Markup('<a href="{}" title="{}">{}</a>').format(outlet_url(outlet_id), outlet_id, name)


def is_deal_id(column: str, table: str | None) -> bool:
    return column == "deal_id" or (table == "deals" and column == "id")


def render_store_cell(
    value: Any, column: str, table: str | None, database: str, datasette: Any
) -> str | Markup | Awaitable[Markup | None] | None:
    """The cell's HTML, or None to leave it to Datasette; only cells of a store's databases are touched."""
    if database not in context.store_names(datasette):
        return None
    if column in FEE_COLUMNS:
        return fee_cell(value)
    label = None
    if isinstance(value, dict):  # a foreign key Datasette expanded: its value and the other row's label
        value, label = value.get("value"), value.get("label")
    if isinstance(value, str) and is_deal_id(column, table):
        return deal_cell(value)
    if isinstance(value, str) and column in OUTLET_COLUMNS:
        return outlet_cell(value, str(label)) if label and label != value else _outlet(datasette, database, value)
    return None


async def _outlet(datasette: Any, database: str, outlet_id: str) -> Markup | None:
    name = await context.outlet_name(datasette, database, outlet_id)
    return outlet_cell(outlet_id, name) if name else None
