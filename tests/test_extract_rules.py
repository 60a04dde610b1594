"""Second-round extraction rules on sentences written for these tests: roles, attribution, hedges, free transfers."""

from __future__ import annotations

import pytest

from aggregator.extract import extract_claims
from aggregator.extract.scan import CueScanner, literal_prefixes, word_trie


def _main(text: str, language: str, title: str = ""):
    claims = extract_claims(text, title=title, language=language)
    assert claims, text
    return claims[0]


def test_known_coach_is_not_the_player() -> None:
    text = (
        "Pep Guardiola's side have lodged a €40m bid for Brighton winger Tomás Vidal. "
        "Pep Guardiola said he admires the winger, and Vidal is keen on the move to Manchester City."
    )
    claim = _main(text, "en")
    assert claim.player == "Tomás Vidal"
    assert claim.to_club == "Manchester City"


def test_offer_to_a_club_marks_the_seller() -> None:
    text = "Chelsea have submitted an offer to Fulham for midfielder Ruben Castell, according to Sky Sports."
    claim = _main(text, "en")
    assert (claim.from_club, claim.to_club) == ("Fulham", "Chelsea")
    assert claim.stage == "bid"


def test_another_players_move_in_the_same_sentence_is_not_the_destination() -> None:
    text = (
        "Arsenal have had their first bid for Marco Velloni rejected by Everton. "
        "Arsenal stepped up their interest in Velloni after Jonas Brekke agreed to join Barcelona on a free transfer."
    )
    claim = _main(text, "en", title="Arsenal bid for Velloni rejected")
    assert claim.player == "Marco Velloni"
    assert claim.to_club == "Arsenal"
    assert claim.fee_eur != 0.0


@pytest.mark.parametrize(
    ("language", "text", "stage"),
    [
        ("it", "La Lazio segue Luca Ferraresi del Torino, ma non è arrivata nessuna offerta ufficiale.", "interest"),
        (
            "en",
            "Everton are prepared to offer Leeds a fee for striker Sam Whitby, who is also linked with Fulham.",
            "interest",
        ),
        (
            "it",
            "Piero Sandri del Genoa piace all'Atalanta: in caso di addio a gennaio sarebbe il primo obiettivo.",
            "interest",
        ),
        ("de", "Lukas Brandner hat wohl beim VfB Stuttgart unterschrieben, meldet der Kicker.", "agreed"),
    ],
)
def test_hedged_prospective_and_negated_cues(language: str, text: str, stage: str) -> None:
    assert _main(text, language).stage == stage


def test_new_player_of_is_the_destination_fr() -> None:
    text = "En fin de contrat avec Lille, Hugo Marchal va devenir un nouveau joueur du Stade Rennais ce lundi."
    claim = _main(text, "fr")
    assert (claim.from_club, claim.to_club) == ("Lille", "Rennes")


def test_no_fee_wording_is_a_free_transfer_de() -> None:
    text = (
        "Der Wechsel von Tim Kessler vom SC Freiburg zu Borussia Dortmund ist perfekt. "
        "Der BVB muss keine Ablöse zahlen."
    )
    claim = _main(text, "de")
    assert claim.to_club == "Borussia Dortmund"
    assert claim.fee_eur == 0.0


def test_german_nouns_and_menu_lines_are_not_players() -> None:
    text = (
        "Externer Inhalt\nBurkina Faso\n"
        "Der FC Augsburg verpflichtet Jonas Wendt von Hertha BSC. Diese Höchstmarke zahlte der Klub noch nie."
    )
    claims = extract_claims(text, language="de")
    assert [c.player for c in claims] == ["Jonas Wendt"]


def test_spanish_coach_word_before_name_es() -> None:
    text = "El entrenador Iñaki Soler confirmó que el Sevilla negocia con el Betis el fichaje de Álvaro Ruiz."
    claim = _main(text, "es")
    assert claim.player == "Álvaro Ruiz"


