"""Hostile scraped text on the desk's pages: script in a title, an outlet, a player or a club shows as text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from markupsafe import escape

from aggregator.serve import make_datasette
from aggregator.web.urls import club_url, deal_url, outlet_url, player_url
from tests.conftest import CHROMIUM
from tests.serve_helpers import running_server
from tests.test_hostile import TRAP, assert_inert
from tests.web_data import (
    BRANDTNER,
    CHELSEA,
    PAYLOAD_CLUB,
    PAYLOAD_OUTLET,
    PAYLOAD_PLAYER,
    PAYLOAD_TITLE,
    get,
    imported_store,
)

PAYLOADS = [PAYLOAD_TITLE, PAYLOAD_OUTLET, PAYLOAD_PLAYER, PAYLOAD_CLUB]
PAGES = [
    "/",
    deal_url(BRANDTNER),
    deal_url(CHELSEA),
    player_url("brandtner lukas"),
    player_url("holmgard rasmus"),
    club_url("VfB Stuttgart"),
    club_url(PAYLOAD_CLUB),
    club_url("Benfica"),
    outlet_url("kicker.de"),
    outlet_url("bild.de"),
]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return imported_store(tmp_path_factory.mktemp("hostile-web") / "rumours.db", hostile=True)


def test_payloads_are_escaped_on_every_page(hostile_site: Path, tmp_path: Path) -> None:
    responses = get(make_datasette(hostile_site, tmp_path), *PAGES)
    seen: set[str] = set()
    for path, response in zip(PAGES, responses, strict=True):
        assert response.status_code == 200, path
        for payload in PAYLOADS:
            assert payload not in response.text, (path, payload)
            if str(escape(payload)) in response.text:
                seen.add(payload)
        assert "onerror=" not in response.text.replace("onerror=alert", "")  # no live attribute of ours either
    assert seen == set(PAYLOADS)  # each payload is on some page, as text


def test_hostile_outlet_in_the_timeline_is_text(hostile_site: Path, tmp_path: Path) -> None:
    (response,) = get(make_datasette(hostile_site, tmp_path), deal_url(BRANDTNER))
    svg = response.text.split('<svg class="timeline"', 1)[1].split("</svg>", 1)[0]
    assert str(escape(PAYLOAD_OUTLET)) in svg and "<img" not in svg


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium (see .ci/run)")
def test_nothing_hostile_runs_in_the_browser(hostile_site: Path, tmp_path: Path, browser: Any) -> None:
    fired: list[str] = []
    with running_server(hostile_site, tmp_path) as base:
        page = browser.new_page()
        page.add_init_script(TRAP)
        page.on("dialog", lambda d: (fired.append("dialog:" + d.message), d.dismiss()))
        for path in PAGES:
            assert_inert(page, base + path, fired)
            assert page.locator("svg image, svg script, svg foreignObject").count() == 0, path
        page.goto(base + deal_url(BRANDTNER), wait_until="load")
        reports = page.locator("table.reports")
        assert reports.get_by_text(PAYLOAD_TITLE).first.is_visible()
        assert reports.get_by_text(PAYLOAD_OUTLET).first.is_visible()
        assert page.locator(".legend").get_by_text(PAYLOAD_OUTLET).is_visible()
        assert page.locator("h1").inner_text() == PAYLOAD_PLAYER
        page.goto(base + club_url(PAYLOAD_CLUB), wait_until="load")
        assert page.locator("h1").inner_text() == PAYLOAD_CLUB
    assert fired == []
