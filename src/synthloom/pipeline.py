"""Run steps over input records, streaming: each input record (a root) flows through every step on its
own, so a slow record never holds back others, and is committed to the run directory when done."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field

from synthloom.engine.engine import Engine, GenerationFailed
from synthloom.models.base import EndpointUnreachable
from synthloom.record import Record
from synthloom.run_dir import RunDirectory
from synthloom.steps.base import Step, StepError

log = logging.getLogger("synthloom")


@dataclass
class StepStats:
    received: int = 0
    emitted: int = 0
    dropped: int = 0
    failed: int = 0
    errors: dict[str, int] = field(default_factory=dict)


@dataclass
class RunSummary:
    roots_total: int = 0
    roots_skipped: int = 0  # already committed by an earlier session
    roots_done: int = 0
    roots_failed: int = 0
    records_written: int = 0
    steps: dict[str, StepStats] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)


class Pipeline:
    def __init__(self, steps: Sequence[Step], engine: Engine, run_dir: RunDirectory, *,
                 max_in_flight: int, on_root_done: Callable[[], None] = lambda: None) -> None:
        self.steps = list(steps)
        self.engine = engine
        self.run_dir = run_dir
        self.max_in_flight = max_in_flight
        self.on_root_done = on_root_done
        self.summary = RunSummary(steps={s.name: StepStats() for s in self.steps})
        self._already_written: set[str] = set()

    async def run(self, inputs: list[Record]) -> RunSummary:
        done = self.run_dir.done_roots()
        self._already_written = self.run_dir.output_ids()
        self.summary.roots_total = len(inputs)
        slots = asyncio.Semaphore(self.max_in_flight)
        tasks: set[asyncio.Task] = set()
        fatal: list[BaseException] = []

        def finished(task: asyncio.Task) -> None:
            tasks.discard(task)
            slots.release()
            if not task.cancelled() and task.exception() is not None:
                fatal.append(task.exception())

        try:
            for root in inputs:
                if root.id in done:
                    self.summary.roots_skipped += 1
                    continue
                await slots.acquire()
                if fatal:
                    break
                task = asyncio.create_task(self._run_root(root))
                tasks.add(task)
                task.add_done_callback(finished)
            while tasks and not fatal:
                await asyncio.wait(set(tasks), return_when=asyncio.FIRST_EXCEPTION)
        finally:
            for task in list(tasks):
                task.cancel()
            if tasks:
                await asyncio.gather(*tasks, return_exceptions=True)
        if fatal:
            raise fatal[0]
        return self.summary

    async def _run_root(self, root: Record) -> None:
        records, failed = [root], []
        for step in self.steps:
            stats = self.summary.steps[step.name]
            stats.received += len(records)
            outcomes = await asyncio.gather(*(step.process(r) for r in records), return_exceptions=True)
            next_records = []
            for record, outcome in zip(records, outcomes, strict=True):
                if isinstance(outcome, EndpointUnreachable):
                    raise outcome  # the whole run stops: no record could succeed
                if isinstance(outcome, BaseException):
                    failed.append(record.failed(step.name, _describe(outcome)))
                    stats.failed += 1
                    kind = type(outcome).__name__
                    stats.errors[kind] = stats.errors.get(kind, 0) + 1
                    if not isinstance(outcome, (GenerationFailed, StepError)):
                        log.error("step %s raised on record %s", step.name, record.id, exc_info=outcome)
                    continue
                if not outcome:
                    stats.dropped += 1
                stats.emitted += len(outcome)
                next_records.extend(outcome)
            records = next_records
        # Records an earlier session already wrote (a root that partly failed then) are not written again.
        fresh = [r for r in records if r.id not in self._already_written]
        self.run_dir.commit_root(root.id, fresh, failed)
        self._already_written.update(r.id for r in fresh)
        self.summary.records_written += len(fresh)
        if failed:
            self.summary.roots_failed += 1
        else:
            self.summary.roots_done += 1
        self.on_root_done()


def _describe(exc: BaseException) -> str:
    if isinstance(exc, (GenerationFailed, StepError)):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"
