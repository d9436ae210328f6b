"""Coverage of a stream of records in bounded memory.

With a category field, every record's label is counted: exact, and memory grows only with the number
of categories. Without one, categories are k-means clusters of embeddings, which need the texts at
once: up to `EXACT_TEXTS` every text is clustered (what `category_labels` says of the whole set); past
that, a bottom-k sample (the texts whose keyed record id hashes smallest, the same whatever the order of
arrival) is clustered and each cluster's count is its sample share of the whole, marked as estimated.
"""

from __future__ import annotations

import hashlib
import heapq
from collections import Counter

from synthloom.guards.coverage import cluster_labels, ranked_counts

EXACT_TEXTS = 20_000  # texts clustered at once: MiniLM embeds them in a few minutes on two cores


def _key_hash(key: str, seed: int) -> int:
    return int.from_bytes(hashlib.blake2b(f"{seed}:{key}".encode(), digest_size=8).digest(), "little")


class StreamingCoverage:
    def __init__(self, category_field: str | None, clusters: int, seed: int, exact_texts: int = EXACT_TEXTS) -> None:
        self.category_field = category_field
        self.clusters = clusters
        self.seed = seed
        self.exact_texts = exact_texts
        self.seen = 0
        self.labels: Counter = Counter()
        self.sample: list[tuple[int, str, str]] = []  # max-heap by -hash: the smallest keyed hashes

    def add(self, key: str, fields: dict, text: str | None) -> None:
        self.seen += 1
        if self.category_field:
            self.labels[str(fields.get(self.category_field, "(none)"))] += 1
            return
        entry = (-_key_hash(key, self.seed), key, text or "")
        if len(self.sample) < self.exact_texts:
            heapq.heappush(self.sample, entry)
        elif entry > self.sample[0]:
            heapq.heapreplace(self.sample, entry)

    @property
    def estimated(self) -> bool:
        return self.category_field is None and self.seen > len(self.sample)

    def counts(self, expected: list[str] | None) -> dict[str, int]:
        """Records per category (expected ones that never came count 0)."""
        if self.category_field:
            return ranked_counts(self.labels, expected)
        texts = [text for _, _, text in sorted(self.sample, key=lambda e: e[1])]  # by key: order-free
        sampled = Counter(cluster_labels(texts, self.clusters, self.seed)) if texts else Counter()
        scale = self.seen / len(texts) if texts else 0.0
        return ranked_counts(Counter({c: round(n * scale) for c, n in sampled.items()}), expected)
