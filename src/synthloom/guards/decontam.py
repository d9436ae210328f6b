"""Decontamination: find records that contain, or reword, an item of a benchmark.

Stage 1, n-grams (ngram_overlap.py), catches verbatim copies and excerpts. Stage 2, embeddings
(semantic.py), looks at what stage 1 left, for rewordings; its candidates are flagged by a similarity
threshold or, when a judge is given, by the judge's verdict. Every hit names the benchmark item and
field it matched, the stage that caught it, and the evidence (shared n-grams and an excerpt, or the
similarity and the judge's answer).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from synthloom.guards.benchmarks import BenchmarkSource, Segment, load_segments
from synthloom.guards.ngram_overlap import NgramIndex

# (text, benchmark segment text) -> True if the judge says they are the same item, None if unclear
Judge = Callable[[str, str], Awaitable[bool | None]]


@dataclass(frozen=True)
class DecontamSettings:
    ngram: bool = True
    n: int = 13
    min_n: int = 8
    adaptive_n: bool = True  # shorter n for benchmarks of short items (GPT-3's rule)
    semantic: bool = False
    top_k: int = 3
    similarity_threshold: float = 0.8  # flag at or above this without a judge
    judge_threshold: float = 0.5  # with a judge: ask it about neighbours at or above this


@dataclass
class Contamination:
    index: int
    benchmark: str
    item_id: str
    field: str
    method: str  # "ngram", "semantic" or "semantic+judge"
    evidence: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"benchmark": self.benchmark, "item_id": self.item_id, "field": self.field, "method": self.method,
                **self.evidence}


class Decontaminator:
    def __init__(self, sources: list[BenchmarkSource], settings: DecontamSettings) -> None:
        self.settings = settings
        self.segments: list[Segment] = [s for source in sources for s in load_segments(source)]
        self.ngrams = NgramIndex(self.segments, settings.n, settings.min_n, settings.adaptive_n) \
            if settings.ngram else None
        self._semantic = None

    def describe(self) -> dict:
        benchmarks = sorted({s.benchmark for s in self.segments})
        return {"benchmarks": benchmarks, "segments": len(self.segments),
                "n_by_benchmark": self.ngrams.n_by_benchmark if self.ngrams else {},
                "segments_too_short_for_ngrams": self.ngrams.too_short if self.ngrams else 0}

    def _hit(self, index: int, segment: int, method: str, **evidence) -> Contamination:
        seg = self.segments[segment]
        return Contamination(index, seg.benchmark, seg.item_id, seg.field, method, evidence)

    def ngram_stage(self, texts: list[str]) -> dict[int, Contamination]:
        if self.ngrams is None:
            return {}
        return {i: self._hit(i, hit.segment, "ngram", n=hit.n, shared_ngrams=hit.shared, excerpt=hit.excerpt)
                for i, hit in self.ngrams.match(texts).items()}

    async def semantic_stage(self, texts: list[str], skip: set[int], judge: Judge | None) -> dict[int, Contamination]:
        from synthloom.guards.semantic import Neighbour, SemanticIndex

        if self._semantic is None:
            self._semantic_segments = [i for i, s in enumerate(self.segments) if s.stage != "ngram"]
            self._semantic = SemanticIndex([self.segments[i].text for i in self._semantic_segments])
        todo = [i for i in range(len(texts)) if i not in skip]
        neighbours = [[Neighbour(self._semantic_segments[n.segment], n.similarity) for n in near]
                      for near in self._semantic.top_k([texts[i] for i in todo], self.settings.top_k)]
        if judge is None:
            return {i: self._hit(i, near[0].segment, "semantic", similarity=round(near[0].similarity, 4))
                    for i, near in zip(todo, neighbours, strict=True)
                    if near and near[0].similarity >= self.settings.similarity_threshold}

        async def confirm(i: int, near: list) -> Contamination | None:
            for candidate in near:  # most similar first; stop at the first the judge confirms
                if candidate.similarity < self.settings.judge_threshold:
                    return None
                if await judge(texts[i], self.segments[candidate.segment].text):
                    return self._hit(i, candidate.segment, "semantic+judge",
                                     similarity=round(candidate.similarity, 4), judge="same item")
            return None

        confirmed = await asyncio.gather(*(confirm(i, near) for i, near in zip(todo, neighbours, strict=True)))
        return {hit.index: hit for hit in confirmed if hit is not None}

    async def find(self, texts: list[str], judge: Judge | None = None) -> list[Contamination]:
        found = self.ngram_stage(texts)
        if self.settings.semantic:
            found.update(await self.semantic_stage(texts, set(found), judge))
        return [found[i] for i in sorted(found)]
