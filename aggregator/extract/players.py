"""Player names: capitalised-token candidates, stop lists, role words, surname resolution and the main subject."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from unidecode import unidecode

from ..concepts import fold_name, player_key
from .document import Document
from .lexicon import PARTICLES, SURNAME_PARTICLES, NameLexicon, ends_with_any, first_names, name_lexicon

__all__ = ["PlayerCandidate", "find_players", "player_key"]

_KEY_WORD = re.compile(r"[a-z0-9]+")


_AGE_AFTER = re.compile(r"^\s?(\(\d{2}\b|,\s?\d{2}\b|\s?\(\d{2},)")


@dataclass(slots=True)
class PlayerCandidate:
    """A person named in the text, with every mention (full or surname-only) and a relevance score."""

    key: str
    forms: dict[str, int] = field(default_factory=dict)  # display form -> count (full names only): see add_form
    mentions: list[tuple[int, int]] = field(default_factory=list)
    score: float = 0.0
    role_hits: int = 0
    hint_hits: int = 0
    _display: str | None = field(default=None, repr=False, compare=False)  # display, until forms change

    def add_form(self, form: str) -> None:
        self.forms[form] = self.forms.get(form, 0) + 1
        self._display = None

    @property
    def surname(self) -> str:
        return self.key_tokens[-1]

    @property
    def key_tokens(self) -> list[str]:
        return self.display.lower().split()

    @property
    def display(self) -> str:
        """Most frequent full form; a form with diacritics wins over its plain-ASCII twin."""
        if self._display is None:
            self._display = max(
                self.forms.items(), key=lambda kv: (len(kv[0].split()) > 1, kv[1] + _accent_bonus(kv[0]))
            )[0]
        return self._display


def _accent_bonus(form: str) -> float:
    return 100.0 if any(ord(c) > 127 for c in form) else 0.0


_RUN = re.compile(
    r"[A-Z][A-Za-z'\-]*(?:[ \t]{1,2}(?:(?:de|da|di|del|della|van|von|der|den|dos|das|du|le|la|el|al|bin|ben|"
    r"ter|ten|mc)[ \t])*[A-Z][A-Za-z'\-]*)*"
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")


@lru_cache(maxsize=65536)
def _word_class(word: str, language: str) -> int:
    """0: a name token; 1: a name particle ("van", "De"); 2: breaks a name (stop word, lower case)."""
    lw = word.lower().strip("'-")
    if lw in PARTICLES and (not word[0].isupper() or lw in SURNAME_PARTICLES):
        return 1
    is_cap = word[0].isupper() and (not word.isupper() or len(word) == 2)
    lexicon = name_lexicon(language)
    stop = lexicon.stop
    if not is_cap or lw in stop or lw.rsplit("-", 1)[-1] in stop:
        return 2
    if lexicon.compound_heads and len(lw) > 6 and lw.endswith(lexicon.compound_heads):
        return 2  # "Abwehrchef", "Sturmtalent", "Offensivspieler"
    if len(lw) >= 7 and lw.endswith(_NOUN_ENDINGS):
        return 2  # German abstract nouns: "Leistung", "Mannschaft", "Gelegenheit"
    return 0


_NOUN_ENDINGS = ("ung", "ungen", "heit", "keit", "schaft", "schaften", "ismus", "itat")


def _sentence_opener(folded: str, s: int, word: str, lower_words: Callable[[], frozenset[str]]) -> bool:
    """A capitalised first word of a sentence that the text also uses in lower case ("Since", "Has", "Regardless");
    ``lower_words()`` are the words the text writes in lower case."""
    before = folded[max(0, s - 3) : s].rstrip(" \"'(")
    if before and before[-1] not in ".!?:\n":
        return False
    return word.lower() in lower_words()


def _lower_case_words(folded: str) -> Callable[[], frozenset[str]]:
    """The words ``folded`` writes in lower case, found on first use."""
    found: list[frozenset[str]] = []

    def words() -> frozenset[str]:
        if not found:
            found.append(frozenset(_LOWER_WORD.findall(folded)))
        return found[0]

    return words


_LOWER_WORD = re.compile(r"(?<![A-Za-z])[a-z][a-z'\-]*(?![A-Za-z])")


def _runs(text: str, folded: str, blocked: list[tuple[int, int]], language: str) -> list[list[tuple[int, int]]]:
    """Runs of adjacent capitalised name tokens (particles allowed inside), split at stop words and clubs."""
    articles = name_lexicon(language).articles
    lower_words = _lower_case_words(folded)
    mask = bytearray(len(folded) + 1)
    for s, e in blocked:
        mask[s:e] = b"\x01" * (e - s)
    runs: list[list[tuple[int, int]]] = []
    for rm in _RUN.finditer(folded):
        if mask.find(0, rm.start(), rm.end()) < 0:
            continue  # a club or an outlet throughout
        current: list[tuple[int, int]] = []
        first = True
        for m in _WORD.finditer(folded, rm.start(), rm.end()):
            s, e = m.span()
            word = m.group()
            if word.endswith(("'s", "'")) and len(word) > 3:  # possessive: "Rice's move"
                word = word[: -2 if word.endswith("'s") else -1]
                e = s + len(word)
            kind = _word_class(word, language)
            if kind == 0 and first and _sentence_opener(folded, s, word, lower_words):
                kind = 2
            if kind == 1 and language == "de" and word in _GERMAN_ARTICLES and not _after_particle(folded, current):
                kind = 2  # "Bayern den Zuschlag", "Sommer der Entscheidung": an article; "van der Vaart" is a name
            in_block = mask[s]
            if kind == 1:
                if current and not in_block:
                    current.append((s, e))
                continue
            if in_block or kind == 2:
                if current:
                    runs.append(current)
                current = []
                first = False
                continue
            if first and not current:
                first = False
                prev = folded[max(0, s - 12) : s].split()
                if prev and prev[-1].lower() in articles and folded[s - 1 : s] == " ":
                    continue  # "der Japaner", "les Parisiens": a noun, not a name
            first = False
            current.append((s, e))
        if current:
            runs.append(current)
    out = []
    for run in runs:
        while run and _particle(folded, run[-1]):
            run.pop()
        while run and _particle(folded, run[0]) and not (len(run) > 1 and folded[run[0][0]].isupper()):
            run.pop(0)  # a lower-case particle opens no name; "De Bruyne" keeps its capital one
        if run:
            out.append(run[:4])
    return out


# German articles that are also name particles, but only after another particle ("van der", "von den").
_GERMAN_ARTICLES = frozenset({"der", "den", "das", "dem"})


def _after_particle(folded: str, current: list[tuple[int, int]]) -> bool:
    return bool(current) and folded[current[-1][0] : current[-1][1]].lower() in PARTICLES


def _particle(folded: str, span: tuple[int, int]) -> bool:
    word = folded[span[0] : span[1]]
    lw = word.lower()
    return lw in PARTICLES and (word.islower() or lw in SURNAME_PARTICLES)


def _units(run: list[tuple[int, int]], folded: str) -> list[tuple[int, int]]:
    """Merge particles into the following token: [Virgil] [van Dijk]."""
    units: list[tuple[int, int]] = []
    pending: int | None = None
    for s, e in run:
        if _particle(folded, (s, e)):
            pending = s if pending is None else pending
            continue
        units.append((pending if pending is not None else s, e))
        pending = None
    return units


def find_players(
    doc: Document, blocked: list[tuple[int, int]], cue_positions: list[int], excluded_names: set[str]
) -> list[PlayerCandidate]:
    """Person candidates ranked by how likely they are the player the story is about (best first).

    ``blocked`` spans hold clubs and outlets, which are never part of a name."""
    text, folded, title_end = doc.text, doc.folded, doc.title_end
    lexicon = name_lexicon(doc.language)
    runs = [_units(run, folded) for run in _runs(text, folded, sorted(blocked), doc.language)]
    pair_freq: dict[str, int] = {}
    single_freq: dict[str, int] = {}
    for units in runs:
        if len(units) == 1:
            w = _last_word(folded, units[0])
            single_freq[w] = single_freq.get(w, 0) + 1
        for a, b in pairwise(units):
            k = player_key(folded[_core_start(folded, a) : b[1]])
            pair_freq[k] = pair_freq.get(k, 0) + 1
    full: dict[str, PlayerCandidate] = {}
    singles: list[tuple[str, int, int]] = []
    excluded_words: set[str] = set()
    for units in runs:
        if len(units) == 1:
            singles.append((_last_word(folded, units[0]), units[0][0], units[0][1]))
            continue
        pairs = list(pairwise(units))

        def rank(i: int, pairs: list[tuple[tuple[int, int], tuple[int, int]]] = pairs) -> tuple[float, int]:
            a, b = pairs[i]
            k = player_key(folded[_core_start(folded, a) : b[1]])
            return (pair_freq.get(k, 0) + 0.5 * single_freq.get(_last_word(folded, b), 0), i)

        ranks = [rank(i)[0] for i in range(len(pairs))]
        a, b = pairs[max(range(len(pairs)), key=rank)]
        if len(units) == 3 and ranks[0] == ranks[1] and _given_name(folded, units[0]):
            a, b = units[0], units[2]  # "Rafael Guedes Moura": nothing in the text splits the three names
        start, end = _core_start(folded, a), b[1]
        display = text[start:end]
        key = player_key(display)
        if _all_common(fold_name(display), lexicon):
            continue  # "Neuer Stürmer", "Zwei Spieler", "Huge Offer": words of the language, not a person
        if key in excluded_names:
            excluded_words.update(fold_name(display).split())  # "Jose" alone then is the coach, not a player
            continue
        cand = full.setdefault(key, PlayerCandidate(key))
        cand.add_form(display)
        cand.mentions.append((start, end))
    if doc.language == "de":
        _join_genitives(full)
    by_surname: dict[str, list[PlayerCandidate]] = {}
    by_first: dict[str, list[PlayerCandidate]] = {}
    for cand in full.values():
        disp_toks = _KEY_WORD.findall(unidecode(cand.display).lower())
        if disp_toks:
            by_surname.setdefault(disp_toks[-1], []).append(cand)
            by_first.setdefault(disp_toks[0], []).append(cand)
    lone: dict[str, PlayerCandidate] = {}
    for word, s, e in singles:
        owners = by_surname.get(word) or by_first.get(word)
        if not owners and doc.language == "de" and word.endswith("s"):
            owners = by_surname.get(word[:-1])  # "Olmos Wechsel": the genitive of Olmo
        if owners and len(owners) == 1:
            owners[0].mentions.append((s, e))
        elif (
            not owners
            and len(word) > 2
            and not word.isdigit()
            and word not in excluded_words
            and not lexicon.very_common_word(word)
        ):
            display = text[s:e]
            cand = lone.setdefault(word, PlayerCandidate(player_key(display)))
            cand.add_form(display)
            cand.mentions.append((s, e))
    cue_positions = sorted(cue_positions)
    for key in [k for k, c in full.items() if all(_bare_line(folded, s, e, title_end) for s, e in c.mentions)]:
        del full[key]  # menu entries and captions ("Burkina Faso", "Chinese Taipei") are not people
    for cand in full.values():
        _score(cand, doc, cue_positions, lexicon)
    best_full = max((c.score for c in full.values()), default=0.0)
    for cand in lone.values():
        if len(cand.mentions) < 2 or cand.key in excluded_names:
            continue
        _score(cand, doc, cue_positions, lexicon)
        cand.score *= 0.6
        if cand.score > max(2.0 * best_full, 3.0):
            full[cand.key] = cand
    ranked = sorted(full.values(), key=lambda c: -c.score)
    return [c for c in ranked if c.score > 0]


def _join_genitives(full: dict[str, PlayerCandidate]) -> None:
    """German names take an -s in the genitive ("Dani Olmos Wechsel"): such a form is the name the text also
    writes without it, not another person."""
    for key in [k for k in full if k.endswith("s") and k[:-1] in full]:
        base = full[key[:-1]]
        base.mentions = sorted(base.mentions + full.pop(key).mentions)


def _given_name(folded: str, unit: tuple[int, int]) -> bool:
    return _last_word(folded, unit) in first_names()


def _all_common(name: str, lexicon: NameLexicon) -> bool:
    words = name.split()
    return len(words) > 1 and all(lexicon.common_word(w) for w in words)


def _bare_line(folded: str, s: int, e: int, title_end: int) -> bool:
    """The mention is alone on its line (outside the headline)."""
    if s < title_end:
        return False
    line = folded[folded.rfind("\n", 0, s) + 1 : (folded.find("\n", e) + 1 or len(folded) + 1) - 1]
    return line.strip(" \t.:-|*\"'") == folded[s:e]


def _core_start(folded: str, unit: tuple[int, int]) -> int:
    """Start of a unit without its leading particles ("von Declan" -> "Declan")."""
    if folded[unit[0]].isupper():
        return unit[0]
    m = _UPPER.search(folded, unit[0], unit[1])
    return m.start() if m else unit[0]


_UPPER = re.compile(r"[A-Z]")


def _last_word(folded: str, unit: tuple[int, int]) -> str:
    words = _KEY_WORD.findall(folded[unit[0] : unit[1]].lower())
    return words[-1] if words else ""


CLOSE_TO_CUE = 40  # characters between a name and a stage cue or fee of its own clause


def _near_cue(pos: int, cues: list[int], window: int = 160) -> bool:
    i = bisect.bisect_left(cues, pos - window)
    return i < len(cues) and cues[i] <= pos + window


def _score(cand: PlayerCandidate, doc: Document, cues: list[int], lexicon: NameLexicon) -> None:
    low, title_end = doc.low, doc.title_end
    score = 0.0
    for n_seen, (start, end) in enumerate(cand.mentions):
        w = 1.0
        if n_seen >= 12:  # later mentions only add frequency; keeps long texts fast
            score += w + (3.0 if start < title_end else 0.0)
            continue
        before = low[max(0, start - 32) : start]
        after = low[end : end + 30]
        if start < title_end:
            w += 3.0
        elif start < title_end + 400:
            w += 0.5
        if _near_cue(start, cues):
            w += 1.0
            if _near_cue(start, cues, CLOSE_TO_CUE) and start < doc.lead_end:
                w += 1.0  # the lead's transfer verb right next to the name: the story's player
        if ends_with_any(before, lexicon.role_endings) or doc.book.after_match("person.role_after", after):
            cand.role_hits += 1
        if ends_with_any(before, lexicon.hint_endings) or _AGE_AFTER.match(after):
            cand.hint_hits += 1
            w += 1.0
        score += w
    n = len(cand.mentions)
    if cand.role_hits and cand.role_hits * 2 >= n - cand.hint_hits:
        score *= 0.15
    if len(cand.display.split()) > 3:
        score *= 0.5
    cand.score = score
