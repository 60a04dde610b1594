"""Compiled phrase matchers: a class's phrases anywhere, anchored before or after a mention, indexed by word."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from .phrase_syntax import _FIRST_RUN, _WORD_CHARS
from .scan import word_trie

__all__ = ["BackwardPattern", "ForwardPattern", "Hit", "Phrases", "WordIndex"]


@dataclass(frozen=True, slots=True)
class Hit:
    """Where a class matched the text just before a mention or a cue (``string`` is that text)."""

    string: str
    span: tuple[int, int]

    def start(self) -> int:
        return self.span[0]

    def end(self) -> int:
        return self.span[1]

    def group(self) -> str:
        return self.string[self.span[0] : self.span[1]]


class Phrases:
    """A class's phrases anywhere in a text. A search first looks for a word that can open one of them (one trie
    regex over the window), which is far cheaper than trying the whole alternation at every position."""

    __slots__ = ("pattern", "pre")

    def __init__(self, regex: str, openers: tuple[frozenset[str], frozenset[str]] | None) -> None:
        self.pattern = re.compile(regex)
        self.pre: re.Pattern[str] | None = None
        if openers and (openers[0] or openers[1]):
            parts = []
            if openers[0]:
                parts.append(f"{word_trie(sorted(openers[0]))}(?![{_WORD_CHARS}])")
            if openers[1]:
                parts.append(word_trie(sorted(openers[1])))
            self.pre = re.compile(rf"(?<![{_WORD_CHARS}])(?:{'|'.join(parts)})")

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        end = len(text) if endpos is None else endpos
        pre = self.pre
        if pre is not None:
            first = pre.search(text, pos, end)
            if first is None:
                return None
            pos = first.start()
        return self.pattern.search(text, pos, end)

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return self.pattern.match(text, pos, len(text) if endpos is None else endpos)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self.pre is not None and self.pre.search(text) is None:
            return iter(())
        return self.pattern.finditer(text)


def _stem_regex(stems: frozenset[str]) -> re.Pattern[str] | None:
    """One regex for open-ended first (or last) words: a word starting with any of ``stems``."""
    return re.compile(rf"(?<![{_WORD_CHARS}]){word_trie(sorted(stems))}") if stems else None


@lru_cache(maxsize=64)
def _head_words(text: str) -> frozenset[str]:
    """The first words of a window after a mention."""
    return frozenset(_FIRST_RUN.findall(text[:60]))


class ForwardPattern:
    """A pattern that must start where a text starts (past a possessive, an auxiliary, adverbs); not tried when
    none of the words that can open its phrases is among the window's first words."""

    __slots__ = ("exact", "pattern", "stems")

    def __init__(self, regex: str, openers: tuple[frozenset[str], frozenset[str]] | None) -> None:
        self.pattern = re.compile(regex)
        self.exact = openers[0] if openers else None
        self.stems = _stem_regex(openers[1]) if openers else None

    def match(self, text: str, checked: bool = False) -> re.Match[str] | None:
        if (
            self.exact is not None
            and not checked
            and self.exact.isdisjoint(_head_words(text))
            and (self.stems is None or self.stems.search(text, 0, 60) is None)
        ):
            return None
        return self.pattern.match(text)


@lru_cache(maxsize=64)
def _tail_words(text: str) -> frozenset[str]:
    """The last words of a window (the same window is tried against many classes in a row)."""
    return frozenset(_FIRST_RUN.findall(text[-48:]))


class BackwardPattern:
    """A pattern that must end where a text ends, matched on the text read backwards: one anchored try instead
    of a search from every position, and none at all when no word that can end a phrase is among the last."""

    __slots__ = ("closers", "pattern", "stems")

    def __init__(self, reversed_regex: str, closers: tuple[frozenset[str], frozenset[str]] | None = None) -> None:
        self.pattern = re.compile(reversed_regex)
        self.closers = closers[0] if closers else None
        self.stems = _stem_regex(closers[1]) if closers else None

    def search(self, text: str, checked: bool = False) -> Hit | None:
        if (
            self.closers is not None
            and not checked
            and self.closers.isdisjoint(_tail_words(text))
            and (self.stems is None or self.stems.search(text, max(0, len(text) - 48)) is None)
        ):
            return None
        m = self.pattern.match(text[::-1])
        if m is None:
            return None
        return Hit(text, (len(text) - m.end(), len(text)))


class WordIndex:
    """Which classes of one kind can match a window, from the words at its edge: one lookup per word instead of
    one prefilter per class. A class whose edge words cannot be listed is always a candidate."""

    __slots__ = ("always", "exact", "lengths", "stems")

    def __init__(self, edges: dict[str, tuple[frozenset[str], frozenset[str]] | None]) -> None:
        self.always = frozenset(cls for cls, edge in edges.items() if edge is None)
        self.exact: dict[str, frozenset[str]] = {}
        self.stems: dict[str, frozenset[str]] = {}
        for cls, edge in edges.items():
            if edge is None:
                continue
            for word in edge[0]:
                self.exact[word] = self.exact.get(word, frozenset()) | {cls}
            for stem in edge[1]:
                self.stems[stem] = self.stems.get(stem, frozenset()) | {cls}
        self.lengths = sorted({len(stem) for stem in self.stems})

    def candidates(self, words: frozenset[str]) -> frozenset[str]:
        out = set(self.always)
        exact, stems, lengths = self.exact, self.stems, self.lengths
        for word in words:
            hit = exact.get(word)
            if hit:
                out |= hit
            for n in lengths:
                if n > len(word):
                    break
                hit = stems.get(word[:n])
                if hit:
                    out |= hit
        return frozenset(out)


@lru_cache(maxsize=512)
def _before_candidates(index: WordIndex, before: str) -> frozenset[str]:
    return index.candidates(_tail_words(before))


@lru_cache(maxsize=512)
def _after_candidates(index: WordIndex, after: str) -> frozenset[str]:
    return index.candidates(_head_words(after))
