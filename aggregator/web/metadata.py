"""What Datasette shows of a store: table descriptions, hidden plumbing tables, facets and canned queries."""

from __future__ import annotations

from typing import Any

from ..concepts.stages import LADDER, SIDE
from ..scorecards import SCORECARD_SQL

# The tables that make a store: a database holding all of them gets this metadata.
STORE_TABLES = frozenset({"outlets", "articles", "reports", "claims", "deals", "deal_reports"})

# Bookkeeping no reader needs: near-duplicate bands, regroup queues, player-key families, store state, migrations.
# The full-text index (articles_fts and its shadow tables) Datasette hides by itself.
PLUMBING_TABLES = (
    "report_bands",
    "report_bands_recent",
    "regroup_queue",
    "regroup_windows",
    "player_keys",
    "player_key_tokens",
    "meta",
    "_sqlite_migrations",
)

TABLES: dict[str, dict[str, Any]] = {
    "outlets": {
        "description": "News outlets, one row per site crawled or imported.",
        "columns": {"id": "Short outlet id (spider name or host)", "domain": "Web host", "language": "ISO 639-1"},
        "facets": ["language", "country"],
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
        "facets": ["outlet_id", "language", "origin"],
    },
    "reports": {
        "description": "Report items: a whole article, or one item of a gossip column.",
        "columns": {
            "seq": "Position of the item in its article",
            "cited_source": "The paper a gossip item credits",
            "duplicate_of": "The earliest copy of a syndicated (near-duplicate) report",
            "extracted_version": "Extractor version that produced its claims",
        },
        "facets": ["cited_source"],  # a report's own outlet is its article's: facet articles by outlet_id
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
        "facets": ["stage", "window"],
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
        "facets": ["stage", "status", "window", "to_club", "from_club"],
    },
    "deal_reports": {"description": "Which claims belong to which deal."},
    "crawl_runs": {
        "description": "One row per outlet crawl: counts, errors and final status.",
        "columns": {"status": "running, ok, failed, interrupted …", "error_reasons": "JSON list of errors"},
        "facets": ["outlet", "status"],
    },
}
TABLES.update({table: {"hidden": True} for table in PLUMBING_TABLES})

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
        "description": "Per outlet, as `rumours outlets` shows it: independent reports in deals, deals, deals it "
        "broke first, median lead in hours over the next outlet on those, and the shares of its deals done "
        "(hit rate) and collapsed.",
        "sql": SCORECARD_SQL,
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


def store_metadata(store_names: list[str]) -> dict[str, Any]:
    """Datasette metadata for the databases named ``store_names`` (each a store, whatever its file is called)."""
    return {
        "title": "transfer-rumours",
        "description_html": (
            "Football transfer reports grouped into deals. "
            '<a href="/digest/">Today\'s digest</a> · <a href="/digest/files">all digests</a>'
        ),
        "source": "transfer-rumours",
        "databases": {name: {"tables": TABLES, "queries": QUERIES} for name in store_names},
    }
