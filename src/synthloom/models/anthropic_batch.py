"""Anthropic's Message Batches: one POST with every request's params, poll until `ended`, read the
JSONL results from `results_url`. Each request's custom_id is the engine's cache key for that sample."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import orjson

from synthloom.models.anthropic import error_from_body, message_from_dict
from synthloom.models.base import BackendError, ChatRequest, Completion
from synthloom.models.batch import BatchResults, BatchState, line_error
from synthloom.models.http import send

if TYPE_CHECKING:
    from synthloom.models.anthropic import AnthropicBackend  # the backend that owns these batches

FIND_SLACK_S = 60.0  # a batch created this long before the recorded submission time may still be ours


class AnthropicBatches:
    max_requests = 100_000  # the Message Batches limit per batch

    def __init__(self, backend: AnthropicBackend) -> None:
        self.backend = backend
        self.base_url = backend.base_url

    def group(self, request: ChatRequest) -> str:
        return "messages"

    async def _get(self, url: str, method: str = "GET", **kwargs: Any) -> bytes:
        status, body, _ = await send(self.backend.session(), method, url, self.base_url, **kwargs)
        if status >= 400:
            error = error_from_body(status, body, self.base_url, self.backend.model_name, None)
            if status == 404 and method == "POST":
                error = BackendError(f"{self.base_url} has no Message Batches API (HTTP 404); turn engine.batch "
                                     "off for this endpoint", retryable=False, kind="no_batch_api", fatal=True)
            raise error
        return body

    async def submit(self, lines: list[tuple[str, ChatRequest]], token: str) -> str:
        # Message Batches take no metadata: `find` recognises a lost submission by its time and size.
        requests = [{"custom_id": key, "params": self.backend.params(request)} for key, request in lines]
        body = await self._get(f"{self.base_url}/messages/batches", "POST", data=orjson.dumps({"requests": requests}))
        return str(orjson.loads(body)["id"])

    async def find(self, token: str, count: int, since: float) -> str | None:
        listing = orjson.loads(await self._get(f"{self.base_url}/messages/batches?limit=100"))
        for batch in listing.get("data") or []:
            created = dt.datetime.fromisoformat(str(batch.get("created_at", "1970-01-01T00:00:00Z"))
                                                .replace("Z", "+00:00")).timestamp()
            if created >= since - FIND_SLACK_S and sum((batch.get("request_counts") or {}).values()) == count:
                return str(batch["id"])
        return None

    async def state(self, batch_id: str) -> BatchState:
        batch = orjson.loads(await self._get(f"{self.base_url}/messages/batches/{batch_id}"))
        status = batch.get("processing_status", "unknown")
        return BatchState(batch_id, status, status == "ended", dict(batch.get("request_counts") or {}),
                          where={"results_url": batch.get("results_url")})

    async def results(self, state: BatchState) -> BatchResults:
        url = state.where.get("results_url") or f"{self.base_url}/messages/batches/{state.id}/results"
        found: BatchResults = {}
        for raw in (await self._get(url)).splitlines():
            if raw.strip():
                line = orjson.loads(raw)
                found[line["custom_id"]] = self._line(line["result"])
        return found

    @staticmethod
    def _line(result: dict[str, Any]) -> Completion | BackendError:
        kind = result.get("type")
        if kind == "succeeded":
            try:
                return message_from_dict(result["message"])
            except BackendError as exc:
                return exc
        if kind == "errored":
            error = (result.get("error") or {}).get("error") or result.get("error") or {}
            bad_request = error.get("type") == "invalid_request_error"
            return line_error(f"batch line errored ({error.get('type')}: {error.get('message')})",
                              status=400 if bad_request else None)
        return line_error(f"batch line not answered ({kind})", kind="batch_expired")
