"""The vectorised MinHash signature, its permutations and its bands are exactly datasketch's."""

from __future__ import annotations

import hashlib
import subprocess
import sys

import numpy as np
from datasketch import MinHash
from datasketch.lsh import _optimal_param
from hypothesis import given, settings
from hypothesis import strategies as st

from aggregator import dedup
from bench.synthetic import articles


def reference(text: str) -> bytes | None:
    """The signature as datasketch computes it, one shingle at a time."""
    grams = dedup.shingles(text)
    if not grams:
        return None
    minhash = MinHash(num_perm=dedup.NUM_PERM)  # datasketch's own defaults: scheme, seed, permutations
    minhash.update_batch(grams)
    return minhash.hashvalues.astype("<u4").tobytes()


def reference_bands(blob: bytes) -> list[str]:
    values = np.frombuffer(blob, dtype="<u4")
    out = []
    for band in range(dedup.BANDS):
        chunk = values[band * dedup.ROWS : (band + 1) * dedup.ROWS].tobytes()
        digest = int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "big")
        out.append((band << dedup.BAND_DIGEST_BITS) | (digest >> (64 - dedup.BAND_DIGEST_BITS)))
    return out


def check(text: str) -> None:
    expected = reference(text)
    sig = dedup.signature(text)
    if expected is None:
        assert sig is None
        return
    assert sig is not None
    assert sig.to_bytes() == expected
    assert sig.bands() == reference_bands(expected)
    assert dedup.Signature.from_bytes(expected).bands() == sig.bands()


def test_permutations_and_band_layout_are_datasketchs() -> None:
    template = MinHash(num_perm=dedup.NUM_PERM)
    assert template.scheme == "affine32"
    a, b = template.permutations
    assert dedup._PERM_A.tobytes() == a.astype(np.uint32).tobytes()
    assert dedup._PERM_B.tobytes() == b.astype(np.uint32).tobytes()
    assert _optimal_param(dedup.THRESHOLD, dedup.NUM_PERM, 0.5, 0.5) == (dedup.BANDS, dedup.ROWS)


def test_analysis_does_not_import_datasketch() -> None:
    """Worker processes import the analysis; datasketch (and scipy) would cost each half a second."""
    code = "import sys, aggregator.analysis; sys.exit('datasketch' in sys.modules or 'scipy' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_synthetic_reports_match_datasketch() -> None:
    texts = [a.text for a in articles(300, seed=13, prefix="d")]
    assert sum(dedup.signature(t) is not None for t in texts) > 100
    for text in texts:
        check(text)


def test_repeated_shingles_and_the_length_threshold() -> None:
    check("word " * (dedup.MIN_WORDS - 1))
    check("word " * dedup.MIN_WORDS)
    check("Ein Wechsel für 30 Millionen Euro ist perfekt, sagt der Berater von Ødegaard. " * 5)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=8), min_size=20, max_size=80))
def test_any_words_match_datasketch(words: list[str]) -> None:
    check(" ".join(words))
