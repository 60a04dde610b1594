"""What `health` and `status` warn about: outlets whose crawl looks broken, scheduled jobs that did not succeed."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

# Page errors that mean the crawl read a page wrongly (not that the site was down): health names them.
PAGE_FAULTS = {"parse_error": "not parsed (spider error)", "bad_jsonld": "with hostile JSON-LD skipped"}

# A job outcome that is no cause for alarm: a run that succeeded, or one a requested shutdown cut short.
QUIET_OUTCOMES = ("ok", "stopped")


def error_reasons(row: Mapping[str, Any]) -> list[dict[str, Any]]:
    """A crawl run's errors as a list, whether the row holds them as stored (JSON text) or already decoded."""
    reasons = row.get("error_reasons") or []
    return json.loads(reasons) if isinstance(reasons, str) else list(reasons)


def health_warnings(row: Mapping[str, Any]) -> list[str]:
    """Why an outlet's crawl looks broken (its markup probably changed), from one crawl_health() row."""
    warnings = []
    if not row.get("last_started"):
        return ["never crawled"]
    if not row.get("last_finished"):
        warnings.append("last run did not finish")
    if row.get("status") in ("failed", "interrupted"):
        warnings.append(f"last run {row['status']}")
    if not row.get("items"):
        warnings.append("last run yielded no items")
    reasons = error_reasons(row)
    dropped = " ".join(r.get("reason", "") for r in reasons)
    if row.get("articles_without_date") or "no_date" in dropped:
        warnings.append("items without dates")
    if row.get("articles_without_body") or "no_body" in dropped:
        warnings.append("items without bodies")
    for kind, what in PAGE_FAULTS.items():
        if pages := len({r.get("url") for r in reasons if r.get("kind") == kind}):
            warnings.append(f"{pages} {'page' if pages == 1 else 'pages'} {what}")
    return warnings


def outlet_health(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """crawl_health() rows as `health` and `status` show them: ``error_reasons`` a list, ``warnings`` added."""
    shown = []
    for row in rows:
        outlet = {**row, "error_reasons": error_reasons(row)}
        outlet["warnings"] = health_warnings(outlet)
        shown.append(outlet)
    return shown


def job_warnings(runs: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """``crawl: failed: …`` for each scheduled job whose last run neither succeeded nor was stopped on request."""
    warnings = []
    for job, run in runs.items():
        status = run.get("last_status")
        if status and not status.startswith(QUIET_OUTCOMES):
            warnings.append(f"{job} job: {status}")
    return warnings


def all_warnings(
    outlets: Iterable[Mapping[str, Any]], runs: Mapping[str, Mapping[str, Any]] | None = None
) -> list[str]:
    """Every warning, one line each: ``bbc.com: last run failed``, then the jobs'."""
    lines = [f"{row['outlet']}: {warning}" for row in outlets for warning in row["warnings"]]
    return lines + job_warnings(runs or {})
