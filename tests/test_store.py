"""The store: schema migrations, upserts by canonical URL, report replacement, first publication time."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from aggregator.migrations import CURRENT_VERSION, applied, migrate
from aggregator.records import ArticleRecord, ReportRecord
from aggregator.store import Store


def article(**kw: object) -> ArticleRecord:
    base: dict[str, object] = {
        "url": "https://www.kicker.de/wechsel-1.html?utm_source=feed",
        "text": "Der Wechsel ist perfekt.",
        "outlet": "kicker.de",
        "title": "Wechsel perfekt",
        "published_at": "2024-06-01T08:00:00+00:00",
    }
    base.update(kw)
    return ArticleRecord(**base)  # type: ignore[arg-type]


def test_fresh_file_ends_at_current_version_with_wal(tmp_path: Path) -> None:
    path = tmp_path / "fresh.db"
    with Store(path) as store:
        assert applied(store.db)[-1] == CURRENT_VERSION
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.db.execute("PRAGMA busy_timeout").fetchone()[0] > 0
        assert {
            "outlets",
            "articles",
            "reports",
            "claims",
            "deals",
            "deal_reports",
            "crawl_runs",
            "articles_fts",
        } <= set(store.db.table_names())


def test_previous_version_file_is_migrated_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = Database(path)
    migrate(old, stop_before=CURRENT_VERSION)
    assert CURRENT_VERSION not in applied(old)
    old.execute("INSERT INTO outlets (id, name, domain) VALUES ('bild.de', 'Bild', 'bild.de')")
    old.execute(
        """INSERT INTO articles (url, outlet_id, body, first_seen_at, content_hash, origin)
           VALUES ('https://www.bild.de/a', 'bild.de', 'Text', '2024-01-01T00:00:00+00:00', 'x', 'crawl')"""
    )
    old.execute("INSERT INTO reports (article_id, seq, text) VALUES (1, 0, 'Text')")
    old.close()
    with Store(path) as store:
        assert applied(store.db)[-1] == CURRENT_VERSION
        assert store.counts()["articles"] == 1
        # The migrated report is pending extraction: the new column starts empty.
        assert store.db.execute("SELECT extracted_version FROM reports").fetchone()[0] is None


def test_upsert_by_canonical_url(store: Store) -> None:
    assert store.upsert_article(article()) == "inserted"
    assert store.upsert_article(article(url="https://www.kicker.de/wechsel-1.html#comments")) == "unchanged"
    assert store.upsert_article(article(text="Der Wechsel ist geplatzt.")) == "updated"
    rows = list(store.db.query("SELECT url, body FROM articles"))
    assert rows == [{"url": "https://www.kicker.de/wechsel-1.html", "body": "Der Wechsel ist geplatzt."}]


def test_update_keeps_first_publication_time(store: Store) -> None:
    store.upsert_article(article())
    store.upsert_article(article(text="Update: Medizincheck am Montag.", published_at="2024-06-02T09:00:00+00:00"))
    assert store.db.execute("SELECT published_at FROM articles").fetchone()[0] == "2024-06-01T08:00:00+00:00"


def test_report_items_are_replaced_when_content_changes(store: Store) -> None:
    items = [ReportRecord(text=f"Item {i} (Bild)", cited_source="Bild") for i in range(3)]
    store.upsert_article(article(reports=items))
    assert store.counts()["reports"] == 3
    store.upsert_article(article(reports=items[:2]))
    assert [r["text"] for r in store.db.query("SELECT text FROM reports ORDER BY seq")] == [
        "Item 0 (Bild)",
        "Item 1 (Bild)",
    ]


def test_article_without_items_gets_one_report(store: Store) -> None:
    store.upsert_article(article())
    assert list(store.db.query("SELECT seq, title, text FROM reports")) == [
        {"seq": 0, "title": "Wechsel perfekt", "text": "Der Wechsel ist perfekt."}
    ]


def test_full_text_search_over_titles_and_bodies(store: Store) -> None:
    store.upsert_article(article(text="Medizincheck beim FC Bayern"))
    hits = list(store.db.query("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'medizincheck'"))
    assert len(hits) == 1


def test_crawl_runs_record_errors_with_reasons(store: Store) -> None:
    run = store.start_crawl_run("bild.de", "bild")
    store.finish_crawl_run(run, requests=5, items=3, errors=[{"url": "https://bild.de/x", "reason": "http 500"}])
    health = {h["outlet"]: h for h in store.crawl_health()}
    assert health["bild.de"]["items"] == 3
    assert health["bild.de"]["errors"] == 1
    assert "http 500" in health["bild.de"]["error_reasons"]


def test_conditional_request_validators(store: Store) -> None:
    store.upsert_article(article(etag='"abc"', last_modified="Sat, 01 Jun 2024 08:00:00 GMT", origin="crawl"))
    validators = store.article_validators("https://www.kicker.de/wechsel-1.html?utm_medium=x")
    assert validators is not None
    assert validators["etag"] == '"abc"'
    assert store.article_validators("https://www.kicker.de/other.html") is None


def test_a_killed_run_is_marked_interrupted_when_the_outlet_runs_again(store: Store) -> None:
    killed = store.start_crawl_run("bild.de", "bild")  # never finished: its process was killed
    store.start_crawl_run("bild.de", "bild")
    row = store.db.execute("SELECT status, finished_at FROM crawl_runs WHERE id = ?", [killed]).fetchone()
    assert row[0] == "interrupted" and row[1] is not None


def old_store(path: Path, stop_before: str, *, published_at: str | None = None) -> Database:
    """A store migrated to just before ``stop_before`` holding one crawled article with a dated report."""
    old = Database(path)
    migrate(old, stop_before=stop_before)
    old.execute("INSERT INTO outlets (id, name, domain) VALUES ('bild.de', 'Bild', 'bild.de')")
    old.execute(
        """INSERT INTO articles (url, outlet_id, body, first_seen_at, content_hash, origin, published_at)
           VALUES ('https://www.bild.de/a', 'bild.de', 'Text', '2024-01-01T00:00:00+00:00', 'x', 'crawl', ?)""",
        [published_at],
    )
    old.execute(
        "INSERT INTO reports (article_id, seq, text, published_at) VALUES (1, 0, 'Text', '2023-11-20T10:00:00+00:00')"
    )
    return old


def test_window_migration_fills_claim_windows_and_asks_for_a_rebuild(tmp_path: Path) -> None:
    path = tmp_path / "m007.db"
    old = old_store(path, "m008_window_regroup")
    old.execute(
        "INSERT INTO claims (report_id, seq, player, player_key, stage) "
        "VALUES (1, 0, 'Ko Itakura', 'itakura ko', 'talks')"
    )
    old.execute("INSERT INTO meta (key, value) VALUES ('extractor_version', '2024.4')")
    old.conn.commit()
    old.close()
    with Store(path) as store:
        assert store.db.execute("SELECT window FROM claims").fetchone()[0] == "2024-winter"
        assert store.get_meta("extractor_version") == "stale"  # the next aggregate rebuilds deals with run summaries


def test_date_source_migration_marks_stored_dates_given(tmp_path: Path) -> None:
    path = tmp_path / "m011.db"
    old = old_store(path, "m012_date_sources")
    old.execute("INSERT INTO reports (article_id, seq, text) VALUES (1, 1, 'Undated item')")
    old.conn.commit()
    old.close()
    with Store(path) as store:
        rows = store.db.execute("SELECT seq, date_source, date_precision FROM reports ORDER BY seq").fetchall()
        assert rows == [(0, "given", "day"), (1, None, None)]


def test_article_date_precision_migration_marks_stored_dates_as_days(tmp_path: Path) -> None:
    path = tmp_path / "m013.db"
    old = old_store(path, "m014_article_date_precision", published_at="2023-11-20T10:00:00+00:00")
    old.execute(
        """INSERT INTO articles (url, outlet_id, body, first_seen_at, content_hash, origin)
           VALUES ('https://www.bild.de/b', 'bild.de', 'Text', '2024-01-01T00:00:00+00:00', 'y', 'crawl')"""
    )
    old.conn.commit()
    old.close()
    with Store(path) as store:
        rows = store.db.execute("SELECT url, date_precision FROM articles ORDER BY url").fetchall()
        assert rows == [("https://www.bild.de/a", "day"), ("https://www.bild.de/b", None)]


def test_reports_say_when_their_date_was_given(store: Store) -> None:
    items = [ReportRecord(text="Item 0 (Bild)", published_at="2024-05-30T07:00:00+00:00"), ReportRecord(text="Item 1")]
    store.upsert_article(article(reports=items))
    store.upsert_article(article(url="https://www.kicker.de/undated.html", published_at=None))
    rows = store.db.execute(
        "SELECT r.published_at, date_source, date_precision FROM reports r ORDER BY r.article_id, r.seq"
    ).fetchall()
    assert rows == [
        ("2024-05-30T07:00:00+00:00", "given", "day"),  # the item's own date
        ("2024-06-01T08:00:00+00:00", "given", "day"),  # the article's
        (None, None, None),
    ]


def test_a_date_given_later_to_an_unchanged_article_dates_its_reports(store: Store) -> None:
    undated = article(url="https://www.kicker.de/undated.html", published_at=None)
    store.upsert_article(undated)
    store.db.execute("UPDATE reports SET extracted_version = 'x'")
    assert store.upsert_article(article(url=undated.url)) == "updated"  # the same text, now with a date
    row = store.db.execute(
        "SELECT published_at, date_source, date_precision, extracted_version FROM reports"
    ).fetchone()
    assert row == ("2024-06-01T08:00:00+00:00", "given", "day", None)  # read again: its claims change window
