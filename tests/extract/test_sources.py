"""Cited sources: the outlets and journalists a report credits, in order, and the clubs that announced it."""

from __future__ import annotations

import pytest

from aggregator.extract import canonical_source, extract_claims


def _cited(text: str, language: str = "en", **kw: str) -> tuple[str, ...]:
    claims = extract_claims(text, language=language, **kw)
    assert claims, text
    return claims[0].cited_sources


@pytest.mark.parametrize(
    ("text", "language", "source"),
    [
        (
            "According to Fabrizio Romano, Liverpool have agreed a deal for Omar Haddad from Brighton.",
            "en",
            "Fabrizio Romano",
        ),
        ("Laut Sky hat der BVB ein Angebot für Timo Brandl vom VfL Bochum abgegeben.", "de", "Sky"),
        ("Selon L'Équipe, Lille a formulé une offre pour Yanis Belkacem, joueur de Reims.", "fr", "L'Équipe"),
        (
            "Secondo la Gazzetta dello Sport, il Milan ha offerto 20 milioni per Luca Ferretti del Bologna.",
            "it",
            "La Gazzetta dello Sport",
        ),
        ("Según Marca, el Betis ha ofrecido 10 millones por Sergio Lozano, jugador del Getafe.", "es", "Marca"),
        (
            "Aston Villa are weighing a bid for Ivo Kranjc from Hellas Verona, The Athletic are reporting.",
            "en",
            "The Athletic",
        ),
    ],
)
def test_attribution_in_five_languages(text: str, language: str, source: str) -> None:
    assert source in _cited(text, language)


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        ("Newcastle are ready to offer £40m for Brighton midfielder Jamal Ortega. (Sun)", ("The Sun",)),
        ("Everton have rejected a bid from Wolves for Jack Linton. (Times - subscription required)", ("The Times",)),
        ("Bayern Munich have made contact with Arsenal over Kai Brennan. (Bild - in German)", ("Bild",)),
        (
            "Manchester United are monitoring Lyon winger Theo Garnier. (Manchester Evening News)",
            ("Manchester Evening News",),
        ),
        ("Aston Villa have asked about Wolves striker Noah Whitcombe. (Mail)", ("Daily Mail",)),
    ],
)
def test_a_gossip_columns_closing_parentheses_credit_the_paper(text: str, sources: tuple[str, ...]) -> None:
    assert _cited(text)[: len(sources)] == sources


def test_an_outlet_named_after_a_city_is_no_club() -> None:
    claim = extract_claims(
        "Manchester United are monitoring Lyon winger Theo Garnier. (Manchester Evening News)", language="en"
    )[0]
    assert claim.to_club == "Manchester United"
    assert "Manchester Evening News" in claim.cited_sources


def test_a_chain_is_credited_in_order() -> None:
    cited = _cited(
        "Juventus want Chelsea forward Noah Whitcombe on loan. (Gazzetta dello Sport - in Italian, via Mail)"
    )
    assert cited[:2] == ("La Gazzetta dello Sport", "Daily Mail")


def test_a_word_inside_a_bigger_name_is_not_the_outlet() -> None:
    assert "Sport" not in _cited("Tottenham are in talks with Sporting over Rui Gomes, BT Sport reports.")


def test_a_journalist_credited_by_name() -> None:
    assert "Peter Marsh" in _cited("Liverpool lead the race for Sam Whitby, according to journalist Peter Marsh.")


def test_a_completed_signing_is_the_buying_clubs_announcement() -> None:
    cited = _cited("Aston Villa have completed the signing of Pablo Moreno from Real Betis, the club announced.")
    assert "Aston Villa (official)" in cited


def test_the_paper_a_gossip_item_cites_comes_first() -> None:
    claims = extract_claims("Everton are keen on Leon Hartley from Stoke City.", language="en", cited_source="the sun")
    assert claims[0].cited_sources[0] == "The Sun"


def test_canonical_names() -> None:
    assert canonical_source("Express") == "Daily Express"
    assert canonical_source("gazzetta") == "La Gazzetta dello Sport"
    assert canonical_source("nobody at all") is None
