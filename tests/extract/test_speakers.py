"""Officials and agents quoted on the record are cited sources; a role word alone, with no speech, cites nobody."""

import pytest

from aggregator.extract import extract_claims

QUOTED = [
    (
        "en",
        'Leeds United have agreed a fee with Norwich City for Oskar Lind. "He is exactly the profile we wanted," '
        "Leeds sporting director Daniel Harwood said.",
        "Daniel Harwood",
    ),
    (
        "en",
        "Everton are in talks with Feyenoord over Mats Dekker. Peter Vance, the club's chief executive, told "
        "reporters a decision would come this week.",
        "Peter Vance",
    ),
    (
        "de",
        "Der SC Freiburg verhandelt mit dem FC Basel über Noah Keller. Sportvorstand Jochen Saier bestätigte das "
        "Interesse am Dienstag.",
        "Jochen Saier",
    ),
    (
        "de",
        'Eintracht Frankfurt holt Tim Rehbein vom VfL Bochum. "Wir freuen uns sehr", sagte Trainer Dino Toppmöller.',
        "Dino Toppmöller",
    ),
    (
        "fr",
        "Le RC Lens a trouvé un accord avec Angers pour Yanis Benali. Le président Joseph Oughourlian a confirmé "
        "la nouvelle samedi.",
        "Joseph Oughourlian",
    ),
    (
        "it",
        "Il Torino ha chiuso per Matteo Gallo dal Cagliari. Il direttore sportivo Davide Vagnati ha detto che "
        "l'affare è fatto.",
        "Davide Vagnati",
    ),
    (
        "es",
        "El Real Betis negocia con el Celta el fichaje de Iván Portela. El director deportivo Manu Fajardo "
        "reconoció el interés del club.",
        "Manu Fajardo",
    ),
]


@pytest.mark.parametrize(("language", "text", "speaker"), QUOTED, ids=[q[2] for q in QUOTED])
def test_a_quoted_official_is_cited(language, text, speaker):
    claim = extract_claims(text, language=language)[0]
    assert speaker in claim.cited_sources
    assert claim.player not in (speaker,)


NOT_QUOTED = [
    ("en", "Brighton boss Fabian Hurzeler wants Jonas Lund from Ajax this summer.", "Fabian Hurzeler"),
    ("de", "Trainer Steffen Baumgart wünscht sich Lukas Hahn vom 1. FC Köln.", "Steffen Baumgart"),
    ("it", "Il presidente Aurelio De Laurentiis punta Luca Bassi dell'Empoli.", "Aurelio De Laurentiis"),
]


@pytest.mark.parametrize(("language", "text", "person"), NOT_QUOTED, ids=[q[2] for q in NOT_QUOTED])
def test_an_official_who_does_not_speak_is_not_cited(language, text, person):
    claim = extract_claims(text, language=language)[0]
    assert person not in claim.cited_sources


def test_a_club_after_a_role_word_is_no_speaker():
    text = 'Chelsea coach Enzo Maresca said: "We want Aaron Cole." Manager Crystal Palace declined to comment.'
    claim = extract_claims(text, language="en")[0]
    assert "Crystal Palace" not in claim.cited_sources
    assert "Enzo Maresca" in claim.cited_sources
