"""Publication dates an article without one still shows: in its URL's path, or printed by a cue such as "Stand:"."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from functools import lru_cache
from typing import Any, Literal
from urllib.parse import urlsplit

from .dates import ImplausibleDate, check_plausible_day, plausible_days

# Words that put a story's own publication (or update) date right after them, per language; matched
# case-insensitively as whole words. Each cue belongs to one language: its date is read in that language.
CUES: dict[str, tuple[str, ...]] = {
    "de": ("Stand:", "Aktualisiert", "Veröffentlicht"),
    "en": ("Updated", "Published"),
    "es": ("Actualizado", "Publicado"),
    "fr": ("Publié", "Mis à jour"),
    "it": ("Aggiornato", "Pubblicato"),
}
# Words between a cue and its date ("Veröffentlicht am", "Publié le", "Pubblicato il", "Updated on").
LINKS = ("am", "vom", "on", "at", "le", "el", "il", "the")

# Month segments of dated paths ("/2024/jun/12/"): the abbreviations English-language outlets use.
MONTH_SEGMENTS = {
    month: number
    for number, month in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1
    )
}

HEAD_CHARS = 600  # a dateline sits at the top of the text ...
TAIL_CHARS = 300  # ... or in a byline at its end
WINDOW_CHARS = 40  # read after a cue
MAX_CUES = 4  # cues read per text: "Published ... | Updated ..." is two

_CUE_LANGUAGE = {cue.casefold(): language for language, cues in CUES.items() for cue in cues}
_CUE = re.compile(
    r"(?<!\w)(?P<cue>"
    + "|".join(re.escape(c) for c in sorted(_CUE_LANGUAGE, key=len, reverse=True))
    + r")(?!\w)[\s:,.|–—-]*(?:(?:"
    + "|".join(LINKS)
    + r")\s+)?",
    re.IGNORECASE,
)
# Where a printed dateline ends: a new line or the separators bylines use.
_WINDOW_END = re.compile(r"[\n|·•]")
# Absolute dates only: "yesterday" or "3 days ago" would be read against the clock, and a bare number as a timestamp.
_PARSERS = ["custom-formats", "absolute-time"]
_DAY_SETTINGS: dict[str, Any] = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_DATES_FROM": "past",
    "PARSERS": _PARSERS,
    "DATE_ORDER": "DMY",  # the press of all five languages writes 12/06/2024 for 12 June
}
_MONTH_SETTINGS: dict[str, Any] = {
    "REQUIRE_PARTS": ["month", "year"],
    "PREFER_DATES_FROM": "past",
    "PREFER_DAY_OF_MONTH": "first",
    "PARSERS": _PARSERS,
}

Source = Literal["url", "text"]
Precision = Literal["day", "month"]
# A cue's window is read as a whole date first, else as a month and a year.
_READINGS: tuple[tuple[dict[str, Any], Precision], ...] = ((_DAY_SETTINGS, "day"), (_MONTH_SETTINGS, "month"))


@dataclass(frozen=True, slots=True)
class InferredDate:
    published_at: str  # UTC ISO-8601 at 00:00 of the day (or of the month's first day)
    source: Source
    precision: Precision


def infer_date(url: str, text: str, language: str | None, today: date) -> InferredDate | None:
    """The publication date an article shows without giving one, or None.

    The URL's path names a day (``/2024/06/12/``) or a month (``/2024/06/slug``); the text prints a date after a
    publication cue near its start or in a trailing byline. A URL day wins; a text day beats a URL month of the same
    month (a different month in the text is an update, or not the article's date); a month from the URL beats one
    from the text. Dates before 1990 or more than a day after ``today`` are no publication date."""
    from_url = url_date(url, today)
    if from_url is not None and from_url.precision == "day":
        return from_url
    from_text = text_date(text, language, today)
    if from_url is None:
        return from_text
    same_month = from_text is not None and from_text.published_at[:7] == from_url.published_at[:7]
    if from_text is not None and from_text.precision == "day" and same_month:
        return from_text
    return from_url


def url_date(url: str, today: date) -> InferredDate | None:
    """A day in the URL's path (htmldate's reading, or a year, an English month abbreviation and a day as whole
    segments, as The Guardian and The Observer write them: ``/2024/jun/12/``), else a year and a month as two
    whole segments of it."""
    from htmldate.extractors import extract_url_date  # loads lxml: only analysis needs it, not every command

    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    day = extract_url_date(path, _url_bounds(today))
    if day is not None:
        return _inferred(date.fromisoformat(day), "url", "day", today)
    segments = [*path.split("/"), ""]
    for i, year in enumerate(segments[:-2]):
        month, day_of = segments[i + 1], segments[i + 2]
        if len(year) != 4 or not year.isdigit():
            continue
        if month in MONTH_SEGMENTS and day_of.isdigit() and 1 <= len(day_of) <= 2:  # /2024/jun/12/
            try:
                return _inferred(date(int(year), MONTH_SEGMENTS[month], int(day_of)), "url", "day", today)
            except ValueError:  # no such day
                continue
        if 1 <= len(month) <= 2 and month.isdigit() and 1 <= int(month) <= 12:
            return _inferred(date(int(year), int(month), 1), "url", "month", today)
    return None


@lru_cache(maxsize=4)
def _url_bounds(today: date) -> Any:
    """htmldate's options: ISO days within ``plausible_days``."""
    from htmldate.utils import Extractor

    first, last = plausible_days(today)
    return Extractor(
        extensive=False,
        max=datetime.combine(last, time.max),
        min=datetime.combine(first, time.min),
        original=False,
        format="%Y-%m-%d",
    )


