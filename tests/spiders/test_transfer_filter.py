"""The transfer filter's fast regexes find exactly what the plain alternations of its word lists find."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html

from spiders import transfer_filter
from spiders.transfer_filter import STRONG, WEAK, compile_alternatives

ROOT = Path(__file__).resolve().parents[2]
PAGES = [
    *sorted(ROOT.glob("spiders/recorded/pages/*/*.html.gz")),
    *sorted(ROOT.glob("tests/fixtures/outlets/*/*.html.gz")),
]
LISTS = {"strong": STRONG, "weak": WEAK}
# Pieces of the words the lists look for, and characters whose case rules are unusual (dotted and dotless i,
# long s, Kelvin sign, sharp s), so that random texts hit alternatives, word boundaries and case folding.
PIECES = [
    "transfer",
    "Transfers",
    "TRANSFER-NEWS",
    "gossip",
    "deal",
    "wechsel",
    "Wechselbörse",
    "ablöse",
    "fichaje",
    "ficharÁ",
    "cláusula de rescisión",
    "mercato",
    "calciomercato",
    "contrat",
    "prêt",
    "sign",
    "SIGNED",
    "loan move",
    "here we go",
    "agrees a fee",
    "İ",
    "ı",
    "ſ",
    "K",
    "ß",
    "_",
    "-",
    " ",
    "é",
    "9",
]


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in pattern.finditer(text)]


def _plain(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(patterns), re.IGNORECASE)


@pytest.mark.parametrize("name", LISTS)
def test_fast_regex_matches_the_plain_alternation_on_every_recorded_page(name: str) -> None:
    fast, plain = compile_alternatives(LISTS[name]), _plain(LISTS[name])
    assert len(PAGES) >= 30
    for page in PAGES:  # the text of each page's <body>, cut to what the plain regexes search in a few seconds
        text = html.fromstring(gzip.decompress(page.read_bytes())).xpath("string(//body)")[:20_000]
        for sample in (text, text.upper()):
            assert _matches(fast, sample) == _matches(plain, sample), page


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_fast_regexes_match_the_plain_alternations_on_any_text(text: str) -> None:
    for patterns in LISTS.values():
        assert _matches(compile_alternatives(patterns), text) == _matches(_plain(patterns), text)


def test_the_filter_uses_the_fast_regexes() -> None:
    assert transfer_filter._STRONG.pattern == compile_alternatives(STRONG).pattern
    assert transfer_filter._WEAK.pattern == compile_alternatives(WEAK).pattern


@pytest.mark.parametrize("name", LISTS)
def test_every_listed_pattern_is_one_alternative(name: str) -> None:
    # compile_alternatives would hoist a \b over a top-level "|" of one pattern, changing what it means
    from re import _parser  # type: ignore[attr-defined]

    for pattern in [*LISTS[name], r"\bhere|there"]:
        parsed = _parser.parse(pattern).data
        assert (len(parsed) == 1 and parsed[0][0] is _parser.BRANCH) is (pattern == r"\bhere|there"), pattern


@pytest.mark.parametrize("pattern", [r"\bb?x", r"\b\w+", "a*b", "[ab]c", "(?:a)b"])
def test_an_alternative_that_may_open_otherwise_is_refused(pattern: str) -> None:
    with pytest.raises(ValueError, match="must start with a letter"):
        compile_alternatives(["transfer", pattern])
