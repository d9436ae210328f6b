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
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from tempfile import TemporaryDirectory

import numpy as np

from synthloom.guards.dedup import Duplicate, batch_signatures
from synthloom.guards.minhash import EMPTY, MinHashSpec, band_keys, optimal_bands
from synthloom.guards.settings import DedupSettings
from synthloom.guards.text import normalized_text

BATCH = 20_000  # texts per signature batch
SHARD_ROWS = 2_000_000  # partition rows sorted at once (36 MB a copy), and pairs verified at once
JACCARD_CHUNK = 8_192  # pairs compared at once: rows read at random touch a 4 KB page each, 64 MB at most
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
        outputs = (open(self.folder / "signatures.bin", "wb"), open(self.folder / "empty.bin", "wb"), buckets, exact)
        workers = max(1, self.settings.workers)
        args = (self.spec, self.bands, self.rows, self.settings.exact, self.settings.near)
        try:
            if workers == 1:
                for batch in _batches(texts):
                    self._write(_batch_work(batch, *args), *outputs)
                return
            # forkserver, not fork: a run process has threads. At most 2 batches a worker are in flight,
            # so the texts are read as fast as they are hashed, never ahead into memory.
            context = multiprocessing.get_context("forkserver")
            with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
                pending: deque = deque()
                for batch in _batches(texts):
                    pending.append(pool.submit(_batch_work, batch, *args))
                    if len(pending) >= 2 * workers:
                        self._write(pending.popleft().result(), *outputs)
                while pending:
                    self._write(pending.popleft().result(), *outputs)
        finally:
            for file in [outputs[0], outputs[1], *buckets, *exact]:
                file.close()

    def _write(self, work: _BatchWork, sigs, empty, buckets, exact) -> None:
        count = work.count
        index = np.arange(self.n, self.n + count, dtype=np.int64)
        self.n += count
        if work.digests is not None:
            rows = np.empty(count, dtype=EXACT_ROW)
            rows["high"], rows["low"], rows["index"] = work.digests[:, 0], work.digests[:, 1], index
            _scatter(rows, rows["low"] % np.uint64(self.partitions), exact)
        if work.signatures is None or work.keys is None:
            return
        sigs.write(work.signatures.tobytes())
        empty.write((work.signatures[:, 0] == EMPTY).tobytes())
        rows = np.empty((count, self.bands), dtype=BUCKET_ROW)
        rows["band"] = np.arange(self.bands, dtype=np.uint16)[None, :]
        rows["key"] = work.keys
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
        """Estimated Jaccard of rows a[i] and b[i] of signatures.bin, read through a map whose pages are
        let go after every chunk: rows read at random would otherwise stay resident, up to the file."""
        if not len(a):
            return np.zeros(0, dtype=np.float32)
        with open(self.folder / "signatures.bin", "rb") as file, \
                mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
            sigs = np.frombuffer(mapped, dtype=np.uint32).reshape(self.n, self.spec.num_perm)
            out = np.empty(len(a), dtype=np.float32)
            for s in range(0, len(a), JACCARD_CHUNK):
                out[s:s + JACCARD_CHUNK] = (sigs[a[s:s + JACCARD_CHUNK]] == sigs[b[s:s + JACCARD_CHUNK]]).mean(axis=1)
                mapped.madvise(mmap.MADV_DONTNEED)  # clean file pages: the page cache keeps them, not us
            del sigs  # the buffer must be released before the map closes
        return out


@dataclass
class _BatchWork:
    count: int
    digests: np.ndarray | None  # (count, 2) uint64: the normalised text's 128-bit hash
    signatures: np.ndarray | None  # (count, num_perm) uint32
    keys: np.ndarray | None  # (count, bands) uint64


def _batch_work(batch: list[str], spec: MinHashSpec, bands: int, rows: int, exact: bool, near: bool) -> _BatchWork:
    """One batch's hashes (in a worker process when there are several)."""
    digests = sigs = keys = None
    if exact:
        joined = b"".join(hashlib.blake2b(normalized_text(t).encode(), digest_size=16).digest() for t in batch)
        digests = np.frombuffer(joined, dtype=">u8").reshape(-1, 2).astype(np.uint64)
    if near:
        sigs = batch_signatures(batch, spec)
        keys = band_keys(sigs, bands, rows)
    return _BatchWork(len(batch), digests, sigs, keys)


def _batches(texts: Iterable[str]) -> Iterator[list[str]]:
    batch: list[str] = []
    for text in texts:
        batch.append(text)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


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
