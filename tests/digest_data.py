"""Test data for digest, serve and browser tests: a store with articles, claims and deals inserted directly."""

from __future__ import annotations

import json

from aggregator.records import ArticleRecord
from aggregator.store import Store

XSS_TITLE = "<script>alert(1)</script>"
XSS_ATTR = '"><img src=x onerror=alert(1)>'
DAY = "2024-06-03"

ARTICLES = [
    # (url, outlet, title, published_at, player, from, to, stage, fee, cited)
    (
        "https://www.bild.de/sport/rice-1",
        "bild",
        XSS_TITLE,
        "2024-06-02T08:00:00+00:00",
        "Declan Rice",
        "West Ham United",
        "Arsenal",
        "talks",
        90e6,
        [],
    ),
    (
        "https://www.theguardian.com/football/rice-2",
        "theguardian",
        XSS_ATTR,
        "2024-06-03T09:00:00+00:00",
        "Declan Rice",
        "West Ham United",
        "Arsenal",
        "bid",
        100e6,
        ["Bild"],
    ),
    (
        "https://www.skysports.com/rice-3",
        "skysports",
        "Rice: Arsenal bid accepted",
        "2024-06-03T11:30:00+00:00",
        "Declan Rice",
        "West Ham United",
        "Arsenal",
        "agreed",
        105e6,
        ["Bild"],
    ),
    (
        "https://www.kicker.de/kane-1",
        "kicker",
        "Kane-Poker: Bayern legt nach",
        "2024-06-03T07:00:00+00:00",
        "Harry Kane",
        "Tottenham Hotspur",
        "Bayern Munich",
        "interest",
        None,
        [],
    ),
    (
        "javascript:alert(1)//x",
        "evil",
        "javascript link",
        "2024-06-03T12:00:00+00:00",
        "Harry Kane",
        "Tottenham Hotspur",
        "Bayern Munich",
        "interest",
        None,
        [],
    ),
    (
        "https://www.marca.com/old-1",
        "marca",
        "Old news",
        "2024-05-01T07:00:00+00:00",
        "Kylian Mbappé",
        "Paris Saint-Germain",
        "Real Madrid",
        "agreed",
        None,
        [],
    ),
]


def fill(store: Store) -> None:
    """Articles via the store's API, then claims, deals and deal_reports rows as aggregate would write them."""
    claim_ids: dict[str, list[int]] = {}
    for url, outlet, title, published, player, frm, to, stage, fee, cited in ARTICLES:
        safe = "https://evil.example/x" if url.startswith("javascript:") else url
        store.upsert_article(
            ArticleRecord(
                url=safe,
                text=f"{title}. {player} transfer story body.",
                title=title,
                published_at=published,
                outlet=outlet,
                language="en",
            )
        )
        with store.transaction() as db:
            article_id = db.execute("SELECT MAX(id) FROM articles").fetchone()[0]
            report_id = db.execute("SELECT id FROM reports WHERE article_id = ?", [article_id]).fetchone()[0]
            db.execute("UPDATE articles SET url = ? WHERE id = ?", [url, article_id])
            cur = db.execute(
                """INSERT INTO claims (report_id, seq, player, player_key, from_club, to_club, fee_eur, stage,
                   cited_sources) VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?)""",
                [report_id, player, player.lower(), frm, to, fee, stage, json.dumps(cited)],
            )
            claim_ids.setdefault(player, []).append(cur.lastrowid)
    deals = [
        (
            "declan-rice-arsenal-2024-summer",
            "Declan Rice",
            "West Ham United",
            "Arsenal",
            "agreed",
            90e6,
            105e6,
            3,
            "Bild",
        ),
        (
            "harry-kane-bayern-munich-2024-summer",
            "Harry Kane",
            "Tottenham Hotspur",
            "Bayern Munich",
            "interest",
            None,
            None,
            2,
            None,
        ),
        (
            "kylian-mbappe-real-madrid-2024-summer",
            "Kylian Mbappé",
            "Paris Saint-Germain",
            "Real Madrid",
            "agreed",
            None,
            None,
            1,
            None,
        ),
    ]
    with store.transaction() as db:
        for deal_id, player, frm, to, stage, fmin, fmax, outlets, originator in deals:
            ids = claim_ids[player]
            db.execute(
                """INSERT INTO deals (id, player, player_key, from_club, to_club, window, stage, latest_stage,
                   latest_stage_at, fee_eur, fee_min_eur, fee_max_eur, outlets, reports, first_claim_id,
                   first_published_at, status, originator, originator_claim_id)
                   VALUES (?, ?, ?, ?, ?, '2024-summer', ?, ?, NULL, ?, ?, ?, ?, ?, ?, NULL, 'open', ?, ?)""",
                [
                    deal_id,
                    player,
                    player.lower(),
                    frm,
                    to,
                    stage,
                    stage,
                    fmax,
                    fmin,
                    fmax,
                    outlets,
                    len(ids),
                    ids[0],
                    originator,
                    ids[1] if originator else None,
                ],
            )
            for cid in ids:
                db.execute("INSERT INTO deal_reports (deal_id, claim_id) VALUES (?, ?)", [deal_id, cid])
