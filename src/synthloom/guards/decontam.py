"""Decontamination: find records that contain, or reword, an item of a benchmark.

Stage 1, n-grams (ngram_overlap.py), catches verbatim copies and excerpts. Stage 2 looks at what stage
1 left, for rewordings. Embeddings (semantic.py) find each text's nearest benchmark items; similarity
alone cannot tell a rewording from a different task of the same kind, so without a judge a neighbour
is flagged on evidence: the item's own example and test values in the text (literal_evidence.py), the
text's code passing the item's own tests and answering as its reference solution on variants of their
inputs (behaviour_match.py), or a near-verbatim similarity. With a
judge, the judge's verdict decides instead. Every hit names the benchmark item and field it matched,
the stage that caught it, and the evidence.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from dataclasses import field as dataclass_field  # `field` is also a Contamination attribute
from typing import TYPE_CHECKING

from synthloom.guards.benchmarks import BenchmarkSource, ItemTests, Segment, load_items, load_segments
from synthloom.guards.judge_calibration import Calibration, calibrate
from synthloom.guards.literal_evidence import LiteralIndex, literals
from synthloom.guards.ngram_overlap import NgramIndex
from synthloom.guards.settings import DecontamSettings

if TYPE_CHECKING:
    from synthloom.guards.semantic import SemanticIndex

# (text, benchmark segment text) -> True if the judge says they are the same item, None if unclear
Judge = Callable[[str, str], Awaitable[bool | None]]


@dataclass
class Contamination:
    index: int
    benchmark: str
    item_id: str
    field: str
    method: str  # "ngram", "semantic" or "semantic+judge"
    evidence: dict = dataclass_field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"benchmark": self.benchmark, "item_id": self.item_id, "field": self.field, "method": self.method,
                **self.evidence}


class Decontaminator:
    def __init__(self, sources: list[BenchmarkSource], settings: DecontamSettings) -> None:
        self.settings = settings
        self.sources = sources
        self._literal_index: LiteralIndex | None = None
        self._tests: dict = {}
        self.closest: dict[int, dict] = {}  # texts the semantic stage left clean: their nearest item, why not
        self.calibration: Calibration | None = None  # the judge's, when one was given
        self.segments: list[Segment] = [s for source in sources for s in load_segments(source)]
        self.ngrams = NgramIndex(self.segments, settings.n, settings.min_n, settings.adaptive_n) \
            if settings.ngram else None
        self._semantic: SemanticIndex | None = None
        self._semantic_segments: list[int] = []

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
            return await self._on_evidence(texts, dict(zip(todo, neighbours, strict=True)))

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

    def _items(self) -> tuple[LiteralIndex, dict[tuple[str, str], ItemTests]]:
        if self._literal_index is None:
            loaded = [(source.name, load_items(source)) for source in self.sources]
            self._literal_index = LiteralIndex({(name, item): text for name, items in loaded
                                                for item, text in items.texts.items()})
            self._tests = {(name, item): tests for name, items in loaded for item, tests in items.tests.items()}
        return self._literal_index, self._tests

    async def _on_evidence(self, texts: list[str], neighbours: dict[int, list]) -> dict[int, Contamination]:
        s = self.settings
        index, tests = self._items()
        found: dict[int, Contamination] = {}
        for i, near in neighbours.items():
            values = literals(texts[i])
            if near:  # kept for near-miss listings: the evidence that fell short
                seg = self.segments[near[0].segment]
                score, shared = index.evidence(values, (seg.benchmark, seg.item_id))
                self.closest[i] = {"benchmark": seg.benchmark, "item_id": seg.item_id,
                                   "similarity": round(near[0].similarity, 4), "literal_score": round(score, 2),
                                   "shared_literals": shared[:5]}
            for n in near:
                seg = self.segments[n.segment]
                score, shared = index.evidence(values, (seg.benchmark, seg.item_id))
                strong = score >= s.literal_alone and n.similarity >= s.literal_alone_similarity
                if strong or (n.similarity >= s.literal_similarity and score >= s.literal_with_similarity):
                    found[i] = self._hit(i, n.segment, "semantic+literals", similarity=round(n.similarity, 4),
                                         literal_score=round(score, 2), shared_literals=shared[:8])
                    break
                if n.similarity >= s.similarity_threshold:
                    found[i] = self._hit(i, n.segment, "semantic", similarity=round(n.similarity, 4))
                    break
        if s.behaviour and tests:
            await self._behaviour_stage(texts, neighbours, found, tests)
        return found

    async def _behaviour_stage(self, texts: list[str], neighbours: dict[int, list], found: dict, tests: dict) -> None:
        from synthloom.guards.behaviour_match import agreement_with_reference, implemented_function, passes_item_tests
        from synthloom.verifiers.code import CodeVerifier

        verifier = CodeVerifier()
        sandboxes = asyncio.Semaphore(max(2, os.cpu_count() or 1))

        async def check(i: int) -> None:
            code = implemented_function(texts[i])
            if code is None:
                return
            tried = set()
            for n in neighbours[i]:
                seg = self.segments[n.segment]
                key = (seg.benchmark, seg.item_id)
                if n.similarity < self.settings.behaviour_similarity or key in tried or key not in tests:
                    continue
                tried.add(key)
                async with sandboxes:
                    passed = await passes_item_tests(verifier, *code, tests[key])
                    agreement = await agreement_with_reference(*code, tests[key]) if passed else None
                if not passed:
                    continue
                evidence = {"passed_tests_of": seg.item_id, "function": code[1]}
                if agreement is not None and agreement.compared >= self.settings.behaviour_min_inputs:
                    if agreement.share < self.settings.behaviour_agreement:
                        # Weak tests passed by another task: the variants tell them apart. Kept, and shown
                        # among the near misses with how far it agreed.
                        if i in self.closest:
                            self.closest[i]["passed_tests_of"] = seg.item_id
                            self.closest[i]["agreed_on_inputs"] = f"{agreement.agreed}/{agreement.compared}"
                        continue
                    evidence["agreed_on_inputs"] = f"{agreement.agreed}/{agreement.compared}"
                found[i] = self._hit(i, n.segment, "semantic+tests", similarity=round(n.similarity, 4), **evidence)
                return

        await asyncio.gather(*(check(i) for i in neighbours if i not in found))

    async def find(self, texts: list[str], judge: Judge | None = None,
                   calibration_judge: Judge | None = None) -> list[Contamination]:
        """`calibration_judge`: the same judge, answering the calibration pairs without being counted."""
        found = self.ngram_stage(texts)
        if self.settings.semantic:
            if judge is not None:
                self.calibration = await calibrate(calibration_judge or judge)
                if not self.calibration.trusted:
                    judge = None  # an untrusted judge's verdicts never count: evidence decides
            found.update(await self.semantic_stage(texts, set(found), judge))
        for i in found:
            self.closest.pop(i, None)
        return [found[i] for i in sorted(found)]

    def near_misses(self, count: int) -> list[tuple[int, dict]]:
        """The `count` clean texts nearest a benchmark item, most similar first: what a threshold
        between them and the hits would decide."""
        return sorted(self.closest.items(), key=lambda kv: -kv[1]["similarity"])[:count]
