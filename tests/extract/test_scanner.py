"""The cue scanner finds every phrase class in one pass, exactly as each class's own regex would."""

from __future__ import annotations

import re

from aggregator.extract.scan import CueScanner, literal_prefixes, word_trie


def test_scanner_matches_like_finditer() -> None:
    patterns = {"a": r"offer(ed)?|bid\b|(has|have) joined", "b": r"medical|visite m[eé]dicale|\d+ ans"}
    scanner = CueScanner(patterns)
    text = "they offered a bid, he has joined after a medical; visite medicale a 23 ans, bidding"
    found = scanner.scan(text)
    for name, pattern in scanner.full.items():
        assert [m.span() for m in found[name]] == [m.span() for m in pattern.finditer(text)]


def test_literal_prefixes_and_word_trie() -> None:
    assert literal_prefixes(r"(has|have) joined") == {"has ", "have"}
    assert literal_prefixes(r".*x") is None
    words = ["un", "uno", "una", "dos", "diez"]
    pattern = re.compile(word_trie(words))
    assert all(pattern.fullmatch(w) for w in words)
    assert not pattern.fullmatch("u")
