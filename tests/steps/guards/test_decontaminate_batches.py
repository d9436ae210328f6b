"""Decontamination in a run checks records as they stream, in batches of the records in flight
together, and finds exactly what one pass over the whole pool finds; the batching itself
(steps/batched_checks.py) checks one batch at a time, hands every record its own result, and loses no
record when a check fails or its caller is cancelled."""

from __future__ import annotations

import asyncio

import pytest

import synthloom.steps.guards.decontaminate as decontaminate
from synthloom.guards.benchmarks import BenchmarkSource, load_segments
from synthloom.record import Record
from synthloom.run.pipeline import plan_stages
from synthloom.steps.base import StepContext
from synthloom.steps.batched_checks import BatchedChecks
from tests.run.test_pipeline_scripted import run_pipeline
from tests.scripted_backend import ScriptedBackend

LEAKS = {1: "HumanEval/2", 5: "HumanEval/11", 8: "HumanEval/40", 250: "HumanEval/7"}


def rows(count: int) -> list[dict]:
    prompts = {s.item_id: s.text for s in load_segments(BenchmarkSource.parse("humaneval")) if s.field == "prompt"}
    out = [{"instruction": f"Write a limerick about animal number {i} who bakes bread."} for i in range(count)]
    for position, item in LEAKS.items():
        out[position] = {"instruction": "Complete this function:\n" + prompts[item]}
    return out


def step():
    config = decontaminate.DecontaminateStepConfig(step="decontaminate", semantic=False)
    return decontaminate.DecontaminateStep(config, StepContext.in_process(None), "decontaminate")  # type: ignore[arg-type]


async def test_streamed_records_find_what_the_whole_pool_finds_and_close_no_stage(tmp_path, monkeypatch):
    inputs = rows(300)  # above the pipeline's window and, with POOL_BATCH 3, many batches
    whole = step()
    kept_whole = await whole.run_all([Record.from_input(i, row) for i, row in enumerate(inputs)])
    monkeypatch.setattr(decontaminate, "POOL_BATCH", 3)
    summary, output, removed, _ = await run_pipeline(tmp_path, [{"step": "decontaminate", "semantic": False}],
                                                     ScriptedBackend(), rows=inputs)
    assert [r["id"] for r in output] == [r.id for r in kept_whole] and len(output) == 296
    assert sorted((r["id"], r["meta"]["decontaminate"]["contamination"]["item_id"]) for r in removed) == sorted(
        (r.id, r.meta["decontaminate"]["contamination"]["item_id"]) for r in whole.removed)
    assert {r.meta["decontaminate"]["contamination"]["item_id"] for r in whole.removed} == set(LEAKS.values())
    counters = summary.steps["decontaminate"].counters
    assert {k: counters[k] for k in whole.counters} == dict(whole.counters)
    assert [s.key for s in plan_stages([step()])] == ["output"]


async def test_records_in_flight_together_are_checked_together_one_batch_at_a_time():
    sizes, running = [], []

    async def check(items: list[int]) -> list[int]:
        running.append(1)
        assert len(running) == 1  # never two batches at once
        sizes.append(len(items))
        await asyncio.sleep(0.01)
        running.pop()
        return [item * 10 for item in items]

    batches = BatchedChecks(check, size=8)
    results = await asyncio.gather(*(batches.submit(i) for i in range(50)))
    assert results == [i * 10 for i in range(50)]
    assert sum(sizes) == 50 and max(sizes) == 8 and len(sizes) < 50  # batched, within the size


async def test_a_failed_check_fails_its_batch_and_the_next_batch_goes_on():
    async def check(items: list[int]) -> list[int]:
        await asyncio.sleep(0)
        if 3 in items:
            raise ValueError("bad batch")
        return items

    batches = BatchedChecks(check, size=4)
    outcomes = await asyncio.gather(*(batches.submit(i) for i in range(12)), return_exceptions=True)
    failed = [i for i, o in enumerate(outcomes) if isinstance(o, ValueError)]
    assert 3 in failed and len(failed) <= 4
    assert all(outcomes[i] == i for i in range(12) if i not in failed)


async def test_a_cancelled_caller_leaves_the_others_of_its_batch_to_the_next():
    gate, started = asyncio.Event(), asyncio.Event()
    seen: list[list[int]] = []

    async def check(items: list[int]) -> list[int]:
        seen.append(list(items))
        if items == [-1]:
            await gate.wait()  # the first record is checked alone; the next four queue behind it
        elif 0 in items:
            started.set()
            await asyncio.sleep(60)  # cancelled before it ends
        return items

    batches = BatchedChecks(check, size=4)
    ahead = asyncio.ensure_future(batches.submit(-1))
    await asyncio.sleep(0)
    first = asyncio.ensure_future(batches.submit(0))
    others = [asyncio.ensure_future(batches.submit(i)) for i in (1, 2, 3)]
    await asyncio.sleep(0)
    gate.set()
    await started.wait()
    assert seen == [[-1], [0, 1, 2, 3]]
    first.cancel()
    assert await asyncio.wait_for(asyncio.gather(*others), 5) == [1, 2, 3]
    assert seen[-1] == [1, 2, 3]  # the others, checked again in the next batch
    assert await ahead == -1
    with pytest.raises(asyncio.CancelledError):
        await first
