"""Every source mention of a report, in text order: parentheses, registry matches, unknown outlets, people.

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

from typing import Any

from ..document import Document
from ..registry import clubs, sources
from .mention import SourceMention, _display
from .outlets import _cued, _glued, _name_goes_on, _title_case_headline, _unknown_outlets, _weak_names
from .parentheses import _parenthesised
from .people import _credited

__all__ = ["find_source_mentions"]


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
