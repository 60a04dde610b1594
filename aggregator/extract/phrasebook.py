"""Phrasebooks: each language's cue classes as data (``lang/<code>.toml``), checked and compiled once per language.

A phrasebook lists, for every cue class of ``SCHEMA``, the phrases a language's football press uses for it. A
phrase is written as it is read, accents and all; it is matched on the folded lower-case text, whole words only:

- words are separated by single spaces, which match any run of white space;
- ``a|b`` in one word: either word (``signs|signed for``);
- ``word*``: the word and any ending (``negotiat*``);
- ``word?``: an optional word (``has officially? signed``);
- ``~`` / ``~N``: up to three (or N) other words (``zieht sich ~4 zurück``);
- ``(a b|c)``: a group of alternatives that may be several words each (``(will not|won't) sell``);
  ``(a b|c)?`` makes the group optional.

Where a class sits is part of its meaning (``Position``): ``free`` classes are found anywhere in a text; ``before``
classes must end just before a mention (a club, a source, a person), with the language's articles and a
descriptor or two between ("joins Premier League side Arsenal"); ``after`` classes must start just after one,
past a possessive, an auxiliary and adverbs ("Arsenal have now made a bid"); ``words`` classes are plain word
lists. Adding a language is one phrasebook file plus test sentences; the loader refuses a file that lacks a class.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from functools import cache, lru_cache
from pathlib import Path

from .scan import WordScanner, word_trie
from .text import fold

__all__ = ["LANGUAGES", "SCHEMA", "Phrasebook", "PhrasebookError", "compile_phrase", "phrasebook"]

LANG_DIR = Path(__file__).resolve().parent / "lang"


class Position(Enum):
    FREE = "free"  # anywhere in the text
    BEFORE = "before"  # ends just before a mention
    AFTER = "after"  # starts just after a mention
    PRECEDES_CUE = "precedes-cue"  # within a few words before another cue
    FOLLOWS_CUE = "follows-cue"  # in the few words after another cue, in its clause
    WORDS = "words"  # a plain word list


# Every cue class a phrasebook must define, where it sits and what it means.
SCHEMA: dict[str, tuple[Position, str]] = {
    # grammar the compiler needs
    "grammar.articles": (Position.WORDS, "articles and club prefixes that may stand between a cue and a club"),
    "grammar.auxiliaries": (Position.WORDS, "auxiliary verbs between a club (the subject) and its verb"),
    "grammar.adverbs": (Position.WORDS, "adverbs between a club and its verb (now, already, reportedly)"),
    "grammar.prepositions": (Position.WORDS, "words that end a descriptor gap (of, at, with): never inside one"),
    "grammar.genitives": (Position.WORDS, "'of' words between a position noun and a club (del, du, de)"),
    "grammar.stopwords": (Position.WORDS, "frequent function words: the language guess and name splitting"),
    # how far a deal has got
    "stage.interest": (Position.FREE, "a club wants, follows or targets a player"),
    "stage.talks": (Position.FREE, "clubs or player and club negotiate"),
    "stage.bid": (Position.FREE, "an offer is made or rejected"),
    "stage.agreed": (Position.FREE, "the clubs have agreed (a fee, a deal), nothing signed"),
    "stage.medical": (Position.FREE, "the player is having his medical"),
    "stage.done": (Position.FREE, "signed, completed, official"),
    "stage.denied": (Position.FREE, "a party denies the story or rules the move out"),
    "stage.collapsed": (Position.FREE, "the move fell through, he stays or renews"),
    "stage.exit": (Position.FREE, "the player leaves (no destination implied)"),
    "stage.medical_failed": (Position.FREE, "a failed medical (the deal is off)"),
    # what the words just before a stage cue do to it
    "modifier.not_yet": (Position.PRECEDES_CUE, "the cue has not happened yet (not yet signed, noch nicht)"),
    "modifier.negation": (Position.PRECEDES_CUE, "the cue is denied (no agreement, not interested, will not join)"),
    "modifier.future": (Position.PRECEDES_CUE, "the cue is expected, not yet true (set to, will, about to)"),
    "modifier.hedge": (Position.PRECEDES_CUE, "the cue is wished, planned or speculated (could, wants to, ready to)"),
    "modifier.conditional": (Position.PRECEDES_CUE, "the cue is a condition (if, in case of)"),
    "modifier.infinitive": (Position.PRECEDES_CUE, "the word just before the cue makes it an infinitive (to join)"),
    "modifier.towards": (Position.PRECEDES_CUE, "working towards an agreement, not yet reached (close to, hope to)"),
    "modifier.negated_after": (Position.FOLLOWS_CUE, "what follows the cue denies it (German: zieht die Option nicht)"),
    "modifier.expected_after": (Position.FOLLOWS_CUE, "what follows the cue makes it only expected (is expected)"),
    "modifier.offer_before": (Position.PRECEDES_CUE, "an offer word just before a completion cue (Offerta ufficiale)"),
    "modifier.offer_after": (Position.FOLLOWS_CUE, "an offer word just after a completion cue (official offer)"),
    "modifier.future_after": (Position.FOLLOWS_CUE, "a time after the cue puts it in the future (signs on Monday)"),
    "modifier.background": (Position.PRECEDES_CUE, "a relative clause before the cue makes it background (who joined)"),
    "modifier.player_terms": (Position.FREE, "terms agreed with the player, not between clubs"),
    "modifier.informal": (Position.PRECEDES_CUE, "an understanding, not an agreement (gentleman's)"),
    # which side of the deal a club is on
    "role.buyer_before": (Position.BEFORE, "the club after it is where the player goes (joins, move to)"),
    "role.buyer_weak_before": (Position.BEFORE, "a bare preposition towards the club after it (to, zu, à)"),
    "role.buyer_after": (Position.AFTER, "the club before it wants, bids for or signs him"),
    "role.bid_after": (Position.AFTER, "the club before it made an offer ('s bid, have made an offer)"),
    "role.seller_before": (Position.BEFORE, "the club after it is the one he leaves (from, leave)"),
    "role.seller_after": (Position.AFTER, "the club before it sells, rejects or demands (reject, want £50m)"),
    "role.keeper_after": (Position.AFTER, "the club before it wants to keep him (hope to extend)"),
    "role.rival_before": (Position.BEFORE, "the club after it is a rival bidder (beating, ahead of)"),
    "role.rival_after": (Position.AFTER, "the club before it lost the race (have been beaten to, missed out)"),
    "role.withdrawn_after": (Position.AFTER, "the club before it pulled out"),
    "role.former_before": (Position.BEFORE, "the club after it is a former club (his former club, ex-)"),
    "role.former_after": (Position.AFTER, "the club before it was in the past (last season)"),
    "role.loan_before": (Position.BEFORE, "the club after it has him on loan now"),
    "role.loan_after": (Position.AFTER, "the club before it has him on loan now"),
    "role.lent_after": (Position.AFTER, "the club before it lent him out (it owns him)"),
    "role.return_before": (Position.BEFORE, "the club after it is where he goes back to"),
    "role.return_after": (Position.AFTER, "the club before it is where he goes back to (German zurück)"),
    "role.talks_with_before": (Position.BEFORE, "the club after it is the other party to talks"),
    "role.place_before": (Position.BEFORE, "a city named like a club after it is a place (in, a, en)"),
    "role.go_before": (Position.BEFORE, "a city after it is the destination (move to, fly to)"),
    "role.option_declined": (Position.FREE, "the loan club will not take up its option to buy"),
    # who says so
    "source.before": (Position.BEFORE, "the source after it is credited (according to, reported by)"),
    "source.after": (Position.AFTER, "the source before it is credited (reports, claims)"),
    "source.credit": (Position.FREE, "words after which a person's name is a source (according to, journalist)"),
    "source.outlet_words": (Position.WORDS, "head words of a publication's name (Zeitung, Gazzetta, Diario, Echo)"),
    "source.official": (Position.FREE, "a club's own announcement (officially, announced, statement)"),
    "source.official_done": (Position.FREE, "words of a completed, presented signing (unveiled, presented)"),
    # the page around the story
    "page.related": (Position.WORDS, "lines opening a page's related links or comments (Read more, Lesen Sie auch)"),
    "page.badges": (Position.WORDS, "words of a short section badge above a story (LIVE, Ticker, en direct)"),
    # what a story is about
    "story.coach": (Position.FREE, "a headline about a coach's appointment or sacking, not a player's move"),
    # what an amount is
    "fee.salary": (Position.FREE, "wages, not a fee"),
    "fee.signing": (Position.FREE, "a signing-on fee"),
    "fee.addon": (Position.FREE, "add-ons and bonuses"),
    "fee.total": (Position.FREE, "a total with add-ons (rising to, up to)"),
    "fee.clause": (Position.FREE, "a release clause"),
    "fee.clause_paid": (
        Position.FREE,
        "words before a release clause that pay it (paid, triggered): then it is the fee",
    ),
    "fee.value": (Position.FREE, "market value, budgets and other sums that are not fees"),
    "fee.word": (Position.FREE, "words of a transfer sum (fee, bid, pay)"),
    "fee.base": (Position.FREE, "the fixed part of a fee"),
    "fee.free": (Position.FREE, "a free transfer"),
    # who is a person, and which person is the player
    "person.role_before": (Position.WORDS, "words before a name that make it a coach, agent, relative or official"),
    "person.role_after": (Position.AFTER, "words after a name that make it a coach, agent or speaker"),
    "person.positions": (Position.WORDS, "player descriptors (striker, Stürmer): the name after one is a player"),
    "person.targets": (Position.WORDS, "words after a club that make the player its target (target, new signing)"),
    "person.not_names": (Position.WORDS, "capitalised words that are never part of a person's name"),
}

LANGUAGES = ("en", "de", "fr", "it", "es")

# The FREE classes the one-pass scanner finds over a whole text (the stage cues); the others are looked for with
# their own pattern where they matter (around an amount, in a headline, near a club).
_SCANNED = ("stage.", "modifier.player_terms")

# BEFORE classes whose descriptors may end in a genitive: the club owns what the words name ("ancien latéral de X")
_OWNER_GENITIVE = frozenset({"role.seller_before", "role.former_before", "role.loan_before"})

# Modifiers that act only when they stand right before the cue ("to join", "gentleman's agreement").
_ADJACENT = frozenset({"modifier.infinitive", "modifier.informal", "modifier.offer_before", "modifier.offer_after"})

_WORD_CHARS = "a-z0-9"
# A word a gap (``~``) may skip: letters and digits, or an amount ("£45m", "€12.5m").
_GAP_WORD = r"[a-z0-9'\-€£$][a-z0-9'\-€£$.,]*"


class PhrasebookError(ValueError):
    """A phrasebook file that is missing a class, has an unknown one, or a phrase that cannot be read."""


@dataclass(frozen=True, slots=True)
class _Slot:
    """One word position of a phrase: alternative words, a gap, or a group of alternative phrases."""

    optional: bool
    words: tuple[tuple[str, bool], ...] = ()  # (literal, open-ended with "*")
    gap: int = 0  # a gap of up to this many words
    group: tuple[tuple[_Slot, ...], ...] = ()  # alternative phrases


def _parse(phrase: str) -> tuple[_Slot, ...]:
    folded = fold(phrase.strip().lower())
    if not folded or "  " in folded:
        raise PhrasebookError(f"phrase {phrase!r}: empty, or two spaces in a row")
    slots: list[_Slot] = []
    for raw in _slots(folded, phrase):
        optional = raw.endswith("?") and len(raw) > 1
        slot = raw[:-1] if optional else raw
        gap = re.fullmatch(r"~(\d?)", slot)
        if gap:
            if not slots:
                raise PhrasebookError(f"phrase {phrase!r}: a gap cannot open a phrase")
            slots.append(_Slot(optional, gap=int(gap.group(1) or 3)))
        elif slot.startswith("(") and slot.endswith(")"):
            parts = slot[1:-1].split("|")
            if not all(p.strip() for p in parts):
                raise PhrasebookError(f"phrase {phrase!r}: empty alternative in a group")
            slots.append(_Slot(optional, group=tuple(_parse(p) for p in parts)))
        else:
            words = []
            for alt in slot.split("|"):
                if not alt:
                    raise PhrasebookError(f"phrase {phrase!r}: empty alternative")
                star = alt.endswith("*") and len(alt) > 1
                words.append((alt[:-1] if star else alt, star))
            slots.append(_Slot(optional, words=tuple(words)))
    if all(s.optional or s.gap for s in slots):
        raise PhrasebookError(f"phrase {phrase!r}: every word is optional")
    return tuple(slots)


# A word a gap may skip, as the text reads it and as it reads backwards.
_GAP_WORD_REVERSED = r"[a-z0-9'\-€£$.,]*[a-z0-9'\-€£$]"


def _regex(slots: tuple[_Slot, ...], reverse: bool = False) -> str:
    """The regex of a parsed phrase, or of the phrase read backwards (to match it on a reversed text)."""
    out = ""
    started = False  # a mandatory word has been written: later words start with white space
    for slot in reversed(slots) if reverse else slots:
        if slot.gap:
            word = _GAP_WORD_REVERSED if reverse else _GAP_WORD
            out += f"(?:\\s+{word}){{0,{slot.gap}}}?" if started else f"(?:{word}\\s+){{0,{slot.gap}}}?"
            continue
        if slot.group:
            body = "(?:" + "|".join(_regex(alt, reverse) for alt in slot.group) + ")"
        else:
            alternatives = []
            for literal, star in slot.words:
                if reverse:
                    alternatives.append((f"[{_WORD_CHARS}]*" if star else "") + re.escape(literal[::-1]))
                else:
                    alternatives.append(re.escape(literal) + (f"[{_WORD_CHARS}]*" if star else ""))
            body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        if started:
            out += f"(?:\\s+{body})?" if slot.optional else f"\\s+{body}"
        elif slot.optional:
            out += f"(?:{body}\\s+)?"
        else:
            out += body
            started = True
    return out


def compile_phrase(phrase: str) -> str:
    """The regex (over folded lower-case text) of one phrase; no word-boundary assertions around it."""
    return _regex(_parse(phrase))


_FIRST_RUN = re.compile(r"[a-z0-9]+")


def _openers(slots: tuple[_Slot, ...]) -> tuple[frozenset[str], frozenset[str]] | None:
    """The words a match of the phrase can start with: (exact words, stems of open-ended words); None when a
    match could start with something else than a word."""
    exact: set[str] = set()
    stems: set[str] = set()
    for slot in slots:
        if slot.group:
            for alt in slot.group:
                found = _openers(alt)
                if found is None:
                    return None
                exact |= found[0]
                stems |= found[1]
        else:
            for literal, star in slot.words:
                run = _FIRST_RUN.match(literal)
                if run is None:
                    return None  # "'s bid", ", the coach"
                if star and run.group() == literal:
                    stems.add(literal)
                else:
                    exact.add(run.group())
        if not slot.optional:
            return frozenset(exact), frozenset(stems)
    return None


def _closers(slots: tuple[_Slot, ...]) -> tuple[frozenset[str], frozenset[str]] | None:
    """The words a match of the phrase can end with, as ``_openers`` gives those it starts with; gaps at the
    end are looked through (their words are any words)."""
    exact: set[str] = set()
    stems: set[str] = set()
    for slot in reversed(slots):
        if slot.gap:
            return None  # anything may end it
        if slot.group:
            for alt in slot.group:
                found = _closers(alt)
                if found is None:
                    return None
                exact |= found[0]
                stems |= found[1]
        else:
            for literal, star in slot.words:
                runs = _FIRST_RUN.findall(literal)
                if not runs:
                    return None
                if star and runs[-1] == literal:
                    stems.add(literal)
                elif star:
                    return None
                else:
                    exact.add(runs[-1])
        if not slot.optional:
            return frozenset(exact), frozenset(stems)
    return None


def _slots(folded: str, phrase: str) -> list[str]:
    """The phrase's words, a parenthesised group (which may hold spaces) counting as one."""
    slots: list[str] = []
    group: list[str] | None = None
    for word in folded.split(" "):
        if group is not None:
            group.append(word)
            if word.endswith((")", ")?")):
                slots.append(" ".join(group))
                group = None
        elif word.startswith("(") and not word.endswith((")", ")?")):
            group = [word]
        else:
            slots.append(word)
    if group is not None:
        raise PhrasebookError(f"phrase {phrase!r}: unclosed group")
    return slots


