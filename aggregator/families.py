"""Player families: surname-only and partial names, and spelling variants, across articles unified with the one
full name they fit.

A claim's ``player_key`` is a set of name tokens ("vlahovic", "dusan vlahovic"). A key whose tokens are all inside
other keys belongs to the family of the largest of them when those keys form a chain (every one inside the
largest); when they do not ("silva" inside "bernardo silva" and "david silva") it stays its own family.

Two keys of as many tokens that share one token and whose other tokens are near-identical spellings
("khvicha kvaratskhelia" / "kvicha kvaratskhelia", by rapidfuzz), or where one is the short form of a name that
it begins ("dani" / "daniel", four letters at least), are one person: the spelling variants form a
group whose smallest key stands for all of them, and supersets are compared by their group.

The family is a pure function of the set of keys seen, so any arrival order gives the same families; adding a key
can only change the families of itself, of its spelling variants and of the keys inside them, which is what gets
recomputed. Supersets and variants are found through a token on at most ``COMMON_TOKEN`` keys, which bounds the
cost on a large store.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations

from rapidfuzz import process
from rapidfuzz.distance import Indel
from sqlite_utils import Database

# Spellings of one token closer than this (normalised Indel similarity, as rapidfuzz's ratio) are one name.
VARIANT_SIMILARITY = 0.85
MIN_VARIANT_LENGTH = 4  # shorter tokens must match exactly
MAX_VARIANT_GROUP = 12  # a spelling group never grows beyond this (bounded work, no chains across the store)


def tokens(player_key: str) -> frozenset[str]:
    return frozenset(player_key.split())


def token_set(player_key: str) -> str:
    """The canonical form of a key's tokens: "ibanez ibanez" and "ibanez" are the same name."""
    return " ".join(sorted(tokens(player_key)))


def family_of(key: str, supersets: Iterable[str], group_of: dict[str, str] | None = None) -> str:
    """The family of ``key`` given every other known key that contains all of its tokens; ``group_of`` maps a
    key to the key that stands for its spelling variants (itself when it has none)."""
    group_of = group_of or {}
    own = tokens(key)
    bigger = sorted({s for s in supersets if tokens(s) > own}, key=lambda s: (-len(tokens(s)), s))
    if not bigger:
        return group_of.get(key, key)
    groups = {group_of.get(s, s) for s in bigger}
    if len(groups) == 1:
        return groups.pop()  # the one full name it fits, however that name is spelt
    largest = tokens(bigger[0])
    if all(tokens(s) <= largest for s in bigger[1:]):
        return group_of.get(bigger[0], bigger[0])
    return group_of.get(key, key)


def spelling_variants(a: str, b: str) -> bool:
    """Two keys of one person spelt two ways: as many tokens, one shared exactly, the others pairwise close, or
    one the short form of the other that it begins ("dani olmo" / "daniel olmo", "nico" / "nicolas")."""
    ta, tb = a.split(), b.split()
    if a == b or len(ta) != len(tb) or not set(ta) & set(tb):
        return False
    rest_a = sorted(t for t in ta if t not in tb)
    rest_b = sorted(t for t in tb if t not in ta)
    if len(rest_a) != len(rest_b) or not rest_a:
        return False
    used: set[int] = set()
    for x in rest_a:
        best = max(
            (j for j in range(len(rest_b)) if j not in used),
            key=lambda j: Indel.normalized_similarity(x, rest_b[j]),
            default=None,
        )
        if best is None:
            return False
        y = rest_b[best]
        if min(len(x), len(y)) < MIN_VARIANT_LENGTH:
            return False
        if Indel.normalized_similarity(x, y) < VARIANT_SIMILARITY and not (x.startswith(y) or y.startswith(x)):
            return False
        used.add(best)
    return True


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


def _posting(db: Database, token: str) -> list[str] | None:
    rows = [
        r[0]
        for r in db.execute(
            "SELECT player_key FROM player_key_tokens WHERE token = ? LIMIT ?", [token, COMMON_TOKEN + 1]
        )
    ]
    return rows if len(rows) <= COMMON_TOKEN else None


Shortlist = tuple[list[str], list[str]]  # keys of a token's posting with n tokens, and their other tokens joined


def _shortlist(db: Database, token: str, n: int) -> Shortlist | None:
    posting = _posting(db, token)
    if not posting:
        return None
    others = [k for k in posting if k.count(" ") == n - 1]
    if n == 2:  # most names: the rest is the other token
        rests = [b if a == token else a for a, _, b in (k.partition(" ") for k in others)]
    else:
        rests = [" ".join(sorted(t for t in k.split() if t != token)) for k in others]
    return others, rests


