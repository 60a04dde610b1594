"""Regrouping by transfer window: incremental runs equal a rebuild with undated reports, surname-only mentions
and updated articles in the mix, and a new report regroups only the window it falls in."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from aggregator.aggregate import aggregate
from aggregator.concepts import transfer_window
from aggregator.records import ArticleRecord
from aggregator.store import Store

PLAYERS = [("Théo", "Conti"), ("Marek", "Hollander"), ("Ivan", "Bauer")]
CLUBS = ["Arsenal", "Chelsea", "Juventus", "Bayern Munich", "Real Madrid"]
TEXTS = [
    "{to} have completed the signing of {first} {last} from {frm} for €30 million, the club announced.",
    "{to} are in advanced talks with {frm} over a move for {first} {last}, according to Sky Sports.",
    "{last} is set for a medical at {to} after {frm} accepted a bid, reports The Athletic.",
    "{to} have had a bid rejected by {frm} for {first} {last}, according to Fabrizio Romano.",
    "The move of {first} {last} from {frm} to {to} has collapsed over personal terms, reports Bild.",
    "{frm} have agreed a fee with {to} for {last}, says L'Équipe.",
]
DAYS = [
    "2022-06-03T09:00:00+00:00",
    "2022-07-21T09:00:00+00:00",
    "2022-12-02T09:00:00+00:00",
    "2023-01-20T09:00:00+00:00",
    "2023-07-01T09:00:00+00:00",
    "2023-10-30T09:00:00+00:00",
    "2023-11-02T09:00:00+00:00",
    None,
]


def story(rng: random.Random, n: int) -> ArticleRecord:
    first, last = rng.choice(PLAYERS)
    frm, to = rng.sample(CLUBS[: 2 + n % 4], 2)
    text = rng.choice(TEXTS).format(first=first, last=last, frm=frm, to=to)
    # Distinct wording per article, so no two are near-duplicates (copies are tested in test_deals_cli).
    words = ["striker", "winger", "defender", "keeper", "midfielder", "captain", "forward", "academy"]
    filler = " ".join(
        f"The {rng.choice(words)} scored {rng.randrange(99)} goals in {rng.randrange(9)} seasons." for _ in range(4)
    )
    outlet = f"outlet{rng.randrange(6)}.example"
    return ArticleRecord(
        url=f"https://{outlet}/news/{rng.randrange(40)}",  # URLs repeat: updated articles
        outlet=outlet,
        text=f"{text} {filler}",
        title="",
        language="en",
        published_at=rng.choice(DAYS),
        origin="import",
    )


def report(path: str, text: str, published: str | None) -> ArticleRecord:
    return ArticleRecord(
        url=f"https://outlet.example/{path}",
        outlet="outlet.example",
        text=text,
        published_at=published,
        language="en",
        origin="import",
    )


def snapshot(store: Store) -> list[tuple[Any, ...]]:
    deals = store.db.execute(
        """SELECT id, player, from_club, to_club, window, stage, latest_stage, status, outlets, reports,
                  first_claim_id IS NOT NULL, originator, undated_claims, run_summary FROM deals ORDER BY id"""
    ).fetchall()
    members = store.db.execute(
        """SELECT dr.deal_id, a.url, r.seq, c.seq FROM deal_reports dr JOIN claims c ON c.id = dr.claim_id
           JOIN reports r ON r.id = c.report_id JOIN articles a ON a.id = r.article_id ORDER BY 1, 2, 3, 4"""
    ).fetchall()
    return deals + members


def copy_of(rng: random.Random, original: ArticleRecord) -> ArticleRecord:
    outlet = f"wire{rng.randrange(3)}.example"
    return replace(
        original, url=f"https://{outlet}/copy/{rng.randrange(30)}", outlet=outlet, published_at=rng.choice(DAYS)
    )


@pytest.mark.parametrize("seed", range(8))
def test_incremental_batches_equal_a_rebuild(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    written: list[ArticleRecord] = []
    with Store(tmp_path / "store.db") as store:
        for n in range(12):  # batches: new articles, updated ones, copies, surname-only mentions, undated reports
            with store.transaction():
                for _ in range(rng.randint(1, 12)):
                    article = copy_of(rng, rng.choice(written)) if written and rng.random() < 0.3 else story(rng, n)
                    written.append(article)
                    store.upsert_article(article)
            aggregate(store, workers=0)
        incremental = snapshot(store)
        assert any(row[12] for row in incremental[:50] if len(row) > 4), "no deal took an undated report"
        aggregate(store, rebuild=True, workers=0)
        assert snapshot(store) == incremental


def test_a_new_report_regroups_only_its_window(tmp_path: Path) -> None:
    with Store(tmp_path / "store.db") as store:
        with store.transaction():
            for year in range(2015, 2025):  # ten summers of the same saga
                for day in range(1, 21):
                    talks = f"Juventus are in talks with Chelsea over a move for Théo Conti, report {day}."
                    store.upsert_article(report(f"{year}/{day}", talks, f"{year}-06-{day:02d}T09:00:00+00:00"))
        aggregate(store, workers=0)
        assert store.db.execute("SELECT COUNT(*) FROM deals").fetchone()[0] == 10
        with store.transaction():
            done = "Juventus have completed the signing of Théo Conti from Chelsea for €30 million."
            store.upsert_article(report("2019/new", done, "2019-07-01T09:00:00+00:00"))
        result = aggregate(store, workers=0)
        assert result.claims_regrouped == 21  # the 2019 summer's claims, not 201 across ten years
        completed = store.db.execute("SELECT window FROM deals WHERE status = 'done'").fetchall()
        assert completed == [("2019-summer",)]


@pytest.mark.parametrize(
    "published",
    [
        "2024-01-31T23:59:59+00:00",
        "2024-02-01T00:00:00+00:00",
        "2023-10-31T23:00:00+00:00",
        "2023-11-01T00:00:00+00:00",
        "2023-12-31T12:00:00+00:00",
        "2024-06-15T12:00:00+00:00",
        None,
    ],
)
def test_stored_claim_window_matches_grouping(tmp_path: Path, published: str | None) -> None:
    with Store(tmp_path / "store.db") as store:
        with store.transaction():
            store.upsert_article(
                report("a", "Juventus are in talks with Chelsea over a move for Théo Conti.", published)
            )
        aggregate(store, workers=0)
        (window,) = store.db.execute("SELECT window FROM claims").fetchone()
        assert window == transfer_window(published)


def test_a_copy_whose_original_is_rewritten_stands_on_its_own(tmp_path: Path) -> None:
    wire = (
        "Juventus have completed the signing of Théo Conti from Chelsea for 30 million euros. The midfielder passed "
        "his medical in Turin on Tuesday and signed a contract until 2029, the club said in a statement."
    )
    with Store(tmp_path / "store.db") as store:
        with store.transaction():
            store.upsert_article(report("wire/1", wire, "2024-06-10T09:00:00+00:00"))
            store.upsert_article(replace(report("x", wire, "2024-06-10T11:00:00+00:00"), url="https://b.example/1"))
        aggregate(store, workers=0)
        copies = store.db.execute("SELECT COUNT(*) FROM reports WHERE duplicate_of IS NOT NULL").fetchone()[0]
        assert copies == 1
        with store.transaction():  # the first outlet rewrites its story into another one
            rewritten = (
                "Chelsea are in talks with Napoli over a loan move for Marek Hollander, according to Sky Sports."
            )
            store.upsert_article(report("wire/1", rewritten, "2024-06-10T09:00:00+00:00"))
        aggregate(store, workers=0)
        assert store.db.execute("SELECT COUNT(*) FROM reports WHERE duplicate_of IS NOT NULL").fetchone()[0] == 0
        (first,) = store.db.execute("SELECT first_claim_id FROM deals WHERE to_club = 'Juventus'").fetchone()
        assert first is not None  # the copy left behind is now the first report of the Juventus deal


def test_an_undated_report_placed_against_a_stored_deal_lands_where_a_rebuild_puts_it(tmp_path: Path) -> None:
    collapse = "The move of Marek Hollander from Chelsea to Arsenal has collapsed over personal terms, reports Bild."
    done = "Arsenal have completed the signing of Marek Hollander from Chelsea for €30 million, the club announced."
    with Store(tmp_path / "store.db") as store:
        with store.transaction():  # one outlet reads completion; the rest say it fell through
            store.upsert_article(report("a", done, "2023-07-01T09:00:00+00:00"))
            store.upsert_article(report("b", collapse, "2023-07-03T09:00:00+00:00"))
            store.upsert_article(report("c", collapse.replace("Bild", "Sky Sports"), "2023-07-04T09:00:00+00:00"))
        aggregate(store, workers=0)
        with store.transaction():  # later, an undated collapse: it regroups the undated window only
            store.upsert_article(report("d", collapse.replace("Bild", "The Athletic"), None))
        aggregate(store, workers=0)
        incremental = snapshot(store)
        deals = store.db.execute("SELECT window, reports FROM deals ORDER BY id").fetchall()
        assert deals == [("2023-summer", 4)]
        aggregate(store, rebuild=True, workers=0)
        assert snapshot(store) == incremental