def _open_end(phrase: str) -> bool:
    last = fold(phrase.strip().lower()).split(" ")[-1].rstrip("?")
    return last.endswith(("*", "'", "-")) or not last[-1:].isalnum()


def _alternation(phrases: list[str], reverse: bool = False) -> str:
    """The phrases as one regex, longest first; read forwards each ends on a word boundary unless it ends open."""
    out = []
    for phrase in sorted(set(phrases), key=lambda p: (-len(p), p)):
        regex = _regex(_parse(phrase), reverse)
        out.append(regex if reverse or _open_end(phrase) else f"{regex}(?![{_WORD_CHARS}])")
    return "|".join(out)


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


@dataclass(frozen=True, slots=True)
class Phrasebook:
    """One language's compiled cue classes."""

    language: str
    phrases: dict[str, tuple[str, ...]]  # class -> its phrases, as written
    free: WordScanner  # the stage cue classes, scanned in one pass
    before: dict[str, BackwardPattern]  # BEFORE class -> pattern ending where the text before a mention ends
    after: dict[str, ForwardPattern]  # AFTER class -> pattern starting where the text after a mention starts
    precedes: dict[str, BackwardPattern]  # PRECEDES_CUE class -> pattern ending where the text before a cue ends
    follows: dict[str, re.Pattern[str]]  # FOLLOWS_CUE class -> pattern matched at a cue's end
    words: dict[str, frozenset[str]]  # WORDS class -> folded lower-case words
    search: dict[str, Phrases]  # any class but WORDS -> its phrases anywhere, for a small window
    before_index: WordIndex  # BEFORE classes by the words that can end their phrases
    after_index: WordIndex  # AFTER classes by the words that can open their phrases
    precedes_index: WordIndex  # PRECEDES_CUE classes by the words that can end their phrases

    def before_match(self, cls: str, before: str) -> Hit | None:
        """``cls`` ending where ``before`` (the text before a mention) ends."""
        if cls not in _before_candidates(self.before_index, before):
            return None
        return self.before[cls].search(before, checked=True)

    def after_match(self, cls: str, after: str) -> re.Match[str] | None:
        """``cls`` starting where ``after`` (the text after a mention) starts."""
        if cls not in _after_candidates(self.after_index, after):
            return None
        return self.after[cls].match(after, checked=True)

    def precedes_match(self, cls: str, before: str) -> Hit | None:
        """The modifier ``cls`` ending where ``before`` (the text before a stage cue) ends."""
        if cls not in _before_candidates(self.precedes_index, before):
            return None
        return self.precedes[cls].search(before, checked=True)


