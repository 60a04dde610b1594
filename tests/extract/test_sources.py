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


# --- the registry: outlets and journalists of five football presses ------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "source"),
    [
        ("Leeds are monitoring Hull winger Tom Briggs, according to the Yorkshire Evening Post.", "en", None),
        ("Leicester City want Stoke midfielder Ollie Pender, the Leicester Mercury reports.", "en", None),
        ("Aston Villa have asked about Wolves striker Noah Whitcombe, reports the Birmingham Mail.", "en", None),
        ("Newcastle are keen on Lille winger Theo Garnier, says Football365.", "en", None),
        ("Laut Kölner Stadt-Anzeiger hat der 1. FC Köln ein Angebot für Timo Brandl abgegeben.", "de", None),
        ("Wie die Westfälische Nachrichten berichten, will Preußen Münster Jonas Albers holen.", "de", None),
        ("Der FC Bayern beobachtet Timo Brandl vom VfL Bochum, berichtet der Münchner Merkur.", "de", None),
        ("Der HSV will Jonas Albers von Hannover 96 holen, schreibt die Hamburger Morgenpost.", "de", None),
        ("Wie die Stuttgarter Zeitung berichtet, will der VfB Timo Brandl vom VfL Bochum holen.", "de", None),
        ("Laut t-online hat Schalke 04 ein Angebot für Jonas Albers vom VfL Bochum abgegeben.", "de", None),
        ("Laut Sport Bild will Borussia Dortmund Timo Brandl vom VfL Bochum verpflichten.", "de", None),
        ("Selon La Voix du Nord, Lille a formulé une offre pour Yanis Belkacem, joueur de Reims.", "fr", None),
        ("Bordeaux a formulé une offre pour Yanis Belkacem, joueur de Reims, selon Sud Ouest.", "fr", None),
        ("D'après L'Est Républicain, Nancy a formulé une offre pour Yanis Belkacem, joueur de Metz.", "fr", None),
        (
            "Selon Le Quotidien du Sport, Marseille a formulé une offre pour Yanis Belkacem, joueur de Reims.",
            "fr",
            None,
        ),
        ("Selon Maxifoot, Nantes a formulé une offre pour Yanis Belkacem, joueur de Reims.", "fr", None),
        ("Selon Onze Mondial, Rennes a formulé une offre pour Yanis Belkacem, joueur de Reims.", "fr", None),
        ("Secondo il Secolo XIX, il Genoa ha offerto 5 milioni per Luca Ferretti del Bologna.", "it", None),
        ("Secondo il Resto del Carlino, il Bologna ha offerto 5 milioni per Luca Ferretti del Genoa.", "it", None),
        ("Secondo La Stampa, la Juventus ha offerto 20 milioni per Luca Ferretti del Bologna.", "it", None),
        ("Il Milan ha offerto 20 milioni per Luca Ferretti del Bologna, riporta Sportitalia.", "it", None),
        ("Secondo Calciomercato.com, l'Inter ha offerto 20 milioni per Luca Ferretti del Bologna.", "it", None),
        ("Según El Desmarque, el Betis ha ofrecido 10 millones por Sergio Lozano, jugador del Getafe.", "es", None),
        ("Según el Diario de Sevilla, el Sevilla ha ofrecido 10 millones por Sergio Lozano, del Getafe.", "es", None),
        (
            "El Valencia ha ofrecido 10 millones por Sergio Lozano, jugador del Getafe, informa Superdeporte.",
            "es",
            None,
        ),
        ("Según Radio Marca, el Betis ha ofrecido 10 millones por Sergio Lozano, jugador del Getafe.", "es", None),
        ("Según Fichajes.net, el Betis ha ofrecido 10 millones por Sergio Lozano, jugador del Getafe.", "es", None),
    ],
)
def test_regional_and_national_outlets_of_the_registry(text: str, language: str, source: str | None) -> None:
    wanted = {
        "Yorkshire": "Yorkshire Evening Post",
        "Mercury": "Leicester Mercury",
        "Birmingham": "Birmingham Mail",
        "Football365": "Football365",
        "Stadt-Anzeiger": "Kölner Stadt-Anzeiger",
        "Westfälische": "Westfälische Nachrichten",
        "Merkur": "Münchner Merkur",
        "Morgenpost": "Hamburger Morgenpost",
        "Stuttgarter": "Stuttgarter Zeitung",
        "t-online": "t-online",
        "Sport Bild": "Sport Bild",
        "Voix": "La Voix du Nord",
        "Sud Ouest": "Sud Ouest",
        "Est Rép": "L'Est Républicain",
        "Quotidien": "Le Quotidien du Sport",
        "Maxifoot": "Maxifoot",
        "Onze": "Onze Mondial",
        "Secolo": "Il Secolo XIX",
        "Carlino": "Il Resto del Carlino",
        "Stampa": "La Stampa",
        "Sportitalia": "Sportitalia",
        "Calciomercato.com": "Calciomercato.com",
        "Desmarque": "El Desmarque",
        "Diario de Sevilla": "Diario de Sevilla",
        "Superdeporte": "Superdeporte",
        "Radio Marca": "Radio Marca",
        "Fichajes": "Fichajes.net",
    }
    expected = source or next(name for key, name in wanted.items() if key in text)
    assert expected in _cited(text, language)


