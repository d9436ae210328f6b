"""Where steps send CPU-bound work: a local process pool, or Ray tasks across a cluster (ray_executor).

Two kinds of work go through it: batches mapped by a picklable function (dedup's MinHash signatures),
and verification of candidates (rejection sampling: code in the sandbox, math, schemas).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from synthloom.verifiers.base import Verifier
    from synthloom.verifiers.config import VerifierConfig


class CpuPool(Protocol):
    name: str  # "local" or "ray": shown in counters
    distributed: bool  # work leaves this process's machine-local pool
    slots: int  # CPU-bound tasks at once (a verification semaphore's size)

    def map(self, fn: Callable[..., Any], items: Sequence[Any], *args: Any) -> list[Any]:
        """[fn(item, *args) for item in items], spread over the pool. Blocking: call from a thread."""
        ...

    def verifier(self, config: VerifierConfig, local: Verifier) -> Verifier:
        """`local` (built from `config` in this process), or a stand-in that verifies where this pool
        runs its work."""
        ...


class LocalCpu:
    """This machine's cores: a forkserver process pool for maps (not fork: a pipeline process has
    threads, progress bars and model runtimes), verification in process (the sandbox is its own process)."""

    name = "local"
    distributed = False

    def __init__(self, slots: int | None = None) -> None:
        self.slots = slots or os.cpu_count() or 1

    def map(self, fn: Callable[..., Any], items: Sequence[Any], *args: Any) -> list[Any]:
        if self.slots <= 1 or len(items) <= 1:
            return [fn(item, *args) for item in items]
        context = multiprocessing.get_context("forkserver")
        with ProcessPoolExecutor(max_workers=min(self.slots, len(items)), mp_context=context) as pool:
            return list(pool.map(fn, items, *([arg] * len(items) for arg in args)))

    def verifier(self, config: VerifierConfig, local: Verifier) -> Verifier:
        return local  # in process: the sandbox it starts is its own process already


def verify_in_worker(config: dict, text: str, fields: dict) -> Any:
    """One verification, run where a pool sends it (a Ray task): the verifier is built there."""
    from synthloom.verifiers.build import build_verifier
    from synthloom.verifiers.config import VerifierConfig
    from synthloom.verifiers.math_pool import judge_in_this_process

    judge_in_this_process()  # a Ray worker is one of the cluster's workers already: no process pool inside
    verifier = build_verifier(VerifierConfig.model_validate(config), engines=None)
    return asyncio.run(verifier.verify(text, fields))