def _class_openers(phrases: list[str]) -> tuple[frozenset[str], frozenset[str]] | None:
    exact: set[str] = set()
    stems: set[str] = set()
    for phrase in phrases:
        found = _openers(_parse(phrase))
        if found is None:
            return None
        exact |= found[0]
        stems |= found[1]
    return frozenset(exact), frozenset(stems)


def _class_closers(phrases: list[str]) -> tuple[frozenset[str], frozenset[str]] | None:
    exact: set[str] = set()
    stems: set[str] = set()
    for phrase in phrases:
        found = _closers(_parse(phrase))
        if found is None:
            return None
        exact |= found[0]
        stems |= found[1]
    return (frozenset(exact), frozenset(stems)) if exact or stems else None


def _words_regex(words: frozenset[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def _load(path: Path) -> dict[str, list[str]]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise PhrasebookError(f"{path.name}: {exc}") from exc
    classes: dict[str, list[str]] = {}
    for group, table in data.items():
        if group == "language":
            continue
        if not isinstance(table, dict):
            raise PhrasebookError(f"{path.name}: [{group}] is not a table")
        for name, phrases in table.items():
            key = f"{group}.{name}"
            if key not in SCHEMA:
                raise PhrasebookError(f"{path.name}: unknown class {key}")
            if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
                raise PhrasebookError(f"{path.name}: {key} must be a list of strings")
            classes[key] = phrases
    missing = sorted(set(SCHEMA) - set(classes))
    if missing:
        raise PhrasebookError(f"{path.name}: missing classes {', '.join(missing)}")
    return classes


def build(language: str, classes: dict[str, list[str]]) -> Phrasebook:
    """Compile one language's classes (``classes`` as a phrasebook file holds them)."""
    missing = sorted(set(SCHEMA) - set(classes))
    if missing:
        raise PhrasebookError(f"{language}: missing classes {', '.join(missing)}")
    words = {
        cls: frozenset(fold(w.lower()) for w in classes[cls])
        for cls, (pos, _) in SCHEMA.items()
        if pos is Position.WORDS
    }
    articles = _words_regex(frozenset(w[::-1] for w in words["grammar.articles"]))
    # after descriptors no genitive may follow: in "pour l'attaquant de Naples" Naples owns the noun, it is not
    # what "pour" points at
    plain_articles = _words_regex(frozenset(w[::-1] for w in words["grammar.articles"] - words["grammar.genitives"]))
    auxiliaries = _words_regex(words["grammar.auxiliaries"])
    adverbs = _words_regex(words["grammar.adverbs"])
    stops = _words_regex(frozenset(w[::-1] for w in words["grammar.prepositions"] | words["grammar.articles"]))
    # read backwards from a mention: articles and club prefixes, then up to three descriptors ("joins Premier League
    # side Arsenal"; never a preposition), then the phrase
    article_head = rf"^\s?(?:(?<![{_WORD_CHARS}])(?:{articles})\s?)*" if articles else r"^\s?"
    plain_head = rf"^\s?(?:(?<![{_WORD_CHARS}])(?:{plain_articles})\s?)*" if plain_articles else r"^\s?"
    gap = rf"(?:(?!(?:{stops})\s)[a-z'\-]{{2,25}}\s){{0,3}}?" if stops else ""
    head = r"^(?:'s?|-)?\s?"
    aux = rf"(?:(?:{auxiliaries})\s)?" if auxiliaries else ""
    adv = rf"(?:(?:{adverbs})\s)*" if adverbs else ""
    free: dict[str, str] = {}
    openers: dict[str, tuple[frozenset[str], frozenset[str]] | None] = {}
    before: dict[str, BackwardPattern] = {}
    after: dict[str, ForwardPattern] = {}
    precedes: dict[str, BackwardPattern] = {}
    search: dict[str, Phrases] = {}
    follows: dict[str, re.Pattern[str]] = {}
    before_edges: dict[str, tuple[frozenset[str], frozenset[str]] | None] = {}
    after_edges: dict[str, tuple[frozenset[str], frozenset[str]] | None] = {}
    precedes_edges: dict[str, tuple[frozenset[str], frozenset[str]] | None] = {}
    never = r"(?!x)x"  # an empty class matches nothing
    for cls, (pos, _) in SCHEMA.items():
        phrases = [p for p in classes[cls] if p.strip()]
        if pos is Position.WORDS:
            continue
        body = _alternation(phrases) if phrases else never
        backward = _alternation(phrases, reverse=True) if phrases else never
        search[cls] = Phrases(rf"(?<![{_WORD_CHARS}])(?:{body})", _class_openers(phrases) if phrases else None)
        if pos is Position.FREE:
            if cls.startswith(_SCANNED):
                free[cls] = body
                openers[cls] = _class_openers(phrases)
        elif pos is Position.BEFORE:
            # prepositions (role.buyer_weak_before, role.place_before) take no descriptor gap
            bare = rf"{article_head}(?:{backward})(?![{_WORD_CHARS}])"
            described = rf"{plain_head}{gap}(?:{backward})(?![{_WORD_CHARS}])"
            if cls in ("role.buyer_weak_before", "role.place_before") or not gap:
                regex = bare
            elif cls in _OWNER_GENITIVE:  # "ancien latéral de Lorient": the genitive names the club
                regex = rf"{article_head}{gap}(?:{backward})(?![{_WORD_CHARS}])"
            else:
                regex = f"{bare}|{described}"
            before_edges[cls] = _class_closers(phrases)
            before[cls] = BackwardPattern(regex, before_edges[cls])
        elif pos is Position.AFTER:
            after_edges[cls] = _class_openers(phrases) if phrases else (frozenset(), frozenset())
            after[cls] = ForwardPattern(rf"{head}{aux}{adv}(?:{body})", after_edges[cls])
        elif pos is Position.FOLLOWS_CUE:
            reach = 12 if cls in _ADJACENT else 25
            follows[cls] = re.compile(rf"[^.;!?\n]{{0,{reach}}}?(?<![{_WORD_CHARS}])(?:{body})")
        else:
            words_between = 0 if cls in _ADJACENT else 8 if cls == "modifier.conditional" else 3
            # the cue may follow an elided article glued to it ("per l'accordo")
            precedes_edges[cls] = _class_closers(phrases) if words_between <= 3 else None
            precedes[cls] = BackwardPattern(
                rf"^(?:\s+|(?='))(?:[{_WORD_CHARS}'\-]+\s+){{0,{words_between}}}?(?:{backward})(?![{_WORD_CHARS}])",
                precedes_edges[cls],
            )
    return Phrasebook(
        language=language,
        phrases={cls: tuple(classes[cls]) for cls in SCHEMA},
        free=WordScanner(free, openers),
        before=before,
        after=after,
        precedes=precedes,
        follows=follows,
        words=words,
        search=search,
        before_index=WordIndex(before_edges),
        after_index=WordIndex(after_edges),
        precedes_index=WordIndex(precedes_edges),
    )


@cache
def phrasebook(language: str) -> Phrasebook:
    """The compiled phrasebook of ``language`` (one of ``LANGUAGES``); English for any other code."""
    code = language if language in LANGUAGES else "en"
    return build(code, _load(LANG_DIR / f"{code}.toml"))
