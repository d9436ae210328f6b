"""Run steps over records, stage by stage. Two kinds of step:

- per-record steps (`RecordStep`): each record flows through them on its own, so a slow record never
  holds back the others; the executor decides where `process` runs (here, or on a Ray worker);
- whole-pool steps (`PoolStep`: Self-Instruct, Evol-Instruct, dedup...) need every record at once. What
  they drop they keep in `removed`, each with the reason in its meta: removed.jsonl.

A whole-pool step closes a stage: the per-record steps before it stream their records into the stage
(stage_store.py), committed root by root; then the whole-pool step runs over the stage's records in input
order, and its output is written as the stage's shards and marked done. The next stage streams those
shards. After the last whole-pool step, the remaining per-record steps stream into output.jsonl. A
resume reads finished stages from their shards, continues the open stage from its committed roots and
never runs a finished stage again: nothing is replayed, so no later session can see a different pool.
A finished stage is final: before it closes, the roots that failed in it are tried once more (their
answers so far come from the cache); what still fails is recorded in failures.jsonl and not retried.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from dataclasses import asdict, dataclass, field, fields
from typing import Protocol

from synthloom.engine.engine import GenerationFailed
from synthloom.errors import RunStop, UserError
from synthloom.models.base import EndpointUnreachable
from synthloom.record import Record
from synthloom.run.progress import ProgressBoard
from synthloom.run.run_dir import RunDirectory
from synthloom.run.stage_store import StageStore
from synthloom.steps.base import (
    ObserverStep,
    PoolStep,
    RecordRunner,
    RecordStep,
    Step,
    StepError,
    TemplateFieldMissing,
    dropped_by,
    run_locally,
)

log = logging.getLogger("synthloom")
# A step whose template renders for none of the first this many inputs (in input order, so the decision
# does not depend on which answers come back first) stops the run: the template or the input is wrong,
# and failing every record one by one would only hide that.
TEMPLATE_MISSES_TO_STOP = 16
COMMIT_BATCH = 1_000  # roots committed in one transaction when no step is left to run on them


@dataclass
class StepStats:
    received: int = 0
    emitted: int = 0
    dropped: int = 0
    failed: int = 0
    errors: dict[str, int] = field(default_factory=dict)
    counters: dict[str, int] = field(default_factory=dict)  # the step's own counts (filters, labels...)
    report: dict = field(default_factory=dict)  # rates and flags the step derives from its counts
    whole: bool = False  # the run's figures (a finished stage's step), not only this session's
    bypassed: int = 0  # records its `only_if` field sent past it unchanged

    @classmethod
    def from_dict(cls, data: dict) -> StepStats:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})

    def add(self, other: StepStats) -> None:
        """Add another session's counts of the same step."""
        for name in ("received", "emitted", "dropped", "failed", "bypassed"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for mine, theirs in ((self.errors, other.errors), (self.counters, other.counters)):
            for key, value in theirs.items():
                if isinstance(value, int):
                    mine[key] = mine.get(key, 0) + value


@dataclass
class RunSummary:
    roots_total: int = 0
    roots_skipped: int = 0  # already committed by an earlier session
    roots_done: int = 0
    roots_failed: int = 0
    stage_failed: int = 0  # roots that failed for good in a stage before the last whole-pool step (all sessions)
    records_written: int = 0
    steps: dict[str, StepStats] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)

    @property
    def failed(self) -> int:
        """Every record that failed: this session's in the output's stream, and the stages' (final)."""
        return self.roots_failed + self.stage_failed


@dataclass
class Stage:
    """Per-record steps, then (except for the last stage) the whole-pool step that closes them."""

    key: str  # its folder under stages/: position and the closing step's name
    steps: list[RecordStep]
    barrier: PoolStep | None
    observers: list[ObserverStep] = field(default_factory=list)  # they measure what the stage ends with