@pytest.mark.parametrize(
    ("text", "language", "journalist"),
    [
        ("Monaco are close to signing Yanis Belkacem from Reims, says Santi Aouna.", "en", "Santi Aouna"),
        (
            "Selon Fabrice Hawkins, Lyon a formulé une offre pour Yanis Belkacem, joueur de Reims.",
            "fr",
            "Fabrice Hawkins",
        ),
        (
            "Selon Mohamed Bouhafsi, Lille a formulé une offre pour Yanis Belkacem, joueur de Reims.",
            "fr",
            "Mohamed Bouhafsi",
        ),
        ("Secondo Daniele Longo, la Roma ha offerto 15 milioni per Luca Ferretti del Bologna.", "it", "Daniele Longo"),
        (
            "Secondo Luca Momblano, la Juventus ha offerto 20 milioni per Luca Ferretti del Bologna.",
            "it",
            "Luca Momblano",
        ),
        (
            "Según Gerard Romero, el Barcelona ha ofrecido 10 millones por Sergio Lozano, del Getafe.",
            "es",
            "Gerard Romero",
        ),
        (
            "Según Ramón Álvarez de Mon, el Real Madrid ha ofrecido 30 millones por Sergio Lozano, del Getafe.",
            "es",
            "Ramón Álvarez de Mon",
        ),
        ("Tottenham have made an offer for Lille winger Theo Garnier, Dean Jones reports.", "en", "Dean Jones"),
        ("West Ham want Burnley striker Jack Linton, according to Graeme Bailey.", "en", "Graeme Bailey"),
        ("Everton have asked about Jack Linton from Burnley, Pete O'Rourke reports.", "en", "Pete O'Rourke"),
        ("Chelsea want Jack Linton from Burnley, according to the Mirror's Darren Lewis.", "en", "Darren Lewis"),
        ("Arsenal want Jack Linton from Burnley, John Cross reports.", "en", "John Cross"),
        ("Arsenal want Jack Linton from Burnley, according to Charles Watts.", "en", "Charles Watts"),
        ("Manchester United want Jack Linton from Burnley, writes Matt Law.", "en", "Matt Law"),
        ("Manchester City have asked about Jack Linton from Burnley, Sam Lee reports.", "en", "Sam Lee"),
        ("Manchester United have agreed a fee with Burnley for Jack Linton, Simon Stone reports.", "en", "Simon Stone"),
    ],
)
def test_transfer_journalists_of_the_registry(text: str, language: str, journalist: str) -> None:
    assert journalist in _cited(text, language)


def test_a_journalist_of_a_known_outlet_does_not_credit_the_outlet_unless_named() -> None:
    cited = _cited("Manchester United want Jack Linton from Burnley, according to Matt Law.")
    assert "Matt Law" in cited and "The Telegraph" not in cited
    cited = _cited("Manchester United want Jack Linton from Burnley, the Telegraph's Matt Law reports.")
    assert cited[:2] == ("The Telegraph", "Matt Law")


