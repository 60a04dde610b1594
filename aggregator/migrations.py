"""The store's schema, as an ordered list of migrations (sqlite-utils ``Migrations``); the only schema changes."""

from __future__ import annotations

from sqlite_utils import Database, Migrations

from .concepts.windows import WINDOW_SQL

migrations = Migrations("transfer-rumours")


@migrations(name="m001_initial")
def m001_initial(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE outlets (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            domain TEXT NOT NULL,
            language TEXT,
            country TEXT
        );
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            outlet_id TEXT NOT NULL REFERENCES outlets(id),
            title TEXT,
            body TEXT NOT NULL,
            language TEXT,
            author TEXT,
            section TEXT,
            published_at TEXT,
            modified_at TEXT,
            fetched_at TEXT,
            first_seen_at TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            origin TEXT NOT NULL CHECK (origin IN ('crawl', 'import')),
            etag TEXT,
            last_modified TEXT
        );
        CREATE INDEX idx_articles_outlet ON articles(outlet_id);
        CREATE INDEX idx_articles_published ON articles(published_at);
        CREATE TABLE reports (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            title TEXT,
            text TEXT NOT NULL,
            link TEXT,
            cited_source TEXT,
            published_at TEXT,
            UNIQUE (article_id, seq)
        );
        CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            player TEXT,
            player_key TEXT,
            from_club TEXT,
            to_club TEXT,
            fee_eur REAL,
            fee_text TEXT,
            stage TEXT NOT NULL,
            cited_sources TEXT NOT NULL DEFAULT '[]',
            UNIQUE (report_id, seq)
        );
        CREATE INDEX idx_claims_player ON claims(player_key);
        CREATE TABLE deals (
            id TEXT PRIMARY KEY,
            player TEXT NOT NULL,
            player_key TEXT NOT NULL,
            from_club TEXT,
            to_club TEXT,
            window TEXT,
            stage TEXT NOT NULL,
            latest_stage TEXT,
            latest_stage_at TEXT,
            fee_eur REAL,
            fee_min_eur REAL,
            fee_max_eur REAL,
            outlets INTEGER NOT NULL,
            reports INTEGER NOT NULL,
            first_claim_id INTEGER,
            first_published_at TEXT,
            status TEXT NOT NULL
        );
        CREATE INDEX idx_deals_player ON deals(player_key);
        CREATE TABLE deal_reports (
            deal_id TEXT NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            PRIMARY KEY (deal_id, claim_id)
        );
        CREATE INDEX idx_deal_reports_claim ON deal_reports(claim_id);
        CREATE TABLE crawl_runs (
            id INTEGER PRIMARY KEY,
            outlet TEXT NOT NULL,
            spider TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            requests INTEGER NOT NULL DEFAULT 0,
            items INTEGER NOT NULL DEFAULT 0,
            errors INTEGER NOT NULL DEFAULT 0,
            error_reasons TEXT NOT NULL DEFAULT '[]',
            status TEXT NOT NULL DEFAULT 'running'
        );
        CREATE INDEX idx_crawl_runs_outlet ON crawl_runs(outlet, started_at);
        """
    )
    db.table("articles").enable_fts(["title", "body"], fts_version="FTS5", create_triggers=True, tokenize="unicode61")


@migrations(name="m002_incremental_aggregate")
def m002_incremental_aggregate(db: Database) -> None:
    """Track which reports are extracted and which players need regrouping, so aggregate is incremental."""
    db.executescript(
        """
        ALTER TABLE reports ADD COLUMN extracted_version TEXT;
        CREATE INDEX idx_reports_pending ON reports(extracted_version) WHERE extracted_version IS NULL;
        CREATE TABLE regroup_queue (player_key TEXT PRIMARY KEY);
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        """
    )


@migrations(name="m003_near_duplicates")
def m003_near_duplicates(db: Database) -> None:
    """MinHash signatures and LSH bands per report; copies point at their earliest copy."""
    db.executescript(
        """
        ALTER TABLE reports ADD COLUMN signature BLOB;
        ALTER TABLE reports ADD COLUMN duplicate_of INTEGER REFERENCES reports(id) ON DELETE SET NULL;
        CREATE INDEX idx_reports_duplicate_of ON reports(duplicate_of) WHERE duplicate_of IS NOT NULL;
        CREATE TABLE report_bands (
            band TEXT NOT NULL,
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            PRIMARY KEY (band, report_id)
        ) WITHOUT ROWID;
        CREATE INDEX idx_report_bands_report ON report_bands(report_id);
        """
    )


@migrations(name="m004_citation_chains")
def m004_citation_chains(db: Database) -> None:
    """The originator a deal's reports credit, and the earliest report that credits it."""
    db.executescript(
        """
        ALTER TABLE deals ADD COLUMN originator TEXT;
        ALTER TABLE deals ADD COLUMN originator_claim_id INTEGER;
        CREATE INDEX idx_deals_first_published ON deals(first_published_at);
        CREATE INDEX idx_deals_latest ON deals(latest_stage_at);
        """
    )


