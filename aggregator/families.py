"""Player families: surname-only and partial names across articles unified with the one full name they fit.

A claim's ``player_key`` is a set of name tokens ("vlahovic", "dusan vlahovic"). A key whose tokens are all inside
other keys belongs to the family of the largest of them when those keys form a chain (every one inside the
largest); when they do not ("silva" inside "bernardo silva" and "david silva") it stays its own family. The
family is a pure function of the set of keys seen, so any arrival order gives the same families; adding a key
can only change the families of itself and of the keys inside it, which is what gets recomputed. Supersets are
found through a token on at most ``COMMON_TOKEN`` keys, which bounds the cost on a large store.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations

from sqlite_utils import Database


def tokens(player_key: str) -> frozenset[str]:
    return frozenset(player_key.split())


def token_set(player_key: str) -> str:
    """The canonical form of a key's tokens: "ibanez ibanez" and "ibanez" are the same name."""
    return " ".join(sorted(tokens(player_key)))


def family_of(key: str, supersets: Iterable[str]) -> str:
    """The family of ``key`` given every other known key that contains all of its tokens."""
    own = tokens(key)
    bigger = sorted({s for s in supersets if tokens(s) > own}, key=lambda s: (-len(tokens(s)), s))
    if not bigger:
        return key
    largest = tokens(bigger[0])
    if all(tokens(s) <= largest for s in bigger[1:]):
        return bigger[0]
    return key


MAX_SUBSET_TOKENS = 6  # longer keys are not split into sub-names (2**6 look-ups at most)


def _subsets_present(db: Database, key: str) -> set[str]:
    """Known keys made of some of ``key``'s tokens: exact look-ups of every sub-name, never a scan."""
    own = sorted(tokens(key))
    if len(own) > MAX_SUBSET_TOKENS:
        return set()
    names = [" ".join(c) for n in range(1, len(own) + 1) for c in combinations(own, n)]
    marks = ",".join("?" * len(names))
    found = db.execute(f"SELECT player_key FROM player_keys WHERE token_set IN ({marks})", names)
    return {r[0] for r in found if tokens(r[0]) < tokens(key)}


COMMON_TOKEN = 200  # a token on more keys than this (a common first name) is never used to find supersets


def _supersets(db: Database, key: str) -> set[str]:
    """Keys containing every token of ``key``, found through the posting list of one of its uncommon tokens;
    when every token is common the search is skipped (bounded cost, and such a key is no surname)."""
    own = tokens(key)
    for token in sorted(own, key=lambda t: (-len(t), t)):
        posting = [
            r[0]
            for r in db.execute(
                "SELECT player_key FROM player_key_tokens WHERE token = ? LIMIT ?", [token, COMMON_TOKEN + 1]
            )
        ]
        if len(posting) <= COMMON_TOKEN:
            return {c for c in posting if tokens(c) > own}
    return set()


def register(db: Database, keys: Iterable[str]) -> set[str]:
    """Record new player keys; recompute the families they can change. Returns the families whose membership
    changed (a key's old family and its new one), which must be regrouped whole."""
    touched: set[str] = set()
    for key in sorted(set(keys)):
        if db.execute("SELECT 1 FROM player_keys WHERE player_key = ?", [key]).fetchone():
            continue
        db.execute(
            "INSERT INTO player_keys (player_key, token_set, family) VALUES (?, ?, ?)", [key, token_set(key), key]
        )
        db.conn.executemany(
            "INSERT OR IGNORE INTO player_key_tokens (token, player_key) VALUES (?, ?)", [(t, key) for t in tokens(key)]
        )
        affected = {key} | _subsets_present(db, key)
        for member in sorted(affected, key=lambda k: (-len(tokens(k)), k)):
            old = db.execute("SELECT family FROM player_keys WHERE player_key = ?", [member]).fetchone()[0]
            # The largest key of a chain has no superset, so it is its own family: no chains of families.
            new = family_of(member, _supersets(db, member))
            if new != old:
                db.execute("UPDATE player_keys SET family = ? WHERE player_key = ?", [new, member])
                if member != key:  # the new key's claims are new: they queue their own windows
                    touched.update({old, new})
    return touched


def family_members(db: Database, families: Iterable[str]) -> dict[str, list[str]]:
    fams = sorted(set(families))
    out: dict[str, list[str]] = {f: [] for f in fams}
    if not fams:
        return out
    marks = ",".join("?" * len(fams))
    for key, family in db.execute(f"SELECT player_key, family FROM player_keys WHERE family IN ({marks})", fams):
        out[family].append(key)
    return out
