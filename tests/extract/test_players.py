"""The player a report is about is a person: not a coach, a common word, a place or a menu entry; his name
is one key however it is ordered or spelt."""

from __future__ import annotations

import pytest

from aggregator.concepts import player_key
from aggregator.extract import extract_claims
from aggregator.extract.claims import read_report


def _players(text: str, language: str, title: str = "") -> list[str | None]:
    return [c.player for c in extract_claims(text, title=title, language=language)]


def test_a_known_coach_is_not_the_player() -> None:
    text = (
        "Pep Guardiola's side have lodged a €40m bid for Brighton winger Tomás Vidal. "
        "Pep Guardiola said he admires the winger, and Vidal is keen on the move to Manchester City."
    )
    claim = extract_claims(text, language="en")[0]
    assert (claim.player, claim.to_club) == ("Tomás Vidal", "Manchester City")


def test_a_surname_resolves_to_the_full_name_and_a_role_word_marks_a_coach() -> None:
    text = (
        "Brentford coach Paul Hendry admitted he wants more signings. Meanwhile Samuel Okafor is set to join "
        "Brentford from Lyon. Okafor has agreed personal terms and Okafor will travel to London."
    )
    claim = extract_claims(text, language="en")[0]
    assert (claim.player, claim.to_club) == ("Samuel Okafor", "Brentford")
    text = "El entrenador Iñaki Soler confirmó que el Sevilla negocia con el Betis el fichaje de Álvaro Ruiz."
    assert _players(text, "es")[0] == "Álvaro Ruiz"


def test_a_name_with_a_particle_in_the_headline() -> None:
    claims = extract_claims(
        "The Dutch defender Ruben de Wit has agreed a move to Napoli, who will pay Ajax €20m.",
        title="De Wit to Napoli: here we go",
        language="en",
    )
    assert (claims[0].player, claims[0].to_club) == ("Ruben de Wit", "Napoli")


@pytest.mark.parametrize(
    ("language", "text", "player"),
    [
        # German capitalises nouns: a number or an adjective with a noun is no name
        ("de", "Zwei Spieler verlassen den BVB. Der Abwehrchef Timo Brandt wechselt zum FC Bayern.", "Timo Brandt"),
        ("de", "Neuer Stürmer für den FC Bayern: Die Münchner holen Jonas Kellner vom VfB Stuttgart.", "Jonas Kellner"),
        ("de", "Im Klinikum Großhadern absolvierte Luca Brenner den Medizincheck für den FC Bayern.", "Luca Brenner"),
        # an English headline in title case
        ("en", "Bournemouth have made a bid for Noah Whitcombe.", "Noah Whitcombe"),
        # a first name that is also a particle elsewhere
        ("en", "Tottenham have agreed a deal to sign Ben Whitmore from Brighton.", "Ben Whitmore"),
        # family name first, hyphenated given names
        ("en", "Bayern Munich are in talks with Napoli over Kim Min-jae.", "Kim Min-jae"),
        ("en", "Son Heung-min has been offered to Juventus by Tottenham.", "Son Heung-min"),
        # Italian "a" is a preposition, not an article before a noun
        ("it", "Il Bayern Monaco è interessato a Federico Chiesa della Juventus.", "Federico Chiesa"),
    ],
)
def test_names_that_are_people(language: str, text: str, player: str) -> None:
    assert _players(text, language)[0] == player


def test_a_title_case_headline_of_common_words_is_no_name() -> None:
    claims = extract_claims(
        "Arsenal have made a huge offer for Chelsea star Noah Whitcombe.",
        title="Arsenal Make Huge Offer For Chelsea Star",
        language="en",
    )
    assert claims[0].player == "Noah Whitcombe"


def test_german_nouns_and_menu_lines_are_not_players() -> None:
    text = (
        "Externer Inhalt\nBurkina Faso\n"
        "Der FC Augsburg verpflichtet Jonas Wendt von Hertha BSC. Diese Höchstmarke zahlte der Klub noch nie."
    )
    assert _players(text, "de") == ["Jonas Wendt"]


def test_headline_greetings_and_coach_appointments_make_no_player() -> None:
    text = (
        'Tottenham posted a picture with the caption: "Welcome Jose". Jose Mourinho has agreed a deal with'
        " Tottenham. Jose is one of the most successful managers, having coached Chelsea and Inter."
    )
    assert extract_claims(text, title="Jose Mourinho appointed as Tottenham manager", language="en") == []


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


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kim Min-jae", "Min-jae Kim"),  # order
        ("Dušan Vlahović", "Dusan Vlahovic"),  # diacritics
        ("Thomas Müller", "Thomas Mueller"),  # German transliteration of umlauts
        ("Rasmus Højlund", "Rasmus Hoejlund"),
        ("Mohammed Salah", "Mohamed Salah"),  # doubled letters
    ],
)
def test_one_key_per_person_whatever_the_spelling(a: str, b: str) -> None:
    assert player_key(a) == player_key(b)


def test_different_people_keep_different_keys() -> None:
    assert player_key("Bernardo Silva") != player_key("David Silva")
    assert player_key("Luca Marino") != player_key("Luca Marini")


def test_a_german_genitive_is_the_same_player() -> None:
    text = (
        "Eintracht Frankfurt verhandelt mit dem VfB Stuttgart über Jonas Kellers Wechsel. Kellers Vertrag läuft noch "
        "bis 2027, die Ablöse für Jonas Keller soll bei 20 Millionen Euro liegen."
    )
    reading = read_report(text, language="de")
    assert [p.display for p in reading.mentions.players] == ["Jonas Keller"]
    assert len(reading.mentions.players[0].mentions) == 3


def test_a_german_article_between_capitalised_words_ends_a_name() -> None:
    text = (
        "Union Berlin verpflichtet Lukas Brenner vom SC Freiburg. Nach langem Hin und Her gab im Sommer Trainer "
        "Weber den Ausschlag, Brenner unterschreibt bis 2029."
    )
    names = [p.display for p in read_report(text, language="de").mentions.players]
    assert not any(" den " in name for name in names)
    # the same word after another particle still belongs to the name
    dutch = "Der Hamburger SV holt Rafael van der Linden von Ajax Amsterdam, van der Linden kostet drei Millionen."
    assert _players(dutch, "de")[0] == "Rafael van der Linden"
