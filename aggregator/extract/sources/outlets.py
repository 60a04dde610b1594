"""Outlets named in the text: when a registry match counts, and the outlets the registry does not know."""

from __future__ import annotations

import bisect
import re
from functools import cache
from typing import Any

from ..document import Document
from ..lexicon import first_names, name_lexicon
from ..phrasebook import Phrasebook
from ..registry import clubs, not_names, sources
from .mention import _ARTICLES, _CONNECTORS, _NOT_OUTLET, SourceMention, _heads

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


@cache
def _weak_names() -> frozenset[tuple[tuple[str, ...], str, tuple[bool, ...], bool]]:
    """Every ``?`` alias as (words, target, case): a display name written the same way is ambiguous too."""
    _, index, _ = sources()
    return frozenset(
        (a.words, a.target, a.needs_caps, a.exact_upper) for bucket in index.owners.values() for a in bucket if a.weak
    )


def _cued(doc: Document, start: int, end: int) -> bool:
    """An attribution phrase stands before or after the name, past its quotation marks and past one other name
    it is listed with ("laut „Sky“", "wie Sky und Sport1 berichten", "Bild and Sky report")."""
    book = doc.book
    after = _CHAIN_AFTER.sub("", _QUOTES_AFTER.sub("", doc.low[end : end + 60], 1), 1)
    before = _CHAIN_BEFORE.sub("", _QUOTES_BEFORE.sub("", doc.low[max(0, start - 90) : start], 1), 1)
    return bool(book.after_match("source.after", after) or book.before_match("source.before", before))


_QUOTES_AFTER = re.compile(r"^[\"']+")
_QUOTES_BEFORE = re.compile(r"\s?[\"']+$")
_LISTED = r"(?:,|and|und|et|e|y|&)"
_CHAIN_AFTER = re.compile(rf"^\s*{_LISTED}\s+(?:the |der |die |le |la |il |el )?[\"']?[a-z0-9][\w.\-]*[\"']?(?=\s)")
_CHAIN_BEFORE = re.compile(
    rf"[\"']?[a-z0-9][\w.\-]*[\"']?\s+{_LISTED}\s+(?:(?:the|der|die|das|le|la|il|el|lo)\s+)?[\"']?$"
)


def _glued(doc: Document, i: int, j: int) -> bool:
    """Tokens i..j-1 sit inside a bigger capitalised name: a capitalised word right before (not opening a
    sentence) or right after ("BT Sport", "Sport Kompakt")."""
    toks, folded = doc.toks, doc.folded
    _, club_index = clubs()

    def capital(k: int) -> bool:
        s, _, w = toks[k]
        return folded[s].isupper() and w not in doc.book.words["grammar.stopwords"] and w not in club_index.lengths

    def describes(k: int) -> bool:
        """A noun that says what the outlet is ("Nachrichtenagentur dpa", "Bezahlsender Sky"): no name part."""
        w = toks[k][2]
        return lexicon.common_word(w) or w in heads.words or w.endswith(heads.suffixes) or w.endswith(_MEDIA_NOUNS)

    lexicon = name_lexicon(doc.language)
    heads = _heads(doc.book)

    if j < len(toks) and toks[j][0] - toks[j - 1][1] == 1 and folded[toks[j - 1][1]] == " " and capital(j):
        return True
    if (
        i > 0
        and toks[i][0] - toks[i - 1][1] == 1
        and folded[toks[i][0] - 1] == " "
        and capital(i - 1)
        and not describes(i - 1)
    ):
        before = folded[max(0, toks[i - 1][0] - 3) : toks[i - 1][0]].rstrip()
        return not (not before or before[-1] in ".!?:\n\"'(")
    return False


# Nouns of the media that stand before an outlet's name in German compounds ("Nachrichtenagentur", "TV-Sender").
_MEDIA_NOUNS = ("agentur", "sender", "magazin", "portal", "blatt", "zeitung", "plattform", "netzwerk")


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
