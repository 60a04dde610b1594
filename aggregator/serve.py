"""``rumours serve``: Datasette over the store, read-only, with descriptions, canned queries and the digest."""

from __future__ import annotations

import logging
import re
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from datasette import hookimpl

from .concepts import STAGE_WEIGHT
from .concepts.stages import LADDER, SIDE
from .store import fold, reads_in_place
from .web.pages import ROUTES as WEB_PAGES

logger = logging.getLogger(__name__)

PLUGIN = "rumours-digest"
_DIGEST_FILE = re.compile(r"^(index\.html|digest-\d{4}-\d{2}-\d{2}\.(html|md|json|atom|csv))$")
_CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "json": "application/json; charset=utf-8",
    "atom": "application/atom+xml; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
}

TABLES: dict[str, dict[str, Any]] = {
    "outlets": {
        "description": "News outlets, one row per site crawled or imported.",
        "columns": {"id": "Short outlet id (spider name or host)", "domain": "Web host", "language": "ISO 639-1"},
    },
    "articles": {
        "description": "Stored articles, upserted by canonical URL. Scraped text: treat as untrusted.",
        "columns": {
            "url": "Canonical URL (tracking parameters removed)",
            "outlet_id": "The outlet that published it",
            "published_at": "Publication time, UTC ISO-8601 (null when unknown)",
            "first_seen_at": "When the store first saw the article, UTC",
            "origin": "crawl or import",
            "content_hash": "Hash of title, body and report items",
        },
    },
    "reports": {
        "description": "Report items: a whole article, or one item of a gossip column.",
        "columns": {
            "seq": "Position of the item in its article",
            "cited_source": "The paper a gossip item credits",
            "duplicate_of": "The earliest copy of a syndicated (near-duplicate) report",
            "extracted_version": "Extractor version that produced its claims",
        },
    },
    "claims": {
        "description": "What a report claims: player, clubs, fee, stage and cited sources.",
        "columns": {
            "player_key": "Folded player name used for grouping",
            "fee_eur": "Fee in euros (0 = free transfer)",
            "stage": " < ".join(LADDER) + ", or " + " / ".join(SIDE),
            "cited_sources": "JSON list of sources the report credits",
            "window": "Transfer window of its report (Nov-Jan winter, Feb-Oct summer), or undated",
        },
    },
    "deals": {
        "description": "Reports grouped into deals: one player, one destination, one transfer window.",
        "columns": {
            "stage": "Furthest stage with evidence",
            "fee_min_eur": "Lowest fee reported (euros)",
            "fee_max_eur": "Highest fee reported (euros)",
            "outlets": "Distinct outlets reporting the deal",
            "first_claim_id": "The claim of the earliest dated independent report: who broke it",
            "originator": "The source later reports credit",
            "originator_claim_id": "The earliest report crediting the originator",
            "undated_claims": "Reports with no publication date placed in this deal",
            "run_summary": "JSON summary of its dated reports, used to place undated ones",
        },
    },
    "deal_reports": {"description": "Which claims belong to which deal."},
    "crawl_runs": {
        "description": "One row per outlet crawl: counts, errors and final status.",
        "columns": {"status": "running, ok, failed, interrupted …", "error_reasons": "JSON list of errors"},
    },
    "report_bands": {"hidden": True},
    "regroup_queue": {"hidden": True},
    "regroup_windows": {"hidden": True},
    "meta": {"description": "Store bookkeeping: extractor version, scheduler state."},
}

_DAY_NEW = """((r.published_at >= day_start(:day) AND r.published_at < day_end(:day))
     OR (a.first_seen_at >= day_start(:day) AND a.first_seen_at < day_end(:day)))"""

