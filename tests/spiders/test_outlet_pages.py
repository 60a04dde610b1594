"""Every outlet spider parses its recorded pages to the expected JSON; every outlet module has fixtures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from outlet_expectations import FIXTURES, expected_path, fixture_pages, parse_fixture, spider_loader

OUTLET_MODULES = sorted(
    p.stem for p in (Path(__file__).resolve().parents[2] / "spiders" / "outlets").glob("*.py") if p.stem != "__init__"
)


@pytest.mark.parametrize("page", fixture_pages(), ids=lambda p: f"{p.parent.name}/{p.name.split('.')[0]}")
def test_page_parses_to_expected_json(page: Path) -> None:
    expected = json.loads(expected_path(page).read_text())
    assert parse_fixture(page) == expected


@pytest.mark.parametrize("module", OUTLET_MODULES)
def test_every_outlet_module_has_a_fixture(module: str) -> None:
    assert module in spider_loader().list(), f"spiders/outlets/{module}.py defines no spider named {module!r}"
    pages = list((FIXTURES / module).glob("*.html.gz"))
    assert pages, f"outlet {module!r} has no recorded page under tests/fixtures/outlets/{module}/"
    assert all(expected_path(p).exists() for p in pages), "run tests/spiders/regenerate.py and review the diff"


def test_at_least_ten_outlets_in_several_languages() -> None:
    loader = spider_loader()
    languages = {loader.load(name).language for name in loader.list()}
    assert len(loader.list()) >= 10
    assert {"en", "de", "es", "it", "fr"} <= languages
