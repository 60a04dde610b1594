"""Which side each club is on: the destination is the buyer's, never the seller's, and a club from the story's
background (a former club, a rival bidder, a city, another player's move) is neither."""

from __future__ import annotations

import pytest

from aggregator.extract import extract_claims, read_report
from aggregator.extract.roles import Role


def _move(text: str, language: str, title: str = "") -> tuple[str | None, str | None]:
    claims = extract_claims(text, title=title, language=language)
    assert claims, text
    return claims[0].from_club, claims[0].to_club


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
    assert _move(text, language) == ("Villarreal", "Getafe")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Brighton have rejected Wolves' £38m bid for Jamal Ortega.", "en"),  # the seller rejects the buyer's bid
        ("Brighton's Jamal Ortega is wanted by Wolves.", "en"),  # the seller's possessive before the player
        ("Wolves want Jamal Ortega (Brighton) this summer.", "en"),  # the club in brackets after his name
        ("Brighton midfielder Jamal Ortega has agreed personal terms with Wolves.", "en"),
        ("Chelsea have submitted an offer to Brighton for Jamal Ortega.", "en"),  # an offer *to* a club
    ],
)
def test_the_owner_is_the_seller(text: str, language: str) -> None:
    seller, buyer = _move(text, language)
    assert seller == "Brighton & Hove Albion"
    assert buyer != "Brighton & Hove Albion"


def test_a_german_genitive_owns_the_player() -> None:
    assert _move("Bayerns Jonas Kellner steht vor einem Wechsel zu Borussia Dortmund.", "de") == (
        "Bayern Munich",
        "Borussia Dortmund",
    )


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
    assert _move(text, language) == ("Lyon", "Juventus")


def test_a_transfer_verb_still_governs_a_city_named_club() -> None:
    assert _move("Marco Ferretti passa al Torino dal Genoa per 8 milioni.", "it")[1] == "Torino"
    assert _move("Marco Ferretti a signé à Lyon, en provenance de Nantes.", "fr")[1] == "Lyon"
    assert _move("Marco Ferretti ha scelto di andare a Torino: la Juventus chiude con il Genoa.", "it")[1] == "Juventus"


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
    assert _move(text, language) == ("Benfica", "Newcastle United")


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
    claim = extract_claims(text, language=language)[0]
    assert (claim.to_club, claim.stage) == ("Chelsea", "collapsed")


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
def test_without_other_evidence_the_other_party_to_a_clubs_talks_sells(text: str, language: str) -> None:
    assert _move(text, language) == ("VfB Stuttgart", "Bayern Munich")


def test_a_new_striker_of_a_club_is_its_signing() -> None:
    assert _move("Tottenham's new striker Pedro Lameira had his medical in London on Friday.", "en")[1] == (
        "Tottenham Hotspur"
    )
    assert _move("Il nuovo attaccante della Juventus Pedro Lameira ha svolto le visite mediche.", "it")[1] == "Juventus"
    assert _move("En fin de contrat avec Lille, Hugo Marchal va devenir un nouveau joueur du Stade Rennais.", "fr") == (
        "Lille",
        "Rennes",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chelsea are considering a move for Tomas Ledecky this month. Chelsea tracked the striker during his "
            "time at Sparta Prague before he chose to join Feyenoord, and Feyenoord see Ledecky as a key player.",
            ("Feyenoord", "Chelsea"),
        ),
        (
            "Everton are in talks to sign Marco Velloni. The forward scored 30 goals during his time at Sampdoria "
            "and Atalanta want 30 million euros for him.",
            ("Atalanta", "Everton"),
        ),
        # a move of years ago: the club he joined then owns him now, the one he left is a former club
        (
            "Leeds United want Oskar Lind this summer. Lind joined Hoffenheim from Malmö in 2021 and has two years "
            "left on his contract.",
            ("TSG Hoffenheim", "Leeds United"),
        ),
    ],
)
def test_a_club_he_played_for_in_the_past_is_not_the_seller(text: str, expected: tuple[str, str]) -> None:
    assert _move(text, "en") == expected


def test_another_players_move_in_the_same_report_is_not_the_destination() -> None:
    text = (
        "Arsenal have had their first bid for Marco Velloni rejected by Everton. "
        "Arsenal renewed their interest in Velloni once Jonas Brekke had left for Barcelona without a fee."
    )
    claim = extract_claims(text, title="Arsenal bid for Velloni rejected", language="en")[0]
    assert (claim.player, claim.to_club) == ("Marco Velloni", "Arsenal")
    assert claim.fee_eur != 0.0


def test_the_headline_bid_is_the_story_when_the_body_lists_a_rivals_bids() -> None:
    text = (
        "Villarreal have turned down Real Betis' €25m offer for Tomás Ribera.\n"
        "Betis offered €22m up front with €3m in bonuses for the forward. Sevilla remain keen on Ribera and "
        "expect to make a second offer of their own. Sevilla's first approach for Ribera came in May, and a "
        "second Sevilla proposal for Ribera was turned down in June."
    )
    assert _move(text, "en") == ("Villarreal", "Real Betis")


def test_interest_of_a_club_marks_a_bidder_and_the_club_to_convince_the_seller() -> None:
    text = (
        "Lazio are close to an agreement with Valencia over Pablo Iriarte. Juventus are also interested, "
        "but Lazio have offered €15m to convince Valencia, and Valencia are reported to have accepted."
    )
    assert _move(text, "en") == ("Valencia", "Lazio")


