"""Every runtime dependency pyproject.toml declares is imported by the code it ships (aggregator/, spiders/)."""

from __future__ import annotations

import ast
import re
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {_normalised(re.split(r"[\s<>=!~;\[]", spec, maxsplit=1)[0]) for spec in project["dependencies"]}


def _imported_modules() -> set[str]:
    modules: set[str] = set()
    for package in ("aggregator", "spiders"):
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    modules.update(alias.name.split(".")[0] for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    modules.add(node.module.split(".")[0])
    return modules


def test_every_declared_dependency_is_imported() -> None:
    distributions = packages_distributions()
    used = {_normalised(d) for module in _imported_modules() for d in distributions.get(module, [])}
    unused = sorted(_declared() - used)
    assert not unused, f"declared in pyproject.toml but imported nowhere in aggregator/ or spiders/: {unused}"
