"""The engine: the only code that calls a backend. Concurrency, rate limits, retries, timeouts, cache, cost.

Every sample is its own coroutine that takes a concurrency slot only while its call is in flight, so a
slow call never holds back the others and the backend stays saturated: there are no batches to wait on.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import time
from dataclasses import dataclass

from synthloom.engine.adaptive import OVERLOAD_KINDS, AdaptiveSlots, FixedSlots
from synthloom.engine.batch_ledger import BatchLedger
from synthloom.engine.batching import BatchRunner
from synthloom.engine.budget import Budget
from synthloom.engine.cache import ResponseCache, cache_key
from synthloom.engine.defaults import BATCH_COLLECT_S, BATCH_POLL_S, BATCH_STUCK_S, CONCURRENCY, TIMEOUT_S
from synthloom.engine.limits import TokenBucket
from synthloom.engine.metrics import EngineMetrics, Price
from synthloom.engine.retry import RetryPolicy
from synthloom.errors import UserError
from synthloom.models.base import (
    Backend,
    BackendError,
    ChatRequest,
    Choice,
    Completion,
    EndpointMisconfigured,
    EndpointUnreachable,
    Usage,
)
from synthloom.models.reasoning import DEFAULT_TAGS, joined, reasoning_tokens, split_reasoning

log = logging.getLogger("synthloom")
FATAL_STREAK = 3  # errors no retry fixes, in a row, after earlier successes: then the run stops
SHOWN_WAIT_S = 10.0  # a server-requested pause at least this long is logged and shown as waiting


@dataclass(frozen=True)
class EngineSettings:
    concurrency: int = CONCURRENCY
    adaptive: bool = False  # concurrency is a ceiling; the engine finds what the server sustains
    rpm: float | None = None
    tpm: float | None = None
    timeout: float = TIMEOUT_S
    retry: RetryPolicy = RetryPolicy()
    price: Price = Price()


@dataclass
class Sample:
    choice: Choice
    usage: Usage
    cached: bool
    # usage.reasoning_tokens is the reasoning's share of the reply's tokens (the server gave no count)
    reasoning_tokens_estimated: bool = False


async def _with_timeout(awaitable, seconds: float):
    if sys.version_info >= (3, 11):
        async with asyncio.timeout(seconds):  # a cancel scope: no extra task per call, unlike wait_for
            return await awaitable
    return await asyncio.wait_for(awaitable, seconds)  # pragma: no cover - Python 3.10


class GenerationFailed(Exception):
    """A request could not be answered after its retries; the message says why."""


def estimate_tokens(request: ChatRequest) -> int:
    """A rough prompt + completion size for the TPM bucket before the real usage is known."""
    chars = sum(len(m.get("content") or "") for m in request.messages)
    return chars // 4 + request.max_tokens


class Engine:
    def __init__(self, backend: Backend, settings: EngineSettings | None = None,
                 cache: ResponseCache | None = None, reasoning_tags: tuple[str, str] | None = DEFAULT_TAGS) -> None:
        self.backend = backend
        self.reasoning_tags = reasoning_tags  # the model's <think> block, split from its text into `reasoning`
        self.settings = settings or EngineSettings()
        self.cache = cache
        self.metrics = EngineMetrics(price=self.settings.price)
        limit = self.settings.concurrency
        if backend.max_parallel:
            limit = min(limit, backend.max_parallel)
        self._slots = AdaptiveSlots(limit) if self.settings.adaptive else FixedSlots(limit)
        self._rpm = TokenBucket(self.settings.rpm) if self.settings.rpm else None
        self._tpm = TokenBucket(self.settings.tpm) if self.settings.tpm else None
        self._paused_until = 0.0  # set by a 429 with Retry-After: every request waits, not only its own
        self._check_lock = asyncio.Lock()
        self._unreachable: EndpointUnreachable | None = None
        self._preflight_done = False
        self._fatal_streak = 0
        self._in_flight: dict[str, asyncio.Future] = {}  # identical requests share one call
        self.batches: BatchRunner | None = None  # batch mode: set by use_batches
        self.budget: Budget | None = None  # engine.max_cost: one Budget shared by a run's engines

    def use_batches(self, ledger: BatchLedger, *, collect_s: float = BATCH_COLLECT_S,
                    poll_s: float = BATCH_POLL_S, stuck_s: float = BATCH_STUCK_S) -> None:
        """Send samples through the provider's batch API (half price, answers within its window)."""
        api_of = getattr(self.backend, "batch_api", None)
        if api_of is None:
            raise UserError(f"{self.backend.model_name!r} is served by a backend with no batch API; batch mode needs "
                            "an openai or anthropic model (turn engine.batch / --batch off for it)")
        self.batches = BatchRunner(api_of(), ledger, f"{self.backend.identity}|{self.backend.model_name}",
                                   self.metrics, store_unclaimed=self._store_unclaimed, collect_s=collect_s,
                                   poll_s=poll_s, stuck_s=stuck_s)

    def _store_unclaimed(self, key: str, completion: Completion) -> None:
        if completion.choices:
            self._store(key, Sample(completion.choices[0], completion.usage, False))

    async def complete(self, request: ChatRequest) -> list[Sample]:
        """All `request.n` samples, from the cache where possible. Raises GenerationFailed or
        EndpointUnreachable; nothing failed is ever cached."""
        default_seed = getattr(self.backend, "default_seed", None)  # in process: unseeded means this seed
        if request.seed is None and default_seed is not None:
            request = ChatRequest(**{**request.__dict__, "seed": default_seed})
        self.metrics.samples += request.n
        keys = [self._key(request, i) for i in range(request.n)]
        results: list[Sample | None] = [self._from_cache(key) for key in keys]
        missing = [i for i, r in enumerate(results) if r is None]
        if not missing:
            return [self._answer(r) for r in results]  # type: ignore[arg-type]
        if self.backend.native_n and len(missing) > 1 and request.seed is None and self.batches is None:
            fetched = await self._call(ChatRequest(**{**request.__dict__, "n": len(missing)}))
            for i, sample in zip(missing, fetched, strict=True):
                results[i] = self._store(keys[i], sample)
        else:
            fetched_each = await asyncio.gather(
                *(self._sample_once(request, i, keys[i]) for i in missing), return_exceptions=True
            )
            for i, outcome in zip(missing, fetched_each, strict=True):
                if not isinstance(outcome, BaseException):
                    results[i] = outcome
            errors = [f for f in fetched_each if isinstance(f, BaseException)]
            if errors:
                raise errors[0]
        return [self._answer(r) for r in results]  # type: ignore[arg-type]

    def _answer(self, sample: Sample) -> Sample:
        """The sample with its reasoning apart from its answer. The cache keeps the reply as it came, so
        changing the model's reasoning_tags re-splits cached replies without asking again."""
        choice = sample.choice
        split = split_reasoning(choice.text, self.reasoning_tags)
        reasoning = joined(choice.reasoning, split)
        # A server that parses reasoning returns no content when the budget ran out inside the trace.
        unfinished = split.unfinished or bool(choice.reasoning and not split.answer.strip()
                                              and choice.finish_reason == "length")
        if reasoning is None and not unfinished:
            return sample
        count, _ = reasoning_tokens(reasoning, split.answer, sample.usage.completion_tokens,
                                    sample.usage.reasoning_tokens)
        if not sample.cached:
            self.metrics.reasoning_tokens += count
        usage = Usage(**{**sample.usage.__dict__, "reasoning_tokens": count})
        return Sample(Choice(split.answer, choice.finish_reason, choice.logprobs, tool_calls=choice.tool_calls,
                             reasoning=reasoning, reasoning_unfinished=unfinished), usage,
                      sample.cached, reasoning_tokens_estimated=not sample.usage.reasoning_tokens and count > 0)

    async def _sample_once(self, request: ChatRequest, index: int, key: str) -> Sample:
        """One sample; while it is being fetched, the same sample asked again waits for this call."""
        shared = self._in_flight.get(key)
        if shared is not None:
            self.metrics.shared_calls += 1
            return await asyncio.shield(shared)
        future: asyncio.Future = asyncio.get_running_loop().create_future()
        self._in_flight[key] = future
        try:
            sample = self._store(key, (await self._call(self._sample_request(request, index), key))[0])
        except BaseException as exc:
            if isinstance(exc, asyncio.CancelledError):
                future.cancel()
            else:
                future.set_exception(exc)
                future.exception()  # the waiters (if any) get it; none waiting is not an error
            raise
        else:
            future.set_result(sample)
            return sample
        finally:
            del self._in_flight[key]

    # -- cache ---------------------------------------------------------------------------------

    @staticmethod
    def _sample_request(request: ChatRequest, index: int) -> ChatRequest:
        # Seeded requests give each sample its own seed, so k samples differ yet stay reproducible.
        return request.single(None if request.seed is None else request.seed + index)

    def _key(self, request: ChatRequest, index: int) -> str:
        return cache_key(self.backend.identity, self.backend.model_name,
                         self._sample_request(request, index), index)

    def _from_cache(self, key: str) -> Sample | None:
        hit = self.cache.get(key) if self.cache is not None else None
        if hit is None:
            return None
        choice, usage = hit
        self.metrics.cache_hits += 1
        self.metrics.saved_prompt_tokens += usage.get("prompt_tokens", 0)
        self.metrics.saved_completion_tokens += usage.get("completion_tokens", 0)
        return Sample(choice, Usage(usage.get("prompt_tokens", 0), usage.get("completion_tokens", 0),
                                    usage.get("cache_read_tokens", 0), usage.get("cache_write_tokens", 0),
                                    usage.get("reasoning_tokens", 0)), True)

    def _store(self, key: str, sample: Sample) -> Sample:
        if self.cache is not None:
            self.cache.put(key, self.backend.model_name, sample.choice,
                           {"prompt_tokens": sample.usage.prompt_tokens,
                            "completion_tokens": sample.usage.completion_tokens,
                            **({"cache_read_tokens": sample.usage.cache_read_tokens,
                                "cache_write_tokens": sample.usage.cache_write_tokens}
                               if sample.usage.cache_read_tokens or sample.usage.cache_write_tokens else {}),
                            **({"reasoning_tokens": sample.usage.reasoning_tokens}
                               if sample.usage.reasoning_tokens else {})})
        return sample

    # -- calls ---------------------------------------------------------------------------------

    async def _diagnose_connect_failure(self) -> None:
        """A connection failed and none has ever succeeded: ask the backend whether its endpoint is
        there at all. If not, the run stops with one clear error instead of every record failing
        after its retries. Healthy runs, and fully cached ones, never pay for this check."""
        async with self._check_lock:
            if self._unreachable is None and not self.metrics.succeeded_calls:
                try:
                    await self.backend.check()
                except EndpointUnreachable as exc:
                    self._unreachable = exc
        if self._unreachable is not None:
            raise self._unreachable

    async def _preflight(self) -> None:
        """Before the first real call: is the model served there, is the key accepted? Cached runs
        never get here; an endpoint that cannot be reached is diagnosed by the calls themselves."""
        async with self._check_lock:
            if not self._preflight_done:
                try:
                    await self.backend.preflight()
                except EndpointUnreachable as exc:
                    self._unreachable = exc
                self._preflight_done = True
        if self._unreachable is not None:
            raise self._unreachable

    def _note_fatal(self, error: BackendError) -> None:
        """An error no retry can fix. At the start it stops the run at once; after successes (a key
        revoked mid-run) it takes a few in a row, so one odd answer does not stop a long run."""
        self._fatal_streak += 1
        if not self.metrics.succeeded_calls or self._fatal_streak >= FATAL_STREAK:
            self._unreachable = EndpointMisconfigured(str(error))

    def _pause_for(self, wait: float) -> None:
        until = time.monotonic() + wait
        if until > self._paused_until + 1 and wait >= SHOWN_WAIT_S:
            log.warning("the server asked to wait %.0f s (Retry-After): every request to %s waits",
                        wait, self.backend.model_name)
        self._paused_until = max(self._paused_until, until)
        self.metrics.waiting_until = max(self.metrics.waiting_until, time.time() + wait)

    async def _wait_for_turn(self, request: ChatRequest) -> int:
        while (delay := self._paused_until - time.monotonic()) > 0:
            await asyncio.sleep(delay)
        if self._rpm:
            await self._rpm.acquire(1)
        estimate = estimate_tokens(request) * request.n
        if self._tpm:
            await self._tpm.acquire(estimate)
        return estimate

    async def _direct(self, request: ChatRequest) -> tuple[Completion, float]:
        """One call to the backend in a concurrency slot, under the timeout; with its latency (the
        call itself, not the wait for a slot)."""
        epoch = await self._slots.acquire()
        answered = overloaded = False
        try:
            if self._unreachable is not None:  # found while this call waited for its slot
                raise self._unreachable
            self.metrics.calls += 1
            started = time.perf_counter()
            try:
                completion = await _with_timeout(self.backend.generate(request), self.settings.timeout)
            except asyncio.TimeoutError:
                raise BackendError(f"no answer within {self.settings.timeout:g}s", retryable=True,
                                   kind="timeout") from None
            except BackendError as exc:
                overloaded = exc.kind in OVERLOAD_KINDS
                raise
            answered = True
            return completion, time.perf_counter() - started
        finally:
            self._slots.release(epoch, answered=answered, overloaded=overloaded)
            self.metrics.concurrency_limit = self._slots.limit

    async def _batched(self, request: ChatRequest, key: str) -> tuple[Completion, float]:
        assert self.batches is not None
        self.metrics.calls += 1
        started = time.perf_counter()
        return await self.batches.call(key, request), time.perf_counter() - started

    async def _call(self, request: ChatRequest, key: str | None = None) -> list[Sample]:
        """`key`: the sample's cache key, which names its line in a batch (batch mode only)."""
        if not self._preflight_done or self._unreachable is not None:
            await self._preflight()
        policy = self.settings.retry
        batched = self.batches is not None and key is not None
        last_error: BackendError | None = None
        for attempt in range(policy.max_attempts):
            # Batch lines are not rate-limited here: the provider queues them, within its own limits.
            estimate = 0 if batched else await self._wait_for_turn(request)
            price = self.settings.price
            factor = price.batch_factor if batched else 1.0
            reserved = Budget.worst_case(request, price, factor) if self.budget is not None else 0.0
            if self.budget is not None:
                self.budget.reserve(reserved)
            spent = 0.0
            try:
                completion, latency = await (self._batched(request, key) if batched and key
                                             else self._direct(request))
                spent = price.usage_cost(completion.usage) * factor
            except BackendError as exc:
                last_error = exc
            else:
                self._fatal_streak = 0
                return self._accept(completion, request, estimate, latency, batched)
            finally:
                if self.budget is not None:
                    self.budget.settle(reserved, spent)
            self.metrics.errors[last_error.kind] += 1
            if last_error.fatal:
                self._note_fatal(last_error)
                if self._unreachable is not None:
                    raise self._unreachable
            if last_error.kind == "connect" and not self.metrics.succeeded_calls:
                await self._diagnose_connect_failure()
            if self._tpm:
                self._tpm.adjust(-estimate)  # nothing was generated: give the estimate back
            if not last_error.retryable or attempt == policy.max_attempts - 1:
                break
            if last_error.retry_after is not None and last_error.retry_after > policy.max_retry_after:
                last_error = BackendError(
                    f"the server asked to wait {last_error.retry_after:.0f} s before retrying (Retry-After), longer "
                    f"than engine.max_retry_wait ({policy.max_retry_after:g} s); rerun later with --resume, or "
                    f"raise max_retry_wait ({last_error})", retryable=False, kind="retry_after_too_long")
                break
            self.metrics.retries += 1
            wait = policy.delay(attempt, last_error.retry_after)
            if last_error.retry_after is not None:
                self._pause_for(wait)
            await asyncio.sleep(wait)
        self.metrics.failed_samples += request.n
        assert last_error is not None  # the loop ran at least once (max_attempts >= 1) and did not return
        attempts = f"after {attempt + 1} attempt{'s' if attempt else ''}"
        raise GenerationFailed(f"{last_error.kind}: {last_error} ({attempts})")

    def _accept(self, completion, request: ChatRequest, estimate: int, latency: float,
                batched: bool = False) -> list[Sample]:
        usage = completion.usage
        m = self.metrics
        m.succeeded_calls += 1
        m.latency_total += latency
        m.prompt_tokens += usage.prompt_tokens
        m.completion_tokens += usage.completion_tokens
        m.cache_read_tokens += usage.cache_read_tokens
        m.cache_write_tokens += usage.cache_write_tokens
        if batched:
            m.batch_prompt_tokens += usage.prompt_tokens
            m.batch_completion_tokens += usage.completion_tokens
            m.batch_cache_read_tokens += usage.cache_read_tokens
            m.batch_cache_write_tokens += usage.cache_write_tokens
        if self._tpm and not batched:
            self._tpm.adjust(usage.prompt_tokens + usage.completion_tokens - estimate)
        if len(completion.choices) < request.n:
            raise GenerationFailed(f"asked for {request.n} samples, the backend returned "
                                   f"{len(completion.choices)}; set native_n: false for this server")
        # Usage is per call; split it over the samples so cached samples report what they cost.
        n = len(completion.choices)
        per = usage.split(n)
        return [Sample(choice, per, False) for choice in completion.choices[: request.n]]

    async def close(self) -> None:
        if self.batches is not None:
            await self.batches.close()
        await self.backend.close()
        if self.cache is not None:
            self.cache.close()
