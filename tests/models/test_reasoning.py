"""A reply's reasoning apart from its answer: the split of <think> blocks, a server's reasoning_content
(direct, cached and through both providers' batch APIs), the reasoning's token count, and a real
llama.cpp server whose output carries a <think> block."""

from __future__ import annotations

import asyncio

import orjson
import pytest

from synthloom.engine.batch_ledger import BatchLedger
from synthloom.engine.cache import ResponseCache
from synthloom.engine.engine import Engine, EngineSettings
from synthloom.engine.retry import RetryPolicy
from synthloom.models.anthropic import AnthropicBackend
from synthloom.models.base import ChatRequest
from synthloom.models.openai_compat import OpenAICompatBackend
from synthloom.models.reasoning import split_reasoning
from tests.provider_server import REASONING_TOKENS, REASONING_TRACE
from tests.reasoning_server import ReasoningServer, fate

# a seed of each fate for "What is 2 + 3?"
SEEDS = {f: next(s for s in range(200) if fate(s, 2) == f) for f in ("right", "wrong", "unreadable", "unfinished")}


@pytest.mark.parametrize(("text", "answer", "reasoning", "unfinished"), [
    ("<think>\nadd them\n</think>\n\nThe answer is 4.", "The answer is 4.", "add them", False),
    ("  <think>a</think>b", "b", "a", False),
    # DeepSeek-R1's template opens the block in the prompt: only the close tag is in the reply
    ("two and two\n</think>\n4", "4", "two and two", False),
    ("<think>still adding, and adding", "", "still adding, and adding", True),
    ("The answer is 4.", "The answer is 4.", None, False),
    # an open tag that is not at the start is text the model wrote about tags, not a trace
    ("Use the <think> tag for it.", "Use the <think> tag for it.", None, False),
    ("<think>a</think>b</think>c", "b</think>c", "a", False),  # one block: the first close ends it
])
def test_think_blocks_split_from_the_answer(text, answer, reasoning, unfinished):
    split = split_reasoning(text)
    assert (split.answer, split.reasoning, split.unfinished) == (answer, reasoning, unfinished)


def test_tags_are_configurable_and_can_be_turned_off():
    assert split_reasoning("[R]plan[/R] done", ("[R]", "[/R]")).reasoning == "plan"
    assert split_reasoning("<think>a</think>b", ("[R]", "[/R]")).answer == "<think>a</think>b"
    assert split_reasoning("<think>a</think>b", None).answer == "<think>a</think>b"


def _engine(server: ReasoningServer, tmp_path, tags=("<think>", "</think>")) -> Engine:
    return Engine(OpenAICompatBackend(server.url, "reasoner"), EngineSettings(),
                  ResponseCache(tmp_path / "cache.sqlite"), reasoning_tags=tags)


def _ask(engine: Engine, seeds: list[int], prompt: str = "What is 2 + 3?"):
    async def main():
        try:
            return [(await engine.complete(ChatRequest.build([{"role": "user", "content": prompt}], seed=s)))[0]
                    for s in seeds]
        finally:
            await engine.close()
    return asyncio.run(main())


@pytest.mark.parametrize(("style", "key"), [("reasoning_content", "reasoning_content"),
                                            ("reasoning_content", "reasoning"), ("think", "")])
def test_a_reasoning_servers_trace_is_kept_apart_with_its_tokens(tmp_path, style, key):
    server = ReasoningServer(style=style, key=key or "reasoning_content").start()
    try:
        samples = _ask(_engine(server, tmp_path), list(SEEDS.values()))
    finally:
        server.stop()
    right, wrong, unreadable, unfinished = samples
    assert right.choice.text == "The answer is 5." and wrong.choice.text == "The answer is 3."
    assert unreadable.choice.text == "Let us move on to the next question."
    for sample in (right, wrong, unreadable):
        assert sample.choice.reasoning.startswith("I need 2 + 3.") and "<think>" not in sample.choice.text
        assert not sample.choice.reasoning_unfinished
        assert sample.usage.reasoning_tokens > 0
        # the server's count where it gives one; a <think> block's share of the reply's tokens otherwise
        assert sample.reasoning_tokens_estimated == (style == "think")
        if style != "think":
            assert sample.usage.reasoning_tokens == len(sample.choice.reasoning.split())
    assert unfinished.choice.reasoning_unfinished and unfinished.choice.text == ""
    assert "recount" in unfinished.choice.reasoning


def test_cached_replies_keep_their_reasoning_and_are_split_again_with_new_tags(tmp_path):
    server = ReasoningServer(style="think").start()
    try:
        [first] = _ask(_engine(server, tmp_path), [SEEDS["right"]])
        [again] = _ask(_engine(server, tmp_path), [SEEDS["right"]])
        [untagged] = _ask(_engine(server, tmp_path, tags=None), [SEEDS["right"]])
    finally:
        server.stop()
    assert len(server.seen) == 1  # the two later asks came from the cache
    assert again.cached and (again.choice.text, again.choice.reasoning) == (first.choice.text, first.choice.reasoning)
    assert again.usage.reasoning_tokens == first.usage.reasoning_tokens
    assert untagged.choice.reasoning is None and untagged.choice.text.startswith("<think>")

    vllm = ReasoningServer().start()
    try:
        _ask(_engine(vllm, tmp_path / "v"), [SEEDS["wrong"]])
        [cached] = _ask(_engine(vllm, tmp_path / "v"), [SEEDS["wrong"]])
    finally:
        vllm.stop()
    assert cached.cached and cached.choice.reasoning.startswith("I need") and not cached.reasoning_tokens_estimated


