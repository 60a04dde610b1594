"""The Datasette UI and the digest page in headless Chromium (Debian's system browser, driven by Playwright)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CHROMIUM
from tests.serve_helpers import filled_site, running_server

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium (see .ci/run)"),
]


def test_datasette_and_digest_in_a_real_browser(browser: Any, tmp_path: Path) -> None:
    db, folder = filled_site(tmp_path)
    dialogs: list[str] = []
    with running_server(db, folder) as base:
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

        page.goto(base + "/", wait_until="load")
        assert "transfer-rumours" in page.title()
        assert page.get_by_role("link", name="Today's digest").is_visible()

        page.goto(base + "/rumours/deals", wait_until="load")
        assert page.get_by_text("Declan Rice").first.is_visible()
        page.goto(base + "/rumours/who_broke_it?player=rice", wait_until="load")
        assert page.get_by_text("<script>alert(1)</script>").first.is_visible()  # shown as text, not run
        page.screenshot(path=str(tmp_path / "datasette.png"), full_page=True)

        page.goto(base + "/digest/", wait_until="load")
        heading = page.locator("h1")
        assert heading.is_visible() and "Transfer digest" in heading.inner_text()
        assert page.locator("h2").first.inner_text() == "Declan Rice"
        assert page.get_by_text('"><img src=x onerror=alert(1)>').first.is_visible()
        assert page.locator("img").count() == 0 and page.locator("script").count() == 0
        page.screenshot(path=str(tmp_path / "digest.png"), full_page=True)
    assert dialogs == []  # no alert() ever ran
    assert (tmp_path / "digest.png").stat().st_size > 10_000
    assert (tmp_path / "datasette.png").stat().st_size > 10_000
