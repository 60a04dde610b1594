"""Page furniture: the menu line, section badges, related-link lists and comment counts a reader skips."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

__all__ = ["furniture_spans"]

_LINE = re.compile(r"[^\n]*")
_WORD = re.compile(r"\w+")
_SEPARATOR = re.compile(r"\s[|›»•·>/]\s|\s?[|•·]\s?")
_COUNT = re.compile(r"[\s\d()\[\]:.,-]+")  # "Comments (14)", "14 comments", "Read more:"
_SENTENCE_END = re.compile(r"[.!?…\"“”»)]\s*$")
_ANY_SEPARATOR = re.compile(r"[|›»•·>/]")
MAX_MENU_CHARS = 300
MAX_MARKER_CHARS = 60
MAX_CRUMB_WORDS = 4  # one item of a menu line: "Premier League", "Transfers"
MAX_TEASER_WORDS = 18  # a teaser headline; story sentences are longer or end in a full stop
MAX_BADGE_WORDS = 5  # "Transfer news LIVE", "Mercato en direct"


def _lines(low: str) -> Iterator[tuple[int, int, str]]:
    for m in _LINE.finditer(low):
        if m.start() == m.end() and m.start() > 0 and low[m.start() - 1] != "\n":
            continue  # the empty match after each line
        yield m.start(), m.end(), m.group()


def _is_menu(line: str) -> bool:
    """A breadcrumb or menu line: three or more short items between separators."""
    if len(line) > MAX_MENU_CHARS or not _ANY_SEPARATOR.search(line):
        return False
    items = [item for item in _SEPARATOR.split(line) if item.strip()]
    if _SENTENCE_END.search(line):
        return False
    return len(items) >= 3 and all(len(_WORD.findall(item)) <= MAX_CRUMB_WORDS for item in items)


def _bare(line: str) -> str:
    return " ".join(_COUNT.sub(" ", line).split())


@lru_cache(maxsize=16)
def _bare_set(phrases: frozenset[str]) -> frozenset[str]:
    return frozenset(_bare(phrase) for phrase in phrases)


def _is_marker(line: str, related: frozenset[str]) -> bool:
    """A line that opens related links or comments: "More on this story", "Lesen Sie auch:", "Commenti (14)"."""
    return len(line) <= MAX_MARKER_CHARS and _bare(line) in _bare_set(related)


def _is_badge(line: str, badges: frozenset[str]) -> bool:
    """A section badge above the story: a few words, no sentence, one of them a badge ("LIVE", "Ticker")."""
    if len(line) > MAX_MARKER_CHARS:
        return False
    words = _WORD.findall(line)
    if not words or len(words) > MAX_BADGE_WORDS or ":" in line or _SENTENCE_END.search(line):
        return False
    padded = f" {' '.join(words)} "
    return any(f" {badge} " in padded for badge in badges)


def _is_teaser(line: str) -> bool:
    words = _WORD.findall(line)
    return 0 < len(words) <= MAX_TEASER_WORDS and not _SENTENCE_END.search(line)


def furniture_spans(text: str, low: str, related: frozenset[str], badges: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of ``text`` that are page furniture rather than the story (``low``: the same text folded, lower case;
    folding turns the separators "›", "»" and "•" into spaces, so menus are read from ``text``).

    A menu line anywhere; a badge line before the story's first sentence; a related-links or comments marker and the
    teaser headlines that follow it, up to the first line that reads as a sentence."""
    spans: list[tuple[int, int]] = []
    in_list = False
    story_started = False
    for start, end, raw in _lines(low):
        line = raw.strip()
        if not line:
            continue
        menu = _is_menu(text[start:end].strip())
        if menu or _is_marker(line, related):
            spans.append((start, end))
            in_list = not menu
            continue
        if in_list and _is_teaser(line):
            spans.append((start, end))
            continue
        in_list = False
        if not story_started and _is_badge(line, badges):
            spans.append((start, end))
            continue
        story_started = True
    return spans
