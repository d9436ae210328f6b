"""The provider batch protocol: send many requests as one job at half the price, poll it, read its
results by custom id. OpenAI's Batch API (openai_batch.py) and Anthropic's Message Batches
(anthropic_batch.py) implement it; the engine's BatchRunner (engine/batching.py) drives it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from synthloom.models.base import BackendError, ChatRequest, Completion

# Every line of a finished batch ends as an answer or as an error for the engine to retry or record.
BatchResults = dict[str, Completion | BackendError]


@dataclass
class BatchState:
    id: str
    status: str  # the provider's own word: validating, in_progress, finalizing, completed, ended, ...
    finished: bool  # no more results will come (completed, ended, expired, cancelled, failed)
    counts: dict[str, int] = field(default_factory=dict)
    failure: str | None = None  # the whole batch was refused (a validation error): why
    where: dict[str, Any] = field(default_factory=dict)  # where the provider put the results (files, a URL)


class BatchApi(Protocol):
    max_requests: int  # lines one batch may hold

    def group(self, request: ChatRequest) -> str:
        """Requests of different groups (endpoints) go in different batches."""
        ...

    async def submit(self, lines: list[tuple[str, ChatRequest]], token: str) -> str:
        """Send (custom id, request) lines as one batch tagged with `token`; returns the batch id."""
        ...

    async def find(self, token: str, count: int, since: float) -> str | None:
        """The id of a batch this client submitted as `token` (of `count` lines, at or after the Unix
        time `since`) but did not live to record; None when the provider has no such batch."""
        ...

    async def state(self, batch_id: str) -> BatchState: ...

    async def results(self, state: BatchState) -> BatchResults:
        """Answers and per-line errors of a finished batch; a line missing here was never answered."""
        ...


def line_error(message: str, *, status: int | None = None, kind: str = "batch_line") -> BackendError:
    """A batch line that failed: retried in a later batch unless the provider called it a bad request."""
    retryable = status is None or status == 429 or status >= 500
    return BackendError(message, retryable=retryable, kind=kind)
