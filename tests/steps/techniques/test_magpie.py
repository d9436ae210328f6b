"""Magpie: the pre-query template from a chat template, the instruction filters with their counts, and
sampling in rounds until enough instructions are kept; on the bundled model in process and through a
llama.cpp server's /v1/completions."""

from __future__ import annotations

from dataclasses import dataclass

import orjson
import pytest
import yaml

from synthloom.config import RunConfig
from synthloom.engine.prompting import item_seed
from synthloom.errors import UserError
from synthloom.models.base import ChatRequest, Completion
from synthloom.techniques.magpie import PRESETS, InstructionFilter, pre_query
from tests.conftest import run_cli
from tests.run.test_pipeline_scripted import run_pipeline
from tests.scripted_backend import ScriptedBackend

# SmolLM2-135M-Instruct's chat template, as its GGUF's metadata carries it.
SMOLLM2_TEMPLATE = (
    "{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}{{ '<|im_start|>system\\n"
    "You are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\\n' }}{% endif %}"
    "{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}")


SMOLLM2_SYSTEM = "You are a helpful AI assistant named SmolLM, trained by Hugging Face"


def test_the_pre_query_template_is_the_chat_template_up_to_the_users_words():
    smol = pre_query(SMOLLM2_TEMPLATE, "smollm2")
    assert smol.text == ("<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging "
                         "Face<|im_end|>\n<|im_start|>user\n")
    assert smol.stop == ("<|im_end|>",)
    steered = pre_query(SMOLLM2_TEMPLATE, "smollm2", system="You help with cooking.")
    assert steered.text == "<|im_start|>system\nYou help with cooking.<|im_end|>\n<|im_start|>user\n"
    llama3 = pre_query(PRESETS["llama3"], "llama3")
    assert llama3.text == "<|start_header_id|>user<|end_header_id|>\n\n" and llama3.stop == ("<|eot_id|>",)
    assert pre_query(PRESETS["gemma"], "gemma").stop == ("<end_of_turn>",)
    with pytest.raises(UserError, match="cannot be rendered"):
        pre_query("{{ raise_exception('System role not supported') }}", "strict")
    with pytest.raises(UserError, match="does not show the user's message"):
        pre_query("{% for m in messages %}{{ m.role }}{% endfor %}", "roles only")
    with pytest.raises(UserError, match="puts nothing before"):
        pre_query("{% for m in messages %}{{ m.content }}{% endfor %}", "bare")


def test_the_filter_drops_empty_truncated_looping_short_and_repeated_instructions():
    keep = InstructionFilter(similarity=0.8, min_words=3)
    verdicts = [keep.reason_to_drop(text, finish) for text, finish in [
        ("How do I bake sourdough bread at home?", "stop"),
        ("  ... ", "stop"),
        ("Write a long story about a dragon who", "length"),
        ("Hello there", "stop"),
        ("how do I bake sourdough bread at home", "stop"),
        ("How can I bake sourdough bread at home?", "stop"),
        ("Tell me a joke. " * 8, "stop"),
        ("What is the capital of Peru?", "stop"),
    ]]
    assert verdicts == [None, "empty", "truncated", "too_short", "repeated", "near_repeat", "repetition_loop", None]


@dataclass
class Sampled(ScriptedBackend):
    """Instructions by sample (the request's seed picks them), answers by instruction; `cut` marks which
    come back cut off by the token limit. A chat template, as the llama.cpp backend reports one."""

    by_seed: dict[int, str] | None = None
    cut: tuple[str, ...] = ()
    template: str | None = None

    async def generate(self, request: ChatRequest) -> Completion:
        if request.prompt is not None:
            assert self.by_seed is not None
            self.requests.append(request)
            text = self.by_seed.get(request.seed or 0, "")
            completion = await ScriptedBackend(default=text).generate(request)
        else:
            completion = await super().generate(request)
        if any(c in completion.choices[0].text for c in self.cut):
            completion.choices[0].finish_reason = "length"
        return completion

    async def chat_template(self) -> str | None:
        return self.template


def instructions(texts: list[str]) -> dict[int, str]:
    return {item_seed(0, "magpie", i): t for i, t in enumerate(texts)}


