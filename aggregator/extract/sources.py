"""Cited sources: the outlets and journalists a report credits, and the club announcements it reports.

Sources are found before clubs, so that an outlet named after a city ("Manchester Evening News", "Liverpool
Echo") is never read as a club. Four kinds of mention:

- a gossip column's closing parentheses, "(Sun)", "(Bild - in German)", "(Tuttomercato, via Mail)": every outlet
  in them, in order;
- a registry name or alias in the text; an ambiguous alias ("Mail", "Sport") counts only next to an attribution
  phrase, and a single word glued to another capitalised word ("BT Sport") is part of a bigger name, not the outlet;
- an outlet the registry does not know, named as outlets are: a capitalised name that holds a head word of the
  language's ``source.outlet_words`` ("Zeitung", "Gazzetta", "Diario", "Echo"), right after an attribution phrase
  ("laut der Stuttgarter Zeitung") or right before one ("the Leicester Mercury reports"), or in a gossip column's
  closing parentheses ("(Fotomac - in Turkish)", "(Birmingham Mail, via Mirror)");
- a person's name after a credit phrase ("according to journalist Jane Doe"), or before an appositive that makes
  them a reporter ("Jane Doe, the Athletic's chief football correspondent, reports").

A registry name that also has a ``?`` alias ("Sport", "Sky", "Metro") is ambiguous as written too and needs the cue.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..concepts import CitedSource
from .clubs import ClubMention
from .document import Document
from .lexicon import first_names
from .phrasebook import Phrasebook, phrasebook
from .registry import case_ok, clubs, not_names, sources
from .text import fold, tokens

__all__ = ["SourceMention", "canonical_source", "cited_sources", "find_source_mentions"]


@dataclass(frozen=True, slots=True)
class SourceMention:
    start: int
    end: int
    name: str  # registry display name (or the person's name as written)
    how: str  # "parentheses", "registry", "cued", "outlet" (unknown, named as outlets are), "credited"
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

# Words of an outlet's name that are no head word: a name's leading article, and the small words inside a name
# ("Diario de Sevilla", "Corriere della Sera", "Times of India", "Calcio e Finanza").
_ARTICLES = frozenset(
    ["the", "der", "die", "das", "le", "la", "les", "l", "il", "lo", "gli", "el", "los", "las", "o", "a", "de", "het"]
)
_CONNECTORS = frozenset(
    [
        "of",
        "de",
        "di",
        "da",
        "do",
        "dos",
        "du",
        "des",
        "del",
        "della",
        "dello",
        "delle",
        "dei",
        "degli",
        "dell",
        "d",
        "y",
        "e",
        "van",
        "het",
    ]
)
# Never in an outlet's name: competitions, grounds, clubs and people's roles ("Champions League", "Stadio Olimpico",
# "Leeds United", "sports director").
_NOT_OUTLET = frozenset(
    [
        "league",
        "leagues",
        "liga",
        "ligue",
        "cup",
        "cups",
        "coppa",
        "copa",
        "coupe",
        "pokal",
        "trophy",
        "trofeo",
        "trophee",
        "serie",
        "bundesliga",
        "championship",
        "champions",
        "europa",
        "conference",
        "supercup",
        "supercopa",
        "supercoppa",
        "mundial",
        "world",
        "stadium",
        "stadio",
        "stade",
        "estadio",
        "arena",
        "park",
        "parc",
        "ground",
        "club",
        "fc",
        "cf",
        "afc",
        "ac",
        "sc",
        "united",
        "city",
        "academy",
        "coach",
        "manager",
        "boss",
        "president",
        "presidente",
        "trainer",
        "director",
        "directeur",
        "direttore",
        "agent",
        "player",
        "striker",
        "midfielder",
        "defender",
        "goalkeeper",
        "winger",
        "captain",
        "star",
        "stars",
        "team",
        "squad",
        "national",
        "nazionale",
        "nacional",
        "selection",
    ]
)
# head words that say nothing on their own: with a club's name they are a fan site or a club channel
_GENERIC_HEADS = frozenset(
    [
        "news",
        "tv",
        "channel",
        "web",
        "live",
        "radio",
        "magazine",
        "mag",
        "podcast",
        "info",
        "actu",
        "notizie",
        "noticias",
        "deportes",
        "fichajes",
        "mercato",
        "sport",
        "sports",
        "foot",
        "canal",
        "canale",
    ]
)
_ROMAN = re.compile(r"[IVXLC]+")
_ADJECTIVE_AFTER = frozenset(("fr", "it", "es"))  # "Corriere Fiorentino", "Diario Vasco", "Courrier Picard"
_END_OF_NAME = re.compile(r"\s*(?:$|[,.;:!?)\n\"'\u00bb-])")


@dataclass(frozen=True, slots=True)
class _Heads:
    words: frozenset[str]  # head words ("zeitung")
    suffixes: tuple[str, ...]  # heads that end a compound ("-zeitung": "Volkszeitung")


def _heads(book: Phrasebook) -> _Heads:
    return _heads_of(book.language)


@cache
def _heads_of(language: str) -> _Heads:
    raw = phrasebook(language).words["source.outlet_words"]
    return _Heads(frozenset(w for w in raw if not w.startswith("-")), tuple(w[1:] for w in raw if w.startswith("-")))


@cache
def _weak_names() -> frozenset[tuple[tuple[str, ...], str, tuple[bool, ...], bool]]:
    """Every ``?`` alias as (words, target, case): a display name written the same way is ambiguous too."""
    _, index, _ = sources()
    return frozenset(
        (a.words, a.target, a.needs_caps, a.exact_upper) for bucket in index.owners.values() for a in bucket if a.weak
    )


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


def _name_goes_on(doc: Document, i: int, j: int) -> bool:
    """A head word ("Corriere", "Gazzetta", "Heraldo") goes on into a bigger name with "di"/"de"/"of" and a
    capitalised word: that name is another outlet."""
    toks, folded, words = doc.toks, doc.folded, doc.words
    if j + 1 >= len(toks) or words[i] not in _heads(doc.book).words:
        return False
    link = words[j]
    if link not in _CONNECTORS or (doc.language == "en" and link != "of") or not _joined(folded, toks[i], toks[j]):
        return False
    k = j + 1
    if words[k] in _ARTICLES and not _capital(folded, toks[k]) and k + 1 < len(toks):
        k += 1
    return _capital(folded, toks[k]) and _joined(folded, toks[k - 1], toks[k]) and words[k] not in _NOT_OUTLET


def _title_case_headline(doc: Document) -> int:
    """Where an English headline in Title Case ends (0: none), where a capital says nothing about a name."""
    if doc.language != "en" or not doc.title_end:
        return 0
    long_words = []
    for s, e, _ in doc.toks:
        if s >= doc.title_end:
            break
        if e - s >= 4:
            long_words.append(doc.folded[s])
    if len(long_words) >= 4 and sum(c.isupper() for c in long_words) >= 0.75 * len(long_words):
        return doc.title_end
    return 0


def _unknown_outlets(
    doc: Document, found: list[SourceMention], club_hits: list[tuple[int, int, int, int, Any]], skip_until: int
) -> list[SourceMention]:
    """Outlets the registry does not know, named as outlets are next to an attribution phrase: "laut der
    Stuttgarter Zeitung", "the Leicester Mercury reports", "secondo il Corriere di Verona"."""
    heads = _heads(doc.book)
    words, toks, folded = doc.words, doc.toks, doc.folded
    if heads.suffixes:
        suffixes = heads.suffixes
        candidates = [h for h, w in enumerate(words) if w in heads.words or (len(w) > 6 and w.endswith(suffixes))]
    else:
        present = heads.words.intersection(words)
        if not present:
            return []
        candidates = sorted(_token_indexes(doc, present))
    taken = [(s.start, s.end) for s in found]
    candidates = [
        h
        for h in candidates
        if toks[h][0] >= skip_until and folded[toks[h][0]].isupper() and not any(s <= toks[h][0] < e for s, e in taken)
    ]
    if not candidates:
        return []
    club_tok: dict[int, int] = {}  # token index -> length in tokens of the club alias covering it
    for i, j, *_ in club_hits:
        for k in range(i, j):
            club_tok[k] = j - i
    out: list[SourceMention] = []
    last_end = -1
    for h in candidates:
        if toks[h][0] < last_end or h in club_tok:
            continue
        span = _outlet_span(doc, h, club_tok)
        if span is None:
            continue
        start, end = span
        if any(s < end and start < e for s, e in taken):
            continue
        out.append(SourceMention(start, end, doc.text[start:end], "outlet", False))
        last_end = end
    return out


