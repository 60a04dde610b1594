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
