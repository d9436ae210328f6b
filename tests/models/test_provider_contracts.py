"""The OpenAI-compatible and Anthropic backends held to the official SDKs (tests/sdk_types.py): every
request synthloom builds fits the SDK's request params; per-model request fields (which sampling fields,
max_tokens or max_completion_tokens, temperature beside top_p, stop limits) with defaults for current
hosted models and config overrides; a field the provider refuses is one clear error; every stop reason,
refusals, prompt-cache usage and `x-should-retry` read as the SDKs read them. The SDK clients themselves
page through the stand-in server's lists."""

from __future__ import annotations

import asyncio
import typing

import anthropic
import openai
import pytest
from openai.types.chat.chat_completion import Choice as OpenAIChoice

from synthloom.engine.cache import ResponseCache
from synthloom.engine.engine import Engine, EngineSettings, GenerationFailed
from synthloom.engine.metrics import Price
from synthloom.engine.retry import RetryPolicy
from synthloom.models.anthropic import FINISH_REASONS, AnthropicBackend
from synthloom.models.base import BackendError, ChatRequest, EndpointUnreachable
from synthloom.models.config import AnthropicModelConfig, OpenAIModelConfig
from synthloom.models.factory import build_backend
from synthloom.models.openai_compat import OpenAICompatBackend
from tests import sdk_types

FAST_RETRY = RetryPolicy(max_attempts=3, base_delay=0.01, max_delay=0.05)
HOSTED = "https://api.openai.com/v1"
LOCAL = "http://127.0.0.1:8000/v1"
SCHEMA = {"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]}
CHAT = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "hi"}]
REQUESTS = {
    "plain": ChatRequest.build(CHAT),
    "sampled": ChatRequest.build(CHAT, temperature=0.3, top_p=0.5, seed=7, max_tokens=20),
    "stop": ChatRequest.build(CHAT, stop=["END", "###"]),
    "schema": ChatRequest.build(CHAT, json_schema=SCHEMA),
    "logprobs": ChatRequest.build(CHAT, logprobs=True, top_logprobs=3),
    "n": ChatRequest.build(CHAT, n=3),
}


def _one(engine: Engine, content: str, **params):
    async def main():
        try:
            return await engine.complete(ChatRequest.build([{"role": "user", "content": content}], **params))
        finally:
            await engine.close()
    return asyncio.run(main())


# -- every request fits the SDKs' params -----------------------------------------------------------------

@pytest.mark.parametrize("model, url", [("gpt-4o", HOSTED), ("o3", HOSTED), ("gpt-5-mini", HOSTED),
                                        ("Qwen/Qwen3-8B", LOCAL)])
@pytest.mark.parametrize("name", list(REQUESTS))
def test_openai_requests_fit_the_sdk_params(model, url, name):
    backend = OpenAICompatBackend(url, model)
    request = REQUESTS[name]
    if name == "stop" and model in ("o3", "gpt-5-mini"):
        with pytest.raises(BackendError, match="no stop sequences"):
            backend.payload(request)
        return
    sdk_types.check_params(backend.payload(request), sdk_types.OPENAI_CHAT_PARAMS)
    if model in ("gpt-4o", "Qwen/Qwen3-8B"):  # models the legacy completions API serves
        text = ChatRequest.text("Once upon a time", stop=["\n"], logprobs=True, top_logprobs=2)
        sdk_types.check_params(backend.payload(text), sdk_types.OPENAI_TEXT_PARAMS)


@pytest.mark.parametrize("model, takes", [("claude-opus-4-7", set()), ("claude-sonnet-4-5", {"temperature"}),
                                          ("claude-3-5-haiku-20241022", {"temperature", "top_p"})])
@pytest.mark.parametrize("name", ["plain", "sampled", "stop"])
def test_anthropic_requests_fit_the_sdk_params_and_the_models_sampling_rules(model, takes, name):
    """The current SDK types neither temperature nor top_p; older models still take them, so those two
    are the only keys allowed beyond the SDK's, and only for the models that take them."""
    params = AnthropicBackend(model, None).params(REQUESTS[name])
    sampling = {k for k in ("temperature", "top_p") if k in params}
    assert sampling <= takes
    if name == "sampled":
        assert sampling == takes  # what the model takes is sent (top_p beside temperature only where allowed)
    rest = {k: v for k, v in params.items() if k not in sampling}
    sdk_types.check_params(rest, sdk_types.ANTHROPIC_MESSAGE_PARAMS)
    sdk_types.check_params({"custom_id": "k", "params": rest}, sdk_types.ANTHROPIC_BATCH_REQUEST)


# -- per-model request fields ----------------------------------------------------------------------------