# what makes a compound with a head word a kind of paper, not a paper's name ("Fachzeitung", "Boulevardblatt")
_GENERIC_PREFIXES = (
    "fach",
    "tages",
    "sport",
    "lokal",
    "regional",
    "boulevard",
    "wochen",
    "sonntags",
    "heimat",
    "fussball",
    "online",
    "print",
    "gratis",
    "fan",
    "leser",
    "gegen",
    "vereins",
    "klub",
    "club",
    "stadion",
    "mitglieder",
    "welt",
    "kurz",
    "fernseh",
    "staats",
    "klee",
    "revolver",
    "kase",
    "vor",
    "zerr",
    "ruck",
    "lieblings",
    "haus",
    "partei",
    "kirchen",
    "schul",
    "firmen",
    "werbe",
    "anzeigen",
    "extra",
)


def _generic_compound(word: str, book: Phrasebook) -> bool:
    for suffix in _heads(book).suffixes:
        if word.endswith(suffix) and word[: -len(suffix)].rstrip("s").startswith(_GENERIC_PREFIXES):
            return True
    return False


def _token_indexes(doc: Document, present: set[str]) -> list[int]:
    """Indexes of the tokens that are one of ``present`` (found with str.find: far cheaper than a pass in Python)."""
    low, toks = doc.low, doc.toks
    out = []
    for word in present:
        pos = low.find(word)
        while pos >= 0:
            k = bisect.bisect_left(toks, (pos,))
            if k < len(toks) and toks[k][0] == pos and toks[k][2] == word:
                out.append(k)
            pos = low.find(word, pos + len(word))
    return out


