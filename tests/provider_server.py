"""A local stand-in for OpenAI's and Anthropic's hosted APIs, following their published behaviour:
OpenAI's Files + Batch API and chat completions; Anthropic's Messages API (its error shapes, 429 with
Retry-After or only rate-limit headers, 529 overloaded) and Message Batches. Real endpoints cannot be
reached from here; the README lists what was tested this way.

Batches move validating -> in_progress -> finalizing -> completed (OpenAI) or in_progress -> ended
(Anthropic), one step per poll once released (`hold` keeps them in progress). A line's text picks its
fate: `linefail` errors once then succeeds in a later batch (500 / api_error), `linebad` is always a bad
request (400 / invalid_request_error). `expire_next` / `cancel_next` make the next batch end expired /
cancelled with only its first half answered. Every custom_id sent is counted in `sent`.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import orjson
from aiohttp import web

from tests.threaded_server import ThreadedServer

ANTHROPIC_FAULT = re.compile(r"fault:(429headers|429|529|500)(?:x(\d+))?")


def _now_iso(offset_s: float = 0.0) -> str:
    return (dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=offset_s)).isoformat().replace("+00:00", "Z")


def _last_user(messages: list[dict[str, Any]]) -> str:
    return next(m["content"] for m in reversed(messages) if m["role"] == "user")


@dataclass
class Batch:
    id: str
    provider: str  # "openai" or "anthropic"
    lines: list[dict[str, Any]]
    created: str = field(default_factory=_now_iso)
    polls: int = 0
    ending: str = "completed"  # or "expired", "cancelled", "failed"
    status: str = "validating"
    results: dict[str, Any] = field(default_factory=dict)
    metadata: dict[str, str] = field(default_factory=dict)


@dataclass
class ProviderServer:
    hold: bool = False
    polls_to_finish: int = 2
    expire_next: bool = False
    cancel_next: bool = False
    fail_next: bool = False
    mode: str | None = None  # "401": every request is refused
    url: str = ""
    sent: Counter = field(default_factory=Counter)  # custom_id -> times it was put in a batch
    direct_calls: int = 0
    last_message_body: dict[str, Any] | None = None
    batches: dict[str, Batch] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    _failed_once: set = field(default_factory=set)
    _attempts: Counter = field(default_factory=Counter)
    _ids: Any = field(default_factory=lambda: itertools.count(1))

    def _id(self, prefix: str) -> str:
        return f"{prefix}_{next(self._ids):04d}"

    # -- shared answers -----------------------------------------------------------------------------

    def _line_fate(self, text: str) -> str:
        if "linebad" in text:
            return "bad"
        if "linefail" in text and text not in self._failed_once:
            self._failed_once.add(text)
            return "fail"
        return "ok"

    @staticmethod
    def _openai_completion(body: dict[str, Any]) -> dict[str, Any]:
        prompt = _last_user(body["messages"]) if "messages" in body else body["prompt"]
        text = f"echo: {prompt}"
        return {"id": "chatcmpl-x", "object": "chat.completion", "model": body.get("model"),
                "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
                "usage": {"prompt_tokens": len(prompt.split()), "completion_tokens": len(text.split())}}

    @staticmethod
    def _anthropic_message(params: dict[str, Any]) -> dict[str, Any]:
        prompt = _last_user(params["messages"])
        text = f"echo: {prompt}"
        return {"id": "msg_x", "type": "message", "role": "assistant", "model": params["model"],
                "content": [{"type": "text", "text": text}], "stop_reason": "end_turn", "stop_sequence": None,
                "usage": {"input_tokens": len(prompt.split()), "output_tokens": len(text.split())}}

    def _new_batch(self, provider: str, lines: list[dict[str, Any]]) -> Batch:
        batch = Batch(self._id("batch" if provider == "openai" else "msgbatch"), provider, lines,
                      status="validating" if provider == "openai" else "in_progress")
        for line in lines:
            self.sent[line["custom_id"]] += 1
        for flag, ending in (("expire_next", "expired"), ("cancel_next", "cancelled"), ("fail_next", "failed")):
            if getattr(self, flag):
                setattr(self, flag, False)
                batch.ending = ending
        self.batches[batch.id] = batch
        return batch

    def _advance(self, batch: Batch) -> None:
        """One poll: a released batch moves on, and is finished after `polls_to_finish` polls."""
        if self.hold or batch.results or batch.status in ("failed",):
            return
        batch.polls += 1
        if batch.ending == "failed":
            batch.status = "failed"
            return
        if batch.polls < self.polls_to_finish:
            batch.status = "in_progress"
            return
        answered = batch.lines if batch.ending == "completed" else batch.lines[: len(batch.lines) // 2]
        for line in batch.lines:
            if line in answered:
                batch.results[line["custom_id"]] = self._line_fate(self._line_text(batch, line))
            else:
                batch.results[line["custom_id"]] = batch.ending
        batch.status = batch.ending if batch.provider == "openai" else "ended"

    @staticmethod
    def _line_text(batch: Batch, line: dict[str, Any]) -> str:
        body = line["body"] if batch.provider == "openai" else line["params"]
        return _last_user(body["messages"]) if "messages" in body else body["prompt"]

    # -- OpenAI ---------------------------------------------------------------------------------------

    async def _openai_chat(self, request: web.Request) -> web.Response:
        self.direct_calls += 1
        return web.json_response(self._openai_completion(orjson.loads(await request.read())))

    async def _openai_models(self, request: web.Request) -> web.Response:
        return web.json_response({"object": "list", "data": [{"id": "gpt-test", "object": "model"}]})

    async def _openai_upload(self, request: web.Request) -> web.Response:
        form = await request.post()
        assert form["purpose"] == "batch", form
        upload = form["file"]
        file_id = self._id("file")
        self.files[file_id] = upload.file.read()
        return web.json_response({"id": file_id, "object": "file", "purpose": "batch",
                                  "bytes": len(self.files[file_id])})

    async def _openai_create_batch(self, request: web.Request) -> web.Response:
        body = orjson.loads(await request.read())
        lines = [orjson.loads(raw) for raw in self.files[body["input_file_id"]].splitlines() if raw.strip()]
        assert all(line["url"] == body["endpoint"] for line in lines)
        batch = self._new_batch("openai", lines)
        batch.metadata = body.get("metadata") or {}
        return web.json_response(self._openai_batch(batch))

    def _openai_batch(self, batch: Batch) -> dict[str, Any]:
        out: dict[str, Any] = {"id": batch.id, "object": "batch", "status": batch.status,
                               "endpoint": "/v1/chat/completions", "metadata": batch.metadata,
                               "output_file_id": None, "error_file_id": None,
                               "request_counts": {"total": len(batch.lines),
                                                  "completed": sum(r == "ok" for r in batch.results.values()),
                                                  "failed": sum(r != "ok" for r in batch.results.values())}}
        if batch.status == "failed":
            out["errors"] = {"data": [{"code": "invalid_model", "message": "the model does not exist"}]}
        if batch.results:
            ok, errors = [], []
            for line in batch.lines:
                fate = batch.results[line["custom_id"]]
                if fate == "ok":
                    ok.append({"id": "r", "custom_id": line["custom_id"], "error": None, "response": {
                        "status_code": 200, "request_id": "q", "body": self._openai_completion(line["body"])}})
                elif fate in ("fail", "bad"):
                    status = 500 if fate == "fail" else 400
                    errors.append({"id": "r", "custom_id": line["custom_id"], "error": None, "response": {
                        "status_code": status, "request_id": "q",
                        "body": {"error": {"message": f"line {fate}", "type": "server_error"}}}})
                else:
                    errors.append({"id": "r", "custom_id": line["custom_id"], "response": None,
                                   "error": {"code": f"batch_{fate}", "message": f"this request was {fate}"}})
            for key, rows in (("output_file_id", ok), ("error_file_id", errors)):
                if rows:
                    file_id = f"{batch.id}-{key}"
                    self.files[file_id] = b"".join(orjson.dumps(r) + b"\n" for r in rows)
                    out[key] = file_id
        return out

    async def _openai_get_batch(self, request: web.Request) -> web.Response:
        batch = self.batches[request.match_info["id"]]
        self._advance(batch)
        return web.json_response(self._openai_batch(batch))

    async def _openai_list_batches(self, request: web.Request) -> web.Response:
        return web.json_response({"object": "list", "data": [self._openai_batch(b) for b in self.batches.values()
                                                             if b.provider == "openai"]})

    async def _openai_file_content(self, request: web.Request) -> web.Response:
        return web.Response(body=self.files[request.match_info["id"]], content_type="application/jsonl")

    # -- Anthropic ------------------------------------------------------------------------------------

    def _anthropic_error(self, status: int, kind: str, message: str, headers: dict[str, str] | None = None):
        return web.json_response({"type": "error", "error": {"type": kind, "message": message}}, status=status,
                                 headers=headers or {})

    async def _anthropic_messages(self, request: web.Request) -> web.Response:
        self.direct_calls += 1
        body = orjson.loads(await request.read())
        self.last_message_body = body
        prompt = _last_user(body["messages"])
        match = ANTHROPIC_FAULT.search(prompt)
        if match:
            self._attempts[prompt] += 1
            kind, times = match.group(1), int(match.group(2) or 1)
            if self._attempts[prompt] <= times:
                if kind == "429":
                    return self._anthropic_error(429, "rate_limit_error", "slow down", {"retry-after": "0"})
                if kind == "429headers":  # no Retry-After: the reset time of the exhausted limit says when
                    return self._anthropic_error(429, "rate_limit_error", "slow down", {
                        "anthropic-ratelimit-requests-remaining": "0",
                        "anthropic-ratelimit-requests-reset": _now_iso(0.3),
                        "anthropic-ratelimit-tokens-remaining": "5000"})
                if kind == "529":
                    return self._anthropic_error(529, "overloaded_error", "Overloaded")
                return self._anthropic_error(500, "api_error", "internal error")
        return web.json_response(self._anthropic_message(body))

    async def _anthropic_models(self, request: web.Request) -> web.Response:
        return web.json_response({"data": [{"type": "model", "id": "claude-test-1", "display_name": "Claude Test"}],
                                  "has_more": False})

    def _anthropic_batch(self, batch: Batch) -> dict[str, Any]:
        counts = Counter({"processing": 0, "succeeded": 0, "errored": 0, "canceled": 0, "expired": 0})
        if not batch.results:
            counts["processing"] = len(batch.lines)
        for fate in batch.results.values():
            counts[{"ok": "succeeded", "fail": "errored", "bad": "errored", "expired": "expired",
                    "cancelled": "canceled"}[fate]] += 1
        return {"id": batch.id, "type": "message_batch", "processing_status": batch.status,
                "request_counts": dict(counts), "created_at": batch.created,
                "results_url": f"{self.anthropic_url}/messages/batches/{batch.id}/results"
                if batch.results else None}

    async def _anthropic_create_batch(self, request: web.Request) -> web.Response:
        body = orjson.loads(await request.read())
        for line in body["requests"]:
            if not re.fullmatch(r"[a-zA-Z0-9_-]{1,64}", line["custom_id"]):
                return self._anthropic_error(400, "invalid_request_error", "custom_id must match ^[a-zA-Z0-9_-]{1,64}$")
        return web.json_response(self._anthropic_batch(self._new_batch("anthropic", body["requests"])))

    async def _anthropic_get_batch(self, request: web.Request) -> web.Response:
        batch = self.batches[request.match_info["id"]]
        self._advance(batch)
        return web.json_response(self._anthropic_batch(batch))

    async def _anthropic_list_batches(self, request: web.Request) -> web.Response:
        return web.json_response({"data": [self._anthropic_batch(b) for b in self.batches.values()
                                           if b.provider == "anthropic"], "has_more": False})

    async def _anthropic_results(self, request: web.Request) -> web.Response:
        batch = self.batches[request.match_info["id"]]
        rows = []
        for line in batch.lines:
            fate = batch.results[line["custom_id"]]
            if fate == "ok":
                result: dict[str, Any] = {"type": "succeeded", "message": self._anthropic_message(line["params"])}
            elif fate in ("fail", "bad"):
                kind = "api_error" if fate == "fail" else "invalid_request_error"
                result = {"type": "errored", "error": {"type": "error", "error": {"type": kind, "message": fate}}}
            else:
                result = {"type": "canceled" if fate == "cancelled" else "expired"}
            rows.append(orjson.dumps({"custom_id": line["custom_id"], "result": result}) + b"\n")
        return web.Response(body=b"".join(rows), content_type="application/binary")

    # -- serving --------------------------------------------------------------------------------------

    @web.middleware
    async def _auth(self, request: web.Request, handler) -> web.StreamResponse:
        if self.mode == "401":
            if request.path.startswith("/anthropic"):
                return self._anthropic_error(401, "authentication_error", "invalid x-api-key")
            return web.json_response({"error": {"message": "Incorrect API key provided"}}, status=401)
        if request.path.startswith("/anthropic") and request.headers.get("anthropic-version") != "2023-06-01":
            return self._anthropic_error(400, "invalid_request_error", "anthropic-version header is required")
        return await handler(request)

    def _app(self) -> web.Application:
        app = web.Application(middlewares=[self._auth], client_max_size=64 * 1024 * 1024)
        r = app.router
        r.add_post("/openai/v1/chat/completions", self._openai_chat)
        r.add_get("/openai/v1/models", self._openai_models)
        r.add_post("/openai/v1/files", self._openai_upload)
        r.add_get("/openai/v1/files/{id}/content", self._openai_file_content)
        r.add_post("/openai/v1/batches", self._openai_create_batch)
        r.add_get("/openai/v1/batches", self._openai_list_batches)
        r.add_get("/openai/v1/batches/{id}", self._openai_get_batch)
        r.add_post("/anthropic/v1/messages", self._anthropic_messages)
        r.add_get("/anthropic/v1/models", self._anthropic_models)
        r.add_post("/anthropic/v1/messages/batches", self._anthropic_create_batch)
        r.add_get("/anthropic/v1/messages/batches", self._anthropic_list_batches)
        r.add_get("/anthropic/v1/messages/batches/{id}", self._anthropic_get_batch)
        r.add_get("/anthropic/v1/messages/batches/{id}/results", self._anthropic_results)
        return app

    def start(self) -> ProviderServer:
        self._server = ThreadedServer()
        self.url = self._server.serve(self._app)
        return self

    @property
    def openai_url(self) -> str:
        return f"{self.url}/openai/v1"

    @property
    def anthropic_url(self) -> str:
        return f"{self.url}/anthropic/v1"

    def stop(self) -> None:
        self._server.stop()
