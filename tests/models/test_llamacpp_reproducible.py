"""The in-process model keeps nothing from one request to the next: an answer is the same whatever came
before it, so fresh runs of a config give the same records whatever the timing (issue 29, item 6)."""

from __future__ import annotations

import orjson
import pytest
import yaml

from synthloom.engine.engine import Engine, EngineSettings
from synthloom.models.base import ChatRequest
from synthloom.models.llamacpp import LlamaCppBackend
from tests.conftest import run_cli

POEM = ChatRequest.build([{"role": "user", "content": "Write a poem about the mountains in winter."}],
                         max_tokens=16, temperature=0.7, logprobs=True, top_logprobs=1)


def first_logprob(completion) -> float:
    return completion.choices[0].logprobs[0]["logprob"]


async def test_an_answer_does_not_depend_on_the_request_before_it():
    backend = LlamaCppBackend()
    try:
        alone = await backend.generate(POEM.single(1))
        # The same prompt just before, with another seed: llama-cpp-python would reuse its KV cache
        # and re-evaluate only the last token, which changes the logits (it did, before reset()).
        await backend.generate(POEM.single(0))
        after = await backend.generate(POEM.single(1))
    finally:
        await backend.close()
    assert after.choices[0].text == alone.choices[0].text
    assert first_logprob(after) == first_logprob(alone)


async def test_an_unseeded_request_in_process_is_the_seeded_default():
    backend = LlamaCppBackend()
    engine = Engine(backend, EngineSettings())
    try:
        unseeded = await engine.complete(ChatRequest.build(POEM.messages, max_tokens=12, temperature=1.0, n=2))
        await engine.complete(ChatRequest.build(POEM.messages, max_tokens=12, temperature=1.0, seed=5))
        seeded = await engine.complete(ChatRequest.build(POEM.messages, max_tokens=12, temperature=1.0, n=2,
                                                         seed=backend.default_seed))
    finally:
        await backend.close()
    # No generator state carries over (the call between changed none), and two samples still differ.
    assert [s.choice.text for s in unseeded] == [s.choice.text for s in seeded]
    assert unseeded[0].choice.text != unseeded[1].choice.text


def records_of(run_dir) -> list[tuple[str, dict]]:
    lines = (run_dir / "output.jsonl").read_bytes().splitlines()
    return sorted((r["id"], r["fields"]) for r in map(orjson.loads, lines))


@pytest.mark.slow
def test_two_runs_with_different_concurrency_give_identical_records(tmp_path):
    # Shared system prompt (long common prefixes), several samples of each prompt, no seed given.
    rows = [{"instruction": f"Give one tip about {topic}."}
            for topic in ("sleep", "tea", "bicycles", "rain", "maps", "bread")]
    (tmp_path / "in.jsonl").write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))
    outcomes = []
    for concurrency in (1, 4):
        name = f"c{concurrency}"
        (tmp_path / f"{name}.yaml").write_text(yaml.safe_dump({
            "run_dir": name, "input": {"path": "in.jsonl"}, "model": {"backend": "llamacpp"},
            "engine": {"concurrency": concurrency},
            "pipeline": [{"step": "generate", "system": "You are a friendly, careful assistant.", "n": 2,
                          "max_tokens": 20, "temperature": 0.9}],
            "output": {"report": False, "parquet": False}}))
        result = run_cli("run", f"{name}.yaml", "--no-progress", cwd=tmp_path, timeout=600)
        assert result.returncode == 0, result.stderr
        outcomes.append(records_of(tmp_path / name))
    assert len(outcomes[0]) == 12
    assert outcomes[0] == outcomes[1]
