"""Batch mode: the engine's samples go to the provider's batch API instead of one call each.

Samples asked within `collect_s` of each other go into one batch (up to the provider's limit per
batch); a poller follows every open batch and hands each line's answer, or its error, to the sample
waiting for it. The engine's retry loop does the rest: a failed or unanswered line (an expired or
cancelled batch) is asked again, in a later batch, until its attempts run out.

Nothing is sent twice: every submission is in the ledger before it is sent, a sample whose key is in
an open batch (this session's or a killed one's) waits for that batch, and answers nobody waits for any
more are stored in the cache as they arrive.

Nothing hangs or downloads in a loop: a batch whose state or results cannot be read is asked again less
and less often, and after `stuck_s` the run stops naming it (BatchStuck); it stays in the ledger, so a
rerun picks it up. Results that are gone (expired files) stop the run at once.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import Awaitable, Callable
from typing import TypeVar

from synthloom.engine.batch_ledger import BatchLedger
from synthloom.engine.defaults import BATCH_COLLECT_S, BATCH_POLL_S, BATCH_REQUEUE_S, BATCH_STUCK_S
from synthloom.engine.metrics import EngineMetrics
from synthloom.models.base import BackendError, ChatRequest, Completion
from synthloom.models.batch import (
    RESULTS_GONE,
    TOO_LARGE,
    UNKNOWN_BATCH,
    BatchApi,
    BatchResults,
    BatchState,
    BatchStuck,
    line_error,
)

log = logging.getLogger("synthloom")
UNEXPECTED_ANSWER = (ValueError, KeyError, TypeError, AttributeError)  # a provider answer of another shape
T = TypeVar("T")
MAX_BACKOFF_DOUBLINGS = 6  # an unreadable batch is asked again at most every 64 polls


class BatchRunner:
    def __init__(self, api: BatchApi, ledger: BatchLedger, identity: str, metrics: EngineMetrics, *,
                 store_unclaimed: Callable[[str, Completion], None], collect_s: float = BATCH_COLLECT_S,
                 poll_s: float = BATCH_POLL_S, stuck_s: float = BATCH_STUCK_S) -> None:
        self.api, self.ledger, self.identity, self.metrics = api, ledger, identity, metrics
        self._store_unclaimed = store_unclaimed
        self.collect_s, self.poll_s, self.stuck_s = collect_s, poll_s, stuck_s
        self.max_bytes = api.max_bytes  # halved when the provider still finds a batch too large (413)
        self._queues: dict[str, list[tuple[str, ChatRequest, int]]] = {}  # (key, request, line bytes)
        self._queue_bytes: dict[str, int] = {}
        self._trouble: dict[str, tuple[float, float, int]] = {}  # token -> (first failure, next try, failures)
        self._stuck: dict[str, BatchStuck] = {}  # key -> why its batch gave up (this session asks no more)
        self._flushers: dict[str, asyncio.Task] = {}
        self._waiters: dict[str, list[asyncio.Future]] = {}
        self._open: dict[str, tuple[str, list[str]]] = {}  # token -> (batch id, keys)
        self._key_token: dict[str, str] = {}  # every key in a batch being sent or open
        self._queued: set[str] = set()  # every key waiting in a queue
        self._poller: asyncio.Task | None = None
        self._resumed = False
        self._resume_lock = asyncio.Lock()

    async def call(self, key: str, request: ChatRequest) -> Completion:
        """The answer to one sample, from a batch. Raises BackendError for a line that failed."""
        await self._resume()
        if key in self._stuck:
            raise self._stuck[key]
        size = 0
        if key not in self._key_token and key not in self._queued:
            size = self.api.line_bytes(key, request)  # a request the model refuses fails here, unsent
        future: asyncio.Future = asyncio.get_running_loop().create_future()
        self._waiters.setdefault(key, []).append(future)
        if key not in self._key_token and key not in self._queued:
            group = self.api.group(request)
            queue = self._queues.setdefault(group, [])
            queue.append((key, request, size))
            self._queued.add(key)
            self._queue_bytes[group] = self._queue_bytes.get(group, 0) + size
            if len(queue) >= self.api.max_requests or self._queue_bytes[group] >= self.max_bytes:
                self._flushers.pop(group, None)
                self._track(asyncio.create_task(self._send(group)))
            elif group not in self._flushers:
                self._flushers[group] = self._track(asyncio.create_task(self._send_later(group)))
        self._ensure_poller()
        try:
            return await future
        finally:
            waiting = self._waiters.get(key)
            if waiting and future in waiting:
                waiting.remove(future)

    @staticmethod
    def _track(task: asyncio.Task) -> asyncio.Task:
        """A background task whose failure is logged, not lost."""
        def report(done: asyncio.Task) -> None:
            if not done.cancelled() and done.exception() is not None:
                log.error("batch task failed: %s", done.exception())
        task.add_done_callback(report)
        return task

    async def _resume(self) -> None:
        """Once per session: adopt the batches an earlier session left open."""
        if self._resumed:
            return
        async with self._resume_lock:
            if self._resumed:
                return
            for batch in self.ledger.open_batches(self.identity):
                batch_id = batch.batch_id
                if batch_id is None:  # sent just before a kill: did the provider get it?
                    found = await self.api.find(batch.token, batch.keys, batch.submitted)
                    if found is None or self.ledger.known_id(found):
                        self.ledger.forget(batch.token)
                        continue
                    self.ledger.submitted(batch.token, found)
                    batch_id = found
                log.info("resuming batch %s (%d requests) sent by an earlier session", batch_id, len(batch.keys))
                self._adopt(batch.token, batch_id, batch.keys)
            self._resumed = True

    def _adopt(self, token: str, batch_id: str, keys: list[str]) -> None:
        self._open[token] = (batch_id, keys)
        self.metrics.batch_states[batch_id] = "submitted"
        for key in keys:
            self._key_token[key] = token

    async def _send_later(self, group: str) -> None:
        await asyncio.sleep(self.collect_s)
        if self._flushers.get(group) is asyncio.current_task():
            del self._flushers[group]
        await self._send(group)

    async def _send(self, group: str) -> None:
        queue = self._queues.pop(group, [])
        self._queue_bytes.pop(group, None)
        taken, total = 0, 0
        for _, _, size in queue:  # up to the provider's limits on lines and bytes (at least one line)
            if taken and (taken >= self.api.max_requests or total + size > self.max_bytes):
                break
            taken, total = taken + 1, total + size
        lines, rest = [(key, request) for key, request, _ in queue[:taken]], queue[taken:]
        if rest:  # more than one batch holds: the rest goes in the next
            self._queues[group] = rest
            self._queue_bytes[group] = sum(size for _, _, size in rest)
            self._track(asyncio.create_task(self._send(group)))
        if not lines:
            return
        token = uuid.uuid4().hex
        keys = [key for key, _ in lines]
        for key in keys:  # from here on a key asked again waits for this batch instead of joining another
            self._queued.discard(key)
            self._key_token[key] = token
        self.ledger.begin(token, self.identity, keys)
        try:
            batch_id = await self.api.submit(lines, token)
        except BaseException as exc:
            self.ledger.forget(token)
            if isinstance(exc, asyncio.CancelledError):
                raise
            if isinstance(exc, BackendError) and exc.kind == TOO_LARGE:  # its lines come back in smaller batches
                self.max_bytes = max(1, min(self.max_bytes, total) // 2)
                log.warning("the provider found a batch of %d bytes too large; batches now stay under %d bytes",
                            total, self.max_bytes)
            error = exc if isinstance(exc, BackendError) else BackendError(
                f"sending a batch failed ({type(exc).__name__}: {exc})", retryable=True, kind="batch_api")
            for key in keys:
                self._deliver(key, error)
            return
        self.ledger.submitted(token, batch_id)
        self._adopt(token, batch_id, keys)
        log.info("sent batch %s: %d requests", batch_id, len(keys))
        self._ensure_poller()

    def _ensure_poller(self) -> None:
        if self._poller is None or self._poller.done():
            self._poller = self._track(asyncio.create_task(self._poll()))

    async def _poll(self) -> None:
        while self._open or self._queues or self._flushers:
            for token, (batch_id, keys) in list(self._open.items()):
                if token in self._trouble and time.monotonic() < self._trouble[token][1]:
                    continue  # unreadable lately: asked again less often
                state = await self._read(token, keys, "state", self.api.state(batch_id))
                if state is None:
                    continue
                if self.metrics.batch_states.get(batch_id) != state.status:
                    self.metrics.batch_states[batch_id] = state.status
                    self.ledger.status(token, state.status)
                if state.finished:
                    await self._collect(token, keys, state)
                else:
                    self._trouble.pop(token, None)
            await asyncio.sleep(self.poll_s)

    async def _read(self, token: str, keys: list[str], what: str, answer: Awaitable[T]) -> T | None:
        """The provider's answer, or None after dealing with its failure: a fatal error fails the batch's
        lines, an unknown batch or results that are gone give it up, anything else is asked again later."""
        try:
            return await answer
        except BackendError as exc:
            if exc.fatal:
                self._fail_batch(token, keys, exc)
            elif exc.kind in (UNKNOWN_BATCH, RESULTS_GONE):
                self._give_up(token, keys, str(exc), keep=exc.kind == UNKNOWN_BATCH)
            else:
                self._note_trouble(token, keys, f"its {what} could not be read ({exc})")
        except UNEXPECTED_ANSWER as exc:
            self._note_trouble(token, keys, f"its {what} was unreadable ({exc!r})")
        return None

    def _note_trouble(self, token: str, keys: list[str], why: str) -> None:
        """A batch that could not be read: asked again after a doubling wait, given up after stuck_s."""
        now = time.monotonic()
        first, _, failures = self._trouble.get(token, (now, now, 0))
        if now - first >= self.stuck_s:
            self._give_up(token, keys, f"{why}, for {now - first:.0f} s (engine.batch_stuck_s)", keep=True)
            return
        wait = self.poll_s * 2 ** min(failures, MAX_BACKOFF_DOUBLINGS)
        self._trouble[token] = (first, now + wait, failures + 1)
        log.warning("batch %s: %s; asking again in %.0f s", self._open[token][0], why, wait)

    def _give_up(self, token: str, keys: list[str], why: str, *, keep: bool) -> None:
        """Stop waiting for a batch: its samples end the run with a message naming it. `keep`: the batch
        stays open in the ledger, so a rerun polls it again; otherwise its answers are lost for good and
        a rerun sends its requests again."""
        batch_id, _ = self._open.pop(token)
        self._trouble.pop(token, None)
        if keep:
            self.metrics.batch_states[batch_id] = "unreadable"
            then = (f"it stays recorded in {self.ledger.path}, so running again (a run: with --resume) polls it "
                    "again instead of sending its requests twice")
        else:
            self.metrics.batch_states[batch_id] = "results_gone"
            self.ledger.finish(token, "results_gone")
            then = (f"its {len(keys)} requests were answered but the answers can no longer be read; running "
                    "again (a run: with --resume) sends them again, and they are paid again")
        error = BatchStuck(f"batch {batch_id}: {why}; {then}")  # the run's one closing message
        for key in keys:
            self._stuck[key] = error
            self._deliver(key, error)

    async def _collect(self, token: str, keys: list[str], state: BatchState) -> None:
        if state.failure is not None and state.failure_passes:  # e.g. the enqueued token limit: send it later
            self._fail_batch(token, keys, line_error(f"the provider did not run batch {state.id} this time "
                                                     f"({state.failure}); its lines are sent again",
                                                     kind="batch_deferred", retry_after=BATCH_REQUEUE_S))
            return
        if state.failure is not None:
            self._fail_batch(token, keys, BackendError(f"the provider refused batch {state.id}: {state.failure}",
                                                       retryable=False, kind="batch_failed", fatal=True))
            return
        results = await self._read(token, keys, "results", self.api.results(state))
        if results is None:
            return
        self._trouble.pop(token, None)
        if self._not_ours(token, keys, state, results):
            return
        for key in keys:
            outcome = results.get(key) or line_error(f"batch {state.id} ended ({state.status}) without answering "
                                                     "this request", kind="batch_expired")
            self._deliver(key, outcome)
        self._close_batch(token, state.status)

    def _not_ours(self, token: str, keys: list[str], state: BatchState, results: BatchResults) -> bool:
        """A batch adopted by time and size (Anthropic's have no metadata) whose answers are for other
        custom ids: another run's batch in the same workspace. Its answers are not taken; ours are sent."""
        if not results or not results.keys().isdisjoint(keys):
            return False
        log.warning("batch %s holds none of this run's requests (another run's batch); they are sent again", state.id)
        self._fail_batch(token, keys, line_error(f"batch {state.id} was another run's", kind="batch_not_ours"),
                         status="not_ours")
        return True

    def _fail_batch(self, token: str, keys: list[str], error: BackendError, status: str = "failed") -> None:
        for key in keys:
            self._deliver(key, error)
        self._close_batch(token, status)

    def _close_batch(self, token: str, status: str) -> None:
        batch_id, _ = self._open.pop(token)
        self.metrics.batch_states[batch_id] = status
        self.ledger.finish(token, status)

    def _deliver(self, key: str, outcome: Completion | Exception) -> None:
        self._key_token.pop(key, None)
        waiting = self._waiters.pop(key, [])
        if not waiting and isinstance(outcome, Completion):
            self._store_unclaimed(key, outcome)  # asked by an earlier session: keep it for the next
        for future in waiting:
            if not future.done():
                if isinstance(outcome, Exception):
                    future.set_exception(outcome)
                else:
                    future.set_result(outcome)

    async def close(self) -> None:
        tasks = [t for t in [self._poller, *self._flushers.values()] if t is not None]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