@pytest.mark.parametrize("model, url, limit_field, sampling", [
    ("o3", HOSTED, "max_completion_tokens", {"seed"}),
    ("o4-mini", LOCAL, "max_completion_tokens", {"seed"}),
    ("gpt-5", HOSTED, "max_completion_tokens", {"seed"}),
    ("gpt-4o", HOSTED, "max_completion_tokens", {"temperature", "top_p", "seed"}),
    ("Qwen/Qwen3-8B", LOCAL, "max_tokens", {"temperature", "top_p", "seed"}),
])
def test_openai_defaults_follow_the_model(model, url, limit_field, sampling):
    body = OpenAICompatBackend(url, model).payload(REQUESTS["sampled"])
    assert body[limit_field] == 20 and not {"max_tokens", "max_completion_tokens"} - {limit_field} & set(body)
    assert {k for k in ("temperature", "top_p", "seed") if k in body} == sampling


def test_model_config_keys_override_the_defaults():
    config = OpenAIModelConfig(backend="openai", base_url=LOCAL, model="my-model", sampling=["seed"],
                               max_tokens_field="max_completion_tokens", max_stop_sequences=1)
    backend = build_backend(config)
    body = backend.payload(REQUESTS["sampled"])  # type: ignore[attr-defined]
    assert body["max_completion_tokens"] == 20 and "max_tokens" not in body
    assert body["seed"] == 7 and "temperature" not in body and "top_p" not in body
    with pytest.raises(BackendError, match="at most 1 stop sequences"):
        backend.payload(REQUESTS["stop"])  # type: ignore[attr-defined]
    claude = build_backend(AnthropicModelConfig(backend="anthropic", model="claude-sonnet-4-5",
                                                temperature_with_top_p=True))
    assert {"temperature", "top_p"} <= set(claude.params(REQUESTS["sampled"]))  # type: ignore[attr-defined]
    newest = build_backend(AnthropicModelConfig(backend="anthropic", model="claude-opus-4-7", sampling=["top_p"]))
    assert newest.params(REQUESTS["sampled"])["top_p"] == 0.5  # type: ignore[attr-defined]


@pytest.mark.parametrize("make, request_, fix", [
    (lambda: OpenAICompatBackend(HOSTED, "gpt-4o"), ChatRequest.build(CHAT, stop=list("abcde")), "at most 4 stop"),
    (lambda: AnthropicBackend("claude-3-5-haiku-latest", None), ChatRequest.build(CHAT, stop=["\n\n"]),
     "whitespace only"),
    (lambda: AnthropicBackend("claude-sonnet-4-5", None), ChatRequest.build(CHAT, temperature=1.3),
     "above claude-sonnet-4-5's maximum 1"),
])
def test_a_request_the_provider_would_refuse_fails_before_it_is_sent(make, request_, fix):
    with pytest.raises(BackendError, match=fix) as caught:
        backend = make()
        (backend.payload if isinstance(backend, OpenAICompatBackend) else backend.params)(request_)
    assert caught.value.fatal and not caught.value.retryable


def test_a_field_the_openai_model_refuses_stops_with_the_key_to_change(provider_server):
    provider_server.refuse_fields = {"max_tokens"}
    engine = Engine(OpenAICompatBackend(provider_server.openai_url, "gpt-test"), EngineSettings(retry=FAST_RETRY))
    with pytest.raises(EndpointUnreachable, match="model.max_tokens_field: max_completion_tokens"):
        _one(engine, "hello")
    assert provider_server.direct_calls == 1  # refused once, not retried


def test_a_field_the_claude_model_refuses_stops_with_the_key_to_change(provider_server):
    backend = build_backend(AnthropicModelConfig(backend="anthropic", model="claude-sonnet-4-5",
                                                 base_url=provider_server.anthropic_url, temperature_with_top_p=True))
    engine = Engine(backend, EngineSettings(retry=FAST_RETRY))
    with pytest.raises(EndpointUnreachable, match="temperature_with_top_p: false"):
        _one(engine, "hello", top_p=0.9)
    assert provider_server.direct_calls == 1


# -- answers as the SDKs read them -----------------------------------------------------------------------

def test_every_stop_reason_of_the_sdk_is_read_and_truncations_say_length(provider_server):
    assert set(FINISH_REASONS) == set(sdk_types.STOP_REASONS)
    assert set(FINISH_REASONS.values()) <= set(typing.get_args(OpenAIChoice.model_fields["finish_reason"].annotation))
    for reason in sdk_types.STOP_REASONS:
        if reason == "refusal":
            continue
        engine = Engine(AnthropicBackend("claude-test-1", "k", base_url=provider_server.anthropic_url),
                        EngineSettings(retry=FAST_RETRY))
        [sample] = _one(engine, f"go stop:{reason}")
        expected = "length" if reason in ("max_tokens", "model_context_window_exceeded", "pause_turn") else None
        assert sample.choice.finish_reason == (expected or FINISH_REASONS[reason])


