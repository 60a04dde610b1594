"""People quoted on the record: a coach, sporting director, president or agent whose words a report carries."""

from __future__ import annotations

import re

from .document import Document
from .lexicon import name_lexicon
from .sources import SourceMention

__all__ = ["find_speakers"]

# One to three capitalised words right after the role words ("Sportvorstand Max Eberl", "le président Jean Dufour")
_NAME_AFTER = re.compile(
    r"[ \t]+((?:[A-Z][A-Za-z'\-]+)(?:[ \t](?:(?:de|di|da|del|van|von|le|la|dos|al|el)[ \t])?[A-Z][A-Za-z'\-]+){0,2})"
    r"(?![A-Za-z])"
)
# A name closing a clause just before an appositive: "Jean Dufour, le président du club, a déclaré".
_NAME_BEFORE = re.compile(
    r"((?:[A-Z][A-Za-z'\-]+)(?:[ \t](?:(?:de|di|da|del|van|von|le|la|dos|al|el)[ \t])?[A-Z][A-Za-z'\-]+){1,2}),[ \t]"
    r"(?:[A-Za-z'\-]+[ \t]){0,3}$"
)
_QUOTE = '"'  # every quotation mark folds to it
MAX_APPOSITIVE = 40  # characters between the name's comma and the role words


def find_speakers(doc: Document, blocked: list[tuple[int, int]]) -> list[SourceMention]:
    """Officials and agents named with their role who speak in their sentence (a speech verb or a quotation).

    ``blocked`` holds the spans of clubs and outlets: a name on their words is no person."""
    lexicon = name_lexicon(doc.language)
    out: list[SourceMention] = []
    seen: set[tuple[int, int]] = set()
    for m in doc.found("source.spokespeople"):
        span = _named(doc, m.start(), m.end())
        if span is None or span in seen:
            continue
        start, end = span
        words = doc.folded[start:end].split()
        if any(s < end and start < e for s, e in blocked):
            continue
        if any(w.lower() in lexicon.stop for w in words) or (len(words) == 1 and lexicon.common_word(words[0].lower())):
            continue  # "Trainer Und", "coach Will": words of the language, not a name
        if not _speaks(doc, start):
            continue
        seen.add(span)
        out.append(SourceMention(start, end, doc.text[start:end], "quoted", True))
    return sorted(out, key=lambda s: s.start)


def _named(doc: Document, role_start: int, role_end: int) -> tuple[int, int] | None:
    """The name the role words at ``role_start:role_end`` belong to: right after them, else just before their
    appositive ("X, the club's sporting director,")."""
    after = _NAME_AFTER.match(doc.folded, role_end)
    if after:
        return after.start(1), after.end(1)
    window = doc.folded[max(0, role_start - MAX_APPOSITIVE - 60) : role_start]
    before = _NAME_BEFORE.search(window)
    if before is None or len(window) - before.end(1) > MAX_APPOSITIVE:
        return None
    # only an article, a possessive or a club may open the appositive: "Kouassi, a assuré le directeur" is a verb
    articles = doc.book.words["grammar.articles"]
    between = window[before.end(1) + 1 :].split()
    if not all(w.lower() in articles or w.endswith("'s") or w[0].isupper() for w in between):
        return None
    offset = role_start - len(window)
    return offset + before.start(1), offset + before.end(1)


def _speaks(doc: Document, pos: int) -> bool:
    """The sentence at ``pos`` carries speech: a quotation or a speech verb."""
    i = doc.sentence_of(pos)
    start, end = doc.sentences[i]
    if _QUOTE in doc.folded[start:end]:
        return True
    return doc.book.search["source.speech"].search(doc.low, start, end) is not None
