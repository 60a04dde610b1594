"""Reading one player's reports of a window together: the club he is at, and destinations checked against the rest.

A desk that reads twenty reports on a player knows which club owns him because most of them say so, and reads
the odd report that calls that club the buyer as a misreading. ``reconcile`` does the same for the claims of one
player family in one window, before they are grouped into deals:

- the **seller** is the club the reports together give the most seller evidence (net of buyer evidence);
- a report keeps the destination its **own** evidence gives (one verb or preposition sending the player there,
  and no other club it names nearly as strongly), or one that other confident reports give too: two suitors with
  reports of their own stay two deals;
- a report that sends the player to the seller joins the window's best-supported destination among the clubs it
  names in one of the deal's roles (never a former club, a rival suitor, a loan club or a city);
- a report with no destination, or a weak reading of a club no confident report names, joins the best-supported
  destination among the clubs it gives some buyer strength; otherwise every report keeps its own reading.

Support counts independent reports only (a syndicated copy says nothing new). The result depends only on the
claims given (and the support from elsewhere passed in), in any order, which keeps incremental runs equal to a
rebuild.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .concepts.club_sides import DEAL_ROLES, OWN_EVIDENCE, WITHDRAWN, ClubSide

if TYPE_CHECKING:
    from .grouping import ClaimRow

# A second club named at least this strongly (relative to the destination's strength) makes the reading
# ambiguous: the report does not say which of the two he joins.
AMBIGUOUS_RATIO = 0.75


@dataclass(frozen=True, slots=True)
class Consensus:
    """What a window's reports say together: the seller, and how many confident reports name each destination."""

    seller: str | None
    destinations: Mapping[str, int]

    def best_among(self, clubs: Sequence[str]) -> str | None:
        """The best-supported destination among ``clubs`` (alphabetical on a tie), None when none has support."""
        supported = [c for c in clubs if self.destinations.get(c, 0) > 0 and c != self.seller]
        return min(supported, key=lambda c: (-self.destinations[c], c)) if supported else None


def _side(claim: ClaimRow, club: str | None) -> ClubSide | None:
    return next((s for s in claim.clubs if s.club == club), None) if club else None


def own_evidence(claim: ClaimRow) -> bool:
    """The report itself says where the player goes: its destination has a verb or preposition's worth of buyer
    strength, and no other club it names in the deal's roles comes close."""
    mine = _side(claim, claim.to_club)
    if mine is None or mine.net_buyer < OWN_EVIDENCE:
        return False
    rivals = [s.net_buyer for s in claim.clubs if s.club != claim.to_club and s.role in DEAL_ROLES]
    return not rivals or max(rivals) < AMBIGUOUS_RATIO * mine.net_buyer


def consensus(claims: Sequence[ClaimRow], more_destinations: Mapping[str, int] | None = None) -> Consensus:
    """The seller and destination support of one window's claims (plus support counted elsewhere)."""
    seller_strength: defaultdict[str, float] = defaultdict(float)
    destinations: Counter[str] = Counter(more_destinations or {})
    for claim in claims:
        if claim.duplicate_of is not None:
            continue
        for side in claim.clubs:
            if side.role in DEAL_ROLES:
                seller_strength[side.club] += side.net_seller
        if claim.to_club and own_evidence(claim):
            destinations[claim.to_club] += 1
    owners = {club: v for club, v in seller_strength.items() if v > 0}
    seller = min(owners, key=lambda c: (-owners[c], c)) if owners else None
    return Consensus(seller, destinations)


def _doubtful(claim: ClaimRow, agreed: Consensus) -> bool:
    """A destination the window's reports do not let stand: none, the seller itself, or a weak reading of a club
    that no confident report names as the destination (a real rival suitor has reports of its own); never the
    collapse of a suitor that pulled out."""
    if claim.to_club is None or claim.to_club == agreed.seller:
        return True
    if agreed.destinations.get(claim.to_club, 0) > 0:
        return False
    mine = _side(claim, claim.to_club)
    if mine is not None and mine.role == WITHDRAWN:
        return False  # the collapse of a suitor the text says pulled out
    return mine is None or mine.net_buyer < OWN_EVIDENCE


def _alternatives(claim: ClaimRow, seller: str | None) -> list[str]:
    """The destinations a report could mean, in one of the deal's roles. When it sends the player to the club that
    owns him, that reading is wrong whatever else it says: its sides are swapped when it has him leave a club it
    names, else any club it names will do. Otherwise the clubs it gives some buyer strength (a club it names
    with nothing sending the player there is no reading of the report)."""
    if claim.to_club is not None and claim.to_club == seller:
        if claim.from_club and any(s.club == claim.from_club and s.role in DEAL_ROLES for s in claim.clubs):
            return [claim.from_club]  # its two sides swapped: the club it has him leave is the one he joins
        return [s.club for s in claim.clubs if s.role in DEAL_ROLES]
    return [s.club for s in claim.clubs if s.role in DEAL_ROLES and s.net_buyer > 0]


def reconcile(claims: Sequence[ClaimRow], more_destinations: Mapping[str, int] | None = None) -> list[ClaimRow]:
    """The claims of one family in one window, each destination read against the others (see the module)."""
    agreed = consensus(claims, more_destinations)
    out = []
    for claim in claims:
        best = agreed.best_among(_alternatives(claim, agreed.seller)) if _doubtful(claim, agreed) else None
        if best is None or best == claim.to_club:
            out.append(claim)
            continue
        named = {s.club for s in claim.clubs if s.role in DEAL_ROLES}
        seller = agreed.seller if agreed.seller in named and agreed.seller != best else claim.from_club
        out.append(replace(claim, to_club=best, from_club=seller if seller != best else None))
    return out
