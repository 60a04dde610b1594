"""Near-duplicate reports (syndicated wires, partner feeds, mirrors): MinHash signatures and LSH bands.

Signatures are the values of datasketch's ``MinHash(num_perm=NUM_PERM)`` (its default affine32 scheme, seed 1) over
a text's word 4-shingles: the first four bytes of each shingle's SHA-1, the MurmurHash3 finalizer, then
``NUM_PERM`` affine permutations. They are computed here in one vectorised pass per text, and without importing
datasketch (which pulls in scipy, half a second at every worker's start); ``tests/test_dedup.py`` holds the
values, the permutations and the band layout equal to datasketch's. The LSH band layout is datasketch's optimum
for the chosen threshold. Bands are kept in SQLite (``report_bands``) so a new report finds its candidate copies
with an indexed lookup instead of loading the whole store; candidates are confirmed by the estimated Jaccard
similarity of their signatures. Every member of a copy cluster points at its earliest copy.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from hashlib import sha1

import numpy as np

from .concepts import MAX_TEXT_CHARS

NUM_PERM = 64
THRESHOLD = 0.6  # estimated Jaccard of word 4-shingles above which two reports are copies
SHINGLE = 4
MIN_WORDS = 25  # shorter texts (a one-line gossip item) are too small to call copies

# datasketch.lsh._optimal_param(THRESHOLD, NUM_PERM, 0.5, 0.5): 10 bands of 6 rows.
BANDS, ROWS = 10, 6
BAND_DIGEST_BITS = 59  # of each band's digest kept in its key; the band's number (< 16) takes the 4 bits above
_WORD = re.compile(r"\w+")


def _affine32_permutations(seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """``MinHash(num_perm=NUM_PERM, seed=seed).permutations`` of datasketch's affine32 scheme, as (1, NUM_PERM)
    rows: odd multipliers ``a`` and offsets ``b`` drawn from ``RandomState(seed)``."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a.reshape(1, NUM_PERM), b.reshape(1, NUM_PERM)


_PERM_A, _PERM_B = _affine32_permutations()


def _fmix32(h: np.ndarray) -> np.ndarray:
    """The MurmurHash3 32-bit finalizer on a uint32 array (multiplication wraps modulo 2**32)."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


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

    def bands(self) -> list[int]:
        """One key per LSH band; two reports sharing any band are candidate copies (see ``band_key``)."""
        raw = self.to_bytes()
        step = ROWS * 4  # bytes of one band's ROWS uint32 values
        return [
            band_key(band, hashlib.blake2b(raw[band * step : (band + 1) * step], digest_size=8).digest())
            for band in range(BANDS)
        ]


def band_key(band: int, digest: bytes) -> int:
    """A band's key as one 8-byte SQLite integer: the band's number in the top bits, then the first
    ``BAND_DIGEST_BITS`` bits of its 8-byte BLAKE2b digest. Integer keys take half the room of the hex text they
    replace (``m010_integer_bands``), so the band index a batch of new reports dirties is half as many pages."""
    return (band << BAND_DIGEST_BITS) | (int.from_bytes(digest, "big") >> (64 - BAND_DIGEST_BITS))


def _words(text: str) -> list[str]:
    """The words compared: those of the first ``MAX_TEXT_CHARS`` characters, the part extraction reads too."""
    return _WORD.findall(text[:MAX_TEXT_CHARS].lower())


def shingles(text: str) -> list[bytes]:
    words = _words(text)
    if len(words) < MIN_WORDS:
        return []
    return [" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)]


def signature(text: str) -> Signature | None:
    """The MinHash signature of a report's text, or None when the text is too short to compare.

    The values of datasketch's ``MinHash(num_perm=NUM_PERM).update_batch(shingles(text))`` without its per-shingle
    Python calls: the first four bytes of each shingle's SHA-1, little-endian (datasketch's ``sha1_hash32``), mixed
    and permuted as whole arrays (uint32 arithmetic wraps, which is the scheme's modulo 2**32)."""
    words = _words(text)
    if len(words) < MIN_WORDS:
        return None
    digests = b"".join(
        [sha1(" ".join(words[i : i + SHINGLE]).encode()).digest()[:4] for i in range(len(words) - SHINGLE + 1)]
    )
    hashed = _fmix32(np.frombuffer(digests, dtype="<u4").astype(np.uint32).reshape(-1, 1))
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
