"""The phrase mini-language: a phrase read into slots, and compiled to the regexes that match it.

A phrasebook lists, for every cue class of ``SCHEMA``, the phrases a language's football press uses for it. A
phrase is written as it is read, accents and all; it is matched on the folded lower-case text, whole words only:

- words are separated by single spaces, which match any run of white space;
- ``a|b`` in one word: either word (``signs|signed for``);
- ``word*``: the word and any ending (``negotiat*``);
- ``word?``: an optional word (``has officially? signed``);
- ``~`` / ``~N``: up to three (or N) other words (``zieht sich ~4 zurück``);
- ``(a b|c)``: a group of alternatives that may be several words each (``(will not|won't) sell``);
  ``(a b|c)?`` makes the group optional.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .schema import PhrasebookError
from .text import fold

__all__ = ["compile_phrase"]

_WORD_CHARS = "a-z0-9"
# A word a gap (``~``) may skip: letters and digits, or an amount ("£45m", "€12.5m").
_GAP_WORD = r"[a-z0-9'\-€£$][a-z0-9'\-€£$.,]*"


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
# A gap never skips a negation: "bid ~3 accepted" is no agreement in "bid not accepted", nor "bid hasn't been
# accepted". The words of the five languages, and their forms read backwards.
_NEGATIONS = (
    "not",
    "never",
    "nicht",
    "nie",
    "kein",
    "keine",
    "keinen",
    "keiner",
    "pas",
    "jamais",
    "non",
    "mai",
    "no",
    "nunca",
)
_NOT_NEGATION = rf"(?!(?:{'|'.join(_NEGATIONS)})(?![a-z0-9])|[a-z0-9'\-]*n't(?![a-z0-9]))"
_NOT_NEGATION_REVERSED = rf"(?!(?:{'|'.join(w[::-1] for w in _NEGATIONS)})(?![a-z0-9])|t'n)"


def _regex(slots: tuple[_Slot, ...], reverse: bool = False) -> str:
    """The regex of a parsed phrase, or of the phrase read backwards (to match it on a reversed text)."""
    out = ""
    started = False  # a mandatory word has been written: later words start with white space
    for slot in reversed(slots) if reverse else slots:
        if slot.gap:
            word = _NOT_NEGATION_REVERSED + _GAP_WORD_REVERSED if reverse else _NOT_NEGATION + _GAP_WORD
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
