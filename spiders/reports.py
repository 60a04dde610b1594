"""Split gossip columns and live blogs into one report per item, with its link and the paper it cites."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import urljoin

from parsel import Selector

from spiders.items import ReportItem
from spiders.parsing import clean, ld_text, node_text, to_utc

# "... (Bild - in German)", "(Times - subscription required)", "(Sun)", "(via Marca)" ending a paragraph.
_CITATION = re.compile(
    r"\(\s*(?:via\s+)?(?P<source>[^()]{2,60}?)"
    r"(?:\s*[-–—,]\s*(?P<note>(?:in\s+\w+|subscription\s+required|external|paywall)[^()]{0,40}))?\s*\)\s*[.]?\s*$",
    re.IGNORECASE,
)
# "... according to Marca.", "laut Bild", "según Marca", "secondo Sky", "selon L'Équipe" inside the text.
_ACCORDING = re.compile(
    r"\b(?:according to|reports? from|laut|según|secondo|selon)\s+(?:the\s+|der\s+|la\s+|il\s+)?"
    r"(?P<source>[A-ZÀ-Ý][\w'’.-]*(?:\s+(?:[A-ZÀ-Ý][\w'’.-]*|dello|della|de|del))*)"
)
MIN_REPORT_CHARS = 40


def split_citation(text: str) -> tuple[str, str | None]:
    """('story text', 'Paper') when the text ends with a parenthesised citation, else (text, None)."""
    match = _CITATION.search(text)
    if not match:
        named = _ACCORDING.search(text)
        return text, (named.group("source").rstrip(".") if named else None)
    source = clean(match.group("source"))
    if not source or source[0].islower() or len(source.split()) > 6:
        return text, None
    return clean(text[: match.start()]), source


def _cited_link(node: Selector, base_url: str) -> str | None:
    """The link inside the paragraph that points away from the page (the original story)."""
    hrefs = [h for h in node.css("a::attr(href)").getall() if h and not h.startswith(("#", "javascript:"))]
    return urljoin(base_url, hrefs[-1]) if hrefs else None


def gossip_reports(
    nodes: Iterable[Selector],
    base_url: str,
    published_at: str | None,
    text_of: Callable[[Selector], str] = node_text,
) -> list[ReportItem]:
    """One report per gossip paragraph (``nodes``) that ends with a citation like "(Bild - in German)";
    ``text_of`` reads a node's text (the page's memo, when the body was read already)."""
    reports: list[ReportItem] = []
    for node in nodes:
        text = text_of(node)
        if len(text) < MIN_REPORT_CHARS:
            continue
        story, source = split_citation(text)
        if source is None:
            continue
        reports.append(
            ReportItem(
                text=story,
                link=_cited_link(node, base_url),
                cited_source=source,
                published_at=published_at,
            )
        )
    return reports


def liveblog_jsonld_reports(article: dict[str, Any], base_url: str) -> list[ReportItem]:
    """Reports from a LiveBlogPosting's liveBlogUpdate entries."""
    updates = article.get("liveBlogUpdate") or []
    if isinstance(updates, dict):
        updates = [updates]
    reports: list[ReportItem] = []
    for update in updates if isinstance(updates, list) else []:
        if not isinstance(update, dict):
            continue
        raw = update.get("articleBody")
        body_sel = Selector(text=f"<div>{raw[:200_000]}</div>") if isinstance(raw, str) else None
        body = node_text(body_sel.css("div")[0]) if body_sel is not None else ""
        title = ld_text(update.get("headline"))
        if len(body) < MIN_REPORT_CHARS and not title:
            continue
        story, source = split_citation(body)
        cited = _cited_link(body_sel, base_url) if body_sel is not None and source else None
        link = update.get("url")
        reports.append(
            ReportItem(
                text=story,
                title=title,
                link=cited or (urljoin(base_url, link) if isinstance(link, str) else None),
                cited_source=source,
                published_at=to_utc(ld_text(update.get("datePublished"))),
            )
        )
    return reports


def liveblog_html_reports(
    sel: Selector,
    entry_css: str,
    title_css: str,
    time_css: str,
    body_css: str,
    base_url: str,
    default_tz: str | None = None,
) -> list[ReportItem]:
    """Reports from live-blog entries in the page markup, for outlets whose JSON-LD lacks the updates."""
    reports: list[ReportItem] = []
    for entry in sel.css(entry_css):
        title_node = entry.css(title_css)
        title = node_text(title_node[0]) if title_node else None
        body_nodes = entry.css(body_css)
        body = "\n\n".join(t for t in (node_text(n) for n in body_nodes) if t)
        if len(body) < MIN_REPORT_CHARS:
            continue
        story, source = split_citation(body)
        when = entry.css(time_css)
        # xpath, not .attrib: one odd attribute name elsewhere on the tag would raise
        stamp = (
            (when.xpath("@datetime").get() or when.xpath("@data-time").get() or when.xpath("@content").get())
            if when
            else None
        )
        anchor = entry.xpath("@id").get()
        links = [n for n in body_nodes if n.css("a::attr(href)")]
        link = _cited_link(links[-1], base_url) if links and source else None
        reports.append(
            ReportItem(
                text=story,
                title=title,
                link=link or (f"{base_url}#{anchor}" if anchor else None),
                cited_source=source,
                published_at=to_utc(stamp, default_tz) if stamp else None,
            )
        )
    return reports