async def test_magpie_samples_in_rounds_until_enough_are_kept_and_counts_every_drop(tmp_path):
    texts = ["How do I fix a flat bicycle tyre?", "", "Explain how vaccines train the immune system.",
             "how do i fix a flat bicycle tyre", "Write a poem about the sea that never",  # repeat, then cut
             "What should I pack for a week of hiking?", "Ok", "Recommend three books about the history of Rome."]
    backend = Sampled(by_seed=instructions(texts), cut=("never",), template=SMOLLM2_TEMPLATE,
                      rules=[("vaccines", "")], default=lambda r: f"An answer to: {r.messages[-1]['content']}")
    summary, output, removed, _ = await run_pipeline(tmp_path, [{"step": "magpie", "count": 4, "max_samples": 8}],
                                                     backend, rows=[])
    # Round 1 draws 4 (2 kept), round 2 draws 2 (1 kept), round 3 draws 1 (dropped), round 4 draws 1 (kept).
    assert [r["fields"]["instruction"] for r in output] == [texts[0], texts[5], texts[7]]
    counters = summary.steps["magpie"].counters
    assert counters["instructions_sampled"] == 8 and counters["instructions_kept"] == 4
    assert (counters["dropped_empty"], counters["dropped_repeated"], counters["dropped_truncated"],
            counters["dropped_too_short"], counters["dropped_empty_response"]) == (1, 1, 1, 1, 1)
    reasons = sorted(r["meta"]["magpie"]["removed"] for r in removed)
    assert reasons == ["empty", "empty_response", "repeated", "too_short", "truncated"]
    record = output[0]
    assert record["fields"]["messages"] == [{"role": "user", "content": texts[0]},
                                            {"role": "assistant", "content": f"An answer to: {texts[0]}"}]
    assert record["fields"]["response"] == f"An answer to: {texts[0]}"
    assert record["lineage"]["technique"] == "magpie"
    assert record["lineage"]["params"]["pre_query"] == "scripted's own chat template"
    # Every instruction was sampled from the model's own pre-query template, stopped at its end of turn.
    sampled = [r for r in backend.requests if r.prompt is not None]
    assert len(sampled) == 8 and {r.prompt for r in sampled} == {pre_query(SMOLLM2_TEMPLATE, "").text}
    assert all(r.stop == ("<|im_end|>",) and r.temperature == 1.0 for r in sampled)
    assert len({r.seed for r in sampled}) == 8


async def test_a_preset_a_system_prompt_and_a_cap_on_samples(tmp_path):
    backend = Sampled(by_seed=instructions(["Plan a vegetarian dinner for six people."] * 5))
    summary, output, _, _ = await run_pipeline(
        tmp_path, [{"step": "magpie", "count": 3, "max_samples": 5, "pre_query_template": "llama3",
                    "system": "You are a cooking assistant."}], backend, rows=[])
    assert len(output) == 1  # the other four repeat it, and no more than five are drawn
    counters = summary.steps["magpie"].counters
    assert counters["instructions_sampled"] == 5 and counters["dropped_repeated"] == 4
    prompt = next(r.prompt for r in backend.requests if r.prompt is not None)
    assert prompt.startswith("<|start_header_id|>system<|end_header_id|>\n\nYou are a cooking assistant.")
    assert output[0]["fields"]["messages"][0] == {"role": "system", "content": "You are a cooking assistant."}


async def test_a_model_that_does_not_report_its_template_needs_a_preset(tmp_path):
    with pytest.raises(UserError, match="set pre_query_template to one of chatml"):
        await run_pipeline(tmp_path, [{"step": "magpie", "count": 1}], ScriptedBackend(), rows=[])


def test_the_config_refuses_what_cannot_work():
    base = {"run_dir": "r", "models": {"claude": {"backend": "anthropic", "model": "claude-sonnet-4-5"}}}
    with pytest.raises(ValueError, match="raw text completions"):
        RunConfig.model_validate({**base, "pipeline": [{"step": "magpie", "model": "claude"}]})
    with pytest.raises(ValueError, match="fewer than count"):
        RunConfig.model_validate({**base, "pipeline": [{"step": "magpie", "count": 5, "max_samples": 2}]})
    RunConfig.model_validate({**base, "pipeline": [{"step": "magpie", "count": 5}]})  # no input needed


def magpie_run(tmp_path, step: dict, models: dict | None = None) -> list[dict]:
    config = tmp_path / "magpie.yaml"
    config.write_text(yaml.safe_dump({"run_dir": "r", **({"model": models} if models else {}),
                                      "pipeline": [{"step": "magpie", "count": 2, "max_samples": 5,
                                                    "instruction_max_tokens": 48, "max_tokens": 32,
                                                    "keep_truncated_responses": True, **step}]}))
    result = run_cli("run", str(config), "--no-progress", cwd=tmp_path, timeout=900)
    assert result.returncode == 0, result.stderr
    return [orjson.loads(x) for x in (tmp_path / "r" / "output.jsonl").read_bytes().splitlines()]


def check_records(records: list[dict]) -> None:
    assert 1 <= len(records) <= 2
    instructions_ = [r["fields"]["instruction"] for r in records]
    assert len(set(instructions_)) == len(instructions_)
    for record in records:
        assert len(record["fields"]["instruction"].split()) >= 3
        assert "<|im_start|>" not in record["fields"]["instruction"]
        assert record["fields"]["response"].strip()
        assert record["meta"]["magpie"]["instruction"]["finish_reason"] == "stop"


@pytest.mark.slow
def test_magpie_on_the_bundled_model_in_process_reads_its_template_from_the_gguf(tmp_path):
    records = magpie_run(tmp_path, {})
    check_records(records)
    assert records[0]["lineage"]["params"]["pre_query"] == "smollm2-135m-instruct's own chat template"


@pytest.mark.slow
def test_magpie_through_a_llama_cpp_servers_completions_endpoint(tmp_path, llama_server):
    # SmolLM2's template adds this system prompt when none is given; without it, after a bare
    # "<|im_start|>user", the model wrote code and prose, not requests (5 of 5 cut off, on a dev run).
    records = magpie_run(tmp_path, {"pre_query_template": "chatml", "system": SMOLLM2_SYSTEM},
                         {"backend": "openai", "base_url": llama_server, "model": "smollm2"})
    check_records(records)
    assert records[0]["lineage"]["params"]["pre_query"] == "preset chatml"
