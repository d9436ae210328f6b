"""OpenAI-compatible chat completions over HTTP: vLLM, SGLang, llama.cpp server, Ollama, TGI, OpenAI."""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
import orjson

from synthloom.models.base import (
    RETRYABLE_STATUS,
    BackendError,
    ChatRequest,
    Completion,
    EndpointMisconfigured,
    EndpointUnreachable,
    as_transcript,
    status_kind,
)
from synthloom.models.capabilities import RequestCaps, openai_caps, refused_field, refused_field_error
from synthloom.models.http import new_session, parse_retry_after, send, should_retry, snippet
from synthloom.models.openai_wire import completion_from_dict
from synthloom.redaction import redact, register_secret

__all__ = ["OpenAICompatBackend", "completion_from_dict", "parse_chat_response"]

KEY_HINT = "set the key in SYNTHLOOM_API_KEY (or OPENAI_API_KEY, or the variable model.api_key_env names)"
URL_HINT = "check base_url: an OpenAI-compatible API usually ends in /v1"


def _looks_like_html(body: bytes) -> bool:
    head = body[:512].lstrip().lower()
    return head.startswith((b"<!doctype", b"<html", b"<head", b"<body", b"<?xml")) or b"<html" in head


def _error_param(body: bytes) -> str | None:
    """`error.param` of an OpenAI error body: the request field it refuses, when it says."""
    try:
        param = orjson.loads(body)["error"].get("param")
    except (orjson.JSONDecodeError, KeyError, TypeError, AttributeError):
        return None
    return param if isinstance(param, str) else None


def parse_chat_response(body: bytes, where: str = "the server") -> Completion:
    """Turn a response body into a Completion. A truncated or garbled body is retryable; an HTML page
    or JSON of another shape means the URL is not an OpenAI-compatible API, which no retry fixes."""
    if _looks_like_html(body):
        raise BackendError(f"{where} answered with an HTML page, not an OpenAI-compatible API; {URL_HINT}",
                           retryable=False, kind="not_openai", fatal=True)
    try:
        data = orjson.loads(body)
    except orjson.JSONDecodeError:
        raise BackendError(f"unparseable response body (not JSON): {redact(repr(body[:200]))}",
                           retryable=True, kind="bad_response") from None
    if isinstance(data, dict) and "choices" not in data and "error" not in data:
        raise BackendError(f"{where} answered with JSON that is not a completion ({redact(repr(body[:120]))}); "
                           f"{URL_HINT}", retryable=False, kind="not_openai", fatal=True)
    return completion_from_dict(data)


