"""One article page read once: its DOM, <meta> contents, JSON-LD and node texts, shared by the article parser, the
transfer filter and the report splitter (so no part of the parse path scans the document a second time)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from lxml import etree
from parsel import Selector, SelectorList
from parsel.csstranslator import css2xpath
from parsel.selector import create_root_node
from scrapy.http import HtmlResponse, TextResponse
from scrapy.utils.response import get_base_url

from spiders import parsing


def page_selector(response: TextResponse) -> Selector:
    """The response's DOM: the tree Scrapy's ``response.selector`` holds, built with ``lxml.etree.HTMLParser``
    (parsel's ``lxml.html`` parser differs only in calling a Python class lookup for every element the parse path
    touches). A page whose text is its UTF-8 bytes decoded is parsed from those bytes: the same tree, without parsel
    encoding the decoded text back to UTF-8 for lxml (a copy of the page, and a scan)."""
    if not isinstance(response, HtmlResponse):
        return response.selector
    body = response.body.strip()
    base_url = get_base_url(response)
    if (
        response.encoding.lower() not in {"utf-8", "utf8"}
        or not body
        or not (body[:1].isascii() and body[-1:].isascii())  # parsel strips Unicode spaces (and a BOM) off text
        or "\ufffd" in response.text  # the bytes are not all valid UTF-8
    ):
        root = create_root_node(response.text, etree.HTMLParser, base_url=base_url)
    else:
        root = create_root_node("", etree.HTMLParser, base_url=base_url, body=response.body, encoding="utf-8")
    return Selector(root=root, type="html")


@lru_cache(maxsize=1024)
def _xpath(css: str) -> etree.XPath:
    """A CSS query compiled once to the XPath parsel evaluates for it."""
    return etree.XPath(css2xpath(css), smart_strings=False)


_TEXT = etree.XPath("text()", smart_strings=False)


def read_head(sel: Selector) -> tuple[dict[str, str], list[str]]:
    """In one pass over the page's <meta> and <script> tags: each property, name or itemprop a <meta content=...>
    carries, mapped to the content of the first such tag in document order (what ``parsing.meta`` finds for that
    key), and the texts of the ld+json scripts (what ``parsing.read_jsonld`` reads)."""
    metas: dict[str, str] = {}
    jsonld: list[str] = []
    for element in sel.root.iter("meta", "script"):
        if element.tag == "script":
            if element.get("type") == "application/ld+json":
                jsonld.extend(_TEXT(element))
            continue
        content = element.get("content")
        if content is None:
            continue
        for attribute in ("property", "name", "itemprop"):
            if (key := element.get(attribute)) is not None:
                metas.setdefault(key, content)
    return metas, jsonld


class ArticlePage:
    """A text response with everything the parse path reads from it, each read at most once."""

    def __init__(self, response: TextResponse) -> None:
        self.response = response
        self.sel: Selector = page_selector(response)
        self.metas, blocks = read_head(self.sel)
        self.jsonld = parsing.parse_jsonld(blocks)
        self.article: dict[str, Any] = parsing.article_jsonld(self.jsonld.objects)
        self._nodes: dict[str, list[Any]] = {}
        self._texts: dict[Any, str] = {}  # lxml element -> its text; the key keeps the element's proxy alive

    @property
    def url(self) -> str:
        return self.response.url

    def meta(self, *keys: str) -> str | None:
        """First non-empty <meta> content whose property or name is one of keys (as ``parsing.meta``)."""
        for key in keys:
            if (value := self.metas.get(key)) and (value := parsing.clean(value)):
                return value
        return None

    def nodes(self, query: str) -> list[Any]:
        """What a CSS query matches in the whole page (lxml elements), queried once."""
        if (found := self._nodes.get(query)) is None:
            found = self._nodes[query] = _xpath(query)(self.sel.root)
        return found

    def css(self, query: str) -> SelectorList[Selector]:
        """``nodes`` as parsel's ``css`` returns them."""
        return SelectorList(Selector(root=node, type="html") for node in self.nodes(query))

    def text(self, node: Selector) -> str:
        """``parsing.node_text`` of a node, computed once per node."""
        return self.node_text(node.root)

    def node_text(self, node: Any) -> str:
        """``parsing.node_text`` of a node of ``nodes``, computed once per node."""
        if (text := self._texts.get(node)) is None:
            is_element = isinstance(getattr(node, "tag", None), str)
            text = parsing.element_text(node) if is_element else parsing.node_text(Selector(root=node, type="html"))
            self._texts[node] = text
        return text

    def first_text(self, selectors: list[str]) -> str | None:
        for css in selectors:
            if (found := self.nodes(css)) and (text := self.node_text(found[0])):
                return text
        return None

    def paragraphs(self, selectors: list[str], exclude: list[str]) -> list[str]:
        """Texts of the nodes matched by the first selector that yields any, minus excluded subtrees."""
        dropped = {node for css in exclude for node in self.nodes(css)}
        for css in selectors:
            texts = []
            for node in self.nodes(css):
                if dropped and (node in dropped or any(a in dropped for a in node.iterancestors())):
                    continue
                if text := self.node_text(node):
                    texts.append(text)
            if texts:
                return texts
        return []

    def keywords(self) -> list[str]:
        """The article's JSON-LD keywords, then its news_keywords/keywords <meta>."""
        words = self.article.get("keywords")
        found = [w for w in words if isinstance(w, str)] if isinstance(words, list) else []
        if isinstance(words, str):
            found.append(words)
        if kw := self.meta("news_keywords", "keywords"):
            found.append(kw)
        return found
