"""Token buckets for requests-per-minute and tokens-per-minute limits."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable


class TokenBucket:
    """Holds up to `per_minute` tokens, refilled continuously. Waiters are served first come, first served.

    The balance may go negative: a charge taken after the fact (actual tokens used beyond the
    estimate) makes later callers wait, so the limit holds over time even when estimates are off.
    """

    def __init__(self, per_minute: float, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        if per_minute <= 0:
            raise ValueError("a rate limit must be positive")
        self.capacity = float(per_minute)
        self.rate = per_minute / 60.0
        self._tokens = self.capacity
        self._clock = clock
        self._sleep = sleep
        self._updated = clock()
        self._lock = asyncio.Lock()

    def _refill(self) -> None:
        now = self._clock()
        self._tokens = min(self.capacity, self._tokens + (now - self._updated) * self.rate)
        self._updated = now

    async def acquire(self, amount: float = 1.0) -> None:
        # An amount larger than the bucket can ever hold is let through once the bucket is full.
        need = min(amount, self.capacity)
        async with self._lock:
            while True:
                self._refill()
                if self._tokens >= need:
                    self._tokens -= amount
                    return
                await self._sleep((need - self._tokens) / self.rate)

    def adjust(self, delta: float) -> None:
        """Charge (positive) or refund (negative) tokens after the actual cost is known."""
        self._refill()
        self._tokens = min(self.capacity, self._tokens - delta)
