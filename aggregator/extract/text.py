"""Text helpers for extraction: length-preserving diacritic folding, tokens, sentences, language guess."""

from __future__ import annotations

import re
import unicodedata

from unidecode import unidecode

__all__ = ["Token", "fold", "sentence_bounds", "tokens", "words_of"]


class _FoldTable(dict[int, str]):
    """str.translate table mapping every character to exactly one character (ASCII where possible)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if code < 128 or ch in "€£$":
            out = ch
        elif ch in "’‘‚‛`´ʼ":
            out = "'"
        elif ch in "“”„‟«»":
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


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _fold_char(m: re.Match[str]) -> str:
    return _TABLE[ord(m.group())]


def fold(text: str) -> str:
    """Diacritics folded to ASCII, one output character per input character (so offsets are shared)."""
    return text if text.isascii() else _NON_ASCII.sub(_fold_char, text)


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
