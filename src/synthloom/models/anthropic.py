"""Anthropic's Messages API, natively: system prompt, max_tokens, stop sequences, usage, its errors and
rate-limit headers. The key comes from the environment only (ANTHROPIC_API_KEY by default)."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import aiohttp
import orjson

from synthloom.models.anthropic_wire import FINISH_REASONS, KEY_HINT, error_detail, error_from_body, message_from_dict
from synthloom.models.base import (
    BackendError,
    ChatRequest,
    Completion,
    EndpointMisconfigured,
    EndpointUnreachable,
)
from synthloom.models.capabilities import RequestCaps, anthropic_caps
from synthloom.models.http import new_session, parse_retry_after, send
from synthloom.redaction import redact, register_secret
from synthloom.settings_env import ANTHROPIC_BASE_URL

__all__ = ["FINISH_REASONS", "KEY_HINT", "AnthropicBackend", "error_detail", "error_from_body", "message_from_dict",
           "wait_from_rate_limit_headers"]

API_VERSION = "2023-06-01"
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
