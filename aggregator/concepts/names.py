"""Name folding: one key per person however a report spells, orders or accents the name."""

from __future__ import annotations

import re
from functools import lru_cache

from unidecode import unidecode

_KEY_WORD = re.compile(r"[a-z0-9]+")


def fold_name(name: str) -> str:
    """Diacritics folded, lower case, punctuation dropped: "Dušan Vlahović" -> "dusan vlahovic"."""
    return " ".join(_KEY_WORD.findall(unidecode(name or "").lower()))


# Spellings of one name that differ only by how a press writes letters it lacks: German transliterates umlauts
# ("Müller" / "Mueller", "Højlund" / "Hoejlund"), and doubled letters come and go ("Mohammed" / "Mohamed").
_TRANSLITERATION = re.compile(r"(?<=[a-z])([aou])e|^([aou])e(?=[a-z]{2})")
_DOUBLED = re.compile(r"([a-z])\1+")


def spelling_key(token: str) -> str:
    """One folded name token with its spelling variants merged: "mueller", "muller" -> "muler"."""
    token = _TRANSLITERATION.sub(lambda m: m.group(1) or m.group(2), token)
    return _DOUBLED.sub(r"\1", token)


@lru_cache(maxsize=16384)
def player_key(name: str) -> str:
    """Stable cross-article key: the folded tokens, spelling variants merged, sorted ("Min-jae Kim" ==
    "Kim Min-jae", "Thomas Müller" == "Thomas Mueller")."""
    return " ".join(sorted(spelling_key(t) for t in fold_name(name).split()))
