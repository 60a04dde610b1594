"""The sides of a deal: each club's weighted mention readings give it one role, and the deal its buyer and seller.

``club_roles`` weighs the mentions of each club (read by ``roles.read_mentions``) by how much their sentences are
about the player, and gives each club one role with the evidence behind it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..concepts.club_sides import SELLER_DISCOUNT, ClubSide
from .roles import Evidence, MentionReading, Role

__all__ = ["MIN_WEIGHT", "ClubRole", "Sides", "club_roles"]


@dataclass(slots=True)
class ClubRole:
    """One club's role in the deal a claim is about, with what it rests on."""

    club: str
    role: Role
    buyer: float = 0.0  # weighted destination strength
    seller: float = 0.0  # weighted origin strength
    weight: float = 0.0  # weighted mentions
    first: int = 0  # first mention
    lead_buyer: float = 0.0  # destination strength in the headline or lead
    withdrawn: float = 0.0
    evidence: list[Evidence] = field(default_factory=list)

    def side(self) -> ClubSide:
        """What the claim keeps of this role for grouping."""
        return ClubSide(self.club, str(self.role), self.buyer, self.seller)

    def as_dict(self) -> dict[str, object]:
        return {
            "club": self.club,
            "role": str(self.role),
            "buyer": round(self.buyer, 2),
            "seller": round(self.seller, 2),
            "weight": round(self.weight, 2),
            "evidence": [e.as_dict() for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class Sides:
    """The deal's two sides as the roles give them."""

    buyer: str | None
    seller: str | None
    buyer_score: float
    seller_score: float
    withdrawn: tuple[str, ...]  # clubs the text says pulled out (each gets a collapsed claim)
    roles: tuple[ClubRole, ...]


# A mention weighs less than this when its words belong to another player ("Chelsea complete the signing of X"
# in a teaser line): it takes no part in this player's deal.
MIN_WEIGHT = 0.15


def club_roles(readings: list[MentionReading], weight_of: dict[int, float], lead_end: int) -> Sides:
    """One role per club from its weighted mentions; the buyer the lead names wins (news puts its story first).

    ``weight_of`` maps a mention's start to how much its sentence is about the player (0: ignore it)."""
    by_club: dict[str, ClubRole] = {}
    for r in readings:
        w = weight_of.get(r.mention.start, 1.0) * (0.6 if r.mention.weak else 1.0)
        if w < MIN_WEIGHT:
            continue  # another player's sentence (a teaser of another deal, a rival's signing): not this deal
        club = r.club
        role = by_club.get(club)
        if role is None:
            role = by_club[club] = ClubRole(club, Role.OTHER, first=r.mention.start)
        role.evidence.extend(r.evidence)
        if r.side in (Role.RIVAL, Role.FORMER, Role.LOAN, Role.PLACE):
            if role.weight == 0:
                role.role = r.side
            continue
        if r.side is Role.WITHDRAWN:
            role.withdrawn += w
            continue
        role.weight += w
        if r.buyer:
            role.buyer += r.buyer * w
            if r.mention.start < lead_end and r.buyer >= 1.0 and w >= 1.0:
                role.lead_buyer += r.buyer * w
        if r.seller:
            role.seller += r.seller * w
    active = {c: r for c, r in by_club.items() if r.weight > 0}
    withdrawn = tuple(c for c, r in by_club.items() if r.withdrawn and (c not in active or r.buyer <= r.withdrawn))
    for c in withdrawn:
        by_club[c].role = Role.WITHDRAWN
    roles = tuple(sorted(by_club.values(), key=lambda r: r.first))
    if not active:
        if withdrawn:
            club = max(withdrawn, key=lambda c: by_club[c].withdrawn)
            return Sides(club, None, 0.0, 0.0, (club,), roles)
        return Sides(None, None, 0.0, 0.0, (), roles)
    net_buyer = {c: r.buyer - SELLER_DISCOUNT * r.seller for c, r in active.items() if c not in withdrawn}
    buyer = None
    lead = {c: net_buyer[c] for c, r in active.items() if r.lead_buyer and c in net_buyer and net_buyer[c] > 0}
    if lead:
        buyer = max(lead, key=lambda c: (active[c].lead_buyer, net_buyer[c], active[c].weight, -active[c].first))
    elif net_buyer and any(r.buyer for r in active.values()):
        buyer = max(net_buyer, key=lambda c: (net_buyer[c], active[c].weight, -active[c].first))
        if net_buyer[buyer] <= 0:
            buyer = None
    net_seller = {
        c: r.seller - SELLER_DISCOUNT * r.buyer for c, r in active.items() if c != buyer and c not in withdrawn
    }
    seller = None
    if net_seller:
        best = max(net_seller, key=lambda c: (net_seller[c], active[c].weight, -active[c].first))
        if net_seller[best] > 0:
            seller = best
    if buyer is None and withdrawn:
        buyer = max(withdrawn, key=lambda c: by_club[c].withdrawn)  # no other club is said to want him
    if buyer is None:
        rest = [c for c in active if c != seller]
        if rest:
            buyer = max(rest, key=lambda c: (active[c].weight, -active[c].first))
    if seller is None:
        rest = [c for c in active if c != buyer and c not in withdrawn]
        if rest:
            seller = max(rest, key=lambda c: (active[c].weight, -active[c].first))
    if buyer in by_club and by_club[buyer].role is Role.OTHER:
        by_club[buyer].role = Role.BUYER
    if seller in by_club:
        by_club[seller].role = Role.SELLER
    return Sides(
        buyer,
        seller,
        active[buyer].buyer if buyer in active else 0.0,
        active[seller].seller if seller in active else 0.0,
        withdrawn,
        roles,
    )
