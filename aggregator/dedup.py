"""Near-duplicate reports (syndicated wires, partner feeds, mirrors): MinHash signatures and LSH bands.

Signatures are datasketch ``MinHash`` signatures (its default affine32 scheme: SHA-1 of each word 4-shingle, the
MurmurHash3 finalizer, then ``NUM_PERM`` affine permutations), computed here in one vectorised pass per text with
the permutations of one template ``MinHash``; ``tests/test_dedup.py`` holds them equal to ``MinHash.update_batch``.
The LSH band layout comes from datasketch's optimiser for the chosen threshold. Bands are kept in SQLite
(``report_bands``) so a new report finds its candidate copies with an indexed lookup instead of loading the whole
store; candidates are confirmed by the estimated Jaccard similarity of their signatures. Every member of a copy
cluster points at its earliest copy.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from hashlib import sha1

import numpy as np
from datasketch import MinHash
from datasketch.lsh import _optimal_param
from datasketch.minhash import _fmix

NUM_PERM = 64
THRESHOLD = 0.6  # estimated Jaccard of word 4-shingles above which two reports are copies
SHINGLE = 4
MIN_WORDS = 25  # shorter texts (a one-line gossip item) are too small to call copies

BANDS, ROWS = _optimal_param(THRESHOLD, NUM_PERM, 0.5, 0.5)
_WORD = re.compile(r"\w+")
# One template's permutations serve every signature (building them is most of a MinHash's set-up cost).
_TEMPLATE = MinHash(num_perm=NUM_PERM)
assert _TEMPLATE.scheme == "affine32", "signature() below computes datasketch's affine32 scheme"
_PERM_A, _PERM_B = (np.ascontiguousarray(p, dtype=np.uint32).reshape(1, NUM_PERM) for p in _TEMPLATE.permutations)


@dataclass(frozen=True, slots=True)
class Signature:
    values: np.ndarray  # NUM_PERM uint32 hash values

    def to_bytes(self) -> bytes:
        return self.values.astype("<u4").tobytes()

    @classmethod
    def from_bytes(cls, blob: bytes) -> Signature:
        return cls(np.frombuffer(blob, dtype="<u4"))

    def jaccard(self, other: Signature) -> float:
        return float(np.count_nonzero(self.values == other.values)) / NUM_PERM

    def bands(self) -> list[str]:
        """One short digest per LSH band; two reports sharing any band are candidate copies."""
        raw = self.to_bytes()
        step = ROWS * 4  # bytes of one band's ROWS uint32 values
        return [
            f"{band}:{hashlib.blake2b(raw[band * step : (band + 1) * step], digest_size=8).hexdigest()}"
            for band in range(BANDS)
        ]


def shingles(text: str) -> list[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < MIN_WORDS:
        return []
    return [" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)]


def signature(text: str) -> Signature | None:
    """The MinHash signature of a report's text, or None when the text is too short to compare.

    The values of ``MinHash.update_batch(shingles(text))`` with the template's permutations, without its per-shingle
    Python calls: the first four bytes of each shingle's SHA-1, little-endian (datasketch's ``sha1_hash32``), mixed
    and permuted as whole arrays (uint32 arithmetic wraps, which is the scheme's modulo 2**32)."""
    words = _WORD.findall(text.lower())
    if len(words) < MIN_WORDS:
        return None
    digests = b"".join(
        [sha1(" ".join(words[i : i + SHINGLE]).encode()).digest()[:4] for i in range(len(words) - SHINGLE + 1)]
    )
    hashed = _fmix(np.frombuffer(digests, dtype="<u4").astype(np.uint32).reshape(-1, 1), 32)
    return Signature((hashed * _PERM_A + _PERM_B).min(axis=0))


def clusters(pairs: Iterable[tuple[int, int]], nodes: Sequence[int]) -> list[set[int]]:
    """Connected components of the copy graph (union-find), each a set of report ids."""
    parent = {n: n for n in nodes}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, set[int]] = {}
    for n in parent:
        groups.setdefault(find(n), set()).add(n)
    return list(groups.values())
