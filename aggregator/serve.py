"""The Datasette plugin (``rumours serve``, or plain ``datasette rumours.db``): metadata, SQL functions, cells,
the digest and feed routes; and ``rumours serve`` itself, Datasette over the store read-only."""

from __future__ import annotations

import copy
import logging
import re
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from datasette import hookimpl

from .concepts import STAGE_WEIGHT
from .store import fold, reads_in_place
from .web import context
from .web.cells import render_store_cell
from .web.feeds import club_feed, player_feed
from .web.metadata import QUERIES, TABLES, store_metadata
from .web.pages import ROUTES as WEB_PAGES

__all__ = ["QUERIES", "TABLES", "make_datasette", "serve"]

logger = logging.getLogger(__name__)

_DIGEST_FILE = re.compile(r"^(index\.html|digest-\d{4}-\d{2}-\d{2}\.(html|md|json|atom|csv))$")
_CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "json": "application/json; charset=utf-8",
    "atom": "application/atom+xml; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
}

# -- the plugin: metadata, SQL functions, cells and routes --------------------------------------------------
# Registered through the `datasette` entry point (pyproject.toml), so plain `datasette rumours.db` loads it too.


@hookimpl
def startup(datasette: Any) -> Any:
    async def find() -> None:
        await context.find_stores(datasette)

    return find


@hookimpl
def get_metadata(datasette: Any, key: str | None, database: str | None, table: str | None) -> dict[str, Any]:
    """Descriptions, facets and canned queries for every store, whatever its file is called; the plugin's default
    settings. Metadata given to Datasette (``rumours serve``'s, or ``datasette -m``) takes precedence."""
    names = context.store_names(datasette)
    found = copy.deepcopy(store_metadata(names)) if names else {}  # Datasette merges into what it is given
    return found | {"plugins": {context.PLUGIN: context.default_settings()}}


def _bound(day: str | None, offset: int, tz: ZoneInfo) -> str | None:
    try:
        start = datetime.combine(date.fromisoformat(day or "") + timedelta(days=offset), time(0), tzinfo=tz)
    except ValueError:
        return None
    return start.astimezone(UTC).isoformat(timespec="seconds")


@hookimpl
def prepare_connection(conn: Any, datasette: Any) -> None:
    tz = context.timezone(datasette)
    conn.create_function("fold", 1, fold, deterministic=True)
    conn.create_function("stage_weight", 1, lambda s: STAGE_WEIGHT.get(s, 1), deterministic=True)
    conn.create_function("local_today", 0, lambda: datetime.now(UTC).astimezone(tz).date().isoformat())
    conn.create_function("day_start", 1, lambda d: _bound(d, 0, tz), deterministic=True)
    conn.create_function("day_end", 1, lambda d: _bound(d, 1, tz), deterministic=True)


@hookimpl
def render_cell(value: Any, column: str, table: str | None, database: str, datasette: Any) -> Any:
    return render_store_cell(value, column, table, database, datasette)


def _digest_dir(datasette: Any) -> Path:
    return Path(context.settings(datasette).get("digest_dir") or "digest")


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [
        *WEB_PAGES,
        (r"^/feeds/player/(?P<slug>[^/]+)\.atom$", player_feed),
        (r"^/feeds/club/(?P<slug>[^/]+)\.atom$", club_feed),
        (r"^/digest/?$", _latest_digest),
        (r"^/digest/files$", _digest_files),
        (r"^/digest/(?P<name>[^/]+)$", _digest_file),
    ]


async def _latest_digest(datasette: Any, request: Any) -> Any:
    from datasette.utils.asgi import Response

    folder = _digest_dir(datasette)
    pages = sorted(folder.glob("digest-*.html"))
    page = folder / "index.html" if (folder / "index.html").is_file() else (pages[-1] if pages else None)
    if page is None:
        return Response.html(
            "<h1>No digest yet</h1><p>Run <code>rumours digest --format html -o digest/index.html</code> "
            "or <code>rumours demo</code>.</p>",
            status=404,
        )
    return Response(page.read_text(encoding="utf-8"), content_type=_CONTENT_TYPES["html"])


async def _digest_files(datasette: Any, request: Any) -> Any:
    from datasette.utils.asgi import Response
    from markupsafe import escape

    folder = _digest_dir(datasette)
    names = sorted((p.name for p in folder.glob("*") if _DIGEST_FILE.match(p.name)), reverse=True)
    items = "".join(f'<li><a href="/digest/{escape(n)}">{escape(n)}</a></li>' for n in names)
    return Response.html(f"<!DOCTYPE html><title>Digests</title><h1>Digests</h1><ul>{items}</ul>")


async def _digest_file(datasette: Any, request: Any) -> Any:
    from datasette.utils.asgi import Response

    name = request.url_vars["name"]
    path = _digest_dir(datasette) / name
    if not _DIGEST_FILE.match(name) or not path.is_file():  # only digest files: no traversal, no other files
        return Response.text("not found", status=404)
    return Response(path.read_text(encoding="utf-8"), content_type=_CONTENT_TYPES[name.rsplit(".", 1)[1]])


def make_datasette(db_path: str | Path, digest_dir: str | Path, tz: str = "UTC") -> Any:
    """A Datasette instance over the store; this module is its plugin (registered once, by the entry point)."""
    import sys

    from datasette.app import Datasette
    from datasette.plugins import pm

    module = sys.modules[__name__]
    if not pm.is_registered(module):  # only when the package's entry points are not installed
        pm.register(module, name=context.PLUGIN)
    # On read-only media WAL's shared memory cannot be created: Datasette then reads the store as an immutable file.
    in_place = reads_in_place(db_path)
    return Datasette(
        files=[str(db_path)] if in_place else [],
        immutables=[] if in_place else [str(db_path)],
        metadata={"plugins": {context.PLUGIN: {"digest_dir": str(Path(digest_dir).resolve()), "timezone": tz}}},
        settings={"sql_time_limit_ms": 3000, "default_page_size": 50, "allow_download": False},
    )


def serve(
    db_path: str | Path, digest_dir: str | Path, *, host: str = "127.0.0.1", port: int = 8001, tz: str = "UTC"
) -> None:
    """Run Datasette until interrupted."""
    import uvicorn

    ds = make_datasette(db_path, digest_dir, tz)
    print(f"Serving {db_path} at http://{host}:{port}/  (digest: http://{host}:{port}/digest/)", flush=True)
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning", lifespan="on")
