"""Club and source registries: canonical names, aliases, whole-token and case rules, ambiguity."""

from __future__ import annotations

import pytest

from aggregator.extract import canonical_club, canonical_source
from aggregator.extract.clubs import find_clubs
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
