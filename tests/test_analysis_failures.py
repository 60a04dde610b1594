"""A report whose analysis raises is stored as failed, with the reason, and never stops the other reports."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from click.testing import Result

from aggregator import analysis
from aggregator.aggregate import aggregate
from aggregator.records import ArticleRecord
from aggregator.store import Store
from tests.conftest import jsonl

POISON = "Zlatan Poisonovic"
TEXTS = {
    "https://example.com/osimhen": "Liverpool have agreed a fee with Napoli for Victor Osimhen, Sky Sports says.",
    "https://example.com/poison": f"Arsenal are in talks with Chelsea over {POISON}, The Times reports.",
    "https://example.com/rice": "Arsenal have completed the signing of Declan Rice from West Ham for 100 million.",
}


@pytest.fixture
def failing_extractor(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Extraction runs out of memory on the report naming ``POISON``; returns the texts it was asked to read."""
    real = analysis.extract_claims
    calls: list[str] = []

    def extract(text: str, **kwargs: Any) -> Any:
        calls.append(text)
        if POISON in text:
            raise MemoryError("cannot allocate the mention table")
        return real(text, **kwargs)

    monkeypatch.setattr(analysis, "extract_claims", extract)
    return calls


def stored(store: Store) -> Store:
    with store.transaction():
        for url, text in TEXTS.items():
            store.upsert_article(ArticleRecord(url=url, text=text, outlet="example.com", published_at="2025-01-10"))
    return store


def report_state(store: Store) -> dict[str, tuple[str | None, str | None, int]]:
    """url -> (extracted_version, extract_error, claims)."""
    rows = store.db.execute(
        """SELECT a.url, r.extracted_version, r.extract_error,
                  (SELECT COUNT(*) FROM claims c WHERE c.report_id = r.id)
           FROM reports r JOIN articles a ON a.id = r.article_id"""
    ).fetchall()
    return {url: (version, error, claims) for url, version, error, claims in rows}


def test_a_failing_report_is_marked_with_its_reason_and_the_others_are_extracted(
    store: Store, failing_extractor: list[str]
) -> None:
    result = aggregate(stored(store), workers=0)

    assert result.reports_extracted == 3 and result.reports_failed == 1
    state = report_state(store)
    version, error, claims = state["https://example.com/poison"]
    assert version is not None and claims == 0
    assert error == "MemoryError: cannot allocate the mention table"
    for url in ("https://example.com/osimhen", "https://example.com/rice"):
        assert state[url][1] is None and state[url][2] > 0
    assert store.counts()["failed_reports"] == 1


def test_a_failed_report_is_not_retried_until_a_rebuild(
    store: Store, failing_extractor: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    aggregate(stored(store), workers=0)
    failing_extractor.clear()

    again = aggregate(store, workers=0)
    assert again.reports_extracted == 0 and failing_extractor == []

    monkeypatch.undo()  # the extractor is fixed (a new version would rebuild too)
    rebuilt = aggregate(store, rebuild=True, workers=0)
    assert rebuilt.reports_failed == 0
    assert report_state(store)["https://example.com/poison"][1:] == (None, 1)
    assert store.counts()["failed_reports"] == 0


def test_the_cli_reports_the_failure(cli: Callable[..., Result], failing_extractor: list[str]) -> None:
    rows = [{"url": url, "text": text, "published_at": "2025-01-10"} for url, text in TEXTS.items()]
    cli("import", "-", input=jsonl(rows))

    assert "extracted 3 reports (2 claims, 1 failed)" in cli("aggregate").output
    assert json.loads(cli("status", "--json").output)["counts"]["failed_reports"] == 1