QUERIES: dict[str, dict[str, Any]] = {
    "todays_deals": {
        "title": "Today's deals",
        "description": "Deals with a new report today (configured time zone), hottest first. "
        "Leave day empty for today, or give YYYY-MM-DD.",
        "sql": f"""WITH p AS (SELECT COALESCE(NULLIF(:day, ''), local_today()) AS day)
SELECT d.player, d.from_club, d.to_club, d.stage, d.fee_min_eur, d.fee_max_eur,
       COUNT(DISTINCT r.id) AS new_reports, COUNT(DISTINCT a.outlet_id) AS new_outlets, d.outlets,
       COUNT(DISTINCT r.id) + 2 * COUNT(DISTINCT a.outlet_id) + stage_weight(d.stage) AS heat, d.id AS deal_id
FROM p, deals d JOIN deal_reports dr ON dr.deal_id = d.id JOIN claims c ON c.id = dr.claim_id
JOIN reports r ON r.id = c.report_id JOIN articles a ON a.id = r.article_id
WHERE {_DAY_NEW.replace(":day", "p.day")}
GROUP BY d.id ORDER BY heat DESC, d.outlets DESC, d.player""",
    },
    "who_broke_it": {
        "title": "Who broke it first, for a player",
        "description": "Each of the player's deals with the outlet and report that had it first.",
        "sql": """SELECT d.player, d.from_club, d.to_club, d.stage, a.outlet_id AS broke_it, r.published_at AS broke_at,
       COALESCE(r.title, a.title) AS title, a.url, d.originator, d.outlets, d.id AS deal_id
FROM deals d LEFT JOIN claims c ON c.id = d.first_claim_id LEFT JOIN reports r ON r.id = c.report_id
LEFT JOIN articles a ON a.id = r.article_id
WHERE fold(d.player) LIKE '%' || fold(:player) || '%'
ORDER BY r.published_at IS NULL, r.published_at""",
    },
    "deal_timeline": {
        "title": "A deal's timeline",
        "description": "Every report on one deal, earliest first (deal_id from the deals table).",
        "sql": """SELECT r.published_at, a.outlet_id AS outlet, c.stage, c.fee_eur, c.cited_sources,
       COALESCE(r.title, a.title) AS title, a.url, (d.first_claim_id = c.id) AS broke_it
FROM deals d JOIN deal_reports dr ON dr.deal_id = d.id JOIN claims c ON c.id = dr.claim_id
JOIN reports r ON r.id = c.report_id JOIN articles a ON a.id = r.article_id
WHERE d.id = :deal_id
ORDER BY r.published_at IS NULL, r.published_at, a.url, r.seq""",
    },
    "outlet_scorecard": {
        "title": "Outlet scorecard",
        "description": "Per outlet: reports on deals, deals reported, deals it broke first, and how many of its "
        "deals were done or collapsed.",
        "sql": """SELECT a.outlet_id AS outlet, COUNT(DISTINCT r.id) AS reports, COUNT(DISTINCT d.id) AS deals,
       COUNT(DISTINCT CASE WHEN d.first_claim_id = c.id THEN d.id END) AS broke_first,
       COUNT(DISTINCT CASE WHEN d.stage = 'done' THEN d.id END) AS deals_done,
       COUNT(DISTINCT CASE WHEN d.stage = 'collapsed' THEN d.id END) AS deals_collapsed
FROM deals d JOIN deal_reports dr ON dr.deal_id = d.id JOIN claims c ON c.id = dr.claim_id
JOIN reports r ON r.id = c.report_id JOIN articles a ON a.id = r.article_id
WHERE r.duplicate_of IS NULL
GROUP BY a.outlet_id ORDER BY broke_first DESC, deals DESC""",
    },
    "search": {
        "title": "Search articles",
        "description": "Full-text search over article titles and bodies (the words are searched as a phrase).",
        "sql": """SELECT a.published_at, a.outlet_id AS outlet, a.title,
       snippet(articles_fts, 1, '[', ']', ' … ', 16) AS excerpt, a.url
FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
WHERE articles_fts MATCH '"' || replace(:q, '"', '""') || '"'
ORDER BY rank LIMIT 100""",
    },
}


def metadata(db_path: str | Path, digest_dir: str | Path, tz: str = "UTC") -> dict[str, Any]:
    """Datasette metadata: descriptions, canned queries, and where the digest lives."""
    return {
        "title": "transfer-rumours",
        "description_html": (
            "Football transfer reports grouped into deals. "
            '<a href="/digest/">Today\'s digest</a> · <a href="/digest/files">all digests</a>'
        ),
        "source": "transfer-rumours",
        "databases": {Path(db_path).stem: {"tables": TABLES, "queries": QUERIES}},
        "plugins": {PLUGIN: {"digest_dir": str(Path(digest_dir).resolve()), "timezone": tz}},
    }


# -- the plugin: SQL functions and the digest routes ------------------------------------------------------


_settings: dict[str, str] = {"timezone": "UTC"}


def _tz() -> ZoneInfo:
    return ZoneInfo(_settings.get("timezone") or "UTC")


def local_today() -> str:
    return datetime.now(UTC).astimezone(_tz()).date().isoformat()


def _bound(day: str | None, offset: int) -> str | None:
    try:
        start = datetime.combine(date.fromisoformat(day or "") + timedelta(days=offset), time(0), tzinfo=_tz())
    except ValueError:
        return None
    return start.astimezone(UTC).isoformat(timespec="seconds")


@hookimpl
def prepare_connection(conn: Any) -> None:
    conn.create_function("fold", 1, fold, deterministic=True)
    conn.create_function("stage_weight", 1, lambda s: STAGE_WEIGHT.get(s, 1), deterministic=True)
    conn.create_function("local_today", 0, local_today)
    conn.create_function("day_start", 1, lambda d: _bound(d, 0), deterministic=True)
    conn.create_function("day_end", 1, lambda d: _bound(d, 1), deterministic=True)


def _digest_dir(datasette: Any) -> Path:
    config = datasette.plugin_config(PLUGIN) or {}
    return Path(config.get("digest_dir") or "digest")


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [
        *WEB_PAGES,
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
    """A Datasette instance over the store, with this module registered as its plugin."""
    import sys

    from datasette.app import Datasette
    from datasette.plugins import pm

    module = sys.modules[__name__]
    if not pm.is_registered(module):
        pm.register(module, name=PLUGIN)
    _settings["timezone"] = tz
    # On read-only media WAL's shared memory cannot be created: Datasette then reads the store as an immutable file.
    in_place = reads_in_place(db_path)
    return Datasette(
        files=[str(db_path)] if in_place else [],
        immutables=[] if in_place else [str(db_path)],
        metadata=metadata(db_path, digest_dir, tz),
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
