"""An aggregate's memory is bounded whatever one article holds: only the capped part of a text is loaded and read."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from aggregator import dedup
from aggregator.aggregate import _pending_jobs
from aggregator.concepts import MAX_TEXT_CHARS
from aggregator.extract import extract_claims
from aggregator.records import ArticleRecord
from aggregator.store import Store

HUGE_BYTES = 15_000_000  # under the importer's line limit
RSS_LIMIT_MIB = 500
STORY = "Arsenal are in advanced talks with Chelsea over a 50 million euro move for Declan Rice, The Times reports. "
SMALL = [
    f"Liverpool have agreed a fee with Napoli for {player}, according to Sky Sports. He will have a medical on Tuesday."
    for player in ("Victor Osimhen", "Khvicha Kvaratskhelia", "Giovanni Di Lorenzo")
]


def rumours(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "aggregator", "--db", str(db), *args]


# Linux carries ru_maxrss over exec from the forking process (the test runner, large after many tests): a small
# launcher started fresh runs the command and reports the peak of that command alone, from its own wait4.
_LAUNCHER = """
import os, subprocess, sys
proc = subprocess.Popen(sys.argv[2:], stdout=open(sys.argv[1], "wb"), stderr=subprocess.STDOUT)
_, status, usage = os.wait4(proc.pid, 0)
print(usage.ru_maxrss // 1024)
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run_measured(argv: list[str], out: Path, timeout: float = 240) -> tuple[int, int]:
    """Run ``argv`` to the end with stdout and stderr in ``out``: (exit code, peak RSS in MiB of that process)."""
    launched = subprocess.run(
        [sys.executable, "-c", _LAUNCHER, str(out), *argv], capture_output=True, text=True, timeout=timeout
    )
    return launched.returncode, int(launched.stdout.strip() or 0)


@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss units and wait4 as on Linux")
def test_a_15_mb_article_keeps_aggregate_under_500_mb_and_the_others_are_extracted(tmp_path: Path) -> None:
    db, articles = tmp_path / "rumours.db", tmp_path / "articles.jsonl"
    rows = [{"url": "https://example.com/page-dump", "title": "Everything", "published_at": "2025-01-10"}]
    rows[0]["text"] = STORY * (HUGE_BYTES // len(STORY))
    rows += [
        {"url": f"https://example.com/small-{n}", "text": text, "published_at": "2025-01-11"}
        for n, text in enumerate(SMALL)
    ]
    articles.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    imported = subprocess.run(rumours(db, "import", str(articles)), capture_output=True, text=True, timeout=240)
    assert imported.returncode == 0 and "imported 4" in imported.stdout, imported.stdout + imported.stderr

    code, peak_mib = run_measured(rumours(db, "aggregate"), tmp_path / "aggregate.out")

    assert code == 0, (tmp_path / "aggregate.out").read_text()
    assert peak_mib < RSS_LIMIT_MIB, f"aggregate peaked at {peak_mib} MiB"
    with Store(db) as store:
        players = {r[0] for r in store.db.execute("SELECT player FROM claims")}
        pending = store.db.execute("SELECT COUNT(*) FROM reports WHERE extracted_version IS NULL").fetchone()[0]
    assert pending == 0
    assert {"Victor Osimhen", "Khvicha Kvaratskhelia", "Giovanni Di Lorenzo", "Declan Rice"} <= players


def test_reports_are_loaded_only_as_far_as_they_are_read(store: Store) -> None:
    long_text = STORY * (3 * MAX_TEXT_CHARS // len(STORY))
    with store.transaction():
        store.upsert_article(
            ArticleRecord(url="https://example.com/long", outlet="example.com", title="T" * 5000, text=long_text)
        )
    (job,) = _pending_jobs(store, after=0)
    assert job.text == long_text[:MAX_TEXT_CHARS]
    assert len(job.title) < 5000


def test_copies_and_claims_are_judged_on_the_same_capped_text() -> None:
    """Two texts alike up to the cap are copies, however they go on, and read alike: nothing past the cap counts."""
    lead = STORY * (MAX_TEXT_CHARS // len(STORY) + 1)
    one = lead + " ".join(f"word{n}" for n in range(20_000))
    other = lead + " ".join(f"other{n} Kylian Mbappe joins Real Madrid" for n in range(5_000))
    first, second = dedup.signature(one), dedup.signature(other)
    assert first is not None and second is not None
    assert first.jaccard(second) == 1.0
    assert extract_claims(one) == extract_claims(other)


@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss carried over exec as on Linux")
def test_the_peak_measured_is_the_commands_own_not_the_test_runners(tmp_path: Path) -> None:
    ballast = bytearray(600 * 1024 * 1024)  # the test runner after many tests: large
    ballast[::4096] = b"x" * len(ballast[::4096])
    code, peak_mib = run_measured([sys.executable, "-c", "print('small')"], tmp_path / "out")
    del ballast
    assert code == 0 and (tmp_path / "out").read_text().strip() == "small"
    assert peak_mib < 100
