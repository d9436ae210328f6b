"""MinHash signatures and LSH banding, vectorized over whole batches of documents with NumPy.

Each of `num_perm` hash functions is h_k(x) = a_k * x + b_k (mod 2^32) applied to 32-bit shingle
hashes that are already uniformly mixed (see text.mix64); on such inputs this family estimates Jaccard
similarity with the variance of ideal min-wise hashing (checked in tests), and it runs as plain 32-bit
SIMD arithmetic, several times faster than the 64-bit modular arithmetic of datasketch.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from synthloom.guards.text import WordHasher, concatenated_word_hashes, ngram_hashes

EMPTY = np.uint32(0xFFFFFFFF)  # the signature value of a document with no shingles
_PERM_CHUNK = 16  # hash functions evaluated at once: keeps the (chunk x shingles) block in cache-sized pieces


@dataclass(frozen=True)
class MinHashSpec:
    num_perm: int = 128
    shingle_size: int = 5  # words per shingle
    seed: int = 1

    def permutations(self) -> tuple[np.ndarray, np.ndarray]:
        rng = np.random.Generator(np.random.PCG64(self.seed))
        a = rng.integers(0, 2**32, size=self.num_perm, dtype=np.uint64).astype(np.uint32) | np.uint32(1)
        b = rng.integers(0, 2**32, size=self.num_perm, dtype=np.uint64).astype(np.uint32)
        return a, b


def signatures(texts: list[str], spec: MinHashSpec, hasher: WordHasher | None = None) -> np.ndarray:
    """A (len(texts), num_perm) uint32 array; a text with no words gets the all-EMPTY signature."""
    hasher = hasher or WordHasher()
    words, starts, lengths = concatenated_word_hashes(texts, hasher)
    shingles, owner = ngram_hashes(words, starts, lengths, spec.shingle_size)
    shingles32 = (shingles >> np.uint64(32)).astype(np.uint32)
    out = np.full((len(texts), spec.num_perm), EMPTY, dtype=np.uint32)
    if not len(shingles32):
        return out
    has = np.flatnonzero(np.bincount(owner, minlength=len(texts)))
    segment_starts = np.searchsorted(owner, has)
    a, b = spec.permutations()
    for k in range(0, spec.num_perm, _PERM_CHUNK):
        hashed = a[k:k + _PERM_CHUNK, None] * shingles32[None, :] + b[k:k + _PERM_CHUNK, None]
        out[has, k:k + _PERM_CHUNK] = np.minimum.reduceat(hashed, segment_starts, axis=1).T
    return out


def optimal_bands(threshold: float, num_perm: int, fp_weight: float = 0.5, fn_weight: float = 0.5) -> tuple[int, int]:
    """(bands, rows) with bands * rows <= num_perm minimizing the weighted area of false positives
    (pairs below the threshold that collide) and false negatives (pairs above it that do not)."""
    grid = np.linspace(0.0, 1.0, 1001)
    best, best_cost = (1, num_perm), float("inf")
    for bands in range(1, num_perm + 1):
        for rows in range(1, num_perm // bands + 1):
            collide = 1 - (1 - grid ** rows) ** bands
            fp = np.trapezoid(np.where(grid < threshold, collide, 0), grid)
            fn = np.trapezoid(np.where(grid >= threshold, 1 - collide, 0), grid)
            cost = float(fp_weight * fp + fn_weight * fn)
            if cost < best_cost:
                best, best_cost = (bands, rows), cost
    return best


def band_keys(sigs: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """A (n, bands) uint64 array: one key per band, equal when the band's rows are all equal."""
    with np.errstate(over="ignore"):
        rng = np.random.Generator(np.random.PCG64(0xB4ED))
        weights = rng.integers(1, 2**63, size=rows, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
        keys = np.empty((len(sigs), bands), dtype=np.uint64)
        for band in range(bands):
            block = sigs[:, band * rows:(band + 1) * rows].astype(np.uint64)
            keys[:, band] = (block * weights).sum(axis=1) ^ np.uint64(band)
        return keys
