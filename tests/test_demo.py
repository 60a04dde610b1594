"""`rumours demo` offline: recorded outlets on loopback, real spiders, aggregate, a digest in every format."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from aggregator.cli import main
from aggregator.demo import recorded_outlets
from aggregator.digest import FORMATS

pytestmark = pytest.mark.slow


def test_demo_produces_a_digest_with_deals_from_several_outlets(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)  # the defaults: ./rumours.db and ./digest/
    monkeypatch.delenv("RUMOURS_DB", raising=False)
    monkeypatch.delenv("RUMOURS_CONFIG", raising=False)
    result = CliRunner().invoke(main, ["demo"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "rumours.db").is_file()
    files = sorted((tmp_path / "digest").glob("digest-*"))
    assert {f.suffix.lstrip(".") for f in files} == set(FORMATS)
    digest = json.loads(next(f for f in files if f.suffix == ".json").read_text(encoding="utf-8"))
    outlets = {r["outlet"] for d in digest["deals"] for r in d["reports"]}
    assert len(digest["deals"]) >= 3 and len(outlets) >= 3, (digest["deals"], result.output)
    assert len(outlets) >= len(recorded_outlets()) // 2
    ET.fromstring(next(f for f in files if f.suffix == ".atom").read_bytes())
    assert "rumours serve" in result.output and str(tmp_path / "digest") in result.output
