"""Diversity of a stream of texts in bounded memory, one group at a time.

Up to `EXACT_TEXTS` texts a group keeps every text and reports exactly what `diversity_metrics` says of
the whole set (sorted by key first, so the seeded samples do not depend on the order texts arrived in).
Past that, the group keeps only:
- for distinct-n, the exact number of n-grams and a k-minimum-values sketch of the distinct ones
  (Bar-Yossef et al., 2002: with K of the smallest 64-bit hashes, distinct ~ (K - 1) / (K-th smallest /
  2^64); relative error about 1 / sqrt(K), under 1% here);
- for the sample metrics (self-BLEU, ROUGE-L, embeddings), a bottom-k sample: the texts whose keyed
  hash is smallest, the same whatever the order of arrival.
"""

from __future__ import annotations

import hashlib
import heapq

import numpy as np

from synthloom.guards.diversity import diversity_metrics, natural_key
from synthloom.guards.settings import DiversitySettings
from synthloom.guards.text import WordHasher, concatenated_word_hashes, ngram_hashes

EXACT_TEXTS = 50_000  # per group: below it, the metrics of the whole set
SKETCH_VALUES = 16_384  # K of the distinct-n sketch
BATCH = 4_096  # texts hashed at once once a group streams
NS = (1, 2, 3)
_TOP = float(2**64)


def _key_hash(key: str, seed: int) -> int:
    return int.from_bytes(hashlib.blake2b(f"{seed}:{key}".encode(), digest_size=8).digest(), "little")


class _MinValues:
    """The K smallest distinct uint64 values seen: a distinct-count sketch."""

    def __init__(self) -> None:
        self.values = np.empty(0, dtype=np.uint64)

    def add(self, hashes: np.ndarray) -> None:
        merged = np.unique(np.concatenate([self.values, hashes]))
        self.values = merged[:SKETCH_VALUES]

    def estimate(self) -> float:
        if len(self.values) < SKETCH_VALUES:
            return float(len(self.values))  # every distinct value is here: exact
        return (SKETCH_VALUES - 1) / (float(self.values[-1]) / _TOP)


class _Group:
    def __init__(self, settings: DiversitySettings) -> None:
        self.settings = settings
        self.texts: list[tuple[str, str]] | None = []  # (key, text) while exact
        self.count = 0
        self.ngrams = dict.fromkeys(NS, 0)
        self.sketches: dict[int, _MinValues] = {}
        self.sample: list[tuple[int, str, str]] = []  # max-heap by -hash: the smallest keyed hashes
        self.pending: list[str] = []
        self.hasher = WordHasher()

    def add(self, key: str, text: str) -> None:
        if not text or not text.strip():
            return
        self.count += 1
        if self.texts is not None:
            self.texts.append((key, text))
            if len(self.texts) > EXACT_TEXTS:
                kept, self.texts = self.texts, None
                self.sketches = {n: _MinValues() for n in NS}
                for kept_key, kept_text in kept:
                    self._stream(kept_key, kept_text)
            return
        self._stream(key, text)

    def _stream(self, key: str, text: str) -> None:
        size = max(self.settings.sample, self.settings.rouge_sample)
        entry = (-_key_hash(key, self.settings.seed), key, text)
        if len(self.sample) < size:
            heapq.heappush(self.sample, entry)
        elif entry > self.sample[0]:
            heapq.heapreplace(self.sample, entry)
        self.pending.append(text)
        if len(self.pending) >= BATCH:
            self._flush()

    def _flush(self) -> None:
        if not self.pending:
            return
        words, starts, lengths = concatenated_word_hashes(self.pending, self.hasher)
        for n in NS:
            grams, _ = ngram_hashes(words, starts, lengths, n, whole_if_shorter=False)
            self.ngrams[n] += len(grams)
            self.sketches[n].add(grams)
        self.pending = []
        if len(self.hasher._memo) > 1_000_000:  # a memo of every word ever seen would grow with the stream
            self.hasher = WordHasher()

    def metrics(self) -> dict:
        if self.texts is not None:
            return diversity_metrics([text for _, text in sorted(self.texts)], self.settings)
        self._flush()
        sample = [text for _, _, text in sorted(self.sample, key=lambda e: e[1])]
        metrics = diversity_metrics(sample, self.settings)  # the sample metrics, over the bottom-k sample
        metrics["count"] = self.count
        for n in NS:
            grams = self.ngrams[n]
            metrics[f"distinct_{n}"] = round(min(self.sketches[n].estimate() / grams, 1.0), 4) if grams else 0.0
        metrics["estimated"] = {"distinct_n": f"k-minimum-values sketch, K={SKETCH_VALUES}",
                                "sample": f"bottom-{len(sample)} by keyed hash"}
        return metrics


class StreamingDiversity:
    """Diversity by group over texts seen one at a time; `total` adds an "all" group, as metrics_by_group."""

    def __init__(self, settings: DiversitySettings, total: bool = True) -> None:
        self.settings = settings
        self.total = total
        self.groups: dict[str, _Group] = {}
        self.everything = _Group(settings)

    def add(self, group: str, key: str, text: str) -> None:
        self.groups.setdefault(group, _Group(self.settings)).add(key, text)
        if self.total:
            self.everything.add(key, text)

    def metrics(self) -> dict[str, dict]:
        result = {name: self.groups[name].metrics() for name in sorted(self.groups, key=natural_key)}
        if self.total and len(result) > 1:
            result["all"] = self.everything.metrics()
        return result
