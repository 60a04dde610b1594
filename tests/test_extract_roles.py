"""Direction rules of round three: Spanish word order, places named like clubs, rival bidders, clubs that
withdraw, club-subject talks, "new striker" possessives, junk names and coach appointments (own sentences)."""

from __future__ import annotations

import pytest

from aggregator.extract import extract_claims


def main(text: str, language: str, title: str = ""):
    claims = extract_claims(text, title=title, language=language)
    assert claims, text
    return claims[0]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("El Getafe cierra el fichaje de Tomás Ribera, del Villarreal, por 12 millones de euros.", "es"),
        ("Tomás Ribera deja el Villarreal rumbo a Madrid para firmar con el Getafe.", "es"),
        ("El Villarreal acepta la oferta del Getafe por Tomás Ribera, según Marca.", "es"),
        ("Tomás Ribera llega al Getafe procedente del Villarreal.", "es"),
        ("El Getafe había presentado una oferta por Tomás Ribera que el Villarreal rechazó.", "es"),
        ("El Getafe se ha interesado por el delantero del Villarreal Tomás Ribera.", "es"),
        ("Il Villarreal accetta l'offerta del Getafe per Tomás Ribera.", "it"),
        ("Le Villarreal accepte l'offre de Getafe pour Tomás Ribera.", "fr"),
        ("Villarreal accept Getafe's offer for striker Tomás Ribera.", "en"),
        ("Der FC Villarreal akzeptiert das Angebot des FC Getafe für Tomás Ribera.", "de"),
    ],
)
def test_seller_and_buyer_read_the_right_way_round(text: str, language: str) -> None:
    c = main(text, language)
    assert (c.from_club, c.to_club) == ("Villarreal", "Getafe")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Accordo tra Juventus e Lione per Marco Ferretti. L'esterno è atteso a Torino per le visite mediche.", "it"),
        ("Juventus agree a fee with Lyon for Marco Ferretti, who is expected in Turin for his medical.", "en"),
        ("Accord entre la Juventus et Lyon pour Marco Ferretti, attendu à Turin pour la visite médicale.", "fr"),
        ("Juventus und Lyon sind sich über Marco Ferretti einig, er wird in Turin zum Medizincheck erwartet.", "de"),
        ("Acuerdo entre la Juventus y el Lyon por Marco Ferretti, que pasará el reconocimiento médico en Turín.", "es"),
    ],
)
def test_a_city_named_like_a_club_is_a_place(text: str, language: str) -> None:
    c = main(text, language)
    assert c.to_club == "Juventus"
    assert c.from_club == "Lyon"


def test_a_transfer_verb_still_governs_a_city_named_club() -> None:
    assert main("Marco Ferretti passa al Torino dal Genoa per 8 milioni.", "it").to_club == "Torino"
    assert main("Marco Ferretti a signé à Lyon, en provenance de Nantes.", "fr").to_club == "Lyon"
    assert main("Marco Ferretti ha scelto di andare a Torino: la Juventus chiude con il Genoa.", "it").to_club == (
        "Juventus"
    )


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Newcastle are confident of beating Chelsea to Benfica striker Pedro Lameira after offering £50m.", "en"),
        ("Newcastle have moved ahead of Chelsea in the race for Benfica striker Pedro Lameira.", "en"),
        ("Newcastle bieten 50 Millionen für Pedro Lameira von Benfica, trotz Konkurrenz aus Chelsea.", "de"),
        ("Newcastle veut devancer Chelsea pour Pedro Lameira, l'attaquant de Benfica.", "fr"),
        ("Il Newcastle offre 50 milioni al Benfica per Pedro Lameira, battendo la concorrenza del Chelsea.", "it"),
        ("El Newcastle quiere ganarle la partida al Chelsea por Pedro Lameira, delantero del Benfica.", "es"),
    ],
)
def test_a_rival_bidder_is_neither_seller_nor_destination(text: str, language: str) -> None:
    c = main(text, language)
    assert c.to_club == "Newcastle United"
    assert c.from_club == "Benfica"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Chelsea have pulled out of the race for Benfica striker Pedro Lameira.", "en"),
        ("Chelsea abandon their pursuit of Benfica striker Pedro Lameira.", "en"),
        ("Der FC Chelsea zieht sich aus dem Poker um Pedro Lameira von Benfica zurück.", "de"),
        ("Chelsea se retire du dossier Pedro Lameira, l'attaquant de Benfica.", "fr"),
        ("Il Chelsea si ritira dalla corsa per Pedro Lameira del Benfica.", "it"),
        ("El Chelsea se retira de la puja por Pedro Lameira, delantero del Benfica.", "es"),
    ],
)
def test_a_club_that_withdraws_has_a_collapsed_deal(text: str, language: str) -> None:
    c = main(text, language)
    assert (c.to_club, c.stage) == ("Chelsea", "collapsed")


