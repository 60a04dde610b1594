"""Extraction: a report read in stages — document, mentions, club roles, stage, claims — with language data in
``lang/<code>.toml`` phrasebooks. ``extract_claims`` gives the claims, ``read_report`` everything behind them."""

from __future__ import annotations

from ..concepts import STAGE_RANK, STAGES, player_key
from .claims import Claim, ClaimReading, Reading, extract_claims, read_report
from .clubs import canonical_club
from .sources import canonical_source

__all__ = [
    "EXTRACTOR_VERSION",
    "STAGES",
    "STAGE_RANK",
    "Claim",
    "ClaimReading",
    "Reading",
    "canonical_club",
    "canonical_source",
    "extract_claims",
    "player_key",
    "read_report",
]

EXTRACTOR_VERSION = "2025.5"
