"""Whole reports in five languages give one claim per deal, with the stable contract the store relies on."""

from __future__ import annotations

import pytest

from aggregator.extract import STAGE_RANK, STAGES, Claim, extract_claims

from .cases import Case, check

FIVE_LANGUAGES = [
    (
        "en",
        Case(
            "Aston Villa have completed the signing of winger Pablo Moreno from Real Betis for €25million. "
            "The 23-year-old passed his medical on Tuesday, according to Sky Sports.",
            "Pablo Moreno",
            "Real Betis",
            "Aston Villa",
            "done",
            title="Moreno joins Aston Villa",
            cited=("Sky Sports",),
        ),
    ),
    (
        "de",
        Case(
            "Wie die Bild berichtet, steht Jonas Krämer vor einem Wechsel von Werder Bremen zu Eintracht Frankfurt. "
            "Der Innenverteidiger soll am Montag den Medizincheck absolvieren. Die Ablöse liegt bei 9 Millionen Euro.",
            "Jonas Krämer",
            "Werder Bremen",
            "Eintracht Frankfurt",
            "medical",
            fee_eur=9_000_000,
            cited=("Bild",),
        ),
    ),
    (
        "fr",
        Case(
            "Selon L'Équipe, le milieu Théo Garnier quitte le Stade Rennais pour l'OM. Les deux clubs ont trouvé "
            "un accord autour de 30 millions d'euros. Il passera sa visite médicale demain.",
            "Théo Garnier",
            "Rennes",
            "Marseille",
            "medical",
            cited=("L'Équipe",),
        ),
    ),
    (
        "it",
        Case(
            "Secondo Sky Sport, l'attaccante Marco Rinaldi lascia il Torino per la Lazio: trattativa avviata "
            "tra i due club, i biancocelesti hanno presentato una prima offerta da 15 milioni di euro.",
            "Marco Rinaldi",
            "Torino",
            "Lazio",
            "bid",
            fee_eur=15_000_000,
            cited=("Sky Sport",),
        ),
    ),
    (
        "es",
        Case(
            "Según Marca, el delantero Diego Salvatierra deja el Villarreal por el Atlético de Madrid. "
            "Los colchoneros negocian con el club castellonense una operación de 40 millones de euros.",
            "Diego Salvatierra",
            "Villarreal",
            "Atlético Madrid",
            "talks",
            cited=("Marca",),
        ),
    ),
]


@pytest.mark.parametrize(("language", "case"), FIVE_LANGUAGES, ids=[lang for lang, _ in FIVE_LANGUAGES])
def test_a_report_in_each_language(language: str, case: Case) -> None:
    check(case, language)


def test_contract_surface() -> None:
    assert STAGES == ("interest", "talks", "bid", "agreed", "medical", "done", "denied", "collapsed", "exit_only")
    assert [STAGE_RANK[s] for s in STAGES[:6]] == [0, 1, 2, 3, 4, 5]
    assert len(set(STAGE_RANK.values())) == len(STAGES)


def test_not_a_transfer_story_gives_nothing() -> None:
    assert extract_claims("The weather in Lisbon will be sunny all week, forecasters say.") == []
    assert extract_claims("") == []


def test_two_deals_give_two_claims() -> None:
    text = (
        "Brighton have sold midfielder Tomás Lindqvist to Borussia Dortmund for €30million. "
        "In a separate deal, defender Callum Price is signing for Leeds United from Brighton for €6million."
    )
    claims = extract_claims(text, language="en")
    assert len(claims) >= 2
    assert (claims[0].player, claims[0].to_club) == ("Tomás Lindqvist", "Borussia Dortmund")
    second = {c.player: c for c in claims[1:]}
    assert second["Callum Price"].to_club == "Leeds United"


def test_claim_is_frozen() -> None:
    claim = Claim("A B", "a b", None, None, None, None, "interest", ())
    with pytest.raises(AttributeError):
        claim.stage = "done"  # type: ignore[misc]


def test_a_claim_keeps_every_club_it_names_with_its_side_for_grouping() -> None:
    text = (
        "Brentford have completed the signing of Swedish forward Jonas Lindqvist from Hammarby for £12m. "
        "Celtic had also watched him, and he began his career at IK Sirius."
    )
    (claim, *_) = extract_claims(text, language="en")
    sides = {s.club: s for s in claim.clubs}
    assert sides["Brentford"].role == "buyer" and sides["Brentford"].net_buyer >= 1.0
    assert sides["Hammarby"].role == "seller" and sides["Hammarby"].net_seller > 0
    assert all(s.net_buyer < sides["Brentford"].net_buyer for c, s in sides.items() if c != "Brentford")
