"""Rewrite the expected JSON of every outlet fixture from the current spiders; review the git diff after."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from outlet_expectations import expected_path, fixture_pages, parse_fixture


def main() -> None:
    for page in fixture_pages():
        expected = parse_fixture(page)
        expected_path(page).write_text(json.dumps(expected, ensure_ascii=False, indent=2) + "\n")
        print(f"{page.parent.name}/{page.name}: {expected['title']!r} transfer={expected['is_transfer']}")


if __name__ == "__main__":
    main()
