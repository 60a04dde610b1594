"""`rumours explain URL`: why a stored report was read as it was, as text and as JSON."""

from __future__ import annotations

import json
from collections.abc import Callable

from click.testing import Result

from tests.conftest import jsonl

ARTICLE = {
    "url": "https://www.example-sport.co.uk/football/ortega-fee?utm_source=feed",
    "title": "Arsenal agree Ortega fee",
    "text": (
        "Arsenal have agreed a £50m fee with Brighton for midfielder Jamal Ortega, according to Sky Sports. "
        "Brighton had rejected an earlier £40m bid. Ortega will earn £150,000 a week."
    ),
    "language": "en",
    "published_at": "2025-07-01T09:00:00+00:00",
}


def test_explain_prints_each_clubs_role_with_its_evidence(cli: Callable[..., Result]) -> None:
    cli("import", "-", input=jsonl([ARTICLE]))
    out = cli("explain", "https://www.example-sport.co.uk/football/ortega-fee").output  # tracking parameter dropped
    assert "claim 1: Jamal Ortega: Brighton & Hove Albion -> Arsenal, agreed" in out
    assert "role Arsenal: buyer" in out and "role.buyer_after 'have agreed'" in out
    assert "role Brighton & Hove Albion: seller" in out
    assert "'agreed'" in out and "stage.agreed" in out
    assert "fee: €58,000,000" in out
    assert "Sky Sports" in out


def test_explain_json_holds_mentions_roles_cues_fee_and_claims(cli: Callable[..., Result]) -> None:
    cli("import", "-", input=jsonl([ARTICLE]))
    record = json.loads(cli("explain", ARTICLE["url"], "--format", "json").output.splitlines()[0])
    assert record["language"] == "en"
    assert record["mentions"]["players"][0]["name"] == "Jamal Ortega"
    clubs = {c["club"] for c in record["mentions"]["clubs"]}
    assert {"Arsenal", "Brighton & Hove Albion"} <= clubs
    assert any(c["class"] == "stage.agreed" for c in record["mentions"]["stage_cues"])
    claim = record["claims"][0]
    assert (claim["from_club"], claim["to_club"], claim["stage"]) == ("Brighton & Hove Albion", "Arsenal", "agreed")
    assert claim["fee_kind"] == "fee" and "earlier" not in claim["fee_reason"]
    roles = {r["club"]: r for r in claim["roles"]}
    assert roles["Arsenal"]["role"] == "buyer" and roles["Arsenal"]["evidence"]


def test_explain_an_unknown_url_says_so(cli: Callable[..., Result]) -> None:
    cli("import", "-", input=jsonl([ARTICLE]))
    result = cli("explain", "https://nowhere.example/none", expect=1)
    assert "no stored article" in result.output


def test_explain_gives_the_stored_date_and_the_deal_the_report_was_read_into(cli: Callable[..., Result]) -> None:
    bids = [
        {
            "url": f"https://www.example-sport.co.uk/football/ortega-bid-{n}",
            "text": "Brighton reject Arsenal bid for Jamal Ortega.",
            "published_at": f"2025-07-0{n}T09:00:00+00:00",
        }
        for n in (1, 2)
    ]
    talks = {  # the seller read as the buyer: the window's other reports put him on his way to Arsenal
        "url": "https://www.example-sport.co.uk/news/2025/07/ortega-talks",
        "text": "Brighton are in talks with Arsenal over midfielder Jamal Ortega.",
    }
    cli("import", "-", input=jsonl([*bids, talks]))
    cli("aggregate")
    out = cli("explain", talks["url"]).output
    assert "date: 2025-07 (month, from URL)" in out
    assert "claim 1: Jamal Ortega: Arsenal -> Brighton & Hove Albion" in out  # the report read alone
    assert "read with the player's other reports, its destination is Arsenal" in out
    record = json.loads(cli("explain", talks["url"], "--format", "json").output.splitlines()[0])
    assert record["stored"]["date_precision"] == "month" and record["stored"]["date_source"] == "url"
    assert record["stored"]["deals"][0]["to_club"] == "Arsenal" and record["stored"]["deals"][0]["reread"] is True
    given = cli("explain", bids[0]["url"]).output
    assert "date: 2025-07-01T09:00:00+00:00 (given)" in given and "read with" not in given