def plan_stages(steps: Sequence[Step]) -> list[Stage]:
    """One stage per whole-pool step, closed by it; the per-record steps after the last one stream into
    the output (the last stage, which may have no steps)."""
    stages: list[Stage] = []
    pending: list[RecordStep] = []
    observers: list[ObserverStep] = []
    for step in steps:
        if isinstance(step, PoolStep):
            stages.append(Stage(f"{len(stages):02d}-{step.name}", pending, step, observers))
            pending, observers = [], []
        elif isinstance(step, ObserverStep):
            observers.append(step)
        else:
            assert isinstance(step, RecordStep)
            pending.append(step)
    stages.append(Stage("output", pending, None, observers))
    return stages


class _Sink(Protocol):
    def done_roots(self) -> set[str]: ...

    def commit(self, root: Record, position: int, records: list[Record], failed: list[Record],
               removed: list[Record]) -> int:
        """Commit one root's records, failures and the records its steps dropped; the number written."""
        ...


class _OutputSink:
    """The last stage's roots go to output.jsonl."""

    def __init__(self, run_dir: RunDirectory) -> None:
        self.run_dir = run_dir
        # Only a root that failed part-way can have written some of its records: the ids are read only then.
        self.already_written = run_dir.output_ids() if run_dir.count_failed_output_roots() else set()

    def done_roots(self) -> set[str]:
        return self.run_dir.done_roots()

    def commit(self, root: Record, position: int, records: list[Record], failed: list[Record],
               removed: list[Record]) -> int:
        # Records an earlier session already wrote (a root that partly failed then) are not written again.
        fresh = [r for r in records if r.id not in self.already_written]
        self.run_dir.commit_root(root.id, fresh, failed, removed)
        self.already_written.update(r.id for r in fresh)
        return len(fresh)

    def commit_unchanged(self, roots: list[Record]) -> int:
        fresh = [r for r in roots if r.id not in self.already_written]
        self.run_dir.commit_unchanged_roots(fresh)
        return len(fresh)


class _StageSink:
    """An open stage's roots go to its streamed.jsonl; the ones that failed are kept for one more try."""

    def __init__(self, store: StageStore) -> None:
        self.store = store
        self.failed: list[tuple[int, Record]] = []

    def done_roots(self) -> set[str]:
        return self.store.done_roots()

    def commit(self, root: Record, position: int, records: list[Record], failed: list[Record],
               removed: list[Record]) -> int:
        written = self.store.written_ids(position)  # a root that partly failed before wrote these
        fresh = [r for r in records if r.id not in written]
        self.store.commit_root(root.id, position, fresh, failed, removed)
        if failed:
            self.failed.append((position, root))
        return len(fresh)


