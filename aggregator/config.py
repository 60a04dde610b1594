"""Run-time configuration: a TOML file, then ``RUMOURS_*`` environment variables, then command-line options."""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .store import DEFAULT_DB

CONFIG_FILE = "rumours.toml"

# environment variable -> config field
ENV = {
    "RUMOURS_DB": "db_path",
    "RUMOURS_INTERVAL_MINUTES": "interval_minutes",
    "RUMOURS_DIGEST_TIME": "digest_time",
    "RUMOURS_TIMEZONE": "timezone",
    "RUMOURS_OUTLETS": "outlets",
    "RUMOURS_DIGEST_DIR": "output_dir",
    "RUMOURS_LOG_FILE": "log_file",
    "RUMOURS_CRAWL_GRACE_SECONDS": "crawl_grace_seconds",
    "RUMOURS_DIGEST_GRACE_SECONDS": "digest_grace_seconds",
    "RUMOURS_CRAWL_TIMEOUT_SECONDS": "crawl_timeout_seconds",
    "RUMOURS_ENGINE": "engine",
    "RUMOURS_SCRAPYD_NODES": "scrapyd_nodes",
    "RUMOURS_REDIS_URL": "redis_url",
}
ENGINES = ("local", "scrapyd")  # local: scrapy processes on this machine; scrapyd: jobs on Scrapyd nodes


class ConfigError(ValueError):
    """A configuration value that cannot be used; the message names the value and where it came from."""


@dataclass(frozen=True)
class Config:
    db_path: str = DEFAULT_DB
    interval_minutes: float = 60
    digest_time: str = "18:00"  # local time in ``timezone``
    timezone: str = "UTC"
    outlets: tuple[str, ...] = ()  # empty: every outlet
    output_dir: str = "digest"
    log_file: str | None = "rumours.log"
    crawl_grace_seconds: int = 30 * 60  # a crawl that starts up to 30 min late still runs
    digest_grace_seconds: int = 6 * 60 * 60
    crawl_timeout_seconds: int = 20 * 60  # one outlet's crawl process is killed after this
    scrapy_settings: tuple[tuple[str, str], ...] = ()  # (NAME, VALUE) passed to every crawl, sorted by name
    engine: str = "local"  # who runs the crawl processes (ENGINES)
    scrapyd_nodes: tuple[str, ...] = ()  # Scrapyd base URLs, for engine "scrapyd"
    redis_url: str | None = None  # the shared frontier and items queue (redis://host:port/db)
    sources: tuple[str, ...] = field(default=(), compare=False)  # where the values came from, for `status`

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def digest_at(self) -> time:
        hour, minute = (int(part) for part in self.digest_time.split(":"))
        return time(hour, minute)

    @property
    def crawl_settings(self) -> dict[str, str]:
        """The Scrapy settings every crawl gets (``scrapy_settings`` in the file, ``-s NAME=VALUE``)."""
        return dict(self.scrapy_settings)

    def with_engine(self, engine: str | None, nodes: str | None, redis_url: str | None) -> Config:
        """These command-line choices on top of the configured ones, checked together (ConfigError)."""
        values: dict[str, Any] = {}
        for name, value, option in (("engine", engine, "--engine"), ("scrapyd_nodes", nodes, "--nodes")):
            if value is not None:
                values[name] = _coerce(name, value, option)
        if redis_url is not None:
            values["redis_url"] = _coerce("redis_url", redis_url, "--redis")
        return check_engine(replace(self, **values))

    def with_db(self, db_path: str | None) -> Config:
        return replace(self, db_path=db_path) if db_path else self

    def with_scrapy_settings(self, settings: Mapping[str, str]) -> Config:
        """These settings on top of the configured ones (a name given in both takes the new value)."""
        merged = {**self.crawl_settings, **{str(k): str(v) for k, v in settings.items()}}
        return replace(self, scrapy_settings=tuple(sorted(merged.items())))


