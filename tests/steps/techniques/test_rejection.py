"""The rejection-sampling step: early stop at m, the budget, adaptive extra samples, malformed candidates,
yield per class and distinct solutions. The echo server answers with the sample's seed, so a verifier
on the seed's parity decides exactly which candidates pass: a real model cannot be made to do that."""

from __future__ import annotations

from collections import Counter

import pytest

from synthloom.config import RunConfig
from synthloom.engine.model_engines import Engines
from synthloom.record import Record
from synthloom.steps.base import StepContext
from synthloom.steps.techniques.rejection import RejectionStep
from synthloom.techniques.rejection_dedupe import distinct, equations_key
from tests.steps.techniques.prompt_runs import sample_all

EVEN_SEED = {"kind": "regex", "pattern": r"#\d*[02468]$"}
PROBLEMS = [{"question": f"What is {i} + {i}?", "answer": str(2 * i), "difficulty": d}
            for i, d in enumerate(["easy", "easy", "hard", "hard"])]


def make_step(fault_server, tmp_path, **step) -> tuple[RejectionStep, Engines]:
    config = RunConfig.model_validate({
        "run_dir": str(tmp_path / "r"), "input": {"path": "unused.jsonl"},
        "model": {"backend": "openai", "base_url": fault_server.url, "model": "echo"},
        "pipeline": [{"step": "rejection", "template": "question", "verifier": EVEN_SEED, **step}]})
    engines = Engines(config, str(tmp_path / "cache.sqlite"))
    return RejectionStep(config.pipeline[0], StepContext.in_process(engines), "rejection"), engines


async def run(step: RejectionStep, engines: Engines, problems=PROBLEMS) -> list[Record]:
    """The kept records; the prompts' states and the dropped records go on the step for the test to read."""
    try:
        sampled = await sample_all(step, problems)
    finally:
        await engines.close()
    step.states, step.removed = sampled.states, sampled.removed  # type: ignore[attr-defined]
    return sampled.kept


def seed_is_even(text: str) -> bool:
    return int(text.rsplit("#", 1)[1]) % 2 == 0


async def test_each_prompt_stops_at_m_accepted(fault_server, tmp_path):
    step, engines = make_step(fault_server, tmp_path, k=12, m=2, batch=1)
    await run(step, engines)
    for state in step.states:
        assert all(seed_is_even(c.text) for c in state.accepted)
        assert state.outcomes["pass"] == len(state.accepted) <= 2
        assert state.outcomes["no_match"] == state.tried - len(state.accepted)
        if len(state.accepted) < 2:
            assert state.tried == 12  # fewer than m passes: it used all k tries
    assert any(len(s.accepted) == 2 and s.tried < 12 for s in step.states)  # and some stopped early
    calls = Counter(r.prompt for r in fault_server.log)
    assert sum(calls.values()) == sum(s.tried for s in step.states)  # nothing sampled past the stop


async def test_the_budget_caps_candidates_for_the_whole_run(fault_server, tmp_path):
    step, engines = make_step(fault_server, tmp_path, k=8, m=8, batch=3, budget=10)
    await run(step, engines)
    assert sum(s.tried for s in step.states) == 10 == len(fault_server.log)
    assert step.report()["budget_left"] == 0 and step.counters["prompts_cut_by_budget"] >= 1


async def test_adaptive_allocation_spends_extra_only_where_the_pass_rate_is_low_but_not_zero(fault_server, tmp_path):
    problems = [{"question": f"Problem {i}", "answer": "0", "difficulty": "x"} for i in range(12)]
    plain, engines = make_step(fault_server, tmp_path / "plain", k=4, m=3, batch=4)
    await run(plain, engines, problems)
    adaptive, engines = make_step(fault_server, tmp_path / "adaptive", k=4, m=3, batch=4, adaptive=True,
                                  adaptive_extra=6, adaptive_below=0.75)
    await run(adaptive, engines, problems)
    low = {s.record.id for s in plain.states if s.accepted and len(s.accepted) < 3}
    extra = {s.record.id for s in adaptive.states if s.tried > plain_tried(plain, s.record.id)}
    assert low and extra == low  # seeds are deterministic: the first pass is the same in both runs
    assert adaptive.counters["adaptive_prompts"] == len(low)
    assert all(s.tried <= 4 + 6 for s in adaptive.states)


def plain_tried(step: RejectionStep, record_id: str) -> int:
    return next(s.tried for s in step.states if s.record.id == record_id)