def _capital(folded: str, tok: tuple[int, int, str]) -> bool:
    c = folded[tok[0]]
    return c.isupper() or c.isdigit()


def _joined(folded: str, left: tuple[int, int, str], right: tuple[int, int, str]) -> bool:
    """Two tokens next to each other inside one name: a space, a hyphen or an elision between them."""
    gap = folded[left[1] : right[0]]
    return gap in (" ", "-", "'", " - ", ". ", ".") and (gap != ". " or len(left[2]) == 1)


def _outlet_span(doc: Document, h: int, club_tok: dict[int, int]) -> tuple[int, int] | None:
    toks, folded, words, book = doc.toks, doc.folded, doc.words, doc.book
    n = len(toks)
    if words[h] in _NOT_OUTLET:
        return None
    # to the left: capitalised words and the small words between them, up to five words in all
    a = h
    while a > 0 and h - a < 5 and _joined(folded, toks[a - 1], toks[a]):
        w = words[a - 1]
        if _capital(folded, toks[a - 1]) and not toks[a - 1][2].isdigit():
            a -= 1
        elif (
            w in _CONNECTORS
            and a - 2 >= 0
            and _capital(folded, toks[a - 2])
            and _joined(folded, toks[a - 2], toks[a - 1])
        ):
            a -= 2
        else:
            break
    # to the right: numbers ("Secolo XIX", "Canale 21"), "of"/"de" and one or two capitalised words ("Diario de
    # Sevilla", "Times of India", "Journal de Saône-et-Loire"), or one or two capitalised words that end the name
    # where the language puts adjectives after the noun, or after a head word that opens it ("Diario Vasco",
    # "Radio Punto Nuovo", "Radio Humberside")
    b = h + 1
    lang = doc.language
    if b < n and _joined(folded, toks[b - 1], toks[b]):
        t = toks[b]
        text = folded[t[0] : t[1]]
        if t[2].isdigit() or (len(text) > 1 and _ROMAN.fullmatch(text)):
            b += 1
        elif t[2] in _CONNECTORS and not (lang == "en" and t[2] != "of"):
            c = b + 1
            if (
                c < n
                and words[c] in _ARTICLES
                and not _capital(folded, toks[c])
                and _joined(folded, toks[c - 1], toks[c])
            ):
                c += 1
            k = c
            while k < n and k - c < 2 and _capital(folded, toks[k]) and _joined(folded, toks[k - 1], toks[k]):
                k += 1
            while k > c and k < n and k - c < 5 and folded[toks[k - 1][1] : toks[k][0]] == "-":
                k += 1  # "Saône-et-Loire"
            if k > c and not any(words[x] in _NOT_OUTLET or (x in club_tok and club_tok[x] > 1) for x in range(c, k)):
                b = k
        elif t[2] == "on" and lang == "en" and b + 1 < n and words[b + 1] == "sunday":
            b += 2
        elif lang in _ADJECTIVE_AFTER or a == h or (words[a] in _ARTICLES and a + 1 == h):
            k = b
            while (
                k < n
                and k - b < 2
                and _capital(folded, toks[k])
                and _joined(folded, toks[k - 1], toks[k])
                and words[k] not in _NOT_OUTLET
                and words[k] not in _CONNECTORS
                and k not in club_tok
            ):
                k += 1
                if _END_OF_NAME.match(folded, toks[k - 1][1]):
                    b = k
                    break
    end = toks[b - 1][1]
    stops = book.words["grammar.stopwords"]
    # the name starts where an attribution phrase ends ("laut der | Stuttgarter Zeitung"), else at its first word
    # that opens no sentence with a common word ("Meanwhile | Leicester Mercury reports")
    start_tok = None
    for s in range(a, h + 1):
        if s > a and words[s - 1] in _CONNECTORS and not _capital(folded, toks[s - 1]):
            continue
        if book.before_match("source.before", doc.low[max(0, toks[s][0] - 70) : toks[s][0]]):
            start_tok = s
            break
    if start_tok is None:
        if not book.after_match("source.after", doc.low[end : end + 40]):
            return None
        start_tok = a
        while (
            start_tok < h
            and (words[start_tok] in stops or words[start_tok] in not_names())
            and (words[start_tok] not in _ARTICLES)
        ):
            start_tok += 1
    # a leading article is the name's when it is written with a capital mid-sentence ("according to The Northern
    # Echo", "selon La Voix du Nord"); a lower-case one is the sentence's
    first = start_tok
    if words[first] in _ARTICLES and first < h:
        opener = folded[max(0, toks[first][0] - 3) : toks[first][0]].rstrip()
        if not _capital(folded, toks[first]) or not opener or opener[-1] in ".!?\n\"'(:":
            first += 1
    core = [
        k
        for k in range(first, b)
        if words[k] not in _CONNECTORS
        and not (k == first and words[k] in _ARTICLES)
        and not (first < k < b - 1 and folded[toks[k - 1][1] : toks[k][0]] == "-" and not _capital(folded, toks[k]))
    ]
    if not core:
        return None
    if any(words[k] in _NOT_OUTLET for k in core):
        return None
    if any(not _capital(folded, toks[k]) for k in core):
        return None
    if len(core) == 1 and (words[h] in _heads(book).words or len(words[h]) < 8 or _generic_compound(words[h], book)):
        return None  # a head word alone is a common noun ("die Zeitung", "the Post", "die Fachzeitung")
    if any(club_tok.get(k, 0) > 1 for k in core):
        return None  # "Leeds United News", "Real Madrid TV": a club's own media (the registry knows those it knows)
    if all(k in club_tok or words[k] in _GENERIC_HEADS or words[k].isdigit() for k in core):
        return None  # "Chelsea News", "Inter TV", "Radio Sevilla": a club's name and a generic word
    if (
        len(core) == 2
        and core[1] == h
        and first == core[0]
        and words[core[0]] in first_names()
        and (first == 0 or words[first - 1] not in _ARTICLES)
    ):
        return None  # "told Jack Post": a person whose name ends in a head word, without an article
    return toks[first][0], end


