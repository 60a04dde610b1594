"""Cited sources: the outlets and journalists a report credits, and the club announcements it reports.

Sources are found before clubs, so that an outlet named after a city ("Manchester Evening News", "Liverpool
Echo") is never read as a club. Three kinds of mention:

- a gossip column's closing parentheses, "(Sun)", "(Bild - in German)", "(Tuttomercato, via Mail)": every outlet
  in them, in order;
- a registry name or alias in the text; an ambiguous alias ("Mail", "Sport") counts only next to an attribution
  phrase, and a single word glued to another capitalised word ("BT Sport") is part of a bigger name, not the outlet;
- a person's name after a credit phrase ("according to journalist Jane Doe").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from ..concepts import CitedSource
from .clubs import ClubMention
from .document import Document
from .registry import case_ok, clubs, sources
from .text import fold, tokens

__all__ = ["SourceMention", "canonical_source", "cited_sources", "find_source_mentions"]


@dataclass(frozen=True, slots=True)
class SourceMention:
    start: int
    end: int
    name: str  # registry display name (or the person's name as written)
    how: str  # "parentheses", "registry", "cued", "credited"
    weak: bool  # an ambiguous alias: yields to a club on the same words

    def as_dict(self) -> dict[str, object]:
        return {"name": self.name, "how": self.how, "at": self.start}


def canonical_source(name: str, language: str | None = None) -> str | None:
    """Registry display name for an outlet/journalist name or alias (None when unknown)."""
    if not name or not name.strip():
        return None
    info, index, by_lang = sources()
    if name in info:
        return _display(name, language, by_lang)
    folded = fold(name.strip())
    toks = tokens(folded)
    owners = index.owners.get(tuple(t[2] for t in toks))
    for alias in owners or ():
        if case_ok(folded, toks, 0, alias):  # "Express" the Daily Express, "EXPRESS" the Cologne paper
            return _display(alias.target, language, by_lang)
    return _display(owners[0].target, language, by_lang) if owners else None


def _display(name: str, language: str | None, by_lang: dict[str, dict[str, str]]) -> str:
    if name in by_lang and language:
        return by_lang[name].get(language, name)
    return name


# "(Sun)", "(Bild - in German)", "(Sport - subscription required)", "(Tuttomercato, via Mail)"
_PARENS = re.compile(r"\(([^()\n]{2,90})\)")
_PAREN_NOTE = re.compile(
    r"\s*[-–—:]\s*(?:in [A-Za-z]+|subscription(?: required)?|paywall|external|podcast|video|"
    r"(?:German|Spanish|Italian|French|Portuguese|Dutch|Turkish) language)\b.*$|\s+subscription required.*$",
    re.IGNORECASE,
)
_PAREN_SPLIT = re.compile(r"\s*(?:,\s*via\s+|\s+via\s+|;\s*|,\s*|/\s*|\s+and\s+|\s+&\s+)\s*", re.IGNORECASE)


def _parenthesised(doc: Document) -> list[SourceMention]:
    out: list[SourceMention] = []
    for m in _PARENS.finditer(doc.folded):
        body = m.group(1)
        if not body[:1].isalpha() and not body[:1].isdigit():
            continue
        body = _PAREN_NOTE.sub("", body).strip()
        parts = [p.strip(" .") for p in _PAREN_SPLIT.split(body) if p.strip(" .")]
        if not parts or len(parts) > 4:
            continue
        names = [canonical_source(p, doc.language) for p in parts]
        if not names[0]:
            continue
        pos = m.start(1)
        for part, name in zip(parts, names, strict=True):
            at = doc.folded.find(part, pos)
            at = at if at >= 0 else pos
            if name:
                out.append(SourceMention(at, at + len(part), name, "parentheses", False))
            pos = at + len(part)
    return out


def _cued(doc: Document, start: int, end: int) -> bool:
    book = doc.book
    return bool(
        book.after_match("source.after", doc.low[end : end + 40])
        or book.before_match("source.before", doc.low[max(0, start - 70) : start])
    )


def _glued(doc: Document, i: int, j: int) -> bool:
    """Tokens i..j-1 sit inside a bigger capitalised name: a capitalised word right before (not opening a
    sentence) or right after ("BT Sport", "Sport Kompakt")."""
    toks, folded = doc.toks, doc.folded
    _, club_index = clubs()

    def capital(k: int) -> bool:
        s, _, w = toks[k]
        return folded[s].isupper() and w not in doc.book.words["grammar.stopwords"] and w not in club_index.lengths

    if j < len(toks) and toks[j][0] - toks[j - 1][1] == 1 and folded[toks[j - 1][1]] == " " and capital(j):
        return True
    if i > 0 and toks[i][0] - toks[i - 1][1] == 1 and folded[toks[i][0] - 1] == " " and capital(i - 1):
        before = folded[max(0, toks[i - 1][0] - 3) : toks[i - 1][0]].rstrip()
        return not (not before or before[-1] in ".!?:\n\"'(")
    return False


_PERSON = re.compile(r"([A-Z][a-zA-Z'\-]+(?:\s(?:de|di|da|del|van|von|al|el|Al|El)?\s?[A-Z][a-zA-Z'\-]+){1,2})")
_PERSON_LEAD = re.compile(
    r"[\s,:]*(?:(?:the|la|le|il|el|an?|der|die|italian|english|french|spanish|german|respected|football|transfer|"
    r"journalist|reporter|expert|guru|giornalista|periodista|journaliste|insider|del|de|of|sports?|news)[\s,]+){0,5}"
)


def find_source_mentions(
    doc: Document, club_scan: list[tuple[int, int, int, int, Any]] | None = None
) -> list[SourceMention]:
    """Every source mention in text order (weak ones included: ``cited_sources`` decides on those)."""
    _, index, by_lang = sources()
    _, club_index = clubs()
    found = _parenthesised(doc)
    taken = [(s.start, s.end) for s in found]
    # words of a club named in several words ("AS Monaco", "Sporting Lisbon") hold no one-word outlet
    if club_scan is None:
        club_scan = club_index.scan(doc.folded, doc.toks, doc.words)
    club_words = [(start, end) for i, j, start, end, _ in club_scan if j - i > 1]
    for i, j, start, end, alias in index.scan(doc.folded, doc.toks, doc.words):
        if any(s < end and start < e for s, e in taken):
            continue
        if (j - i == 1 or alias.weak) and any(s < end and start < e for s, e in club_words):
            continue
        single = j - i == 1
        if (single or alias.weak) and _glued(doc, i, j):
            continue  # "BT Sport" is not the paper Sport
        weak = alias.weak
        if weak and not _cued(doc, start, end):
            continue
        name = _display(alias.target, doc.language, by_lang)
        found.append(SourceMention(start, end, name, "cued" if weak else "registry", weak))
    for m in doc.book.search["source.credit"].finditer(doc.low):
        lead = _PERSON_LEAD.match(doc.folded, m.end())
        start = lead.end() if lead else m.end()
        person = _PERSON.match(doc.folded, start)
        if not person:
            continue
        end = person.end()
        words = person.group(1).split()
        if len(words) < 2 or words[0] in _NOT_PERSON or any(s < end and start < e for s, e in taken):
            continue
        if any(s <= start < e for s, e, *_ in ((x.start, x.end) for x in found)):
            continue
        found.append(SourceMention(start, end, doc.text[start:end].strip(), "credited", True))
    found.sort(key=lambda s: s.start)
    return found


_NOT_PERSON = frozenset(
    [
        "The",
        "La",
        "Le",
        "Il",
        "El",
        "Die",
        "Der",
        "Das",
        "Los",
        "Les",
        "Reports",
        "Report",
        "Sources",
        "Source",
        "Club",
        "Sky",
        "Italian",
        "English",
        "German",
        "French",
        "Spanish",
        "Media",
    ]
)


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
    if (
        default_official
        and default_official not in officials
        and (officials or doc.book.search["source.official_done"].search(doc.low))
    ):
        officials.insert(0, default_official)  # a completed signing is announced by the buying club
    for club in officials:
        source = CitedSource(club, official=True)
        if source not in out:
            out.append(source)
    return out


def _official_clubs(doc: Document, club_mentions: list[ClubMention], default_official: str | None) -> list[str]:
    low = doc.low
    out: list[str] = []
    for m in doc.book.search["source.official"].finditer(low):
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