async def test_a_candidate_with_no_answer_is_a_rejection_and_classes_report_their_yield(fault_server, tmp_path):
    # The echo of "What is 0 + 0?" ends in the seed: a number, but never the gold 2*i for i > 0 (almost surely),
    # and a question with no digits at all gives no answer: rejected, counted, no crash.
    problems = [{"question": "Name a colour.", "answer": "7", "difficulty": "words"}, *PROBLEMS[2:]]
    step, engines = make_step(fault_server, tmp_path, k=3, m=1, batch=3,
                              verifier={"kind": "math", "gold_field": "answer"})
    fault_server.log.clear()
    records = await run(step, engines, problems)
    report = step.report()
    assert report["yield_by_class"]["words"]["tried"] == 3
    assert "words" in report["zero_yield_classes"]
    assert step.counters["candidates"] == 9 and not records
    assert sum(v for k, v in step.counters.items() if k.startswith("outcome_")) == 9
    # Per answer kind (all these golds are integers): every candidate counted once, by its outcome.
    assert sum(report["outcomes_by_kind"]["integer"].values()) == 9
    assert set(report["outcomes_by_kind"]["integer"]) <= {"pass", "wrong_answer", "unparseable", "ambiguous"}


async def test_records_carry_per_prompt_statistics(fault_server, tmp_path):
    step, engines = make_step(fault_server, tmp_path, k=10, m=10, batch=5)
    records = await run(step, engines)
    assert records
    for record in records:
        stats = record.fields["rejection_stats"]
        assert stats["tried"] == 10 and 0 < stats["accepted"] <= 10
        assert stats["pass_rate"] == pytest.approx(stats["accepted"] / 10)
        assert set(stats) >= {"pass@1", "pass@5", "pass@10", "tokens_per_accepted", "outcomes"}
        assert record.lineage.technique == "rejection_sampling" and record.lineage.params["k"] == 10


def test_distinct_keeps_one_solution_per_reasoning_path():
    solutions = ["2+3=5, so 5*2=10. Answer 10", "We get 2 + 3 = 5 and then 5*2 = 10! The answer is 10.",
                 "First 2 + 3 = 5. Next 5 * 2 = 10, so 10.", "Double 5 = 10. Answer 10"]
    kept = distinct(solutions, equations_key)
    assert len(kept) == 2 and 3 in kept  # one of the three same-path solutions, and the different one


async def test_every_rejected_candidate_is_removed_with_its_verdict(fault_server, tmp_path):
    step, engines = make_step(fault_server, tmp_path, k=2, m=1, batch=1)
    out = await run(step, engines)
    empty = [s for s in step.states if not s.accepted]
    tried = sum(s.tried for s in step.states)
    # candidates = kept + dropped, exactly: each rejected sample is a removed record
    assert empty and len(out) + len(step.removed) == tried
    assert {r.lineage.parents[0] for r in step.removed} >= {s.record.id for s in empty}
    assert {r.id for r in out}.isdisjoint(r.id for r in step.removed)
    for record in step.removed:
        meta = record.meta["rejection"]
        assert meta["removed"] == "rejected by the verifier (no_match)"
        assert meta["verification"]["outcome"] == "no_match"
        assert not seed_is_even(record.fields["response"])


async def test_pass_at_k_under_early_stopping_is_unbiased_and_rises_with_k(fault_server, tmp_path):
    """Each candidate passes with chance 1/2 (its seed's parity). Stopping at the first pass leaves
    only the prompts that failed early with k draws: averaging the binomial estimator over those put
    pass@5 below pass@1. The report's figure is over every prompt and close to 1 - 0.5 ** k."""
    problems = [{"question": f"What is {i} + {i}?", "answer": str(2 * i)} for i in range(240)]
    step, engines = make_step(fault_server, tmp_path, k=10, m=1, batch=1, class_field=None)
    records = await run(step, engines, problems)
    report = step.report()
    values = [report["pass@1"], report["pass@5"], report["pass@10"]]
    assert values == sorted(values) and report["pass_at_k_prompts"] == 240
    for k, value in zip((1, 5, 10), values, strict=True):
        assert abs(value - (1 - 0.5 ** k)) < 0.1, (k, value)
    assert "first j candidates" in report["pass_at_k_note"]
    assert records and all("pass@5" not in r.fields["rejection_stats"] for r in records)  # per prompt: biased
