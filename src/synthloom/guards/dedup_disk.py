"""Dedup out of core: the same duplicates as `dedup.find_duplicates`, with memory bounded by a shard
size instead of the record count. Modelled on datatrove's multi-stage MinHash (signatures, buckets,
clusters, filter), each stage a pass over files in a work folder:

1. signatures: the texts are read once, a batch at a time; each batch's MinHash rows go to
   signatures.bin, and every (band, band key, index) and (exact key, index) row to one of P partition
   files chosen by the key, so a partition holds whole buckets;
2. buckets: each partition is sorted on its own; every index of a bucket is paired with the bucket's
   smallest index (what the in-memory version does with a stable sort) -> pairs.bin;
3. verify: pairs are read in chunks and kept when their signatures (read back from signatures.bin by
   row) estimate a Jaccard similarity at the threshold -> verified.bin;
4. clusters: min-label propagation with pointer jumping, each pass a read of verified.bin.

What stays in memory per record is a few flat arrays (cluster labels and their next pass, the exact
duplicate's index, the similarity, two flags: about 34 bytes a record, 340 MB at ten million), plus one
shard at a time; never the texts or their signatures.
"""

from __future__ import annotations

import hashlib
import mmap
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from tempfile import TemporaryDirectory

import numpy as np

from synthloom.guards.dedup import Duplicate, batch_signatures
from synthloom.guards.minhash import EMPTY, MinHashSpec, band_keys, optimal_bands
from synthloom.guards.settings import DedupSettings
from synthloom.guards.text import normalized_text

BATCH = 20_000  # texts per signature batch
SHARD_ROWS = 2_000_000  # partition rows sorted at once (36 MB a copy), and pairs verified at once
BUCKET_ROW = np.dtype([("band", "<u2"), ("key", "<u8"), ("index", "<i8")])
EXACT_ROW = np.dtype([("high", "<u8"), ("low", "<u8"), ("index", "<i8")])
PAIR = np.dtype([("later", "<i8"), ("earlier", "<i8")])


def find_duplicates_on_disk(texts: Iterable[str], settings: DedupSettings, work: str | Path | None = None,
                            expected: int | None = None) -> Iterator[Duplicate]:
    """Every record that is not the first of its cluster, in index order. `texts` is read once.
    `work`: a folder for the shards (default: a temporary one, removed at the end); `expected`: about
    how many texts come, to size the partitions (more partitions are used when it is not given)."""
    with TemporaryDirectory(prefix="synthloom-dedup-", dir=work) as folder:
        yield from _OnDisk(Path(folder), settings, expected).run(texts)


