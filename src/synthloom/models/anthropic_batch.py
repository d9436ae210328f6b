"""Anthropic's Message Batches: one POST with every request's params, poll until `ended`, read the
JSONL results from `results_url`. Each request's custom_id is the engine's cache key for that sample."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import orjson

from synthloom.models.anthropic_wire import error_detail, error_from_body, message_from_dict
from synthloom.models.base import BackendError, ChatRequest, Completion
from synthloom.models.batch import RESULTS_GONE, TOO_LARGE, UNKNOWN_BATCH, BatchResults, BatchState, line_error
from synthloom.models.http import send

if TYPE_CHECKING:
    from synthloom.models.anthropic import AnthropicBackend  # the backend that owns these batches

# A lost submission is a batch created between the recorded submission time and this long after it (the
# POST's own duration), less some clock skew; batches are shared across a workspace, so the runner also
# checks the results' custom ids before taking any answer from it.
FIND_SKEW_S = 60.0
FIND_WINDOW_S = 600.0
FIND_MAX_PAGES = 20  # 20,000 batches at 1,000 a page
# Errors inside a batch worth sending again; the rest are the request's (invalid_request_error) or the
# account's (authentication, permission, billing, not_found: every line fails alike, so the run stops).
RETRYABLE_ERRORS = {"api_error", "overloaded_error", "rate_limit_error", "timeout_error"}
ACCOUNT_ERRORS = {"authentication_error", "permission_error", "billing_error", "not_found_error"}
UNEXPECTED = (ValueError, KeyError, TypeError, AttributeError)


def _created(batch: dict[str, Any]) -> float:
    return dt.datetime.fromisoformat(str(batch.get("created_at", "1970-01-01T00:00:00Z"))
                                     .replace("Z", "+00:00")).timestamp()


class AnthropicBatches:
    max_requests = 100_000  # the Message Batches limits per batch: requests, and bytes of the POST
    max_bytes = 256_000_000 - 1_000  # less the body's wrapper

    def __init__(self, backend: AnthropicBackend) -> None:
        self.backend = backend
        self.base_url = backend.base_url

    def group(self, request: ChatRequest) -> str:
        return "messages"

    def line_bytes(self, key: str, request: ChatRequest) -> int:
        return len(orjson.dumps({"custom_id": key, "params": self.backend.params(request)})) + 1  # and a comma

    async def _get(self, url: str, method: str = "GET", what: str = "batch", **kwargs: Any) -> bytes:
        status, body, headers = await send(self.backend.session(), method, url, self.base_url, **kwargs)
        if status < 400:
            return body
        error = error_from_body(status, body, self.base_url, self.backend.model_name, None, headers)
        detail = f"HTTP {status}: {error_detail(body)}"
        if status == 404 and method == "POST":
            error = BackendError(f"{self.base_url} has no Message Batches API (HTTP 404); turn engine.batch "
                                 "off for this endpoint", retryable=False, kind="no_batch_api", fatal=True)
        elif status == 404 and what == "results":
            error = BackendError(f"the results are gone ({detail}); Anthropic keeps batch results 29 days",
                                 retryable=False, kind=RESULTS_GONE)
        elif status == 404:  # here a 404 is an unknown batch id, never an unknown model
            error = BackendError(f"{self.base_url} does not know this batch ({detail}); batches belong to the "
                                 "workspace of the key that sent them", retryable=False, kind=UNKNOWN_BATCH)
        elif status == 413:
            error = BackendError(f"the batch is too large ({detail})", retryable=True, kind=TOO_LARGE)
        raise error

    async def submit(self, lines: list[tuple[str, ChatRequest]], token: str) -> str:
        # Message Batches take no metadata: `find` recognises a lost submission by its time and size.
        requests = [{"custom_id": key, "params": self.backend.params(request)} for key, request in lines]
        body = await self._get(f"{self.base_url}/messages/batches", "POST", data=orjson.dumps({"requests": requests}))
        return str(orjson.loads(body)["id"])

    async def find(self, token: str, keys: list[str], since: float) -> str | None:
        """The batch of as many requests as `keys`, created in the window after `since`, nearest first,
        that is not another run's: an ended candidate is kept only if its results are for these custom
        ids (one download; the runner checks one still running when it ends). Pages with `after_id`
        (newest first) until the batches are older than the window."""
        for _, batch_id, ended in sorted(await self._candidates(len(keys), since)):
            if not ended:
                return batch_id
            try:
                results = await self.results(BatchState(batch_id, "ended", True))
            except (BackendError, *UNEXPECTED):  # unreadable: no evidence it is ours
                continue
            if not results.keys().isdisjoint(keys):
                return batch_id
        return None

    async def _candidates(self, count: int, since: float) -> list[tuple[float, str, bool]]:
        found: list[tuple[float, str, bool]] = []
        after: str | None = None
        for _ in range(FIND_MAX_PAGES):
            url = f"{self.base_url}/messages/batches?limit=1000" + (f"&after_id={after}" if after else "")
            listing = orjson.loads(await self._get(url))
            page = listing.get("data") or []
            for batch in page:
                created = _created(batch)
                if (since - FIND_SKEW_S <= created <= since + FIND_WINDOW_S
                        and sum((batch.get("request_counts") or {}).values()) == count):
                    found.append((abs(created - since), str(batch["id"]), batch.get("processing_status") == "ended"))
            last = listing.get("last_id") or (str(page[-1]["id"]) if page else None)
            if not listing.get("has_more") or not page or last == after or _created(page[-1]) < since - FIND_SKEW_S:
                break
            after = last
        return found

    async def state(self, batch_id: str) -> BatchState:
        batch = orjson.loads(await self._get(f"{self.base_url}/messages/batches/{batch_id}"))
        status = batch.get("processing_status", "unknown")
        return BatchState(batch_id, status, status == "ended", dict(batch.get("request_counts") or {}),
                          where={"results_url": batch.get("results_url")})

    async def results(self, state: BatchState) -> BatchResults:
        url = state.where.get("results_url") or f"{self.base_url}/messages/batches/{state.id}/results"
        found: BatchResults = {}
        for raw in (await self._get(url, what="results")).splitlines():
            if raw.strip():
                line = orjson.loads(raw)
                try:
                    found[line["custom_id"]] = self._line(line["result"])
                except UNEXPECTED as exc:  # one odd line fails alone, not the whole download
                    found[line["custom_id"]] = line_error(f"batch line unreadable ({exc!r})")
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
            error_type = error.get("type")
            message = f"batch line errored ({error_type}: {error.get('message')})"
            if error_type in RETRYABLE_ERRORS:
                return line_error(message)
            return BackendError(message, retryable=False, kind="batch_line", fatal=error_type in ACCOUNT_ERRORS)
        return line_error(f"batch line not answered ({kind})", kind="batch_expired")