class OpenAICompatBackend:
    native_n = False  # many servers (llama.cpp, Ollama) ignore `n`; one call per sample is the safe default
    max_parallel: int | None = None

    def __init__(self, base_url: str, model: str, api_key: str | None = None, *,
                 max_connections: int = 64, native_n: bool = False, schema_style: str = "json_schema",
                 chat: bool = True, extra_body: dict[str, Any] | None = None, caps: RequestCaps | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.model_name = model
        self.identity = f"openai:{self.base_url}" + ("" if chat else ":text")
        self.chat = chat  # False for base models: messages go to /completions as a plain-text transcript
        self.native_tools = chat  # chat endpoints take `tools` and answer with `tool_calls`
        self.native_n = native_n
        self._api_key = register_secret(api_key)  # kept private: never part of identity, cache key, records or logs
        self._max_connections = max_connections
        self._extra_body = extra_body or {}
        self._schema_style = schema_style
        self.caps = caps or openai_caps(model, self.base_url)
        self._session: aiohttp.ClientSession | None = None

    def __repr__(self) -> str:
        return f"OpenAICompatBackend({self.base_url!r}, model={self.model_name!r})"

    def _headers(self) -> dict[str, str]:
        headers = {"Content-Type": "application/json"}
        if self._api_key:
            headers["Authorization"] = f"Bearer {self._api_key}"
        return headers

    def session(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = new_session(self._max_connections, self._headers())
        return self._session

    def payload(self, request: ChatRequest) -> dict[str, Any]:
        """The request body; raises BackendError (fatal) for a request this model cannot take."""
        self.caps.check(request, self.model_name)
        body: dict[str, Any] = {"model": self.model_name}
        if request.prompt is not None:
            body["prompt"] = request.prompt
            body["max_tokens"] = request.max_tokens  # the legacy completions API knows no other name
        else:
            body["messages"] = list(request.messages)
            body[self.caps.max_tokens_field] = request.max_tokens
        body.update(self.caps.sampling_fields(request))
        if request.n != 1:
            body["n"] = request.n
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
        if request.tools and request.prompt is None:
            body["tools"] = list(request.tools)
        if request.tool_choice and request.prompt is None:
            body["tool_choice"] = request.tool_choice
        if request.logprobs and request.prompt is not None:
            body["logprobs"] = max(request.top_logprobs, 1)  # the completions API takes a count here
        elif request.logprobs:
            body["logprobs"] = True
            if request.top_logprobs:
                body["top_logprobs"] = request.top_logprobs
        body.update(self._extra_body)
        return body

    def for_endpoint(self, request: ChatRequest) -> ChatRequest:
        """The request as this server takes it: a base model's conversation becomes a transcript."""
        return request if self.chat else as_transcript(request)

    def batch_api(self):
        from synthloom.models.openai_batch import OpenAIBatches

        return OpenAIBatches(self)

    async def generate(self, request: ChatRequest) -> Completion:
        request = self.for_endpoint(request)
        session = self.session()
        payload = self.payload(request)
        data = orjson.dumps(payload)
        endpoint = "completions" if request.prompt is not None else "chat/completions"
        status, body, headers = await send(session, "POST", f"{self.base_url}/{endpoint}", self.base_url, data=data)
        if status >= 400:
            raise self.http_error(status, body, headers, endpoint, payload)
        return parse_chat_response(body, self.base_url)

    def http_error(self, status: int, body: bytes, headers: Any, endpoint: str,
                   sent: dict[str, Any]) -> BackendError:
        """An error answer as a BackendError: a refused field names the model-config key to change."""
        detail = "an HTML page" if _looks_like_html(body) else redact(snippet(body))
        field = refused_field(status, detail, _error_param(body), sent)
        if field is not None:
            return refused_field_error(self.model_name, self.base_url, field, detail)
        if status in (401, 403):
            return BackendError(f"{self.base_url} refused the API key (HTTP {status}): {KEY_HINT} ({detail})",
                                retryable=False, kind="auth", fatal=True)
        if status == 404:
            return BackendError(f"{self.base_url}/{endpoint} was not found (HTTP 404: {detail}); {URL_HINT}, "
                                f"and the server must serve the model {self.model_name!r}",
                                retryable=False, kind="not_found", fatal=True)
        return BackendError(f"HTTP {status} from {self.base_url}: {detail}",
                            retryable=should_retry(headers, status in RETRYABLE_STATUS),
                            retry_after=parse_retry_after(headers), kind=status_kind(status))

    async def chat_template(self) -> str | None:
        """The model's chat template, where the server reports it: llama.cpp's own server answers GET /props
        (at its root, beside /v1) with `chat_template`. Others (vLLM, llama-cpp-python, hosted APIs) do
        not say, and None sends the caller to a preset."""
        root = self.base_url.removesuffix("/v1")
        try:
            async with self.session().get(f"{root}/props", timeout=aiohttp.ClientTimeout(total=15)) as resp:
                body = await resp.read() if resp.status == 200 else b""
            template = orjson.loads(body).get("chat_template") if body else None
        except (aiohttp.ClientError, asyncio.TimeoutError, OSError, orjson.JSONDecodeError, AttributeError):
            return None
        return template if isinstance(template, str) and template.strip() else None

    async def _list_models(self) -> tuple[int, list[str] | None]:
        """GET /models: (status, the model ids it lists, or None when the body is no such list)."""
        session = self.session()
        try:
            async with session.get(f"{self.base_url}/models", timeout=aiohttp.ClientTimeout(total=15)) as resp:
                body = await resp.read()
                status = resp.status
        except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as exc:
            reason = exc.__class__.__name__ if isinstance(exc, asyncio.TimeoutError) else str(exc)
            raise EndpointUnreachable(
                f"cannot reach the model server at {self.base_url} ({reason}); is it running? "
                "Check --base-url / SYNTHLOOM_BASE_URL."
            ) from None
        if status in (401, 403):
            raise EndpointMisconfigured(f"the model server at {self.base_url} refused the API key (HTTP {status}); "
                                      f"{KEY_HINT}.")
        try:
            listed = orjson.loads(body).get("data")
            names = [str(m["id"]) for m in listed] if status < 400 else None
        except (orjson.JSONDecodeError, AttributeError, KeyError, TypeError):
            names = None
        return status, names

    def _check_listed(self, names: list[str] | None) -> None:
        if names and self.model_name not in names:
            shown = ", ".join(names[:10]) + (", ..." if len(names) > 10 else "")
            raise EndpointMisconfigured(f"the model {self.model_name!r} is not served at {self.base_url}, which "
                                      f"lists: {shown}; set the model name (model.model or --model) to one of them.")

    async def check(self) -> str:
        status, names = await self._list_models()
        if names is None:  # some servers have no /models; reachable is what matters here
            return f"{self.base_url} answers (GET /models: HTTP {status}, no model list)"
        self._check_listed(names)
        return f"{self.base_url} answers; models: {', '.join(names) or 'none listed'}"

    async def preflight(self) -> None:
        try:
            _, names = await self._list_models()
        except EndpointMisconfigured:
            raise
        except EndpointUnreachable:
            return  # not reachable yet: the call itself retries, then diagnoses
        self._check_listed(names)

    async def close(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
