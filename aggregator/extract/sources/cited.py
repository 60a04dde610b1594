"""The sources a report credits, from its source mentions, and the clubs whose announcement it reports."""

from __future__ import annotations

import bisect

from ...concepts import CitedSource
from ..clubs import ClubMention
from ..document import Document
from .mention import SourceMention

__all__ = ["cited_sources"]


def cited_sources(
    doc: Document, mentions: list[SourceMention], club_mentions: list[ClubMention], default_official: str | None
) -> list[CitedSource]:
    """The sources a report credits, in order of first mention, then the clubs whose announcement it reports.

    A weak mention on the words of a club mention is the club ("Sporting" the club, not the paper); a person
    credited by name must not be a club either. ``default_official`` is the buying club of a completed signing."""
    club_spans = [(c.start, c.end) for c in club_mentions]
    out: list[CitedSource] = []
    for s in mentions:
        if s.how in ("cued", "credited"):
            k = bisect.bisect_right(club_spans, (s.start, 1 << 60)) - 1
            if (k >= 0 and club_spans[k][0] <= s.start < club_spans[k][1]) or any(
                c.start < s.end and s.start < c.end for c in club_mentions
            ):
                continue
        source = CitedSource(s.name)
        if source not in out:
            out.append(source)
    officials = _official_clubs(doc, club_mentions, default_official)
    if default_official and default_official not in officials and (officials or doc.first("source.official_done")):
        officials.insert(0, default_official)  # a completed signing is announced by the buying club
    for club in officials:
        source = CitedSource(club, official=True)
        if source not in out:
            out.append(source)
    return out


def _official_clubs(doc: Document, club_mentions: list[ClubMention], default_official: str | None) -> list[str]:
    low = doc.low
    out: list[str] = []
    for m in doc.found("source.official"):
        ctx_start = max(low.rfind(". ", 0, m.start()), low.rfind("\n", 0, m.start()), m.start() - 120)
        ctx_end = min(x for x in (low.find(". ", m.end()), low.find("\n", m.end()), m.end() + 80) if x >= 0)
        near = [c for c in club_mentions if ctx_start <= c.start < ctx_end]
        before = [c for c in near if c.start < m.start()]
        if before:
            club = before[0].club
        elif near:
            club = near[0].club
        elif default_official:
            club = default_official
        else:
            continue
        if club not in out:
            out.append(club)
    return out