# --- a gossip column's parentheses -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        ("Arsenal are tracking Lille winger Theo Garnier. (Sun, Mail)", ("The Sun", "Daily Mail")),
        (
            "Arsenal are tracking Lille winger Theo Garnier. (Telegraph - subscription required, Mirror)",
            ("The Telegraph", "Mirror"),
        ),
        ("Arsenal are tracking Lille winger Theo Garnier. (Times and Express)", ("The Times", "Daily Express")),
        ("Arsenal are tracking Lille winger Theo Garnier. (Express and Star)", ("Express & Star",)),
        (
            "Galatasaray want Everton striker Noah Whitcombe. (Fotomac - in Turkish, via Sun)",
            ("Fotomaç", "The Sun"),
        ),
        (
            "Napoli are weighing a bid for Jack Linton. (Corriere dello Sport - in Italian, via Football Italia)",
            ("Corriere dello Sport", "Football Italia"),
        ),
        # outlets the registry does not know, credited as written
        ("Legia want Everton striker Noah Whitcombe. (Przeglad Pilkarski - in Polish)", ("Przeglad Pilkarski",)),
        ("Celtic want Everton striker Noah Whitcombe. (Wessex Gazette)", ("Wessex Gazette",)),
        (
            "Juventus want Chelsea forward Noah Whitcombe on loan. (Tuttocalcio Oggi - in Italian, via Mail)",
            ("Tuttocalcio Oggi", "Daily Mail"),
        ),
        (
            "Everton are keen on Noah Whitcombe. (Northampton Chronicle & Echo)",
            ("Northampton Chronicle & Echo",),
        ),
    ],
)
def test_gossip_parentheses_credit_every_paper_they_name(text: str, sources: tuple[str, ...]) -> None:
    assert _cited(text)[: len(sources)] == sources


@pytest.mark.parametrize(
    "text",
    [
        "Chelsea want Hull winger Tom Briggs. (Real Madrid)",
        "Chelsea want Hull winger Tom Briggs. (Champions League - in English)",
        "Chelsea want Hull winger Tom Briggs, who joined Hull (Championship) in 2021.",
        "Chelsea want Hull winger Tom Briggs (22) from Hull.",
    ],
)
def test_parentheses_without_an_outlet_credit_nothing(text: str) -> None:
    assert _cited(text) == ()


# --- outlets the registry does not know, named as outlets are ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "source"),
    [
        ("Leeds are monitoring Hull winger Tom Briggs, according to the Wessex Chronicle.", "en", "Wessex Chronicle"),
        ("Leeds are monitoring Hull winger Tom Briggs, the Lancaster Guardian reports.", "en", "Lancaster Guardian"),
        (
            "Leeds are monitoring Hull winger Tom Briggs, according to The Northern Courier.",
            "en",
            "The Northern Courier",
        ),
        ("Leeds are monitoring Hull winger Tom Briggs, according to the Times of Malta.", "en", "Times of Malta"),
        (
            "Laut der Oberlausitzer Rundschau will Hertha BSC Jonas Albers von Union Berlin holen.",
            "de",
            "Oberlausitzer Rundschau",
        ),
        (
            "Der VfB will Timo Brandl vom VfL Bochum holen, berichtet die Kleinstädter Zeitung.",
            "de",
            "Kleinstädter Zeitung",
        ),
        ("Der VfB will Timo Brandl vom VfL Bochum holen, wie die Volkszeitung berichtet.", "de", "Volkszeitung"),
        ("Selon le Courrier de Vendée, Nantes a formulé une offre pour Yanis Belkacem.", "fr", "Courrier de Vendée"),
        (
            "Lille a formulé une offre pour Yanis Belkacem, joueur de Reims, rapporte Savoie-Matin.",
            "fr",
            "Savoie-Matin",
        ),
        (
            "Secondo il Corriere di Verona, il Verona ha offerto 5 milioni per Luca Ferretti.",
            "it",
            "Corriere di Verona",
        ),
        (
            "Il Milan ha offerto 20 milioni per Luca Ferretti, riporta la Gazzetta di Mantova.",
            "it",
            "Gazzetta di Mantova",
        ),
        (
            "Secondo Radio Punto Uno, il Napoli ha offerto 20 milioni per Luca Ferretti del Bologna.",
            "it",
            "Radio Punto Uno",
        ),
        ("Según el Diario de Teruel, el Zaragoza ha ofrecido un millón por Sergio Lozano.", "es", "Diario de Teruel"),
        (
            "Según Heraldo de Soria, el Valladolid ha ofrecido un millón por Sergio Lozano, del Getafe.",
            "es",
            "Heraldo de Soria",
        ),
        ("El Betis ha ofrecido 10 millones por Sergio Lozano, informa la Gaceta Andaluza.", "es", "Gaceta Andaluza"),
    ],
)
def test_an_unknown_outlet_named_in_an_attribution_is_credited_as_written(
    text: str, language: str, source: str
) -> None:
    assert source in _cited(text, language)


