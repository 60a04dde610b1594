"""The shared concepts every stage speaks of: the stage ladder, the transfer window, name folding, cited sources,
a club's side in a claim, how much of a report is read."""

from .citations import CitedSource
from .club_sides import ClubSide
from .limits import MAX_TEXT_CHARS, MAX_TITLE_CHARS
from .names import fold_name, player_key
from .stages import DEAL_STATUSES, LADDER, STAGE_RANK, STAGE_WEIGHT, STAGES
from .windows import UNDATED, WINDOW_SQL, transfer_window

__all__ = [
    "DEAL_STATUSES",
    "LADDER",
    "MAX_TEXT_CHARS",
    "MAX_TITLE_CHARS",
    "STAGES",
    "STAGE_RANK",
    "STAGE_WEIGHT",
    "UNDATED",
    "WINDOW_SQL",
    "CitedSource",
    "ClubSide",
    "fold_name",
    "player_key",
    "transfer_window",
]
