"""The local executor: every step in this process, CPU work in this machine's process pool."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from synthloom.executors.cpu import LocalCpu
from synthloom.steps.base import run_locally

if TYPE_CHECKING:
    from synthloom.engine.model_engines import Engines
    from synthloom.record import Record
    from synthloom.steps.base import RecordStep


class LocalExecutor:
    name = "local"

    def __init__(self) -> None:
        self.cpu = LocalCpu()

    def step_engines(self, engines: Engines) -> Engines:
        return engines

    def start(self, engines: Engines) -> None:
        pass

    async def run_record_step(self, step: RecordStep[Any], record: Record) -> list[Record]:
        return await run_locally(step, record)

    async def close(self, engines: Engines) -> None:
        pass
