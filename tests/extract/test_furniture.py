"""Page furniture is skipped: menu lines, live badges, related-link lists and comment counts never feed a claim."""

from aggregator.extract import extract_claims
from aggregator.extract.document import prepare


def skipped(text: str, language: str = "en") -> list[str]:
    """The lines of ``text`` that the document blanks out."""
    doc = prepare(text, language=language)
    pairs = zip(text.split("\n"), doc.text.split("\n"), strict=True)
    return [line for line, kept in pairs if line and not kept.strip()]


def test_menu_badge_and_related_list_are_blanked_and_the_story_kept():
    page = (
        "Home > Sport > Football > Transfers\nTransfer news LIVE\nArsenal make offer for Jonas Berg\n"
        "Arsenal have made an offer for Jonas Berg.\nRelated stories\nSpurs sign Kevin Amoah\n"
        "Leeds agree fee for Dan Oyelaran\nComments (203)"
    )
    assert skipped(page) == [
        "Home > Sport > Football > Transfers",
        "Transfer news LIVE",
        "Related stories",
        "Spurs sign Kevin Amoah",
        "Leeds agree fee for Dan Oyelaran",
        "Comments (203)",
    ]


def test_menus_with_typographic_separators_are_blanked():
    page = "Startseite › Fußball › Bundesliga\nSport • Fußball • Transfers • Live\nDer VfL Wolfsburg holt Jan Vogt."
    assert skipped(page, "de") == ["Startseite › Fußball › Bundesliga", "Sport • Fußball • Transfers • Live"]


def test_a_related_list_ends_at_the_first_sentence():
    page = "Lesen Sie auch:\nHertha holt Jan Vogt\nDer VfB Stuttgart verhandelt mit Ole Brandt über einen Wechsel."
    assert skipped(page, "de") == ["Lesen Sie auch:", "Hertha holt Jan Vogt"]


def test_a_headline_with_a_badge_word_and_a_colon_is_the_story():
    page = "LIVE: Napoli chiudono per Dario Conti\nIl Napoli ha chiuso per Dario Conti."
    assert skipped(page, "it") == []
    assert prepare(page, language="it").title_end == len("LIVE: Napoli chiudono per Dario Conti")


def test_quotes_are_no_menu():
    page = "« Je reste », « je signe », « je pars » : Paul Mercier hésite.\nLe Stade Rennais attend sa réponse."
    assert skipped(page, "fr") == []


def test_teasers_of_other_deals_do_not_become_the_claim():
    page = (
        "Inicio | Fútbol | Fichajes\nEl Villarreal negocia con Iker Salas\nEl Villarreal negocia con el Alavés el "
        "traspaso de Iker Salas.\nNoticias relacionadas\nOficial: el Real Madrid ficha a Bruno Dantas\n"
    )
    claims = extract_claims(page, language="es")
    assert [c.player for c in claims] == ["Iker Salas"]
    assert claims[0].to_club == "Villarreal" and claims[0].stage == "talks"
