"""The document stage: a report's headline and text, folded once, with its tokens, sentences, lead and language."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from ..concepts import MAX_TEXT_CHARS, MAX_TITLE_CHARS
from .furniture import furniture_spans
from .phrasebook import LANGUAGES, Phrasebook, phrasebook
from .text import Token, fold, sentence_bounds, tokens

__all__ = ["Document", "guess_language", "prepare"]

_CLAUSE_SPLIT = re.compile(r"[.!?;\n]|, (?=\w)")
_CLAUSE_END = re.compile(r"[,;.!?\n]")
# the look-behind after the first two digits lets the engine skip to a "1" or "2" (far faster than leading with it)
_YEAR = re.compile(r"(?:19|20)(?<![0-9](?:19|20))\d\d(?![0-9])")
# A year that ends a contract or a loan is no date of a past move: "until 2027", "bis 2027", "fino al 2027".
_EXPIRY_BEFORE = re.compile(
    r"(?:until|till|to|through|expires? in|bis|bis zum|bis ende|jusqu'en|jusqu'a|fino al|fino a|hasta|"
    r"(?:expira|vence|finaliza|termina|expire|prend fin|scade|in scadenza) (?:en|a|al|nel)|"
    r"summer of|sommer|ete|estate|verano|contract|vertrag|contrat|contratto|contrato|season|saison|stagione|"
    r"temporada)\W{0,3}$"
)


@dataclass(slots=True)
class Document:
    """One report ready for the mention finders; offsets are shared by ``text``, ``folded`` and ``low``."""

    text: str  # headline + ".\n" + body (or the body alone), NFC
    folded: str  # diacritics folded, one character per character of ``text``
    low: str  # ``folded`` in lower case
    toks: list[Token]
    words: list[str]
    language: str
    book: Phrasebook
    title_end: int  # where the headline ends (0: none)
    lead_end: int  # where the lead ends: the headline, else the first sentence
    sentences: list[tuple[int, int]]
    starts: list[int]
    _years: list[tuple[int, str]] | None = None  # past-looking years and where, computed on first use
    _clause_ends: list[int] = field(default_factory=list)
    _year_starts: list[int] = field(default_factory=list)
    _dated: dict[tuple[int, int], str | None] = field(default_factory=dict)  # dated_clause by clause span
    _found: dict[str, list[re.Match[str]]] | None = None  # the phrasebook's one-pass scan, on first use

    def found(self, cls: str) -> list[re.Match[str]]:
        """Every match of a scanned class (``Phrasebook.free``) in the text, in order, as its ``finditer`` gives."""
        if self._found is None:
            self._found = self.book.free.scan(self.low, self.toks, self.words)
        return self._found[cls]

    def first(self, cls: str) -> re.Match[str] | None:
        """The first match of a scanned class in the text, as its ``search`` gives."""
        found = self.found(cls)
        return found[0] if found else None

    def sentence_of(self, pos: int) -> int:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i if i > 0 else 0

    def clause_before(self, pos: int, width: int = 45) -> str:
        """The folded lower-case text of the clause that ends at ``pos`` (at most ``width`` characters)."""
        return _CLAUSE_SPLIT.split(self.low[max(0, pos - width) : pos])[-1]

    def after(self, pos: int, width: int = 60) -> str:
        return self.low[pos : pos + width]

    def dated_clause(self, start: int, end: int) -> str | None:
        """The year of a past event in the clause around ``start:end`` ("joined Bayern from Lyon in 2021"),
        unless the clause speaks of the future or of a wish, or the year ends a contract ("until 2027")."""
        if self._years is None:
            self._years = self._past_years()
        if not self._years:
            return None
        ends = self._clause_ends
        i = bisect.bisect_right(ends, start)
        begin = ends[i - 1] if i > 0 else 0
        j = bisect.bisect_left(ends, end)
        finish = ends[j] if j < len(ends) else len(self.low)
        key = (begin, finish)
        if key in self._dated:
            return self._dated[key]
        k = bisect.bisect_left(self._year_starts, begin)  # the first past-looking year in the clause
        year: str | None = None
        if k < len(self._years) and self._years[k][0] < finish:
            clause = self.low[begin:finish]
            book = self.book
            if not (book.search["modifier.future"].search(clause) or book.search["modifier.hedge"].search(clause)):
                year = self._years[k][1]
        self._dated[key] = year
        return year

    def _past_years(self) -> list[tuple[int, str]]:
        low = self.low
        years = []
        for year in _YEAR.finditer(low):
            if not _EXPIRY_BEFORE.search(low[max(0, year.start() - 25) : year.start()]):
                years.append((year.start(), year.group()))
        self._clause_ends = [m.start() for m in _CLAUSE_END.finditer(low)] if years else []
        self._year_starts = [pos for pos, _ in years]
        return years

    def token_index(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        return bisect.bisect_left(self.toks, (pos, -1, ""))


def guess_language(low: str) -> str:
    """Best of the phrasebook languages by stop-word counts over the first few thousand characters."""
    seen = Counter(re.findall(r"[a-z]+", low[:2000]))
    stops = {lang: phrasebook(lang).words["grammar.stopwords"] for lang in LANGUAGES}
    counts = {lang: sum(seen[w] for w in stops[lang] & seen.keys()) for lang in LANGUAGES}
    return max(LANGUAGES, key=lambda lang: (counts[lang], -LANGUAGES.index(lang)))


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span turned to spaces, so offsets stay put."""
    parts, at = [], 0
    for start, end in spans:
        parts += [text[at:start], " " * (end - start)]
        at = end
    parts.append(text[at:])
    return "".join(parts)


def prepare(text: str, title: str = "", language: str | None = None) -> Document:
    """The document of a report: NFC, capped, the headline first; the language given (else guessed); page
    furniture (menus, badges, related links) blanked out."""
    body = unicodedata.normalize("NFC", (text or "")[:MAX_TEXT_CHARS])
    head = unicodedata.normalize("NFC", (title or "")[:MAX_TITLE_CHARS]).replace("\n", " ")
    full = f"{head}.\n{body}" if head.strip() else body
    folded = fold(full)
    low = folded.lower()
    lang = (language or "").lower()[:2]
    if lang not in LANGUAGES:
        lang = guess_language(low)
    book = phrasebook(lang)
    skipped = furniture_spans(full, low, book.words["page.related"], book.words["page.badges"])
    if skipped:
        full, folded, low = (_blank(s, skipped) for s in (full, folded, low))
    if head.strip():
        title_end = len(head) + 1
    else:
        first = re.search(r"\S[^\n]*", full)
        title_end = first.end() if first and first.end() - first.start() <= 200 else 0
    sentences = sentence_bounds(folded) or [(0, len(folded))]
    toks = tokens(folded, low)
    lead_end = title_end or sentences[min(1, len(sentences) - 1)][1]
    return Document(
        text=full,
        folded=folded,
        low=low,
        toks=toks,
        words=[t[2] for t in toks],
        language=lang,
        book=book,
        title_end=title_end,
        lead_end=lead_end,
        sentences=sentences,
        starts=[s for s, _ in sentences],
    )
