"""`step: dedup`: drop exact and near duplicates; each dropped record names the record it duplicates."""

from __future__ import annotations

import asyncio
import os
from collections import Counter

from synthloom.config import DedupStepConfig
from synthloom.engine.engines import Engines
from synthloom.guards.dedup import BATCH, DedupSettings, find_duplicates
from synthloom.guards.record_text import record_text
from synthloom.progress import ProgressBoard
from synthloom.record import Record


class DedupStep:
    scope = "all"

    def __init__(self, config: DedupStepConfig, engines: Engines, name: str) -> None:
        self.name = name
        self.config = config
        self.settings = DedupSettings(exact=config.exact, near=config.near, threshold=config.threshold,
                                      num_perm=config.num_perm, shingle_size=config.shingle_size,
                                      bands=config.bands, seed=config.seed,
                                      workers=config.workers or os.cpu_count() or 1)
        self.counters: Counter = Counter()
        self.removed: list[Record] = []
        self.mapper = None  # the Ray executor computes signatures on the cluster through this
        self.committed: frozenset[str] = frozenset()  # set by the pipeline: records a resumed run keeps

    async def run_all(self, records: list[Record], board: ProgressBoard) -> list[Record]:
        bar = board.bar(f"{self.name}: records", len(records))
        # The first of each cluster is kept; records an earlier session already wrote go first, so a
        # resume keeps the copy that is in the output, whatever order the replay gives.
        order = sorted(range(len(records)), key=lambda i: records[i].id not in self.committed)
        records = [records[i] for i in order]
        texts = [record_text(r.fields, self.config.fields) for r in records]
        duplicates = await asyncio.to_thread(find_duplicates, texts, self.settings, self.mapper)
        if self.mapper is not None and self.settings.near:
            self.counters["signature_batches_on_ray"] = -(-len(texts) // BATCH)
        dropped = {}
        for dup in duplicates:
            record = records[dup.index]
            record.meta[self.name] = {"removed": f"{dup.method} duplicate",
                                      "duplicate_of": records[dup.duplicate_of].id,
                                      "similarity": round(dup.similarity, 4)}
            dropped[dup.index] = record
            self.counters[f"{dup.method}_duplicates"] += 1
        self.removed = list(dropped.values())
        kept = [records[position] for position in sorted(range(len(records)), key=order.__getitem__)
                if position not in dropped]
        self.counters["kept"] = len(kept)
        bar.advance(len(records))
        return kept
