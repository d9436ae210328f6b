"""Batch mode: the engine's samples go to the provider's batch API instead of one call each.

Samples asked within `collect_s` of each other go into one batch (up to the provider's limit per
batch); a poller follows every open batch and hands each line's answer, or its error, to the sample
waiting for it. The engine's retry loop does the rest: a failed or unanswered line (an expired or
cancelled batch) is asked again, in a later batch, until its attempts run out.

Nothing is sent twice: every submission is in the ledger before it is sent, a sample whose key is in
an open batch (this session's or a killed one's) waits for that batch, and answers nobody waits for any
more are stored in the cache as they arrive.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Callable

from synthloom.engine.batch_ledger import BatchLedger
from synthloom.engine.defaults import BATCH_COLLECT_S, BATCH_POLL_S
from synthloom.engine.metrics import EngineMetrics
from synthloom.models.base import BackendError, ChatRequest, Completion
from synthloom.models.batch import BatchApi, BatchState, line_error

log = logging.getLogger("synthloom")
UNEXPECTED_ANSWER = (ValueError, KeyError, TypeError, AttributeError)  # a provider answer of another shape


class BatchRunner:
    def __init__(self, api: BatchApi, ledger: BatchLedger, identity: str, metrics: EngineMetrics, *,
                 store_unclaimed: Callable[[str, Completion], None], collect_s: float = BATCH_COLLECT_S,
                 poll_s: float = BATCH_POLL_S) -> None:
        self.api, self.ledger, self.identity, self.metrics = api, ledger, identity, metrics
        self._store_unclaimed = store_unclaimed
        self.collect_s, self.poll_s = collect_s, poll_s
        self._queues: dict[str, list[tuple[str, ChatRequest]]] = {}
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
        future: asyncio.Future = asyncio.get_running_loop().create_future()
        self._waiters.setdefault(key, []).append(future)
        if key not in self._key_token and key not in self._queued:
            group = self.api.group(request)
            queue = self._queues.setdefault(group, [])
            queue.append((key, request))
            self._queued.add(key)
            if len(queue) >= self.api.max_requests:
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
                    found = await self.api.find(batch.token, len(batch.keys), batch.submitted)
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
        lines, rest = queue[: self.api.max_requests], queue[self.api.max_requests:]
        if rest:  # more than one batch holds: the rest goes in the next
            self._queues[group] = rest
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
                try:
                    state = await self.api.state(batch_id)
                except BackendError as exc:
                    if exc.fatal:
                        self._fail_batch(token, keys, exc)
                    else:
                        log.warning("could not read batch %s's state (%s); asking again later", batch_id, exc)
                    continue
                except UNEXPECTED_ANSWER as exc:
                    log.warning("batch %s's state was unreadable (%s); asking again later", batch_id, exc)
                    continue
                if self.metrics.batch_states.get(batch_id) != state.status:
                    self.metrics.batch_states[batch_id] = state.status
                    self.ledger.status(token, state.status)
                if state.finished:
                    await self._collect(token, keys, state)
            await asyncio.sleep(self.poll_s)

    async def _collect(self, token: str, keys: list[str], state: BatchState) -> None:
        if state.failure is not None:
            self._fail_batch(token, keys, BackendError(f"the provider refused batch {state.id}: {state.failure}",
                                                       retryable=False, kind="batch_failed", fatal=True))
            return
        try:
            results = await self.api.results(state)
        except (BackendError, *UNEXPECTED_ANSWER) as exc:
            log.warning("could not read batch %s's results (%s); asking again later", state.id, exc)
            return
        for key in keys:
            outcome = results.get(key) or line_error(f"batch {state.id} ended ({state.status}) without answering "
                                                     "this request", kind="batch_expired")
            self._deliver(key, outcome)
        self._close_batch(token, state.status)

    def _fail_batch(self, token: str, keys: list[str], error: BackendError) -> None:
        for key in keys:
            self._deliver(key, error)
        self._close_batch(token, "failed")

    def _close_batch(self, token: str, status: str) -> None:
        batch_id, _ = self._open.pop(token)
        self.metrics.batch_states[batch_id] = status
        self.ledger.finish(token, status)

    def _deliver(self, key: str, outcome: Completion | BackendError) -> None:
        self._key_token.pop(key, None)
        waiting = self._waiters.pop(key, [])
        if not waiting and isinstance(outcome, Completion):
            self._store_unclaimed(key, outcome)  # asked by an earlier session: keep it for the next
        for future in waiting:
            if not future.done():
                if isinstance(outcome, BackendError):
                    future.set_exception(outcome)
                else:
                    future.set_result(outcome)

    async def close(self) -> None:
        tasks = [t for t in [self._poller, *self._flushers.values()] if t is not None]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
