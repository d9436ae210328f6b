"""The one interface the pipeline hands its work to (as datatrove's PipelineExecutor has local, slurm and
ray): where per-record steps run, where CPU work goes, and which engines the steps' model calls use.

Two implementations: `LocalExecutor` (this process; CPU work in a local process pool) and
`RayExecutor` (executors/ray_executor.py: per-record steps on Ray actors, every model call of the
whole-pool steps on the same actors through engine proxies, CPU work as Ray tasks).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from synthloom.engine.model_engines import Engines
    from synthloom.executors.cpu import CpuPool
    from synthloom.record import Record
    from synthloom.steps.base import RecordStep


class PipelineExecutor(Protocol):
    name: str  # "local" or "ray"

    @property
    def cpu(self) -> CpuPool:
        """Where steps send CPU-bound work (MinHash batches, verification)."""
        ...

    def step_engines(self, engines: Engines) -> Engines:
        """The engines the steps are built with: `engines` itself, or proxies whose calls run elsewhere."""
        ...

    def start(self, engines: Engines) -> None:
        """Called once the run directory is open, before the first record."""
        ...

    async def run_record_step(self, step: RecordStep[Any], record: Record) -> list[Record]:
        """One per-record step on one record, wherever this executor runs it."""
        ...

    async def close(self, engines: Engines) -> None:
        """After the last record (also on failure): stop workers, bring their figures and caches home."""
        ...
