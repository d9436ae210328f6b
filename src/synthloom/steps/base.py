"""The step contract every technique, verifier and guard follows.

Two kinds, each with one abstract method:

- `RecordStep.process(record)`: one record in, zero or more out; the pipeline streams records through
  these one at a time, locally or on Ray workers. An output record marked `dropped` (its meta under the
  step's name has "removed": the reason) is not passed on: it goes to removed.jsonl, committed with its
  root (rejection sampling's rejected candidates);
- `PoolStep.run_all(records)`: every record at once (Self-Instruct's pool, dedup clusters, budgets).

The base owns what the pipeline, the summary and the report read from every step: `counters` (what it
kept and dropped, by reason), `removed` (the records it dropped, each with the reason in its meta:
removed.jsonl) and `report()` (rates and flags derived from its work). Steps get a `StepContext`
(engines, progress board, CPU pool) instead of being patched by an executor.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from synthloom.record import Record
from synthloom.steps.step_config import StepConfig

if TYPE_CHECKING:
    from synthloom.engine.model_engines import Engines
    from synthloom.executors.cpu import CpuPool
    from synthloom.steps.board import ProgressBoard


class StepError(Exception):
    """This record cannot pass this step (bad field, unusable model output); the run goes on."""


class TemplateFieldMissing(StepError):
    """The step's template names a field this record lacks. While no record has rendered, the pipeline
    takes it for a wrong template or input rather than odd records, and stops the run with it."""

    @classmethod
    def of(cls, template: str, missing: KeyError) -> TemplateFieldMissing:
        return cls(f"template {template!r}: {missing.args[0]}")


@dataclass
class StepContext:
    """What a step may use: the engines (one per configured model), the progress board, and the CPU pool
    its CPU-bound work goes to (local processes, or Ray tasks under `--executor ray`)."""

    engines: Engines
    board: ProgressBoard
    cpu: CpuPool

    @classmethod
    def in_process(cls, engines: Engines) -> StepContext:
        """For a step used outside a run (a notebook, a unit test): no progress bars, this machine's cores."""
        from synthloom.executors.cpu import LocalCpu
        from synthloom.steps.board import no_bars

        return cls(engines, no_bars(), LocalCpu())


# Counts made by one process() call, when the caller asked for them apart (a Ray worker sends each
# call's counts back with its records, so the driver's step adds up exactly what a local run counts).
_CALL_COUNTERS: ContextVar[Counter | None] = ContextVar("synthloom_call_counters", default=None)


ConfigT = TypeVar("ConfigT", bound=StepConfig)


class Step(ABC, Generic[ConfigT]):
    kind: ClassVar[str]  # "record", "pool" or "observer": which method the pipeline calls
    config_class: ClassVar[type[StepConfig]]  # its config; its `step:` Literal names the step in a config
    kind_label: ClassVar[str | None] = None  # how `synthloom steps` names its kind, when not just `kind`

    @classmethod
    def for_config(cls, config: StepConfig) -> type[Step]:
        """The class that runs `config`: this one, unless a setting changes what the step must hold
        (coverage without `fill` only measures, so it runs as an observer)."""
        return cls

    @classmethod
    def described_kind(cls) -> str:
        return cls.kind_label or f"{cls.kind} step"

    def __init__(self, config: ConfigT, context: StepContext, name: str) -> None:
        self.config = config
        self.context = context
        self.name = name
        self._counters: Counter = Counter()
        self.removed: list[Record] = []

    @property
    def counters(self) -> Counter:
        call = _CALL_COUNTERS.get()
        return call if call is not None else self._counters

    def add_counts(self, counts: dict[str, int]) -> None:
        """Counts made elsewhere (a worker's share of this step's calls)."""
        self._counters.update(counts)

    def report(self) -> dict[str, Any]:
        """Rates and flags derived from the step's work, for the summary and the report."""
        return {}

    def carry_over(self, earlier: Counter) -> None:
        """Before a resumed stream: what earlier sessions of this run counted for the step (a run-wide
        budget goes on from what they spent; a report covers every session). By default, nothing."""


def dropped(step_name: str, record: Record, reason: str, /, **details: Any) -> Record:
    """`record`, marked as dropped by the step: a per-record step returns it to have it in removed.jsonl."""
    record.meta[step_name] = {**record.meta.get(step_name, {}), "removed": reason, **details}
    return record


def dropped_by(step: Step[Any], record: Record) -> bool:
    meta = record.meta.get(step.name)
    return isinstance(meta, dict) and "removed" in meta


class RecordStep(Step[ConfigT]):
    kind = "record"
    # A step whose records share run-wide state (a budget) runs in the driver even under Ray, where that
    # state lives; its model calls and checks still go to the workers through the driver's engines.
    runs_on_driver: bool = False

    @abstractmethod
    async def process(self, record: Record) -> list[Record]:
        """Children of `record` (itself, changed, for a 1:1 step; [] to drop it). Raise StepError,
        GenerationFailed or EndpointUnreachable; the pipeline records the first two on the record."""


class PoolStep(Step[ConfigT]):
    kind = "pool"

    def __init__(self, config: ConfigT, context: StepContext, name: str) -> None:
        super().__init__(config, context, name)
        # What the step's records name as lineage parents without being records themselves (Self-Instruct's
        # seed and generated tasks), each a dict with an "id": sources.jsonl, so every parent resolves.
        self.sources: list[dict[str, Any]] = []

    @abstractmethod
    async def run_all(self, records: list[Record]) -> list[Record]:
        """The records that go on. Every record dropped goes into `self.removed` with the reason."""

    async def run_pool(self, pool: Callable[[], Iterator[Record]],
                       count: int) -> Iterable[Record] | AsyncIterator[Record]:
        """The records that go on, from a pool of `count` records that `pool()` reads again from disk
        each time it is called; they may come as they are made. By default the pool is read into memory
        for `run_all`; a step that need not hold it reads it again instead (dedup) or checks it batch by
        batch (decontaminate). `self.removed` is complete once the result is read."""
        return await self.run_all(list(pool()))


class ObserverStep(Step[ConfigT]):
    """Measures records without holding them or the pipeline: it sees, once each, the records its stage
    ends with (what the next whole-pool step receives, or the run's whole output, read from disk after
    the stream), and passes them on unchanged. Its memory must not grow with the records it sees."""

    kind = "observer"

    @abstractmethod
    def observe(self, record: Record) -> None:
        """One record of the stage's end (in input order for a stage, in output order for the run)."""

    def finish(self) -> None:
        """After the last record: derive what `report()` says."""


async def process_counted(step: RecordStep[Any], record: Record) -> tuple[list[Record] | BaseException, dict[str, int]]:
    """Run one process() call and return (its records or the exception it raised, the counts it made),
    without touching the step's own counters: the caller adds them where they belong."""
    counts: Counter = Counter()
    token = _CALL_COUNTERS.set(counts)
    try:
        outcome: list[Record] | BaseException = await step.process(record)
    except Exception as exc:  # noqa: BLE001 - handed back to the caller, which decides
        outcome = exc
    finally:
        _CALL_COUNTERS.reset(token)
    return outcome, dict(counts)


# How the pipeline runs one per-record step on one record: locally, `step.process`; on Ray, a worker.
RecordRunner = Callable[[RecordStep[Any], Record], Awaitable[list[Record]]]


async def run_locally(step: RecordStep[Any], record: Record) -> list[Record]:
    return await step.process(record)
