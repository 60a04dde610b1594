"""Name folding: one key per person however a report spells, orders or accents the name."""

from __future__ import annotations

import re
from functools import lru_cache

from unidecode import unidecode

_KEY_WORD = re.compile(r"[a-z0-9]+")


def fold_name(name: str) -> str:
    """Diacritics folded, lower case, punctuation dropped: "Dušan Vlahović" -> "dusan vlahovic"."""
    return " ".join(_KEY_WORD.findall(unidecode(name or "").lower()))


@lru_cache(maxsize=16384)
def player_key(name: str) -> str:
    """Stable cross-article key: the folded tokens sorted, so "Min-jae Kim" == "Kim Min-jae"."""
    return " ".join(sorted(fold_name(name).split()))