def _coerce(name: str, value: Any, origin: str) -> Any:
    try:
        if name == "interval_minutes":
            number = float(value)
            if number <= 0:
                raise ValueError("must be positive")
            return number
        if name in ("crawl_grace_seconds", "digest_grace_seconds", "crawl_timeout_seconds"):
            number = int(value)
            if number <= 0:
                raise ValueError("must be positive")
            return number
        if name == "outlets":
            items = value.split(",") if isinstance(value, str) else list(value)
            return tuple(sorted({str(i).strip() for i in items if str(i).strip()}))
        if name == "digest_time":
            text = str(value).strip()
            if not re.fullmatch(r"([01]?\d|2[0-3]):[0-5]\d", text):
                raise ValueError("expected HH:MM")
            return text
        if name == "timezone":
            ZoneInfo(str(value))
            return str(value)
        if name == "scrapy_settings":
            if not isinstance(value, Mapping):
                raise ValueError("expected a table of NAME = value")
            if bad := sorted(k for k, v in value.items() if isinstance(v, Mapping | list)):
                raise ValueError(f"{', '.join(bad)}: expected a single value, not a table or list")
            return tuple(sorted((str(k), str(v)) for k, v in value.items()))
        if name == "engine":
            text = str(value).strip().lower()
            if text not in ENGINES:
                raise ValueError(f"expected one of {', '.join(ENGINES)}")
            return text
        if name == "scrapyd_nodes":
            from .scrapyd import parse_nodes

            return tuple(parse_nodes(value if isinstance(value, str) else [str(v) for v in value]))
        if name == "redis_url":
            text = str(value).strip()
            if not re.match(r"(rediss?|unix)://", text):
                raise ValueError("expected redis://HOST:PORT/DB")
            return text
        if name == "log_file":
            text = str(value).strip()
            return None if text.lower() in ("", "none", "off") else text
        return str(value)
    except (ValueError, TypeError, ZoneInfoNotFoundError) as exc:
        raise ConfigError(f"{origin}: {name} = {value!r}: {exc or 'invalid'}") from None


def check_engine(config: Config) -> Config:
    """The engine's settings agree: Scrapyd nodes share a Redis frontier, and the scrapyd engine needs nodes."""
    if config.scrapyd_nodes and not config.redis_url:
        raise ConfigError("--nodes (scrapyd_nodes) needs --redis (redis_url): Scrapyd nodes share a Redis frontier")
    if config.engine == "scrapyd" and not config.scrapyd_nodes:
        raise ConfigError("--engine scrapyd needs --nodes URL[,URL...] (scrapyd_nodes): the Scrapyd nodes to crawl on")
    return config


ENGINE_FIELDS = ("engine", "scrapyd_nodes", "redis_url")


def engine_config(env: Mapping[str, str] | None = None) -> Config:
    """Defaults with only the engine settings of the environment (``RUMOURS_ENGINE``, ``RUMOURS_SCRAPYD_NODES``,
    ``RUMOURS_REDIS_URL``): what `rumours crawl`, which reads no config file, starts from."""
    env = os.environ if env is None else env
    values = {name: _coerce(name, env[var], var) for var, name in ENV.items() if name in ENGINE_FIELDS and env.get(var)}
    return Config(**values)


def load_config(path: str | Path | None = None, env: Mapping[str, str] | None = None) -> Config:
    """Defaults, overridden by the TOML file (``path``, else ``$RUMOURS_CONFIG``, else ./rumours.toml if present),
    overridden by ``RUMOURS_*`` environment variables. A file named explicitly must exist."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    sources: list[str] = []
    explicit = path or env.get("RUMOURS_CONFIG")
    file = Path(explicit) if explicit else Path(CONFIG_FILE)
    if file.is_file():
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{file}: {exc}") from None
        table = data.get("rumours", data)  # either a [rumours] table or top-level keys
        known = {f for f in Config.__dataclass_fields__ if f != "sources"}
        unknown = sorted(set(table) - known - {"rumours"})
        if unknown:
            raise ConfigError(f"{file}: unknown keys {unknown}; known: {sorted(known)}")
        for key, value in table.items():
            if key in known:
                values[key] = _coerce(key, value, str(file))
        sources.append(str(file))
    elif explicit:
        raise ConfigError(f"config file not found: {file}")
    for var, name in ENV.items():
        if env.get(var):
            values[name] = _coerce(name, env[var], var)
            sources.append(var)
    return Config(**values, sources=tuple(sources))
