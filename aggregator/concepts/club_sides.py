"""A club's side in one claim as extraction weighed it, kept with the claim so grouping can read reports together."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

# A mention's seller strength counts against its buyer strength at this rate (and the other way round): a club
# said to sell and to buy is mostly the seller.
SELLER_DISCOUNT = 0.7
# The unit of a club's destination strength: one verb or preposition that sends the player there ("joins X",
# "move to X"); a bare "to" is half of it. A destination resting on less is the report's weak guess.
OWN_EVIDENCE = 1.0
# The roles that make a club one of the deal's two sides; former clubs, rival suitors, loan clubs and cities named
# like clubs never become its destination.
DEAL_ROLES = frozenset({"buyer", "seller", "other"})
# A suitor the text says pulled out: its claim (a collapse) is about that club whatever the others say.
WITHDRAWN = "withdrawn"


@dataclass(frozen=True, slots=True)
class ClubSide:
    """One club a claim names: its role (``extract.roles.Role``) and its weighted buyer and seller strength."""

    club: str
    role: str
    buyer: float
    seller: float

    @property
    def net_buyer(self) -> float:
        return self.buyer - SELLER_DISCOUNT * self.seller

    @property
    def net_seller(self) -> float:
        return self.seller - SELLER_DISCOUNT * self.buyer


def sides_to_json(sides: Iterable[ClubSide]) -> str | None:
    """The sides grouping reads, as a claims row stores them: the deal's roles and withdrawn suitors, compact (None
    when none)."""
    kept = [
        [s.club, s.role, round(s.buyer, 2), round(s.seller, 2)]
        for s in sides
        if s.role in DEAL_ROLES or s.role == WITHDRAWN
    ]
    return json.dumps(kept, ensure_ascii=False, separators=(",", ":")) if kept else None


def sides_from_json(text: str | None) -> tuple[ClubSide, ...]:
    """The sides a claims row stores (an older row without them has none)."""
    if not text:
        return ()
    return tuple(ClubSide(str(c), str(r), float(b), float(s)) for c, r, b, s in json.loads(text))