def test_scanner_matches_like_finditer() -> None:
    patterns = {"a": r"offer(ed)?|bid\b|(has|have) joined", "b": r"medical|visite m[eé]dicale|\d+ ans"}
    scanner = CueScanner(patterns)
    text = "they offered a bid, he has joined after a medical; visite medicale a 23 ans, bidding"
    found = scanner.scan(text)
    for name, pattern in scanner.full.items():
        assert [m.span() for m in found[name]] == [m.span() for m in pattern.finditer(text)]


def test_literal_prefixes_and_word_trie() -> None:
    assert literal_prefixes(r"(has|have) joined") == {"has ", "have"}
    assert literal_prefixes(r".*x") is None
    import re

    words = ["un", "uno", "una", "dos", "diez"]
    pattern = re.compile(word_trie(words))
    assert all(pattern.fullmatch(w) for w in words)
    assert not pattern.fullmatch("u")


def test_the_headline_bid_is_the_story_when_the_body_lists_a_rivals_earlier_bids() -> None:
    text = (
        "Aston Villa have rejected Newcastle United's £45m bid for Jacob Harlow.\n"
        "Newcastle offered £40m up front plus £5m in add-ons for the England midfielder. Tottenham are still "
        "pushing to sign Harlow and Villa expect a third bid from Tottenham after two offers were turned down. "
        "Tottenham's first offer for Harlow came on June 2, Tottenham's second offer for Harlow on June 9. "
        "Tottenham had a club-record £42m bid for Harlow turned down last week."
    )
    claim = _main(text, "en")
    assert (claim.from_club, claim.to_club) == ("Aston Villa", "Newcastle United")


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
    ],
)
def test_a_club_he_played_for_in_the_past_is_not_the_seller(text: str, expected: tuple[str, str]) -> None:
    claim = _main(text, "en")
    assert (claim.from_club, claim.to_club) == expected


def test_interest_of_a_club_marks_a_bidder_and_the_club_to_convince_the_seller() -> None:
    text = (
        "Sevilla would have reached an agreement with Arsenal for the transfer of Pablo Iriarte in January. "
        "We know the interest of Juventus, who want a new centre forward. Arsenal made an offer of around 50 "
        "million to convince Sevilla, and according to reports Sevilla would have accepted the offer."
    )
    claim = _main(text, "en")
    assert (claim.from_club, claim.to_club) == ("Sevilla", "Arsenal")


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
    assert _main(text, language).to_club == to_club


def test_a_hedged_offer_and_a_farewell_mark_bidder_and_seller() -> None:
    text = (
        "Arsenal have been dealt a blow in the race for Pavel Novak, who waved goodbye to Sparta Prague fans on "
        "Sunday.\nThe Gunners are said to have offered £40 million for the striker. Sparta had hoped to persuade "
        "him to extend his contract, and he has scored 20 goals for Sparta this season."
    )
    claim = _main(text, "en")
    assert (claim.from_club, claim.to_club) == ("Sparta Prague", "Arsenal")


@pytest.mark.parametrize(
    ("language", "text", "direction"),
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
    language: str, text: str, direction: tuple[str, str]
) -> None:
    claim = _main(text, language)
    assert (claim.from_club, claim.to_club) == direction
    assert claim.stage == "collapsed"


def test_the_club_a_player_is_borrowed_from_owns_him() -> None:
    from aggregator.extract import _prepare, find_clubs, mention_cues

    doc = _prepare("Timo Brandt ist noch von Bayer Leverkusen nach Mainz ausgeliehen.", "", "de")
    clubs = find_clubs(doc.folded, doc.toks, doc.words)
    cues = dict(zip((m.club for m in clubs), mention_cues(doc.low, clubs, "de"), strict=True))
    to, frm, role, _ = cues["Bayer Leverkusen"]
    assert (to, frm, role) == (0.0, 1.0, "")


def test_a_gentlemans_agreement_is_no_agreement_between_clubs() -> None:
    text = (
        "Aston Villa have rejected Newcastle United's £45m bid for Jacob Harlow. Villa's chairman said a "
        "gentleman's agreement means Harlow can leave this summer if the valuation is met."
    )
    assert _main(text, "en").stage == "bid"
