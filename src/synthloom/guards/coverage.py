"""Coverage: how many records each category has, and which are thin.

Categories are a label field's values, or, without labels, k-means clusters of MiniLM embeddings,
each named by its most distinctive words. Categories the user expects but the data lacks count as
empty: the gap most worth seeing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from synthloom.guards.text import normalized_words


@dataclass
class Thin:
    category: str
    count: int
    reason: str  # "empty", "below min_count" or "below min_share"


def category_counts(labels: list[str], expected: list[str] | None = None) -> dict[str, int]:
    return ranked_counts(Counter(labels), expected)


def ranked_counts(counts: Counter, expected: list[str] | None = None) -> dict[str, int]:
    """Largest first; a category expected but never seen counts 0."""
    counts = Counter(counts)
    for category in expected or []:
        counts.setdefault(category, 0)
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def thin_categories(counts: dict[str, int], min_count: int, min_share: float = 0.0) -> list[Thin]:
    total = sum(counts.values()) or 1
    thin = []
    for category, count in sorted(counts.items(), key=lambda kv: (kv[1], kv[0])):
        if count == 0:
            thin.append(Thin(category, 0, "empty"))
        elif count < min_count:
            thin.append(Thin(category, count, "below min_count"))
        elif count / total < min_share:
            thin.append(Thin(category, count, "below min_share"))
    return thin


def category_labels(rows: list[dict], texts: Callable[[], list[str]], category_field: str | None,
                    clusters: int, seed: int = 0) -> list[str]:
    """Each row's category: its `category_field` value, or without one its embedding cluster (the texts
    are only computed then)."""
    if category_field:
        return [str(row.get(category_field, "(none)")) for row in rows]
    all_texts = texts()
    return cluster_labels(all_texts, clusters, seed) if all_texts else []


def cluster_labels(texts: list[str], clusters: int, seed: int = 0) -> list[str]:
    """A name per text: its k-means cluster of embeddings, named by the cluster's distinctive words."""
    from sklearn.cluster import KMeans

    from synthloom.guards.embeddings import embed

    vectors = embed(texts)
    k = min(clusters, len(texts))
    assignment = KMeans(n_clusters=k, n_init=4, random_state=seed).fit_predict(vectors)
    names = _cluster_names([normalized_words(t) for t in texts], assignment, k)
    return [names[c] for c in assignment]


def _cluster_names(tokenized: list[list[str]], assignment: np.ndarray, k: int, top: int = 3) -> dict[int, str]:
    """Each cluster's words ranked by how much more often texts inside it use them than texts overall."""
    overall = Counter(w for words in tokenized for w in set(words))
    names = {}
    for cluster in range(k):
        members = [tokenized[i] for i in np.flatnonzero(assignment == cluster)]
        inside = Counter(w for words in members for w in set(words))
        ranked = sorted(inside, key=lambda w: (-(inside[w] / len(members)) * np.log(len(tokenized) / overall[w]), w))
        names[cluster] = f"cluster {cluster}: " + " ".join(ranked[:top])
    return names
