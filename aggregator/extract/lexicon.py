"""What tells a person's name from other capitalised words, per language: stop words, words that are never names,
role and position words, and whether a word is a common word of the language (wordfreq) rather than a given name
(gender-guesser's dictionary of first names)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import gender_guesser
from unidecode import unidecode
from wordfreq import zipf_frequency

from .phrasebook import LANGUAGES, phrasebook
from .registry import not_names
from .text import words_of

__all__ = ["PARTICLES", "SURNAME_PARTICLES", "NameLexicon", "ends_with_any", "name_lexicon"]

# Words that are never names in any of the languages: competitions, page furniture, months, countries, cities.
_SHARED_STOP = words_of(
    """
    report reports reportedly according breaking exclusive official update live transfer transfers news rumours
    rumour gossip deal deals window summer winter january february march april may june july august september
    october november december monday tuesday wednesday thursday friday saturday sunday premier league
    championship bundesliga serie liga ligue laliga eredivisie primeira cup pokal coppa copa coupe champions
    europa conference world euro euros fifa uefa super club fc ac as sc cf afc football soccer sport sports calcio
    mercato fussball futbol video videos photo photos foto image images getty imago reuters ap afp dpa sid read
    more see share comments comment home menu login subscribe advertisement anzeige werbung pubblicita publicidad
    publicite click follow tags related latest top best watch listen podcast newsletter mr sir dr original title
    source credit joins signs completes agrees seals set close nears eyes wants targets move bid offer talks
    medical confirmed confirms rejects rejected lodges makes reach reached agreement fee reveals admits says
    explains here done stadium arena curva
    england english germany german spain spanish italy italian france french portugal portuguese netherlands
    dutch brazil brazilian argentina argentine japan japanese serbia serbian belgium belgian croatia scotland
    wales ireland europe european african american usa saudi arabia qatar london manchester madrid paris munich
    munchen milan milano turin torino rome roma florence firenze naples barcelona berlin liverpool lisbon
    januar februar marz juni juli oktober dezember montag dienstag mittwoch donnerstag freitag samstag sonntag
    janvier fevrier mars avril juin juillet aout septembre octobre novembre decembre lundi mardi mercredi jeudi
    vendredi samedi dimanche gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre
    dicembre lunedi martedi mercoledi giovedi venerdi sabato domenica enero febrero abril mayo junio julio
    septiembre octubre noviembre diciembre lunes martes miercoles jueves viernes domingo
    euro millionen million milliarden millions milioni millones
    """
)

# Lower-case name particles ("Virgil van Dijk"); those that may also open a surname in capitals ("De Bruyne").
PARTICLES = words_of("de da di del della van von der den dos das du le la el al bin ben ter ten mc")
SURNAME_PARTICLES = words_of("de da di del della van von dos das du le la el al ter ten mc")
# Determiners after which a capitalised word is a noun, not a name ("der Japaner", "les Parisiens"), per
# language: Italian "a" and Spanish "a" are prepositions ("interessato a Federico Chiesa").
_ARTICLES = {
    "en": words_of("the a an"),
    "de": words_of(
        "der die das den dem des ein eine einen einem einer kein keine seine seinen seinem ihren ihrem sein unser "
        "unseren"
    ),
    "fr": words_of("le la les un une du des"),
    "it": words_of("il lo la i gli le un una uno"),
    "es": words_of("el la los las un una"),
}


def _endings(words: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class NameLexicon:
    language: str
    stop: frozenset[str]  # never part of a name
    role_endings: tuple[str, ...]  # text before a name ending with one: a coach, agent, relative, journalist
    hint_endings: tuple[str, ...]  # text before a name ending with one: a player ("striker")
    articles: frozenset[str]  # determiners after which a capitalised word is a noun
    compound_heads: tuple[str, ...] = ()  # a capitalised word ending in one is a noun (German compounds)

    def common_word(self, token: str) -> bool:
        """A word of this language rather than a name: frequent here, and far more frequent than in the others
        ("Stürmer", "Neue", "Zwei" in German; "Huge", "Offer" in English; not "Thomas", "Müller", "Rice")."""
        return _common_word(token, self.language)

    def very_common_word(self, token: str) -> bool:
        """As ``common_word``, by a wider margin: enough to doubt a name seen alone."""
        return _common_word(token, self.language, 4.5, 2.0)


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Given names of many countries, folded to lower-case ASCII (gender-guesser's name dictionary)."""
    path = Path(gender_guesser.__file__).resolve().parent / "data" / "nam_dict.txt"
    names: set[str] = set()
    with path.open(encoding="utf-8", errors="replace") as lines:
        for line in lines:
            if line.startswith("#") or len(line) < 30:
                continue
            name = unidecode(line[3:29].strip()).lower()
            if name:
                names.update({name.replace("+", "-"), name.replace("+", "")})
    return frozenset(names)


@lru_cache(maxsize=65536)
def _common_word(token: str, language: str, floor: float = 3.5, margin: float = 1.5) -> bool:
    if token in first_names():
        return False  # "Paolo", "Yoann", "Ettore" are frequent in their language, and names
    here = zipf_frequency(token, language)
    if here < floor:
        return False
    elsewhere = max(zipf_frequency(token, other) for other in LANGUAGES if other != language)
    return here - elsewhere >= margin


@cache
def name_lexicon(language: str) -> NameLexicon:
    book = phrasebook(language)
    english = phrasebook("en")
    stop = (
        _SHARED_STOP
        | book.words["grammar.stopwords"]
        | book.words["person.not_names"]
        | english.words["person.not_names"]
        | not_names()
    )
    roles = book.words["person.role_before"] | english.words["person.role_before"]
    hints = (
        book.words["person.positions"]
        | book.words["person.targets"]
        | english.words["person.positions"]
        | english.words["person.targets"]
    )
    # position words are never part of a name; German writes them and role words capitalised, and in compounds
    # ("Abwehrchef", "Sturmtalent"), so there a word ending in one is no name either
    stop |= hints  # not the role words: "Son Heung-min" is no son of anyone
    heads = tuple(sorted((w for w in hints | roles if len(w) >= 4 and w.isalpha()), key=len, reverse=True))
    compounds = heads if book.language == "de" else ()
    return NameLexicon(
        book.language, frozenset(stop), _endings(roles), _endings(hints), _ARTICLES[book.language], compounds
    )


def ends_with_any(before: str, endings: tuple[str, ...]) -> bool:
    """True when ``before``, less up to three trailing non-word characters, ends with one of ``endings``."""
    n = len(before)
    for j in range(4):
        if before[: n - j].endswith(endings):
            return True
        if j >= n or before[n - j - 1].isalnum() or before[n - j - 1] == "_":
            return False
    return False
