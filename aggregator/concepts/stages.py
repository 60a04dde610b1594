"""The stage ladder: how far a deal has got, its ranks, and what each stage weighs in a digest's heat."""

from __future__ import annotations

# The ordered ladder: each stage asserts more than the one before it.
LADDER = ("interest", "talks", "bid", "agreed", "medical", "done")
# Outside the ladder: a party denies the rumour; the move was on and fell through (or he stayed or renewed);
# the player leaves with no destination named.
SIDE = ("denied", "collapsed", "exit_only")
STAGES = LADDER + SIDE

# Ladder stages rank 0..5; the side stages rank below "interest" so that sorting by rank never counts them as
# progress.
STAGE_RANK: dict[str, int] = {stage: i for i, stage in enumerate(LADDER)} | {
    "denied": -1,
    "collapsed": -2,
    "exit_only": -3,
}

# Stages that say a deal went through or will (for placing undated reports) and those that say it did not.
PROGRESS = frozenset({"agreed", "medical", "done"})
FAILURE = frozenset({"collapsed", "denied"})
# A run of reports that reached one of these is closed: a much later report starts a new deal.
TERMINAL = frozenset({"done", "collapsed"})

# A deal's status, as grouping sets it: done when a report says so, collapsed when the latest dated report says it
# fell through or was denied, else open.
DEAL_STATUSES = ("open", "done", "collapsed")

# How far along a deal is, for a digest's heat: the ladder counts up from 1, denials and collapses stay
# newsworthy.
STAGE_WEIGHT: dict[str, int] = {stage: i + 1 for i, stage in enumerate(LADDER)} | {
    "denied": 2,
    "collapsed": 3,
    "exit_only": 1,
}


def furthest(stages: list[str]) -> str | None:
    """The ladder stage furthest along among ``stages`` (None when none is on the ladder)."""
    on_ladder = [s for s in stages if s in LADDER]
    return max(on_ladder, key=STAGE_RANK.__getitem__) if on_ladder else None
