"""`step: dedup`: drop exact and near duplicates; each dropped record names the record it duplicates."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable, Iterator
from typing import Literal

from pydantic import Field

from synthloom.guards.dedup import BATCH, batch_signatures, find_duplicates
from synthloom.guards.dedup_disk import find_duplicates_on_disk
from synthloom.guards.record_text import record_text
from synthloom.guards.settings import DEDUP, DedupSettings, settings_of
from synthloom.record import Record
from synthloom.steps.base import PoolStep, StepContext
from synthloom.steps.plan import Flow, Span, StepPlan
from synthloom.steps.step_config import TEXT_FIELDS_HELP, StepConfig, setting_field

# From this many records a local dedup keeps its signatures, buckets and pairs on disk (guards/dedup_disk.py):
# the same duplicates; below it the in-memory arrays are small and skip the files and the worker start-up.
ON_DISK_FROM = 100_000


class DedupStepConfig(StepConfig):
    """Exact and near-duplicate removal; the first record of each cluster is kept."""

    step: Literal["dedup"]
    fields: list[str] | None = Field(None, description=TEXT_FIELDS_HELP)
    # Declared once, in guards/settings.py (with their help and bounds):
    exact: bool = setting_field(DedupSettings, "exact")
    near: bool = setting_field(DedupSettings, "near")
    threshold: float = setting_field(DedupSettings, "threshold")
    num_perm: int = setting_field(DedupSettings, "num_perm")
    shingle_size: int = setting_field(DedupSettings, "shingle_size")
    bands: int | None = Field(None, ge=1, description="LSH bands; default: chosen for the threshold")
    workers: int | None = Field(None, ge=1, description="processes for signatures; default: one per core")
    seed: int = DEDUP.seed

    def plan(self, before: Flow) -> StepPlan:
        return StepPlan([], Span(min(before.records.lo, 1), before.records.hi), 0, "removes what it finds")


class DedupStep(PoolStep[DedupStepConfig]):
    config_class = DedupStepConfig

    def __init__(self, config: DedupStepConfig, context: StepContext, name: str) -> None:
        super().__init__(config, context, name)
        self.settings = settings_of(config, DedupSettings, workers=config.workers or context.cpu.slots)

    async def run_pool(self, pool: Callable[[], Iterator[Record]], count: int) -> Iterable[Record]:
        if count < ON_DISK_FROM or self.context.cpu.distributed:
            return await self.run_all(list(pool()))
        # Out of core: the texts are read once for the signatures (only the ids stay, to name what a
        # duplicate duplicates), then the pool once more to pass on what is kept.
        ids: list[str] = []

        def texts() -> Iterator[str]:
            for record in pool():
                ids.append(record.id)
                yield record_text(record.fields, self.config.fields)

        bar = self.context.board.bar(f"{self.name}: records", count)
        duplicates = await asyncio.to_thread(lambda: {d.index: d for d in find_duplicates_on_disk(
            texts(), self.settings, expected=count)})
        self.counters["deduplicated_on_disk"] = 1
        self.counters["kept"] = len(ids) - len(duplicates)

        def kept() -> Iterator[Record]:
            for index, record in enumerate(pool()):
                dup = duplicates.get(index)
                if dup is None:
                    yield record
                    continue
                self._mark(record, dup.method, ids[dup.duplicate_of], dup.similarity)
                self.removed.append(record)
            bar.advance(count)

        return kept()

    def _mark(self, record: Record, method: str, duplicate_of: str, similarity: float) -> None:
        record.meta[self.name] = {"removed": f"{method} duplicate", "duplicate_of": duplicate_of,
                                  "similarity": round(similarity, 4)}
        self.counters[f"{method}_duplicates"] += 1

    async def run_all(self, records: list[Record]) -> list[Record]:
        bar = self.context.board.bar(f"{self.name}: records", len(records))
        # The first of each cluster is kept. The pool comes in input order (a stage's records are read in
        # the order of their inputs), so which copy is kept does not depend on timing.
        cpu = self.context.cpu
        if len(records) >= ON_DISK_FROM and not cpu.distributed:
            # Signatures, buckets and pairs on disk: the same duplicates, without their memory.
            texts_once = (record_text(r.fields, self.config.fields) for r in records)
            duplicates = await asyncio.to_thread(lambda: list(find_duplicates_on_disk(
                texts_once, self.settings, expected=len(records))))
            self.counters["deduplicated_on_disk"] = 1
        else:
            texts = [record_text(r.fields, self.config.fields) for r in records]
            # A pool across machines takes the signatures; a local one is sized by the step's `workers`.
            mapper = (lambda batches, spec: cpu.map(batch_signatures, batches, spec)) if cpu.distributed else None
            duplicates = await asyncio.to_thread(find_duplicates, texts, self.settings, mapper)
        if cpu.distributed and self.settings.near:
            self.counters[f"signature_batches_on_{cpu.name}"] = -(-len(texts) // BATCH)
        dropped = {}
        for dup in duplicates:
            record = records[dup.index]
            self._mark(record, dup.method, records[dup.duplicate_of].id, dup.similarity)
            dropped[dup.index] = record
        self.removed = list(dropped.values())
        kept = [record for position, record in enumerate(records) if position not in dropped]
        self.counters["kept"] = len(kept)
        bar.advance(len(records))
        return kept
