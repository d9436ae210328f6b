"""Run a pipeline on a Ray cluster (`synthloom run CONFIG --executor ray [--address ...]`).

The driver keeps everything that must be single and exact: the commit log and output (so resume is as
exact as on one machine), and the whole-pool steps, which need the global view (dedup clusters,
decontamination, diversity, Self-Instruct's pool). The per-record steps (generate, critique-revise,
AI feedback) run on `workers` Ray actors: each record goes to the actor its root id hashes to, so
resumed sessions send it to the same actor's cache. Each actor runs its own engine with 1/workers of
the configured concurrency, RPM and TPM, so the cluster as a whole keeps the endpoint's limits, and its
own response cache file (caches/shard-K.sqlite, falling back to the run's cache.sqlite for reading);
the driver merges those files into cache.sqlite at the end and when a run resumes. A killed actor is
restarted by Ray and its calls retried: answers it had received come from its cache, and the driver
commits each root once, so nothing is lost or written twice. Rejection sampling's verifiers (code in
the sandbox, math, schemas) and dedup's MinHash signatures run as one-CPU Ray tasks, across the
cluster's CPUs; dedup's clustering stays global, on the driver.

The run directory must be on storage every node reaches (one machine, or a shared filesystem).
Ray is an optional extra: nothing here is imported by the local executor.
"""

from __future__ import annotations

import asyncio
import os
import socket
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from synthloom.config import RunConfig
from synthloom.engine.engine import GenerationFailed
from synthloom.errors import UserError
from synthloom.models.base import EndpointUnreachable
from synthloom.record import Record
from synthloom.steps.base import RecordStep, StepError, process_counted
from synthloom.verifiers.base import Verifier
from synthloom.verifiers.config import VerifierConfig

ERRORS = {"StepError": StepError, "GenerationFailed": GenerationFailed, "EndpointUnreachable": EndpointUnreachable}
METRICS_EVERY_S = 2.0


def import_ray():
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # Ray reports usage to its vendor unless told not to
    try:
        import ray
    except ImportError:
        raise UserError("the Ray executor needs Ray: pip install 'synthloom[ray]'") from None
    return ray


def shard_of(record: Record, shards: int) -> int:
    """Stable across processes and sessions (crc32, not the salted hash())."""
    return zlib.crc32((record.lineage.root or record.id).encode()) % shards


