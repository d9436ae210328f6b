"""OpenAI's Batch API: upload a JSONL file (purpose "batch"), create a batch over it, poll it, download
its output and error files. Each line's custom_id is the engine's cache key for that sample."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import aiohttp
import orjson

from synthloom.models.base import BackendError, ChatRequest, Completion
from synthloom.models.batch import BatchResults, BatchState, line_error
from synthloom.models.http import send
from synthloom.models.openai_compat import completion_from_dict
from synthloom.redaction import redact

if TYPE_CHECKING:
    from synthloom.models.openai_compat import OpenAICompatBackend

FINISHED = {"completed", "failed", "expired", "cancelled"}
TOKEN_KEY = "synthloom_submission"  # batch metadata: finds a batch whose creation a killed run never saw


class OpenAIBatches:
    max_requests = 50_000  # the Batch API's limit per batch

    def __init__(self, backend: OpenAICompatBackend) -> None:
        self.backend = backend
        self.base_url = backend.base_url

    def group(self, request: ChatRequest) -> str:
        return "/v1/completions" if (request.prompt is not None or not self.backend.chat) else "/v1/chat/completions"

    async def _bytes(self, method: str, path: str, **kwargs: Any) -> bytes:
        status, body, _ = await send(self.backend.session(), method, f"{self.base_url}{path}", self.base_url,
                                     **kwargs)
        if status >= 400:
            raise self._error(status, body, f"{method} {path}")
        return body

    async def _json(self, method: str, path: str, **kwargs: Any) -> Any:
        return orjson.loads(await self._bytes(method, path, **kwargs))

    def _error(self, status: int, body: bytes, what: str) -> BackendError:
        detail = redact(body[:300].decode("utf-8", "replace"))
        if status == 404 and what.startswith("POST /files"):
            return BackendError(f"{self.base_url} has no Batch API ({what}: HTTP 404); turn engine.batch / --batch "
                                "off for this server", retryable=False, kind="no_batch_api", fatal=True)
        if status in (401, 403):
            return BackendError(f"{self.base_url} refused the API key ({what}: HTTP {status}: {detail})",
                                retryable=False, kind="auth", fatal=True)
        return BackendError(f"{what}: HTTP {status} from {self.base_url}: {detail}",
                            retryable=status == 429 or status >= 500, kind="batch_api")

    async def submit(self, lines: list[tuple[str, ChatRequest]], token: str) -> str:
        endpoint = self.group(lines[0][1])
        jsonl = b"".join(orjson.dumps({"custom_id": key, "method": "POST", "url": endpoint,
                                       "body": self.backend.payload(self.backend.for_endpoint(request))}) + b"\n"
                         for key, request in lines)
        form = aiohttp.FormData()
        form.add_field("purpose", "batch")
        form.add_field("file", jsonl, filename=f"{token}.jsonl", content_type="application/jsonl")
        body = form()  # the multipart body, so its Content-Type (with the boundary) replaces the session's JSON one
        upload = await self._json("POST", "/files", data=body, headers={"Content-Type": body.content_type})
        batch = await self._json("POST", "/batches", json={
            "input_file_id": upload["id"], "endpoint": endpoint, "completion_window": "24h",
            "metadata": {TOKEN_KEY: token}})
        return str(batch["id"])

    async def find(self, token: str, count: int, since: float) -> str | None:
        listing = await self._json("GET", "/batches?limit=100")
        for batch in listing.get("data") or []:
            if (batch.get("metadata") or {}).get(TOKEN_KEY) == token:
                return str(batch["id"])
        return None

    async def state(self, batch_id: str) -> BatchState:
        batch = await self._json("GET", f"/batches/{batch_id}")
        status = batch.get("status", "unknown")
        failure = None
        if status == "failed":
            errors = (batch.get("errors") or {}).get("data") or []
            failure = "; ".join(f"{e.get('code')}: {e.get('message')}" for e in errors[:3]) or "no reason given"
        return BatchState(batch_id, status, status in FINISHED, dict(batch.get("request_counts") or {}), failure,
                          {"files": [batch.get("output_file_id"), batch.get("error_file_id")]})

    async def results(self, state: BatchState) -> BatchResults:
        found: BatchResults = {}
        for file_id in state.where.get("files", ()):
            if file_id:
                content = await self._bytes("GET", f"/files/{file_id}/content")
                for raw in content.splitlines():
                    if raw.strip():
                        line = orjson.loads(raw)
                        found[line["custom_id"]] = self._line(line)
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
            detail = redact(orjson.dumps(response.get("body"))[:300].decode())
            return line_error(f"batch line answered HTTP {status}: {detail}", status=status)
        try:
            return completion_from_dict(response["body"])
        except BackendError as exc:
            return exc