def test_an_unknown_outlet_is_no_club() -> None:
    claim = extract_claims("Chelsea want Hull winger Tom Briggs, the Liverpool Gazette reports.", language="en")[0]
    assert "Liverpool Gazette" in claim.cited_sources
    assert "Liverpool" not in (claim.to_club, claim.from_club)


@pytest.mark.parametrize(
    ("text", "language", "not_a_source"),
    [
        # a club, with or without a head word
        (
            "Según el Deportivo, el Betis ha ofrecido 10 millones por Sergio Lozano, jugador del Getafe.",
            "es",
            "Deportivo",
        ),
        ("Chelsea want Hull winger Tom Briggs, says Chelsea News.", "en", "Chelsea News"),
        ("Chelsea want Hull winger Tom Briggs, Leeds United News reports.", "en", "Leeds United News"),
        ("Chelsea want Hull winger Tom Briggs, says Standard Liege.", "en", "Standard Liège"),
        # a player
        ("Chelsea want Hull winger Tom Briggs, the striker told Jack Post before training.", "en", "Jack Post"),
        # a stadium, a competition
        (
            "Il Milan ha offerto 20 milioni per Luca Ferretti del Bologna, secondo Stadio Olimpico.",
            "it",
            "Stadio Olimpico",
        ),
        (
            "El Betis ha ofrecido 10 millones por Sergio Lozano, del Getafe, según la Copa del Rey.",
            "es",
            "Copa del Rey",
        ),
        ("Chelsea want Noah Whitcombe from Everton, the Premier League reports.", "en", "Premier League"),
        # a common word
        ("Der VfB will Timo Brandl vom VfL Bochum holen, berichtet die Zeitung.", "de", "Zeitung"),
        ("Chelsea want Hull winger Tom Briggs, the Post reports.", "en", "Post"),
    ],
)
def test_clubs_players_grounds_competitions_and_common_words_are_no_outlets(
    text: str, language: str, not_a_source: str
) -> None:
    cited = _cited(text, language)
    assert not any(not_a_source in c for c in cited), cited


def test_bt_sport_is_not_the_spanish_paper_sport() -> None:
    cited = _cited("Tottenham are in talks with Sporting over Rui Gomes, BT Sport reports.")
    assert "Sport" not in cited and "BT Sport" in cited


def test_as_monaco_is_not_the_paper_as() -> None:
    claim = extract_claims(
        "El AS Monaco ha ofrecido 10 millones por Sergio Lozano, jugador del Getafe.", language="es"
    )[0]
    assert "AS" not in claim.cited_sources


def test_an_ambiguous_paper_named_like_a_word_needs_an_attribution() -> None:
    assert "Sport" not in _cited("Sport is his passion: Sergio Lozano wants to join the Betis from Getafe.")
    assert "Sport" in _cited(
        "El Atlético de Madrid negocia con el Sevilla por Rubén Cañizares, según el diario Sport.", "es"
    )


def test_a_title_case_headline_is_no_attribution() -> None:
    claims = extract_claims(
        "Noah Whitcombe wants to leave Chelsea for Arsenal this summer.",
        title="Chelsea Star Says He Wants Arsenal Move",
        language="en",
    )
    assert "Daily Star" not in claims[0].cited_sources


