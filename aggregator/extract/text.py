"""Text helpers for extraction: length-preserving diacritic folding, tokens, sentences, language guess."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from unidecode import unidecode

__all__ = ["Token", "fold", "guess_language", "sentence_bounds", "tokens"]


class _FoldTable(dict[int, str]):
    """str.translate table mapping every character to exactly one character (ASCII where possible)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if code < 128 or ch in "€£$":
            out = ch
        elif ch in "’‘`´ʼ":
            out = "'"
        elif ch in "“”„«»":
            out = '"'
        elif ch in "–—‑‒−":
            out = "-"
        elif unicodedata.category(ch).startswith("Z") or ch in "\u200b\ufeff":
            out = " "
        elif unicodedata.name(ch, "").startswith(("LATIN", "GREEK", "CYRILLIC")):
            asc = unidecode(ch)
            out = asc[0] if asc[:1].isalnum() else " "
        elif ch.isdigit():
            out = str(unicodedata.digit(ch, 0))
        else:
            out = " "
        self[code] = out
        return out


_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Diacritics folded to ASCII, one output character per input character (so offsets are shared)."""
    return text.translate(_TABLE)


Token = tuple[int, int, str]  # start, end, folded lower-case token text
_TOKEN_RE = re.compile(r"[a-z0-9]+")


def tokens(folded: str, low: str | None = None) -> list[Token]:
    """Word tokens of a folded text (letters/digits), lower-cased, with offsets (`low` = folded.lower() if known)."""
    return [(m.start(), m.end(), m[0]) for m in _TOKEN_RE.finditer(low if low is not None else folded.lower())]


_SENT_RE = re.compile(r"[.!?…](\s+)(?=[\"'A-Z0-9À-Þ])|\n+")


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Sentence (or line) spans; a heuristic good enough to keep cues and names together."""
    bounds = []
    start = 0
    for m in _SENT_RE.finditer(text):
        cut = m.start(1) if m.start(1) >= 0 else m.start()
        if cut > start:
            bounds.append((start, cut))
        start = m.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


def words_of(text: str) -> frozenset[str]:
    """A word list written as one whitespace-separated string."""
    return frozenset(text.split())


_STOPWORDS: dict[str, frozenset[str]] = {
    "en": words_of("the and of to is has have with for from will his he that are was on at been after"),
    "de": words_of("der die das und ist nicht von zu mit den dem ein eine sich auf auch wird für nach"),
    "fr": words_of("le la les et est des du une pour avec dans que qui pas au aux sur son il a été"),
    "it": words_of("il lo la gli le di che per con una non alla del della sono è da dei nel al"),
    "es": words_of("el los las y de que por con una para del al se su es en como más pero"),
}


@lru_cache(maxsize=256)
def _lang_of_sample(sample: str) -> str:
    counts = {lang: 0 for lang in _STOPWORDS}
    for word in sample.split():
        for lang, words in _STOPWORDS.items():
            if word in words:
                counts[lang] += 1
    return max(counts, key=lambda k: counts[k])


def guess_language(lowered: str) -> str:
    """Best of en/de/fr/it/es by stop-word counts over the first few thousand characters."""
    return _lang_of_sample(" ".join(_WORDS_RE.findall(lowered[:2000])))


_WORDS_RE = re.compile(r"[a-z]+")
