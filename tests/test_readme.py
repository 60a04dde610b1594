"""The README documents every CLI command, and CI runs exactly the README's test command."""

from __future__ import annotations

import re
from pathlib import Path

import click

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


GLOBAL_OPTIONS = ("--db", "--verbose")  # every command's, documented in the Command line section's opening
SHARED_OPTIONS = ("--config",)  # documented there too, with the commands that take them


def command_docs(readme: str, name: str) -> str:
    """What the README says about ``rumours NAME``: its row in the command table and its own section."""
    row = "\n".join(line for line in readme.splitlines() if line.startswith(f"| `rumours {name}"))
    section = re.search(rf"^### `rumours {name}\b.*?(?=^##)", readme, re.M | re.S)
    return row + "\n" + (section.group(0) if section else "")


def test_every_option_of_every_command_is_documented_in_the_readme() -> None:
    """Like sqlite-utils' docs test: an option the README does not mention fails, in the command's table row or
    section; ``--db`` and ``-v``, which every command takes, in the Command line section's opening."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    intro = readme.split("## Command line", 1)[1].split("| command |", 1)[0]
    assert all(f"`{option}" in intro for option in ("--db PATH", "-v", "--config PATH")), "README must introduce them"
    missing = []
    for name, command in main.commands.items():
        docs = command_docs(readme, name)
        for param in command.params:
            if not isinstance(param, click.Option) or param.hidden:
                continue
            if set(param.opts) & set(GLOBAL_OPTIONS):
                continue
            if set(param.opts) & set(SHARED_OPTIONS) and f"`{name}`" in intro:
                continue
            if not any(re.search(rf"{re.escape(opt)}\b", docs) for opt in param.opts):
                missing.append(f"rumours {name} {param.opts[-1]}")
    assert not missing, f"options missing from README.md: {missing}"
