"""Every language's phrasebook defines every cue class, and its phrases compile."""

from __future__ import annotations

import tomllib

import pytest

from aggregator.extract.phrasebook import (
    LANG_DIR,
    LANGUAGES,
    SCHEMA,
    PhrasebookError,
    build,
    compile_phrase,
    phrasebook,
)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_defines_every_class(language: str) -> None:
    data = tomllib.loads((LANG_DIR / f"{language}.toml").read_text(encoding="utf-8"))
    defined = {f"{group}.{name}" for group, table in data.items() if isinstance(table, dict) for name in table}
    assert defined == set(SCHEMA), sorted(set(SCHEMA) ^ defined)
    assert phrasebook(language).language == language


def test_every_language_file_is_registered() -> None:
    assert sorted(p.stem for p in LANG_DIR.glob("*.toml")) == sorted(LANGUAGES)


def test_a_missing_class_is_refused() -> None:
    classes = {cls: ["x"] for cls in SCHEMA}
    build("xx", classes)
    del classes["stage.done"]
    with pytest.raises(PhrasebookError, match=r"missing classes stage\.done"):
        build("xx", classes)


@pytest.mark.parametrize(
    ("phrase", "text", "matches"),
    [
        ("signs|signed for", "he signed for arsenal", True),
        ("negotiat*", "negotiations resume", True),
        ("has officially? signed", "has signed", True),
        ("has officially? signed", "has officially signed", True),
        ("zieht sich ~4 zurück", "zieht sich aus dem poker zuruck", True),
        ("(will not|won't) sell", "they won't sell", True),
        ("(will not|won't) sell", "they will sell", False),
        ("visite médicale", "passe sa visite medicale", True),  # phrases are written with accents, matched folded
        ("bid ~3 accepted", "the bid was finally accepted", True),
        ("bid ~3 accepted", "the bid was not accepted", False),  # a gap never skips a negation
        ("bid ~3 accepted", "the bid hasn't been accepted", False),
        ("offre ~4 acceptee", "l'offre n'a pas ete acceptee", False),
        ("angebot ~3 angenommen", "das angebot wurde nicht angenommen", False),
    ],
)
def test_phrase_syntax(phrase: str, text: str, matches: bool) -> None:
    import re

    assert bool(re.search(compile_phrase(phrase), text)) is matches


@pytest.mark.parametrize("phrase", ["", "a  b", "~ x", "(a|b", "x|", "a? b?"])
def test_unreadable_phrases_are_refused(phrase: str) -> None:
    with pytest.raises(PhrasebookError):
        compile_phrase(phrase)
