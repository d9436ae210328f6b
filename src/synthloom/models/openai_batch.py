"""OpenAI's Batch API: upload a JSONL file (purpose "batch"), create a batch over it, poll it, download
its output and error files. Each line's custom_id is the engine's cache key for that sample."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import aiohttp
import orjson

from synthloom.models.base import BackendError, ChatRequest, Completion
from synthloom.models.batch import RESULTS_GONE, TOO_LARGE, UNKNOWN_BATCH, BatchResults, BatchState, line_error
from synthloom.models.http import send, should_retry, snippet
from synthloom.models.openai_wire import completion_from_dict
from synthloom.redaction import redact

if TYPE_CHECKING:
    from synthloom.models.openai_compat import OpenAICompatBackend

FINISHED = {"completed", "failed", "expired", "cancelled"}
TOKEN_KEY = "synthloom_submission"  # batch metadata: finds a batch whose creation a killed run never saw
# A batch `failed` with these codes was refused for a reason that passes (the organisation's enqueued token
# limit): its lines are sent again later. Any other code is a validation error, the user's to fix.
PASSING_FAILURES = {"token_limit_exceeded", "rate_limit_exceeded", "request_limit_exceeded", "server_error"}
FIND_SLACK_S = 600.0  # batches listed newest first: one created this long before the submission ends the search
FIND_MAX_PAGES = 100  # 10,000 batches: a listing that pages on past this is not followed further
UNEXPECTED = (ValueError, KeyError, TypeError, AttributeError)


class OpenAIBatches:
    max_requests = 50_000  # the Batch API's limits per batch: lines, and bytes of the input file
    max_bytes = 200_000_000

    def __init__(self, backend: OpenAICompatBackend) -> None:
        self.backend = backend
        self.base_url = backend.base_url

    def group(self, request: ChatRequest) -> str:
        return "/v1/completions" if (request.prompt is not None or not self.backend.chat) else "/v1/chat/completions"

    def _jsonl_line(self, key: str, request: ChatRequest) -> bytes:
        return orjson.dumps({"custom_id": key, "method": "POST", "url": self.group(request),
                             "body": self.backend.payload(self.backend.for_endpoint(request))}) + b"\n"

    def line_bytes(self, key: str, request: ChatRequest) -> int:
        return len(self._jsonl_line(key, request))

    async def _bytes(self, method: str, path: str, **kwargs: Any) -> bytes:
        status, body, headers = await send(self.backend.session(), method, f"{self.base_url}{path}", self.base_url,
                                           **kwargs)
        if status >= 400:
            raise self._error(status, body, f"{method} {path}", headers)
        return body

    async def _json(self, method: str, path: str, **kwargs: Any) -> Any:
        return orjson.loads(await self._bytes(method, path, **kwargs))

    def _error(self, status: int, body: bytes, what: str, headers: Any = None) -> BackendError:
        detail = redact(snippet(body))
        if status == 404 and what.startswith("POST /files"):
            return BackendError(f"{self.base_url} has no Batch API ({what}: HTTP 404); turn engine.batch / --batch "
                                "off for this server", retryable=False, kind="no_batch_api", fatal=True)
        if status == 404 and what.startswith("GET /files/"):
            return BackendError(f"{what}: the file is gone (HTTP 404: {detail}); OpenAI keeps batch output files "
                                "30 days", retryable=False, kind=RESULTS_GONE)
        if status == 404 and what.startswith("GET /batches/"):
            return BackendError(f"{self.base_url} does not know this batch ({what}: HTTP 404: {detail}); batches "
                                "belong to the organisation and project of the key that sent them",
                                retryable=False, kind=UNKNOWN_BATCH)
        if status == 413:
            return BackendError(f"{what}: the batch is too large (HTTP 413: {detail})", retryable=True,
                                kind=TOO_LARGE)
        if status in (401, 403):
            return BackendError(f"{self.base_url} refused the API key ({what}: HTTP {status}: {detail})",
                                retryable=False, kind="auth", fatal=True)
        return BackendError(f"{what}: HTTP {status} from {self.base_url}: {detail}",
                            retryable=should_retry(headers, status == 429 or status >= 500), kind="batch_api")

    async def submit(self, lines: list[tuple[str, ChatRequest]], token: str) -> str:
        endpoint = self.group(lines[0][1])
        jsonl = b"".join(self._jsonl_line(key, request) for key, request in lines)
        form = aiohttp.FormData()
        form.add_field("purpose", "batch")
        form.add_field("file", jsonl, filename=f"{token}.jsonl", content_type="application/jsonl")
        body = form()  # the multipart body, so its Content-Type (with the boundary) replaces the session's JSON one
        upload = await self._json("POST", "/files", data=body, headers={"Content-Type": body.content_type})
        batch = await self._json("POST", "/batches", json={
            "input_file_id": upload["id"], "endpoint": endpoint, "completion_window": "24h",
            "metadata": {TOKEN_KEY: token}})
        return str(batch["id"])

    async def find(self, token: str, keys: list[str], since: float) -> str | None:
        """Pages through the listing (newest first, `after` the last id while `has_more`) until the batches
        are older than the submission: on a busy account the batch is rarely on the first page."""
        after: str | None = None
        for _ in range(FIND_MAX_PAGES):
            listing = await self._json("GET", "/batches?limit=100" + (f"&after={after}" if after else ""))
            page = listing.get("data") or []
            for batch in page:
                if (batch.get("metadata") or {}).get(TOKEN_KEY) == token:
                    return str(batch["id"])
            last = str(page[-1]["id"]) if page else None
            if (not listing.get("has_more") or last is None or last == after
                    or (page[-1].get("created_at") or 0) < since - FIND_SLACK_S):
                return None
            after = last
        return None

    async def state(self, batch_id: str) -> BatchState:
        batch = await self._json("GET", f"/batches/{batch_id}")
        status = batch.get("status", "unknown")
        failure, passes = None, False
        if status == "failed":
            errors = (batch.get("errors") or {}).get("data") or []
            failure = "; ".join(f"{e.get('code')}: {e.get('message')}" for e in errors[:3]) or "no reason given"
            passes = bool(errors) and all(e.get("code") in PASSING_FAILURES for e in errors)
        return BatchState(batch_id, status, status in FINISHED, dict(batch.get("request_counts") or {}), failure,
                          passes, {"files": [batch.get("output_file_id"), batch.get("error_file_id")]})

    async def results(self, state: BatchState) -> BatchResults:
        found: BatchResults = {}
        for file_id in state.where.get("files", ()):
            if file_id:
                content = await self._bytes("GET", f"/files/{file_id}/content")
                for raw in content.splitlines():
                    if raw.strip():
                        line = orjson.loads(raw)
                        try:
                            found[line["custom_id"]] = self._line(line)
                        except UNEXPECTED as exc:  # one odd line fails alone, not the whole download
                            found[line["custom_id"]] = line_error(f"batch line unreadable ({exc!r})")
        return found

    @staticmethod
    def _line(line: dict[str, Any]) -> Completion | BackendError:
        response, error = line.get("response") or {}, line.get("error")
        if error:  # batch_expired, batch_cancelled, or a line the batch could not run
            code = error.get("code") or "error"
            return line_error(f"batch line not answered ({code}: {error.get('message')})",
                              kind="batch_expired" if "expired" in code or "cancel" in code else "batch_line")
        status = int(response.get("status_code") or 0)
        if status != 200:
            detail = redact(snippet(orjson.dumps(response.get("body"))))
            return line_error(f"batch line answered HTTP {status}: {detail}", status=status)
        try:
            return completion_from_dict(response["body"])
        except BackendError as exc:
            return exc
