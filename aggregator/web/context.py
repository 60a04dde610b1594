"""What the Datasette hooks share: which databases are stores, the plugin's settings, and outlet display names."""

from __future__ import annotations

import logging
import time
from functools import lru_cache
from typing import Any
from weakref import WeakKeyDictionary
from zoneinfo import ZoneInfo

from ..config import Config, ConfigError, load_config
from .metadata import STORE_TABLES

logger = logging.getLogger(__name__)

PLUGIN = "transfer-rumours"  # the entry point's name, and the key of the plugin's settings in metadata
_OUTLET_NAMES_MAX_AGE = 60.0  # seconds before outlet names are read again
_OUTLET_NAMES_MISS_AGE = 5.0  # an unknown outlet id reads them again after this long (a new outlet was crawled)

_stores: WeakKeyDictionary[Any, list[str]] = WeakKeyDictionary()
_outlet_names: WeakKeyDictionary[Any, dict[str, tuple[float | None, dict[str, str]]]] = WeakKeyDictionary()


async def find_stores(datasette: Any) -> list[str]:
    """Remember (and return) the names of ``datasette``'s databases that hold a store's tables."""
    names = []
    for name, db in datasette.databases.items():
        if STORE_TABLES.issubset(await db.table_names()):
            names.append(name)
    _stores[datasette] = names
    return names


def store_names(datasette: Any) -> list[str]:
    """The stores found at start-up (none before it)."""
    return list(_stores.get(datasette, ()))


def store_database(datasette: Any) -> Any | None:
    """The first store's Datasette database, or None when no database is a store."""
    names = store_names(datasette)
    return datasette.get_database(names[0]) if names else None


@lru_cache(maxsize=1)
def _defaults() -> Config:
    try:
        return load_config()
    except ConfigError as exc:
        logger.warning("transfer-rumours plugin: %s; using the default settings", exc)
        return Config()


def default_settings() -> dict[str, str]:
    """The plugin's settings when Datasette's metadata gives none: rumours.toml and RUMOURS_* as for the CLI."""
    config = _defaults()
    return {"digest_dir": config.output_dir, "timezone": config.timezone}


def settings(datasette: Any) -> dict[str, str]:
    return default_settings() | (datasette.plugin_config(PLUGIN) or {})


def timezone(datasette: Any) -> ZoneInfo:
    return ZoneInfo(settings(datasette).get("timezone") or "UTC")


async def outlet_name(datasette: Any, database: str, outlet_id: str) -> str | None:
    """The display name of outlet ``outlet_id`` in store ``database`` (None when the store has no such outlet)."""
    per_db = _outlet_names.setdefault(datasette, {})
    loaded_at, names = per_db.get(database, (None, {}))
    age = None if loaded_at is None else time.monotonic() - loaded_at
    if age is None or age > _OUTLET_NAMES_MAX_AGE or (outlet_id not in names and age > _OUTLET_NAMES_MISS_AGE):
        rows = await datasette.get_database(database).execute("SELECT id, name FROM outlets")
        names = {row["id"]: row["name"] for row in rows}
        per_db[database] = (time.monotonic(), names)
    return names.get(outlet_id)
