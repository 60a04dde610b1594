"""Pure page-parsing helpers: JSON-LD, OpenGraph, <time>, body paragraphs, UTC dates and mojibake checks."""

from __future__ import annotations

import html
import json
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from zoneinfo import ZoneInfo

from parsel import Selector

logger = logging.getLogger(__name__)

MAX_JSONLD_CHARS = 2_000_000
JSONLD_XPATH = '//script[@type="application/ld+json"]/text()'
MAX_JSONLD_DEPTH = 64  # real JSON-LD nests under ten levels; deeper is hostile (and would exhaust the stack)
ARTICLE_TYPES = {
    "NewsArticle",
    "Article",
    "LiveBlogPosting",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "BlogPosting",
    "OpinionNewsArticle",
    "ReviewNewsArticle",
    "BackgroundNewsArticle",
    "SportsArticle",
}
_WS = re.compile(r"\s+")
_INVISIBLE = {"script", "style"}
# UTF-8 bytes decoded as Latin-1/cp1252 leave these pairs behind ("Ã¼" for "ü", "â€™" for "’").
_MOJIBAKE = re.compile("[ÃÂ][\u0080-\u00bf\u2018-\u203a\u0152\u0153\u0160\u0161\u0178\u017d\u017e]|â€")


def clean(text: str | None) -> str:
    """Collapse whitespace; None becomes ''."""
    return _WS.sub(" ", text or "").strip()


def node_text(node: Selector) -> str:
    """Visible text of one element, inline children joined without inventing spaces: its text nodes outside
    <script> and <style>, a space for each <br>."""
    root = node.root
    if not isinstance(getattr(root, "tag", None), str):
        return _node_text_xpath(node)
    return element_text(root)


def element_text(root: Any) -> str:
    """``node_text`` of an lxml element (not a comment or processing instruction), without a Selector."""
    if next(root.iterancestors(*_INVISIBLE), None) is not None:  # tag-filtered in C: no proxy per ancestor
        return ""
    parts: list[str] = []
    # Document order without recursion (hostile pages nest deeply): an element's text, its children, then its tail.
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        element, tail = stack.pop()
        if tail:
            if element.tail:
                parts.append(element.tail)
            continue
        tag = element.tag
        if not isinstance(tag, str) or tag in _INVISIBLE:  # comments and processing instructions carry no text()
            continue
        if tag == "br" and element is not root:
            parts.append(" ")
        if element.text:
            parts.append(element.text)
        for child in reversed(element):
            stack.append((child, True))
            stack.append((child, False))
    return clean("".join(parts))


def _node_text_xpath(node: Selector) -> str:
    parts = node.xpath(".//text()[not(ancestor::script) and not(ancestor::style)] | .//br")
    return clean("".join(p.root if isinstance(p.root, str) else " " for p in parts))


def _walk(obj: Any) -> Iterator[dict[str, Any]]:
    if isinstance(obj, list):
        for entry in obj:
            yield from _walk(entry)
    elif isinstance(obj, dict):
        yield obj
        if "@graph" in obj:
            yield from _walk(obj["@graph"])


@dataclass
class JsonLd:
    """A page's JSON-LD objects, and why any block was skipped (a block too large or nested too deep)."""

    objects: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def nested_deeper_than(value: Any, limit: int) -> bool:
    """True when lists and objects nest more than ``limit`` levels deep (checked without recursion)."""
    stack = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict | list):
            if depth > limit:
                return True
            children = node.values() if isinstance(node, dict) else node
            stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False


def read_jsonld(sel: Selector) -> JsonLd:
    """Every JSON-LD object on the page, @graph arrays flattened (see ``parse_jsonld``)."""
    return parse_jsonld(sel.xpath(JSONLD_XPATH).getall())


def parse_jsonld(blocks: Iterable[str]) -> JsonLd:
    """The JSON-LD objects in a page's ld+json script texts, @graph arrays flattened. Unparsable blocks are skipped
    quietly (common and harmless); blocks too large or nested deeper than MAX_JSONLD_DEPTH are skipped with a
    reason."""
    found = JsonLd()
    for raw in blocks:
        if len(raw) > MAX_JSONLD_CHARS:
            found.skipped.append(f"JSON-LD block skipped: larger than {MAX_JSONLD_CHARS} characters")
            continue
        try:
            data = json.loads(raw.strip().rstrip(";"), strict=False)
        except RecursionError:
            data, too_deep = None, True
        except ValueError:
            logger.debug("skipping unparsable JSON-LD block")
            continue
        else:
            too_deep = nested_deeper_than(data, MAX_JSONLD_DEPTH)
        if too_deep:
            found.skipped.append(f"JSON-LD block skipped: nested deeper than {MAX_JSONLD_DEPTH} levels")
            continue
        found.objects.extend(_walk(data))
    return found