@pytest.mark.parametrize("provider", ["openai", "anthropic"])
def test_a_refusal_is_a_failed_sample_never_a_cached_answer(provider_server, tmp_path, provider):
    backend = (OpenAICompatBackend(provider_server.openai_url, "gpt-test") if provider == "openai"
               else AnthropicBackend("claude-test-1", "k", base_url=provider_server.anthropic_url))
    cache = ResponseCache(tmp_path / "cache.sqlite")
    engine = Engine(backend, EngineSettings(retry=FAST_RETRY), cache)
    with pytest.raises(GenerationFailed, match="refused"):
        _one(engine, "please refuse this")
    assert provider_server.direct_calls == 1  # a refusal is not asked again
    key = engine._key(ChatRequest.build([{"role": "user", "content": "please refuse this"}]), 0)
    again = ResponseCache(tmp_path / "cache.sqlite")
    assert again.get(key) is None
    again.close()


@pytest.mark.parametrize("provider, billed_input", [
    ("openai", 200 + 800 * 0.1),  # prompt 1000 of which 800 cached (read at 0.1)
    ("anthropic", 100 + 100 * 1.25 + 800 * 0.1),  # input 100, cache write 100 (1.25), cache read 800 (0.1)
])
def test_prompt_cache_tokens_are_priced_at_their_share(provider_server, provider, billed_input):
    backend = (OpenAICompatBackend(provider_server.openai_url, "gpt-test") if provider == "openai"
               else AnthropicBackend("claude-test-1", "k", base_url=provider_server.anthropic_url))
    engine = Engine(backend, EngineSettings(retry=FAST_RETRY, price=Price(10.0, 30.0)))
    [sample] = _one(engine, "cached question")
    metrics = engine.metrics
    assert metrics.prompt_tokens == 1000 and metrics.cache_read_tokens == 800
    assert metrics.cost == pytest.approx((billed_input * 10.0 + metrics.completion_tokens * 30.0) / 1e6)
    assert sample.usage.cache_read_tokens == 800


@pytest.mark.parametrize("provider, prompt, calls, ok", [
    ("openai", "noretry please", 1, False),  # a 500 with x-should-retry: false
    ("openai", "retryme please", 2, True),  # a 400 with x-should-retry: true
    ("anthropic", "noretry please", 1, False),  # a 529 with x-should-retry: false
])
def test_the_servers_x_should_retry_overrides_the_status(provider_server, provider, prompt, calls, ok):
    backend = (OpenAICompatBackend(provider_server.openai_url, "gpt-test") if provider == "openai"
               else AnthropicBackend("claude-test-1", "k", base_url=provider_server.anthropic_url))
    engine = Engine(backend, EngineSettings(retry=FAST_RETRY))
    if ok:
        [sample] = _one(engine, prompt)
        assert sample.choice.text == f"echo: {prompt}"
    else:
        with pytest.raises(GenerationFailed, match="after 1 attempt"):
            _one(engine, prompt)
    assert provider_server.direct_calls == calls


# -- the SDK clients read the stand-in server --------------------------------------------------------------

def test_the_sdk_clients_page_through_the_stand_in_lists(provider_server):
    provider_server.foreign_batches("openai", 150, 2)  # more than one page of 100
    provider_server.foreign_batches("anthropic", 1001, 1)  # more than one page of 1,000
    client = openai.OpenAI(base_url=provider_server.openai_url, api_key="sk-test", max_retries=0)
    listed = [b.id for b in client.batches.list(limit=100)]
    assert len(listed) == len(set(listed)) == 150 and provider_server.list_pages["openai"] == 2
    batch = client.batches.retrieve(listed[0])
    assert batch.status == "completed" and batch.output_file_id
    lines = client.files.content(batch.output_file_id).text.splitlines()
    assert len(lines) == 2
    claude = anthropic.Anthropic(base_url=provider_server.url + "/anthropic", api_key="sk-ant-test", max_retries=0)
    batches = [b.id for b in claude.messages.batches.list(limit=1000)]
    assert len(batches) == len(set(batches)) == 1001 and provider_server.list_pages["anthropic"] == 2
    [result] = list(claude.messages.batches.results(batches[-1]))
    assert result.result.type == "succeeded" and result.result.message.content[0].type == "text"
    with pytest.raises(anthropic.NotFoundError):
        claude.messages.batches.retrieve("msgbatch_unknown")
