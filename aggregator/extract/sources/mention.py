"""A source mention and the registry display name of a source, with the word sets every kind of mention shares."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..phrasebook import Phrasebook, phrasebook
from ..registry import case_ok, sources
from ..text import fold, tokens

__all__ = ["SourceMention", "canonical_source"]


@dataclass(frozen=True, slots=True)
class SourceMention:
    start: int
    end: int
    name: str  # registry display name (or the person's name as written)
    how: str  # "parentheses", "registry", "cued", "outlet" (unknown, named as outlets are), "credited"
    weak: bool  # an ambiguous alias: yields to a club on the same words

    def as_dict(self) -> dict[str, object]:
        return {"name": self.name, "how": self.how, "at": self.start}


def canonical_source(name: str, language: str | None = None) -> str | None:
    """Registry display name for an outlet/journalist name or alias (None when unknown)."""
    if not name or not name.strip():
        return None
    info, index, by_lang = sources()
    if name in info:
        return _display(name, language, by_lang)
    folded = fold(name.strip())
    toks = tokens(folded)
    owners = index.owners.get(tuple(t[2] for t in toks))
    for alias in owners or ():
        if case_ok(folded, toks, 0, alias):  # "Express" the Daily Express, "EXPRESS" the Cologne paper
            return _display(alias.target, language, by_lang)
    return _display(owners[0].target, language, by_lang) if owners else None


def _display(name: str, language: str | None, by_lang: dict[str, dict[str, str]]) -> str:
    if name in by_lang and language:
        return by_lang[name].get(language, name)
    return name


# Words of an outlet's name that are no head word: a name's leading article, and the small words inside a name
# ("Diario de Sevilla", "Corriere della Sera", "Times of India", "Calcio e Finanza").
_ARTICLES = frozenset(
    ["the", "der", "die", "das", "le", "la", "les", "l", "il", "lo", "gli", "el", "los", "las", "o", "a", "de", "het"]
)
_CONNECTORS = frozenset(
    [
        "of",
        "de",
        "di",
        "da",
        "do",
        "dos",
        "du",
        "des",
        "del",
        "della",
        "dello",
        "delle",
        "dei",
        "degli",
        "dell",
        "d",
        "y",
        "e",
        "van",
        "het",
    ]
)
# Never in an outlet's name: competitions, grounds, clubs and people's roles ("Champions League", "Stadio Olimpico",
# "Leeds United", "sports director").
_NOT_OUTLET = frozenset(
    [
        "league",
        "leagues",
        "liga",
        "ligue",
        "cup",
        "cups",
        "coppa",
        "copa",
        "coupe",
        "pokal",
        "trophy",
        "trofeo",
        "trophee",
        "serie",
        "bundesliga",
        "championship",
        "champions",
        "europa",
        "conference",
        "supercup",
        "supercopa",
        "supercoppa",
        "mundial",
        "world",
        "stadium",
        "stadio",
        "stade",
        "estadio",
        "arena",
        "park",
        "parc",
        "ground",
        "club",
        "fc",
        "cf",
        "afc",
        "ac",
        "sc",
        "united",
        "city",
        "academy",
        "coach",
        "manager",
        "boss",
        "president",
        "presidente",
        "trainer",
        "director",
        "directeur",
        "direttore",
        "agent",
        "player",
        "striker",
        "midfielder",
        "defender",
        "goalkeeper",
        "winger",
        "captain",
        "star",
        "stars",
        "team",
        "squad",
        "national",
        "nazionale",
        "nacional",
        "selection",
    ]
)


@dataclass(frozen=True, slots=True)
class _Heads:
    words: frozenset[str]  # head words ("zeitung")
    suffixes: tuple[str, ...]  # heads that end a compound ("-zeitung": "Volkszeitung")


def _heads(book: Phrasebook) -> _Heads:
    return _heads_of(book.language)


@cache
def _heads_of(language: str) -> _Heads:
    raw = phrasebook(language).words["source.outlet_words"]
    return _Heads(frozenset(w for w in raw if not w.startswith("-")), tuple(w[1:] for w in raw if w.startswith("-")))
