"""The mentions stage: sources, clubs, fees, stage cues and people a document names, found in that order.

Sources come first so that an outlet named after a city keeps its words; clubs next, outside the outlets' words;
then the officials quoted on the record, outside both; players last, outside all three, ranked with the stage cues
and fees around them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .clubs import ClubMention, find_clubs
from .cues import StageCue, find_stage_cues
from .document import Document
from .fees import FeeMention, find_fees, free_transfer_spans
from .players import PlayerCandidate, find_players, player_key
from .registry import clubs as club_registry
from .registry import people, sources
from .sources import SourceMention, find_source_mentions
from .speakers import find_speakers

__all__ = ["Mentions", "find_mentions"]


@dataclass(frozen=True, slots=True)
class Mentions:
    sources: list[SourceMention]
    clubs: list[ClubMention]
    fees: list[FeeMention]
    free_spans: list[tuple[int, int]]  # "on a free transfer"
    cues: list[StageCue]
    players: list[PlayerCandidate]  # best first


@lru_cache(maxsize=1)
def excluded_people() -> frozenset[str]:
    """Name keys that are never the player: journalists, outlets named like people, coaches and officials."""
    info, _, _ = sources()
    return frozenset({player_key(name) for name in info} | {player_key(name) for name in people()})


def club_index():
    return club_registry()[1]


def find_mentions(doc: Document) -> Mentions:
    club_scan = club_index().scan(doc.folded, doc.toks, doc.words)  # one pass, shared by sources and clubs
    source_mentions = find_source_mentions(doc, club_scan)
    taken = [(s.start, s.end) for s in source_mentions if not s.weak]
    clubs = find_clubs(doc.folded, doc.toks, doc.words, taken, genitive_s=doc.language == "de", raw=club_scan)
    blocked = [(c.start, c.end) for c in clubs] + [(s.start, s.end) for s in source_mentions]
    speakers = find_speakers(doc, blocked)
    if speakers:
        source_mentions = sorted(source_mentions + speakers, key=lambda s: s.start)
    cues = find_stage_cues(doc)
    fees = find_fees(doc.low, doc.book)
    cue_positions = [c.start for c in cues if c.stage not in (None, "exit_only")] + [f.start for f in fees]
    blocked += [(s.start, s.end) for s in speakers]
    players = find_players(doc, blocked, cue_positions, excluded_people()) if clubs else []
    return Mentions(source_mentions, clubs, fees, free_transfer_spans(doc), cues, players)