def jsonld_objects(sel: Selector) -> list[dict[str, Any]]:
    """Every JSON-LD object on the page, @graph arrays flattened; broken or hostile blocks are skipped."""
    return read_jsonld(sel).objects


def ld_types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    if isinstance(kind, str):
        return {kind}
    if isinstance(kind, list):
        return {k for k in kind if isinstance(k, str)}
    return set()


def article_jsonld(objects: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """The page's article object (LiveBlogPosting first), or {}."""
    candidates = [o for o in objects if ld_types(o) & ARTICLE_TYPES]
    for obj in candidates:
        if "LiveBlogPosting" in ld_types(obj):
            return obj
    return candidates[0] if candidates else {}


def ld_text(value: Any) -> str | None:
    """A JSON-LD value as text: strings as they are, lists by their first string, dicts by name."""
    if isinstance(value, str):
        return clean(html.unescape(value)) or None
    if isinstance(value, list):
        for entry in value:
            if text := ld_text(entry):
                return text
        return None
    if isinstance(value, dict):
        return ld_text(value.get("name"))
    return None


def ld_authors(value: Any) -> list[str]:
    """Author names from a JSON-LD author value (string, Person, Organization or a list of them)."""
    if isinstance(value, list):
        names: list[str] = []
        for entry in value:
            names.extend(ld_authors(entry))
        return names
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, str) and (name := clean(html.unescape(value))):
        return [name]
    return []


def meta(sel: Selector, *keys: str) -> str | None:
    """First non-empty <meta> content whose property or name is one of keys."""
    for key in keys:
        value = sel.xpath(f'//meta[@property="{key}" or @name="{key}" or @itemprop="{key}"]/@content').get()
        if value and (value := clean(value)):
            return value
    return None


def looks_mojibake(text: str) -> bool:
    """True when text carries the marks of UTF-8 decoded with a single-byte charset (two or more of them)."""
    # Every mark starts with "Ã", "Â" or "â€" (and marks cannot overlap): the regex is tried only where one of
    # these stands, found by one-character searches in C, instead of at every character of the page.
    marks = 0
    for lead in ("Ã", "Â", "€"):
        at = text.find(lead)
        while at != -1:
            start = at - 1 if lead == "€" else at  # "â€" is found from its rarer second character
            if start >= 0 and _MOJIBAKE.match(text, start):
                marks += 1
                if marks >= 2:
                    return True
            at = text.find(lead, at + 1)
    return False


def to_utc(value: str | None, default_tz: str | None = None) -> str | None:
    """A date string (ISO-8601, RFC 2822 or free-form) as UTC ISO-8601; None when missing or unreadable.

    A value without an offset is local time in ``default_tz`` (an IANA name), or UTC when none is given.
    """
    if not value or not (value := value.strip()) or len(value) > 100:
        return None
    from aggregator.dates import plausible_iso, to_utc_iso

    zone = ZoneInfo(default_tz) if default_tz else UTC
    now = datetime.now(UTC)
    try:
        return plausible_iso(to_utc_iso(value, default_tz=zone), now)
    except (ValueError, TypeError, OverflowError):
        pass
    try:
        return plausible_iso(to_utc_iso(parsedate_to_datetime(value), default_tz=zone), now)
    except (ValueError, TypeError, IndexError, OverflowError):
        pass
    import dateparser

    # A free-form date must name a day and a month ("3 June", "vor 2 Stunden"): "ab" or "Tuesday" alone is no date.
    settings = {"TIMEZONE": default_tz or "UTC", "RETURN_AS_TIMEZONE_AWARE": True, "REQUIRE_PARTS": ["day", "month"]}
    parsed = dateparser.parse(value, settings=settings)
    if parsed is None:
        logger.debug("unparsable date %r", value)
        return None
    return plausible_iso(to_utc_iso(parsed), now)
