"""Decontamination in a run checks a stage's records batch by batch as they are read from disk, and
finds exactly what one pass over the whole pool finds."""

from __future__ import annotations

import asyncio

import synthloom.steps.guards.decontaminate as decontaminate
from synthloom.guards.benchmarks import BenchmarkSource, load_segments
from synthloom.record import Record
from synthloom.steps.base import StepContext


def test_batches_read_from_the_stage_find_what_the_whole_pool_finds(monkeypatch):
    prompts = {s.item_id: s.text for s in load_segments(BenchmarkSource.parse("humaneval")) if s.field == "prompt"}
    rows = [{"instruction": f"Write a limerick about a {animal} who bakes bread."} for animal in
            ("cat", "dog", "owl", "fox", "yak", "eel", "bee")]
    for position, item in ((1, "HumanEval/2"), (5, "HumanEval/11"), (8, "HumanEval/40")):
        rows.insert(position, {"instruction": "Complete this function:\n" + prompts[item]})
    monkeypatch.setattr(decontaminate, "POOL_BATCH", 3)  # more batches than one, a leak in several

    def step():
        config = decontaminate.DecontaminateStepConfig(step="decontaminate", semantic=False)
        return decontaminate.DecontaminateStep(config, StepContext.in_process(None), "decontaminate")  # type: ignore[arg-type]

    def records():
        return (Record.from_input(i, row) for i, row in enumerate(rows))

    whole = step()
    kept_whole = asyncio.run(whole.run_all(list(records())))
    batched = step()

    async def in_batches():
        return [r async for r in await batched.run_pool(records, len(rows))]

    kept_batched = asyncio.run(in_batches())
    assert [r.id for r in kept_batched] == [r.id for r in kept_whole] and len(kept_whole) == 7
    assert [(r.id, r.meta) for r in batched.removed] == [(r.id, r.meta) for r in whole.removed]
    assert {r.meta["decontaminate"]["contamination"]["item_id"] for r in whole.removed} == {
        "HumanEval/2", "HumanEval/11", "HumanEval/40"}
    assert batched.counters == whole.counters
