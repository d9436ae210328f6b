"""Engine proxies: under `--executor ray`, the engines the driver's steps are built with. A whole-pool
step (rejection sampling, Evol-Instruct, Self-Instruct, textbooks, coverage fill...) calls
`engine.complete` as always; the proxy sends the request to a worker actor instead of the driver's
endpoint, so each call uses that worker's engine (its share of concurrency and rate limits, its cache)
and its node's `SYNTHLOOM_BASE_URL` where the config sets no base_url.

A request goes to the worker its content hashes to: identical requests meet in one engine (one call),
and a resumed run finds each answer in the cache of the worker that asked it (the caches are merged
anyway). Everything else (the backend's name, the metrics object) is the driver's engine's, which makes
no call itself: the calls are counted by the workers, whose figures the executor collects.
"""

from __future__ import annotations

import asyncio
import zlib
from collections.abc import Awaitable, Callable

import orjson

from synthloom.engine.engine import Engine, Sample
from synthloom.engine.model_engines import DEFAULT, Engines
from synthloom.models.base import ChatRequest

# (worker index, model name, request) -> the samples, or the error the worker's engine raised
RemoteCall = Callable[[int, str, ChatRequest], Awaitable[list[Sample]]]
IN_FLIGHT_PER_SLOT = 2  # requests sent ahead per concurrency slot: backpressure on a step that asks for 10k at once


def request_shard(request: ChatRequest, shards: int) -> int:
    """Stable across processes and sessions (crc32 of the request, not the salted hash())."""
    return zlib.crc32(orjson.dumps(request.__dict__, option=orjson.OPT_SORT_KEYS, default=str)) % shards


class RemoteEngine(Engine):
    """An Engine whose `complete` runs on a worker; built from the driver's engine of the same model."""

    def __init__(self, local: Engine, model: str, call: RemoteCall, shards: int, in_flight: int) -> None:
        self.__dict__.update(local.__dict__)  # the same backend, settings and metrics object: no second client
        self._model = model
        self._remote = call
        self._shards = shards
        self._sent = asyncio.Semaphore(in_flight)

    async def complete(self, request: ChatRequest) -> list[Sample]:
        async with self._sent:
            return await self._remote(request_shard(request, self._shards), self._model, request)


class RemoteEngines(Engines):
    """The driver's Engines, handing out RemoteEngines (same config, cache and budget otherwise)."""

    def __init__(self, local: Engines, call: RemoteCall, shards: int) -> None:
        self.__dict__.update(local.__dict__)
        self._local = local
        self._call = call
        self._shards = shards
        self._proxies: dict[str, Engine] = {}

    def get(self, name: str = DEFAULT) -> Engine:
        if name not in self._proxies:
            local = self._local.get(name)
            self._proxies[name] = RemoteEngine(local, name, self._call, self._shards,
                                               max(4, local.settings.concurrency * IN_FLIGHT_PER_SLOT))
        return self._proxies[name]
