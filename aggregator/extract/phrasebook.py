"""Phrasebooks: each language's cue classes as data (``lang/<code>.toml``), checked and compiled once per language.

The classes are in ``schema``, the phrase syntax in ``phrase_syntax``, the compiled matchers in ``patterns``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .patterns import BackwardPattern, ForwardPattern, Hit, Phrases, WordIndex, _after_candidates, _before_candidates
from .phrase_syntax import _WORD_CHARS, _alternation, _class_closers, _class_openers, compile_phrase
from .scan import WordScanner
from .schema import LANGUAGES, SCHEMA, PhrasebookError, Position
from .text import fold

__all__ = ["LANGUAGES", "SCHEMA", "Phrasebook", "PhrasebookError", "compile_phrase", "phrasebook"]

LANG_DIR = Path(__file__).resolve().parent / "lang"

# The FREE classes the one-pass scanner finds over a whole text (the stage cues, and the classes looked for all over
# a report); the others are looked for with their own pattern where they matter (around an amount, in a headline,
# near a club).
_SCANNED = (
    "stage.",
    "modifier.player_terms",
    "fee.free",
    "role.option_declined",
    "source.credit",
    "source.official",  # and source.official_done
    "source.spokespeople",
)

# BEFORE classes whose descriptors may end in a genitive: the club owns what the words name ("ancien latéral de X")
_OWNER_GENITIVE = frozenset({"role.seller_before", "role.former_before", "role.loan_before"})

# Modifiers that act only when they stand right before the cue ("to join", "gentleman's agreement").
# Languages that put the verb at the end of a clause: what follows a cue may stand up to the clause's end.
_VERB_FINAL = frozenset({"de"})
_ADJACENT = frozenset({"modifier.infinitive", "modifier.informal", "modifier.offer_before", "modifier.offer_after"})


@dataclass(frozen=True, slots=True)
class Phrasebook:
    """One language's compiled cue classes."""

    language: str
    phrases: dict[str, tuple[str, ...]]  # class -> its phrases, as written
    free: WordScanner  # the stage cue classes and the other whole-text classes, scanned in one pass
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
            if cls in _ADJACENT:
                reach = r"[^.;!?\n]{0,12}?"
            elif language in _VERB_FINAL:
                reach = r"[^.;!?,\n]{0,70}?"  # the verb closes the clause: "eine Einigung mit X über Y zu erzielen"
            else:
                reach = r"[^.;!?\n]{0,25}?"
            follows[cls] = re.compile(rf"{reach}(?<![{_WORD_CHARS}])(?:{body})")
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
