"""The semantic stage of decontamination: rephrased benchmark items, which n-grams cannot see.

As LMSYS's llm-decontaminator does (Yang et al., 2023): embed every text and every benchmark segment,
take each text's top-k most similar segments, and either flag those above a similarity threshold or,
with a judge model, ask the judge whether the pair is the same item reworded and flag what it confirms.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from synthloom.guards.embeddings import embed


@dataclass
class Neighbour:
    segment: int
    similarity: float


class SemanticIndex:
    def __init__(self, segment_texts: list[str]) -> None:
        self.vectors = embed(segment_texts)

    def top_k(self, texts: list[str], k: int, chunk: int = 4096) -> list[list[Neighbour]]:
        """Each text's k most similar segments, most similar first."""
        out: list[list[Neighbour]] = []
        if not len(self.vectors):
            return [[] for _ in texts]
        k = min(k, len(self.vectors))
        for start in range(0, len(texts), chunk):
            sims = embed(texts[start:start + chunk]) @ self.vectors.T
            best = np.argpartition(-sims, k - 1, axis=1)[:, :k]
            for row, picks in zip(sims, best, strict=True):
                picks = picks[np.argsort(-row[picks])]
                out.append([Neighbour(int(p), float(row[p])) for p in picks])
        return out