def test_withdrawal_of_a_rival_leaves_the_main_deal_open_and_adds_its_own() -> None:
    text = (
        "Newcastle have agreed a £55m fee with Benfica for striker Pedro Lameira after Chelsea pulled out of the"
        " race last week."
    )
    claims = extract_claims(text, language="en")
    assert (claims[0].to_club, claims[0].stage) == ("Newcastle United", "agreed")
    assert any(c.to_club == "Chelsea" and c.stage == "collapsed" for c in claims[1:])


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Bayern Munich have opened talks with Stuttgart over midfielder Jonas Kellner.", "en"),
        ("Der FC Bayern verhandelt mit dem VfB Stuttgart über Jonas Kellner.", "de"),
        ("Il Bayern tratta con lo Stoccarda per il centrocampista Jonas Kellner.", "it"),
    ],
)
def test_talks_with_another_club_make_it_the_seller(text: str, language: str) -> None:
    c = main(text, language)
    assert (c.from_club, c.to_club) == ("VfB Stuttgart", "Bayern Munich")


def test_new_striker_possessive_is_the_destination() -> None:
    c = main("Tottenham's new striker Pedro Lameira had his medical in London on Friday.", "en")
    assert c.to_club == "Tottenham Hotspur"
    c = main("Il nuovo attaccante della Juventus Pedro Lameira ha svolto le visite mediche.", "it")
    assert c.to_club == "Juventus"


def test_headline_greetings_are_not_first_names() -> None:
    text = (
        'Tottenham posted a picture with the caption: "Welcome Jose". Jose Mourinho has agreed a deal with'
        " Tottenham. Jose is one of the most successful managers, having coached Chelsea and Inter."
    )
    claims = extract_claims(text, title="Jose Mourinho appointed as Tottenham manager", language="en")
    assert all(c.player not in ("Welcome Jose", "Jose") for c in claims)
    assert claims == []


@pytest.mark.parametrize(
    ("title", "language"),
    [
        ("Thomas Tuchel replaces Graham Potter as Chelsea boss", "en"),
        ("Thomas Tuchel wird neuer Trainer beim FC Chelsea", "de"),
        ("Thomas Tuchel nouvel entraîneur de Chelsea", "fr"),
        ("Thomas Tuchel è il nuovo allenatore del Chelsea", "it"),
        ("Thomas Tuchel, nuevo entrenador del Chelsea", "es"),
    ],
)
def test_coach_appointments_make_no_player_claims(title: str, language: str) -> None:
    body = "Chelsea confirmed the appointment. Striker Harry Kane scored twice against Chelsea last season."
    assert extract_claims(body, title=title, language=language) == []


def test_an_expected_agreement_is_not_asserted() -> None:
    text = (
        "Der FC Bayern hat dem VfB Stuttgart ein erstes offizielles Angebot für Jonas Kellner vorgelegt. Eine"
        " Einigung gilt als wahrscheinlich."
    )
    assert main(text, "de").stage == "bid"
