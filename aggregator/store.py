"""The SQLite store (sqlite-utils, WAL): the only place that writes articles, reports and crawl runs."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import sqlite3
from collections.abc import Iterator, Sequence, Sized
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote

from sqlite_utils import Database
from unidecode import unidecode

from .crawl_runs import CrawlRunLog
from .dates import utc_now_iso
from .migrations import migrate
from .records import ArticleRecord, OutletRecord, ReportRecord
from .urls import canonical_url, outlet_from_url

logger = logging.getLogger(__name__)

DEFAULT_DB = "rumours.db"
BUSY_TIMEOUT_MS = 30_000
CACHE_KIB = 64 * 1024  # page cache per connection
MMAP_BYTES = 1 << 30  # address space only; pages are shared with the OS cache

UpsertStatus = Literal["inserted", "updated", "unchanged"]


def default_db_path() -> str:
    """``RUMOURS_DB`` from the environment, else ``rumours.db`` in the working directory."""
    return os.environ.get("RUMOURS_DB") or DEFAULT_DB


def content_hash(article: ArticleRecord) -> str:
    """A hash of what a reader sees: title, body and report items (not fetch metadata)."""
    parts = {
        "title": article.title or "",
        "text": article.text,
        "reports": [[r.title, r.text, r.link, r.cited_source] for r in article.reports],
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


IN_LIST = 500  # ids per ``IN (...)`` list, well under SQLite's variable limit


def chunked(ids: Sequence[int], size: int = IN_LIST) -> Iterator[Sequence[int]]:
    """Slices of ids short enough for one ``IN (...)`` list."""
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


def marks(values: Sized) -> str:
    """``?, ?, ?`` for an ``IN (...)`` list of ``values``."""
    return ",".join("?" * len(values))


def fold(text: str | None) -> str:
    """Lower-case ASCII words separated by single spaces: how names are compared in SQL (``fold()``)."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", unidecode(text or "").lower()).split())


def _file_uri(path: str | Path, mode: str) -> str:
    """An SQLite URI for ``path`` (any characters in it quoted) with ``mode=ro`` or ``immutable=1``."""
    query = "immutable=1" if mode == "immutable" else f"mode={mode}"
    return f"file:{quote(str(Path(path).resolve()))}?{query}"