@migrations(name="m005_player_families")
def m005_player_families(db: Database) -> None:
    """Player keys and their families (a surname-only key joins the one full name it fits); the regroup queue
    now holds families."""
    db.executescript(
        """
        CREATE TABLE player_keys (player_key TEXT PRIMARY KEY, family TEXT NOT NULL);
        CREATE INDEX idx_player_keys_family ON player_keys(family);
        CREATE TABLE player_key_tokens (
            token TEXT NOT NULL,
            player_key TEXT NOT NULL REFERENCES player_keys(player_key) ON DELETE CASCADE,
            PRIMARY KEY (token, player_key)
        ) WITHOUT ROWID;
        """
    )
    # Existing claims: every key starts as its own family; the next `aggregate --rebuild` (run automatically
    # when the extractor version changes) recomputes families from scratch.
    db.execute(
        "INSERT OR IGNORE INTO player_keys (player_key, family) "
        "SELECT DISTINCT player_key, player_key FROM claims WHERE player_key IS NOT NULL"
    )


@migrations(name="m006_player_token_sets")
def m006_player_token_sets(db: Database) -> None:
    """Sub-names are looked up by their distinct sorted tokens ("ibanez ibanez" is the name "ibanez"); families
    computed before this are recomputed: the extractor version is marked stale, so the next aggregate rebuilds."""
    db.executescript(
        """
        ALTER TABLE player_keys ADD COLUMN token_set TEXT NOT NULL DEFAULT '';
        CREATE INDEX idx_player_keys_token_set ON player_keys(token_set);
        """
    )
    db.execute("UPDATE meta SET value = 'stale' WHERE key = 'extractor_version'")


@migrations(name="m007_day_indexes")
def m007_day_indexes(db: Database) -> None:
    """A day's reports (the digest) are found by index: publication time of reports, first sight of articles."""
    db.executescript(
        """
        CREATE INDEX idx_reports_published ON reports(published_at);
        CREATE INDEX idx_articles_first_seen ON articles(first_seen_at);
        """
    )


@migrations(name="m008_window_regroup")
def m008_window_regroup(db: Database) -> None:
    """Regrouping by transfer window: each claim carries its report's window, and every claim written or removed
    (and every report that becomes or stops being a copy) queues (player key, window) in ``regroup_windows`` by
    trigger, so an aggregate regroups only the windows new
    reports touch. A deal keeps a summary of its dated run (for placing undated reports) and how many undated
    reports it holds. Deals computed before this are recomputed (the extractor version is marked stale)."""
    report_window = WINDOW_SQL.format(p="(SELECT published_at FROM reports WHERE id = NEW.report_id)")
    db.executescript(
        f"""
        ALTER TABLE claims ADD COLUMN window TEXT;
        UPDATE claims SET window = {WINDOW_SQL.format(p="(SELECT published_at FROM reports WHERE id = report_id)")};
        CREATE INDEX idx_claims_player_window ON claims(player_key, window);
        CREATE TABLE regroup_windows (
            player_key TEXT NOT NULL,
            window TEXT NOT NULL,
            PRIMARY KEY (player_key, window)
        ) WITHOUT ROWID;
        CREATE TRIGGER claims_queue_insert AFTER INSERT ON claims WHEN NEW.player_key IS NOT NULL BEGIN
            UPDATE claims SET window = {report_window} WHERE id = NEW.id;
            INSERT OR IGNORE INTO regroup_windows (player_key, window)
                SELECT NEW.player_key, window FROM claims WHERE id = NEW.id;
        END;
        CREATE TRIGGER claims_queue_delete AFTER DELETE ON claims
            WHEN OLD.player_key IS NOT NULL AND OLD.window IS NOT NULL BEGIN
            INSERT OR IGNORE INTO regroup_windows (player_key, window) VALUES (OLD.player_key, OLD.window);
        END;
        CREATE TRIGGER reports_queue_copy AFTER UPDATE OF duplicate_of ON reports
            WHEN NEW.duplicate_of IS NOT OLD.duplicate_of BEGIN
            INSERT OR IGNORE INTO regroup_windows (player_key, window)
                SELECT player_key, window FROM claims WHERE report_id = NEW.id AND player_key IS NOT NULL;
        END;
        ALTER TABLE deals ADD COLUMN undated_claims INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE deals ADD COLUMN run_summary TEXT;
        CREATE INDEX idx_deals_player_window ON deals(player_key, window);
        """
    )
    db.execute("UPDATE meta SET value = 'stale' WHERE key = 'extractor_version'")


