"""Identical requests in flight at once share one call (the engine's in-flight table), on a scripted
in-process backend that counts what it is asked and answers slowly enough for requests to meet."""

from __future__ import annotations

import asyncio

import pytest

from synthloom.engine.engine import Engine, EngineSettings, GenerationFailed
from synthloom.engine.retry import RetryPolicy
from synthloom.models.base import BackendError, ChatRequest
from tests.scripted_backend import ScriptedBackend


class SlowScripted(ScriptedBackend):
    async def generate(self, request):
        await asyncio.sleep(0.05)  # long enough that every copy asks before the first answer
        return await super().generate(request)


def ask(text: str, seed: int = 0) -> ChatRequest:
    return ChatRequest.build([{"role": "user", "content": text}], seed=seed)


async def test_identical_requests_in_flight_share_one_call_and_others_do_not():
    backend = SlowScripted(default="the answer")
    engine = Engine(backend, EngineSettings(concurrency=16), None)
    same = await asyncio.gather(*(engine.complete(ask("same question")) for _ in range(10)))
    assert len(backend.requests) == 1 and engine.metrics.shared_calls == 9
    assert {samples[0].choice.text for samples in same} == {"the answer"}
    await asyncio.gather(*(engine.complete(ask("same question", seed=s)) for s in range(1, 4)))
    assert len(backend.requests) == 4  # another seed is another sample: asked for


async def test_a_failed_shared_call_fails_every_copy_and_is_asked_again_later():
    backend = SlowScripted(rules=[("flaky", BackendError("400 bad request", retryable=False, kind="bad_request"))])
    engine = Engine(backend, EngineSettings(concurrency=16, retry=RetryPolicy(max_attempts=1)), None)
    outcomes = await asyncio.gather(*(engine.complete(ask("flaky")) for _ in range(5)), return_exceptions=True)
    assert len(backend.requests) == 1 and all(isinstance(o, GenerationFailed) for o in outcomes)
    with pytest.raises(GenerationFailed):
        await engine.complete(ask("flaky"))
    assert len(backend.requests) == 2  # nothing failed was kept: a later request asks again