def reads_in_place(path: str | Path) -> bool:
    """True when the store can be read with ``mode=ro``, sharing WAL state with writers. False on read-only media
    (or a read-only folder) where WAL's ``-shm`` file cannot be created: there the store can only be read as an
    immutable file, and ``sqlite3.OperationalError`` is raised when it cannot be read at all."""
    conn = sqlite3.connect(_file_uri(path, "ro"), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        return True
    except sqlite3.OperationalError as exc:
        if not (exc.sqlite_errorname or "").startswith(("SQLITE_CANTOPEN", "SQLITE_READONLY")):
            raise  # busy, damaged, ...: not a question of the medium
        conn.close()
        conn = sqlite3.connect(_file_uri(path, "immutable"), uri=True)
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        return False
    finally:
        conn.close()


def _connect_readonly(path: str | Path) -> sqlite3.Connection:
    if reads_in_place(path):
        return sqlite3.connect(_file_uri(path, "ro"), uri=True, check_same_thread=False)
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size:
        logger.warning("%s is on read-only media: read without its -wal file, its latest changes are not seen", path)
    return sqlite3.connect(_file_uri(path, "immutable"), uri=True, check_same_thread=False)


def connect(path: str | Path, *, readonly: bool = False, create: bool = True) -> Database:
    """A connection with WAL, a busy timeout and foreign keys on; ``readonly`` never writes (not even on
    read-only media, where it reads the file as immutable); without ``create`` a missing file is an error, not a
    new empty store."""
    if str(path) == ":memory:":
        conn = sqlite3.connect(":memory:", check_same_thread=False)
    elif readonly:
        conn = _connect_readonly(path)
    elif not create:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=rw", uri=True, check_same_thread=False)
    else:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    # A large store is read at random through its indexes: a bigger page cache and memory-mapped reads keep that
    # from turning into one read() system call per page.
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
    db = Database(conn)
    conn.create_function("fold", 1, fold, deterministic=True)
    if not readonly and str(path) != ":memory:":
        db.enable_wal()
        conn.execute("PRAGMA synchronous = NORMAL")
    return db


class Store(CrawlRunLog):
    """Articles, their report items and crawl runs, plus read helpers used by every other module."""

    def __init__(self, path: str | Path = ":memory:", *, readonly: bool = False, create: bool = True) -> None:
        self.path = str(path)
        self.db = connect(path, readonly=readonly, create=create)
        if not readonly:
            migrate(self.db)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """A write transaction. The outermost one starts with ``BEGIN IMMEDIATE`` so that a writer waits for
        the lock up front (busy timeout) instead of failing when it upgrades a read snapshot; nested ones are
        savepoints."""
        if self.db.conn.in_transaction:
            with self.db.atomic():
                yield self.db
            return
        self.db.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            if self.db.conn.in_transaction:
                self.db.conn.execute("ROLLBACK")
            raise
        else:
            self.db.conn.execute("COMMIT")

    # -- outlets -----------------------------------------------------------------------------------

    def upsert_outlet(self, outlet: OutletRecord) -> None:
        self.db.execute(
            """INSERT INTO outlets (id, name, domain, language, country) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT(id) DO UPDATE SET name = excluded.name, domain = excluded.domain,
                 language = COALESCE(excluded.language, outlets.language),
                 country = COALESCE(excluded.country, outlets.country)""",
            [outlet.id, outlet.name, outlet.domain, outlet.language, outlet.country],
        )

    def _ensure_outlet(self, outlet_id: str, url: str, language: str | None) -> None:
        self.db.execute(
            "INSERT INTO outlets (id, name, domain, language) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO NOTHING",
            [outlet_id, outlet_id, outlet_from_url(url), language],
        )

    # -- articles ----------------------------------------------------------------------------------

    def upsert_article(self, article: ArticleRecord) -> UpsertStatus:
        """Insert or update one article and its reports by canonical URL, in one transaction.

        Unchanged content only refreshes fetch metadata. Changed content replaces the report items and
        queues the players they named for regrouping. The first publication time is kept on updates.
        """
        url = canonical_url(article.url)
        if not article.text or not article.text.strip():
            raise ValueError("article has no text")
        digest = content_hash(article)
        now = utc_now_iso()
        with self.transaction():
            row = self.db.execute(
                "SELECT id, content_hash, published_at, date_precision FROM articles WHERE url = ?", [url]
            ).fetchone()
            outlet_id = article.outlet or outlet_from_url(url)
            self._ensure_outlet(outlet_id, url, article.language)
            if row is not None:
                article_id, old_hash, old_published, old_precision = row
                published, precision = _earliest(
                    (old_published, old_precision), (article.published_at, _precision(article))
                )
                same_date = (published, precision) == (old_published, old_precision)
                if old_hash == digest and same_date and article.origin == "import":
                    return "unchanged"  # re-importing the same line leaves the row untouched
                self.db.execute(
                    """UPDATE articles SET fetched_at = COALESCE(?, fetched_at), etag = COALESCE(?, etag),
                       last_modified = COALESCE(?, last_modified), published_at = ?, date_precision = ?,
                       modified_at = COALESCE(?, modified_at) WHERE id = ?""",
                    [
                        article.fetched_at,
                        article.etag,
                        article.last_modified,
                        published,
                        precision,
                        article.modified_at,
                        article_id,
                    ],
                )
                if old_hash == digest:
                    if same_date:
                        return "unchanged"
                    self._date_reports(article_id, old_published, published, precision)
                    return "updated"
                self.db.execute(
                    """UPDATE articles SET outlet_id = ?, title = ?, body = ?, language = ?, author = ?,
                       section = ?, content_hash = ?, origin = ? WHERE id = ?""",
                    [
                        outlet_id,
                        article.title,
                        article.text,
                        article.language,
                        article.author,
                        article.section,
                        digest,
                        article.origin,
                        article_id,
                    ],
                )
                self._replace_reports(article_id, article, published, precision)
                return "updated"
            cursor = self.db.execute(
                """INSERT INTO articles (url, outlet_id, title, body, language, author, section, published_at,
                   date_precision, modified_at, fetched_at, first_seen_at, content_hash, origin, etag, last_modified)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                [
                    url,
                    outlet_id,
                    article.title,
                    article.text,
                    article.language,
                    article.author,
                    article.section,
                    article.published_at,
                    _precision(article),
                    article.modified_at,
                    article.fetched_at,
                    now,
                    digest,
                    article.origin,
                    article.etag,
                    article.last_modified,
                ],
            )
            assert cursor.lastrowid is not None
            self._replace_reports(cursor.lastrowid, article, article.published_at, _precision(article))
            return "inserted"

    def _replace_reports(
        self, article_id: int, article: ArticleRecord, published: str | None, precision: str | None
    ) -> None:
        items: Sequence[ReportRecord] = article.reports or [ReportRecord(text=article.text, title=article.title)]
        # Deleting the claims queues their players' windows for the next aggregate (a trigger does it).
        self.db.execute(
            "DELETE FROM claims WHERE report_id IN (SELECT id FROM reports WHERE article_id = ?)",
            [article_id],
        )
        self.db.execute("DELETE FROM reports WHERE article_id = ? AND seq >= ?", [article_id, len(items)])
        for seq, item in enumerate(items):
            given = item.published_at or published
            given_precision = ("day" if item.published_at else precision or "day") if given else None
            self.db.execute(
                """INSERT INTO reports (article_id, seq, title, text, link, cited_source, published_at,
                   date_source, date_precision, extracted_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)
                   ON CONFLICT(article_id, seq) DO UPDATE SET title = excluded.title, text = excluded.text,
                     link = excluded.link, cited_source = excluded.cited_source,
                     published_at = excluded.published_at, date_source = excluded.date_source,
                     date_precision = excluded.date_precision, extracted_version = NULL""",
                [
                    article_id,
                    seq,
                    item.title,
                    item.text,
                    item.link,
                    item.cited_source,
                    given,
                    "given" if given else None,
                    given_precision,
                ],
            )

    def _date_reports(self, article_id: int, old: str | None, published: str | None, precision: str | None) -> None:
        """An unchanged article given a (new, earlier) date: its reports dated by the article, or not dated by
        their own item, take it as given; they are read again, so their claims move to the date's window. An
        inferred date never outlives a given one."""
        self.db.execute(
            """UPDATE reports SET published_at = ?, date_source = 'given', date_precision = ?,
               extracted_version = NULL
               WHERE article_id = ? AND (date_source IS NOT 'given' OR published_at IS ?)""",
            [published, precision or "day", article_id, old],
        )

    def article_validators(self, url: str) -> dict[str, Any] | None:
        """What a conditional request needs for a stored URL, or None when the URL is not stored."""
        rows = list(
            self.db.query(
                """SELECT url, etag, last_modified, modified_at, content_hash, fetched_at
                   FROM articles WHERE url = ?""",
                [canonical_url(url)],
            )
        )
        return rows[0] if rows else None

    def mark_not_modified(self, url: str, fetched_at: str | None = None) -> None:
        self.db.execute(
            "UPDATE articles SET fetched_at = ? WHERE url = ?",
            [fetched_at or utc_now_iso(), canonical_url(url)],
        )

    # -- counts ------------------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Rows per main table, and ``failed_reports``: reports whose analysis failed (``reports.extract_error``)."""
        tables = ("outlets", "articles", "reports", "claims", "deals", "crawl_runs")
        counts = {t: self.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}
        failed = 0
        if "extract_error" in self.db["reports"].columns_dict:  # absent from an older file opened read-only
            failed = self.db.execute("SELECT COUNT(*) FROM reports WHERE extract_error IS NOT NULL").fetchone()[0]
        return {**counts, "failed_reports": failed}

    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )


Dated = tuple[str | None, str | None]  # (UTC ISO publication time, "day" | "month" | None)


def _precision(article: ArticleRecord) -> str | None:
    return (article.date_precision or "day") if article.published_at else None


def _earliest(old: Dated, new: Dated) -> Dated:
    """The first publication date known: the earlier one, but a day beats the month it falls in."""
    if not (old[0] and new[0]):
        return old if old[0] else new
    if old[1] != new[1] and old[0][:7] == new[0][:7]:
        return old if old[1] == "day" else new
    return old if old[0] <= new[0] else new
