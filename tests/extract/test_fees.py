"""Fee parsing: currencies, number words, ranges, base vs add-ons, salaries and free transfers."""

from __future__ import annotations

import pytest

from aggregator.extract import extract_claims
from aggregator.extract.fees import find_fees
from aggregator.extract.phrasebook import phrasebook
from aggregator.extract.text import fold


def fee_values(text: str, language: str = "en") -> list[tuple[float, str]]:
    return [(f.eur, f.kind) for f in find_fees(fold(text).lower(), phrasebook(language))]


@pytest.mark.parametrize(
    ("text", "language", "eur"),
    [
        ("a fee of €12.5million", "en", 12_500_000),
        ("für 6,5 Millionen Euro", "de", 6_500_000),
        ("um die sieben Millionen Euro Ablöse", "de", 7_000_000),
        ("contre 40 millions d'euros", "fr", 40_000_000),
        ("per 100 milioni", "it", 100_000_000),
        ("por 80 millones de euros", "es", 80_000_000),
        ("CHF 10 Mio.", "de", 10_400_000),
        ("a $20 million deal", "en", 18_400_000),
        ("a £50m switch", "en", 58_000_000),
        ("a fee of 60m", "en", 60_000_000),
    ],
)
def test_amounts_in_five_languages(text: str, language: str, eur: float) -> None:
    values = fee_values(text, language)
    assert values, text
    assert values[0][0] == pytest.approx(eur)


def test_salary_and_signing_fee_are_not_transfer_fees() -> None:
    kinds = {kind for _, kind in fee_values("He will earn £200,000 a week and a €3m signing-on fee.")}
    assert "fee" not in kinds
    assert fee_values("un ingaggio da 4 milioni a stagione", "it")[0][1] == "salary"


def test_ranges_become_midpoint_range() -> None:
    assert fee_values("zwischen 20 und 30 Millionen Euro", "de") == [(25_000_000, "range")]
    assert fee_values("between €40m and €50m") == [(45_000_000, "range")]


def test_base_fee_beats_total_with_add_ons() -> None:
    text = (
        "Girona have agreed to sell Marco Ferri to Sevilla. Sevilla will pay 18 milioni più 4 di bonus, "
        "per un totale di 22 milioni di euro, secondo Sky Sport."
    )
    claim = extract_claims(text, language="it")[0]
    assert claim.fee_eur == pytest.approx(18_000_000)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Jonas Weber wechselt ablösefrei vom SC Freiburg zum VfB Stuttgart.", "de"),
        ("Tom Hardy joins Fulham on a free transfer after leaving Burnley.", "en"),
        ("Luca Bianchi passa al Napoli a parametro zero dal Torino.", "it"),
        ("Hugo Martin rejoint l'OL libre de tout contrat après son départ de Lens.", "fr"),
    ],
)
def test_free_transfer_is_zero(text: str, language: str) -> None:
    assert extract_claims(text, language=language)[0].fee_eur == 0.0
