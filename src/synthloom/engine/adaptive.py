"""Concurrency slots: a fixed semaphore, or a limit the engine finds by itself (AIMD).

The adaptive limit treats `concurrency` as a ceiling and looks for what the server sustains. It starts
small and grows by half a slot per answered call (slow start: x1.5 per round trip) until the first sign
of overload (429, 503, 529); from then on it grows by one per `PACE` round trips at the limit
(additive increase; NEAR_REFUSAL_PACE times slower within a slot of the last refusal, where the next
probe will most likely be refused again) and shrinks to `BACKOFF` of itself on overload
(multiplicative decrease). One burst
of overload answers is one decrease; the other refusals of that burst (calls started before the
decrease) each take one slot off, since each is a call the server could not take. Slow start ends
on its first refusal with the limit at what the server was serving, not a fraction of it.

Why these constants: against a server that serves K calls at once and refuses the rest, each cycle
probes one call above K. Throughput is about (1 + BACKOFF) / 2 of a client told K, and refused calls
about 1 in PACE * K^2 * (1 - BACKOFF^2) / 2; BACKOFF 0.9 and PACE 3 keep throughput near 95% and
refusals under 2% from K = 12 up (benchmarks/adaptive_concurrency.py measures both).
"""

from __future__ import annotations

import asyncio
from collections import deque

START = 4  # slots at first: a server that cannot take more is not flooded on the first burst
SLOW_START_GROWTH = 0.5  # slots per answered call before the first overload
BACKOFF = 0.9
PACE = 3  # round trips at the limit per additional slot, once the first overload was seen
NEAR_REFUSAL_PACE = 4  # within one slot of where the server last refused: probe this many times slower
OVERLOAD_KINDS = frozenset({"rate_limited", "overloaded"})


class FixedSlots:
    """`limit` calls at once; `epoch` is always 0 (nothing adapts)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._semaphore = asyncio.Semaphore(limit)

    async def acquire(self) -> int:
        await self._semaphore.acquire()
        return 0

    def release(self, epoch: int, *, overloaded: bool = False, answered: bool = False) -> None:
        self._semaphore.release()


class AdaptiveSlots:
    """A semaphore whose size moves between 1 and `ceiling` with the server's answers."""

    def __init__(self, ceiling: int, start: int = START) -> None:
        self.ceiling = ceiling
        self.limit = float(min(start, ceiling))
        self.slow_start = True
        self.epoch = 0  # bumped by each decrease
        self.decreases = 0
        self.peak = self.limit
        self.refused_at: float | None = None  # the limit when the server last said it was overloaded
        self._in_flight = 0
        self._waiters: deque[asyncio.Future] = deque()

    async def acquire(self) -> int:
        """Wait for a slot; returns the epoch the call starts in (give it back to release)."""
        if self._in_flight >= int(self.limit) or self._waiters:
            future = asyncio.get_running_loop().create_future()
            self._waiters.append(future)
            try:
                await future
            except asyncio.CancelledError:
                if future.done() and not future.cancelled():
                    self._in_flight -= 1  # the slot was handed over just as we were cancelled
                    self._wake()
                raise
        else:
            self._in_flight += 1
        return self.epoch

    def release(self, epoch: int, *, overloaded: bool = False, answered: bool = False) -> None:
        """A call that started in `epoch` ended: answered (grow), refused for overload (shrink), or
        failed some other way (no signal about load)."""
        saturated = self._in_flight >= int(self.limit)  # only a limit in use is evidence it can grow
        self._in_flight -= 1
        if overloaded and epoch == self.epoch:
            self.refused_at = self.limit
            self.limit = max(1.0, self.limit - 1 if self.slow_start else self.limit * BACKOFF)
            self.slow_start = False
            self.epoch += 1
            self.decreases += 1
        elif overloaded:
            self.limit = max(1.0, self.limit - 1)
        elif answered and saturated:
            step = SLOW_START_GROWTH if self.slow_start else 1.0 / (PACE * self.limit)
            if self.refused_at is not None and self.limit + 1 > self.refused_at:
                step /= NEAR_REFUSAL_PACE
            self.limit = min(float(self.ceiling), self.limit + step)
            self.peak = max(self.peak, self.limit)
        self._wake()

    def _wake(self) -> None:
        while self._waiters and self._in_flight < int(self.limit):
            future = self._waiters.popleft()
            if not future.done():
                self._in_flight += 1
                future.set_result(None)