def worker_config(config: RunConfig, shards: int) -> dict[str, Any]:
    """The config a worker runs: its share of the concurrency and rate limits."""
    data = config.model_dump(mode="json", by_alias=True)
    engine = data["engine"]
    engine["concurrency"] = max(1, engine["concurrency"] // shards)
    for limit in ("rpm", "tpm"):
        if engine.get(limit):
            engine[limit] = engine[limit] / shards
    return data


class ShardWorker:
    """One Ray actor: the per-record steps of the pipeline, with their own engines and cache."""

    def __init__(self, config: dict, shard: int, run_dir: str, shared_cache: str | None) -> None:
        from synthloom.engine.cache import LayeredCache
        from synthloom.engine.model_engines import Engines
        from synthloom.executors.cpu import LocalCpu
        from synthloom.steps.base import RecordStep, StepContext
        from synthloom.steps.board import no_bars
        from synthloom.steps.registry import build_steps

        self.config = RunConfig.model_validate(config)
        folder = Path(run_dir)
        (folder / "workers").mkdir(parents=True, exist_ok=True)
        (folder / "workers" / f"shard-{shard}.pid").write_text(str(os.getpid()))  # to find it (and kill it, in tests)
        cache = LayeredCache(folder / "caches" / f"shard-{shard}.sqlite", shared_cache)
        self.engines = Engines(self.config, None, cache=cache)
        context = StepContext(self.engines, no_bars(), LocalCpu())  # progress is the driver's
        self.steps = {s.name: s for s in build_steps(self.config.pipeline, context) if isinstance(s, RecordStep)}

    async def process(self, step: str, record: dict) -> dict:
        """The step's records for one record, or the error it raised; with the counts that call made,
        which the driver adds to its step (a retried call's first attempt reports nothing)."""
        outcome, counts = await process_counted(self.steps[step], Record.from_dict(record))
        if isinstance(outcome, tuple(ERRORS.values())):
            return {"error": type(outcome).__name__, "message": str(outcome), "counts": counts}
        if isinstance(outcome, BaseException):
            raise outcome
        return {"records": [r.to_dict() for r in outcome], "counts": counts}

    def metrics(self):
        return self.engines.metrics()

    async def close(self) -> None:
        await self.engines.close()


def _verify_task(config: dict, text: str, fields: dict):
    from synthloom.executors.cpu import verify_in_worker

    return verify_in_worker(config, text, fields)


class RemoteVerifier:
    """A verifier whose every check runs as a one-CPU Ray task, wherever the cluster has a free CPU."""

    def __init__(self, ray, config: VerifierConfig, local: Verifier) -> None:
        self.name = local.name
        self.isolation = local.isolation  # the driver's; workers on this machine kind match it
        self._config = config.model_dump(mode="json", by_alias=True)
        self._task = ray.remote(num_cpus=1, max_retries=3)(_verify_task)

    async def verify(self, text: str, fields: dict):
        return await self._task.remote(self._config, text, fields)


class RayCpu:
    """The cluster's CPUs as the steps' CPU pool: maps and verifications as one-CPU Ray tasks."""

    name = "ray"
    distributed = True

    def __init__(self, ray) -> None:
        self.ray = ray
        self.slots = int(ray.cluster_resources().get("CPU", 1))

    def map(self, fn: Callable[..., Any], items: Sequence[Any], *args: Any) -> list[Any]:
        task = self.ray.remote(num_cpus=1, max_retries=3)(fn)
        return self.ray.get([task.remote(item, *args) for item in items])

    def verifier(self, config: VerifierConfig, local: Verifier) -> Verifier:
        return RemoteVerifier(self.ray, config, local)


def check_reachable(address: str) -> None:
    """Fail at once on an address nothing listens at (Ray itself keeps retrying for minutes)."""
    if address in ("auto", "local"):
        return
    host, _, port = address.removeprefix("ray://").rpartition(":")
    try:
        socket.create_connection((host or "127.0.0.1", int(port)), timeout=5).close()
    except (OSError, ValueError) as exc:
        raise UserError(f"cannot reach the Ray cluster at {address} ({exc}); start it with `ray start --head` "
                        "and pass the address it prints, or leave --address out for a local Ray") from None


class RayExecutor:
    def __init__(self, config: RunConfig, run_dir: Path, address: str | None, workers: int | None) -> None:
        self.ray = import_ray()
        if not self.ray.is_initialized():
            if address:
                check_reachable(address)
            try:
                self.ray.init(address=address, include_dashboard=False, log_to_driver=False,
                              runtime_env={"env_vars": {"RAY_USAGE_STATS_ENABLED": "0"}})
            except ConnectionError as exc:
                raise UserError(f"cannot reach the Ray cluster at {address}: {exc}; start it with "
                                "`ray start --head`, or leave --address out for a local one") from None
        self.cpu = RayCpu(self.ray)
        self.workers = workers or max(1, self.cpu.slots)
        self.run_dir = run_dir
        self.main_cache = config.engine.cache or str(run_dir / "cache.sqlite")
        actor = self.ray.remote(max_restarts=-1, max_task_retries=-1, num_cpus=0)(ShardWorker)
        config_data = worker_config(config, self.workers)
        self._start = lambda: [actor.options(max_concurrency=max(1000, config.engine.concurrency * 4)).remote(
            config_data, shard, str(run_dir), self.main_cache) for shard in range(self.workers)]
        self.actors: list = []  # started with the run (start_metrics), once the run directory is open
        self._poller: asyncio.Task | None = None

    async def run_record_step(self, step: RecordStep, record: Record) -> list[Record]:
        """One per-record step on one record, on the actor its root id hashes to; the counts the call
        made go to the driver's step, so counters and reports add up as in a local run."""
        actor = self.actors[shard_of(record, len(self.actors))]
        result = await actor.process.remote(step.name, record.to_dict())
        step.add_counts(result["counts"])
        if "error" in result:
            raise ERRORS[result["error"]](result["message"])
        return [Record.from_dict(r) for r in result["records"]]

    def start(self, engines) -> None:
        """Start the workers, and keep their engine figures in `engines` for progress and metrics."""
        self.merge_worker_caches()  # a resumed run: what earlier sessions' workers received, for every worker
        self.actors[:] = self._start()

        async def poll() -> None:
            while True:
                await self._collect(engines)
                await asyncio.sleep(METRICS_EVERY_S)

        self._poller = asyncio.create_task(poll())

    async def _collect(self, engines) -> None:
        try:
            engines.remote_metrics = list(await asyncio.gather(*(a.metrics.remote() for a in self.actors)))
        except self.ray.exceptions.RayError:
            pass  # an actor restarting: its figures come with the next poll

    async def close(self, engines) -> None:
        if self._poller:
            self._poller.cancel()
        await self._collect(engines)
        await asyncio.gather(*(a.close.remote() for a in self.actors), return_exceptions=True)
        for actor in self.actors:
            self.ray.kill(actor)
        self.merge_worker_caches()

    def merge_worker_caches(self) -> int:
        from synthloom.engine.cache import merge_caches

        shards = sorted((self.run_dir / "caches").glob("shard-*.sqlite"))
        return merge_caches(self.main_cache, shards) if shards else 0