def find_source_mentions(
    doc: Document, club_scan: list[tuple[int, int, int, int, Any]] | None = None
) -> list[SourceMention]:
    """Every source mention in text order (weak ones included: ``cited_sources`` decides on those)."""
    _, index, by_lang = sources()
    _, club_index = clubs()
    weak_names = _weak_names()
    found = _parenthesised(doc)
    taken = [(s.start, s.end) for s in found]
    title_case = _title_case_headline(doc)
    if club_scan is None:
        club_scan = club_index.scan(doc.folded, doc.toks, doc.words)
    club_hits = club_scan
    # words of a club named in several words ("AS Monaco", "Sporting Lisbon") hold no one-word outlet
    club_words = [(start, end) for i, j, start, end, _ in club_hits if j - i > 1]
    for i, j, start, end, alias in index.scan(doc.folded, doc.toks, doc.words):
        if any(s < end and start < e for s, e in taken):
            continue
        weak = alias.weak or (alias.words, alias.target, alias.needs_caps, alias.exact_upper) in weak_names
        if (j - i == 1 or weak) and any(s < end and start < e for s, e in club_words):
            continue
        single = j - i == 1
        if (single or weak) and _glued(doc, i, j):
            continue  # "BT Sport" is not the paper Sport
        if single and _name_goes_on(doc, i, j):
            continue  # "Corriere di Verona", "Heraldo de Soria": a bigger name that holds a registry word
        if weak and (start < title_case or not _cued(doc, start, end)):
            continue
        name = _display(alias.target, doc.language, by_lang)
        found.append(SourceMention(start, end, name, "cued" if weak else "registry", weak))
    found.extend(_unknown_outlets(doc, found, club_hits, title_case))
    found.extend(_credited(doc, found, title_case, club_hits))
    found.sort(key=lambda s: s.start)
    return found


