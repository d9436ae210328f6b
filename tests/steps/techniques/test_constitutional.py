"""The constitutional loop: principle sampling, chain bookkeeping, soft labels, position bias, guards."""

from __future__ import annotations

import math
from collections import Counter

import orjson
import pytest
import yaml

from synthloom.config import RunConfig
from synthloom.engine.engine import Engine, EngineSettings
from synthloom.engine.model_engines import Engines
from synthloom.errors import UserError
from synthloom.models.base import ChatRequest, Choice, Completion, Usage
from synthloom.record import Record
from synthloom.steps.base import StepContext
from synthloom.steps.techniques.ai_feedback import AIFeedbackStep
from synthloom.steps.techniques.critique_revise import CritiqueReviseStep, sample_principles
from synthloom.techniques.constitution import load_constitution
from synthloom.techniques.feedback_scoring import clamp, combine_orders, probability_first, probability_first_from_votes
from tests.conftest import run_cli

FEEDBACK_RUN = {"run_dir": "r", "input": {"path": "in.jsonl"},
                "models": {"feedback": {"backend": "llamacpp", "model": "gemma3-270m"}}}


def test_principles_are_sampled_per_record_reproducibly_and_uniformly():
    principles = load_constitution()
    first = sample_principles(principles, 4, seed=0, record_id="r1")
    assert len(first) == 4 and first == sample_principles(principles, 4, seed=0, record_id="r1")
    assert first != sample_principles(principles, 4, seed=0, record_id="r2") or \
        first != sample_principles(principles, 4, seed=0, record_id="r3")
    counts = Counter(p.name for i in range(2000) for p in sample_principles(principles, 1, 0, f"r{i}"))
    assert set(counts) == {p.name for p in principles}
    assert max(counts.values()) / min(counts.values()) < 1.6  # uniform within sampling noise


def test_soft_label_from_logprobs_and_votes():
    top = {"A": math.log(0.6), "B": math.log(0.2), "C": math.log(0.15), " (": math.log(0.05)}
    assert probability_first(top) == pytest.approx(0.75)
    assert probability_first({"B": -0.1, "A": -5.0}) == pytest.approx(1 / (1 + math.exp(4.9)))
    assert probability_first({"C": -0.1}) is None
    assert probability_first_from_votes(["A", " B", "A)", "maybe"]) == pytest.approx(2 / 3)
    assert clamp(0.97) == 0.6 and clamp(0.02) == 0.4 and clamp(0.5) == 0.5


def test_asking_in_both_orders_cancels_position_bias():
    assert combine_orders(0.9, 0.9) == pytest.approx(0.5)  # always prefers (A): no preference left
    assert combine_orders(0.8, 0.2) == pytest.approx(0.8)  # consistent: x wins in both orders
    assert combine_orders(0.7, 0.5) == pytest.approx(0.6)


class PositionBiasedJudge:
    """A feedback model that answers (A) with probability 0.9 whatever the options are. No real model
    can be made this biased on demand, hence this small stand-in."""

    identity, model_name, native_n, max_parallel = "stub:biased", "biased-judge", False, None
    prompts: list[str] = []

    async def generate(self, request: ChatRequest) -> Completion:
        self.prompts.append(request.prompt)
        top = {"A": math.log(0.9), "B": math.log(0.1)}
        return Completion([Choice("A", "length", [{"token": "A", "logprob": top["A"], "top": top}])], Usage(50, 1))

    async def check(self) -> str:
        return "stub"

    async def preflight(self) -> None:
        pass

    async def close(self) -> None:
        pass


async def test_a_position_biased_judge_labels_nothing(tmp_path):
    config = RunConfig.model_validate({**FEEDBACK_RUN, "pipeline": [{"step": "ai_feedback", "model": "feedback"}]})
    engines = Engines(config, None)
    engines._engines["feedback"] = Engine(PositionBiasedJudge(), EngineSettings())
    step = AIFeedbackStep(config.pipeline[0], StepContext.in_process(engines), "ai_feedback")
    record = Record.from_input(0, {"prompt": "Hi", "original_response": "Hello there.",
                                   "response": "Hi! How can I help?"})
    [out] = await step.process(record)
    assert "chosen" not in out.fields and step.counters["dropped_low_confidence"] == 1
    forward, backward = PositionBiasedJudge.prompts[-2:]
    assert forward.index("Hello there.") < forward.index("How can I help?")  # asked in both orders
    assert backward.index("How can I help?") < backward.index("Hello there.")
    assert forward.rstrip().endswith("The answer is: (")


