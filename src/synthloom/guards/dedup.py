"""Exact and near-duplicate detection over a list of texts; the first of each cluster is kept.

Exact: the hash of the normalized text (see text.py), so case, punctuation and spacing differences
count as the same text. Near: MinHash signatures, LSH banding to find candidate pairs, each candidate
pair verified by its estimated Jaccard similarity, then connected components: every record of a
component is a duplicate of the component's first record. All stages are whole-array NumPy passes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from synthloom.guards.minhash import EMPTY, MinHashSpec, band_keys, optimal_bands, signatures
from synthloom.guards.settings import DedupSettings
from synthloom.guards.text import WordHasher, normalized_text

BATCH = 20_000  # texts per signature batch: bounds the temporary arrays, not the result


@dataclass
class Duplicate:
    index: int
    duplicate_of: int  # index of the kept record it duplicates (the first of its cluster)
    method: str  # "exact" or "near"
    similarity: float  # 1.0 for exact; the estimated Jaccard with duplicate_of for near


def exact_duplicates(texts: list[str]) -> dict[int, int]:
    """index -> index of the first text with the same normalized form."""
    first: dict[bytes, int] = {}
    found = {}
    for i, text in enumerate(texts):
        key = hashlib.blake2b(normalized_text(text).encode(), digest_size=16).digest()
        j = first.setdefault(key, i)
        if j != i:
            found[i] = j
    return found


_worker_hasher: WordHasher | None = None


def _batch_signatures(texts: list[str], spec: MinHashSpec) -> np.ndarray:
    global _worker_hasher  # one memo per worker process, kept across its batches
    _worker_hasher = _worker_hasher or WordHasher()
    return signatures(texts, spec, _worker_hasher)


# Maps batch_signatures over batches elsewhere (the Ray executor's tasks): (batches, spec) -> blocks in order
Mapper = Callable[[list[list[str]], MinHashSpec], Iterable[np.ndarray]]


def batch_signatures(texts: list[str], spec: MinHashSpec) -> np.ndarray:
    return _batch_signatures(texts, spec)


def batched_signatures(texts: list[str], spec: MinHashSpec, workers: int = 1, mapper: Mapper | None = None
                       ) -> np.ndarray:
    """Signatures of every text, batch by batch: through `mapper` when given, else in `workers` local
    processes (in this one when there is a single batch)."""
    batches = [texts[start:start + BATCH] for start in range(0, len(texts), BATCH)]
    if mapper is None:
        from synthloom.executors.cpu import LocalCpu

        pool = LocalCpu(workers)
        mapper = lambda batches, spec: pool.map(_batch_signatures, batches, spec)  # noqa: E731
    out = np.empty((len(texts), spec.num_perm), dtype=np.uint32)
    for start, block in zip(range(0, len(texts), BATCH), mapper(batches, spec), strict=True):
        out[start:start + len(block)] = block
    return out


def candidate_pairs(sigs: np.ndarray, bands: int, rows: int) -> tuple[np.ndarray, np.ndarray]:
    """(later, earlier) index pairs sharing at least one LSH band: each record is paired with the first
    record of every bucket it falls in."""
    n = len(sigs)
    keys = band_keys(sigs, bands, rows)
    later, earlier = [], []
    index = np.arange(n)
    for band in range(bands):
        order = np.argsort(keys[:, band], kind="stable")  # stable: ties stay in index order
        sorted_keys = keys[order, band]
        group_start = np.r_[True, sorted_keys[1:] != sorted_keys[:-1]]
        leader = order[np.flatnonzero(group_start)[np.cumsum(group_start) - 1]]
        mask = leader != order
        later.append(index[order[mask]])
        earlier.append(leader[mask])
    pairs = np.unique(np.stack([np.concatenate(later), np.concatenate(earlier)], axis=1), axis=0)
    return pairs[:, 0], pairs[:, 1]


def estimated_jaccard(sigs: np.ndarray, a: np.ndarray, b: np.ndarray, chunk: int = 200_000) -> np.ndarray:
    out = np.empty(len(a), dtype=np.float32)
    for s in range(0, len(a), chunk):
        out[s:s + chunk] = (sigs[a[s:s + chunk]] == sigs[b[s:s + chunk]]).mean(axis=1)
    return out


def components(n: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """For each node, the smallest index in its connected component (min-label propagation with
    pointer jumping: a handful of whole-array passes)."""
    labels = np.arange(n)
    if not len(a):
        return labels
    while True:
        new = labels.copy()
        np.minimum.at(new, a, labels[b])
        np.minimum.at(new, b, labels[a])
        new = new[new]
        if np.array_equal(new, labels):
            return labels
        labels = new


def near_duplicates(texts: list[str], settings: DedupSettings, skip: set[int] | None = None,
                    mapper: Mapper | None = None) -> dict[int, tuple[int, float]]:
    """index -> (index of the first record of its cluster, estimated Jaccard with it). `skip` (e.g.
    exact duplicates already found) takes no part."""
    spec = MinHashSpec(settings.num_perm, settings.shingle_size, settings.seed)
    sigs = batched_signatures(texts, spec, settings.workers, mapper)
    if settings.bands:
        bands, rows = settings.bands, settings.num_perm // settings.bands
    else:
        bands, rows = optimal_bands(settings.threshold, settings.num_perm)
    later, earlier = candidate_pairs(sigs, bands, rows)
    usable = (sigs[later, 0] != EMPTY) & (sigs[earlier, 0] != EMPTY)  # texts with no words match nothing
    if skip:
        skipped = np.fromiter(skip, dtype=np.int64)
        usable &= ~np.isin(later, skipped) & ~np.isin(earlier, skipped)
    later, earlier = later[usable], earlier[usable]
    verified = estimated_jaccard(sigs, later, earlier) >= settings.threshold
    labels = components(len(texts), later[verified], earlier[verified])
    dupes = np.flatnonzero(labels != np.arange(len(texts)))
    similarity = estimated_jaccard(sigs, dupes, labels[dupes])
    return {int(i): (int(labels[i]), float(s)) for i, s in zip(dupes, similarity, strict=True)}


def find_duplicates(texts: list[str], settings: DedupSettings, mapper: Mapper | None = None) -> list[Duplicate]:
    """Every record that is not the first of its cluster, in index order."""
    found: dict[int, Duplicate] = {}
    if len(texts) < 2:  # nothing to compare (and the LSH arrays would be empty)
        return []
    if settings.exact:
        found = {i: Duplicate(i, j, "exact", 1.0) for i, j in exact_duplicates(texts).items()}
    if settings.near:
        for i, (j, similarity) in near_duplicates(texts, settings, set(found), mapper).items():
            found[i] = Duplicate(i, j, "near", similarity)
    return [found[i] for i in sorted(found)]

