"""Run steps over records. Two kinds of step:

- per-record steps (`RecordStep`): each record flows through them on its own, so a slow record never
  holds back the others; the executor decides where `process` runs (here, or on a Ray worker);
- whole-pool steps (`PoolStep`: Self-Instruct, Evol-Instruct, rejection sampling, the guards) need every
  record at once. What they drop they keep in `removed`, each with the reason in its meta, and the
  pipeline writes them to removed.jsonl.

The pipeline runs everything up to the last whole-pool step as a prefix, then streams the resulting
records through the remaining per-record steps, committing each to the run directory when it is done.
On resume the prefix is replayed: its choices are seeded and its answers come from the response cache,
so it gives the same records without calling a model again, and committed records are skipped. The
replay can still see a different pool: a record that failed in a prefix step last time may succeed now.
So every whole-pool step is told which records of its pool earlier sessions already streamed (or whose
descendants they streamed): it keeps them (dedup prefers them as the kept copy), and a committed root
the replay no longer produces is counted and explained, never removed from the output.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field

from synthloom.engine.engine import GenerationFailed
from synthloom.errors import UserError
from synthloom.models.base import EndpointUnreachable
from synthloom.record import Record
from synthloom.run.progress import ProgressBoard
from synthloom.run.run_dir import RunDirectory
from synthloom.steps.base import PoolStep, RecordRunner, RecordStep, Step, StepError, TemplateFieldMissing, run_locally

log = logging.getLogger("synthloom")
# A step whose template renders for none of the first this many inputs (in input order, so the decision
# does not depend on which answers come back first) stops the run: the template or the input is wrong,
# and failing every record one by one would only hide that.
TEMPLATE_MISSES_TO_STOP = 16


@dataclass
class StepStats:
    received: int = 0
    emitted: int = 0
    dropped: int = 0
    failed: int = 0
    errors: dict[str, int] = field(default_factory=dict)
    counters: dict[str, int] = field(default_factory=dict)  # the step's own counts (filters, labels...)
    report: dict = field(default_factory=dict)  # rates and flags the step derives from its counts
    prefix: bool = False  # ran before the streamed part: replayed whole by every session
    bypassed: int = 0  # records its `only_if` field sent past it unchanged


@dataclass
class RunSummary:
    roots_total: int = 0
    roots_skipped: int = 0  # already committed by an earlier session
    roots_done: int = 0
    roots_failed: int = 0
    prefix_failed: int = 0  # records that failed in a step before the last whole-pool step
    replay_orphans: int = 0  # roots committed earlier that this session's replay did not produce again
    records_written: int = 0
    steps: dict[str, StepStats] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)

    @property
    def failed(self) -> int:
        """Every record that failed this session, in any phase."""
        return self.roots_failed + self.prefix_failed


class Pipeline:
    def __init__(self, steps: Sequence[Step], run_dir: RunDirectory, *, max_in_flight: int,
                 board: ProgressBoard, run_record_step: RecordRunner = run_locally) -> None:
        self.steps = list(steps)
        self.run_dir = run_dir
        self.max_in_flight = max_in_flight
        self.board = board
        self.run_record_step = run_record_step
        whole_pool = [i for i, s in enumerate(self.steps) if isinstance(s, PoolStep)]
        self._split = whole_pool[-1] + 1 if whole_pool else 0
        self.summary = RunSummary(steps={s.name: StepStats(prefix=i < self._split) for i, s in enumerate(self.steps)})
        self._already_written: set[str] = set()
        self._rendered: set[str] = set()  # steps whose template rendered for one of the first inputs
        self._rendered_any: set[str] = set()
        self._template_misses: dict[str, dict[int, str]] = {}  # step: {input position: the message}
        self._streamed = 0  # roots in the stream: the inputs `position` counts

    async def run(self, inputs: list[Record]) -> RunSummary:
        try:
            records = await self._run_prefix(inputs)
            await self._stream(records, [s for s in self.steps[self._split:] if isinstance(s, RecordStep)])
            never = [name for name in self._template_misses if name not in self._rendered_any]
            if never:
                first = next(iter(self._template_misses[never[0]].values()))
                raise UserError(f"{never[0]}: {first}; it renders for no record: fix the template or the "
                                "input, then run again with --resume")
        finally:
            self.collect_step_counts()
        return self.summary

    def collect_step_counts(self) -> None:
        for step in self.steps:
            stats = self.summary.steps[step.name]
            stats.counters = dict(step.counters)
            stats.report = step.report()

    # -- the prefix: up to the last whole-pool step ------------------------------------------------

    async def _run_prefix(self, records: list[Record]) -> list[Record]:
        prefix = self.steps[: self._split]
        if not prefix:
            return records
        self.run_dir.forget_prefix_failures()  # the replay below finds them again if they still fail
        committed = self.run_dir.committed_lineage()
        parents = {r.id: r.lineage.parents for r in records}
        removed: list[Record] = []
        sources: list[dict] = []
        for step in prefix:
            stats = self.summary.steps[step.name]
            if isinstance(step, PoolStep):
                taken, bypass = _route(step, records)
                stats.received += len(taken)
                stats.bypassed += len(bypass)
                step.committed = frozenset(r.id for r in taken if r.id in committed)
                out = await step.run_all(taken)
                out += _keep_committed(step, step.committed)
                stats.emitted += len(out)
                removed.extend(step.removed)
                sources.extend(step.sources)
                # What it listed as removed; a step that merges or replaces records without listing
                # them (the self-consuming loop) at least its net loss.
                stats.dropped += max(len(step.removed), len(taken) - len(out))
                records = out + bypass
            else:
                assert isinstance(step, RecordStep)
                records, failed = await self._apply(step, records)
                for record in failed:
                    self.run_dir.commit_prefix_failure(record)
            parents.update((r.id, r.lineage.parents) for r in records)
        self.summary.prefix_failed = self.run_dir.count_prefix_failures()
        self.run_dir.record_ancestry((r.id, a) for r in records for a in _ancestors(r.id, parents))
        self._count_orphans(records)
        # Guards say what they removed and why; the prefix is replayed whole on resume, so the file is
        # rewritten whole, never appended to.
        self.run_dir.write_removed(removed)
        if sources:
            self.run_dir.write_sources(sources)
        return records

    def _count_orphans(self, roots: list[Record]) -> None:
        produced = {r.id for r in roots}
        orphans = self.run_dir.done_roots() - produced
        self.summary.replay_orphans = len(orphans)
        if orphans:
            log.warning("%d records written by an earlier session were not produced again by this session's "
                        "replay of the whole-pool steps (their pool differed: records that failed then may "
                        "succeed now); they stay in %s", len(orphans), self.run_dir.output_path.name)

    # -- the streamed tail -----------------------------------------------------------------------

    async def _stream(self, roots: list[Record], steps: list[RecordStep]) -> None:
        done = self.run_dir.done_roots()
        self._already_written = self.run_dir.output_ids()
        self.summary.roots_total = self._streamed = len(roots)
        bar = self.board.bar("records", len(roots), done=sum(r.id in done for r in roots))
        slots = asyncio.Semaphore(self.max_in_flight)
        tasks: set[asyncio.Task] = set()
        fatal: list[BaseException] = []

        def finished(task: asyncio.Task) -> None:
            tasks.discard(task)
            slots.release()
            error = None if task.cancelled() else task.exception()
            if error is not None:
                fatal.append(error)

        try:
            for position, root in enumerate(roots):
                if root.id in done:
                    self.summary.roots_skipped += 1
                    continue
                await slots.acquire()
                if fatal:
                    break
                task = asyncio.create_task(self._run_root(root, steps, bar.advance, position))
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

    async def _run_root(self, root: Record, steps: list[RecordStep], advance: Callable[[], None],
                        position: int) -> None:
        records, failed = [root], []
        for step in steps:
            records, step_failed = await self._apply(step, records, position)
            failed.extend(step_failed)
        # Records an earlier session already wrote (a root that partly failed then) are not written again.
        fresh = [r for r in records if r.id not in self._already_written]
        self.run_dir.commit_root(root.id, fresh, failed)
        self._already_written.update(r.id for r in fresh)
        self.summary.records_written += len(fresh)
        if failed:
            self.summary.roots_failed += 1
        else:
            self.summary.roots_done += 1
        advance()

    async def _apply(self, step: RecordStep, records: list[Record],
                     position: int | None = None) -> tuple[list[Record], list[Record]]:
        """Run a per-record step over records at once: (what it emitted, the records that failed).
        `position`: the input these records descend from (streamed); None: record i is input i (prefix)."""
        stats = self.summary.steps[step.name]
        records, bypass = _route(step, records)
        stats.received += len(records)
        stats.bypassed += len(bypass)
        outcomes = await asyncio.gather(*(self.run_record_step(step, r) for r in records), return_exceptions=True)
        for index, outcome in enumerate(outcomes):
            if isinstance(outcome, EndpointUnreachable):
                raise outcome  # the whole run stops: no record could succeed
            self._watch_template(step, index if position is None else position, outcome,
                                 len(outcomes) if position is None else self._streamed)
        emitted, failed = [], []
        for record, outcome in zip(records, outcomes, strict=True):
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
            emitted.extend(outcome)
        return emitted + bypass, failed


    def _watch_template(self, step: RecordStep, position: int, outcome: object, inputs: int) -> None:
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


def _keep_committed(step: PoolStep, committed: frozenset[str]) -> list[Record]:
    """Records of its pool a filter removed although an earlier session already streamed them (or their
    descendants): they stay, so the output is never contradicted. Returned to go back in the pool."""
    kept = [r for r in step.removed if r.id in committed]
    if kept:
        step.removed = [r for r in step.removed if r.id not in committed]
        step.counters["kept_as_already_written"] += len(kept)
        for record in kept:
            record.meta.pop(step.name, None)
    return kept


def _ancestors(record_id: str, parents: dict[str, list[str]]) -> set[str]:
    seen, stack = set(), [record_id]
    while stack:
        current = stack.pop()
        if current not in seen:
            seen.add(current)
            stack.extend(parents.get(current, ()))
    return seen


def _describe(exc: BaseException) -> str:
    if isinstance(exc, (GenerationFailed, StepError)):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"
