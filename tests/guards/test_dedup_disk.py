"""Out-of-core dedup (guards/dedup_disk.py) finds exactly what the in-memory dedup finds, with batches,
partitions and shards far smaller than the input, from texts it may read only once."""

from __future__ import annotations

import random

import pytest

import synthloom.guards.dedup_disk as dedup_disk
from synthloom.guards.dedup import find_duplicates
from synthloom.guards.dedup_disk import find_duplicates_on_disk
from synthloom.guards.settings import DedupSettings


def corpus(count: int, seed: int = 0) -> list[str]:
    """Fresh texts, exact copies (changed only in case and spacing), one-word edits, empty texts."""
    rng = random.Random(seed)
    words = [f"w{i}" for i in range(300)]
    base = [" ".join(rng.choices(words, k=30)) for _ in range(count // 6)]
    texts = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.3:
            texts.append(" ".join(rng.choices(words, k=30)))
        elif roll < 0.5:
            texts.append("  " + rng.choice(base).upper())
        elif roll < 0.8:
            edited = rng.choice(base).split()
            edited[rng.randrange(len(edited))] = "zz"
            texts.append(" ".join(edited))
        elif roll < 0.88:
            texts.append(rng.choice(["", "   ", "!!"]))
        else:
            texts.append(rng.choice(base))
    return texts


@pytest.fixture
def small_shards(monkeypatch):
    monkeypatch.setattr(dedup_disk, "BATCH", 700)  # 5000 texts: 8 batches
    monkeypatch.setattr(dedup_disk, "SHARD_ROWS", 3000)  # every partition and chunk is several shards


@pytest.mark.parametrize("settings", [DedupSettings(workers=1), DedupSettings(workers=1, exact=False),
                                      DedupSettings(workers=1, near=False),
                                      DedupSettings(workers=1, threshold=0.5, bands=16, num_perm=64),
                                      DedupSettings(workers=2)],
                         ids=["exact+near", "near only", "exact only", "other bands", "two processes"])
@pytest.mark.parametrize("expected", [None, 5000], ids=["count unknown", "count given"])
def test_the_same_duplicates_as_in_memory(small_shards, settings, expected):
    texts = corpus(5000)
    in_memory = find_duplicates(texts, settings)
    on_disk = list(find_duplicates_on_disk(iter(texts), settings, expected=expected))  # one pass over an iterator
    assert on_disk == in_memory
    methods = {d.method for d in in_memory}
    assert methods == ({"exact"} if not settings.near else {"near"} if not settings.exact else {"exact", "near"})


def test_nothing_is_left_in_the_work_folder_and_tiny_inputs_have_no_duplicates(tmp_path):
    assert list(find_duplicates_on_disk(iter(["only one"]), DedupSettings(workers=1), work=tmp_path)) == []
    found = list(find_duplicates_on_disk(iter(["a b c d", "A  b c d."]), DedupSettings(workers=1), work=tmp_path))
    assert [(d.index, d.duplicate_of, d.method) for d in found] == [(1, 0, "exact")]
    assert list(tmp_path.iterdir()) == []


def test_the_dedup_step_keeps_and_removes_the_same_records_on_disk(small_shards, monkeypatch):
    import asyncio

    import synthloom.steps.guards.dedup as dedup_step
    from synthloom.record import Record
    from synthloom.steps.base import StepContext

    def run(on_disk_from: int) -> tuple[list[str], list[tuple[str, dict]], dict]:
        monkeypatch.setattr(dedup_step, "ON_DISK_FROM", on_disk_from)
        records = [Record.from_input(i, {"instruction": t}) for i, t in enumerate(corpus(3000, seed=1))]
        step = dedup_step.DedupStep(dedup_step.DedupStepConfig(step="dedup", workers=1),
                                    StepContext.in_process(None), "dedup")  # type: ignore[arg-type]
        kept = asyncio.run(step.run_all(records))
        return [r.id for r in kept], [(r.id, r.meta["dedup"]) for r in step.removed], dict(step.counters)

    in_memory, on_disk = run(10**9), run(0)
    assert on_disk[:2] == in_memory[:2] and len(in_memory[1]) > 500
    assert on_disk[2].pop("deduplicated_on_disk") == 1 and on_disk[2] == in_memory[2]


def test_a_stage_pool_read_twice_from_disk_gives_what_the_whole_pool_in_memory_gives(small_shards, monkeypatch):
    """run_pool: the stage's records are read from disk twice (texts, then what is kept), never held."""
    import asyncio

    import synthloom.steps.guards.dedup as dedup_step
    from synthloom.record import Record
    from synthloom.steps.base import StepContext

    texts = corpus(3000, seed=2)
    reads = []

    def pool():  # as StageStore.streamed_records: a fresh read of the same records each time
        reads.append(1)
        return (Record.from_input(i, {"instruction": t}) for i, t in enumerate(texts))

    def run(on_disk_from: int):
        monkeypatch.setattr(dedup_step, "ON_DISK_FROM", on_disk_from)
        step = dedup_step.DedupStep(dedup_step.DedupStepConfig(step="dedup", workers=1),
                                    StepContext.in_process(None), "dedup")  # type: ignore[arg-type]

        async def work():
            return [r.id for r in await step.run_pool(pool, len(texts))]

        kept = asyncio.run(work())
        return kept, [(r.id, r.meta["dedup"]) for r in step.removed], dict(step.counters)

    in_memory = run(10**9)
    assert len(reads) == 1
    streamed = run(0)
    assert len(reads) == 3  # the signatures' pass and the output's
    assert streamed[:2] == in_memory[:2] and len(in_memory[1]) > 500
    assert streamed[2].pop("deduplicated_on_disk") == 1 and streamed[2] == in_memory[2]