@pytest.mark.parametrize("provider", ["openai", "anthropic"])
def test_batch_results_carry_the_reasoning(provider_server, tmp_path, provider):
    backend = (OpenAICompatBackend(provider_server.openai_url, "gpt-test", "sk-test") if provider == "openai"
               else AnthropicBackend("claude-test-1", "sk-ant-test", base_url=provider_server.anthropic_url))
    engine = Engine(backend, EngineSettings(retry=RetryPolicy(max_attempts=3, base_delay=0.01, max_delay=0.05)),
                    ResponseCache(tmp_path / "cache.sqlite"))
    engine.use_batches(BatchLedger(tmp_path / "batches.sqlite"), collect_s=0.05, poll_s=0.02)

    async def main():
        try:
            return await asyncio.gather(*(engine.complete(ChatRequest.build(
                [{"role": "user", "content": f"reasoned question {i}"}])) for i in range(5)))
        finally:
            await engine.close()
    samples = [s for [s] in asyncio.run(main())]
    assert all(s.choice.reasoning == REASONING_TRACE for s in samples)
    assert [s.choice.text for s in samples] == [f"echo: reasoned question {i}" for i in range(5)]
    if provider == "openai":  # the server's count; Anthropic gives none, so its share is estimated
        assert all(s.usage.reasoning_tokens == REASONING_TOKENS and not s.reasoning_tokens_estimated for s in samples)
    else:
        assert all(s.usage.reasoning_tokens > 0 and s.reasoning_tokens_estimated for s in samples)
    assert engine.metrics.reasoning_tokens == sum(s.usage.reasoning_tokens for s in samples)


# The bundled model writes no <think> block of its own; a grammar (llama.cpp's GBNF, sent as the request's
# `grammar`) makes the real server's real model write its reply as one.
THINK_GRAMMAR = r'''root ::= "<think>" thought "</think>" answer
thought ::= [a-zA-Z0-9 ,.]{8,80}
answer ::= " The answer is " [0-9]{1,3} "."'''
OPEN_IN_PROMPT_GRAMMAR = r'''root ::= [a-zA-Z0-9 ,.]{8,60} "</think>" " The answer is " [0-9]{1,3} "."'''
NEVER_CLOSES_GRAMMAR = r'''root ::= "<think>" [a-zA-Z0-9 ,.]+'''


@pytest.mark.slow
@pytest.mark.parametrize(("grammar", "unfinished"), [(THINK_GRAMMAR, False), (OPEN_IN_PROMPT_GRAMMAR, False),
                                                     (NEVER_CLOSES_GRAMMAR, True)])
def test_a_real_llama_cpp_server_reply_with_a_think_block(llama_server, tmp_path, grammar, unfinished):
    backend = OpenAICompatBackend(llama_server, "smollm2", extra_body={"grammar": grammar})
    engine = Engine(backend, EngineSettings(), None)

    async def main():
        try:
            return await engine.complete(ChatRequest.build(
                [{"role": "user", "content": "What is 2 + 3? Think first."}], max_tokens=48, temperature=0.0))
        finally:
            await engine.close()
    [sample] = asyncio.run(main())
    assert sample.choice.reasoning and "<think>" not in sample.choice.reasoning
    assert "</think>" not in sample.choice.text and "<think>" not in sample.choice.text
    assert sample.choice.reasoning_unfinished == unfinished
    if unfinished:
        assert sample.choice.text == ""  # it ended (EOS or max_tokens) inside its trace: no answer
    else:
        assert sample.choice.text.startswith("The answer is ")
    assert 0 < sample.usage.reasoning_tokens <= sample.usage.completion_tokens and sample.reasoning_tokens_estimated


def test_the_generate_command_writes_the_trace_beside_the_completion(tmp_path):
    from tests.conftest import run_cli

    server = ReasoningServer().start()
    try:
        (tmp_path / "p.jsonl").write_text('{"prompt": "What is 2 + 3?"}\n{"prompt": "What is 5 + 6?"}\n')
        result = run_cli("generate", "p.jsonl", "--out", "out.jsonl", "--base-url", server.url, "--model",
                         "reasoner", "--seed", str(SEEDS["right"]), cwd=tmp_path)
    finally:
        server.stop()
    assert result.returncode == 0, result.stderr
    first = orjson.loads((tmp_path / "out.jsonl").read_text().splitlines()[0])
    assert first["completion"] == "The answer is 5." and first["reasoning"].startswith("I need 2 + 3.")
    assert first["usage"]["reasoning_tokens"] == len(first["reasoning"].split())


def test_a_reply_with_a_think_block_keeps_its_tool_calls(tmp_path):
    """A reasoning model that calls a tool: splitting the trace off must not drop the calls."""
    from synthloom.models.base import Choice
    from tests.scripted_backend import ScriptedBackend

    calls = [{"id": "c1", "type": "function", "function": {"name": "add", "arguments": '{"a": 2, "b": 3}'}}]
    backend = ScriptedBackend(default=Choice("<think>I should call add.</think>", "tool_calls", tool_calls=calls))
    engine = Engine(backend, EngineSettings(), ResponseCache(tmp_path / "cache.sqlite"),
                    reasoning_tags=("<think>", "</think>"))

    async def main():
        try:
            return (await engine.complete(ChatRequest.build([{"role": "user", "content": "2 + 3?"}], seed=1)))[0]
        finally:
            await engine.close()

    sample = asyncio.run(main())
    assert sample.choice.reasoning == "I should call add." and sample.choice.text == ""
    assert sample.choice.tool_calls == calls and not sample.choice.reasoning_unfinished