@pytest.mark.parametrize(
    ("language", "text", "to_club"),
    [
        (
            "en",
            "Lukas Brandner has already signed a contract with Borussia Dortmund and will leave Freiburg.",
            "Borussia Dortmund",
        ),
        (
            "fr",
            "Hugo Ferrand a déjà signé son contrat avec l'Olympique Lyonnais et quittera le FC Nantes en juin.",
            "Lyon",
        ),
        ("es", "Diego Almeida ya ha firmado su contrato con el Sevilla y dejará el Valencia en verano.", "Sevilla"),
        ("it", "Marco Velloni ha già firmato il contratto con la Lazio e lascerà il Torino a giugno.", "Lazio"),
    ],
)
def test_a_signed_contract_names_the_destination(language: str, text: str, to_club: str) -> None:
    assert _move(text, language)[1] == to_club


def test_a_hedged_offer_and_a_farewell_mark_bidder_and_seller() -> None:
    text = (
        "Pavel Novak said goodbye to the Sparta Prague supporters after Sunday's game.\nArsenal are reported to "
        "have offered £40 million for the striker. Sparta wanted to keep him and offered him a new contract."
    )
    assert _move(text, "en") == ("Sparta Prague", "Arsenal")


@pytest.mark.parametrize(
    ("language", "text", "move"),
    [
        (
            "de",
            "Die Kaufoption wird nicht gezogen: Werder Bremen verabschiedet Jonas Keller. Der Verteidiger kehrt "
            "damit zum VfL Wolfsburg zurück, Werder fehlt das Geld.",
            ("VfL Wolfsburg", "Werder Bremen"),
        ),
        (
            "en",
            "Fulham will not take up their option to buy Sam Whitby, and the striker returns to Leeds United at "
            "the end of the season.",
            ("Leeds United", "Fulham"),
        ),
        (
            "fr",
            "Le Stade Rennais ne lèvera pas l'option d'achat de Hugo Ferrand, qui retournera au FC Nantes cet été.",
            ("Nantes", "Rennes"),
        ),
        (
            "it",
            "Il Torino non riscatterà Marco Velloni: l'attaccante torna all'Atalanta a fine stagione.",
            ("Atalanta", "Torino"),
        ),
        (
            "es",
            "El Betis no ejercerá la opción de compra de Diego Almeida, que vuelve al Valencia en verano.",
            ("Valencia", "Real Betis"),
        ),
    ],
)
def test_a_loan_ending_without_the_option_to_buy_is_the_loan_clubs_collapsed_deal(
    language: str, text: str, move: tuple[str, str]
) -> None:
    claim = extract_claims(text, language=language)[0]
    assert ((claim.from_club, claim.to_club), claim.stage) == (move, "collapsed")


def test_the_club_a_player_is_borrowed_from_owns_him() -> None:
    reading = read_report("Timo Brandt ist noch von Bayer Leverkusen nach Mainz ausgeliehen.", language="de")
    leverkusen = next(r for r in reading.club_readings if r.mention.club == "Bayer Leverkusen")
    assert (leverkusen.buyer, leverkusen.seller, leverkusen.side) == (0.0, 1.0, None)
    roles = {r.club: r.role for r in reading.claims[0].sides.roles}
    assert roles["Bayer Leverkusen"] is Role.SELLER


@pytest.mark.parametrize(
    ("text", "language", "to_club"),
    [
        ("Liverpool and Manchester City are monitoring Bournemouth forward Tariq Osei.", "en", "Liverpool"),
        ("Der BVB und der FC Bayern beobachten Stuttgarts Abwehrchef Jonas Meier.", "de", "Borussia Dortmund"),
        ("Bournemouth and Liverpool have agreed a fee for Tariq Osei.", "en", "Liverpool"),  # both parties agree
    ],
)
def test_clubs_listed_together_share_the_verb_that_follows_them(text: str, language: str, to_club: str) -> None:
    assert extract_claims(text, language=language)[0].to_club == to_club


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("Everton are close to completing the signing of Ipswich striker Liam Dorsey.", "agreed"),
        ("Barcelona have reached an agreement with Athletic Club winger Iker Lasa over personal terms.", "talks"),
        ("Barcelona have reached an agreement with Athletic Club for Iker Lasa; personal terms are next.", "agreed"),
    ],
)
def test_what_an_agreement_is_about_and_a_completion_underway(text: str, stage: str) -> None:
    assert extract_claims(text, language="en")[0].stage == stage


@pytest.mark.parametrize(
    ("text", "language", "from_club"),
    [
        ("Il Torino pensa a Luca Bassi dell'Empoli per la fascia sinistra.", "it", "Empoli"),
        ("Rennes suit Hugo Lambert, du Stade Brestois, qui a quitté Guingamp il y a deux ans.", "fr", "Brest"),
        ("Brentford are keen on Jonas Lund of Ajax as a replacement.", "en", "Ajax"),
    ],
)
def test_a_club_joined_to_the_name_by_a_genitive_owns_the_player(text: str, language: str, from_club: str) -> None:
    assert extract_claims(text, language=language)[0].from_club == from_club
