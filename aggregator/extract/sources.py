"""Cited sources: outlets and journalists a report credits, club announcements, normalised to the registry."""

from __future__ import annotations

import bisect
import re

from .clubs import ClubMention
from .registry import sources
from .text import fold, tokens

__all__ = ["canonical_source", "find_sources"]

_CUE_BEFORE = re.compile(
    r"(according to|reported by|report(s|ed)? (in|by|from)|per|via|told|tells|telling|sources? (told|close to)|"
    r"claims? by|as revealed by|revealed by|confirmed to|said to|speaking to|in an interview with|"
    r"laut|wie (die |der |das )?|nach (angaben |informationen )?(der |des |von )?|berichtet(e|en)? (die |der |das )?|"
    r"meldet(e)? (die |der |das )?|informationen (der |des |von )?|zufolge|gegenuber (der |dem |von )?|"
    r"selon|d'apres|rapporte(nt)?|revele(nt)? par|annonce(nt)? par|confie a|au micro de|"
    r"secondo( quanto (riporta|riportato da|rivela|scrive|riferisce))?|riporta|come riportato da|rivela|"
    r"fa sapere|a riferirlo|scrive|segun|informa|publica|desvela|apunta|confirma|revela|"
    r"de acuerdo con|en declaraciones a)"
    r"\s*(the |la |le |il |el |l'|die |der |lo |los |das )?([a-z]+ ){0,4}$"
)
_CUE_AFTER = re.compile(
    r"^[\s,'\")]*((is|are|have|has|had)\s)?(report|reported|reporting|reports|claim|claims|claimed|say|says|said|"
    r"understand|understands|revealed|reveal|reveals|suggest|suggests|suggested|adds|added|learned|"
    r"states|stated|writes|wrote|newspaper|journalist|reporter|informationen|berichtet|berichten|"
    r"meldet|melden|schreibt|schreiben|zufolge|-bericht|bericht|rapporte|revele|affirme|annonce|indique|"
    r"ecrit|riporta|rivela|scrive|svela|conferma|torna|informa|publica|asegura|desvela|revela|cuenta|explica|"
    r"l'a annonce|a annonce|sources)"
)
_OFFICIAL = re.compile(
    r"(?<![a-z])(?:officially|official|announced|confirmed|statement|club website|website|"
    r"offiziell|bestatigt|bestatigten|gab .{0,40}bekannt|gibt .{0,40}bekannt|bekanntgegeben|teilte mit|teilten mit|"
    r"mitteilte|mitteilten|vermeldet|verkundet|pressemitteilung|"
    r"officiel|officialise|officiellement|annonce|communique|"
    r"ufficiale|ufficializzato|ufficialita|comunicato|annunciato|"
    r"oficial|anunciado|anuncia|comunicado|confirmado|hace oficial)"
)
_DONE_OFFICIAL = re.compile(
    r"(?<![a-z])(?:perfekt|unterschreibt|unterschrieben|prasentiert|vorgestellt|verpflichtet|signed|unveiled|completed|"
    r"signe|presente|firmato|presentato|firmado|presentado)"
)
_CREDIT = re.compile(r"(?<![a-z])(?:according to|laut|selon|d'apres|secondo|segun|journalist|giornalista|periodista)")
_PERSON = re.compile(r"([A-Z][a-zA-Z'\-]+(?:\s(?:de|di|da|del|van|von|al|el|Al|El)?\s?[A-Z][a-zA-Z'\-]+){1,2})")
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


def canonical_source(name: str, language: str | None = None) -> str | None:
    """Registry display name for an outlet/journalist name or alias (None when unknown)."""
    if not name or not name.strip():
        return None
    info, index, by_lang = sources()
    if name in info:
        return _display(name, language, by_lang)
    folded = fold(name.strip())
    toks = tokens(folded)
    words = tuple(t[2] for t in toks)
    owners = index.owners.get(words)
    if owners:
        return _display(owners[0].target, language, by_lang)
    return None


def _display(name: str, language: str | None, by_lang: dict[str, dict[str, str]]) -> str:
    if name in by_lang and language:
        return by_lang[name].get(language, name)
    return name


def find_sources(
    text: str,
    folded: str,
    low: str,
    toks: list[tuple[int, int, str]],
    clubs: list[ClubMention],
    language: str,
    default_official: str | None,
    words: list[str] | None = None,
) -> list[str]:
    """Display names of credited sources, in order of first mention."""
    _, index, by_lang = sources()
    found: list[str] = []
    spans: list[tuple[int, int]] = []
    club_spans = [(c.start, c.end) for c in clubs]
    for _i, _j, start, end, alias in index.scan(folded, toks, words):
        if alias.weak and not _cued(low, start, end):
            continue
        i = bisect.bisect_right(club_spans, (start, 1 << 60)) - 1
        if i >= 0 and club_spans[i][0] <= start < club_spans[i][1]:
            continue  # "Sporting" the club, not the paper
        name = _display(alias.target, language, by_lang)
        spans.append((start, end))
        if name not in found:
            found.append(name)
    for m in _CREDIT.finditer(low):
        tail = folded[m.end() : m.end() + 80]
        pm = re.match(
            r"[\s,:]*(?:(?:the|la|le|il|el|an?|der|die|italian|english|french|spanish|german|"
            r"respected|football|transfer|journalist|reporter|expert|guru|giornalista|periodista|"
            r"journaliste|insider|del|de|of)[\s,]+){0,5}",
            tail,
        )
        rest = tail[pm.end() if pm else 0 :]
        nm = _PERSON.match(rest)
        if not nm:
            continue
        start = m.end() + (pm.end() if pm else 0)
        end = start + nm.end()
        if any(s <= start < e for s, e in spans) or any(c.start < end and start < c.end for c in clubs):
            continue
        words = nm.group(1).split()
        if words[0] in _NOT_PERSON or len(words) < 2:
            continue
        name = text[start:end].strip()
        if name not in found:
            found.append(name)
    officials = _official_clubs(low, clubs, default_official)
    if default_official and default_official not in officials and (officials or _DONE_OFFICIAL.search(low)):
        officials.insert(0, default_official)  # a completed signing is announced by the buying club
    for club in officials:
        label = f"{club} (official)"
        if label not in found:
            found.append(label)
    return found


def _cued(low: str, start: int, end: int) -> bool:
    return bool(_CUE_AFTER.match(low[end : end + 40]) or _CUE_BEFORE.search(low[max(0, start - 70) : start]))


def _official_clubs(low: str, clubs: list[ClubMention], default_official: str | None) -> list[str]:
    out: list[str] = []
    for m in _OFFICIAL.finditer(low):
        ctx_start = max(low.rfind(". ", 0, m.start()), low.rfind("\n", 0, m.start()), m.start() - 120)
        ctx_end = min(x for x in (low.find(". ", m.end()), low.find("\n", m.end()), m.end() + 80) if x >= 0)
        near = [c for c in clubs if ctx_start <= c.start < ctx_end]
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
