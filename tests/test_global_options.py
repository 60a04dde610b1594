"""`--db` and `-v` work after the command name as well as before it; the one after the command wins."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from aggregator.cli import main
from aggregator.crawl import REPO_ROOT
from tests.conftest import jsonl

ARTICLE = {
    "url": "https://www.bbc.com/sport/football/articles/c1",
    "text": "Arsenal have agreed a fee with Brighton for Jamal Ortega, who is set to join.",
    "published_at": "2024-06-01",
}


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RUMOURS_DB", raising=False)
    monkeypatch.delenv("RUMOURS_CONFIG", raising=False)


def test_db_after_the_command_is_the_store_used(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(jsonl([ARTICLE]), encoding="utf-8")
    imported = CliRunner().invoke(main, ["import", "a.jsonl", "--db", "after.db"])
    assert imported.exit_code == 0, imported.output
    assert (tmp_path / "after.db").exists() and not (tmp_path / "rumours.db").exists()
    assert CliRunner().invoke(main, ["aggregate", "--db", "after.db"]).exit_code == 0
    deals = CliRunner().invoke(main, ["deals", "--db", "after.db", "--format", "jsonl"])
    assert deals.exit_code == 0, deals.output
    assert json.loads(deals.output)["player"] == "Jamal Ortega"


def test_db_after_the_command_wins_over_db_before_it(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(jsonl([ARTICLE]), encoding="utf-8")
    result = CliRunner().invoke(main, ["--db", "before.db", "import", "a.jsonl", "--db", "after.db"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "after.db").exists() and not (tmp_path / "before.db").exists()


def test_db_after_a_command_that_reads_the_config_wins_over_the_config(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(jsonl([ARTICLE]), encoding="utf-8")
    assert CliRunner().invoke(main, ["import", "a.jsonl", "--db", "after.db"]).exit_code == 0
    (tmp_path / "rumours.toml").write_text('[rumours]\ndb_path = "configured.db"\n', encoding="utf-8")
    status = CliRunner().invoke(main, ["status", "--db", "after.db", "--format", "json"])
    assert status.exit_code == 0, status.output
    assert json.loads(status.output)["counts"]["articles"] == 1


def test_verbose_after_the_command_turns_on_info_logging(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(jsonl([ARTICLE]), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    env.pop("RUMOURS_DB", None)

    def rumours(*args: str) -> subprocess.CompletedProcess[str]:
        argv = [sys.executable, "-m", "aggregator", *args]
        return subprocess.run(argv, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=True)

    rumours("import", "a.jsonl", "--db", "v.db")
    assert " INFO " not in rumours("aggregate", "--rebuild", "--db", "v.db").stderr
    assert " INFO aggregator.aggregate: rebuilding" in rumours("aggregate", "--rebuild", "--db", "v.db", "-v").stderr


def test_every_command_lists_the_global_options_in_its_help() -> None:
    for name in main.commands:
        result = CliRunner().invoke(main, [name, "--help"])
        assert "--db FILE" in result.output and "-v, --verbose" in result.output, name
