"""A guard command's work: its one step (`dedup`, `decontaminate`, `diversity`, `coverage`), configured
from the command's options and run over a dataset file's rows exactly as a pipeline runs it: the same
config (defaults, bounds, checks), the same algorithm, the same reasons for what it drops."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any, cast

from synthloom.errors import UserError
from synthloom.guards.files import Dataset
from synthloom.record import Record
from synthloom.steps.base import ObserverStep, PoolStep, Step, StepContext


class CommandModels:
    """The models a guard command's step may call: none, or the one engine it was given (a judge)."""

    def __init__(self, engines: dict[str, Any] | None = None) -> None:
        self._engines = dict(engines or {})

    def get(self, name: str = "default") -> Any:
        if name not in self._engines:
            raise UserError(f"this command has no model {name!r}")
        return self._engines[name]

    async def close(self) -> None:
        for engine in self._engines.values():
            await engine.close()


@dataclass
class GuardRun:
    step: Step[Any]
    records: list[Record]  # one per input row, in the input's order
    kept: list[Record]

    def line_of(self) -> dict[str, int]:
        """Each record's 0-based position in the input, by id."""
        return {record.id: i for i, record in enumerate(self.records)}

    def removed(self) -> dict[int, dict[str, Any]]:
        """What the step said of each row it dropped (its entry in the record's meta), by position."""
        lines = self.line_of()
        return {lines[record.id]: record.meta[self.step.name] for record in self.step.removed}


def dataset_records(data: Dataset) -> list[Record]:
    """The rows as the pipeline's records: a run directory's as written, a file's as inputs (with a
    `generation` column as their lineage generation, which diversity groups by)."""
    if data.records:
        return [Record.from_dict(row) for row in data.rows]
    records = []
    for i, row in enumerate(data.rows):
        record = Record.from_input(i, row)
        record.lineage.generation = data.generation(i)
        records.append(record)
    return records


def run_guard(kind: str, settings: dict[str, Any], data: Dataset, models: CommandModels | None = None) -> GuardRun:
    """Run step `kind` with `settings` (checked by its config, as in a run config) over `data`."""
    from synthloom.api.pipeline import step_config
    from synthloom.steps.registry import step_classes

    config = step_config(kind, {k: v for k, v in settings.items() if v is not None})
    config.check_files()
    given = models or CommandModels()
    step = step_classes()[kind].for_config(config)(config, StepContext.in_process(cast(Any, given)), kind)
    records = dataset_records(data)
    if isinstance(step, ObserverStep):
        for record in records:
            step.observe(record)
        step.finish()
        return GuardRun(step, records, list(records))
    # A pool step, or a per-record step that checks a whole file at once (decontaminate's near misses).
    run_all = step.run_all if isinstance(step, PoolStep) else getattr(step, "run_all", None)
    if run_all is None:
        raise TypeError(f"step {kind} is neither a pool step nor an observer, and has no run_all")

    async def work() -> list[Record]:
        try:
            return await run_all(list(records))
        finally:
            await given.close()  # in the loop its engines ran in

    return GuardRun(step, records, asyncio.run(work()))
