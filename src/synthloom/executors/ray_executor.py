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

The whole-pool steps run on the driver, but none of their model calls do: their engines are proxies
(executors/engine_proxy.py) that send each request to a worker, so rejection sampling, Evol-Instruct,
Self-Instruct and textbook generation use the workers' engine shares and node-local base_urls too.
Workers are placed round-robin over the cluster's alive nodes (softly: a worker whose node dies is
restarted on another, and its calls retried there).

Joining a cluster: the driver registers with the node at the address it reaches the cluster's GCS
from (loopback for a cluster on 127.0.0.1), not Ray's guess of the host's interface address, and a
cluster that does not let it join within JOIN_TIMEOUT_S stops the run with one message.

The run directory must be on storage every node reaches (one machine, or a shared filesystem).
Ray is an optional extra: nothing here is imported by the local executor.
"""

from __future__ import annotations

import asyncio
import os
import socket
import sys
import threading
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from synthloom.config import RunConfig
from synthloom.engine.engine import GenerationFailed, Sample
from synthloom.errors import UserError
from synthloom.models.base import ChatRequest, EndpointUnreachable
from synthloom.record import Record
from synthloom.steps.base import RecordStep, StepError, process_counted
from synthloom.verifiers.base import Verifier
from synthloom.verifiers.config import VerifierConfig

ERRORS = {"StepError": StepError, "GenerationFailed": GenerationFailed, "EndpointUnreachable": EndpointUnreachable}
METRICS_EVERY_S = 2.0
JOIN_TIMEOUT_S = float(os.environ.get("SYNTHLOOM_RAY_JOIN_TIMEOUT_S", "30"))  # ray.init on a cluster it can reach


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

    async def complete(self, model: str, request: ChatRequest) -> dict:
        """One model call of a whole-pool step (through the driver's engine proxy), on this worker's engine."""
        try:
            return {"samples": await self.engines.get(model).complete(request)}
        except tuple(ERRORS.values()) as exc:
            return {"error": type(exc).__name__, "message": str(exc)}

    def node(self) -> str:
        import ray

        return ray.get_runtime_context().get_node_id()

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


def check_reachable(address: str) -> str | None:
    """Fail at once on an address nothing listens at (Ray itself keeps retrying for minutes). Returns this
    machine's address on the way there: the one the driver's node must have (127.0.0.1 for a loopback
    cluster; Ray would otherwise look for a node at the host's interface address, and wait)."""
    if address in ("auto", "local"):
        return None
    host, _, port = address.removeprefix("ray://").rpartition(":")
    try:
        with socket.create_connection((host or "127.0.0.1", int(port)), timeout=5) as sock:
            return sock.getsockname()[0]
    except (OSError, ValueError) as exc:
        raise UserError(f"cannot reach the Ray cluster at {address} ({exc}); start it with `ray start --head` "
                        "and pass the address it prints, or leave --address out for a local Ray") from None


def _give_up_joining(address: str, node_ip: str | None) -> None:
    """ray.init has no timeout of its own for a cluster it reaches but cannot join (it retries for
    minutes): past JOIN_TIMEOUT_S the run stops with this message (from a thread: ray.init holds the main one)."""
    sys.stderr.write(f"Error: could not join the Ray cluster at {address} within {JOIN_TIMEOUT_S:.0f} s: it answers, "
                     f"but no Ray node here at {node_ip or 'this address'} let the driver in. Run synthloom on a "
                     "node of the cluster, started with `ray start --address ADDRESS --node-ip-address IP` where IP "
                     "is the address it reaches the head from (127.0.0.1 for a cluster on loopback).\n")
    sys.stderr.flush()
    os._exit(2)  # the exit code of every UserError


@contextmanager
def _loopback_kept(node_ip: str | None) -> Iterator[None]:
    """Ray rewrites 127.0.0.1, in the cluster's address and in the driver's node address alike, to the
    host's interface address (ray._private.services.resolve_ip_for_localhost), then dials a GCS that
    listens on loopback only and prints time-outs for minutes. For a cluster reached over loopback,
    keep loopback: the one private Ray function synthloom replaces, and only while ray.init runs."""
    if node_ip is None or not node_ip.startswith("127."):
        yield
        return
    from ray._private import services

    original = services.resolve_ip_for_localhost
    services.resolve_ip_for_localhost = lambda host: host
    try:
        yield
    finally:
        services.resolve_ip_for_localhost = original


def join(ray, address: str | None) -> None:
    node_ip = check_reachable(address) if address else None
    watchdog = threading.Timer(JOIN_TIMEOUT_S, _give_up_joining, (address, node_ip)) if address else None
    if watchdog:
        watchdog.daemon = True
        watchdog.start()
    try:
        with _loopback_kept(node_ip):
            ray.init(address=address, include_dashboard=False, log_to_driver=False,
                     runtime_env={"env_vars": {"RAY_USAGE_STATS_ENABLED": "0"}},
                     **({"_node_ip_address": node_ip} if node_ip else {}))
    except ConnectionError as exc:
        raise UserError(f"cannot reach the Ray cluster at {address}: {exc}; start it with "
                        "`ray start --head`, or leave --address out for a local one") from None
    finally:
        if watchdog:
            watchdog.cancel()


def alive_nodes(ray) -> list[str]:
    return sorted(n["NodeID"] for n in ray.nodes() if n.get("Alive"))


class RayExecutor:
    name = "ray"

    def __init__(self, config: RunConfig, run_dir: Path, address: str | None, workers: int | None) -> None:
        self.ray = import_ray()
        if not self.ray.is_initialized():
            join(self.ray, address)
        self.cpu = RayCpu(self.ray)
        self.workers = workers or max(1, self.cpu.slots)
        self.run_dir = run_dir
        self.main_cache = config.engine.cache or str(run_dir / "cache.sqlite")
        actor = self.ray.remote(max_restarts=-1, max_task_retries=-1, num_cpus=0)(ShardWorker)
        config_data = worker_config(config, self.workers)
        from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy

        def start_all() -> list:
            nodes = alive_nodes(self.ray)  # round-robin: each node's workers use its own base_url
            return [actor.options(max_concurrency=max(1000, config.engine.concurrency * 4),
                                  scheduling_strategy=NodeAffinitySchedulingStrategy(nodes[shard % len(nodes)], soft=True)
                                  ).remote(config_data, shard, str(run_dir), self.main_cache)
                    for shard in range(self.workers)]

        self._start = start_all
        self.actors: list = []  # started with the run (start_metrics), once the run directory is open
        self._poller: asyncio.Task | None = None

    async def run_record_step(self, step: RecordStep, record: Record) -> list[Record]:
        """One per-record step on one record, on the actor its root id hashes to; the counts the call
        made go to the driver's step, so counters and reports add up as in a local run. A step with
        run-wide state runs here, in the driver; its model calls still go to the workers."""
        if step.runs_on_driver:
            return await step.process(record)
        actor = self.actors[shard_of(record, len(self.actors))]
        result = await actor.process.remote(step.name, record.to_dict())
        step.add_counts(result["counts"])
        if "error" in result:
            raise ERRORS[result["error"]](result["message"])
        return [Record.from_dict(r) for r in result["records"]]

    def step_engines(self, engines):
        """The steps' engines: every model call, the whole-pool steps' too, goes to a worker."""
        from synthloom.executors.engine_proxy import RemoteEngines

        return RemoteEngines(engines, self._complete, self.workers)

    async def _complete(self, shard: int, model: str, request: ChatRequest) -> list[Sample]:
        result = await self.actors[shard].complete.remote(model, request)
        if "error" in result:
            raise ERRORS[result["error"]](result["message"])
        return result["samples"]

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
