"""Rejection sampling on a reasoning model: the verifier reads the answer and never the trace, a trace
that never closed is `unfinished`, each prompt is labelled with its pass rate and band and kept by it,
and verified answers are paired with verified-wrong ones for DPO. The stand-in server decides each
candidate's fate from its seed (tests/reasoning_server.py), so every figure can be checked exactly."""

from __future__ import annotations

import asyncio
from collections import Counter

import pytest
from pydantic import ValidationError

from synthloom.config import RunConfig
from synthloom.engine.model_engines import Engines
from synthloom.io.training_formats import to_row
from synthloom.record import Record
from synthloom.steps.base import StepContext
from synthloom.steps.techniques.rejection import RejectionStep
from tests.steps.techniques.prompt_runs import sample_all
from synthloom.techniques.difficulty import band, decided_pass_rate
from synthloom.techniques.preference_pairs import Reply, pair_up
from tests.reasoning_server import ReasoningServer, fate_of

PROBLEMS = [{"question": f"What is {i} + {i + 1}?", "answer": str(2 * i + 1), "level": "small" if i < 6 else "big"}
            for i in range(12)]
MATH = {"kind": "math", "gold_field": "answer"}


@pytest.fixture
def reasoner():
    server = ReasoningServer().start()
    yield server
    server.stop()


def run_step(server: ReasoningServer, tmp_path, **step) -> tuple[RejectionStep, list[Record]]:
    config = RunConfig.model_validate({
        "run_dir": str(tmp_path / "r"), "input": {"path": "unused.jsonl"},
        "model": {"backend": "openai", "base_url": server.url, "model": "reasoner"},
        "pipeline": [{"step": "rejection", "template": "question", "verifier": MATH, "class_field": "level",
                      "k": 10, "m": 10, "batch": 5, **step}]})
    engines = Engines(config, str(tmp_path / "cache.sqlite"))
    rejection = RejectionStep(config.pipeline[0], StepContext.in_process(engines), "rejection")

    async def main():
        try:
            sampled = await sample_all(rejection, PROBLEMS)
        finally:
            await engines.close()
        rejection.states, rejection.removed = sampled.states, sampled.removed  # type: ignore[attr-defined]
        return sampled.kept
    return rejection, asyncio.run(main())


def fates_by_prompt(server: ReasoningServer) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for body in server.seen:
        out.setdefault(body["messages"][-1]["content"], []).append(fate_of(body))
    return out


def test_the_verifier_reads_the_answer_and_an_unclosed_trace_is_unfinished(reasoner, tmp_path):
    step, kept = run_step(reasoner, tmp_path, dedupe="none")
    fates = Counter(f for per in fates_by_prompt(reasoner).values() for f in per)
    outcomes = step.report()["outcomes"]
    # Every trace says "the answer is <the right value>": read as the answer, unreadable and unfinished
    # replies would pass. Only the right answers do.
    assert outcomes["pass"] == fates["right"] == len(kept)
    assert outcomes["wrong_answer"] == fates["wrong"] and outcomes["unparseable"] == fates["unreadable"]
    assert outcomes["unfinished"] == fates["unfinished"] > 0
    for record in kept:
        assert record.fields["response"] == f"The answer is {record.fields['answer']}."
        assert record.fields["reasoning"].startswith("I need ") and record.meta["rejection"]["reasoning_tokens"] > 0
    removed = [r for r in step.removed if r.meta["rejection"]["verification"]["outcome"] == "unfinished"]
    assert len(removed) == fates["unfinished"] and all(r.fields["response"] == "" for r in removed)
    assert "never closed" in removed[0].meta["rejection"]["removed"]
    report = step.report()
    assert report["unfinished_reasoning"] == fates["unfinished"] and 0 < report["reasoning_share_of_tokens"] < 1


def test_told_to_the_verifier_reads_the_trace_too(reasoner, tmp_path):
    step, _ = run_step(reasoner, tmp_path, dedupe="none", verify="reasoning_and_answer")
    fates = Counter(f for per in fates_by_prompt(reasoner).values() for f in per)
    # the trace's "the answer is <right>" now decides the unreadable replies: the option does what it says
    assert step.report()["outcomes"]["pass"] == fates["right"] + fates["unreadable"]


def test_each_prompt_gets_its_pass_rate_and_band_and_is_kept_by_range(reasoner, tmp_path):
    step, kept = run_step(reasoner, tmp_path, dedupe="none", keep_pass_rate=[0.3, 0.5], preference_pairs=True)
    per_prompt = fates_by_prompt(reasoner)
    rates = {p: sum(f == "right" for f in fs) / len(fs) for p, fs in per_prompt.items()}
    assert all(len(fs) == 10 for fs in per_prompt.values())
    for state in step.states:
        stats = state.stats(10, 10)
        assert stats["difficulty_pass_rate"] == round(rates[state.prompt], 4)  # nothing abstained here
        assert stats["difficulty_band"] == band(rates[state.prompt])
    inside = {p for p, r in rates.items() if 0.3 <= r <= 0.5}
    assert inside and len(inside) < len(rates)  # the seeds give prompts on both sides of the range
    assert {r.fields["prompt"] for r in kept} == inside
    assert all(0.3 <= r.fields["pass_rate"] <= 0.5 and r.fields["difficulty_band"] in ("hard", "medium") for r in kept)
    dropped = [r for r in step.removed if "keep_pass_rate" in r.meta["rejection"].get("removed", "")]
    assert {r.fields["prompt"] for r in dropped} == {p for p in rates if p not in inside and rates[p] > 0}
    assert "outside keep_pass_rate [0.3, 0.5]" in dropped[0].meta["rejection"]["removed"]
    assert not any("rejected" in r.fields for r in dropped)  # a dropped prompt makes no pairs...
    report = step.report()
    assert report["preference_pairs"] == sum("rejected" in r.fields for r in kept) > 0  # ...nor counts any
    assert report["prompts_outside_keep_pass_rate"] == len(rates) - len(inside)
    by_class = report["difficulty_by_class"]
    assert set(by_class) == {"small", "big"} and sum(sum(b.values()) for b in by_class.values()) == len(PROBLEMS)


