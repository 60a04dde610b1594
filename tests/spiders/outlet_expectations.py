"""What an outlet fixture is expected to parse to: shared by the parametrized test and regenerate.py."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

from scrapy.http import HtmlResponse
from scrapy.spiderloader import SpiderLoader
from scrapy.utils.project import get_project_settings

from spiders.errors import repair_charset
from spiders.transfer_filter import is_transfer_story

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "outlets"
MAX_REPORTS = 8


def spider_loader() -> SpiderLoader:
    return SpiderLoader.from_settings(get_project_settings())


def fixture_pages() -> list[Path]:
    """Every recorded page under tests/fixtures/outlets/<outlet>/."""
    return sorted(FIXTURES.glob("*/*.html.gz"))


def parse_fixture(page: Path) -> dict[str, Any]:
    """The page parsed by its outlet's spider, reduced to what the expected JSON pins down."""
    outlet = page.parent.name
    url = page.with_name(page.name.removesuffix(".html.gz") + ".url").read_text().strip()
    spider = spider_loader().load(outlet)()
    response = repair_charset(HtmlResponse(url=url, body=gzip.decompress(page.read_bytes())))
    assert response is not None, f"{page}: text garbled whatever the charset"
    item = spider.parse_page(response)
    return {
        "url": item.url,
        "outlet": item.outlet,
        "title": item.title,
        "published_at": item.published_at,
        "modified_at": item.modified_at,
        "author": item.author,
        "language": item.language,
        "section": item.section,
        "body_start": item.text[:160],
        "body_length": len(item.text),
        "is_transfer": is_transfer_story(item.url, item.title, item.section, spider._keywords(response), item.text),
        "report_count": len(item.reports),
        "reports": [
            {
                "title": r.title,
                "text_start": r.text[:100],
                "link": r.link,
                "cited_source": r.cited_source,
                "published_at": r.published_at,
            }
            for r in item.reports[:MAX_REPORTS]
        ],
    }


def expected_path(page: Path) -> Path:
    return page.with_name(page.name.removesuffix(".html.gz") + ".json")
