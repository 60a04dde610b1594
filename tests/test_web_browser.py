"""The desk's pages on the demo store: every linked page answers, and a desk's walk in Chromium follows the links."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from parsel import Selector

from aggregator.cli import main
from aggregator.serve import make_datasette
from tests.conftest import CHROMIUM
from tests.serve_helpers import running_server
from tests.web_data import get

pytestmark = pytest.mark.slow
OUR_PAGES = re.compile(r"^/(deal|player|club|outlet)/[^/]+$|^/feeds/(player|club)/[^/]+\.atom$")


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("web-demo")
    db, digest = folder / "rumours.db", folder / "digest"
    result = CliRunner().invoke(main, ["--db", str(db), "demo", "--digest-dir", str(digest)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return db, digest


def test_every_page_linked_from_home_answers(demo_site: tuple[Path, Path]) -> None:
    ds = make_datasette(*demo_site)
    seen: dict[str, int] = {}
    todo = ["/"]
    while todo:
        paths = [p for p in dict.fromkeys(todo) if p not in seen]
        todo = []
        for path, response in zip(paths, get(ds, *paths), strict=True):
            seen[path] = response.status_code
            if path.endswith(".atom"):
                continue  # a feed: answered, its links point at articles
            links = Selector(text=response.text).css("a::attr(href)").getall()
            todo += [link for link in links if OUR_PAGES.match(link)]
    kinds = {path.split("/")[1] for path in seen if path != "/"}
    assert kinds == {"deal", "player", "club", "outlet", "feeds"}
    assert len(seen) > 30
    assert {path: status for path, status in seen.items() if status != 200} == {}


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium (see .ci/run)")
def test_a_desk_follows_the_links(demo_site: tuple[Path, Path], browser: Any, tmp_path: Path) -> None:
    problems: list[str] = []
    with running_server(*demo_site) as base:
        page = browser.new_page(viewport={"width": 900, "height": 900})
        page.on("dialog", lambda d: (problems.append("dialog:" + d.message), d.dismiss()))
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.goto(base + "/", wait_until="load")
        assert page.locator("h1").inner_text().startswith("Today's deals")
        assert page.locator("ol.deals > li").count() >= 3
        page.locator("ol.deals h2 a").first.click()
        page.wait_for_url(re.compile(r"/deal/"))
        assert page.locator("svg.timeline").is_visible()
        assert page.locator("svg.timeline polygon.mark").count() == 1  # the report that broke it, starred
        marks = page.locator("svg.timeline .mark").count()
        dated = page.locator("table.reports td.when").filter(has_not_text="undated").count()
        assert marks == dated >= 2
        page.screenshot(path=str(tmp_path / "deal.png"), full_page=True)
        player = page.locator("h1 a").inner_text()
        page.locator("h1 a").click()
        page.wait_for_url(re.compile(r"/player/"))
        assert page.locator("h1").inner_text() == player
        assert page.locator(".card").count() >= 1
        club = page.locator(".card a[href^='/club/']").last
        club_name = club.inner_text()
        club.click()
        page.wait_for_url(re.compile(r"/club/"))
        assert page.locator("h1").inner_text() == club_name
        assert page.locator("section.incoming, section.outgoing").get_by_text(player).first.is_visible()
        page.locator("a[href^='/deal/']").first.click()
        page.wait_for_url(re.compile(r"/deal/"))
        outlet = page.locator("dd.broke a[href^='/outlet/']")
        outlet_name = outlet.inner_text()
        outlet.click()
        page.wait_for_url(re.compile(r"/outlet/"))
        assert page.locator("h1").inner_text() == outlet_name
        assert page.locator("dl.scorecard").is_visible() and page.locator("svg.leads rect").count() >= 1
        page.screenshot(path=str(tmp_path / "outlet.png"), full_page=True)
        page.goto(base + "/deal/no-such-deal", wait_until="load")
        assert page.locator("h1").inner_text() == "Not found"
    assert [p for p in problems if "404" not in p] == []
    assert (tmp_path / "deal.png").stat().st_size > 10_000
