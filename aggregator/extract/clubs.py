"""Club mentions: registry matching (diacritics-insensitive, whole-token) and ambiguity resolution."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass

from .registry import Alias, AliasIndex, case_ok, clubs
from .text import fold, tokens

__all__ = ["ClubMention", "canonical_club", "find_clubs"]


@dataclass(frozen=True, slots=True)
class ClubMention:
    start: int
    end: int
    club: str
    weak: bool  # matched through an ambiguous or city alias
    genitive: bool = False  # a German genitive ("Bayerns Stürmer"): the club's own player or bid follows


def find_clubs(
    folded: str,
    toks: list[tuple[int, int, str]],
    words: list[str] | None = None,
    taken: list[tuple[int, int]] | None = None,
    genitive_s: bool = False,
    raw: list[tuple[int, int, int, int, Alias]] | None = None,
) -> list[ClubMention]:
    """All club mentions in a folded text; ambiguous aliases resolved from the strong mentions around them.

    ``taken`` spans belong to something else (an outlet's name: "Manchester Evening News") and hold no club.
    With ``genitive_s`` (German) a capitalised one-word alias as a genitive ("Bayerns") or an adjective
    ("Leverkusener", "Münchner") is the club too, marked ``genitive``: its own player or bid follows.
    A weak one-word alias glued to the next capitalised word is part of another name ("Villa Stuart",
    "United States", "Milan Skriniar") and no club."""
    info, index = clubs()
    if raw is None:
        raw = index.scan(folded, toks, words)
    genitives: set[int] = set()
    if genitive_s:
        raw, genitives = _with_genitives(raw, folded, toks, words or [t[2] for t in toks])
    if taken:
        free = _outside(taken)
        raw = [r for r in raw if free(r[2], r[3])]
    raw = [r for r in raw if not (r[1] - r[0] == 1 and r[4].weak and _glued_to_next(folded, toks, r[1], index))]
    strong: dict[str, int] = {}
    for *_, alias in raw:
        owners = index.owners[alias.words]
        if not alias.weak and len({o.target for o in owners if not o.weak}) == 1:
            strong[alias.target] = strong.get(alias.target, 0) + 1
    mentions = []
    for _i, _j, start, end, alias in raw:
        owners = index.owners[alias.words]
        strong_owners = [o.target for o in owners if not o.weak]
        if strong_owners:
            if len(set(strong_owners)) == 1:
                mentions.append(ClubMention(start, end, strong_owners[0], False, start in genitives))
                continue
            candidates = strong_owners
        else:
            candidates = [o.target for o in owners]
        seen = [c for c in candidates if c in strong]
        by_order = min(candidates, key=lambda c: info[c].order)
        club = max(seen, key=lambda c: strong[c]) if seen else by_order
        mentions.append(ClubMention(start, end, club, True, start in genitives))
    return mentions


def _german_stems(word: str) -> list[str]:
    """The club names a German genitive or adjective may come from: "Bayerns" <- "bayern", "Leverkusener" <-
    "leverkusen", "Münchner" <- "munchen", "Bremer" <- "bremen", "Schalker" <- "schalke"."""
    stems = []
    if word.endswith("s"):
        stems.append(word[:-1])
    if word.endswith("er"):
        stems += [word[:-2], word[:-1]]  # "dortmunder" <- "dortmund", "schalker" <- "schalke"
        stems += [word[:-2] + "en", word[:-3] + "en"] if word.endswith("ner") else [word[:-2] + "en"]
    return stems


def _with_genitives(
    raw: list[tuple[int, int, int, int, Alias]], folded: str, toks: list[tuple[int, int, str]], words: list[str]
) -> tuple[list[tuple[int, int, int, int, Alias]], set[int]]:
    """``raw`` plus the German genitives of one-word strong aliases ("Bayerns", "Leverkusens"), and their starts."""
    _, index = clubs()
    covered = {i for i, j, *_ in raw for i in range(i, j)}
    found: list[tuple[int, int, int, int, Alias]] = []
    for i, word in enumerate(words):
        if i in covered or len(word) < 5:
            continue
        s, e, _ = toks[i]
        if not folded[s].isupper():
            continue
        for stem in _german_stems(word):
            bucket = [a for a in index.owners.get((stem,), []) if not a.weak]
            if bucket and case_ok(folded, toks, i, bucket[0]):
                found.append((i, i + 1, s, e, bucket[0]))
                break
    if not found:
        return raw, set()
    return sorted(raw + found, key=lambda r: r[0]), {r[2] for r in found}


def canonical_club(name: str) -> str | None:
    """Canonical registry name for a club name or alias (None when unknown)."""
    if not name or not name.strip():
        return None
    info, index = clubs()
    if name in info:
        return name
    folded = fold(name)
    toks = tokens(folded)
    if not toks:
        return None
    words = tuple(t[2] for t in toks)
    owners = index.owners.get(words)
    if owners:
        strong = [o.target for o in owners if not o.weak] or [o.target for o in owners]
        return min(strong, key=lambda c: info[c].order)
    mentions = find_clubs(folded, toks)
    return mentions[0].club if len(mentions) == 1 else None


def _glued_to_next(folded: str, toks: list[tuple[int, int, str]], j: int, index: AliasIndex) -> bool:
    """Token ``j`` follows the previous one after a single space, is capitalised and starts no club name."""
    if j >= len(toks):
        return False
    s, _, word = toks[j]
    if s - toks[j - 1][1] != 1 or folded[s - 1] != " " or not folded[s].isupper() or len(word) < 3:
        return False
    return word not in index.lengths


def _outside(spans: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """A test that ``start:end`` overlaps none of ``spans``."""
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]

    def free(start: int, end: int) -> bool:
        i = bisect.bisect_left(starts, end) - 1  # the last span starting before ``end``
        while i >= 0:
            s, e = ordered[i]
            if e > start:
                return False
            if s < start - 400:  # spans are short: one far to the left ends before ``start``
                return True
            i -= 1
        return True

    return free
