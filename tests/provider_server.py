"""A local stand-in for OpenAI's and Anthropic's hosted APIs, following their published behaviour and
held to the official SDKs' types (tests/sdk_types.py): every answer it gives validates as the SDK's
response model, every request it gets is checked against the SDK's request params, and any mismatch is
kept in `contract_errors` (the fixture fails a test that leaves one). Real endpoints cannot be reached
from here; the README lists what was tested this way.

OpenAI: chat completions, Files, and the Batch API (validating -> in_progress -> finalizing ->
completed, or cancelling -> cancelled), lists paged with `limit`/`after`/`has_more`. Anthropic: the
Messages API (its error shapes, 429 with Retry-After or only rate-limit headers, 529 overloaded) and
Message Batches (in_progress -> ended, or canceling -> ended), lists paged with `after_id`/`last_id`.
Batches finish after `polls_to_finish` polls once released (`hold` keeps them in progress).

A line's text picks its fate: `linefail` errors once then succeeds in a later batch (500 / api_error),
`linebad` is always a bad request (400 / invalid_request_error), `lineerr:<type>` is an Anthropic error
of that type; `refuse` is a refusal (OpenAI `message.refusal`, Anthropic stop_reason `refusal`),
`stop:<reason>` an Anthropic stop reason, `cached` an answer with prompt-cache usage, `reasoned` an answer
with a reasoning part (OpenAI-compatible `reasoning_content` and `completion_tokens_details.reasoning_tokens`
as vLLM and DeepSeek send them; an Anthropic `thinking` block). Flags on the server:
`expire_next` / `cancel_next` end the next batch expired / cancelled with half its lines answered;
`fail_next` fails it (True: invalid_model, or an error code); `results_gone` makes output files and
results 404; `broken_polls` / `broken_results` answer that many state reads / downloads with a 500
(-1: always); `max_upload_bytes` answers 413 above it. Every custom_id sent is counted in `sent`.
"""

from __future__ import annotations

import itertools
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import orjson
from aiohttp import web
from anthropic import _constants as anthropic_constants

from tests import sdk_types
from tests.threaded_server import ThreadedServer

# synthloom's anthropic-version, and the current SDK's (its client is run against this server too)
REASONING_TRACE = "The user wants an echo. Say it back."
REASONING_TOKENS = 9
API_VERSIONS = {"2023-06-01", anthropic_constants.ANTHROPIC_API_VERSION}
ANTHROPIC_FAULT = re.compile(r"fault:(429headers|429|529|500)(?:x(\d+))?")
STOP_MARK = re.compile(r"stop:([a-z_]+)")
LINE_ERROR_MARK = re.compile(r"lineerr:([a-z_]+)")
DAY_S = 24 * 3600
# Claude models as the real service treats sampling fields: the newest refuse temperature, the 4.x line
# refuses temperature and top_p together. The current SDK types neither field (tests/sdk_types.py).
ANTHROPIC_NO_SAMPLING = re.compile(r"^claude-(opus-4-[7-9]|opus-5|sonnet-5|test)")
ANTHROPIC_ONE_SAMPLER = re.compile(r"^claude-(opus|sonnet|haiku)-4")


def _iso(when: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(when))


def _last_user(messages: list[dict[str, Any]]) -> str:
    return next(m["content"] for m in reversed(messages) if m["role"] == "user")


@dataclass
class Batch:
    id: str
    provider: str  # "openai" or "anthropic"
    lines: list[dict[str, Any]]
    created: float = field(default_factory=time.time)
    polls: int = 0
    ending: str = "completed"  # or "expired", "cancelled", "failed"
    failure_code: str = "invalid_model"
    status: str = "validating"
    results: dict[str, Any] = field(default_factory=dict)
    metadata: dict[str, str] = field(default_factory=dict)
    input_file_id: str = "file-none"
    endpoint: str = "/v1/chat/completions"
    foreign: bool = False  # a finished batch of another run in the same account or workspace


