"""The phrase scanner finds every class in one pass over the words, exactly as each class's own regex would."""

from __future__ import annotations

import re

from aggregator.extract.phrasebook import LANGUAGES, phrasebook
from aggregator.extract.scan import WordScanner, word_trie
from aggregator.extract.text import tokens


def test_the_scanner_finds_what_finditer_finds() -> None:
    patterns = {"a": r"offer(?:ed)?|bid\b|(?:has|have) joined", "b": r"medical|visite medicale|negotiat[a-z0-9]*"}
    openers = {
        "a": (frozenset({"offer", "offered", "bid", "has", "have"}), frozenset()),
        "b": (frozenset({"medical", "visite"}), frozenset({"negotiat"})),
    }
    scanner = WordScanner(patterns, openers)
    text = "they offered a bid, he has joined after a medical; visite medicale, negotiations and bidding"
    found = scanner.scan(text, tokens(text))
    for name, pattern in scanner.full.items():
        assert [m.span() for m in found[name]] == [m.span() for m in pattern.finditer(text)]


def test_every_language_scans_like_its_regexes() -> None:
    text = (
        "arsenal have agreed a fee and he has signed; der wechsel ist perfekt, einigung erzielt; c'est officiel, "
        "accord trouvé; è ufficiale, accordo raggiunto; es oficial, acuerdo cerrado; talks collapsed, geplatzt"
    )
    for language in LANGUAGES:
        scanner = phrasebook(language).free
        found = scanner.scan(text, tokens(text))
        for name, pattern in scanner.full.items():
            assert [m.span() for m in found[name]] == [m.span() for m in pattern.finditer(text)], (language, name)


def test_word_trie() -> None:
    words = ["un", "uno", "una", "dos", "diez"]
    pattern = re.compile(word_trie(words))
    assert all(pattern.fullmatch(w) for w in words)
    assert not pattern.fullmatch("u")
