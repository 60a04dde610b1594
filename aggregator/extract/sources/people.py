"""Journalists credited by name: after a credit phrase, before a reporter's appositive, or with their outlet."""

from __future__ import annotations

import bisect
import re
from functools import cache
from typing import Any

from ..document import Document
from ..phrasebook import Phrasebook, phrasebook
from ..registry import sources
from ..text import fold
from .mention import _ARTICLES, _CONNECTORS, _NOT_OUTLET, SourceMention

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

    for m in doc.found("source.credit"):
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