# --- journalists credited by name -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "person"),
    [
        ("Chelsea want Everton striker Noah Whitcombe, according to journalist Peter Marsh.", "en", "Peter Marsh"),
        ("Chelsea want Everton striker Noah Whitcombe, the striker told Jane Doe of the Telegraph.", "en", "Jane Doe"),
        (
            "Chelsea want Everton striker Noah Whitcombe, Jane Doe, the Athletic's chief football correspondent, "
            "reports.",
            "en",
            "Jane Doe",
        ),
        ("Chelsea want Everton striker Noah Whitcombe, Jane Doe of the Guardian understands.", "en", "Jane Doe"),
        ("Laut Sky-Reporter Max Lindner will der BVB Timo Brandl vom VfL Bochum holen.", "de", "Max Lindner"),
        (
            "Der BVB will Timo Brandl vom VfL Bochum holen, wie Max Lindner, Reporter der Bild, berichtet.",
            "de",
            "Max Lindner",
        ),
        ("Secondo il giornalista Marco Rossi, il Milan ha offerto 20 milioni per Luca Ferretti.", "it", "Marco Rossi"),
        ("Según el periodista Juan Pérez, el Betis ha ofrecido 10 millones por Sergio Lozano.", "es", "Juan Pérez"),
        ("Selon le journaliste Jean Dupont, Lille a formulé une offre pour Yanis Belkacem.", "fr", "Jean Dupont"),
        (
            "Lille a formulé une offre pour Yanis Belkacem, explique Jean Dupont, journaliste à RMC Sport.",
            "fr",
            "Jean Dupont",
        ),
    ],
)
def test_a_journalist_credited_by_name_in_five_languages(text: str, language: str, person: str) -> None:
    assert person in _cited(text, language)


def test_the_object_of_told_is_no_journalist() -> None:
    claim = extract_claims("Arteta told Bukayo Saka he will stay at Arsenal and rejected a bid from Chelsea.")[0]
    assert claim.player == "Bukayo Saka"
    assert "Bukayo Saka" not in claim.cited_sources


def test_a_coach_credited_by_his_role_is_no_journalist() -> None:
    cited = _cited("Laut Trainer Sandro Wagner will der FC Augsburg Timo Brandl vom VfL Bochum holen.", "de")
    assert not any("Wagner" in c for c in cited)


def test_a_player_named_before_a_reporters_appositive_stays_the_player() -> None:
    claim = extract_claims(
        "Il Milan ha offerto 20 milioni per Luca Ferretti del Bologna, come riporta il giornalista di Sky Sport "
        "Luca Marchetti.",
        language="it",
    )[0]
    assert claim.player == "Luca Ferretti"
    assert "Luca Marchetti" in claim.cited_sources and not any("Ferretti" in c for c in claim.cited_sources)


def test_new_canonical_names() -> None:
    assert canonical_source("Sportsmail") == "Daily Mail"
    assert canonical_source("Kölner Stadt-Anzeiger") == "Kölner Stadt-Anzeiger"
    assert canonical_source("Koelner Stadt-Anzeiger") == "Kölner Stadt-Anzeiger"
    assert canonical_source("Fotomac") == "Fotomaç"
    assert canonical_source("Il Secolo XIX") == "Il Secolo XIX"
    assert canonical_source("El Desmarque") == "El Desmarque"


CUED_PAST_QUOTES_AND_LISTS = [
    ("Laut „Sky“ hat Hertha BSC ein Angebot für Nils Becker vom SC Paderborn abgegeben.", "de", ("Sky",)),
    ("‚Sky‘ zufolge will Hertha BSC Nils Becker vom SC Paderborn verpflichten.", "de", ("Sky",)),
    ("Wie Bild und „Sky“ berichten, will Hertha BSC Nils Becker verpflichten.", "de", ("Bild", "Sky")),
    ("Das meldeten Sky und der kicker: Hertha BSC will Nils Becker vom SC Paderborn holen.", "de", ("Sky", "Kicker")),
    ("Hertha BSC will Nils Becker holen, wie die Nachrichtenagentur dpa meldet.", "de", ("dpa",)),
    ("Burnley have made an offer for Kofi Mensah, Bild and Sky report.", "en", ("Bild",)),
]


@pytest.mark.parametrize(("text", "language", "sources"), CUED_PAST_QUOTES_AND_LISTS)
def test_an_attribution_reaches_past_quotation_marks_and_a_list_of_outlets(
    text: str, language: str, sources: tuple[str, ...]
) -> None:
    cited = _cited(text, language)
    assert all(source in cited for source in sources), cited


def test_a_weak_outlet_listed_with_no_attribution_is_not_credited() -> None:
    assert "Sky" not in _cited("Sky and Arsenal fans cheered as Burnley made an offer for Kofi Mensah.", "en")