class Pipeline:
    def __init__(self, steps: Sequence[Step], run_dir: RunDirectory, *, max_in_flight: int,
                 board: ProgressBoard, run_record_step: RecordRunner = run_locally) -> None:
        self.steps = list(steps)
        self.run_dir = run_dir
        self.max_in_flight = max_in_flight
        self.board = board
        self.run_record_step = run_record_step
        self.stages = plan_stages(self.steps)
        self.summary = RunSummary(steps={s.name: StepStats() for s in self.steps})
        self._whole: set[str] = set()  # steps whose figures are final for the run (finished stages)
        self._rendered: set[str] = set()  # steps whose template rendered for one of the first inputs
        self._rendered_any: set[str] = set()
        self._template_misses: dict[str, dict[int, str]] = {}  # step: {input position: the message}
        self._streamed: int | None = None  # roots in the current stream, when known: `position` counts them

    async def run(self, inputs: Iterable[Record], total: int | None = None) -> RunSummary:
        """`inputs` may be read more than once (a list, or `execute.InputRecords`); `total`: how many
        there are, when `inputs` cannot tell."""
        if isinstance(inputs, Iterator):  # a one-shot stream: the first stage may need to read it twice
            inputs = list(inputs)
        if total is None and isinstance(inputs, Sized):
            total = len(inputs)
        try:
            # Each stage's input, as a source that can be read again (inputs, or the last stage's shards).
            def source() -> Iterable[Record]:
                return inputs

            for stage in self.stages[:-1]:
                source, total = await self._run_stage(stage, source, total)
            tail = self.stages[-1]
            sink = _OutputSink(self.run_dir)
            if tail.steps:
                self._carry_over(tail.steps)
                await self._stream(source(), total, tail.steps, sink, "records")
            else:
                self._commit_unchanged(source(), total, sink)
            self._check_templates(tail.steps)
            if tail.observers:  # the whole output, every session's, read back from disk
                self._observe(tail.observers, self.run_dir.output_records())
                for observer in tail.observers:
                    self.summary.steps[observer.name].whole = True
        finally:
            self.run_dir.gather_stage_files()  # what the output's steps dropped, committed so far
            self.summary.stage_failed = self.run_dir.count_failed_stage_roots()
            self.collect_step_counts()
        return self.summary

    def snapshot_counts(self) -> None:
        """The streamed steps' counts so far, for a periodic save: a killed session's summary then says
        what it counted (a run-wide budget goes on from it); reports are made at the end only."""
        for step in self.steps:
            if step.name not in self._whole:
                self.summary.steps[step.name].counters = dict(step.counters)

    def collect_step_counts(self) -> None:
        for step in self.steps:
            if step.name in self._whole:
                continue
            stats = self.summary.steps[step.name]
            stats.counters = dict(step.counters)
            stats.report = step.report()

    # -- a stage: per-record steps streamed into the stage, then its whole-pool step ---------------

    async def _run_stage(self, stage: Stage, source: Callable[[], Iterable[Record]],
                         total: int | None) -> tuple[Callable[[], Iterable[Record]], int]:
        store = self.run_dir.stage(stage.key)
        manifest = store.manifest()
        if manifest is None and not stage.steps:
            # Nothing to stream: the whole-pool step reads its input where it is (the inputs, or the
            # previous stage's shards) instead of a copy committed record by record.
            if total is None:
                total = sum(1 for _ in source())
            store.open()
            try:
                manifest = await self._close_stage(stage, store, source, total)
            finally:
                store.close()
        elif manifest is None:
            store.open()
            try:
                sink = _StageSink(store)
                self._carry_over(stage.steps)
                await self._stream(source(), total, stage.steps, sink, f"stage {stage.key}")
                if sink.failed:  # a stage is final once closed: its failures get one more try first
                    log.info("stage %s: trying the %d roots that failed once more before %s", stage.key,
                             len(sink.failed), stage.key.split("-", 1)[1])
                    retry, sink.failed = sink.failed, []
                    await self._stream([root for _, root in retry], len(retry), stage.steps, sink,
                                       f"stage {stage.key} retry", positions=[p for p, _ in retry])
                self._check_templates(stage.steps)
                manifest = await self._close_stage(stage, store, store.streamed_records, store.count_streamed())
            finally:
                store.close()
        else:
            self._load_figures(manifest)
        finished = manifest
        return (lambda: store.output(finished)), manifest["records"]

    async def _close_stage(self, stage: Stage, store: StageStore, pool: Callable[[], Iterable[Record]],
                           count: int) -> dict:
        """Run the stage's whole-pool step over `pool` (`count` records, readable more than once)."""
        step = stage.barrier
        assert step is not None, "only a stage closed by a whole-pool step is closed"
        stats = self.summary.steps[step.name]
        if stage.observers:
            self._observe(stage.observers, pool())
        if step.config.only_if:  # the pool is split in two: it is read into memory
            taken, bypass = _route(step, list(pool()))
            received, bypassed = len(taken), len(bypass)
            shards = await store.write_shards([*await step.run_all(taken), *bypass])
        else:  # the step may read the pool from disk instead of holding it (dedup does)
            received, bypassed = count, 0
            shards = await store.write_shards(await step.run_pool(lambda: iter(pool()), received))
        emitted = sum(s["records"] for s in shards) - bypassed
        stats.received += received
        stats.bypassed += bypassed
        stats.emitted += emitted
        # What it listed as removed; a step that merges or replaces records without listing them (the
        # self-consuming loop) at least its net loss.
        stats.dropped += max(len(step.removed), received - emitted)
        manifest = store.finish(shards, step.removed, step.sources, {"steps": self._final_figures(stage)})
        store.drop_streamed()  # its records are in the shards now
        self.run_dir.gather_stage_files()
        log.info("stage %s done: %d records in, %d out", stage.key, received + bypassed, manifest["records"])
        return manifest

    def _final_figures(self, stage: Stage) -> dict[str, dict]:
        """The stage's steps' figures for the whole run: this session's, plus, for its streamed steps,
        what earlier sessions' streams of this stage counted before they were stopped (its observers and
        whole-pool step run whole in the session that closes it)."""
        figures = {}
        closing: list[Step] = [stage.barrier] if stage.barrier is not None else []
        for step in [*stage.steps, *stage.observers, *closing]:
            stats = self.summary.steps[step.name]
            stats.counters, stats.report = dict(step.counters), step.report()
            if step in stage.steps:
                for earlier in self.run_dir.earlier_step_stats(step.name):
                    if not earlier.get("whole"):
                        stats.add(StepStats.from_dict(earlier))
            stats.whole = True
            self._whole.add(step.name)
            figures[step.name] = asdict(stats)
        return figures

    def _carry_over(self, steps: list[RecordStep]) -> None:
        """What earlier sessions of this run counted for each streamed step, given to the step."""
        for step in steps:
            earlier: Counter = Counter()
            for stats in self.run_dir.earlier_step_stats(step.name):
                if not stats.get("whole"):
                    earlier.update(stats.get("counters", {}))
            step.carry_over(earlier)

    def _observe(self, observers: list[ObserverStep], records: Iterable[Record]) -> None:
        count = 0
        for record in records:
            count += 1
            for observer in observers:
                observer.observe(record)
        for observer in observers:
            observer.finish()
            stats = self.summary.steps[observer.name]
            stats.received = stats.emitted = count

    def _load_figures(self, manifest: dict) -> None:
        for name, saved in manifest.get("steps", {}).items():
            if name in self.summary.steps:
                self.summary.steps[name] = StepStats.from_dict(saved)
                self._whole.add(name)

    # -- streaming roots through per-record steps -------------------------------------------------

    def _commit_unchanged(self, roots: Iterable[Record], total: int | None, sink: _OutputSink) -> None:
        """No per-record step after the last whole-pool step: each root is its own record, committed
        in batches (one transaction for many roots) instead of one by one."""
        done = sink.done_roots()
        bar = self.board.bar("records", total)
        batch: list[Record] = []
        count = 0

        def flush() -> None:
            written = sink.commit_unchanged(batch)
            self.summary.records_written += written
            self.summary.roots_done += len(batch)
            bar.advance(len(batch))
            batch.clear()

        for root in roots:
            count += 1
            if root.id in done:
                self.summary.roots_skipped += 1
                bar.advance()
                continue
            batch.append(root)
            if len(batch) >= COMMIT_BATCH:
                flush()
        flush()
        self.summary.roots_total = count

    async def _stream(self, roots: Iterable[Record], total: int | None, steps: list[RecordStep], sink: _Sink,
                      label: str, positions: list[int] | None = None) -> None:
        """Each root through `steps` on its own, at most `max_in_flight` at once, committed to `sink`.
        `positions`: each root's input position, when `roots` is not the whole stream (a retry)."""
        done = sink.done_roots()
        tail = isinstance(sink, _OutputSink)
        if tail:
            self.summary.roots_total = total or 0
        self._streamed = total
        bar = self.board.bar(label, total)
        slots = asyncio.Semaphore(self.max_in_flight)
        tasks: set[asyncio.Task] = set()
        fatal: list[BaseException] = []

        def finished(task: asyncio.Task) -> None:
            tasks.discard(task)
            slots.release()
            error = None if task.cancelled() else task.exception()
            if error is not None:
                fatal.append(error)

        count = 0
        try:
            for index, root in enumerate(roots):
                count += 1
                position = positions[index] if positions is not None else index
                if root.id in done:
                    if tail:
                        self.summary.roots_skipped += 1
                    bar.advance()
                    continue
                await slots.acquire()
                if fatal:
                    break
                task = asyncio.create_task(self._run_root(root, steps, sink, bar.advance, position))
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
        if tail and total is None:
            self.summary.roots_total = count

    async def _run_root(self, root: Record, steps: list[RecordStep], sink: _Sink, advance: Callable[[], None],
                        position: int) -> None:
        records, failed, removed = [root], [], []
        for step in steps:
            records, step_failed, step_removed = await self._apply(step, records, position)
            failed.extend(step_failed)
            removed.extend(step_removed)
        written = sink.commit(root, position, records, failed, removed)
        if isinstance(sink, _OutputSink):
            self.summary.records_written += written
            if failed:
                self.summary.roots_failed += 1
            else:
                self.summary.roots_done += 1
        advance()

    async def _apply(self, step: RecordStep, records: list[Record],
                     position: int) -> tuple[list[Record], list[Record], list[Record]]:
        """Run a per-record step over records at once: (what it emitted, the records that failed, the
        records it dropped with a reason). `position`: the stream position of their root."""
        stats = self.summary.steps[step.name]
        records, bypass = _route(step, records)
        stats.received += len(records)
        stats.bypassed += len(bypass)
        outcomes = await asyncio.gather(*(self.run_record_step(step, r) for r in records), return_exceptions=True)
        for outcome in outcomes:
            if isinstance(outcome, (EndpointUnreachable, RunStop)):
                raise outcome  # the whole run stops: no record could succeed
            self._watch_template(step, position, outcome, self._streamed)
        emitted, failed, removed = [], [], []  # type: list[Record], list[Record], list[Record]
        for record, outcome in zip(records, outcomes, strict=True):
            if isinstance(outcome, BaseException):
                failed.append(record.failed(step.name, _describe(outcome)))
                stats.failed += 1
                kind = type(outcome).__name__
                stats.errors[kind] = stats.errors.get(kind, 0) + 1
                if not isinstance(outcome, (GenerationFailed, StepError)):
                    log.error("step %s raised on record %s", step.name, record.id, exc_info=outcome)
                continue
            kept = [r for r in outcome if not dropped_by(step, r)]
            drops = len(outcome) - len(kept)
            removed.extend(r for r in outcome if dropped_by(step, r))
            stats.dropped += drops if drops else int(not kept)
            stats.emitted += len(kept)
            emitted.extend(kept)
        return emitted + bypass, failed, removed

    def _check_templates(self, steps: list[RecordStep]) -> None:
        """After a stream: a step whose template rendered for none of its records stops the run."""
        never = [s.name for s in steps if s.name in self._template_misses and s.name not in self._rendered_any]
        if never:
            first = next(iter(self._template_misses[never[0]].values()))
            raise UserError(f"{never[0]}: {first}; it renders for no record: fix the template or the "
                            "input, then run again with --resume")

    def _watch_template(self, step: RecordStep, position: int, outcome: object, inputs: int | None) -> None:
        if not isinstance(outcome, TemplateFieldMissing):
            self._rendered_any.add(step.name)
            if position < TEMPLATE_MISSES_TO_STOP:
                self._rendered.add(step.name)
            return
        misses = self._template_misses.setdefault(step.name, {})
        if step.name in self._rendered or position >= TEMPLATE_MISSES_TO_STOP:
            misses.setdefault(position, str(outcome))
            return
        misses[position] = str(outcome)
        first = sorted(p for p in misses if p < TEMPLATE_MISSES_TO_STOP)
        if inputs is None:  # a stream of unknown length: the check after it decides
            inputs = TEMPLATE_MISSES_TO_STOP
        if len(first) >= min(TEMPLATE_MISSES_TO_STOP, inputs):
            which = "the only record" if inputs == 1 else f"any of the first {len(first)} records"
            raise UserError(f"{step.name}: {outcome}; it renders for none of {which}: fix the template or "
                            "the input, then run again with --resume")


def _route(step: Step, records: list[Record]) -> tuple[list[Record], list[Record]]:
    """(records the step takes, records that pass it unchanged) under the step's `only_if` field."""
    field_name = step.config.only_if
    if not field_name:
        return records, []
    taken: list[Record] = []
    bypass: list[Record] = []
    for record in records:
        value = record.fields.get(field_name)
        (taken if value not in (None, "", [], {}) else bypass).append(record)
    return taken, bypass


def _describe(exc: BaseException) -> str:
    if isinstance(exc, (GenerationFailed, StepError)):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"
