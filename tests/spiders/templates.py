"""Write an invented story (headline, standfirst, dates, byline, paragraphs) into an outlet's real page template."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html import escape
from zoneinfo import ZoneInfo

import lxml.html
from cssselect import GenericTranslator

Reader = Callable[[str], str]
_LD = re.compile(r'<script[^>]*type="application/ld\+json"[^>]*>(.*?)</script>', re.DOTALL)
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?")


@dataclass(frozen=True)
class Story:
    """One invented report: where it appears and what it says (paragraphs may hold inline links)."""

    outlet: str
    slug: str
    url: str
    title: str
    standfirst: str
    published: str  # UTC, "2025-06-10T07:30:00"
    paragraphs: tuple[str, ...]
    modified: str | None = None
    author: str | None = None
    keywords: str | None = None

    @property
    def name(self) -> str:
        return f"{self.published[:10]}-{self.slug}"


@dataclass(frozen=True)
class Template:
    """A recorded real page and the story-specific strings in it; everything else (head, layout) is kept."""

    shared: str  # file under the shared recorded fixtures
    url: str
    tz: str
    published: str  # the page's own publication time, UTC
    modified: str | None
    body_css: str  # the story paragraphs
    titles: tuple[str, ...] = ()  # headline spellings besides those in the head, JSON-LD and h1
    title_parts: tuple[str, ...] = ()  # a headline split into spans (kicker, headline): "Kicker: Headline"
    descriptions: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    desk: str = ""  # byline written in place of the real author (invented stories are nobody's reporting)
    drop_css: tuple[str, ...] = ()  # story-specific blocks inside the body: subheads, embedded story media
    visible_dates: tuple[tuple[str, str], ...] = ()  # (shown text, strftime of the new local time)
    pairs: dict[str, str] = field(default_factory=dict)  # other story text: section names, slugs


def _xpath(css: str) -> str:
    return GenericTranslator().css_to_xpath(css)


def _instant(text: str, tz: ZoneInfo) -> list[tuple[datetime, str]]:
    """The instants an ISO string can mean, with how it was written: 'utc', 'offset' or 'local' (naive)."""
    when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if when.tzinfo is None:
        return [(when.replace(tzinfo=tz), "local"), (when.replace(tzinfo=UTC), "naive-utc")]
    return [(when, "utc" if text.endswith("Z") else "offset")]


def _format_like(old: str, new: datetime, style: str, tz: ZoneInfo) -> str:
    """``new`` written the way ``old`` is: same zone style, precision and separators."""
    local = new.astimezone(tz) if style in ("local", "offset") else new.astimezone(UTC)
    seconds = old[16:17] == ":"
    out = local.strftime("%Y-%m-%dT%H:%M:%S" if seconds else "%Y-%m-%dT%H:%M")
    if frac := re.match(r"\.\d+", old[19:]):
        out += "." + "0" * (len(frac.group(0)) - 1)
    if style == "utc":
        out += "Z"
    elif style == "offset":
        offset = local.strftime("%z")
        out += f"{offset[:3]}:{offset[3:]}" if old[-3] == ":" else offset
    return out


def _utc(iso: str) -> datetime:
    return datetime.fromisoformat(iso).replace(tzinfo=UTC)


def retime(html: str, tpl: Template, story: Story) -> str:
    """Every ISO timestamp meaning the page's publication (or modification) time moves to the story's."""
    tz = ZoneInfo(tpl.tz)
    moves = [(_utc(tpl.published), _utc(story.published))]
    if tpl.modified:
        moves.append((_utc(tpl.modified), _utc(story.modified or story.published)))

    def sub(match: re.Match[str]) -> str:
        old = match.group(0)
        for when, style in _instant(old, tz):
            for before, after in moves:
                precision = 1 if old[16:17] == ":" else 60
                if abs((when - before).total_seconds()) < precision:
                    return _format_like(old, after, style, tz)
        return old

    html = _ISO.sub(sub, html)
    local = _utc(story.published).astimezone(tz)
    for shown, fmt in tpl.visible_dates:
        html = _replace(html, shown, local.strftime(fmt))
    return html


def _replace(html: str, old: str, new: str, required: bool = True) -> str:
    spellings = dict.fromkeys([old, escape(old), escape(old, quote=False), old.replace("'", "&#039;")])
    found = False
    for spelling in spellings:
        if spelling in html:
            found = True
            html = html.replace(spelling, escape(new) if spelling != old else new)
    if required and not found:
        raise SystemExit(f"template changed: {old[:60]!r} not found")
    return html


def _plain(paragraph: str) -> str:
    return lxml.html.fragment_fromstring(f"<p>{paragraph}</p>").text_content()


def update_jsonld(html: str, tpl: Template, story: Story) -> str:
    """The article's JSON-LD objects get the story's headline, description, body and keywords (same keys)."""
    for raw in _LD.findall(html):
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        changed = False
        for obj in data if isinstance(data, list) else [data]:
            if not isinstance(obj, dict):
                continue
            main = obj.get("mainEntityOfPage")
            ids = {obj.get("url"), obj.get("@id"), main.get("@id") if isinstance(main, dict) else main}
            if tpl.url not in ids:
                continue
            for key, value in (
                ("headline", story.title),
                ("name", story.title),
                ("alternativeHeadline", story.standfirst),
                ("description", story.standfirst),
                ("articleBody", "\n\n".join(_plain(p) for p in story.paragraphs)),
            ):
                if key in obj and (key != "name" or obj.get("@type") != "WebSite"):
                    obj[key] = value
            if "keywords" in obj and story.keywords:
                obj["keywords"] = story.keywords if isinstance(obj["keywords"], str) else story.keywords.split(", ")
            changed = True
        if changed:
            html = html.replace(raw, json.dumps(data, ensure_ascii=False).replace("</", "<\\/"), 1)
    return html


def rewrite_body(
    html: str,
    css: str,
    paragraphs: tuple[str, ...] | list[str],
    drop_css: tuple[str, ...] = (),
    inner: str | None = None,
) -> str:
    """The first blocks matching ``css`` carry the story, one paragraph each (in their ``inner`` element when
    given); more blocks are cloned from the last, the rest go."""
    doc = lxml.html.document_fromstring(html)
    for selector in drop_css:
        for node in doc.xpath(_xpath(selector)):
            node.getparent().remove(node)
    blocks = doc.xpath(_xpath(css))
    if not blocks:
        raise SystemExit(f"no paragraphs match {css!r}")
    while len(blocks) < len(paragraphs):
        clone = copy.deepcopy(blocks[-1])
        clone.tail = blocks[-1].tail
        blocks[-1].addnext(clone)
        blocks.append(clone)
    for block, text in zip(blocks, paragraphs, strict=False):
        if inner:
            block = block.xpath(_xpath(inner).replace("descendant-or-self::", "./descendant::", 1))[0]
        new = lxml.html.fragment_fromstring(f"<{block.tag}>{text}</{block.tag}>")
        new.attrib.update(dict(block.attrib))
        new.tail = block.tail
        block.getparent().replace(block, new)
    for block in blocks[len(paragraphs) :]:
        block.getparent().remove(block)
    return "<!DOCTYPE html>\n" + lxml.html.tostring(doc, encoding="unicode")


def _story_strings(html: str, tpl: Template) -> tuple[list[str], list[str]]:
    """The page's own headline and standfirst spellings (head, JSON-LD, h1), longest first."""
    from parsel import Selector

    from spiders import parsing

    sel = Selector(text=html)
    art = parsing.article_jsonld(parsing.jsonld_objects(sel))
    titles = {*tpl.titles, parsing.ld_text(art.get("headline")), sel.css("h1 ::text").get()}
    titles |= {parsing.meta(sel, key) for key in ("og:title", "twitter:title", "title")}
    descriptions = {*tpl.descriptions, parsing.ld_text(art.get("description"))}
    descriptions |= {parsing.meta(sel, key) for key in ("description", "og:description", "twitter:description")}
    return (
        sorted((t.strip() for t in titles if t and len(t.strip()) > 20), key=len, reverse=True),
        sorted((d.strip() for d in descriptions if d and len(d.strip()) > 20), key=len, reverse=True),
    )


def render(tpl: Template, story: Story, read: Reader) -> str:
    """The story in the template: JSON-LD, head and visible headline, byline, dates, URL, body."""
    html = read(tpl.shared)
    titles, descriptions = _story_strings(html, tpl)
    html = update_jsonld(html, tpl, story)
    for part, new in zip(tpl.title_parts, story.title.split(": ", len(tpl.title_parts) - 1), strict=False):
        html = _replace(html, f">{part}<", f">{new}<")
    for title in titles:
        html = _replace(html, title, story.title, required=False)
    for description in descriptions:
        html = _replace(html, description, story.standfirst, required=False)
    for author in tpl.authors:
        html = _replace(html, author, story.author or tpl.desk, required=False)
    if story.keywords:
        html = re.sub(
            r'(<meta (?:name|property)="(?:news_)?keywords" content=")[^"]*(")',
            lambda m: m.group(1) + escape(story.keywords or "") + m.group(2),
            html,
        )
    for old, new in tpl.pairs.items():
        html = _replace(html, old, new)
    html = retime(html, tpl, story)
    html = html.replace(tpl.url, story.url)
    return rewrite_body(html, tpl.body_css, story.paragraphs, tpl.drop_css)