_PERSON = re.compile(r"([A-Z][a-zA-Z'\-]+(?:\s(?:de|di|da|del|van|von|al|el|Al|El)?\s?[A-Z][a-zA-Z'\-]+){1,2})")
_PERSON_LEAD = re.compile(
    r"[\s,:]*(?:(?:the|la|le|il|el|an?|der|die|italian|english|french|spanish|german|respected|football|transfer|"
    r"journalist|reporter|expert|guru|giornalista|periodista|journaliste|insider|del|de|of|sports?|news)[\s,]+){0,5}"
)
_PERSON_END = re.compile(r"([A-Z][a-zA-Z'\-]+(?:\s(?:de|di|da|del|van|von|al|el|Al|El)?\s?[A-Z][a-zA-Z'\-]+){1,2})\s*$")
# what may follow a credited name: the end of a clause, "of/from/at <Outlet>", "(Outlet)"
_CREDIT_END = re.compile(
    r"\s*(?:$|[,.;:!?)\n\"'\u00bb(-]|(?:of|from|at|for|with|von|vom|bei|beim|de|du|di|del|della|dello|da|do|dans|"
    r"pour|per|para|sur|su|of the|at the|for the)\s+(?:(?:the|la|le|il|el|l'|der|die|das)\s+)?[A-Z0-9])"
)