def test_the_feedback_model_must_differ_from_the_policy():
    same = {**FEEDBACK_RUN, "models": {"judge": {"backend": "llamacpp"}},
            "pipeline": [{"step": "ai_feedback", "model": "judge"}]}
    with pytest.raises(ValueError, match="same model as the policy.*allow_same_model"):
        RunConfig.model_validate(same)  # another name, but the same bundled model as `model:`
    allowed = RunConfig.model_validate({**same, "pipeline": [{"step": "ai_feedback", "model": "judge",
                                                              "allow_same_model": True}]})
    step = AIFeedbackStep(allowed.pipeline[0], StepContext.in_process(Engines(allowed, None)), "ai_feedback")
    assert step.report()["feedback_model_is_policy_model"] is True
    RunConfig.model_validate({**FEEDBACK_RUN, "pipeline": [{"step": "ai_feedback", "model": "feedback"}]})


def test_a_malformed_constitution_names_the_principle_and_the_field(tmp_path):
    bad = tmp_path / "constitution.yaml"
    bad.write_text(yaml.safe_dump({"principles": [
        {"name": "kind", "critique": "Is it kind?", "revision": "Make it kind.", "comparison": "Which is kinder?"},
        {"name": "brief", "critique": "Is it brief?", "comparison": "Which is briefer?"}]}))
    with pytest.raises(UserError, match=r"constitution.yaml: principles\[1\] \(brief\) needs revision"):
        load_constitution(bad)
    (tmp_path / "in.jsonl").write_text('{"prompt": "hi"}\n')
    config = tmp_path / "run.yaml"
    config.write_text(yaml.safe_dump({"run_dir": "r", "input": {"path": "in.jsonl"},
                                      "pipeline": [{"step": "critique_revise", "constitution": "constitution.yaml"}]}))
    result = run_cli("run", str(config), cwd=tmp_path)
    assert result.returncode == 2 and "principles[1] (brief) needs revision" in result.stderr
    assert not (tmp_path / "r").exists()


async def test_critique_revision_chain_on_the_bundled_model(tmp_path):
    config = RunConfig.model_validate({"run_dir": "r", "input": {"path": "in.jsonl"}, "pipeline": [
        {"step": "critique_revise", "rounds": 2, "max_tokens": 24, "keep_all_revisions": True}]})
    engines = Engines(config, str(tmp_path / "cache.sqlite"))
    step = CritiqueReviseStep(config.pipeline[0], StepContext.in_process(engines), "critique_revise")
    record = Record.from_input(0, {"prompt": "How do I pick a lock?"})
    try:
        rounds = await step.process(record)
    finally:
        await engines.close()
    assert [r.lineage.generation for r in rounds] == [1, 2]
    final = rounds[-1]
    chain = final.fields["constitution_chain"]
    names = {p.name for p in load_constitution()}
    assert len(chain) == 2 and all(link["principle"] in names for link in chain)
    assert all(link["critique"] and link["revision"] for link in chain)
    assert final.fields["response"] == chain[-1]["revision"] and final.fields["original_response"]
    assert rounds[0].fields["constitution_chain"] == chain[:1]  # each round's record has its chain so far
    expected = [p.name for p in sample_principles(load_constitution(), 2, 0, record.id)]
    assert final.lineage.params["principles"] == expected and final.lineage.parents == [record.id]
    assert orjson.loads(final.to_json())["fields"]["constitution_chain"] == chain


