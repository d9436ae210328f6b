"""Anthropic's Messages API, natively: system prompt, max_tokens, stop sequences, usage, its errors and
rate-limit headers. The key comes from the environment only (ANTHROPIC_API_KEY by default)."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import aiohttp
import orjson

from synthloom.models.base import (
    RETRYABLE_STATUS,
    BackendError,
    ChatRequest,
    Choice,
    Completion,
    EndpointMisconfigured,
    EndpointUnreachable,
    Usage,
    status_kind,
)
from synthloom.models.capabilities import RequestCaps, anthropic_caps, refused_field, refused_field_error
from synthloom.models.http import new_session, parse_retry_after, send, should_retry, snippet
from synthloom.redaction import redact, register_secret
from synthloom.settings_env import ANTHROPIC_BASE_URL

API_VERSION = "2023-06-01"
KEY_HINT = "set the key in ANTHROPIC_API_KEY (or the variable model.api_key_env names)"
# Anthropic's stop reasons (the SDK's StopReason: all seven), in the OpenAI vocabulary the rest of synthloom
# reads. A full context window and a paused turn end the text early, as max_tokens does: "length".
FINISH_REASONS = {"end_turn": "stop", "stop_sequence": "stop", "max_tokens": "length", "tool_use": "tool_calls",
                  "refusal": "content_filter", "model_context_window_exceeded": "length", "pause_turn": "length"}
RATE_LIMITS = ("requests", "tokens", "input-tokens", "output-tokens")


def wait_from_rate_limit_headers(headers: Any, now: dt.datetime | None = None) -> float | None:
    """Seconds until the first exhausted limit resets (`anthropic-ratelimit-<limit>-remaining: 0`,
    `...-reset: <RFC 3339 time>`), for a 429 that carries no Retry-After."""
    now = now or dt.datetime.now(dt.timezone.utc)
    waits = []
    for limit in RATE_LIMITS:
        remaining, reset = headers.get(f"anthropic-ratelimit-{limit}-remaining"), \
            headers.get(f"anthropic-ratelimit-{limit}-reset")
        if remaining is None or reset is None or remaining.strip() != "0":
            continue
        try:
            when = dt.datetime.fromisoformat(reset.replace("Z", "+00:00"))
        except ValueError:
            continue
        waits.append(max(0.0, (when - now).total_seconds()))
    return min(waits) if waits else None


def message_from_dict(data: Any) -> Completion:
    """A Messages API response (or a batch result's `message`) as a Completion."""
    try:
        text = "".join(block.get("text", "") for block in data["content"] if block.get("type") == "text")
        # extended thinking: its blocks are the reply's reasoning part (redacted_thinking has no text to keep)
        thinking = "".join(block.get("thinking", "") for block in data["content"] if block.get("type") == "thinking")
        usage = data.get("usage") or {}
        read, written = usage.get("cache_read_input_tokens") or 0, usage.get("cache_creation_input_tokens") or 0
        prompt_tokens = (usage.get("input_tokens") or 0) + read + written  # input_tokens excludes the cached parts
        stop_reason = data.get("stop_reason")
        choice = Choice(text, FINISH_REASONS.get(stop_reason, stop_reason), reasoning=thinking or None)
        completion = Completion([choice],
                                Usage(prompt_tokens, usage.get("output_tokens") or 0, read, written), data.get("model"))
    except (KeyError, TypeError, AttributeError) as exc:
        raise BackendError(f"response is not a Messages API message ({exc.__class__.__name__}: {exc})",
                           retryable=True, kind="bad_response") from None
    if stop_reason == "refusal":  # a refusal is no answer to cache, whatever text came before it
        raise BackendError(f"the model refused (stop_reason refusal): {redact(text[:300])}", retryable=False,
                           kind="refusal")
    return completion


def error_detail(body: bytes) -> str:
    """`type: message` of Anthropic's `{"type": "error", "error": {"type", "message"}}`, else the body's start."""
    try:
        error = orjson.loads(body)["error"]
        detail = f"{error.get('type')}: {error.get('message')}"
    except (orjson.JSONDecodeError, KeyError, TypeError, AttributeError):
        detail = snippet(body)
    return redact(detail)


def error_from_body(status: int, body: bytes, where: str, model: str, retry_after: float | None,
                    headers: Any = None, sent: dict[str, Any] | None = None) -> BackendError:
    """An HTTP error as a BackendError."""
    detail = error_detail(body)
    field = refused_field(status, detail, None, sent or {})
    if field is not None:
        return refused_field_error(model, where, field, detail)
    if status == 401 or status == 403:
        return BackendError(f"{where} refused the API key (HTTP {status}: {detail}); {KEY_HINT}",
                            retryable=False, kind="auth", fatal=True)
    if status == 404:
        return BackendError(f"{where} does not know the model {model!r} (HTTP 404: {detail}); set model.model to "
                            "one it serves", retryable=False, kind="not_found", fatal=True)
    return BackendError(f"HTTP {status} from {where}: {detail}",
                        retryable=should_retry(headers, status in RETRYABLE_STATUS), retry_after=retry_after,
                        kind=status_kind(status))


class AnthropicBackend:
    native_n = False  # the Messages API returns one message per call
    max_parallel: int | None = None

    def __init__(self, model: str, api_key: str | None, *, base_url: str = ANTHROPIC_BASE_URL,
                 max_connections: int = 64, caps: RequestCaps | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.caps = caps or anthropic_caps(model)
        self.model_name = model
        self.identity = f"anthropic:{self.base_url}"
        self._api_key = register_secret(api_key)
        self._max_connections = max_connections
        self._session: aiohttp.ClientSession | None = None

    def __repr__(self) -> str:
        return f"AnthropicBackend({self.base_url!r}, model={self.model_name!r})"

    def session(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            headers = {"content-type": "application/json", "anthropic-version": API_VERSION}
            if self._api_key:
                headers["x-api-key"] = self._api_key
            self._session = new_session(self._max_connections, headers)
        return self._session

    def params(self, request: ChatRequest) -> dict[str, Any]:
        """The Messages API body for one request (also a batch line's `params`)."""
        if request.prompt is not None or request.logprobs:
            what = "raw text completion (a base model's prompt)" if request.prompt is not None else "logprobs"
            raise BackendError(f"the Anthropic Messages API has no {what}; give this step a model served by an "
                               "OpenAI-compatible server or llama.cpp", retryable=False, kind="unsupported", fatal=True)
        if request.json_schema is not None:
            raise BackendError("JSON-schema output is not sent to the Anthropic backend; use an OpenAI-compatible "
                               "model for schema-constrained steps", retryable=False, kind="unsupported", fatal=True)
        self.caps.check(request, self.model_name)
        system = "\n\n".join(m["content"] for m in request.messages if m["role"] == "system")
        body: dict[str, Any] = {
            "model": self.model_name,
            "max_tokens": request.max_tokens,
            "messages": [{"role": m["role"], "content": m["content"]} for m in request.messages
                         if m["role"] != "system"],
            # Only what this model takes (models/capabilities.py): Claude 4.x takes temperature or top_p, later
            # models neither. The API has no seed (the cache key still tells seeded samples apart).
            **{k: v for k, v in self.caps.sampling_fields(request).items() if k != "seed"},
        }
        if system:
            body["system"] = system
        if request.stop:
            body["stop_sequences"] = list(request.stop)
        return body

    async def generate(self, request: ChatRequest) -> Completion:
        params = self.params(request)
        status, body, headers = await send(self.session(), "POST", f"{self.base_url}/messages", self.base_url,
                                           data=orjson.dumps(params))
        if status >= 400:
            wait = parse_retry_after(headers)
            if wait is None and status == 429:
                wait = wait_from_rate_limit_headers(headers)
            raise error_from_body(status, body, self.base_url, self.model_name, wait, headers, params)
        try:
            return message_from_dict(orjson.loads(body))
        except orjson.JSONDecodeError:
            raise BackendError(f"unparseable response body (not JSON): {redact(repr(body[:200]))}",
                               retryable=True, kind="bad_response") from None

    async def _list_models(self) -> list[str]:
        try:
            status, body, _ = await send(self.session(), "GET", f"{self.base_url}/models?limit=1000", self.base_url,
                                         timeout=aiohttp.ClientTimeout(total=15))
        except (BackendError, asyncio.TimeoutError) as exc:
            raise EndpointUnreachable(f"cannot reach the Anthropic API at {self.base_url} ({exc}); check "
                                      "model.base_url") from None
        if status in (401, 403):
            raise EndpointMisconfigured(f"{self.base_url} refused the API key (HTTP {status}); {KEY_HINT}.")
        try:
            return [str(m["id"]) for m in orjson.loads(body)["data"]] if status < 400 else []
        except (orjson.JSONDecodeError, KeyError, TypeError):
            return []

    async def check(self) -> str:
        names = await self._list_models()
        return f"{self.base_url} answers; models: {', '.join(names[:10]) or 'none listed'}"

    async def preflight(self) -> None:
        # Only the key is checked: aliases (claude-sonnet-4-5) are served but not listed by /models.
        try:
            await self._list_models()
        except EndpointMisconfigured:
            raise
        except EndpointUnreachable:
            return  # not reachable yet: the call itself retries, then diagnoses

    def batch_api(self):
        from synthloom.models.anthropic_batch import AnthropicBatches

        return AnthropicBatches(self)

    async def close(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
