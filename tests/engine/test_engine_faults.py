"""The engine against a misbehaving server: every fault is retried or recorded, never a crash."""

from __future__ import annotations

import asyncio

import pytest

from synthloom.engine.cache import ResponseCache
from synthloom.engine.engine import Engine, EngineSettings, GenerationFailed
from synthloom.engine.retry import RetryPolicy
from synthloom.models.base import ChatRequest
from synthloom.models.openai_compat import OpenAICompatBackend

FAST_RETRY = RetryPolicy(max_attempts=4, base_delay=0.05, max_delay=0.2)


def ask(text: str, **params) -> ChatRequest:
    return ChatRequest.build([{"role": "user", "content": text}], **params)


@pytest.fixture
async def engine(fault_server, tmp_path):
    cache = ResponseCache(tmp_path / "cache.sqlite")
    backend = OpenAICompatBackend(fault_server.url, "fault-model")
    eng = Engine(backend, EngineSettings(concurrency=8, timeout=0.5, retry=FAST_RETRY), cache)
    yield eng
    await eng.close()


@pytest.mark.parametrize("fault, kind", [("500x2", "server_error"), ("hangx1", "timeout"),
                                         ("badjsonx2", "bad_response"), ("dropx1", "connection")])
async def test_transient_faults_are_retried(engine, fault_server, fault, kind):
    prompt = f"hello fault:{fault}"
    [sample] = await engine.complete(ask(prompt))
    assert sample.choice.text == f"echo: {prompt}"
    expected_faults = int(fault.split("x")[1])
    assert fault_server.count(prompt) == expected_faults + 1
    assert engine.metrics.errors[kind] == expected_faults
    assert engine.metrics.retries == expected_faults


async def test_429_waits_at_least_retry_after_and_pauses_other_requests(engine, fault_server):
    fault_server.retry_after = 0.6
    limited = asyncio.create_task(engine.complete(ask("first fault:429x1")))
    await asyncio.sleep(0.1)  # the 429 has arrived and set the pause
    other = asyncio.create_task(engine.complete(ask("second, no fault")))
    await asyncio.gather(limited, other)
    first = [r.at for r in fault_server.log if "first" in r.prompt]
    second = [r.at for r in fault_server.log if "second" in r.prompt]
    assert len(first) == 2 and first[1] - first[0] >= 0.6
    assert second[0] - first[0] >= 0.6  # the pause held back a request that had no 429 of its own
    assert engine.metrics.errors["rate_limited"] == 1


async def test_permanent_failure_is_raised_and_never_cached(engine, fault_server):
    with pytest.raises(GenerationFailed, match="server_error.*after 4 attempts"):
        await engine.complete(ask("broken fault:always500"))
    assert fault_server.count("broken") == 4
    assert len(engine.cache) == 0
    assert engine.metrics.failed_samples == 1


async def test_one_failed_sample_keeps_its_siblings_in_the_cache(engine, fault_server):
    # Sample 1 (seed 2) fails for longer than the retries last; samples 0 and 2 are answered.
    request = ask("siblings fault:500x9", n=3, seed=1)
    fault_server._attempts[("siblings fault:500x9", 1)] = 99
    fault_server._attempts[("siblings fault:500x9", 3)] = 99
    with pytest.raises(GenerationFailed):
        await engine.complete(request)
    assert len(engine.cache) == 2
    fault_server._attempts[("siblings fault:500x9", 2)] = 99  # the server recovers for seed 2 too
    samples = await engine.complete(request)
    assert [s.cached for s in samples] == [True, False, True]


async def test_slow_request_does_not_hold_back_the_rest(engine, fault_server):
    engine.settings = EngineSettings(concurrency=4, timeout=5, retry=FAST_RETRY)
    fault_server.latency = 0.05
    slow = asyncio.create_task(engine.complete(ask("slow fault:hangx1")))
    done = await asyncio.gather(*(engine.complete(ask(f"quick {i}")) for i in range(40)))
    assert len(done) == 40 and not slow.done()  # forty answered through three free slots meanwhile
    slow.cancel()
