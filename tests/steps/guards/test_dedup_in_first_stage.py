"""Dedup out of core as the first stage's whole-pool step: it reads the stage's streamed records from
state.sqlite in a worker thread (a connection of its own), and keeps exactly what dedup in memory keeps."""

from __future__ import annotations

import random

import synthloom.steps.guards.dedup as dedup
from tests.run.test_pipeline_scripted import run_pipeline
from tests.scripted_backend import ScriptedBackend


def rows() -> list[dict]:
    rng = random.Random(3)
    words = [f"{a}{b}{c}" for a in "bdfgklmnprst" for b in "aeiou" for c in "lnrst"]
    out = [{"instruction": " ".join(rng.choices(words, k=12))} for _ in range(300)]
    for i in range(0, 300, 10):
        out[i + 5] = dict(out[i])  # an exact copy of an earlier input
    return out


async def test_out_of_core_dedup_after_streamed_steps_keeps_what_dedup_in_memory_keeps(tmp_path, monkeypatch):
    pipeline = [{"step": "generate", "template": "answer"}, {"step": "dedup", "fields": ["instruction"]}]
    _, in_memory, removed_in_memory, _ = await run_pipeline(tmp_path / "memory", pipeline,
                                                            ScriptedBackend(default="ok"), rows=rows())
    monkeypatch.setattr(dedup, "ON_DISK_FROM", 10)  # 300 records: out of core
    summary, on_disk, removed, failures = await run_pipeline(tmp_path / "disk", pipeline,
                                                             ScriptedBackend(default="ok"), rows=rows())
    assert not failures and summary.steps["dedup"].counters["deduplicated_on_disk"] == 1
    assert [r["id"] for r in on_disk] == [r["id"] for r in in_memory] and len(on_disk) == 270
    assert sorted(r["id"] for r in removed) == sorted(r["id"] for r in removed_in_memory)
