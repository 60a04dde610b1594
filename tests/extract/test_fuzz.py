"""Property tests: any Unicode text, up to 1 MB, extracts without raising."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aggregator.extract import STAGES, extract_claims

_WORDS = st.sampled_from(
    [
        "Arsenal", "joins", "€5m", "from", "Real", "Madrid", "Medizincheck", "visite médicale", "here we go",
        "Kylian", "Mbappé", "laut", "Bild", "50 millions d'euros", "(25)", "\n", "£", "City", "Ko", "Itakura",
        "according to", "Fabrizio Romano", "ablösefrei", "100 milioni", "Juve", "y", "à", "İ", "ß", "🚨",
    ]
)  # fmt: skip


def _check(text: str, title: str = "") -> None:
    for claim in extract_claims(text, title=title):
        assert claim.stage in STAGES
        assert claim.fee_eur is None or claim.fee_eur >= 0


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000), st.text(max_size=200))
def test_any_unicode_text(text: str, title: str) -> None:
    _check(text, title)


@settings(max_examples=60, deadline=None)
@given(st.lists(_WORDS, max_size=300).map(" ".join))
def test_football_word_soup(text: str) -> None:
    _check(text)


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.text(min_size=1, max_size=20), st.integers(min_value=1, max_value=1_000_000))
def test_up_to_one_megabyte(chunk: str, size: int) -> None:
    text = (chunk * (size // len(chunk) + 1))[:size]
    _check(text)


def test_one_megabyte_of_football_text() -> None:
    text = ("Arsenal joins Real Madrid from City for €5m, laut Bild. Ko Itakura (25) here we go! " * 12_000)[:1_000_000]
    _check(text)
