"""`health` and `status`: --format table|json (and --json), error reasons as a JSON list, --check for monitoring."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from aggregator.records import ArticleRecord
from aggregator.scheduler import JOB_CRAWL, META_PREFIX
from aggregator.store import Store

Cli = Callable[..., Result]
ERRORS = [
    {"url": "https://www.bild.de/a", "reason": "http 500", "kind": "http"},
    {"url": "https://www.bild.de/b", "reason": "page not parsed: ValueError", "kind": "parse_error"},
]


def crawled(
    db: Path, outlet: str, *, status: str = "ok", items: int = 1, errors: list[dict[str, str]] | None = None
) -> None:
    """One finished crawl run of ``outlet`` and, when it yielded items, one good stored article."""
    with Store(db) as store:
        run = store.start_crawl_run(outlet, outlet.split(".")[0])
        if items:
            store.upsert_article(
                ArticleRecord(
                    url=f"https://www.{outlet}/story",
                    text="Arsenal have agreed a fee with Brighton for Jamal Ortega. " * 10,
                    outlet=outlet,
                    published_at="2024-06-01T10:00:00+00:00",
                    origin="crawl",
                )
            )
        store.finish_crawl_run(run, requests=3, items=items, errors=errors or [], status=status)


def crawl_job_ended(db: Path, status: str) -> None:
    with Store(db) as store, store.transaction():
        store.set_meta(f"{META_PREFIX}{JOB_CRAWL}.last_status", status)
        store.set_meta(f"{META_PREFIX}{JOB_CRAWL}.last_run", "2024-06-03T12:00:00+00:00")


@pytest.mark.parametrize("flag", [["--format", "json"], ["--json"]])
def test_health_json_lists_error_reasons_as_a_list(cli: Cli, db_path: Path, flag: list[str]) -> None:
    crawled(db_path, "bild.de", errors=ERRORS)
    [outlet] = json.loads(cli("health", *flag).output)
    assert outlet["error_reasons"] == ERRORS
    assert outlet["warnings"] == ["1 page not parsed (spider error)"]


def test_health_jsonl_prints_one_outlet_per_line(cli: Cli, db_path: Path) -> None:
    crawled(db_path, "bild.de", errors=ERRORS)
    crawled(db_path, "kicker.de")
    lines = cli("health", "--format", "jsonl").output.splitlines()
    assert [json.loads(line)["outlet"] for line in lines] == ["bild.de", "kicker.de"]
    assert json.loads(lines[0])["error_reasons"][0]["reason"] == "http 500"


def test_health_check_exits_1_on_warnings_and_a_plain_run_still_exits_0(cli: Cli, db_path: Path) -> None:
    crawled(db_path, "kicker.de")
    assert cli("health", "--check", expect=0).stderr == ""
    crawled(db_path, "bild.de", status="failed", items=0, errors=ERRORS[:1])
    checked = cli("health", "--check", expect=1)
    assert "bild.de" in checked.stdout  # the report is still printed
    assert checked.stderr.strip() == "check: 2 warnings: bild.de: last run failed"
    assert cli("health", expect=0).exit_code == 0


def test_status_json_lists_error_reasons_and_warnings(cli: Cli, db_path: Path) -> None:
    crawled(db_path, "bild.de", status="failed", items=0, errors=ERRORS[:1])
    report = json.loads(cli("status", "--format", "json").output)
    [outlet] = report["outlets"]
    assert outlet["error_reasons"] == ERRORS[:1]
    assert report["warnings"] == ["bild.de: last run failed", "bild.de: last run yielded no items"]
    assert json.loads(cli("status", "--json").output) == report


def test_status_check_exits_1_when_the_crawl_job_failed(cli: Cli, db_path: Path) -> None:
    crawled(db_path, "kicker.de")
    crawl_job_ended(db_path, "ok")
    assert cli("status", "--check", expect=0).exit_code == 0
    crawl_job_ended(db_path, "failed: every outlet's crawl failed (kicker)")
    checked = cli("status", "--check", expect=1)
    assert "warning: crawl job: failed: every outlet's crawl failed (kicker)" in checked.stdout
    assert checked.stderr.startswith("check: 1 warning: crawl job: failed")
    crawl_job_ended(db_path, "stopped: shutting down after the crawl, before aggregate")
    assert cli("status", "--check", expect=0).exit_code == 0  # a requested stop is no failure