@migrations(name="m009_extract_errors")
def m009_extract_errors(db: Database) -> None:
    """Why a report's analysis failed (null when it did not). A failed report counts as extracted, so no run retries
    it; a rebuild or a new extractor version analyses it again."""
    db.executescript(
        """
        ALTER TABLE reports ADD COLUMN extract_error TEXT;
        CREATE INDEX idx_reports_extract_error ON reports(extract_error) WHERE extract_error IS NOT NULL;
        """
    )


@migrations(name="m010_integer_bands")
def m010_integer_bands(db: Database) -> None:
    """LSH band keys as 8-byte integers (``dedup.band_key``) instead of ``"<band>:<hex digest>"`` text: the same
    bands in half the pages, which is what a batch of new reports dirties. Existing keys are converted, not
    recomputed, so copies stay exactly as they were."""
    from .dedup import band_key  # numpy is imported only by a store that has bands to convert

    # Statement by statement (``executescript`` would commit first): the whole conversion is one transaction.
    db.execute(
        """CREATE TABLE report_bands_int (
            band INTEGER NOT NULL,
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            PRIMARY KEY (band, report_id)
        ) WITHOUT ROWID"""
    )
    rows = db.execute("SELECT band, report_id FROM report_bands ORDER BY report_id")
    while chunk := rows.fetchmany(100_000):
        converted = []
        for band, report_id in chunk:
            number, _, digest = band.partition(":")
            converted.append((band_key(int(number), bytes.fromhex(digest)), report_id))
        converted.sort()
        db.conn.executemany("INSERT OR IGNORE INTO report_bands_int (band, report_id) VALUES (?, ?)", converted)
    db.execute("DROP TABLE report_bands")
    db.execute("ALTER TABLE report_bands_int RENAME TO report_bands")
    db.execute("CREATE INDEX idx_report_bands_report ON report_bands(report_id)")


@migrations(name="m011_recent_bands")
def m011_recent_bands(db: Database) -> None:
    """A small table for the newest LSH bands, merged into ``report_bands`` in key order when full
    (``aggregator.bands``): a batch's random band keys then dirty the small table's pages, not the big index's."""
    db.execute(
        """CREATE TABLE report_bands_recent (
            band INTEGER NOT NULL,
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            PRIMARY KEY (band, report_id)
        ) WITHOUT ROWID"""
    )
    db.execute("CREATE INDEX idx_report_bands_recent_report ON report_bands_recent(report_id)")


@migrations(name="m012_date_sources")
def m012_date_sources(db: Database) -> None:
    """Where a report's date comes from (``date_source``: 'given' by the outlet or the import, inferred from the
    'url' or the 'text', null when undated) and how precise it is (``date_precision``: 'day' or 'month'). Stored
    dates were all given; inferred ones come with the rebuild the extractor version bump brings."""
    db.execute("ALTER TABLE reports ADD COLUMN date_source TEXT CHECK (date_source IN ('given', 'url', 'text'))")
    db.execute("ALTER TABLE reports ADD COLUMN date_precision TEXT CHECK (date_precision IN ('day', 'month'))")
    db.execute("UPDATE reports SET date_source = 'given', date_precision = 'day' WHERE published_at IS NOT NULL")


@migrations(name="m013_claim_clubs")
def m013_claim_clubs(db: Database) -> None:
    """Each claim keeps the clubs its report names, with their roles and strengths, so grouping can read a
    player's reports together (``aggregator.reconcile``). Older claims have none until the rebuild that the
    extractor version bump brings."""
    db.execute("ALTER TABLE claims ADD COLUMN clubs TEXT")


@migrations(name="m014_article_date_precision")
def m014_article_date_precision(db: Database) -> None:
    """An imported date may give only a month (``"published_at": "2024-06"``): the article keeps how precise its
    given date is, so an update can tell a day in that month from an earlier date. Stored dates were days."""
    db.execute("ALTER TABLE articles ADD COLUMN date_precision TEXT CHECK (date_precision IN ('day', 'month'))")
    db.execute("UPDATE articles SET date_precision = 'day' WHERE published_at IS NOT NULL")


CURRENT_VERSION = "m014_article_date_precision"


def migrate(db: Database, *, stop_before: str | None = None) -> None:
    """Bring ``db`` to the current schema (or to just before ``stop_before``, for tests of old files)."""
    migrations.apply(db, stop_before=stop_before)


def pending(db: Database) -> list[str]:
    """Migrations ``db`` still lacks (read-only: nothing is written)."""
    return [m.name for m in migrations.pending(db)]


def applied(db: Database) -> list[str]:
    return [m.name for m in migrations.applied(db)]
