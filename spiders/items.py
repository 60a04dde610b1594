"""Items the spiders yield: one ArticleItem per page, with ReportItems for gossip and live-blog entries."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True)
class ReportItem:
    """One story inside a page: a gossip-column paragraph or a live-blog entry."""

    text: str
    title: str | None = None
    link: str | None = None
    cited_source: str | None = None
    published_at: str | None = None


@dataclass(slots=True)
class ArticleItem:
    """One parsed article page; dates are UTC ISO-8601 strings."""

    url: str
    outlet: str
    title: str | None = None
    text: str = ""
    language: str | None = None
    published_at: str | None = None
    modified_at: str | None = None
    author: str | None = None
    section: str | None = None
    fetched_at: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    reports: list[ReportItem] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
