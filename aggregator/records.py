"""Plain records that cross the boundary into the store: what a spider or an import hands over."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class ReportRecord:
    """One story item inside an article: a gossip-column paragraph, a live-blog entry, or the whole article."""

    text: str
    title: str | None = None
    link: str | None = None  # link to the original story the item points at
    cited_source: str | None = None  # the paper the item credits, e.g. "Bild"
    published_at: str | None = None  # UTC ISO-8601; defaults to the article's


@dataclass(slots=True)
class ArticleRecord:
    """One fetched or imported page, ready to be upserted by canonical URL."""

    url: str
    text: str
    outlet: str  # outlet id: the host without "www." unless a spider names it
    title: str | None = None
    language: str | None = None
    published_at: str | None = None  # UTC ISO-8601 ("2024-06-01T10:00:00+00:00")
    date_precision: str | None = None  # "month" when only the month is known (then the 1st of it); None: the day
    modified_at: str | None = None
    author: str | None = None
    section: str | None = None
    fetched_at: str | None = None
    origin: str = "import"  # "crawl" or "import"
    etag: str | None = None
    last_modified: str | None = None  # the HTTP Last-Modified header, verbatim
    reports: list[ReportRecord] = field(default_factory=list)


@dataclass(slots=True)
class OutletRecord:
    id: str
    name: str
    domain: str
    language: str | None = None
    country: str | None = None