@dataclass
class ProviderServer:
    hold: bool = False
    polls_to_finish: int = 2
    expire_next: bool = False
    cancel_next: bool = False
    fail_next: bool | str = False
    results_gone: bool = False
    broken_polls: int = 0
    broken_results: int = 0
    max_upload_bytes: int | None = None
    mode: str | None = None  # "401": every request is refused
    url: str = ""
    sent: Counter = field(default_factory=Counter)  # custom_id -> times it was put in a batch
    direct_calls: int = 0
    downloads: int = 0  # output-file and results downloads asked for
    state_reads: int = 0
    list_pages: Counter = field(default_factory=Counter)  # provider -> batch-list pages served
    last_message_body: dict[str, Any] | None = None
    last_chat_body: dict[str, Any] | None = None
    batches: dict[str, Batch] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    contract_errors: list[str] = field(default_factory=list)
    refuse_fields: set[str] = field(default_factory=set)  # OpenAI: fields the model refuses (400 with `param`)
    _failed_once: set = field(default_factory=set)
    _attempts: Counter = field(default_factory=Counter)
    _ids: Any = field(default_factory=lambda: itertools.count(1))

    def _id(self, prefix: str) -> str:
        return f"{prefix}_{next(self._ids):06d}"

    # -- the SDKs' types ------------------------------------------------------------------------------

    def _checked(self, kind: str, data: Any) -> Any:
        problem = sdk_types.response_errors(kind, data)
        if problem:
            self.contract_errors.append(problem)
        return data

    def _json(self, kind: str, data: Any, status: int = 200, headers: dict[str, str] | None = None):
        return web.json_response(self._checked(kind, data), status=status, headers=headers or {})

    def _check_request(self, value: Any, tp: Any, where: str) -> None:
        try:
            sdk_types.check_params(value, tp, where)
        except sdk_types.ContractError as exc:
            self.contract_errors.append(str(exc))

    def _check_anthropic_params(self, params: dict[str, Any], where: str) -> None:
        # temperature and top_p: no longer in the SDK's params, still taken by older models (checked as numbers)
        rest = {k: v for k, v in params.items() if k not in ("temperature", "top_p")}
        for name in ("temperature", "top_p"):
            if name in params and not isinstance(params[name], (int, float)):
                self.contract_errors.append(f"{where}.{name}: {params[name]!r} is not a number")
        self._check_request(rest, sdk_types.ANTHROPIC_MESSAGE_PARAMS, where)

    # -- shared answers -------------------------------------------------------------------------------

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
        refused = "refuse" in prompt
        message = {"role": "assistant", "content": None if refused else text,
                   "refusal": "I can't help with that." if refused else None}
        prompt_tokens, completion_tokens = len(prompt.split()), len(text.split())
        usage: dict[str, Any] = {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                                 "total_tokens": prompt_tokens + completion_tokens}
        if "cached" in prompt:
            usage["prompt_tokens"] = 1000
            usage["total_tokens"] = 1000 + completion_tokens
            usage["prompt_tokens_details"] = {"cached_tokens": 800, "audio_tokens": 0}
        if "reasoned" in prompt:
            message["reasoning_content"] = REASONING_TRACE
            usage["completion_tokens"] += REASONING_TOKENS
            usage["total_tokens"] += REASONING_TOKENS
            usage["completion_tokens_details"] = {"reasoning_tokens": REASONING_TOKENS}
        return {"id": "chatcmpl-x", "object": "chat.completion", "created": int(time.time()),
                "model": body.get("model"), "system_fingerprint": None,
                "choices": [{"index": 0, "message": message, "finish_reason": "stop", "logprobs": None}],
                "usage": usage}

    @staticmethod
    def _anthropic_message(params: dict[str, Any]) -> dict[str, Any]:
        prompt = _last_user(params["messages"])
        text = f"echo: {prompt}"
        stop = STOP_MARK.search(prompt)
        stop_reason = "refusal" if "refuse" in prompt else (stop.group(1) if stop else "end_turn")
        usage: dict[str, Any] = {"input_tokens": len(prompt.split()), "output_tokens": len(text.split()),
                                 "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0}
        if "cached" in prompt:
            usage.update(input_tokens=100, cache_creation_input_tokens=100, cache_read_input_tokens=800)
        content: list[dict[str, Any]] = [{"type": "text", "text": text, "citations": None}]
        if "reasoned" in prompt:
            content.insert(0, {"type": "thinking", "thinking": REASONING_TRACE, "signature": "c2lnbmVk"})
            usage["output_tokens"] += REASONING_TOKENS
        return {"id": "msg_x", "type": "message", "role": "assistant", "model": params["model"],
                "content": content, "stop_reason": stop_reason,
                "stop_sequence": None, "usage": usage}

    def _new_batch(self, provider: str, lines: list[dict[str, Any]]) -> Batch:
        batch = Batch(self._id("batch" if provider == "openai" else "msgbatch"), provider, lines,
                      status="validating" if provider == "openai" else "in_progress")
        for line in lines:
            self.sent[line["custom_id"]] += 1
        for flag, ending in (("expire_next", "expired"), ("cancel_next", "cancelled"), ("fail_next", "failed")):
            value = getattr(self, flag)
            if value:
                setattr(self, flag, False)
                batch.ending = ending
                if isinstance(value, str):
                    batch.failure_code = value
        self.batches[batch.id] = batch
        return batch

    def foreign_batches(self, provider: str, count: int, requests: int, created: float | None = None) -> None:
        """`count` finished batches of other runs (in the same account or workspace), created at `created`,
        each of `requests` lines with custom ids of their own."""
        for _ in range(count):
            batch_id = self._id("batch" if provider == "openai" else "msgbatch")
            request = {"model": "claude-test-1" if provider == "anthropic" else "gpt-test", "max_tokens": 8,
                       "messages": [{"role": "user", "content": "another run's question"}]}
            lines = [{"custom_id": f"{batch_id}-{i}", ("body" if provider == "openai" else "params"): request}
                     for i in range(requests)]
            batch = Batch(batch_id, provider, lines, created=created if created is not None else time.time(),
                          foreign=True, status="completed" if provider == "openai" else "ended",
                          results={line["custom_id"]: "ok" for line in lines})
            self.batches[batch.id] = batch

    def _advance(self, batch: Batch) -> None:
        """One poll: a released batch moves on, and is finished after `polls_to_finish` polls (through
        finalizing or cancelling first)."""
        if self.hold or batch.foreign or batch.results or batch.status == "failed":
            return
        batch.polls += 1
        if batch.ending == "failed":
            batch.status = "failed"
            return
        if batch.polls < self.polls_to_finish:
            batch.status = "in_progress"
            return
        if batch.status not in ("finalizing", "cancelling", "canceling"):
            if batch.provider == "openai":
                batch.status = "cancelling" if batch.ending == "cancelled" else "finalizing"
            else:
                batch.status = "canceling" if batch.ending == "cancelled" else "in_progress"
            if batch.provider == "openai" or batch.ending == "cancelled":
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

    def _broken(self, name: str) -> bool:
        left = getattr(self, name)
        if left == 0:
            return False
        if left > 0:
            setattr(self, name, left - 1)
        return True

    @staticmethod
    def _page(items: list[Any], limit: int, after: str | None) -> tuple[list[Any], bool]:
        """Newest first, the `limit` items after the id `after`."""
        ids = [b.id for b in items]
        start = ids.index(after) + 1 if after in ids else 0
        page = items[start:start + limit]
        return page, start + limit < len(items)

    def _listed(self, provider: str) -> list[Batch]:
        return sorted((b for b in self.batches.values() if b.provider == provider), key=lambda b: (b.created, b.id),
                      reverse=True)  # newest first, as both providers list

    # -- OpenAI ---------------------------------------------------------------------------------------

    def _openai_error(self, status: int, message: str, kind: str = "invalid_request_error",
                      param: str | None = None, code: str | None = None, headers: dict[str, str] | None = None):
        return web.json_response({"error": {"message": message, "type": kind, "param": param, "code": code}},
                                 status=status, headers=headers or {})

    async def _openai_chat(self, request: web.Request) -> web.Response:
        self.direct_calls += 1
        body = orjson.loads(await request.read())
        self.last_chat_body = body
        self._check_request(body, sdk_types.OPENAI_CHAT_PARAMS, "chat request")
        refused = sorted(self.refuse_fields & set(body))
        if refused:
            return self._openai_error(400, f"Unsupported parameter: '{refused[0]}' is not supported with this "
                                      "model.", param=refused[0], code="unsupported_parameter")
        prompt = _last_user(body["messages"])
        if "noretry" in prompt:  # a 500 the server says not to retry
            return self._openai_error(500, "not worth retrying", "server_error", headers={"x-should-retry": "false"})
        if "retryme" in prompt and prompt not in self._failed_once:  # a 400 the server says to retry
            self._failed_once.add(prompt)
            return self._openai_error(400, "try again", headers={"x-should-retry": "true"})
        return self._json("openai.chat", self._openai_completion(body))

    async def _openai_models(self, request: web.Request) -> web.Response:
        return web.json_response({"object": "list", "data": [{"id": "gpt-test", "object": "model",
                                                              "created": 0, "owned_by": "test"}]})

    async def _openai_upload(self, request: web.Request) -> web.Response:
        form = await request.post()
        if form.get("purpose") != "batch":
            self.contract_errors.append(f"file upload: purpose {form.get('purpose')!r}, not 'batch'")
        upload = form["file"]
        content = upload.file.read()  # type: ignore[union-attr]
        if self.max_upload_bytes is not None and len(content) > self.max_upload_bytes:
            return self._openai_error(413, f"file of {len(content)} bytes is over the limit")
        file_id = self._id("file")
        self.files[file_id] = content
        now = int(time.time())
        return self._json("openai.file", {"id": file_id, "object": "file", "purpose": "batch", "bytes": len(content),
                                          "created_at": now, "expires_at": now + 30 * DAY_S,
                                          "filename": upload.filename, "status": "processed"})  # type: ignore[union-attr]

    async def _openai_create_batch(self, request: web.Request) -> web.Response:
        body = orjson.loads(await request.read())
        self._check_request(body, sdk_types.OPENAI_BATCH_PARAMS, "batch create")
        lines = [orjson.loads(raw) for raw in self.files[body["input_file_id"]].splitlines() if raw.strip()]
        for i, line in enumerate(lines):
            if line["url"] != body["endpoint"] or line["method"] != "POST":
                self.contract_errors.append(f"batch line {i}: {line['method']} {line['url']} in a {body['endpoint']} "
                                            "batch")
            params = (sdk_types.OPENAI_CHAT_PARAMS if line["url"] == "/v1/chat/completions"
                      else sdk_types.OPENAI_TEXT_PARAMS)
            self._check_request(line["body"], params, f"batch line {i}")
        batch = self._new_batch("openai", lines)
        batch.metadata = body.get("metadata") or {}
        batch.input_file_id, batch.endpoint = body["input_file_id"], body["endpoint"]
        return self._json("openai.batch", self._openai_batch(batch))

    def _openai_batch(self, batch: Batch) -> dict[str, Any]:
        total = len(batch.lines)
        created = int(batch.created)
        out: dict[str, Any] = {
            "id": batch.id, "object": "batch", "status": batch.status, "endpoint": batch.endpoint,
            "input_file_id": batch.input_file_id, "completion_window": "24h", "created_at": created,
            "expires_at": created + DAY_S, "metadata": batch.metadata, "errors": None,
            "output_file_id": None, "error_file_id": None,
            "request_counts": {"total": total,
                               "completed": sum(r == "ok" for r in batch.results.values()),
                               "failed": sum(r != "ok" for r in batch.results.values())}}
        for status, stamp in (("in_progress", "in_progress_at"), ("finalizing", "finalizing_at"),
                              ("completed", "completed_at"), ("failed", "failed_at"), ("expired", "expired_at"),
                              ("cancelling", "cancelling_at"), ("cancelled", "cancelled_at")):
            if batch.status == status:
                out[stamp] = int(time.time())
        if batch.status == "failed":
            messages = {"invalid_model": "the model does not exist",
                        "token_limit_exceeded": "Enqueued token limit reached for gpt-test in organization org-x."}
            out["errors"] = {"object": "list", "data": [{"code": batch.failure_code, "line": None, "param": None,
                                                         "message": messages.get(batch.failure_code, "refused")}]}
        if batch.results:
            ok, errors = [], []
            for line in batch.lines:
                fate = batch.results[line["custom_id"]]
                if fate == "ok":
                    ok.append({"id": "r", "custom_id": line["custom_id"], "error": None, "response": {
                        "status_code": 200, "request_id": "q", "body": self._checked(
                            "openai.chat", self._openai_completion(line["body"]))}})
                elif fate in ("fail", "bad"):
                    status = 500 if fate == "fail" else 400
                    errors.append({"id": "r", "custom_id": line["custom_id"], "error": None, "response": {
                        "status_code": status, "request_id": "q",
                        "body": {"error": {"message": f"line {fate} — ünïcödé " * 30, "type": "server_error",
                                           "param": None, "code": None}}}})
                else:
                    errors.append({"id": "r", "custom_id": line["custom_id"], "response": None,
                                   "error": {"code": f"batch_{fate}", "message": f"this request was {fate}"}})
            for key, rows in (("output_file_id", ok), ("error_file_id", errors)):
                if rows:
                    file_id = f"file-{batch.id}-{key[:-8]}"
                    self.files[file_id] = b"".join(orjson.dumps(r) + b"\n" for r in rows)
                    out[key] = file_id
        return out

    async def _openai_get_batch(self, request: web.Request) -> web.Response:
        self.state_reads += 1
        batch = self.batches.get(request.match_info["id"])
        if batch is None or batch.provider != "openai":
            return self._openai_error(404, f"No batch found with id '{request.match_info['id']}'.")
        if self._broken("broken_polls"):
            return self._openai_error(500, "The server had an error", "server_error")
        self._advance(batch)
        return self._json("openai.batch", self._openai_batch(batch))

    async def _openai_list_batches(self, request: web.Request) -> web.Response:
        self.list_pages["openai"] += 1
        limit = min(int(request.query.get("limit", 20)), 100)
        page, more = self._page(self._listed("openai"), limit, request.query.get("after"))
        data = [self._checked("openai.batch", self._openai_batch(b)) for b in page]
        return web.json_response({"object": "list", "data": data, "has_more": more,
                                  "first_id": page[0].id if page else None, "last_id": page[-1].id if page else None})

    async def _openai_file_content(self, request: web.Request) -> web.Response:
        self.downloads += 1
        file_id = request.match_info["id"]
        if self.results_gone or file_id not in self.files:
            return self._openai_error(404, f"No such File object: {file_id}", param="id")
        if self._broken("broken_results"):
            return self._openai_error(500, "The server had an error", "server_error")
        return web.Response(body=self.files[file_id], content_type="application/jsonl")

    # -- Anthropic ------------------------------------------------------------------------------------

    def _anthropic_error(self, status: int, kind: str, message: str, headers: dict[str, str] | None = None):
        return self._json("anthropic.error", {"type": "error", "error": {"type": kind, "message": message},
                                              "request_id": "req_x"}, status=status, headers=headers)

    def _sampling_refusal(self, params: dict[str, Any]) -> str | None:
        model = params.get("model", "")
        if ANTHROPIC_NO_SAMPLING.search(model):
            for name in ("temperature", "top_p", "top_k"):
                if name in params:
                    return f"`{name}` is deprecated for this model."
        elif ANTHROPIC_ONE_SAMPLER.search(model) and "temperature" in params and "top_p" in params:
            return "`temperature` and `top_p` cannot both be specified for this model. Please use only one."
        if any(not s.strip() for s in params.get("stop_sequences", [])):
            return "stop_sequences: each stop sequence must contain non-whitespace"
        if params.get("temperature", 0) > 1:
            return "temperature: range: 0 <= temperature <= 1"
        return None

    async def _anthropic_messages(self, request: web.Request) -> web.Response:
        self.direct_calls += 1
        body = orjson.loads(await request.read())
        self.last_message_body = body
        self._check_anthropic_params(body, "messages request")
        refusal = self._sampling_refusal(body)
        if refusal:
            return self._anthropic_error(400, "invalid_request_error", refusal)
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
                        "anthropic-ratelimit-requests-reset": _iso(time.time() + 1),
                        "anthropic-ratelimit-tokens-remaining": "5000"})
                if kind == "529":
                    return self._anthropic_error(529, "overloaded_error", "Overloaded")
                return self._anthropic_error(500, "api_error", "internal error")
        if "noretry" in prompt:
            return self._anthropic_error(529, "overloaded_error", "Overloaded", {"x-should-retry": "false"})
        return self._json("anthropic.message", self._anthropic_message(body))

    async def _anthropic_models(self, request: web.Request) -> web.Response:
        return web.json_response({"data": [{"type": "model", "id": "claude-test-1", "display_name": "Claude Test",
                                            "created_at": _iso(0)}], "has_more": False,
                                  "first_id": "claude-test-1", "last_id": "claude-test-1"})

    def _anthropic_batch(self, batch: Batch) -> dict[str, Any]:
        counts = Counter({"processing": 0, "succeeded": 0, "errored": 0, "canceled": 0, "expired": 0})
        if not batch.results:
            counts["processing"] = len(batch.lines)
        for fate in batch.results.values():
            counts[{"ok": "succeeded", "fail": "errored", "bad": "errored", "expired": "expired",
                    "cancelled": "canceled"}[fate]] += 1
        ended = batch.status == "ended"
        return {"id": batch.id, "type": "message_batch", "processing_status": batch.status,
                "request_counts": dict(counts), "created_at": _iso(batch.created),
                "expires_at": _iso(batch.created + DAY_S), "ended_at": _iso(time.time()) if ended else None,
                "archived_at": None, "cancel_initiated_at": _iso(time.time()) if batch.ending == "cancelled" else None,
                "results_url": f"{self.anthropic_url}/messages/batches/{batch.id}/results" if ended else None}

    async def _anthropic_create_batch(self, request: web.Request) -> web.Response:
        raw = await request.read()
        if self.max_upload_bytes is not None and len(raw) > self.max_upload_bytes:
            # The API's own error type for a 413, which the SDK's ErrorType does not list: not checked against it.
            return web.json_response({"type": "error", "error": {"type": "request_too_large", "message":
                                      "Request exceeds the maximum allowed number of bytes."}}, status=413)
        body = orjson.loads(raw)
        for i, line in enumerate(body["requests"]):
            if set(line) != {"custom_id", "params"}:  # the SDK's batch Request; its params are checked below
                self.contract_errors.append(f"batch request {i}: keys {sorted(line)}, not custom_id and params")
            self._check_anthropic_params(line["params"], f"batch request {i}.params")
            if not re.fullmatch(r"[a-zA-Z0-9_-]{1,64}", line["custom_id"]):
                return self._anthropic_error(400, "invalid_request_error", "custom_id must match ^[a-zA-Z0-9_-]{1,64}$")
        return self._json("anthropic.batch", self._anthropic_batch(self._new_batch("anthropic", body["requests"])))

    async def _anthropic_get_batch(self, request: web.Request) -> web.Response:
        self.state_reads += 1
        batch = self.batches.get(request.match_info["id"])
        if batch is None or batch.provider != "anthropic":
            return self._anthropic_error(404, "not_found_error", "Batch not found")
        if self._broken("broken_polls"):
            return self._anthropic_error(500, "api_error", "Internal server error")
        self._advance(batch)
        return self._json("anthropic.batch", self._anthropic_batch(batch))

    async def _anthropic_list_batches(self, request: web.Request) -> web.Response:
        self.list_pages["anthropic"] += 1
        limit = min(int(request.query.get("limit", 20)), 1000)
        page, more = self._page(self._listed("anthropic"), limit, request.query.get("after_id"))
        return web.json_response({"data": [self._checked("anthropic.batch", self._anthropic_batch(b)) for b in page],
                                  "has_more": more, "first_id": page[0].id if page else None,
                                  "last_id": page[-1].id if page else None})

    async def _anthropic_results(self, request: web.Request) -> web.Response:
        self.downloads += 1
        batch = self.batches.get(request.match_info["id"])
        if self.results_gone or batch is None:
            return self._anthropic_error(404, "not_found_error", "results not found")
        if self._broken("broken_results"):
            return self._anthropic_error(500, "api_error", "Internal server error")
        rows = []
        for line in batch.lines:
            fate = batch.results[line["custom_id"]]
            text = self._line_text(batch, line)
            marked = LINE_ERROR_MARK.search(text)
            if marked:
                result: dict[str, Any] = {"type": "errored", "error": {"type": "error", "request_id": None, "error": {
                    "type": marked.group(1), "message": "refused"}}}
            elif fate == "ok":
                result = {"type": "succeeded", "message": self._anthropic_message(line["params"])}
            elif fate in ("fail", "bad"):
                kind = "api_error" if fate == "fail" else "invalid_request_error"
                result = {"type": "errored", "error": {"type": "error", "request_id": None,
                                                       "error": {"type": kind, "message": fate}}}
            else:
                result = {"type": "canceled" if fate == "cancelled" else "expired"}
            row = self._checked("anthropic.result", {"custom_id": line["custom_id"], "result": result})
            rows.append(orjson.dumps(row) + b"\n")
        return web.Response(body=b"".join(rows), content_type="application/binary")

    # -- serving --------------------------------------------------------------------------------------

    @web.middleware
    async def _auth(self, request: web.Request, handler) -> web.StreamResponse:
        if self.mode == "401":
            if request.path.startswith("/anthropic"):
                return self._anthropic_error(401, "authentication_error", "invalid x-api-key")
            return self._openai_error(401, "Incorrect API key provided", code="invalid_api_key")
        if request.path.startswith("/anthropic") and request.headers.get("anthropic-version") not in API_VERSIONS:
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

