"""Loads the data registries (clubs, sources, fx rates) once and indexes aliases for token matching."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count
from pathlib import Path
from typing import Any

from .text import fold, tokens

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True, slots=True)
class Alias:
    """One registry alias, pre-folded into lower-case tokens plus the case it must appear in."""

    words: tuple[str, ...]
    target: str  # canonical name the alias stands for
    weak: bool  # "?": ambiguous or a plain city name; resolved from context
    needs_caps: tuple[bool, ...]  # per token: first letter must be upper case in the text
    exact_upper: bool  # one-word aliases in capitals ("OM", "AS", "EXPRESS") must appear in capitals


def parse_alias(raw: str, target: str) -> Alias | None:
    """Parse "~x" (any case) and "?x" (weak) markers and fold the alias into tokens."""
    weak = raw.startswith("?")
    anycase = raw.startswith("~")
    text = raw.lstrip("?~")
    folded = fold(text)
    toks = tokens(folded)
    if not toks:
        return None
    words = tuple(t[2] for t in toks)
    caps = tuple((not anycase) and folded[s].isupper() for s, _, _ in toks)
    letters = "".join(folded[s:e] for s, e, _ in toks)
    # a one-word alias written in capitals ("OM", "AS", "EXPRESS") must appear in capitals
    exact_upper = len(toks) == 1 and letters.isupper() and (letters.isalpha() or len(letters) <= 4)
    return Alias(words, target, weak, caps, exact_upper)


class AliasIndex:
    """Aliases keyed by their token tuple; per first token the lengths to try, longest first."""

    def __init__(self, aliases: list[Alias]) -> None:
        self.owners: dict[tuple[str, ...], list[Alias]] = {}
        for alias in aliases:
            self.owners.setdefault(alias.words, []).append(alias)
        for bucket in self.owners.values():
            bucket.sort(key=lambda a: a.weak)
        lengths: dict[str, set[int]] = {}
        for words in self.owners:
            lengths.setdefault(words[0], set()).add(len(words))
        self.lengths = {first: sorted(ks, reverse=True) for first, ks in lengths.items()}
        seconds: dict[str, set[str]] = {}  # first word -> the second words of its aliases of several words
        for words in self.owners:
            if len(words) > 1:
                seconds.setdefault(words[0], set()).add(words[1])
        self.seconds = {first: frozenset(ws) for first, ws in seconds.items()}

    def scan(
        self, folded: str, toks: list[tuple[int, int, str]], words: list[str] | None = None
    ) -> list[tuple[int, int, int, int, Alias]]:
        """Non-overlapping alias matches as (token index, token end index, start, end, alias)."""
        found: list[tuple[int, int, int, int, Alias]] = []
        if words is None:
            words = [t[2] for t in toks]
        lengths = self.lengths
        owners = self.owners
        seconds = self.seconds
        n = len(toks)
        next_free = 0
        no_seconds: frozenset[str] = frozenset()
        for i in compress(count(), map(lengths.__contains__, words)):
            if i < next_free:
                continue
            hit = None
            first = words[i]
            # an alias of several words needs its second word next: one set lookup rules most of them out
            long_ok = i + 1 < n and words[i + 1] in seconds.get(first, no_seconds)
            for k in lengths[first]:
                if k > 1 and (not long_ok or i + k > n):
                    continue
                bucket = owners.get(tuple(words[i : i + k])) if k > 1 else owners.get((first,))
                if not bucket:
                    continue
                if k > 1 and "\n" in folded[toks[i][0] : toks[i + k - 1][1]]:
                    continue
                for alias in bucket:
                    if case_ok(folded, toks, i, alias):
                        hit = alias
                        break
                if hit is not None:
                    break
            if hit is not None:
                k = len(hit.words)
                found.append((i, i + k, toks[i][0], toks[i + k - 1][1], hit))
                next_free = i + k
        return found


def case_ok(folded: str, toks: list[tuple[int, int, str]], i: int, alias: Alias) -> bool:
    if alias.exact_upper:
        s, e, _ = toks[i]
        return folded[s:e].isupper()
    for j, need in enumerate(alias.needs_caps):
        if need:
            c = folded[toks[i + j][0]]
            if not (c.isupper() or c.isdigit()):
                return False
    return True


def _load_json(name: str) -> Any:
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


@dataclass(frozen=True, slots=True)
class ClubInfo:
    name: str
    country: str
    league: str
    order: int


@lru_cache(maxsize=1)
def clubs() -> tuple[dict[str, ClubInfo], AliasIndex]:
    """Club facts by canonical name and the alias index (canonical names are aliases too)."""
    info: dict[str, ClubInfo] = {}
    aliases: list[Alias] = []
    for order, row in enumerate(_load_json("clubs.json")):
        name = row["name"]
        info[name] = ClubInfo(name, row["country"], row["league"], order)
        for raw in [name, *row["aliases"]]:
            alias = parse_alias(raw, name)
            if alias is not None:
                aliases.append(alias)
    return info, AliasIndex(aliases)


@dataclass(frozen=True, slots=True)
class SourceInfo:
    name: str
    kind: str  # "outlet" or "journalist"
    outlet: str | None


@lru_cache(maxsize=1)
def sources() -> tuple[dict[str, SourceInfo], AliasIndex, dict[str, dict[str, str]]]:
    """Outlets and journalists by display name, their alias index, and per-language display names."""
    raw = _load_json("sources.json")
    info: dict[str, SourceInfo] = {}
    aliases: list[Alias] = []
    for row in raw["sources"]:
        name = row["name"]
        info[name] = SourceInfo(name, row["kind"], row.get("outlet"))
        entries = [name, *row["aliases"]]
        for entry in entries:
            alias = parse_alias(entry, name)
            if alias is None:
                continue
            if row["kind"] == "journalist" and len(alias.words) == 1 and not entry.startswith("@"):
                alias = Alias(alias.words, alias.target, True, alias.needs_caps, alias.exact_upper)
            aliases.append(alias)
    return info, AliasIndex(aliases), raw.get("by_language", {})


@lru_cache(maxsize=1)
def fx_rates() -> dict[str, float]:
    """Euro value of one unit per currency code."""
    return {k: float(v) for k, v in _load_json("fx_rates.json").items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def people() -> dict[str, str]:
    """Coaches, officials, agents and relatives who are never the player: role by name."""
    return {row["name"]: row["role"] for row in _load_json("people.json")["people"]}


def _word_list(name: str) -> frozenset[str]:
    words: set[str] = set()
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        words.update(line.split("#", 1)[0].split())
    return frozenset(words)


@lru_cache(maxsize=1)
def not_names() -> frozenset[str]:
    """Folded lower-case words that are never part of a person's name (German nouns, sentence openers)."""
    return _word_list("not_names.txt")


@lru_cache(maxsize=1)
def cities() -> frozenset[str]:
    """Folded lower-case city names that are also club names: after "in"/"a"/"en" without an article, a place."""
    return _word_list("cities.txt")
