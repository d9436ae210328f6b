"""The provider batch protocol: send many requests as one job at half the price, poll it, read its
results by custom id. OpenAI's Batch API (openai_batch.py) and Anthropic's Message Batches
(anthropic_batch.py) implement it; the engine's BatchRunner (engine/batching.py) drives it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from synthloom.models.base import BackendError, ChatRequest, Completion, EndpointUnreachable

# Every line of a finished batch ends as an answer or as an error for the engine to retry or record.
BatchResults = dict[str, Completion | BackendError]


@dataclass
class BatchState:
    id: str
    status: str  # the provider's own word: validating, in_progress, finalizing, completed, ended, ...
    finished: bool  # no more results will come (completed, ended, expired, cancelled, failed)
    counts: dict[str, int] = field(default_factory=dict)
    failure: str | None = None  # the whole batch was refused: why
    failure_passes: bool = False  # ... for a reason that passes (OpenAI's enqueued token limit): send it again later
    where: dict[str, Any] = field(default_factory=dict)  # where the provider put the results (files, a URL)


class BatchApi(Protocol):
    max_requests: int  # lines one batch may hold
    max_bytes: int  # and bytes (OpenAI: a 200 MB file; Anthropic: a 256 MB request)

    def line_bytes(self, key: str, request: ChatRequest) -> int:
        """The size of this request's line in a batch; raises BackendError for a request the model refuses."""
        ...

    def group(self, request: ChatRequest) -> str:
        """Requests of different groups (endpoints) go in different batches."""
        ...

    async def submit(self, lines: list[tuple[str, ChatRequest]], token: str) -> str:
        """Send (custom id, request) lines as one batch tagged with `token`; returns the batch id."""
        ...

    async def find(self, token: str, keys: list[str], since: float) -> str | None:
        """The id of a batch this client submitted as `token` (of these custom ids, at about the Unix
        time `since`) but did not live to record; None when the provider has no such batch."""
        ...

    async def state(self, batch_id: str) -> BatchState: ...

    async def results(self, state: BatchState) -> BatchResults:
        """Answers and per-line errors of a finished batch; a line missing here was never answered."""
        ...


class BatchStuck(EndpointUnreachable):
    """A batch whose state or results cannot be read: the run stops naming it, and a rerun picks it up."""


# Kinds of BackendError the batch APIs raise for answers no retry changes.
UNKNOWN_BATCH = "unknown_batch"  # the provider does not know the batch id (another workspace or key, deleted)
RESULTS_GONE = "results_gone"  # the output file or results URL has expired (OpenAI 30 days, Anthropic 29)
TOO_LARGE = "batch_too_large"  # 413: the batch is over the provider's size limit


def line_error(message: str, *, status: int | None = None, kind: str = "batch_line",
               retry_after: float | None = None) -> BackendError:
    """A batch line that failed: retried in a later batch unless the provider called it a bad request."""
    retryable = status is None or status == 429 or status >= 500
    return BackendError(message, retryable=retryable, kind=kind, retry_after=retry_after)
