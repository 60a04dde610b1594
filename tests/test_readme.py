"""The README documents every CLI command, and CI runs exactly the README's test command."""

from __future__ import annotations

import re
from pathlib import Path

from aggregator.cli import main

ROOT = Path(__file__).resolve().parents[1]


def test_every_cli_command_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name in main.commands if f"`rumours {name}" not in readme]
    assert not missing, f"commands missing from README.md: {missing}"


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"# 2\. run the tests\n(.+)\n", readme)
    assert block, "README must show the test command under '# 2. run the tests'"
    ci_lines = [line.strip() for line in (ROOT / ".ci" / "run").read_text().splitlines()]
    assert block.group(1).strip() in ci_lines


def test_every_guarantee_names_a_test_that_exists() -> None:
    """The README's Guarantees section is backed by tests that exist under the names it gives."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Guarantees", 1)[1].split("\n## ", 1)[0]
    named = re.findall(r"`(tests/[\w/]+\.py)::(\w+)`", section)
    assert len(named) >= 15
    for path, name in named:
        source = (ROOT / path).read_text(encoding="utf-8")
        assert re.search(rf"^def {name}\(", source, re.M), f"{path}::{name} is not a test"
