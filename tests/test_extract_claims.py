"""End-to-end extraction on short reports written for these tests, in English, German, French, Italian, Spanish."""

from __future__ import annotations

import pytest

from aggregator.extract import STAGE_RANK, STAGES, Claim, extract_claims, player_key

CASES = [
    # (language, title, text, player, from, to, stage)
    (
        "en",
        "Moreno joins Aston Villa",
        "Aston Villa have completed the signing of winger Pablo Moreno from Real Betis for €25million. "
        "The 23-year-old passed his medical on Tuesday, according to Sky Sports.",
        "Pablo Moreno",
        "Real Betis",
        "Aston Villa",
        "done",
    ),
    (
        "de",
        "",
        "Wie die Bild berichtet, steht Jonas Krämer vor einem Wechsel von Werder Bremen zu Eintracht Frankfurt. "
        "Der Innenverteidiger soll am Montag den Medizincheck absolvieren. Die Ablöse liegt bei 9 Millionen Euro.",
        "Jonas Krämer",
        "Werder Bremen",
        "Eintracht Frankfurt",
        "medical",
    ),
    (
        "fr",
        "",
        "Selon L'Équipe, le milieu Théo Garnier quitte le Stade Rennais pour l'OM. Les deux clubs ont trouvé "
        "un accord autour de 30 millions d'euros. Il passera sa visite médicale demain.",
        "Théo Garnier",
        "Rennes",
        "Marseille",
        "medical",
    ),
    (
        "it",
        "",
        "Secondo Sky Sport, l'attaccante Marco Rinaldi lascia il Torino per la Lazio: trattativa avviata "
        "tra i due club, i biancocelesti hanno presentato una prima offerta da 15 milioni di euro.",
        "Marco Rinaldi",
        "Torino",
        "Lazio",
        "bid",
    ),
    (
        "es",
        "",
        "Según Marca, el delantero Diego Salvatierra deja el Villarreal por el Atlético de Madrid. "
        "Los colchoneros negocian con el club castellonense una operación de 40 millones de euros.",
        "Diego Salvatierra",
        "Villarreal",
        "Atlético Madrid",
        "talks",
    ),
]


@pytest.mark.parametrize(("language", "title", "text", "player", "from_club", "to_club", "stage"), CASES)
def test_five_languages(
    language: str, title: str, text: str, player: str, from_club: str, to_club: str, stage: str
) -> None:
    claims = extract_claims(text, title=title, language=language)
    assert claims
    claim = claims[0]
    assert claim.player == player
    assert claim.to_club == to_club
    assert claim.from_club == from_club
    assert claim.stage == stage
    assert claim.cited_sources


def test_contract_surface() -> None:
    assert STAGES == ("interest", "talks", "bid", "agreed", "medical", "done", "denied", "collapsed", "exit_only")
    assert [STAGE_RANK[s] for s in STAGES[:6]] == [0, 1, 2, 3, 4, 5]
    assert len(set(STAGE_RANK.values())) == len(STAGES)
    assert player_key("Kim Min-jae") == player_key("Min-jae Kim")
    assert player_key("Dušan Vlahović") == player_key("Dusan Vlahovic")


def test_not_a_transfer_story_gives_nothing() -> None:
    assert extract_claims("The weather in Lisbon will be sunny all week, forecasters say.") == []
    assert extract_claims("") == []


def test_surname_resolves_to_full_name_and_coach_is_not_the_player() -> None:
    text = (
        "Brentford coach Paul Hendry admitted he wants more signings. Meanwhile Samuel Okafor is set to join "
        "Brentford from Lyon. Okafor has agreed personal terms and Okafor will travel to London."
    )
    claim = extract_claims(text, language="en")[0]
    assert claim.player == "Samuel Okafor"
    assert claim.to_club == "Brentford"


def test_headline_surname_story() -> None:
    claims = extract_claims(
        "The Dutch defender Ruben de Wit has agreed a move to Napoli, who will pay Ajax €20m.",
        title="De Wit to Napoli: here we go",
        language="en",
    )
    assert claims[0].player == "Ruben de Wit"
    assert claims[0].to_club == "Napoli"
    assert STAGE_RANK[claims[0].stage] >= STAGE_RANK["agreed"]


@pytest.mark.parametrize(
    ("text", "language", "stage"),
    [
        ("Newcastle United's bid for Ivan Petrov was rejected by Benfica.", "en", "bid"),
        ("Talks between Chelsea and Porto over Rui Gomes have stalled.", "en", "talks"),
        (
            "Der Wechsel von Lars Hoffmann zum Hamburger SV ist geplatzt, Hertha BSC erteilte eine Absage.",
            "de",
            "collapsed",
        ),
        ("Le Paris FC dément tout contact avec Karim Haddad, annoncé proche de Nantes.", "fr", "denied"),
        ("Fabio Conti ha svolto le visite mediche con la Roma, arrivando dal Genoa.", "it", "medical"),
        ("Álvaro Ruiz pasó el reconocimiento médico con el Sevilla tras dejar el Celta.", "es", "medical"),
        ("Here we go! Nico Brandt to Bayer Leverkusen from Hoffenheim, agreement done.", "en", "agreed"),
    ],
)
def test_stages(text: str, language: str, stage: str) -> None:
    assert extract_claims(text, language=language)[0].stage == stage


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
def test_cited_sources(text: str, language: str, source: str) -> None:
    assert source in extract_claims(text, language=language)[0].cited_sources


def test_cited_source_argument_is_normalised_and_first() -> None:
    claim = extract_claims("Everton are keen on Leon Hartley from Stoke City.", language="en", cited_source="the sun")[
        0
    ]
    assert claim.cited_sources[0] == "The Sun"


def test_two_deals_give_two_claims() -> None:
    text = (
        "Brighton have sold midfielder Tomás Lindqvist to Borussia Dortmund for €30million. "
        "In a separate deal, defender Callum Price is signing for Leeds United from Brighton for €6million."
    )
    claims = extract_claims(text, language="en")
    assert len(claims) >= 2
    assert claims[0].player == "Tomás Lindqvist"
    assert claims[0].to_club == "Borussia Dortmund"
    second = {c.player: c for c in claims[1:]}
    assert "Callum Price" in second
    assert second["Callum Price"].to_club == "Leeds United"


def test_claim_is_frozen() -> None:
    claim = Claim("A B", "a b", None, None, None, None, "interest", ())
    with pytest.raises(AttributeError):
        claim.stage = "done"  # type: ignore[misc]
