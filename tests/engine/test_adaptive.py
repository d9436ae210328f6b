"""Adaptive concurrency: the limit grows while calls are answered, shrinks on overload, and settles
at what a server that refuses calls beyond K at once sustains (benchmarks/adaptive_concurrency.py
measures throughput; here: correctness and the counts)."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import urllib.request

import orjson
import pytest

from synthloom.engine.adaptive import START, AdaptiveSlots
from synthloom.engine.engine import Engine, EngineSettings
from synthloom.engine.retry import RetryPolicy
from synthloom.models.base import ChatRequest
from synthloom.models.openai_compat import OpenAICompatBackend
from tests.paths import REPO


def test_slow_start_grows_then_one_overload_burst_is_one_decrease():
    async def main():
        slots = AdaptiveSlots(ceiling=100)
        backlog = [asyncio.create_task(slots.acquire()) for _ in range(50)]  # more calls waiting than slots
        await asyncio.sleep(0)
        for _ in range(START):  # each answer lets waiting calls in, so the limit stays in use
            slots.release(0, answered=True)
            await asyncio.sleep(0)
        assert slots.limit == START + START * 0.5  # slow start: half a slot per answered call
        assert sum(t.done() for t in backlog) == START + int(slots.limit)
        slots.release(0)  # ended without a signal (another error): no change
        assert slots.limit == START + START * 0.5
        idle = AdaptiveSlots(ceiling=100)
        idle.release(await idle.acquire(), answered=True)
        assert idle.limit == START  # one call on an idle limit is no evidence that more would be served
        for task in backlog:
            task.cancel()
        before = slots.limit
        for _ in range(3):  # three refusals from one burst
            slots.release(0, overloaded=True)
        assert slots.decreases == 1 and not slots.slow_start
        assert slots.limit == before - 1 - 2  # first ends slow start at what was served; the others, one each
        return slots

    asyncio.run(main())


def test_limit_never_leaves_one_to_ceiling_and_waiters_are_woken():
    async def main():
        slots = AdaptiveSlots(ceiling=3, start=3)
        held = [await slots.acquire() for _ in range(3)]
        waiter = asyncio.create_task(slots.acquire())
        await asyncio.sleep(0)
        assert not waiter.done()
        for _ in range(10):
            slots.release(held.pop(), overloaded=True) if held else None
        epoch = await asyncio.wait_for(waiter, 1)
        assert slots.limit >= 1.0
        for _ in range(200):
            slots.release(epoch, answered=True)
            epoch = await slots.acquire()
        assert slots.limit <= 3

    asyncio.run(main())


@pytest.fixture
def capacity_server():
    """benchmarks/latency_server.py serving at most 12 calls at once, 429 beyond."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen([sys.executable, str(REPO / "benchmarks" / "latency_server.py"), str(port), "0.05", "12"],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait()


def test_adaptive_engine_finds_the_servers_capacity_and_answers_everything(capacity_server):
    async def main(adaptive: bool):
        backend = OpenAICompatBackend(f"{capacity_server}/v1", "bench")
        engine = Engine(backend, EngineSettings(concurrency=64, adaptive=adaptive,
                                                retry=RetryPolicy(max_attempts=8, base_delay=0.02, max_delay=0.2)))
        outcomes = await asyncio.gather(*(engine.complete(ChatRequest.build([{"role": "user", "content": f"r{i}"}]))
                                          for i in range(600)), return_exceptions=True)
        await engine.close()
        return outcomes, engine.metrics

    def refused() -> int:
        with urllib.request.urlopen(f"{capacity_server}/stats") as response:
            return orjson.loads(response.read())["refused"]

    outcomes, metrics = asyncio.run(main(adaptive=True))
    adaptive_refused = refused()
    assert not [o for o in outcomes if isinstance(o, BaseException)]
    assert metrics.errors["rate_limited"] == adaptive_refused
    assert adaptive_refused <= 0.04 * 600  # a few probes above 12, not a flood
    assert metrics.concurrency_limit is not None and 9 <= metrics.concurrency_limit <= 14
    _, fixed = asyncio.run(main(adaptive=False))
    assert refused() - adaptive_refused > 5 * adaptive_refused  # 64 at once against 12: mostly refused