_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")


def _role_words(book: Phrasebook) -> frozenset[str]:
    return _role_words_of(book.language)


@cache
def _role_words_of(language: str) -> frozenset[str]:
    """A language's reporter words: its one-word credit phrases that name a role ("journalist", "Sky-Reporter")."""
    book = phrasebook(language)
    roles = {w for w in book.words["person.role_before"] if " " not in w and len(w) >= 5}
    out: set[str] = set()
    for phrase in book.phrases["source.credit"]:
        w = fold(phrase.lower()).strip()
        if w.startswith(("l'", "el ", "il ", "le ", "la ")):
            w = w.split("'", 1)[-1].split(" ", 1)[-1]
        if " " in w or "|" in w or "(" in w:
            continue
        if w in roles or any(w.endswith(r) for r in roles):
            out.add(w)
    return frozenset(out)


# between an appositive's comma and its reporter word: a few words, no clause ("the Athletic's chief football")
_APPOSITIVE = re.compile(r",\s+((?:[^\s,.;:!?()]+\s+){0,5})$")
_APPOSITIVE_WORDS = frozenset(
    [
        "a",
        "an",
        "un",
        "una",
        "une",
        "ein",
        "eine",
        "chief",
        "senior",
        "football",
        "soccer",
        "transfer",
        "sports",
        "sport",
        "respected",
        "veteran",
        "well-known",
        "well-connected",
        "experienced",
        "renowned",
        "reliable",
        "trusted",
        "top",
        "leading",
        "local",
        "club",
        "italian",
        "spanish",
        "french",
        "german",
        "english",
        "dutch",
        "portuguese",
        "brazilian",
        "argentine",
        "turkish",
        "british",
        "scottish",
        "irish",
        "belgian",
        "noto",
        "celebre",
        "famoso",
        "esperto",
        "conocido",
        "reconocido",
        "celebre",
        "bekannte",
        "bekannter",
        "renommierte",
        "renommierter",
        "erfahrene",
        "erfahrener",
        "calciomercato",
        "mercato",
    ]
)
# after the reporter word: the appositive ends, or names the outlet ("Reporter der Bild", "periodista de la SER")
_APPOSITIVE_END = re.compile(
    r"\s*(?:[,)]|\s(?:for|at|of|with|on|de|di|du|der|des|del|della|dello|bei|beim|von|vom|a|en|in|per|para|pour|"
    r"chez|da|do|dans|sur)\s)"
)
# "Jane Doe of the Guardian understands", "Max Lindner von der Bild berichtet": a person and the outlet
_OF_OUTLET = re.compile(
    r"\s(?:of|from|at|for|de|di|du|der|von|vom|bei|del|della|dello)\s+(?:(?:the|la|le|il|el|l'|der|die|das|dem)\s*)?$"
)

_OF_WORDS = frozenset(
    ["of", "from", "at", "for", "de", "di", "du", "der", "von", "vom", "bei", "del", "della", "dello"]
)