class _OnDisk:
    def __init__(self, folder: Path, settings: DedupSettings, expected: int | None) -> None:
        self.folder, self.settings = folder, settings
        self.spec = MinHashSpec(settings.num_perm, settings.shingle_size, settings.seed)
        if settings.bands:
            self.bands, self.rows = settings.bands, settings.num_perm // settings.bands
        else:
            self.bands, self.rows = optimal_bands(settings.threshold, settings.num_perm)
        rows_expected = (expected or 50 * SHARD_ROWS // max(self.bands, 1)) * max(self.bands, 1)
        self.partitions = max(1, -(-rows_expected // SHARD_ROWS))
        self.n = 0

    def run(self, texts: Iterable[str]) -> Iterator[Duplicate]:
        self._signatures(texts)
        if self.n < 2:
            return
        exact_of = self._exact() if self.settings.exact else np.full(self.n, -1, dtype=np.int64)
        labels = similarity = None
        if self.settings.near:
            labels, similarity = self._near(exact_of >= 0)
        dupes = np.flatnonzero(exact_of >= 0) if labels is None else np.flatnonzero(
            (exact_of >= 0) | (labels != np.arange(self.n)))
        for i in dupes:
            if exact_of[i] >= 0:
                yield Duplicate(int(i), int(exact_of[i]), "exact", 1.0)
            else:
                assert labels is not None and similarity is not None
                yield Duplicate(int(i), int(labels[i]), "near", float(similarity[int(i)]))

    # -- 1. signatures --------------------------------------------------------------------------------

    def _signatures(self, texts: Iterable[str]) -> None:
        buckets = [open(self.folder / f"buckets-{p}.bin", "wb") for p in range(self.partitions)]
        exact = [open(self.folder / f"exact-{p}.bin", "wb") for p in range(self.partitions)]
        empty = open(self.folder / "empty.bin", "wb")
        try:
            with open(self.folder / "signatures.bin", "wb") as sigs:
                batch: list[str] = []
                for text in texts:
                    batch.append(text)
                    if len(batch) == BATCH:
                        self._write_batch(batch, sigs, buckets, exact, empty)
                        batch = []
                if batch:
                    self._write_batch(batch, sigs, buckets, exact, empty)
        finally:
            for file in [*buckets, *exact, empty]:
                file.close()

    def _write_batch(self, batch: list[str], sigs, buckets, exact, empty) -> None:
        start = self.n
        index = np.arange(start, start + len(batch), dtype=np.int64)
        self.n += len(batch)
        if self.settings.exact:
            digests = b"".join(hashlib.blake2b(normalized_text(t).encode(), digest_size=16).digest() for t in batch)
            words = np.frombuffer(digests, dtype=">u8").reshape(-1, 2)
            rows = np.empty(len(batch), dtype=EXACT_ROW)
            rows["high"], rows["low"], rows["index"] = words[:, 0], words[:, 1], index
            _scatter(rows, rows["low"] % np.uint64(self.partitions), exact)
        if not self.settings.near:
            return
        block = batch_signatures(batch, self.spec)
        sigs.write(block.tobytes())
        empty.write((block[:, 0] == EMPTY).tobytes())
        keys = band_keys(block, self.bands, self.rows)
        rows = np.empty((len(batch), self.bands), dtype=BUCKET_ROW)
        rows["band"] = np.arange(self.bands, dtype=np.uint16)[None, :]
        rows["key"] = keys
        rows["index"] = index[:, None]
        rows = rows.reshape(-1)
        _scatter(rows, rows["key"] % np.uint64(self.partitions), buckets)

    # -- exact duplicates -----------------------------------------------------------------------------

    def _exact(self) -> np.ndarray:
        """index -> index of the first text with the same normalised form, or -1."""
        exact_of = np.full(self.n, -1, dtype=np.int64)
        for p in range(self.partitions):
            rows = np.fromfile(self.folder / f"exact-{p}.bin", dtype=EXACT_ROW)
            if not len(rows):
                continue
            rows = rows[np.lexsort((rows["index"], rows["low"], rows["high"]))]
            first = _group_firsts(np.r_[True, (rows["high"][1:] != rows["high"][:-1])
                                        | (rows["low"][1:] != rows["low"][:-1])], rows["index"])
            later = rows["index"] != first
            exact_of[rows["index"][later]] = first[later]
        return exact_of

    # -- 2-4. near duplicates -------------------------------------------------------------------------

    def _near(self, skip: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        empty = np.fromfile(self.folder / "empty.bin", dtype=bool)
        unusable = empty | skip  # texts with no words match nothing; exact duplicates are settled
        self._pairs()
        self._verify(unusable)
        labels = self._components()
        dupes = np.flatnonzero(labels != np.arange(self.n))
        similarity = np.zeros(self.n, dtype=np.float32)
        for start in range(0, len(dupes), SHARD_ROWS):
            chunk = dupes[start:start + SHARD_ROWS]
            similarity[chunk] = self._jaccard(chunk, labels[chunk])
        return labels, similarity

    def _pairs(self) -> None:
        with open(self.folder / "pairs.bin", "wb") as out:
            for p in range(self.partitions):
                path = self.folder / f"buckets-{p}.bin"
                rows = np.fromfile(path, dtype=BUCKET_ROW)
                path.unlink()
                if not len(rows):
                    continue
                rows = rows[np.lexsort((rows["index"], rows["key"], rows["band"]))]
                starts = np.r_[True, (rows["band"][1:] != rows["band"][:-1]) | (rows["key"][1:] != rows["key"][:-1])]
                leader = _group_firsts(starts, rows["index"])
                mask = leader != rows["index"]
                pairs = np.empty(int(mask.sum()), dtype=PAIR)
                pairs["later"], pairs["earlier"] = rows["index"][mask], leader[mask]
                out.write(np.unique(pairs).tobytes())  # a pair found in several bands is checked once per shard

    def _verify(self, unusable: np.ndarray) -> None:
        with open(self.folder / "verified.bin", "wb") as out:
            for pairs in _chunks(self.folder / "pairs.bin", PAIR):
                a, b = pairs["later"], pairs["earlier"]
                keep = ~unusable[a] & ~unusable[b]
                a, b = a[keep], b[keep]
                close = self._jaccard(a, b) >= self.settings.threshold
                out.write(pairs[keep][close].tobytes())
        (self.folder / "pairs.bin").unlink()

    def _components(self) -> np.ndarray:
        """For each node, the smallest index in its component: dedup.components, a chunk at a time."""
        labels = np.arange(self.n)
        path = self.folder / "verified.bin"
        if not path.stat().st_size:
            return labels
        while True:
            new = labels.copy()
            for pairs in _chunks(path, PAIR):
                a, b = pairs["later"], pairs["earlier"]
                np.minimum.at(new, a, labels[b])
                np.minimum.at(new, b, labels[a])
            new = new[new]
            if np.array_equal(new, labels):
                return labels
            labels = new

    def _jaccard(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Estimated Jaccard of rows a[i] and b[i] of signatures.bin. The file is mapped for this call
        only, so the pages read are not kept in this process's memory."""
        if not len(a):
            return np.zeros(0, dtype=np.float32)
        with open(self.folder / "signatures.bin", "rb") as file, \
                mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
            sigs = np.frombuffer(mapped, dtype=np.uint32).reshape(self.n, self.spec.num_perm)
            out = np.empty(len(a), dtype=np.float32)
            for s in range(0, len(a), 200_000):
                out[s:s + 200_000] = (sigs[a[s:s + 200_000]] == sigs[b[s:s + 200_000]]).mean(axis=1)
            del sigs  # the buffer must be released before the map closes
        return out


def _group_firsts(starts: np.ndarray, index: np.ndarray) -> np.ndarray:
    """For rows sorted by group then index, each row's group's first index."""
    return index[np.flatnonzero(starts)[np.cumsum(starts) - 1]]


def _scatter(rows: np.ndarray, partition: np.ndarray, files: list) -> None:
    order = np.argsort(partition, kind="stable")
    rows, partition = rows[order], partition[order]
    bounds = np.searchsorted(partition, np.arange(len(files) + 1, dtype=np.uint64))
    for p, (lo, hi) in enumerate(zip(bounds[:-1], bounds[1:], strict=True)):
        if hi > lo:
            files[p].write(rows[lo:hi].tobytes())


def _chunks(path: Path, dtype: np.dtype) -> Iterator[np.ndarray]:
    size = os.path.getsize(path) // dtype.itemsize
    for start in range(0, size, SHARD_ROWS):
        yield np.fromfile(path, dtype=dtype, count=min(SHARD_ROWS, size - start), offset=start * dtype.itemsize)
