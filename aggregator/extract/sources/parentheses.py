"""The outlets a gossip column's closing parentheses credit: "(Sun)", "(Bild - in German)", "(X, via Y)"."""

from __future__ import annotations

import re

from ..document import Document
from ..registry import clubs
from ..text import fold, tokens
from .mention import _ARTICLES, _CONNECTORS, _NOT_OUTLET, SourceMention, _heads, canonical_source

# "(Sun)", "(Bild - in German)", "(Sport - subscription required)", "(Tuttomercato, via Mail)"
_PARENS = re.compile(r"\(([^()\n]{2,120})\)")
# a note on one part of the parentheses: its language, a paywall, a link marker
_PART_NOTE = re.compile(
    r"\s*(?:[-:]\s*|,\s*|\s)(?:in [A-Za-z]+(?:\s+language)?|subscription(?: required)?|paywall(?:ed)?|subscribers?"
    r"(?: only)?|external|podcast|video|(?:German|Spanish|Italian|French|Portuguese|Dutch|Turkish|Catalan) language)"
    r"\b.*$",
    re.IGNORECASE,
)
_PURE_NOTE = re.compile(
    r"(?:in [A-Za-z]+|subscription(?: required)?|paywall(?:ed)?|subscribers?(?: only)?|external|podcast|video)$",
    re.IGNORECASE,
)
_PAREN_SPLIT = re.compile(r"\s*(?:,\s*via\s+|\s+via\s+|;\s*|,\s*|/\s*)\s*", re.IGNORECASE)
_AND_SPLIT = re.compile(r"\s+(?:and|&)\s+", re.IGNORECASE)
_NOTE_MARK = re.compile(r"\s[-:]\s*in [A-Za-z]+|\bvia\s", re.IGNORECASE)


def _parenthesised(doc: Document) -> list[SourceMention]:
    out: list[SourceMention] = []
    folded = doc.folded
    for m in _PARENS.finditer(folded):
        body = m.group(1)
        if not body[:1].isalpha() and not body[:1].isdigit():
            continue
        chained = bool(_NOTE_MARK.search(body))  # "(X - in German)", "(X, via Y)": every part names an outlet
        parts: list[tuple[str, bool]] = []  # (part, it had a note of its own)
        for raw in _PAREN_SPLIT.split(body):
            raw = raw.strip(" .")
            if raw.lower().startswith("via "):
                raw = raw[4:].strip()
            if not raw or _PURE_NOTE.fullmatch(raw):
                continue
            note = _PART_NOTE.search(raw)
            part = raw[: note.start()].strip(" .-") if note else raw
            if not part:
                continue
            pieces = [p.strip(" .") for p in _AND_SPLIT.split(part)] if _AND_SPLIT.search(part) else []
            if (
                len(pieces) > 1
                and canonical_source(part, doc.language) is None
                and all(canonical_source(p, doc.language) for p in pieces)
            ):
                # "(Sun and Mail)"; not one name ("Express and Star", "Northampton Chronicle & Echo")
                parts.extend((p, bool(note)) for p in pieces)
            else:
                parts.append((part, bool(note)))
        if not parts or len(parts) > 5:
            continue
        names = [canonical_source(p, doc.language) for p, _ in parts]
        closing = None
        if not all(names):
            closing = _closing(folded, m.start(), m.end())
        pos = m.start(1)
        known = any(names)
        for (part, noted), name in zip(parts, names, strict=True):
            at = folded.find(part, pos)
            at = at if at >= 0 else pos
            if not name and closing and (noted or chained or known or _has_head(doc, part)) and _outlet_like(doc, part):
                name = doc.text[at : at + len(part)].strip()
            if name:
                out.append(SourceMention(at, at + len(part), name, "parentheses", False))
            pos = at + len(part)
    return out


def _closing(folded: str, start: int, end: int) -> bool:
    """The parentheses close an item of a gossip column: after a sentence, or at the end of a line."""
    before = folded[max(0, start - 3) : start].rstrip()
    if not before or before[-1] in ".!?\"'\n:":
        return True
    after = folded[end : end + 14]
    return bool(re.match(r"\s*[.,]?\s*(?:external\b)?\s*(?:$|\n)", after))


def _has_head(doc: Document, part: str) -> bool:
    heads = _heads(doc.book)
    for w in tokens(fold(part).lower()):
        if w[2] in heads.words or (heads.suffixes and w[2].endswith(heads.suffixes) and len(w[2]) > 6):
            return True
    return False


def _outlet_like(doc: Document, part: str) -> bool:
    """A part of gossip parentheses that reads as an outlet's name: capitalised words, no club, competition or
    note ("Fotomac", "Sky Sports Germany", "Birmingham Mail"; not "Real Madrid", "Champions League", "2019")."""
    folded = fold(part)
    toks = tokens(folded)
    if not toks or len(toks) > 6 or not (folded[:1].isupper() or folded[:1].isdigit()):
        return False
    if all(t[2].isdigit() for t in toks):
        return False
    for s, _, w in toks:
        if w in _NOT_OUTLET:
            return False
        if not (folded[s].isupper() or folded[s].isdigit() or w in _CONNECTORS or w in _ARTICLES):
            return False
    _, club_index = clubs()
    club_words = sum(j - i for i, j, *_ in club_index.scan(folded, toks))
    return club_words < len(toks)
