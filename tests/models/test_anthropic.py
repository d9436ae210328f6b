"""The native Anthropic backend against a local server that follows the Messages API's published
behaviour (no real endpoint is reachable from here): body shape, usage, errors, Retry-After and the
rate-limit headers, 529 overloaded, a refused key."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

from synthloom.engine.engine import Engine, EngineSettings
from synthloom.engine.retry import RetryPolicy
from synthloom.models.anthropic import AnthropicBackend, wait_from_rate_limit_headers
from synthloom.models.base import BackendError, ChatRequest, EndpointUnreachable

FAST_RETRY = RetryPolicy(max_attempts=4, base_delay=0.01, max_delay=0.05)


def _engine(server, key: str | None = "sk-ant-test") -> Engine:
    backend = AnthropicBackend("claude-test-1", key, base_url=server.anthropic_url)
    return Engine(backend, EngineSettings(concurrency=4, retry=FAST_RETRY))


def test_messages_body_system_stop_and_usage(provider_server):
    async def main():
        engine = _engine(provider_server)
        request = ChatRequest.build([{"role": "system", "content": "Be brief."},
                                     {"role": "user", "content": "Say hi"}], max_tokens=33, stop=["\n\nEND"],
                                    temperature=0.2)
        samples = await engine.complete(request)
        await engine.close()
        return samples

    [sample] = asyncio.run(main())
    body = provider_server.last_message_body
    assert body["system"] == "Be brief." and body["messages"] == [{"role": "user", "content": "Say hi"}]
    assert body["max_tokens"] == 33 and body["stop_sequences"] == ["\n\nEND"]
    # A Claude model the capability table does not name is taken to be a current one: no sampling fields.
    assert "temperature" not in body and "top_p" not in body
    assert sample.choice.text == "echo: Say hi" and sample.choice.finish_reason == "stop"
    assert (sample.usage.prompt_tokens, sample.usage.completion_tokens) == (2, 3)


@pytest.mark.parametrize("fault, kind", [("429", "rate_limited"), ("429headers", "rate_limited"),
                                         ("529", "overloaded"), ("500", "server_error")])
def test_rate_limits_and_overload_are_retried(provider_server, fault, kind):
    async def main():
        engine = _engine(provider_server)
        samples = await engine.complete(ChatRequest.build([{"role": "user", "content": f"fault:{fault}x2 go"}]))
        await engine.close()
        return samples, engine.metrics

    [sample], metrics = asyncio.run(main())
    assert sample.choice.text == f"echo: fault:{fault}x2 go"
    assert metrics.errors[kind] == 2 and metrics.retries == 2


def test_reset_header_gives_the_wait_when_retry_after_is_missing():
    now = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    headers = {"anthropic-ratelimit-requests-remaining": "0",
               "anthropic-ratelimit-requests-reset": "2026-01-01T00:00:07Z",
               "anthropic-ratelimit-tokens-remaining": "0", "anthropic-ratelimit-tokens-reset": "2026-01-01T00:00:03Z",
               "anthropic-ratelimit-output-tokens-remaining": "10",
               "anthropic-ratelimit-output-tokens-reset": "2026-01-01T00:00:01Z"}
    assert wait_from_rate_limit_headers(headers, now) == 3.0  # the first exhausted limit to reset
    assert wait_from_rate_limit_headers({"anthropic-ratelimit-requests-remaining": "4"}, now) is None


def test_refused_key_stops_with_the_variable_to_set(provider_server):
    provider_server.mode = "401"

    async def main():
        engine = _engine(provider_server, key="sk-ant-wrong")
        try:
            await engine.complete(ChatRequest.build([{"role": "user", "content": "hi"}]))
        finally:
            await engine.close()

    with pytest.raises(EndpointUnreachable, match="ANTHROPIC_API_KEY"):
        asyncio.run(main())


def test_requests_the_messages_api_cannot_serve_are_refused_clearly():
    backend = AnthropicBackend("claude-test-1", None, base_url="http://127.0.0.1:9")
    with pytest.raises(BackendError, match="no logprobs"):
        backend.params(ChatRequest.build([{"role": "user", "content": "x"}], logprobs=True))
    with pytest.raises(BackendError, match="no raw text completion"):
        backend.params(ChatRequest.text("Once upon a time"))


def test_key_never_leaves_the_headers(provider_server):
    backend = AnthropicBackend("claude-test-1", "sk-ant-secret-123", base_url=provider_server.anthropic_url)
    assert "sk-ant-secret-123" not in backend.identity + repr(backend)