def test_verified_answers_are_paired_with_verified_wrong_ones(reasoner, tmp_path):
    step, kept = run_step(reasoner, tmp_path, dedupe="none", preference_pairs=True)
    per_prompt = fates_by_prompt(reasoner)
    pairs = [r for r in kept if "rejected" in r.fields]
    assert pairs and step.counters["preference_pairs"] == len(pairs)
    for record in pairs:
        fields = record.fields
        evidence = fields["pair_evidence"]
        assert fields["chosen"] == fields["response"] and evidence["chosen"]["outcome"] == "pass"
        assert evidence["rejected"]["outcome"] in ("wrong_answer", "unparseable")  # never unfinished
        if evidence["rejected"]["outcome"] == "unparseable":  # only when no wrong answer was left to use
            state = next(s for s in step.states if s.prompt == fields["prompt"])
            distinct_wrong = {c.as_trained() for c in state.rejected if c.verdict.outcome == "wrong_answer"}
            used_wrong = sum(1 for r in pairs if r.fields["prompt"] == fields["prompt"]
                             and r.fields["pair_evidence"]["rejected"]["outcome"] == "wrong_answer")
            assert per_prompt[fields["prompt"]].count("wrong") >= used_wrong == len(distinct_wrong)
        else:
            assert fields["rejected"] != fields["response"] and fields["rejected"].startswith("The answer is ")
        assert fields["rejected_reasoning"].startswith("I need ")
        assert fields["chosen_reasoning"] == fields["reasoning"] and fields["reasoning_of"] == "response"
    # each rejected reply (trace and answer) is used once per prompt
    used = Counter((r.fields["prompt"], r.fields["rejected_reasoning"], r.fields["rejected"]) for r in pairs)
    assert max(used.values()) == 1
    row = to_row("dpo", pairs[0].to_dict())
    assert row["chosen"].startswith("<think>\nI need") and row["chosen"].endswith(pairs[0].fields["response"])
    assert row["rejected"].startswith("<think>\nI need") and "</think>" in row["rejected"]
    stripped = to_row("dpo", pairs[0].to_dict(), reasoning="strip")
    assert (stripped["chosen"], stripped["rejected"]) == (pairs[0].fields["chosen"], pairs[0].fields["rejected"])
    apart = to_row("dpo", pairs[0].to_dict(), reasoning="field")
    assert apart["chosen_reasoning"] == pairs[0].fields["reasoning"] and "<think>" not in apart["chosen"]
    sft = to_row("sft", pairs[0].to_dict(), reasoning="field")["messages"][1]
    assert sft == {"role": "assistant", "content": pairs[0].fields["response"],
                   "reasoning_content": pairs[0].fields["reasoning"]}


def test_the_pairing_rule():
    chosen = [Reply("x" * 100, "pass"), Reply("y" * 40, "pass"), Reply("z" * 10, "pass")]
    rejected = [Reply("a" * 300, "wrong_answer"), Reply("b" * 45, "unparseable"), Reply("c" * 100, "error"),
                Reply("d" * 95, "ambiguous"), Reply("e" * 60, "fail"), Reply("f" * 99, "timeout")]
    # wrong before unreadable; the closest length within the tier; abstentions and errors never
    assert pair_up(chosen, rejected) == [4, 0, 1]
    assert pair_up([Reply("same", "pass")], [Reply("same", "judged_fail")]) == [None]
    assert pair_up([Reply("a", "pass"), Reply("b", "pass")],
                   [Reply("wrong", "wrong_answer"), Reply("wrong", "wrong_answer")]) == [0, None]
    assert pair_up([Reply("aaaa", "pass")], [Reply("aa", "wrong_answer"), Reply("aaaaaaaa", "wrong_answer")]) == [0]


def test_difficulty_counts_decided_verdicts_only():
    assert decided_pass_rate([(True, "pass"), (False, "wrong_answer"), (False, "error"), (False, "ambiguous")]) \
        == (0.5, 2)
    assert decided_pass_rate([(False, "error")]) == (None, 0)
    assert [band(r) for r in (0.0, 0.2, 0.5, 0.9, 1.0, None)] == ["unsolved", "hard", "medium", "easy",
                                                                 "always_solved", None]


@pytest.mark.parametrize(("step", "needle"), [
    ({"k": 8, "m": 1, "keep_pass_rate": [0.1, 0.9]}, "keep_pass_rate needs m >= k"),
    ({"k": 8, "m": 8, "keep_pass_rate": [0.9, 0.1]}, "needs 0 <= lo <= hi <= 1"),
    ({"k": 8, "m": 8, "keep_pass_rate": [0.1, 1.5]}, "needs 0 <= lo <= hi <= 1"),
])
def test_a_wrong_pass_rate_range_names_the_fix(step, needle):
    with pytest.raises(ValidationError, match=needle):
        RunConfig.model_validate({"run_dir": "r", "input": {"path": "x.jsonl"}, "pipeline": [
            {"step": "rejection", "verifier": MATH, **step}]})
