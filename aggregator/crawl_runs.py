"""The crawl-run log of the store: one row per outlet per crawl, its counts, errors and how it ended."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from typing import Any

from sqlite_utils import Database

from .dates import utc_now_iso


class CrawlRunLog:
    """The ``crawl_runs`` part of ``Store`` (a mixin: it uses the store's connection and transactions)."""

    db: Database
    transaction: Callable[[], AbstractContextManager[Database]]  # Store.transaction

    def start_crawl_run(self, outlet: str, spider: str) -> int:
        """A new run of ``outlet``; an earlier run of it still marked running was killed: say so."""
        with self.transaction():
            self.db.execute(
                """UPDATE crawl_runs SET status = 'interrupted', finished_at = COALESCE(finished_at, ?)
                   WHERE outlet = ? AND status = 'running'""",
                [utc_now_iso(), outlet],
            )
            cursor = self.db.execute(
                "INSERT INTO crawl_runs (outlet, spider, started_at) VALUES (?, ?, ?)",
                [outlet, spider, utc_now_iso()],
            )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def finish_crawl_run(
        self,
        run_id: int,
        *,
        requests: int,
        items: int,
        errors: Iterable[dict[str, Any]] = (),
        status: str = "ok",
    ) -> None:
        error_list = list(errors)
        with self.transaction():
            self.db.execute(
                """UPDATE crawl_runs SET finished_at = ?, requests = ?, items = ?, errors = ?,
                   error_reasons = ?, status = ? WHERE id = ?""",
                [
                    utc_now_iso(),
                    requests,
                    items,
                    len(error_list),
                    json.dumps(error_list, ensure_ascii=False),
                    status,
                    run_id,
                ],
            )

    def mark_crawl_interrupted(self, spider: str) -> int:
        """The runs of ``spider`` still marked running, whose process was killed before it could record its end:
        interrupted now (the caller holds that spider's crawl lock, so none of them is alive). How many."""
        with self.transaction():
            cursor = self.db.execute(
                """UPDATE crawl_runs SET status = 'interrupted', finished_at = COALESCE(finished_at, ?)
                   WHERE spider = ? AND status = 'running'""",
                [utc_now_iso(), spider],
            )
        return cursor.rowcount

    def last_successful_crawl(self) -> str | None:
        row = self.db.execute(
            "SELECT MAX(finished_at) FROM crawl_runs WHERE status = 'ok' AND finished_at IS NOT NULL"
        ).fetchone()
        return row[0] if row else None

    def crawl_health(self) -> list[dict[str, Any]]:
        """Per outlet: its last run and what the store holds of it (articles without dates or bodies)."""
        return list(
            self.db.query(
                """
                WITH last AS (
                    SELECT outlet, MAX(id) AS id FROM crawl_runs GROUP BY outlet
                ), stored AS (
                    SELECT outlet_id, COUNT(*) AS articles,
                           SUM(published_at IS NULL) AS articles_without_date,
                           SUM(LENGTH(TRIM(body)) < 200) AS articles_without_body
                    FROM articles GROUP BY outlet_id
                )
                SELECT o.id AS outlet, r.started_at AS last_started, r.finished_at AS last_finished,
                       r.status, COALESCE(r.items, 0) AS items, COALESCE(r.requests, 0) AS requests,
                       COALESCE(r.errors, 0) AS errors, COALESCE(r.error_reasons, '[]') AS error_reasons,
                       COALESCE(s.articles, 0) AS articles,
                       COALESCE(s.articles_without_date, 0) AS articles_without_date,
                       COALESCE(s.articles_without_body, 0) AS articles_without_body
                FROM (SELECT id FROM outlets UNION SELECT outlet FROM crawl_runs) o
                LEFT JOIN last l ON l.outlet = o.id
                LEFT JOIN crawl_runs r ON r.id = l.id
                LEFT JOIN stored s ON s.outlet_id = o.id
                ORDER BY o.id
                """
            )
        )