Shortlists = dict[str, dict[int, Shortlist | None]]  # token -> key length -> its shortlist


def _variants(db: Database, key: str, shortlists: Shortlists | None = None) -> set[str]:
    """Known spelling variants of ``key``, found through its uncommon tokens. Keys of as many tokens are
    shortlisted in one rapidfuzz pass over the tokens they do not share (a variant's other tokens are all close),
    then confirmed one by one. ``shortlists`` caches a token's candidates while nothing is inserted."""
    own = key.split()
    found: set[str] = set()
    for token in set(own):
        by_length = shortlists.setdefault(token, {}) if shortlists is not None else {}
        if len(own) not in by_length:
            by_length[len(own)] = _shortlist(db, token, len(own))
        listed = by_length[len(own)]
        if not listed or not listed[0]:
            continue
        others, rests = listed
        mine = " ".join(sorted(t for t in own if t != token))
        close = process.extract(
            mine, rests, scorer=Indel.normalized_similarity, score_cutoff=SHORTLIST_SIMILARITY, limit=None
        )
        found.update(k for _, _, i in close if (k := others[i]) != key and spelling_variants(key, k))
    return found


# The tokens two variants do not share, joined, are at least this close (each pair is closer than
# VARIANT_SIMILARITY, and joining only dilutes a difference): a shortlist, never the decision.
SHORTLIST_SIMILARITY = 0.6


def spelling_group(db: Database, key: str, shortlists: Shortlists | None = None) -> set[str]:
    """``key`` and every key linked to it by spelling variants (bounded)."""
    group = {key}
    frontier = [key]
    while frontier and len(group) < MAX_VARIANT_GROUP:
        for other in sorted(_variants(db, frontier.pop(), shortlists)):
            if other not in group:
                group.add(other)
                frontier.append(other)
    return group


def _supersets(db: Database, key: str) -> set[str]:
    """Keys containing every token of ``key``, found through the posting list of one of its uncommon tokens;
    when every token is common the search is skipped (bounded cost, and such a key is no surname)."""
    own = tokens(key)
    for token in sorted(own, key=lambda t: (-len(t), t)):
        posting = _posting(db, token)
        if posting is not None:
            return {c for c in posting if tokens(c) > own}
    return set()


def _largest(keys: set[str]) -> list[str]:
    """The key ``family_of`` falls back on among many supersets: most tokens, then first in order."""
    return [min(keys, key=lambda s: (-len(tokens(s)), s))] if keys else []


def register(db: Database, keys: Iterable[str]) -> set[str]:
    """Record new player keys; recompute the families they can change. Returns the families whose membership
    changed (a key's old family and its new one), which must be regrouped whole."""
    touched: set[str] = set()
    # Spelling groups of known keys, kept across this batch: a new key can only change the group it joins, and
    # those entries are dropped when it arrives.
    known: dict[str, set[str]] = {}
    shortlists: Shortlists = {}  # likewise, per token: dropped when a key with that token arrives

    def group_of(k: str) -> set[str]:
        if k not in known:
            known[k] = spelling_group(db, k, shortlists)
        return known[k]

    for key in sorted(set(keys)):
        if db.execute("SELECT 1 FROM player_keys WHERE player_key = ?", [key]).fetchone():
            continue
        db.execute(
            "INSERT INTO player_keys (player_key, token_set, family) VALUES (?, ?, ?)", [key, token_set(key), key]
        )
        db.conn.executemany(
            "INSERT OR IGNORE INTO player_key_tokens (token, player_key) VALUES (?, ?)", [(t, key) for t in tokens(key)]
        )
        for token in tokens(key):
            shortlists.pop(token, None)
        group = spelling_group(db, key, shortlists)
        for member in group:
            known.pop(member, None)
        known[key] = group
        affected = set(group)
        for member in group:
            affected |= _subsets_present(db, member)
        groups: dict[str, str] = {}
        for member in sorted(affected, key=lambda k: (-len(tokens(k)), k)):
            old = db.execute("SELECT family FROM player_keys WHERE player_key = ?", [member]).fetchone()[0]
            supersets = _supersets(db, member)
            # more supersets than a spelling group holds are never one group: only the largest one's matters
            spelled = supersets if len(supersets) <= MAX_VARIANT_GROUP else _largest(supersets)
            for k in (member, *spelled):
                if k not in groups:
                    mine = group_of(k) if k not in group else group
                    for g in mine:
                        groups.setdefault(g, min(mine))
            # The largest key of a chain has no superset, so it is its own family: no chains of families.
            new = family_of(member, supersets, groups)
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
