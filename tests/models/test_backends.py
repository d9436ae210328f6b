"""Both backends against the real bundled model: a real llama.cpp server, and llama.cpp in process."""

from __future__ import annotations

import json

import pytest

from synthloom.engine.cache import ResponseCache
from synthloom.engine.engine import Engine, EngineSettings
from synthloom.models.base import ChatRequest
from synthloom.models.llamacpp import LlamaCppBackend
from synthloom.models.openai_compat import OpenAICompatBackend

PERSON = {"type": "object", "properties": {"name": {"type": "string"}, "age": {"type": "integer"}},
          "required": ["name", "age"]}
QUESTION = [{"role": "user", "content": "Name one primary colour."}]


@pytest.fixture(params=["http", "in-process"])
async def backend(request, llama_server):
    if request.param == "http":
        b = OpenAICompatBackend(llama_server, "smollm2", api_key="sk-secret-test-key",
                                schema_style="json_object")
    else:
        b = LlamaCppBackend()
    yield b
    await b.close()


async def test_completion_has_text_usage_and_finish_reason(backend):
    result = await backend.generate(ChatRequest.build(QUESTION, max_tokens=12, temperature=0))
    choice = result.choices[0]
    assert choice.text.strip()
    assert choice.finish_reason in ("stop", "length")
    assert result.usage.prompt_tokens > 5 and 0 < result.usage.completion_tokens <= 12


async def test_same_seed_same_sample_and_stop_sequences(backend):
    request = ChatRequest.build(QUESTION, max_tokens=24, temperature=1.0, seed=7)
    first = (await backend.generate(request)).choices[0].text
    assert (await backend.generate(request)).choices[0].text == first
    stopped = await backend.generate(ChatRequest.build(
        [{"role": "user", "content": "Count from 1 to 10 separated by commas."}], max_tokens=40,
        temperature=0, stop=["5"]))
    assert "5" not in stopped.choices[0].text and "6" not in stopped.choices[0].text


async def test_json_schema_output(backend):
    result = await backend.generate(ChatRequest.build(
        [{"role": "user", "content": "Describe a person as JSON."}], max_tokens=48, temperature=0,
        json_schema=PERSON))
    data = json.loads(result.choices[0].text)
    assert isinstance(data["name"], str) and isinstance(data["age"], int)


async def test_logprobs(backend):
    result = await backend.generate(ChatRequest.build(QUESTION, max_tokens=3, temperature=0,
                                                      logprobs=True, top_logprobs=2))
    tokens = result.choices[0].logprobs
    assert tokens and len(tokens) <= 3
    assert all(isinstance(t["logprob"], float) and t["logprob"] <= 0 for t in tokens)
    assert len(tokens[0]["top"]) == 2


async def test_engine_samples_cache_and_never_stores_the_key(backend, tmp_path):
    cache = ResponseCache(tmp_path / "cache.sqlite")
    engine = Engine(backend, EngineSettings(concurrency=4), cache)
    request = ChatRequest.build(QUESTION, n=3, max_tokens=10, temperature=1.0, seed=11)
    first = await engine.complete(request)
    assert len(first) == 3 and not any(s.cached for s in first)
    assert engine.metrics.succeeded_calls == 3
    again = await engine.complete(request)
    assert [s.choice.text for s in again] == [s.choice.text for s in first]
    assert all(s.cached for s in again) and engine.metrics.succeeded_calls == 3
    assert engine.metrics.cache_hits == 3
    cache.close()
    assert b"sk-secret-test-key" not in (tmp_path / "cache.sqlite").read_bytes()


async def test_text_completion_with_logprobs(backend):
    result = await backend.generate(ChatRequest.text("The capital of France is", max_tokens=3, temperature=0,
                                                     logprobs=True, top_logprobs=5))
    choice = result.choices[0]
    assert choice.text and result.usage.completion_tokens > 0
    assert choice.logprobs and len(choice.logprobs[0]["top"]) >= 2
    assert all(isinstance(v, float) for v in choice.logprobs[0]["top"].values())