def _credited(
    doc: Document, found: list[SourceMention], skip_until: int, club_hits: list[tuple[int, int, int, int, Any]]
) -> list[SourceMention]:
    """People credited by name: after a credit phrase ("according to journalist Jane Doe", "told Jane Doe of the
    Telegraph"), before a reporter's appositive ("Jane Doe, the Athletic's chief football correspondent"), or
    with their outlet before an attribution ("Jane Doe of the Guardian understands")."""
    out: list[SourceMention] = []
    book = doc.book
    spans = [(x.start, x.end) for x in found]
    club_spans = [(start, end) for _, _, start, end, _ in club_hits]
    roles = _role_words(book)
    other_roles = book.words["person.role_before"] - roles
    auxiliaries = book.words["grammar.auxiliaries"]

    def person_ok(start: int, end: int, words: list[str]) -> bool:
        if len(words) < 2 or words[0] in _NOT_PERSON or start < skip_until:
            return False
        low_words = [w.lower() for w in words]
        if low_words[0] in other_roles or any(w in _NOT_OUTLET for w in low_words):
            return False  # "Trainer Sandro Wagner", "Stadio Olimpico", "Copa del Rey"
        return not any(s < end and start < e for s, e in spans) and not any(
            s < end and start < e for s, e in club_spans
        )

    def add(start: int, end: int) -> None:
        spans.append((start, end))
        out.append(SourceMention(start, end, doc.text[start:end].strip(), "credited", True))

    for m in book.search["source.credit"].finditer(doc.low):
        if m.start() < skip_until:
            continue
        lead = _PERSON_LEAD.match(doc.folded, m.end())
        start = lead.end() if lead else m.end()
        person = _PERSON.match(doc.folded, start)
        if not person:
            continue
        end = person.end()
        if not person_ok(start, end, person.group(1).split()):
            continue
        said = doc.low[m.start() : start]
        if not any(w in roles for w in re.findall(r"[a-z][a-z\-]+", said)):
            # no reporter word: the name must end its clause ("told Jane Doe of the Telegraph", "according to
            # Jane Doe, ..."), or be the subject of an attribution or an auxiliary ("laut Max Lindner hat ...")
            rest = doc.folded[end : end + 40]
            verb = _NEXT_WORD.match(rest)
            if not (
                _CREDIT_END.match(rest)
                or book.after_match("source.after", doc.low[end : end + 40])
                or (verb and verb.group(1).lower() in auxiliaries)
            ):
                continue
        add(start, end)
    if not roles.isdisjoint(doc.words):
        for k, w in enumerate(doc.words):
            if w not in roles:
                continue
            rs, re_ = doc.toks[k][0], doc.toks[k][1]
            while rs > 0 and doc.low[rs - 1] not in " \n\t,;:.!?()":
                rs -= 1  # "Sky-Reporter", "Bild-Chefreporter": the compound is the role word
            if rs < skip_until or not (
                _APPOSITIVE_END.match(doc.low, re_) or book.after_match("source.after", doc.low[re_ : re_ + 40])
            ):
                continue
            window = doc.folded[max(0, rs - 110) : rs]
            gap = _APPOSITIVE.search(window)
            if not gap or not all(_appositive_word(w) for w in gap.group(1).split()):
                continue
            person = _PERSON_END.search(window, 0, gap.start())
            if not person:
                continue
            offset = rs - len(window)
            start, end = offset + person.start(1), offset + person.end(1)
            if person_ok(start, end, person.group(1).split()):
                add(start, end)
    info, _, _ = sources()
    for x in found:
        kind = info[x.name].kind if x.name in info else "outlet"
        if kind != "outlet" or x.how == "parentheses" or x.start < skip_until:
            continue
        k = bisect.bisect_left(doc.toks, (x.start,))
        if not (k > 0 and doc.words[k - 1] in _OF_WORDS) and not (k > 1 and doc.words[k - 2] in _OF_WORDS):
            continue
        link = _OF_OUTLET.search(doc.low, max(0, x.start - 25), x.start)
        if not link:
            continue
        person = _PERSON_END.search(doc.folded, max(0, link.start() - 50), link.start())
        if not person:
            continue
        start, end = person.start(1), person.end(1)
        cued = book.after_match("source.after", doc.low[x.end : x.end + 40]) or book.before_match(
            "source.before", doc.low[max(0, start - 70) : start]
        )
        if cued and person_ok(start, end, person.group(1).split()):
            add(start, end)
    return out


def _appositive_word(word: str) -> bool:
    w = word.lower()
    return word[:1].isupper() or "'" in word or w in _APPOSITIVE_WORDS or w in _ARTICLES or w in _CONNECTORS


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
