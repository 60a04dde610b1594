"""Dump every item the outlet spiders make from every recorded page, for comparing a parser change byte for byte.

Usage: ``python bench/dump_items.py > /tmp/items.txt``. Each page is read as served (UTF-8), declared with the wrong
charset, and as Windows-1252 bytes declared UTF-8, through ``parse_article`` (items, recorded errors) and through
``parse_page`` plus the transfer filter (the verdict, for pages the filter drops).
"""

from __future__ import annotations

import dataclasses
import gzip
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scrapy.http import HtmlResponse
from scrapy.spiderloader import SpiderLoader
from scrapy.utils.project import get_project_settings

from spiders.errors import repair_charset
from spiders.transfer_filter import is_transfer_story

ROOT = Path(__file__).resolve().parents[1]
DIRS = [ROOT / "spiders" / "recorded" / "pages", ROOT / "tests" / "fixtures" / "outlets"]


def variants(body: bytes) -> list[tuple[str, bytes, str]]:
    out = [("utf-8", body, "text/html; charset=utf-8"), ("declared-latin1", body, "text/html; charset=iso-8859-1")]
    cp1252 = body.decode("utf-8").encode("cp1252", "xmlcharrefreplace")
    out.append(("cp1252-declared-utf8", cp1252, "text/html; charset=utf-8"))
    return out


def as_dict(item: Any) -> dict[str, Any]:
    data = dataclasses.asdict(item)
    data.pop("fetched_at", None)
    return data


def main() -> None:
    loader = SpiderLoader.from_settings(get_project_settings())
    for base in DIRS:
        for page in sorted(base.glob("*/*.html.gz")):
            url = page.with_name(page.name.removesuffix(".html.gz") + ".url").read_text().strip()
            spider = loader.load(page.parent.name)()
            for label, body, ctype in variants(gzip.decompress(page.read_bytes())):
                spider.crawl_errors = []
                response = HtmlResponse(url=url, body=body, headers={"Content-Type": ctype})
                items = [as_dict(i) for i in spider.parse_article(response)]
                fixed = repair_charset(response)
                verdict = None
                if fixed is not None:
                    item = spider.parse_page(fixed)
                    verdict = is_transfer_story(item.url, item.title, item.section, spider._keywords(fixed), item.text)
                    parsed: Any = as_dict(item)
                else:
                    parsed = None
                record = {"items": items, "errors": spider.crawl_errors, "verdict": verdict, "parsed": parsed}
                print(f"== {page.relative_to(ROOT)} [{label}]")
                print(json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
