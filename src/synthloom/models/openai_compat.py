"""OpenAI-compatible chat completions over HTTP: vLLM, SGLang, llama.cpp server, Ollama, TGI, OpenAI."""

from __future__ import annotations

import asyncio
import email.utils
import time
from typing import Any

import aiohttp
import orjson

from synthloom.models.base import (
    BackendError,
    ChatRequest,
    Choice,
    Completion,
    EndpointUnreachable,
    Usage,
    as_transcript,
)

RETRYABLE_STATUS = {408, 409, 425, 429, 500, 502, 503, 504, 520, 522, 524, 529}


def parse_retry_after(headers: Any) -> float | None:
    """Seconds to wait from `retry-after-ms`, or `Retry-After` as seconds or an HTTP date."""
    millis = headers.get("retry-after-ms")
    if millis:
        try:
            return max(0.0, float(millis) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        parsed = email.utils.parsedate_to_datetime(value) if value else None
        return max(0.0, parsed.timestamp() - time.time()) if parsed else None


def _float(value: Any) -> float | None:
    return None if value is None else float(value)  # llama-cpp-python gives numpy float32


def _parse_logprobs(raw: Any) -> list[dict[str, Any]] | None:
    if not raw or not raw.get("content"):
        return None
    return [
        {
            "token": item.get("token"),
            "logprob": _float(item.get("logprob")),
            "top": {t.get("token"): _float(t.get("logprob")) for t in item.get("top_logprobs") or []},
        }
        for item in raw["content"]
    ]


def parse_chat_response(body: bytes) -> Completion:
    """Turn a response body into a Completion; a body that is not a chat completion is retryable."""
    try:
        data = orjson.loads(body)
    except orjson.JSONDecodeError:
        raise BackendError(f"unparseable response body (not JSON): {body[:200]!r}",
                           retryable=True, kind="bad_response") from None
    return completion_from_dict(data)


def _parse_text_logprobs(raw: Any) -> list[dict[str, Any]] | None:
    """The legacy completions format: parallel lists of tokens, logprobs and top-logprob maps."""
    if not raw or not raw.get("tokens"):
        return None
    tops = raw.get("top_logprobs") or [None] * len(raw["tokens"])
    return [
        {"token": token, "logprob": _float(logprob),
         "top": {t: _float(lp) for t, lp in (top or {}).items()}}
        for token, logprob, top in zip(raw["tokens"], raw.get("token_logprobs") or [], tops, strict=False)
    ]


def _choice(c: dict[str, Any]) -> Choice:
    if "message" in c:  # chat completion
        return Choice(c["message"].get("content") or "", c.get("finish_reason"), _parse_logprobs(c.get("logprobs")))
    return Choice(c["text"], c.get("finish_reason"), _parse_text_logprobs(c.get("logprobs")))


def completion_from_dict(data: Any) -> Completion:
    """Read an OpenAI-shaped chat or text completion (from a server, or llama-cpp-python in process)."""
    try:
        choices = [_choice(c) for c in sorted(data["choices"], key=lambda c: c.get("index", 0))]
    except (KeyError, TypeError, AttributeError) as exc:
        raise BackendError(f"response is not a chat completion ({exc.__class__.__name__}: {exc})",
                           retryable=True, kind="bad_response") from None
    if not choices:
        raise BackendError("response had no choices", retryable=True, kind="bad_response")
    usage = data.get("usage") or {}
    return Completion(
        choices=choices,
        usage=Usage(usage.get("prompt_tokens") or 0, usage.get("completion_tokens") or 0),
        model=data.get("model"),
    )


class OpenAICompatBackend:
    native_n = False  # many servers (llama.cpp, Ollama) ignore `n`; one call per sample is the safe default
    max_parallel = None

    def __init__(self, base_url: str, model: str, api_key: str | None = None, *,
                 max_connections: int = 64, native_n: bool = False, schema_style: str = "json_schema",
                 chat: bool = True, extra_body: dict[str, Any] | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.model_name = model
        self.identity = f"openai:{self.base_url}" + ("" if chat else ":text")
        self.chat = chat  # False for base models: messages go to /completions as a plain-text transcript
        self.native_n = native_n
        self._api_key = api_key  # kept private: never part of identity, cache key, records or logs
        self._max_connections = max_connections
        self._extra_body = extra_body or {}
        self._schema_style = schema_style
        self._session: aiohttp.ClientSession | None = None

    def __repr__(self) -> str:
        return f"OpenAICompatBackend({self.base_url!r}, model={self.model_name!r})"

    def _headers(self) -> dict[str, str]:
        headers = {"Content-Type": "application/json"}
        if self._api_key:
            headers["Authorization"] = f"Bearer {self._api_key}"
        return headers

    def _get_session(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            # Pool as large as the concurrency: a smaller default pool silently caps throughput.
            connector = aiohttp.TCPConnector(limit=self._max_connections, limit_per_host=0,
                                             ttl_dns_cache=300, keepalive_timeout=60)
            self._session = aiohttp.ClientSession(connector=connector, headers=self._headers(),
                                                  timeout=aiohttp.ClientTimeout(total=None),
                                                  json_serialize=lambda o: orjson.dumps(o).decode())
        return self._session

    def payload(self, request: ChatRequest) -> dict[str, Any]:
        body: dict[str, Any] = {"model": self.model_name}
        if request.prompt is not None:
            body["prompt"] = request.prompt
        else:
            body["messages"] = list(request.messages)
        body.update({
            "temperature": request.temperature,
            "top_p": request.top_p,
            "max_tokens": request.max_tokens,
        })
        if request.n != 1:
            body["n"] = request.n
        if request.seed is not None:
            body["seed"] = request.seed
        if request.stop:
            body["stop"] = list(request.stop)
        if request.json_schema is not None:
            if self._schema_style == "json_object":  # llama-cpp-python's server dialect
                body["response_format"] = {"type": "json_object", "schema": request.json_schema}
            else:  # OpenAI, vLLM, SGLang, Ollama
                body["response_format"] = {
                    "type": "json_schema",
                    "json_schema": {"name": "output", "schema": request.json_schema, "strict": True},
                }
        if request.logprobs and request.prompt is not None:
            body["logprobs"] = max(request.top_logprobs, 1)  # the completions API takes a count here
        elif request.logprobs:
            body["logprobs"] = True
            if request.top_logprobs:
                body["top_logprobs"] = request.top_logprobs
        body.update(self._extra_body)
        return body

    async def generate(self, request: ChatRequest) -> Completion:
        if not self.chat:
            request = as_transcript(request)
        session = self._get_session()
        data = orjson.dumps(self.payload(request))
        try:
            endpoint = "completions" if request.prompt is not None else "chat/completions"
            async with session.post(f"{self.base_url}/{endpoint}", data=data) as resp:
                body = await resp.read()
                status = resp.status
                retry_after = parse_retry_after(resp.headers) if status >= 400 else None
        except aiohttp.ClientConnectorError as exc:
            raise BackendError(f"cannot connect to {self.base_url}: {exc.os_error or exc}",
                               retryable=True, kind="connect") from None
        except (aiohttp.ServerDisconnectedError, aiohttp.ClientPayloadError, aiohttp.ClientOSError) as exc:
            raise BackendError(f"connection dropped: {exc.__class__.__name__}: {exc}",
                               retryable=True, kind="connection") from None
        if status >= 400:
            kind = "rate_limited" if status == 429 else ("server_error" if status >= 500 else "client_error")
            detail = body[:300].decode("utf-8", "replace")
            raise BackendError(f"HTTP {status} from {self.base_url}: {detail}",
                               retryable=status in RETRYABLE_STATUS, retry_after=retry_after, kind=kind)
        return parse_chat_response(body)

    async def check(self) -> str:
        session = self._get_session()
        url = f"{self.base_url}/models"
        try:
            async with session.get(url, timeout=aiohttp.ClientTimeout(total=15)) as resp:
                body = await resp.read()
                status = resp.status
        except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as exc:
            reason = exc.__class__.__name__ if isinstance(exc, asyncio.TimeoutError) else str(exc)
            raise EndpointUnreachable(
                f"cannot reach the model server at {self.base_url} ({reason}); is it running? "
                "Check --base-url / SYNTHLOOM_BASE_URL."
            ) from None
        if status in (401, 403):
            raise EndpointUnreachable(
                f"the model server at {self.base_url} refused the API key (HTTP {status}); "
                "set SYNTHLOOM_API_KEY (or OPENAI_API_KEY)."
            )
        if status >= 400:  # some servers have no /models; reachable is what matters here
            return f"{self.base_url} answers (GET /models: HTTP {status})"
        try:
            names = [m.get("id") for m in orjson.loads(body).get("data", [])]
        except (orjson.JSONDecodeError, AttributeError):
            names = []
        return f"{self.base_url} answers; models: {', '.join(map(str, names)) or 'none listed'}"

    async def close(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
