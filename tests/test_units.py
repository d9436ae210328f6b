"""Pure parts: token buckets on a simulated clock, Retry-After, cache keys, record ids."""

from __future__ import annotations

import email.utils
import random
import time

import pytest

from synthloom.engine.cache import cache_key
from synthloom.engine.limits import TokenBucket
from synthloom.engine.retry import RetryPolicy
from synthloom.models.base import ChatRequest
from synthloom.models.http import parse_retry_after
from synthloom.models.openai_compat import OpenAICompatBackend
from synthloom.record import Record


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds


async def test_rpm_bucket_spaces_requests_after_the_burst():
    clock = FakeClock()
    bucket = TokenBucket(60, clock=clock, sleep=clock.sleep)  # one per second after a burst of 60
    for _ in range(60):
        await bucket.acquire()
    assert clock.now == 0
    for _ in range(10):
        await bucket.acquire()
    assert clock.now == pytest.approx(10)


async def test_tpm_bucket_charges_actual_usage_beyond_the_estimate():
    clock = FakeClock()
    bucket = TokenBucket(6000, clock=clock, sleep=clock.sleep)  # 100 tokens per second
    await bucket.acquire(6000)
    bucket.adjust(+3000)  # the call used 3000 more than estimated: later callers pay for it
    await bucket.acquire(100)
    assert clock.now == pytest.approx(31)


async def test_oversized_request_passes_once_the_bucket_is_full():
    clock = FakeClock()
    bucket = TokenBucket(100, clock=clock, sleep=clock.sleep)
    await bucket.acquire(50)
    await bucket.acquire(500)  # larger than the bucket: waits for a full bucket, then goes
    assert clock.now == pytest.approx(30)


def test_retry_after_forms():
    assert parse_retry_after({"retry-after": "2.5"}) == 2.5
    assert parse_retry_after({"retry-after-ms": "1500"}) == 1.5
    future = email.utils.formatdate(time.time() + 30, usegmt=True)
    assert 28 <= parse_retry_after({"retry-after": future}) <= 31
    assert parse_retry_after({}) is None


def test_backoff_grows_and_never_undercuts_retry_after():
    policy = RetryPolicy(base_delay=0.5, max_delay=8)
    rng = random.Random(0)
    assert all(0 <= policy.delay(a, rng=rng) <= min(8, 0.5 * 2 ** a) for a in range(10))
    assert all(policy.delay(0, retry_after=3, rng=rng) >= 3 for _ in range(100))


def test_cache_key_covers_every_parameter_and_never_the_api_key():
    base = ChatRequest.build([{"role": "user", "content": "hi"}], temperature=0.5, seed=1)
    key = cache_key("openai:http://x/v1", "m", base, 0)
    assert key == cache_key("openai:http://x/v1", "m", ChatRequest.build([{"role": "user", "content": "hi"}],
                                                                        temperature=0.5, seed=1), 0)
    variants = [
        cache_key("openai:http://y/v1", "m", base, 0), cache_key("openai:http://x/v1", "m2", base, 0),
        cache_key("openai:http://x/v1", "m", base, 1),
        *(cache_key("openai:http://x/v1", "m", ChatRequest(**{**base.__dict__, field: value}), 0)
          for field, value in [("temperature", 0.6), ("top_p", 0.9), ("max_tokens", 9), ("seed", 2),
                               ("stop", ("x",)), ("json_schema", {"type": "object"}), ("logprobs", True),
                               ("messages", ({"role": "user", "content": "hello"},))]),
    ]
    assert len(set(variants)) == len(variants) and key not in variants
    backend = OpenAICompatBackend("http://x/v1", "m", api_key="sk-very-secret")
    assert "sk-very-secret" not in backend.identity + repr(backend)


def test_record_ids_are_stable_and_lineage_is_kept():
    root = Record.from_input(3, {"instruction": "a"})
    assert root.id == Record.from_input(3, {"instruction": "a"}).id != Record.from_input(4, {"instruction": "a"}).id
    child = root.child("generate", 1, {"output": "b"}, model="m", seed=5)
    assert child.id == root.child("generate", 1).id
    assert child.lineage.parents == [root.id] and child.lineage.root == root.id
    assert child.lineage.steps == ["generate"] and child.fields == {"instruction": "a", "output": "b"}
    assert Record.from_dict(orjson_roundtrip(child)) == child


def orjson_roundtrip(record: Record) -> dict:
    import orjson

    return orjson.loads(record.to_json())


def test_removed_records_past_the_cap_are_a_stable_sample_with_exact_counts(monkeypatch):
    from collections import Counter

    from synthloom.record import Record
    from synthloom.steps import removed_sample

    monkeypatch.setattr(removed_sample, "REMOVED_CAP", 100)
    dropped = [Record.from_input(i, {"text": f"candidate {i}"}) for i in range(1000)]
    counters: Counter = Counter()
    sample = removed_sample.capped(dropped, counters)
    assert len(sample) == 100 and counters["removed_total"] == 1000
    assert counters["removed_written_sample"] == len(sample)
    assert [r.id for r in removed_sample.capped(list(reversed(dropped)), Counter())] == \
        [r.id for r in reversed(sample)]  # the same records whatever the order: a resume writes the same
    assert {r.id for r in sample} == set(sorted((r.id for r in dropped), key=lambda i: int(i[:8], 16))[:100])
    assert removed_sample.capped(dropped[:100], Counter()) == dropped[:100]


def test_a_step_config_checks_the_run_from_narrow_facts_alone():
    """No run config needed: the facts a step may check are built by hand (RunFacts.of)."""
    import pytest

    from synthloom.steps.guards.judge_filter import JudgeFilterStepConfig
    from synthloom.steps.step_config import RunFacts
    from synthloom.steps.techniques.magpie import MagpieStepConfig
    from synthloom.steps.techniques.self_instruct import SelfInstructStepConfig

    judge = JudgeFilterStepConfig(step="judge_filter", model="judge")
    judge.check_in_run(RunFacts.of(backends={"default": "openai", "judge": "openai"}), 0)
    with pytest.raises(ValueError, match="pipeline.3.model: the judge 'judge' is the same model"):
        judge.check_in_run(RunFacts.of(same=lambda a, b: True), 3)
    with pytest.raises(ValueError, match="pipeline.0.seeds"):
        SelfInstructStepConfig(step="self_instruct").check_in_run(RunFacts.of(has_input=True), 0)
    SelfInstructStepConfig(step="self_instruct").check_in_run(RunFacts.of(has_input=False), 0)
    with pytest.raises(ValueError, match="Anthropic"):
        MagpieStepConfig(step="magpie").check_in_run(RunFacts.of(backends={"default": "anthropic"}), 1)
