"""Which outlet a user means: a spider name, its host (``www.bbc.com``, ``bbc.com``) or its display name."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Outlet:
    """One spider as the crawl helper lists it: its name, the outlet's display name and its domain."""

    name: str
    display_name: str = ""
    domain: str = ""

    def spellings(self) -> set[str]:
        """Every way a user may name this outlet, folded (case-insensitive, with or without ``www.``)."""
        domain = fold(self.domain).removeprefix("www.")
        found = {fold(self.name), fold(self.display_name)}
        if domain:
            found |= {domain, f"www.{domain}"}
        return found - {""}

    def describe(self) -> str:
        """``bbc (BBC Sport, bbc.com)``: the name to type, then the other spellings it answers to."""
        others = [part for part in (self.display_name, self.domain) if part and part != self.name]
        return f"{self.name} ({', '.join(others)})" if others else self.name


class UnknownOutlets(ValueError):
    """Outlet names that match no spider; the message lists the known ones."""

    def __init__(self, unknown: list[str], known: Iterable[Outlet]) -> None:
        self.unknown = unknown
        listed = "; ".join(outlet.describe() for outlet in known)
        super().__init__(f"unknown outlet(s): {', '.join(unknown)}; known: {listed}")


def fold(text: str) -> str:
    """A spelling as matched: trimmed, lower-cased, a URL's scheme and trailing slash removed."""
    text = text.strip().casefold()
    for scheme in ("https://", "http://"):
        text = text.removeprefix(scheme)
    return text.rstrip("/")


def resolve_outlets(given: Iterable[str], registry: Iterable[Outlet]) -> list[str]:
    """The spider names ``given`` means, in the order given and without repeats; UnknownOutlets names the rest."""
    outlets = list(registry)
    by_spelling = {spelling: outlet.name for outlet in outlets for spelling in outlet.spellings()}
    names: list[str] = []
    unknown: list[str] = []
    for text in given:
        name = by_spelling.get(fold(text))
        if name is None:
            unknown.append(text)
        elif name not in names:
            names.append(name)
    if unknown:
        raise UnknownOutlets(unknown, outlets)
    return names