def text_date(text: str, language: str | None, today: date) -> InferredDate | None:
    """The earliest date printed after a publication cue in the text's first or last characters, or None.

    Only cue-anchored dates count: a text's other dates are contract ends, match days and past transfers."""
    head = text[:HEAD_CHARS]
    parts = [head] if len(text) <= HEAD_CHARS else [head, text[max(HEAD_CHARS, len(text) - TAIL_CHARS) :]]
    best: InferredDate | None = None
    cues = 0
    for part in parts:
        part = unicodedata.normalize("NFC", part)
        folded = part.casefold()
        if not any(cue in folded for cue in _CUE_LANGUAGE):  # the cheap test almost every text stops at
            continue
        for match in _CUE.finditer(part):
            cues += 1
            if cues > MAX_CUES:
                return best
            window = _WINDOW_END.split(part[match.end() : match.end() + WINDOW_CHARS], maxsplit=1)[0]
            cue_language = _CUE_LANGUAGE[match["cue"].casefold()]
            languages = [cue_language] + ([language] if language and language != cue_language else [])
            found = _window_date(window, languages, today)
            if found is not None and (best is None or _better(found, best)):
                best = found
    return best


def _better(found: InferredDate, best: InferredDate) -> bool:
    """A day beats a month; between two of one precision the earlier is the publication, the later an update."""
    if found.precision != best.precision:
        return found.precision == "day"
    return found.published_at < best.published_at


def _window_date(window: str, languages: list[str], today: date) -> InferredDate | None:
    """The date a cue's window starts with: the longest run of its words that reads as a date (the window runs on
    into the text)."""
    words = window.split()
    # A date's words end with a number or one word after it ("14:30 Uhr", "10:31 BST"): only such runs are read.
    ends = sorted({i + extra for i, w in enumerate(words) if any(ch.isdigit() for ch in w) for extra in (1, 2)})
    candidates = [" ".join(words[:end]).rstrip(",.;") for end in reversed(ends) if end <= len(words)]
    for settings, precision in _READINGS:
        for candidate in candidates:
            parsed = _parse(candidate, languages, settings)
            if parsed is not None:
                day = parsed.date() if precision == "day" else parsed.date().replace(day=1)
                return _inferred(day, "text", precision, today)
    return None


def _parse(candidate: str, languages: list[str], settings: dict[str, Any]) -> datetime | None:
    import dateparser  # slow to load: only a text with a cue needs it

    try:
        return dateparser.parse(candidate, languages=languages, settings=settings)
    except (ValueError, TypeError, OverflowError):
        return None


def _inferred(day: date, source: Source, precision: Precision, today: date) -> InferredDate | None:
    try:
        check_plausible_day(day, today)
    except ImplausibleDate:
        return None
    return InferredDate(datetime.combine(day, time(0), UTC).isoformat(), source, precision)


SOURCE_LABELS: dict[str, str] = {"url": "from URL", "text": "from text"}


def describe(published_at: str | None, source: str | None, precision: str | None) -> str | None:
    """How an inferred date, or a given one known only to the month, reads beside its report: ``2024-06 (month,
    from URL)``, ``2024-06-12 (from text)``, ``2024-06 (month)``; None for a given day or none, which each output
    prints its own way."""
    if published_at and source == "given" and precision == "month":
        return f"{published_at[:7]} (month)"
    if not published_at or source not in SOURCE_LABELS:
        return None
    if precision == "month":
        return f"{published_at[:7]} (month, {SOURCE_LABELS[source]})"
    return f"{published_at[:10]} ({SOURCE_LABELS[source]})"
