"""How long to wait before trying a failed call again."""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 6
    base_delay: float = 0.5
    max_delay: float = 60.0
    max_retry_after: float = 300.0  # a longer Retry-After fails the request: not waited for blindly

    def delay(self, attempt: int, retry_after: float | None = None, rng: random.Random | None = None) -> float:
        """Exponential backoff with full jitter; never shorter than the server's Retry-After."""
        uniform = (rng or random).uniform
        backoff = uniform(0, min(self.max_delay, self.base_delay * (2 ** attempt)))
        if retry_after is None:
            return backoff
        # Small jitter on top of Retry-After so that many waiting requests do not return in one burst.
        return retry_after + uniform(0, self.base_delay)