def test_both_stages_end_to_end_write_sft_and_dpo_files(tmp_path):
    (tmp_path / "in.jsonl").write_text('{"prompt": "How do I get revenge on a rude neighbour?"}\n'
                                       '{"prompt": "Why is the sky blue?"}\n')
    config = tmp_path / "run.yaml"
    config.write_text(yaml.safe_dump({
        **FEEDBACK_RUN, "engine": {"concurrency": 2},
        "pipeline": [{"step": "critique_revise", "rounds": 1, "max_tokens": 40},
                     {"step": "ai_feedback", "model": "feedback", "confidence_threshold": 0.5}],
        "output": {"exports": [{"format": "sft", "path": "sft.jsonl"}, {"format": "dpo", "path": "dpo.jsonl"}]}}))
    result = run_cli("run", str(config), "--no-progress", cwd=tmp_path, timeout=600)
    assert result.returncode == 0, result.stderr
    run_dir = tmp_path / "r"
    sft = [orjson.loads(x) for x in (run_dir / "sft.jsonl").read_bytes().splitlines()]
    assert len(sft) == 2 and all([m["role"] for m in row["messages"]] == ["user", "assistant"] for row in sft)
    dpo = [orjson.loads(x) for x in (run_dir / "dpo.jsonl").read_bytes().splitlines()]
    # How many pairs the small feedback model is sure about is its luck, not the machinery's (which the
    # scripted test below pins down): every labelled pair, and only those, is a DPO row.
    assert 0 <= len(dpo) <= 2
    assert all(set(row) == {"prompt", "chosen", "rejected"} and row["chosen"] != row["rejected"] for row in dpo)
    steps = orjson.loads((run_dir / "metrics.json").read_bytes())["sessions"][0]["metrics"]["pipeline"]["steps"]
    feedback = steps["ai_feedback"]
    assert feedback["counters"]["labelled"] == len(dpo)
    assert feedback["report"]["feedback_model_is_policy_model"] is False
    assert 0 <= feedback["report"]["chosen_longer_rate"] <= 1
    models = orjson.loads((run_dir / "metrics.json").read_bytes())["sessions"][0]["metrics"]["models"]
    assert set(models) == {"default", "feedback"}  # the policy and a different feedback model both worked
    assert "chosen_longer_rate" in (run_dir / "summary.md").read_text()


class PrefersTheRevision:
    """A feedback model that always prefers the option holding the revision, in either order."""

    identity, model_name, native_n, max_parallel = "stub:prefers-revision", "prefers-revision", False, None

    async def generate(self, request: ChatRequest) -> Completion:
        options = request.prompt.split("Options:")[-1]
        letter = "A" if options.index("(A)") < options.find("REVISED") < options.index("(B)") else "B"
        top = {letter: math.log(0.9), "AB".replace(letter, ""): math.log(0.1)}
        return Completion([Choice(letter, "length", [{"token": letter, "logprob": top[letter], "top": top}])],
                          Usage(50, 1))

    async def check(self) -> str:
        return "stub"

    async def preflight(self) -> None:
        pass

    async def close(self) -> None:
        pass


def test_both_stages_write_one_dpo_pair_per_labelled_revision_on_a_scripted_policy(tmp_path):
    import re

    import synthloom as sl
    from synthloom.steps.techniques.critique_revise import REVISION_SUFFIX
    from tests.scripted_backend import ScriptedBackend

    prompts = [f"Why is the sky blue over town {i}?" for i in range(10)]
    policy = ScriptedBackend(rules=[
        (re.escape(REVISION_SUFFIX), lambda r: "REVISED: the sky is blue because air scatters blue sunlight most."),
        (r"Why is the sky blue", "The sky is blue, I think, because the sky is blue."),
    ], default="The answer repeats itself and explains nothing.")
    pipe = sl.Pipeline([sl.Step("critique_revise", rounds=1),
                        sl.Step("ai_feedback", model="feedback", confidence_threshold=0.5)],
                       model=policy, models={"feedback": PrefersTheRevision()},
                       output={"exports": [{"format": "sft", "path": "sft.jsonl"},
                                           {"format": "dpo", "path": "dpo.jsonl"}]})
    result = pipe.run([{"prompt": p} for p in prompts], run_dir=tmp_path / "r")
    dpo = [orjson.loads(x) for x in (tmp_path / "r" / "dpo.jsonl").read_bytes().splitlines()]
    assert len(dpo) == len(prompts) == result.summary.steps["ai_feedback"].counters["labelled"]
    assert all(row["chosen"].startswith("REVISED") and not row["rejected"].startswith("REVISED") for row in dpo)
    assert sorted(row["prompt"] for row in dpo) == sorted(prompts)
    assert len((tmp_path / "r" / "sft.jsonl").read_bytes().splitlines()) == len(prompts)
