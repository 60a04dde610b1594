"""Club and source registries: canonical names, aliases, whole-token and case rules, ambiguity."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from aggregator.extract import canonical_club, canonical_source, extract_claims
from aggregator.extract.clubs import find_clubs
from aggregator.extract.registry import clubs
from aggregator.extract.text import fold, tokens


def clubs_in(text: str) -> list[str]:
    folded = fold(text)
    return [m.club for m in find_clubs(folded, tokens(folded))]


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [
        ("Man Utd", "Manchester United"),
        ("Gladbach", "Borussia Mönchengladbach"),
        ("Borussia Monchengladbach", "Borussia Mönchengladbach"),
        ("PSG", "Paris Saint-Germain"),
        ("Paris St. Germain", "Paris Saint-Germain"),
        ("Bayern München", "Bayern Munich"),
        ("Inter Mailand", "Inter Milan"),
        ("Atlético de Madrid", "Atlético Madrid"),
        ("Al Nassr", "Al-Nassr"),
        ("Spurs", "Tottenham Hotspur"),
        ("FC Schalke 04", "Schalke 04"),
        ("nonsense fc united kingdom", None),
        ("", None),
    ],
)
def test_canonical_club(alias: str, canonical: str | None) -> None:
    assert canonical_club(alias) == canonical


def test_whole_token_only() -> None:
    assert clubs_in("There is strong interest from several sides.") == []
    assert clubs_in("Inter want him.") == ["Inter Milan"]


def test_single_token_aliases_need_capitals() -> None:
    assert clubs_in("what a nice lens and a real shame") == []
    assert clubs_in("He moved from Lens to Nice.") == ["Lens", "Nice"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Leicester City want him. City are ready to pay.", ["Leicester City", "Leicester City"]),
        ("Manchester City want him. City are ready to pay.", ["Manchester City", "Manchester City"]),
        ("Real Betis are keen. Real will bid.", ["Real Betis", "Real Betis"]),
        ("Real will bid.", ["Real Madrid"]),
    ],
)
def test_ambiguous_short_names_follow_context(text: str, expected: list[str]) -> None:
    assert clubs_in(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Fohlen haben zugeschlagen.", ["Borussia Mönchengladbach"]),
        ("i bianconeri hanno chiuso", ["Juventus"]),
        ("les Parisiens ont refusé", ["Paris Saint-Germain"]),
        ("los blancos lo quieren", ["Real Madrid"]),
        ("The Cityzens are ready", ["Manchester City"]),
    ],
)
def test_nicknames_in_five_languages(text: str, expected: list[str]) -> None:
    assert clubs_in(text) == expected


@pytest.mark.parametrize(
    ("name", "language", "expected"),
    [
        ("L'Equipe", None, "L'Équipe"),
        ("Gazzetta dello Sport", None, "La Gazzetta dello Sport"),
        ("talksport", None, "talkSPORT"),
        ("Sky", "de", "Sky"),
        ("Sky", "en", "Sky Sports"),
        ("Sky", "it", "Sky Sport"),
        ("Di Marzio", None, "Gianluca Di Marzio"),
        ("Unknown Weekly", None, None),
    ],
)
def test_canonical_source(name: str, language: str | None, expected: str | None) -> None:
    assert canonical_source(name, language) == expected


# --- the registry grown from openfootball (aggregator/data/build_clubs.py) -------------------------------------

DATA = Path(__file__).resolve().parents[1] / "aggregator" / "data"


def registry_rows() -> list[dict[str, Any]]:
    return json.loads((DATA / "clubs.json").read_text(encoding="utf-8"))


def seed_rows() -> list[list[str]]:
    """name, country, league, aliases ("|"-separated) per club of the hand-curated seed."""
    lines = (DATA / "clubs_seed.tsv").read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith(("#", "canonical\t"))]


def mentions(text: str) -> list[tuple[str, str, bool]]:
    """(matched text, club, weak) per club mention, German genitives included."""
    folded = fold(text)
    return [(text[m.start : m.end], m.club, m.weak) for m in find_clubs(folded, tokens(folded), genitive_s=True)]


def test_the_seed_clubs_come_first_unchanged_and_in_order() -> None:
    rows = registry_rows()
    seed = seed_rows()
    for row, (name, country, league, aliases) in zip(rows, seed, strict=False):
        hand = [a for a in aliases.split("|") if a]
        assert (row["name"], row["country"], row["league"]) == (name, country, league)
        assert row["aliases"][: len(hand)] == hand  # openfootball's names only follow the seed's own
    assert len(rows) > 3 * len(seed)  # the leagues and countries openfootball adds
    assert len({row["name"] for row in rows}) == len(rows)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # English
        ("Celtic have signed the Hearts midfielder on a three-year deal.", ["Celtic", "Hearts"]),
        ("Aberdeen have agreed a fee with Rosenborg for the striker.", ["Aberdeen", "Rosenborg"]),
        ("The winger joins Club América from Boca Juniors.", ["Club América", "Boca Juniors"]),
        ("Sunderland are closing in on the Ferencváros captain.", ["Sunderland", "Ferencváros"]),
        # German
        ("Der Stürmer wechselt zu Galatasaray.", ["Galatasaray"]),
        (
            "Der Verteidiger kommt von Sturm Graz, auch der Wolfsberger AC war interessiert.",
            ["Sturm Graz", "Wolfsberger AC"],
        ),
        ("Brøndby IF und der FC Midtjylland bieten für den Dänen.", ["Brøndby", "Midtjylland"]),
        # Italian
        ("Il Palermo ha preso l'attaccante del Bari.", ["Palermo", "Bari"]),
        ("La Sampdoria cede il centrocampista al Cesena.", ["Sampdoria", "Cesena"]),
        # French
        ("Le milieu rejoint le Standard de Liège, le KAA Gent était aussi sur le coup.", ["Standard Liège", "Gent"]),
        ("L'attaquant quitte l'Olympiakos pour Grenoble.", ["Olympiacos", "Grenoble"]),
        # Spanish
        ("El delantero ficha por el Racing de Santander.", ["Racing Santander"]),
        ("Flamengo y Palmeiras pujan por el lateral del Peñarol.", ["Flamengo", "Palmeiras", "Peñarol"]),
        ("El Málaga cierra la cesión de su extremo al Legia de Varsovia.", ["Málaga", "Legia Warsaw"]),
        # Turkish, Greek and Polish spellings in any report
        (
            "Fenerbahce have beaten Besiktas to the signing; PAOK and Aris Thessaloniki wanted him.",
            ["Fenerbahçe", "Beşiktaş", "PAOK", "Aris Thessaloniki"],
        ),
        ("He leaves Lech Poznań for Legia Warsaw.", ["Lech Poznań", "Legia Warsaw"]),
    ],
)
def test_clubs_of_other_leagues_are_found_in_running_text(text: str, expected: list[str]) -> None:
    assert [club for _, club, _ in mentions(text)] == expected


@pytest.mark.parametrize(
    ("text", "player", "from_club", "to_club"),
    [
        (
            "Lucas Wendel has joined Galatasaray from Brighton on a four-year deal.",
            "Lucas Wendel",
            "Brighton & Hove Albion",
            "Galatasaray",
        ),
        (
            "Der Stürmer Jonas Keller wechselt vom SC Freiburg zu Ferencváros.",
            "Jonas Keller",
            "SC Freiburg",
            "Ferencváros",
        ),
        ("Celtic have signed midfielder Callum Reid from Hearts.", "Callum Reid", "Hearts", "Celtic"),
        ("Fulham have signed Danish winger Mads Holm from FC Midtjylland.", "Mads Holm", "Midtjylland", "Fulham"),
    ],
)
def test_a_destination_outside_the_big_leagues_is_named(text: str, player: str, from_club: str, to_club: str) -> None:
    claims = extract_claims(text)
    assert [(c.player, c.from_club, c.to_club) for c in claims] == [(player, from_club, to_club)]


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("Galatasaray SK", "Galatasaray"),
        ("Fenerbahce", "Fenerbahçe"),
        ("Beşiktaş JK", "Beşiktaş"),
        ("Club Brugge KV", "Club Brugge"),
        ("RSC Anderlecht", "Anderlecht"),
        ("FC Red Bull Salzburg", "Red Bull Salzburg"),
        ("SK Sturm Graz", "Sturm Graz"),
        ("Celtic FC", "Celtic"),
        ("Rangers FC", "Rangers"),
        ("Olympiakos Piraeus", "Olympiacos"),
        ("PAOK Saloniki", "PAOK"),
        ("AEK Athen", "AEK Athens"),
        ("Panathinaikos FC", "Panathinaikos"),
        ("CR Flamengo", "Flamengo"),
        ("SE Palmeiras", "Palmeiras"),
        ("CA Boca Juniors", "Boca Juniors"),
        ("Club Atlético River Plate", "River Plate"),
        ("Al Hilal Riyadh", "Al-Hilal"),
        ("Al Nassr FC", "Al-Nassr"),
        ("Inter Miami CF", "Inter Miami"),
        ("Los Angeles Galaxy", "LA Galaxy"),
        ("CF América", "Club América"),
        ("UC Sampdoria", "Sampdoria"),
        ("Palermo FC", "Palermo"),
        ("Sunderland AFC", "Sunderland"),
        ("Heart of Midlothian FC", "Hearts"),
        ("KAA Gent", "Gent"),
        ("Sint-Truidense VV", "Sint-Truiden"),
        ("SSC Bari", "Bari"),
        ("Legia Warszawa", "Legia Warsaw"),
        ("Rosenborg BK", "Rosenborg"),
        ("Ferencvárosi TC", "Ferencváros"),
        ("FK Crvena Zvezda", "Red Star Belgrade"),
        ("Kasımpaşa SK", "Kasımpaşa"),
        ("Queretaro FC", "Querétaro"),
        # a name that is also a common word keeps its legal form: "Reading" alone is a weak alias
        ("Reading", "Reading FC"),
    ],
)
def test_canonical_names_are_the_desks_names(name: str, canonical: str) -> None:
    assert canonical_club(name) == canonical


@pytest.mark.parametrize(
    "text",
    [
        "the union and the standard were a royal affair",
        "Standard procedure applies. Royal assent followed.",
        "Club members say Sport and Racing are a Star attraction, Olympic too.",
        "According to Marca, Record, the Express and the Mail, nothing is decided.",
        "Pau Cubarsí and Pau Torres both started; Leon Goretzka came on.",
        "Andorra lost to England in qualifying.",
        "Wimbledon starts on Monday.",
    ],
)
def test_common_words_make_no_club_mention(text: str) -> None:
    assert mentions(text) == []


def test_union_capitalised_is_at_most_the_seeds_weak_alias() -> None:
    # the seed lists "?Union" for Union Berlin: a weak mention that the words around it must confirm
    found = mentions("The Union voted against the plan.")
    assert all(weak and club == "Union Berlin" for _, club, weak in found)


GENERIC_OR_OUTLET = [
    "union", "standard", "royal", "club", "real", "sporting", "city", "united", "athletic", "racing", "olympic",
    "star", "sport", "record", "marca", "express", "mail",
]  # fmt: skip


@pytest.mark.parametrize("word", GENERIC_OR_OUTLET)
def test_generic_words_and_outlets_are_never_strong_aliases(word: str) -> None:
    _, index = clubs()
    assert all(alias.weak for alias in index.owners.get((word,), []))


def test_no_reserve_team_is_listed() -> None:
    reserve = re.compile(r"(?:\s(?:II|B|U ?\d\d|Am\.?|Amateure|Reserves?)|^Jong\s.*|Young Violets.*)$", re.IGNORECASE)
    found = [
        (row["name"], alias)
        for row in registry_rows()
        for alias in [row["name"], *row["aliases"]]
        if reserve.search(alias.lstrip("?~")) and alias != "Willem II"  # the king, not a second team
    ]
    assert found == []


def test_clubs_json_is_what_build_clubs_makes(tmp_path: Path) -> None:
    """clubs.json is generated: the build (offline, deterministic) must give it back byte for byte. It reads the
    outlets of sources.json too (no outlet name becomes a club alias): a change there needs a rebuild."""
    script = DATA / "build_clubs.py"
    shared = script.resolve().parents[3] / "shared" / "data"
    if not (shared / "openfootball-clubs").is_dir():
        pytest.skip("no shared/data beside the checkout")
    out = tmp_path / "clubs.json"
    run = subprocess.run(
        [sys.executable, str(script), "--out", str(out)], capture_output=True, text=True, check=False, timeout=120
    )
    assert run.returncode == 0, run.stderr
    assert out.read_bytes() == (DATA / "clubs.json").read_bytes(), (
        "clubs.json is out of date with its inputs (clubs_seed.tsv, the outlets of sources.json, openfootball):"
        " run python aggregator/data/build_clubs.py"
    )


def test_build_clubs_says_when_the_data_is_missing(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, str(DATA / "build_clubs.py"), "--data", str(tmp_path), "--out", str(tmp_path / "x.json")],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert run.returncode == 2
    assert "openfootball-clubs" in run.stderr and "--data" in run.stderr
    assert not (tmp_path / "x.json").exists()
