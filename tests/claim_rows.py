"""Hand-made claims as grouping reads them from the store, for the grouping and reconciliation tests."""

from __future__ import annotations

from itertools import count

from aggregator.concepts.club_sides import ClubSide
from aggregator.grouping import ClaimRow

_ids = count(1)


def claim_row(
    to: str | None,
    when: str | None,
    *,
    stage: str = "interest",
    outlet: str | None = None,
    frm: str | None = None,
    fee: float | None = None,
    url: str | None = None,
    player: str = "Karim Adeyemi",
    duplicate_of: int | None = None,
    clubs: tuple[ClubSide, ...] = (),
) -> ClaimRow:
    """One claim of a report of its own (a fresh id and URL unless given); the player key is the folded name."""
    cid = next(_ids)
    outlet = outlet or f"outlet-{cid}.example"
    link = url or f"https://{outlet}/story-{cid}"
    return ClaimRow(
        claim_id=cid,
        ref=f"{link}#0.0",
        player=player,
        player_key=" ".join(sorted(player.lower().split())),
        from_club=frm,
        to_club=to,
        stage=stage,
        fee_eur=fee,
        published_at=when,
        outlet=outlet,
        url=link,
        duplicate_of=duplicate_of,
        clubs=clubs,
    )


def next_id() -> int:
    return next(_ids)
